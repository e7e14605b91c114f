/* test_serve.c: the JSON API of parley serve without a socket (src/serve/api.c): paging,
 * filters and their errors, one event with its evidence cut into marked pieces and its
 * article's quotes, series, actors, unknown paths and methods. The HTTP side is tested end to
 * end by tests/serve_test.sh and tests/browser_test.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "serve/api.h"

static char path[256];
static char err[512];
static store *db;

/* The article text the records below come from:
 * "Putin met Xi in Beijing. <b>Bold</b> Russia attacked Ukraine." */
static const char *const RECORDS[] = {
    "{\"type\":\"article\",\"doc\":\"a1\",\"date\":\"2024-02-09\",\"title\":\"Talks\","
    "\"source\":\"wire\",\"text_hash\":\"00000000000000a1\"}",
    "{\"type\":\"event\",\"doc\":\"a1\",\"sentence\":0,\"date\":\"2024-02-09\",\"date_source\":"
    "\"article\",\"source\":\"RUSGOV\",\"target\":\"CHNGOV\",\"code\":\"040\",\"root\":\"04\","
    "\"quad_class\":1,\"goldstein\":1.0,\"plover\":\"CONSULT\",\"source_text\":\"Putin\","
    "\"target_text\":\"Xi\",\"verb_text\":\"met\",\"source_span\":[0,5],\"verb_span\":[6,9],"
    "\"target_span\":[10,12],\"evidence\":\"Putin met Xi in Beijing.\",\"evidence_span\":[0,24],"
    "\"pattern\":\"meet\",\"negated\":false,\"modality\":\"\",\"reported_by\":\"\"}",
    "{\"type\":\"event\",\"doc\":\"a1\",\"sentence\":1,\"date\":\"2024-03-01\",\"date_source\":"
    "\"text\",\"source\":\"RUS\",\"target\":\"UKR\",\"code\":\"190\",\"root\":\"19\","
    "\"quad_class\":4,\"goldstein\":-10.0,\"plover\":\"ASSAULT\",\"source_text\":\"Russia\","
    "\"target_text\":\"Ukraine\",\"verb_text\":\"attacked\",\"source_span\":[37,43],"
    "\"verb_span\":[44,52],\"target_span\":[53,60],\"evidence\":\"<b>Bold</b> Russia attacked "
    "Ukraine.\",\"evidence_span\":[25,61],\"pattern\":\"attack\",\"negated\":false,\"modality\":"
    "\"\",\"reported_by\":\"\"}",
    "{\"type\":\"quote\",\"doc\":\"a1\",\"sentence\":0,\"text\":\"We talked\",\"speaker\":"
    "\"Vladimir Putin\",\"speaker_code\":\"RUSGOV\",\"span\":[0,9]}",
};

static int setup(void **st) {
    (void)st;
    snprintf(path, sizeof path, "/tmp/parley-test-serve-%ld.db", (long)getpid());
    unlink(path);
    store *w = store_open(path, 0, err, sizeof err);
    assert_non_null(w);
    for (size_t i = 0; i < sizeof RECORDS / sizeof *RECORDS; i++) {
        json_t *r = json_loads(RECORDS[i], 0, NULL);
        assert_non_null(r);
        if (store_add(w, r, err, sizeof err) != 0) fail_msg("%s", err);
        json_decref(r);
    }
    assert_int_equal(store_close(w, err, sizeof err), 0);
    db = store_open(path, STORE_READONLY, err, sizeof err);
    assert_non_null(db);
    return 0;
}

static int teardown(void **st) {
    (void)st;
    store_close(db, NULL, 0);
    char p[300];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", path, suffix[i]);
        unlink(p);
    }
    return 0;
}

/* GET path?query (query: "a=1&b=2", no escapes); returns the status, the body in *body. */
static int get(const char *method, const char *path_and_query, json_t **body) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s", path_and_query);
    api_param params[API_MAX_PARAMS];
    int n = 0;
    char *q = strchr(buf, '?');
    if (q) {
        *q++ = '\0';
        for (char *kv = strtok(q, "&"); kv && n < API_MAX_PARAMS; kv = strtok(NULL, "&")) {
            char *eq = strchr(kv, '=');
            if (eq) *eq++ = '\0';
            params[n++] = (api_param){kv, eq ? eq : ""};
        }
    }
    api_request req = {method, buf, params, n};
    api_response out;
    api_handle(db, &req, &out);
    assert_non_null(out.body);
    *body = json_loads(out.body, 0, NULL);
    assert_non_null(*body);
    free(out.body);
    return out.status;
}

static const char *error_of(json_t *body) {
    return json_string_value(json_object_get(body, "error"));
}

static void test_event_pages(void **st) {
    (void)st;
    json_t *b;
    assert_int_equal(get("GET", "/api/events", &b), 200);
    assert_int_equal(json_integer_value(json_object_get(b, "count")), 2);
    assert_int_equal(json_integer_value(json_object_get(b, "limit")), API_DEFAULT_LIMIT);
    assert_true(json_is_null(json_object_get(b, "next_offset")));
    json_t *first = json_array_get(json_object_get(b, "events"), 0);
    assert_string_equal(json_string_value(json_object_get(first, "code")), "040");
    json_decref(b);

    assert_int_equal(get("GET", "/api/events?limit=1", &b), 200);
    assert_int_equal(json_integer_value(json_object_get(b, "count")), 1);
    assert_int_equal(json_integer_value(json_object_get(b, "next_offset")), 1);
    json_decref(b);
    assert_int_equal(get("GET", "/api/events?limit=1&offset=1", &b), 200);
    first = json_array_get(json_object_get(b, "events"), 0);
    assert_string_equal(json_string_value(json_object_get(first, "code")), "190");
    assert_true(json_is_null(json_object_get(b, "next_offset")));
    json_decref(b);
    assert_int_equal(get("HEAD", "/api/events?actor=UKR&quad=4&from=2024-03-01", &b), 200);
    assert_int_equal(json_integer_value(json_object_get(b, "count")), 1);
    json_decref(b);
}

static void test_bad_parameters(void **st) {
    (void)st;
    json_t *b;
    assert_int_equal(get("GET", "/api/events?colour=red", &b), 400);
    assert_string_equal(error_of(b), "unknown parameter 'colour' for /api/events");
    json_decref(b);
    assert_int_equal(get("GET", "/api/events?root=19&root=04", &b), 400);
    assert_string_equal(error_of(b), "parameter 'root' given twice");
    json_decref(b);
    assert_int_equal(get("GET", "/api/events?from=yesterday", &b), 400);
    assert_string_equal(error_of(b), "from must be YYYY-MM-DD, got 'yesterday'");
    json_decref(b);
    assert_int_equal(get("GET", "/api/events?limit=501", &b), 400);
    assert_string_equal(error_of(b), "limit takes at most 500, got 501");
    json_decref(b);
    assert_int_equal(get("GET", "/api/events?text=AND", &b), 400);
    assert_non_null(strstr(error_of(b), "text: "));
    json_decref(b);
    assert_int_equal(get("GET", "/api/quotes?root=19", &b), 400);
    assert_string_equal(error_of(b), "unknown parameter 'root' for /api/quotes");
    json_decref(b);
    assert_int_equal(get("GET", "/api/series?by=week", &b), 400);
    json_decref(b);
    assert_int_equal(get("GET", "/api/actors?q=", &b), 400);
    json_decref(b);
}

/* The evidence "<b>Bold</b> Russia attacked Ukraine." starts at byte 25 of the article. */
static void test_one_event(void **st) {
    (void)st;
    json_t *b;
    assert_int_equal(get("GET", "/api/events/2", &b), 200);
    json_t *event = json_object_get(b, "event");
    assert_string_equal(json_string_value(json_object_get(event, "source")), "RUS");
    json_t *m = json_array_get(json_object_get(b, "mentions"), 0);
    assert_string_equal(json_string_value(json_object_get(m, "title")), "Talks");
    char *parts = json_dumps(json_object_get(m, "evidence_parts"), JSON_COMPACT);
    assert_string_equal(parts, "[{\"text\":\"<b>Bold</b> \"},{\"text\":\"Russia\",\"role\":"
                               "\"source\"},{\"text\":\" \"},{\"text\":\"attacked\",\"role\":"
                               "\"verb\"},{\"text\":\" \"},{\"text\":\"Ukraine\",\"role\":"
                               "\"target\"},{\"text\":\".\"}]");
    free(parts);
    json_t *q = json_array_get(json_object_get(b, "quotes"), 0);
    assert_string_equal(json_string_value(json_object_get(q, "speaker")), "Vladimir Putin");
    json_decref(b);
    assert_int_equal(get("GET", "/api/events/99", &b), 404);
    assert_string_equal(error_of(b), "no event with id 99");
    json_decref(b);
    assert_int_equal(get("GET", "/api/events/x1", &b), 400);
    json_decref(b);
    assert_int_equal(get("GET", "/api/events/1?limit=2", &b), 400);
    json_decref(b);
}

static void test_series_actors_and_routes(void **st) {
    (void)st;
    json_t *b;
    assert_int_equal(get("GET", "/api/series?by=month-quad", &b), 200);
    char *rows = json_dumps(json_object_get(b, "rows"), JSON_COMPACT);
    assert_string_equal(rows, "[{\"month\":\"2024-02\",\"quad_class\":1,\"events\":1,"
                              "\"mentions\":1,\"goldstein_sum\":1.0},{\"month\":\"2024-03\","
                              "\"quad_class\":4,\"events\":1,\"mentions\":1,\"goldstein_sum\":"
                              "-10.0}]");
    free(rows);
    json_decref(b);
    assert_int_equal(get("GET", "/api/series?by=dyad&source=RUS", &b), 200);
    assert_int_equal(json_array_size(json_object_get(b, "rows")), 2);
    json_decref(b);
    assert_int_equal(get("GET", "/api/actors?q=RUS", &b), 200);
    /* the event actors and the quote's speaker, most mentioned first */
    assert_int_equal(json_integer_value(json_object_get(b, "count")), 3);
    json_t *a0 = json_array_get(json_object_get(b, "actors"), 0);
    assert_string_equal(json_string_value(json_object_get(a0, "code")), "RUS");
    json_decref(b);
    assert_int_equal(get("GET", "/api/quotes?actor=Putin", &b), 200);
    assert_int_equal(json_integer_value(json_object_get(b, "count")), 1);
    json_decref(b);
    assert_int_equal(get("GET", "/api", &b), 200);
    assert_int_equal(json_array_size(json_object_get(b, "endpoints")), 5);
    json_decref(b);
    assert_int_equal(get("GET", "/api/nothing", &b), 404);
    json_decref(b);
    api_request req = {"DELETE", "/api/events", NULL, 0};
    api_response out;
    api_handle(db, &req, &out);
    assert_int_equal(out.status, 405);
    assert_string_equal(out.allow, "GET, HEAD");
    free(out.body);
    assert_int_equal(api_owns("/api"), 1);
    assert_int_equal(api_owns("/api/events"), 1);
    assert_int_equal(api_owns("/apiary"), 0);
    assert_int_equal(api_owns("/"), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event_pages),
        cmocka_unit_test(test_bad_parameters),
        cmocka_unit_test(test_one_event),
        cmocka_unit_test(test_series_actors_and_routes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

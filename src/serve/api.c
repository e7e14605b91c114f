/* api.c: the JSON API of `parley serve`; see api.h and docs/api.md.
 *
 * Every list answers {"<items>": [...], "limit", "offset", "count", "next_offset"} where
 * next_offset is null on the last page; one row more than the page is read to know whether
 * there is a next one. Parameters are checked by the store's own filter reader
 * (store_filter_set), so the API refuses exactly what `parley query` refuses. */
#include "api.h"

#include "rows_json.h"

#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- answers ---- */

static void answer(api_response *out, int status, json_t *body) {
    out->status = status;
    /* ten significant digits: Goldstein sums print as 20.4, not 20.399999999999999 */
    out->body = body
                    ? json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10))
                    : NULL;
    out->len = out->body ? strlen(out->body) : 0;
    json_decref(body);
    if (!out->body) out->status = 500;
}

static void fail(api_response *out, int status, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    answer(out, status, json_pack("{ss}", "error", msg));
}

/* A failed read: a time-out is the server's limit (503), anything else a fault (500), and an
 * FTS5 query SQLite cannot parse the client's mistake (400). */
static void read_failed(api_response *out, const char *err) {
    if (strstr(err, "fts5: syntax error"))
        fail(out, 400, "text: %s", err);
    else if (strstr(err, "query interrupted"))
        fail(out, 503, "%s", err);
    else
        fail(out, 500, "database error: %s", err);
}

/* ---- parameters ---- */

/* The parameters an endpoint takes besides the filters it names. */
typedef struct {
    const char *const *filters; /* store_filter names this endpoint accepts */
    const char *const *own;     /* names it reads itself (by, q) */
} param_rules;

static int listed(const char *name, const char *const *names) {
    for (; names && *names; names++)
        if (!strcmp(name, *names)) return 1;
    return 0;
}

static const char *param(const api_request *req, const char *name) {
    for (int i = 0; i < req->nparams; i++)
        if (!strcmp(req->params[i].name, name)) return req->params[i].value;
    return NULL;
}

/* Fill f from the request's parameters, 0; or answer 400 and return -1. */
static int read_params(const api_request *req, const param_rules *rules, store_filter *f,
                       api_response *out) {
    memset(f, 0, sizeof *f);
    for (int i = 0; i < req->nparams; i++) {
        const char *name = req->params[i].name, *value = req->params[i].value;
        for (int j = 0; j < i; j++)
            if (!strcmp(req->params[j].name, name)) {
                fail(out, 400, "parameter '%.40s' given twice", name);
                return -1;
            }
        if (listed(name, rules->own)) continue;
        if (!listed(name, rules->filters)) {
            fail(out, 400, "unknown parameter '%.40s' for %.60s", name, req->path);
            return -1;
        }
        char err[200];
        if (store_filter_set(f, name, value ? value : "", err, sizeof err) < 0) {
            fail(out, 400, "%s", err);
            return -1;
        }
    }
    return 0;
}

/* The page size: limit when given (at most max), else the default; -1 after answering 400. */
static long page_limit(const store_filter *f, long dflt, long max, api_response *out) {
    if (!f->limit) return dflt;
    if (f->limit > max) {
        fail(out, 400, "limit takes at most %ld, got %ld", max, f->limit);
        return -1;
    }
    return f->limit;
}

/* ---- rows into JSON ---- */

static int collect(void *user, const store_row *row) {
    json_t *o = store_row_json(row);
    if (!o) return -1;
    return json_array_append_new(user, o) < 0 ? -1 : 0;
}

/* A page of rows written as JSON text (rows_json.h): up to limit rows; the reader is asked for
 * one more, whose arrival only says that a next page exists. */
typedef struct {
    json_text t;
    long rows, limit;
    int more;
} row_page;

static int page_row(void *user, const store_row *row) {
    row_page *p = user;
    if (p->rows == p->limit) {
        p->more = 1;
        return 1; /* stop reading: the reader returns 1 */
    }
    if (p->rows++) json_text_raw(&p->t, ",", 1);
    json_text_row(&p->t, row);
    return p->t.failed ? -1 : 0;
}

static void page_start(row_page *p, const char *key, long limit) {
    *p = (row_page){.limit = limit};
    json_text_cstr(&p->t, "{");
    json_text_string(&p->t, key);
    json_text_cstr(&p->t, ":[");
}

/* Answer the page read with reader_rc: {"<key>": rows, limit, offset, count, next_offset}. */
/* 1 when the rows were read; otherwise the failure is answered and the text freed. */
static int page_read(api_response *out, row_page *p, int reader_rc, const char *err) {
    if (reader_rc >= 0 && !p->t.failed) return 1;
    json_text_free(&p->t);
    read_failed(out, err[0] ? err : "out of memory");
    return 0;
}

/* Answer 200 with the finished text (500 when an allocation failed on the way). */
static void page_done(api_response *out, row_page *p) {
    if (p->t.failed) {
        json_text_free(&p->t);
        fail(out, 500, "out of memory");
        return;
    }
    out->status = 200;
    out->body = p->t.text;
    out->len = p->t.len;
}

static void page_answer(api_response *out, row_page *p, int reader_rc, long offset,
                        const char *err) {
    if (!page_read(out, p, reader_rc, err)) return;
    json_text_cstr(&p->t, "],\"limit\":");
    json_text_long(&p->t, p->limit);
    json_text_cstr(&p->t, ",\"offset\":");
    json_text_long(&p->t, offset);
    json_text_cstr(&p->t, ",\"count\":");
    json_text_long(&p->t, p->rows);
    json_text_cstr(&p->t, ",\"next_offset\":");
    if (p->more)
        json_text_long(&p->t, offset + p->rows);
    else
        json_text_cstr(&p->t, "null");
    json_text_cstr(&p->t, "}");
    page_done(out, p);
}

typedef int (*list_reader)(store *s, const store_filter *f, store_row_fn fn, void *user, char *err,
                           size_t cap);

static void list(store *s, const api_request *req, const param_rules *rules, const char *key,
                 list_reader reader, api_response *out) {
    store_filter f;
    if (read_params(req, rules, &f, out) < 0) return;
    long limit = page_limit(&f, API_DEFAULT_LIMIT, API_MAX_LIMIT, out);
    if (limit < 0) return;
    f.limit = limit + 1;
    row_page p;
    page_start(&p, key, limit);
    char err[512] = "";
    int rc = reader(s, &f, page_row, &p, err, sizeof err);
    page_answer(out, &p, rc, f.offset, err);
}

static const char *const EVENT_FILTERS[] = {"from", "to",   "actor", "source", "target",
                                            "code", "root", "quad",  "plover", "outlet",
                                            "text", "doc",  "limit", "offset", NULL};
static const char *const QUOTE_FILTERS[] = {"from", "to",    "actor",  "outlet", "text",
                                            "doc",  "limit", "offset", NULL};

static void get_events(store *s, const api_request *req, api_response *out) {
    param_rules rules = {EVENT_FILTERS, NULL};
    list(s, req, &rules, "events", store_query_events, out);
}

static void get_quotes(store *s, const api_request *req, api_response *out) {
    param_rules rules = {QUOTE_FILTERS, NULL};
    list(s, req, &rules, "quotes", store_query_quotes, out);
}

/* ---- one event ---- */

static long long int_of(json_t *o, const char *key, int *has) {
    json_t *v = json_object_get(o, key);
    *has = json_is_integer(v);
    return *has ? json_integer_value(v) : 0;
}

typedef struct {
    long long start, end;
    const char *role;
} marked_span;

static int by_start(const void *a, const void *b) {
    const marked_span *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

/* Append the piece [from, to) of text to parts, with role (NULL: plain). -1 when the piece is
 * not valid UTF-8 (a span inside a character) or out of memory. */
static int add_part(json_t *parts, const char *text, long long from, long long to,
                    const char *role) {
    if (to <= from) return 0;
    json_t *piece = json_stringn(text + from, (size_t)(to - from));
    if (!piece) return -1;
    json_t *o =
        role ? json_pack("{soss}", "text", piece, "role", role) : json_pack("{so}", "text", piece);
    return o ? json_array_append_new(parts, o) : -1;
}

/* The evidence sentence cut into pieces, the source, verb and target marked with their role:
 * [{"text":"Putin"," role":"source"}, {"text":" met "}, ...]. The spans are byte offsets in
 * the article; evidence_start places the sentence in it. Without evidence_start (mentions
 * stored before schema 2) or with spans that do not fit, the sentence is one plain piece. */
static json_t *evidence_parts(json_t *mention) {
    const char *text = json_string_value(json_object_get(mention, "evidence"));
    if (!text) text = "";
    long long len = (long long)strlen(text);
    int has;
    long long base = int_of(mention, "evidence_start", &has);
    marked_span spans[3];
    int n = 0;
    static const char *const ROLES[] = {"source", "verb", "target"};
    for (int i = 0; i < 3 && has; i++) {
        char k1[16], k2[16];
        int h1, h2;
        snprintf(k1, sizeof k1, "%s_start", ROLES[i]);
        snprintf(k2, sizeof k2, "%s_end", ROLES[i]);
        long long a = int_of(mention, k1, &h1) - base, b = int_of(mention, k2, &h2) - base;
        if (h1 && h2 && a >= 0 && b <= len && a < b) spans[n++] = (marked_span){a, b, ROLES[i]};
    }
    qsort(spans, (size_t)n, sizeof *spans, by_start);
    json_t *parts = json_array();
    long long at = 0;
    int ok = parts != NULL;
    for (int i = 0; i < n && ok; i++) {
        if (spans[i].start < at) continue; /* overlapping spans: the first one wins */
        ok = add_part(parts, text, at, spans[i].start, NULL) == 0 &&
             add_part(parts, text, spans[i].start, spans[i].end, spans[i].role) == 0;
        at = spans[i].end;
    }
    if (ok) ok = add_part(parts, text, at, len, NULL) == 0;
    if (ok) return parts;
    json_decref(parts);
    parts = json_array();
    if (parts && add_part(parts, text, 0, len, NULL) < 0) json_array_clear(parts);
    return parts;
}

enum { MAX_DETAIL_MENTIONS = 200, MAX_DETAIL_ARTICLES = 20 };

/* Quotes of the articles the mentions come from (each article once), into quotes. */
static int article_quotes(store *s, json_t *mentions, json_t *quotes, char *err, size_t cap) {
    const char *docs[MAX_DETAIL_ARTICLES];
    int ndocs = 0;
    size_t i;
    json_t *m;
    json_array_foreach(mentions, i, m) {
        const char *doc = json_string_value(json_object_get(m, "doc"));
        int seen = !doc;
        for (int k = 0; k < ndocs && !seen; k++)
            seen = !strcmp(docs[k], doc);
        if (seen || ndocs == MAX_DETAIL_ARTICLES) continue;
        docs[ndocs++] = doc;
        store_filter f = {.doc = doc, .limit = API_MAX_LIMIT};
        if (store_query_quotes(s, &f, collect, quotes, err, cap) != 0) return -1;
    }
    return 0;
}

/* /api/events/{id}: the event, all its mentions (with the evidence cut into marked pieces)
 * and the quotes of the articles that report it. */
static void get_event(store *s, const api_request *req, api_response *out) {
    const char *id_text = req->path + strlen("/api/events/");
    char *end;
    long long id = strtoll(id_text, &end, 10);
    if (!isdigit((unsigned char)id_text[0]) || *end || id <= 0 || strlen(id_text) > 18) {
        fail(out, 400, "event id must be a positive number, got '%.40s'", id_text);
        return;
    }
    if (req->nparams) {
        fail(out, 400, "unknown parameter '%.40s' for /api/events/{id}", req->params[0].name);
        return;
    }
    json_t *found = json_array(), *mentions = json_array(), *quotes = json_array();
    char err[512] = "";
    int rc =
        found && mentions && quotes ? store_get_event(s, id, collect, found, err, sizeof err) : -1;
    if (rc == 0 && json_array_size(found) == 1)
        rc = store_event_mentions(s, id, collect, mentions, err, sizeof err);
    if (rc == 0) {
        while (json_array_size(mentions) > MAX_DETAIL_MENTIONS)
            json_array_remove(mentions, json_array_size(mentions) - 1);
        size_t i;
        json_t *m;
        json_array_foreach(mentions, i, m)
            json_object_set_new(m, "evidence_parts", evidence_parts(m));
        rc = article_quotes(s, mentions, quotes, err, sizeof err);
    }
    if (rc != 0)
        read_failed(out, err[0] ? err : "out of memory");
    else if (json_array_size(found) == 0)
        fail(out, 404, "no event with id %lld", id);
    else {
        answer(out, 200,
               json_pack("{sOsOsO}", "event", json_array_get(found, 0), "mentions", mentions,
                         "quotes", quotes));
    }
    json_decref(found);
    json_decref(mentions);
    json_decref(quotes);
}

/* ---- series and actors ---- */

static const char *const SERIES_BY[] = {"root", "dyad", "month", "dyad-month", "month-quad"};

static void get_series(store *s, const api_request *req, api_response *out) {
    static const char *const OWN[] = {"by", NULL};
    static const char *const FILTERS[] = {"from", "to",   "actor", "source", "target",
                                          "code", "root", "quad",  "plover", "outlet",
                                          "text", "doc",  "limit", NULL};
    param_rules rules = {FILTERS, OWN};
    store_filter f;
    if (read_params(req, &rules, &f, out) < 0) return;
    const char *by_name = param(req, "by");
    if (!by_name) by_name = "month";
    int by = -1;
    for (int i = 0; i < 5; i++)
        if (!strcmp(by_name, SERIES_BY[i])) by = i;
    if (by < 0) {
        fail(out, 400, "by is root, dyad, month, dyad-month or month-quad, got '%.40s'", by_name);
        return;
    }
    long limit = page_limit(&f, API_MAX_SERIES, API_MAX_SERIES, out);
    if (limit < 0) return;
    f.limit = limit + 1;
    row_page p;
    page_start(&p, "rows", limit);
    char err[512] = "";
    int rc = store_stats(s, (store_stats_by)by, &f, page_row, &p, err, sizeof err);
    if (!page_read(out, &p, rc, err)) return;
    json_text_cstr(&p.t, "],\"by\":");
    json_text_string(&p.t, SERIES_BY[by]);
    json_text_cstr(&p.t, p.more ? ",\"truncated\":true}" : ",\"truncated\":false}");
    page_done(out, &p);
}

static void get_actors(store *s, const api_request *req, api_response *out) {
    static const char *const OWN[] = {"q", NULL};
    static const char *const FILTERS[] = {"limit", "offset", NULL};
    param_rules rules = {FILTERS, OWN};
    store_filter f;
    if (read_params(req, &rules, &f, out) < 0) return;
    long limit = page_limit(&f, API_DEFAULT_LIMIT, API_MAX_LIMIT, out);
    if (limit < 0) return;
    const char *q = param(req, "q");
    if (q && (!q[0] || strlen(q) > 100)) {
        fail(out, 400, "q must be 1 to 100 characters");
        return;
    }
    row_page p;
    page_start(&p, "actors", limit);
    char err[512] = "";
    int rc = store_actors(s, q, limit + 1, f.offset, page_row, &p, err, sizeof err);
    page_answer(out, &p, rc, f.offset, err);
}

static void get_index(store *s, const api_request *req, api_response *out) {
    (void)s;
    (void)req;
    answer(out, 200,
           json_pack("{s[sssss]ss}", "endpoints", "/api/events", "/api/events/{id}", "/api/quotes",
                     "/api/series", "/api/actors", "docs", "docs/api.md"));
}

/* ---- routing ---- */

int api_owns(const char *path) {
    return !strncmp(path, "/api", 4) && (path[4] == '\0' || path[4] == '/');
}

typedef struct {
    const char *path;
    int prefix; /* path is a prefix followed by an id */
    void (*answer)(store *s, const api_request *req, api_response *out);
} route;

static const route ROUTES[] = {
    {"/api", 0, get_index},         {"/api/", 0, get_index},        {"/api/events", 0, get_events},
    {"/api/events/", 1, get_event}, {"/api/quotes", 0, get_quotes}, {"/api/series", 0, get_series},
    {"/api/actors", 0, get_actors},
};

void api_handle(store *s, const api_request *req, api_response *out) {
    memset(out, 0, sizeof *out);
    const route *r = NULL;
    for (size_t i = 0; i < sizeof ROUTES / sizeof *ROUTES && !r; i++)
        if (ROUTES[i].prefix ? !strncmp(req->path, ROUTES[i].path, strlen(ROUTES[i].path))
                             : !strcmp(req->path, ROUTES[i].path))
            r = &ROUTES[i];
    if (!r) {
        fail(out, 404, "no such endpoint: %.100s (see /api)", req->path);
        return;
    }
    if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0) {
        fail(out, 405, "%.20s is not allowed here: the API is read-only (GET, HEAD)", req->method);
        out->allow = "GET, HEAD";
        return;
    }
    r->answer(s, req, out);
}

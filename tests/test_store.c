/* test_store.c: the event database: schema and version, de-duplication, batches, every query
 * filter, statistics, and the column counts of each export format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store/store.h"

static char path[256];
static char err[512];

static int setup(void **st) {
    (void)st;
    snprintf(path, sizeof path, "/tmp/parley-test-store-%ld.db", (long)getpid());
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char p[300];
        snprintf(p, sizeof p, "%s%s", path, suffix[i]);
        unlink(p);
    }
    return 0;
}

static store *open_new(void) {
    setup(NULL);
    store *s = store_open(path, 0, err, sizeof err);
    assert_non_null(s);
    return s;
}

static void add_ok(store *s, json_t *rec) {
    assert_non_null(rec);
    int rc = store_add(s, rec, err, sizeof err);
    json_decref(rec);
    if (rc != 0) fail_msg("store_add: %s", err);
}

static json_t *article(const char *doc, const char *date, const char *outlet, const char *hash) {
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "type", "article", "doc", doc, "date", date,
                     "title", "A title", "source", outlet, "text_hash", hash);
}

static json_t *event(const char *doc, int sentence, const char *date, const char *src,
                     const char *tgt, const char *code, const char *evidence) {
    char root[3] = {code[0], code[1], 0};
    int quad = code[1] >= '6' || code[0] == '1' ? 4 : 1;
    return json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:f, s:s, s:s, s:s, "
                     "s:s, s:[ii], s:[ii], s:[ii], s:s, s:s, s:b, s:s, s:s}",
                     "type", "event", "doc", doc, "sentence", sentence, "date", date, "date_source",
                     "article", "source", src, "target", tgt, "code", code, "root", root,
                     "quad_class", quad, "goldstein", code[0] == '1' ? -5.0 : 3.0, "plover",
                     code[0] == '0' && code[1] == '3' ? "AGREE" : "", "source_text",
                     !strncmp(src, "RUS", 3) ? "Vladimir Putin" : "Joe Biden", "target_text",
                     "the other side", "verb_text", "said", "source_span", 0, 5, "verb_span", 6, 10,
                     "target_span", 11, 20, "evidence", evidence, "pattern", "- * [036]", "negated",
                     0, "modality", "", "reported_by", "");
}

static json_t *quote(const char *doc, const char *speaker, const char *code, const char *text) {
    return json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:[ii]}", "type", "quote", "doc", doc,
                     "sentence", 2, "text", text, "speaker", speaker, "speaker_code", code, "span",
                     3, 40);
}

static long count(const char *sql) {
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

static void close_ok(store *s) {
    if (store_close(s, err, sizeof err) != 0) fail_msg("store_close: %s", err);
}

/* ---- schema ---- */

static void test_schema_version(void **st) {
    (void)st;
    store *s = open_new();
    assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
    close_ok(s);
    assert_int_equal(count("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    assert_int_equal(count("SELECT count(*) FROM sqlite_master WHERE name IN ('articles',"
                           "'events','mentions','quotes','quote_mentions','actors','search')"),
                     7);
    assert_int_equal(count("SELECT count(*) FROM sqlite_master WHERE type='index' AND name IN "
                           "('events_source','events_target','events_code','events_root')"),
                     4);
    /* reopening an up-to-date database changes nothing */
    s = store_open(path, 0, err, sizeof err);
    assert_non_null(s);
    close_ok(s);
    assert_int_equal(count("PRAGMA user_version"), STORE_SCHEMA_VERSION);
}

/* A version-1 database (before mentions.evidence_start) is migrated on open, keeping its rows;
 * read-only opens refuse it with the command that migrates it. */
static void test_migration_from_version_1(void **st) {
    (void)st;
    store *s = open_new();
    add_ok(s, article("a1", "2022-12-01", "wire", "h1"));
    add_ok(s, event("a1", 0, "2022-12-01", "USAGOV", "RUSGOV", "036", "Biden offered talks."));
    close_ok(s);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "ALTER TABLE mentions DROP COLUMN evidence_start;"
                                  " DROP INDEX events_date_quad; DROP INDEX events_dyad;"
                                  " PRAGMA user_version=1",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    assert_null(store_open(path, STORE_READONLY, err, sizeof err));
    assert_non_null(strstr(err, "schema version 1, expected 2 (run parley ingest to migrate)"));
    s = store_open(path, 0, err, sizeof err);
    assert_non_null(s);
    close_ok(s);
    assert_int_equal(count("PRAGMA user_version"), 2);
    assert_int_equal(count("SELECT count(*) FROM mentions WHERE evidence_start IS NULL"), 1);
    assert_int_equal(count("SELECT count(*) FROM events"), 1);
    assert_int_equal(count("SELECT count(*) FROM sqlite_master WHERE name IN"
                           " ('events_date_quad', 'events_dyad')"),
                     2);
}

static void test_wal_mode(void **st) {
    (void)st;
    close_ok(open_new());
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "wal");
    sqlite3_finalize(q);
    sqlite3_close(db);
}

static void test_newer_and_foreign_databases_refused(void **st) {
    (void)st;
    close_ok(open_new());
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_null(store_open(path, 0, err, sizeof err));
    assert_non_null(strstr(err, "schema version 99 is newer"));
    assert_non_null(strstr(err, path));

    setup(NULL);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_null(store_open(path, 0, err, sizeof err));
    assert_non_null(strstr(err, "not a parley database"));

    setup(NULL);
    assert_null(store_open(path, STORE_READONLY, err, sizeof err));
    assert_non_null(strstr(err, "cannot open"));
}

/* ---- de-duplication ---- */

static void two_articles_one_event(store *s) {
    add_ok(s, article("a1", "2024-02-09", "Reuters", "00000000000000a1"));
    add_ok(s, event("a1", 0, "2024-02-09", "RUSGOV", "UKRGOV", "036", "Putin offered talks."));
    add_ok(s, event("a1", 3, "2024-02-09", "RUSGOV", "UKRGOV", "036", "Again, talks."));
    add_ok(s, quote("a1", "Vladimir Putin", "RUSGOV", "We are ready to talk"));
    add_ok(s, article("a2", "2024-02-10", "AP", "00000000000000a2"));
    add_ok(s, event("a2", 1, "2024-02-09", "RUSGOV", "UKRGOV", "036", "Moscow offered talks."));
    add_ok(s, quote("a2", "Vladimir Putin", "RUSGOV", "We are ready to talk"));
}

static void test_same_event_in_two_articles(void **st) {
    (void)st;
    store *s = open_new();
    two_articles_one_event(s);
    const store_counts *c = store_get_counts(s);
    assert_int_equal(c->articles, 2);
    assert_int_equal(c->events, 1);
    assert_int_equal(c->mentions, 3);
    assert_int_equal(c->quotes, 1);
    assert_int_equal(c->quote_mentions, 2);
    close_ok(s);
    assert_int_equal(count("SELECT count(*) FROM events"), 1);
    assert_int_equal(count("SELECT num_mentions FROM events"), 3);
    assert_int_equal(count("SELECT num_articles FROM events"), 2);
    assert_int_equal(count("SELECT num_sources FROM events"), 2);
    assert_int_equal(count("SELECT count(*) FROM mentions"), 3);
    assert_int_equal(count("SELECT count(*) FROM quotes"), 1);
    assert_int_equal(count("SELECT num_articles FROM quotes"), 2);
    assert_int_equal(count("SELECT mentions FROM actors WHERE code='RUSGOV' AND "
                           "text='Vladimir Putin'"),
                     3 + 2);
}

static void test_same_outlet_counts_one_source(void **st) {
    (void)st;
    store *s = open_new();
    add_ok(s, article("b1", "2024-01-01", "Reuters", "00000000000000b1"));
    add_ok(s, event("b1", 0, "2024-01-01", "USA", "CHN", "042", "Visit."));
    add_ok(s, article("b2", "2024-01-01", "Reuters", "00000000000000b2"));
    add_ok(s, event("b2", 0, "2024-01-01", "USA", "CHN", "042", "Visit again."));
    close_ok(s);
    assert_int_equal(count("SELECT num_articles FROM events"), 2);
    assert_int_equal(count("SELECT num_sources FROM events"), 1);
}

static void test_same_article_again_changes_nothing(void **st) {
    (void)st;
    store *s = open_new();
    two_articles_one_event(s);
    close_ok(s);
    s = store_open(path, 0, err, sizeof err);
    assert_non_null(s);
    two_articles_one_event(s); /* same doc ids */
    /* a new doc id with the text of a1 */
    add_ok(s, article("copy-of-a1", "2024-02-09", "Other", "00000000000000a1"));
    add_ok(s, event("copy-of-a1", 0, "2024-02-09", "RUSGOV", "UKRGOV", "036", "Copy."));
    /* records of an article without an article line, already stored */
    add_ok(s, event("a2", 1, "2024-02-09", "RUSGOV", "UKRGOV", "036", "Moscow offered talks."));
    const store_counts *c = store_get_counts(s);
    assert_int_equal(c->articles, 0);
    assert_int_equal(c->articles_skipped, 4);
    assert_int_equal(c->mentions, 0);
    close_ok(s);
    assert_int_equal(count("SELECT count(*) FROM articles"), 2);
    assert_int_equal(count("SELECT count(*) FROM mentions"), 3);
    assert_int_equal(count("SELECT num_mentions FROM events"), 3);
    assert_int_equal(count("SELECT count(*) FROM quote_mentions"), 2);
}

static void test_article_known_only_by_its_records(void **st) {
    (void)st;
    store *s = open_new();
    add_ok(s, event("c1", 0, "2023-05-05", "USA", "CHN", "042", "Visit."));
    close_ok(s);
    assert_int_equal(count("SELECT count(*) FROM articles WHERE doc='c1' AND text_hash IS NULL"),
                     1);
    /* the article's date is the date of an event dated from the article */
    assert_int_equal(count("SELECT count(*) FROM articles WHERE date='2023-05-05'"), 1);
}

static void test_malformed_records(void **st) {
    (void)st;
    store *s = open_new();
    json_t *bad[] = {
        json_pack("[i]", 1),
        json_pack("{s:s}", "type", "event"),
        json_pack("{s:s, s:s, s:s, s:s}", "type", "event", "doc", "d", "date", "May 5", "code",
                  "042"),
        json_pack("{s:s, s:s, s:s, s:s, s:s}", "type", "event", "doc", "d", "date", "2024-01-01",
                  "code", "042", "sentence", "one"),
        json_pack("{s:s, s:s}", "type", "memo", "doc", "d"),
        json_pack("{s:s, s:s, s:s}", "type", "quote", "doc", "d", "speaker", "X"),
    };
    const char *msg[] = {"expected a JSON object",          "missing \"doc\"", "YYYY-MM-DD",
                         "\"sentence\" has the wrong type", "unknown record",  "no \"text\""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(store_add(s, bad[i], err, sizeof err), 1);
        if (!strstr(err, msg[i])) fail_msg("record %zu: '%s' lacks '%s'", i, err, msg[i]);
        json_decref(bad[i]);
    }
    assert_int_equal(store_get_counts(s)->articles, 0);
    close_ok(s);
    assert_int_equal(count("SELECT count(*) FROM articles"), 0);
}

/* ---- batches ---- */

static void test_batches_commit_at_article_boundaries(void **st) {
    (void)st;
    store *s = open_new();
    store_set_batch(s, 2);
    char doc[16], hash[17];
    for (int i = 0; i < 5; i++) {
        snprintf(doc, sizeof doc, "d%d", i);
        snprintf(hash, sizeof hash, "%016x", i + 1);
        add_ok(s, article(doc, "2024-03-01", "X", hash));
        add_ok(s, event(doc, 0, "2024-03-01", "USA", "MEX", "042", "Visit."));
    }
    /* articles d0-d3 were committed in two batches; d4 is in the open one */
    assert_int_equal(count("SELECT count(*) FROM articles"), 4);
    assert_int_equal(store_get_counts(s)->batches, 2);
    close_ok(s);
    assert_int_equal(count("SELECT count(*) FROM articles"), 5);
}

static void test_database_failure_rolls_back_the_batch(void **st) {
    (void)st;
    store *s = open_new();
    store_set_batch(s, 1);
    add_ok(s, article("f1", "2024-03-01", "X", "00000000000000f1"));
    add_ok(s, event("f1", 0, "2024-03-01", "USA", "MEX", "042", "Visit."));
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TRIGGER fail BEFORE INSERT ON mentions WHEN "
                                  "NEW.evidence = 'FAIL' BEGIN SELECT RAISE(ABORT, 'disk on "
                                  "fire'); END",
                                  NULL, NULL, NULL),
                     SQLITE_BUSY); /* the store holds the write lock of its open batch */
    add_ok(s, article("f2", "2024-03-02", "X", "00000000000000f2")); /* commits f1 */
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TRIGGER fail BEFORE INSERT ON mentions WHEN "
                                  "NEW.evidence = 'FAIL' BEGIN SELECT RAISE(ABORT, 'disk on "
                                  "fire'); END",
                                  NULL, NULL, NULL),
                     SQLITE_BUSY);
    sqlite3_close(db);
    close_ok(s);
    /* now with the trigger in place: a failure in the middle of an article */
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TRIGGER fail BEFORE INSERT ON mentions WHEN "
                                  "NEW.evidence = 'FAIL' BEGIN SELECT RAISE(ABORT, 'disk on "
                                  "fire'); END",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    s = store_open(path, 0, err, sizeof err);
    assert_non_null(s);
    add_ok(s, article("f3", "2024-03-03", "X", "00000000000000f3"));
    add_ok(s, event("f3", 0, "2024-03-03", "USA", "MEX", "042", "Visit."));
    json_t *bad = event("f3", 1, "2024-03-03", "USA", "CAN", "042", "FAIL");
    assert_int_equal(store_add(s, bad, err, sizeof err), -1);
    json_decref(bad);
    assert_non_null(strstr(err, "disk on fire"));
    close_ok(s);
    /* f1 and f2 were committed; nothing of f3 is left */
    assert_int_equal(count("SELECT count(*) FROM articles"), 2);
    assert_int_equal(count("SELECT count(*) FROM articles WHERE doc='f3'"), 0);
    assert_int_equal(count("SELECT count(*) FROM mentions"), 1);
}

static void test_text_hash(void **st) {
    (void)st;
    char h[17];
    store_text_hash("", 0, h);
    assert_string_equal(h, "cbf29ce484222325");
    store_text_hash("a", 1, h);
    assert_string_equal(h, "af63dc4c8601ec8c");
    char *line = store_article_line("x", "2024-01-01", NULL, "AP", "a", 1);
    assert_non_null(line);
    assert_string_equal(line, "{\"type\":\"article\",\"doc\":\"x\",\"date\":\"2024-01-01\","
                              "\"title\":null,\"source\":\"AP\",\"text_hash\":"
                              "\"af63dc4c8601ec8c\",\"text_len\":1}\n");
    free(line);
}

/* ---- queries ---- */

static void fill_query_db(void) {
    store *s = open_new();
    add_ok(s, article("q1", "2024-01-10", "Reuters", "0000000000000001"));
    add_ok(s, event("q1", 0, "2024-01-10", "RUSGOV", "UKRGOV", "036", "Putin offered talks."));
    add_ok(s, event("q1", 1, "2024-01-11", "UKRMIL", "RUSMIL", "190",
                    "Kyiv shelled Russian "
                    "positions."));
    add_ok(s, quote("q1", "Vladimir Putin", "RUSGOV", "Peace is possible"));
    add_ok(s, article("q2", "2024-02-20", "AP", "0000000000000002"));
    add_ok(s, event("q2", 0, "2024-02-20", "USAGOV", "RUSGOV", "112", "Biden accused Moscow."));
    add_ok(s, event("q2", 2, "2024-03-05", "USAGOV", "CHNGOV", "036", "Washington wants talks."));
    add_ok(s, quote("q2", "Joe Biden", "USAGOV", "Moscow must withdraw"));
    close_ok(s);
}

typedef struct {
    int rows;
    char ids[256];
} collected;

static int collect(void *user, const store_row *r) {
    collected *c = user;
    c->rows++;
    char b[32];
    snprintf(b, sizeof b, "%s%lld", c->ids[0] ? "," : "", (long long)r->values[0].i);
    strcat(c->ids, b);
    return 0;
}

static const char *events_where(store_filter f) {
    static collected c;
    memset(&c, 0, sizeof c);
    store *s = store_open(path, STORE_READONLY, err, sizeof err);
    assert_non_null(s);
    if (store_query_events(s, &f, collect, &c, err, sizeof err) != 0) fail_msg("query: %s", err);
    store_close(s, err, sizeof err);
    return c.ids;
}

static void test_query_filters(void **st) {
    (void)st;
    fill_query_db();
    /* ids by date order: 1 (01-10 RUS>UKR 036), 2 (01-11 UKR>RUS 190), 3 (02-20 USA>RUS 112),
     * 4 (03-05 USA>CHN 036) */
    assert_string_equal(events_where((store_filter){0}), "1,2,3,4");
    assert_string_equal(events_where((store_filter){.from = "2024-01-11"}), "2,3,4");
    assert_string_equal(events_where((store_filter){.to = "2024-02-20"}), "1,2,3");
    assert_string_equal(events_where((store_filter){.from = "2024-01-11", .to = "2024-01-11"}),
                        "2");
    assert_string_equal(events_where((store_filter){.actor = "RUS"}), "1,2,3");
    assert_string_equal(events_where((store_filter){.actor = "RUS", .from = "2024-02-01"}), "3");
    assert_string_equal(events_where((store_filter){.actor = "USAGOV"}), "3,4");
    /* the name selects the codes it was seen under (RUSGOV), not every RUS code */
    assert_string_equal(events_where((store_filter){.actor = "putin"}), "1,3");
    assert_string_equal(events_where((store_filter){.actor = "Biden"}), "2,3,4");
    assert_string_equal(events_where((store_filter){.source = "UKR"}), "2");
    assert_string_equal(events_where((store_filter){.target = "RUS"}), "2,3");
    assert_string_equal(events_where((store_filter){.code = "036"}), "1,4");
    assert_string_equal(events_where((store_filter){.code = "1"}), "2,3");
    assert_string_equal(events_where((store_filter){.root = "19"}), "2");
    assert_string_equal(events_where((store_filter){.quad = 4}), "2,3");
    assert_string_equal(events_where((store_filter){.plover = "agree"}), "1,4");
    assert_string_equal(events_where((store_filter){.outlet = "AP"}), "3,4");
    assert_string_equal(events_where((store_filter){.text = "talks"}), "1,4");
    assert_string_equal(events_where((store_filter){.text = "shelled AND positions"}), "2");
    assert_string_equal(events_where((store_filter){.limit = 2}), "1,2");
    assert_string_equal(events_where((store_filter){.limit = 2, .offset = 2}), "3,4");
    assert_string_equal(events_where((store_filter){.offset = 3}), "4");
    assert_string_equal(events_where((store_filter){.doc = "q2"}), "3,4");
    assert_string_equal(events_where((store_filter){.actor = "NOR"}), "");
    assert_int_equal(store_actor_is_code("RUS"), 1);
    assert_int_equal(store_actor_is_code("Putin"), 0);
}

static void test_query_quotes(void **st) {
    (void)st;
    fill_query_db();
    store *s = store_open(path, STORE_READONLY, err, sizeof err);
    assert_non_null(s);
    collected c = {0};
    store_filter f = {.text = "withdraw"};
    assert_int_equal(store_query_quotes(s, &f, collect, &c, err, sizeof err), 0);
    assert_string_equal(c.ids, "2");
    memset(&c, 0, sizeof c);
    f = (store_filter){.actor = "RUS"};
    assert_int_equal(store_query_quotes(s, &f, collect, &c, err, sizeof err), 0);
    assert_string_equal(c.ids, "1");
    memset(&c, 0, sizeof c);
    f = (store_filter){.actor = "Biden", .outlet = "AP", .from = "2024-02-01"};
    assert_int_equal(store_query_quotes(s, &f, collect, &c, err, sizeof err), 0);
    assert_string_equal(c.ids, "2");
    store_close(s, err, sizeof err);
}

typedef struct {
    char text[1024];
} joined;

/* Rows as "a|b|c;" with each value as text. */
static int join_row(void *user, const store_row *r) {
    joined *j = user;
    for (int i = 0; i < r->ncols; i++) {
        char b[64];
        const store_value *v = &r->values[i];
        if (v->type == STORE_INT)
            snprintf(b, sizeof b, "%lld", (long long)v->i);
        else if (v->type == STORE_REAL)
            snprintf(b, sizeof b, "%g", v->d);
        else
            snprintf(b, sizeof b, "%s", v->type == STORE_TEXT ? v->s : "");
        strcat(j->text, b);
        strcat(j->text, i + 1 < r->ncols ? "|" : ";");
    }
    return 0;
}

/* The filter reader shared by the CLI and the HTTP API: each name, good and bad values. */
static void test_filter_set(void **st) {
    (void)st;
    store_filter f = {0};
    assert_int_equal(store_filter_set(&f, "from", "2024-01-31", err, sizeof err), 1);
    assert_string_equal(f.from, "2024-01-31");
    assert_int_equal(store_filter_set(&f, "to", "2024-13-01", err, sizeof err), -1);
    assert_string_equal(err, "to must be YYYY-MM-DD, got '2024-13-01'");
    assert_int_equal(store_filter_set(&f, "quad", "4", err, sizeof err), 1);
    assert_int_equal(f.quad, 4);
    assert_int_equal(store_filter_set(&f, "quad", "5", err, sizeof err), -1);
    assert_string_equal(err, "quad takes 1..4, got '5'");
    assert_int_equal(store_filter_set(&f, "root", "19", err, sizeof err), 1);
    assert_int_equal(store_filter_set(&f, "root", "21", err, sizeof err), -1);
    assert_int_equal(store_filter_set(&f, "root", "1", err, sizeof err), -1);
    assert_int_equal(store_filter_set(&f, "code", "0361", err, sizeof err), 1);
    assert_int_equal(store_filter_set(&f, "code", "03a", err, sizeof err), -1);
    assert_int_equal(store_filter_set(&f, "source", "RUSGOV", err, sizeof err), 1);
    assert_int_equal(store_filter_set(&f, "target", "rus", err, sizeof err), -1);
    assert_non_null(strstr(err, "actor code prefix"));
    assert_int_equal(store_filter_set(&f, "limit", "0", err, sizeof err), -1);
    assert_int_equal(store_filter_set(&f, "limit", "25", err, sizeof err), 1);
    assert_int_equal(f.limit, 25);
    assert_int_equal(store_filter_set(&f, "offset", "0", err, sizeof err), 1);
    assert_int_equal(store_filter_set(&f, "offset", "-1", err, sizeof err), -1);
    assert_int_equal(store_filter_set(&f, "actor", "", err, sizeof err), -1);
    assert_int_equal(store_filter_set(&f, "actor", "Putin", err, sizeof err), 1);
    assert_int_equal(store_filter_set(&f, "doc", "q1", err, sizeof err), 1);
    assert_int_equal(store_filter_set(&f, "colour", "red", err, sizeof err), 0);
}

/* One event, its mentions with their spans and evidence start, the actors table, and reads
 * cut short by the time limit. */
static void test_event_detail_and_actors(void **st) {
    (void)st;
    store *s = open_new();
    add_ok(s, article("d1", "2024-01-10", "Reuters", "00000000000000d1"));
    json_t *e = event("d1", 0, "2024-01-10", "RUSGOV", "UKRGOV", "036", "Putin offered talks.");
    json_object_set_new(e, "evidence_span", json_pack("[ii]", 100, 120));
    add_ok(s, e);
    add_ok(s, article("d2", "2024-01-11", "AP", "00000000000000d2"));
    add_ok(s, event("d2", 3, "2024-01-10", "RUSGOV", "UKRGOV", "036", "Moscow offered talks."));
    close_ok(s);
    s = store_open(path, STORE_READONLY, err, sizeof err);
    assert_non_null(s);
    joined j = {""};
    assert_int_equal(store_get_event(s, 1, join_row, &j, err, sizeof err), 0);
    assert_non_null(strstr(j.text, "1|2024-01-10|RUSGOV|UKRGOV|036|03|"));
    memset(&j, 0, sizeof j);
    assert_int_equal(store_get_event(s, 2, join_row, &j, err, sizeof err), 0);
    assert_string_equal(j.text, "");
    assert_int_equal(store_event_mentions(s, 1, join_row, &j, err, sizeof err), 0);
    assert_string_equal(j.text, "1|d1|2024-01-10|A title|Reuters|0|Putin offered talks.|100|"
                                "Vladimir Putin|said|the other side|0|5|6|10|11|20|- * [036]|0|"
                                "|article|;2|d2|2024-01-11|A title|AP|3|Moscow offered talks.||"
                                "Vladimir Putin|said|the other side|0|5|6|10|11|20|- * [036]|0|"
                                "|article|;");
    memset(&j, 0, sizeof j);
    assert_int_equal(store_actors(s, NULL, 0, 0, join_row, &j, err, sizeof err), 0);
    assert_string_equal(j.text, "RUSGOV|Vladimir Putin|2;UKRGOV|the other side|2;");
    memset(&j, 0, sizeof j);
    assert_int_equal(store_actors(s, "UKR", 0, 0, join_row, &j, err, sizeof err), 0);
    assert_string_equal(j.text, "UKRGOV|the other side|2;");
    memset(&j, 0, sizeof j);
    assert_int_equal(store_actors(s, "putin", 1, 0, join_row, &j, err, sizeof err), 0);
    assert_string_equal(j.text, "RUSGOV|Vladimir Putin|2;");
    memset(&j, 0, sizeof j);
    assert_int_equal(store_actors(s, NULL, 1, 1, join_row, &j, err, sizeof err), 0);
    assert_string_equal(j.text, "UKRGOV|the other side|2;");
    store_set_time_limit(s, 0);
    close_ok(s);
}

static int slow_row(void *user, const store_row *r) {
    (void)r;
    (*(int *)user)++;
    struct timespec pause = {0, 2000000}; /* 2 ms a row */
    nanosleep(&pause, NULL);
    return 0;
}

/* A read that runs past the time limit stops with an error that says so. */
static void test_time_limit(void **st) {
    (void)st;
    store *s = open_new();
    add_ok(s, article("t1", "2024-01-10", "Reuters", "00000000000000f1"));
    char date[16];
    for (int i = 0; i < 3000; i++) {
        snprintf(date, sizeof date, "20%02d-%02d-%02d", 10 + i / 300, 1 + i / 25 % 12, 1 + i % 25);
        add_ok(s, event("t1", i, date, "RUSGOV", "UKRGOV", "036", "Talks."));
    }
    close_ok(s);
    s = store_open(path, STORE_READONLY, err, sizeof err);
    assert_non_null(s);
    int rows = 0;
    store_filter all = {0};
    store_set_time_limit(s, 30);
    assert_int_equal(store_query_events(s, &all, slow_row, &rows, err, sizeof err), -1);
    assert_string_equal(err, "query interrupted: took longer than 30 ms");
    assert_true(rows > 0 && rows < 3000);
    /* without the limit the same read completes */
    store_set_time_limit(s, 0);
    rows = 0;
    store_filter few = {.limit = 5};
    assert_int_equal(store_query_events(s, &few, slow_row, &rows, err, sizeof err), 0);
    assert_int_equal(rows, 5);
    close_ok(s);
}

static void test_stats(void **st) {
    (void)st;
    fill_query_db();
    store *s = store_open(path, STORE_READONLY, err, sizeof err);
    assert_non_null(s);
    store_filter f = {0};
    joined j = {0};
    assert_int_equal(store_stats(s, STATS_ROOT, &f, join_row, &j, err, sizeof err), 0);
    assert_string_equal(j.text, "03|2|2;11|1|1;19|1|1;");
    memset(&j, 0, sizeof j);
    assert_int_equal(store_stats(s, STATS_MONTH, &f, join_row, &j, err, sizeof err), 0);
    assert_string_equal(j.text, "2024-01|2|2|-2;2024-02|1|1|-5;2024-03|1|1|3;");
    memset(&j, 0, sizeof j);
    f.source = "USA";
    assert_int_equal(store_stats(s, STATS_DYAD, &f, join_row, &j, err, sizeof err), 0);
    assert_string_equal(j.text, "USAGOV|CHNGOV|1|1|3|3;USAGOV|RUSGOV|1|1|-5|-5;");
    memset(&j, 0, sizeof j);
    assert_int_equal(store_stats(s, STATS_DYAD_MONTH, &f, join_row, &j, err, sizeof err), 0);
    assert_string_equal(j.text, "2024-02|USAGOV|RUSGOV|1|1|-5|-5;2024-03|USAGOV|CHNGOV|1|1|3|3;");
    store_close(s, err, sizeof err);
}

/* ---- exports ---- */

typedef struct {
    int lines;
    int min_fields, max_fields;
    char first[4096];
} export_seen;

static int see_line(void *user, const char *line, size_t len) {
    export_seen *e = user;
    int fields = 1;
    for (size_t i = 0; i < len; i++)
        fields += line[i] == '\t';
    assert_true(len > 0 && line[len - 1] == '\n');
    assert_null(memchr(line, '\n', len - 1));
    if (!e->lines++) {
        e->min_fields = e->max_fields = fields;
        snprintf(e->first, sizeof e->first, "%.*s", (int)len, line);
    }
    if (fields < e->min_fields) e->min_fields = fields;
    if (fields > e->max_fields) e->max_fields = fields;
    return 0;
}

static export_seen export_all(store_export_format fmt) {
    export_seen e = {0};
    store *s = store_open(path, STORE_READONLY, err, sizeof err);
    assert_non_null(s);
    store_filter f = {0};
    if (store_export(s, fmt, &f, see_line, &e, err, sizeof err) != 0) fail_msg("export: %s", err);
    store_close(s, err, sizeof err);
    return e;
}

/* The n-th (1-based) tab-separated field of a line. */
static const char *field(const char *line, int n, char *out, size_t cap) {
    const char *p = line;
    for (int i = 1; i < n; i++) {
        p = strchr(p, '\t');
        assert_non_null(p);
        p++;
    }
    size_t len = strcspn(p, "\t\n");
    snprintf(out, cap, "%.*s", (int)len, p);
    return out;
}

static void test_export_columns(void **st) {
    (void)st;
    fill_query_db();
    char b[256];
    export_seen e = export_all(EXPORT_GDELT);
    assert_int_equal(e.lines, 4);
    assert_int_equal(e.min_fields, 61);
    assert_int_equal(e.max_fields, 61);
    assert_int_equal(store_export_columns(EXPORT_GDELT), 61);
    assert_string_equal(field(e.first, 1, b, sizeof b), "1");
    assert_string_equal(field(e.first, 2, b, sizeof b), "20240110");
    assert_string_equal(field(e.first, 3, b, sizeof b), "202401");
    assert_string_equal(field(e.first, 4, b, sizeof b), "2024");
    assert_string_equal(field(e.first, 5, b, sizeof b), "2024.0274");
    assert_string_equal(field(e.first, 6, b, sizeof b), "RUSGOV");
    assert_string_equal(field(e.first, 7, b, sizeof b), "Vladimir Putin");
    assert_string_equal(field(e.first, 8, b, sizeof b), "RUS");
    assert_string_equal(field(e.first, 13, b, sizeof b), "GOV");
    assert_string_equal(field(e.first, 16, b, sizeof b), "UKRGOV");
    assert_string_equal(field(e.first, 26, b, sizeof b), "1");
    assert_string_equal(field(e.first, 27, b, sizeof b), "036");
    assert_string_equal(field(e.first, 28, b, sizeof b), "036");
    assert_string_equal(field(e.first, 29, b, sizeof b), "03");
    assert_string_equal(field(e.first, 30, b, sizeof b), "1");
    assert_string_equal(field(e.first, 31, b, sizeof b), "3.0");
    assert_string_equal(field(e.first, 32, b, sizeof b), "1");
    assert_string_equal(field(e.first, 35, b, sizeof b), "");
    assert_int_equal(strlen(field(e.first, 60, b, sizeof b)), 14);
    assert_string_equal(field(e.first, 61, b, sizeof b), "q1");

    e = export_all(EXPORT_GDELT_MENTIONS);
    assert_int_equal(e.lines, 4);
    assert_int_equal(e.min_fields, 16);
    assert_int_equal(e.max_fields, 16);
    assert_string_equal(field(e.first, 5, b, sizeof b), "Reuters");
    assert_string_equal(field(e.first, 6, b, sizeof b), "q1");
    assert_string_equal(field(e.first, 7, b, sizeof b), "1");
    assert_string_equal(field(e.first, 8, b, sizeof b), "0");
    assert_string_equal(field(e.first, 9, b, sizeof b), "11");
    assert_string_equal(field(e.first, 10, b, sizeof b), "6");

    e = export_all(EXPORT_PHOENIX);
    assert_int_equal(e.lines, 4);
    assert_int_equal(e.min_fields, 26);
    assert_int_equal(e.max_fields, 26);
    assert_string_equal(field(e.first, 7, b, sizeof b), "RUS");
    assert_string_equal(field(e.first, 8, b, sizeof b), "GOV");
    assert_string_equal(field(e.first, 16, b, sizeof b), "1");
    assert_string_equal(field(e.first, 24, b, sizeof b), "q1_0");
    assert_string_equal(field(e.first, 26, b, sizeof b), "Reuters");

    e = export_all(EXPORT_PLOVER); /* only events with a PLOVER type: 1 and 4 */
    assert_int_equal(e.lines, 2);
    json_t *o = json_loads(e.first, 0, NULL);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "event")), "AGREE");
    assert_string_equal(json_string_value(json_object_get(o, "cameo")), "036");
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "source"), "country")),
                        "RUS");
    json_decref(o);

    e = export_all(EXPORT_JSONL);
    assert_int_equal(e.lines, 4);
    o = json_loads(e.first, 0, NULL);
    assert_non_null(o);
    assert_int_equal(json_array_size(json_object_get(o, "mentions")), 1);
    assert_int_equal(json_integer_value(json_object_get(o, "num_mentions")), 1);
    json_decref(o);
}

static void test_tsv_fields_are_clean(void **st) {
    (void)st;
    store *s = open_new();
    add_ok(s, article("t1", "2024-01-01", "Out\tlet", "00000000000000t1"));
    json_t *ev = event("t1", 0, "2024-01-01", "USA", "MEX", "042", "Visit.");
    json_object_set_new(ev, "source_text", json_string("the \"new\"\tgovernment\nof"));
    add_ok(s, ev);
    close_ok(s);
    export_seen e = export_all(EXPORT_GDELT);
    assert_int_equal(e.min_fields, 61);
    char b[256];
    assert_string_equal(field(e.first, 7, b, sizeof b), "the 'new' government of");
    e = export_all(EXPORT_PHOENIX);
    assert_int_equal(e.max_fields, 26);
    assert_string_equal(field(e.first, 26, b, sizeof b), "Out let");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_version),
        cmocka_unit_test(test_migration_from_version_1),
        cmocka_unit_test(test_wal_mode),
        cmocka_unit_test(test_newer_and_foreign_databases_refused),
        cmocka_unit_test(test_same_event_in_two_articles),
        cmocka_unit_test(test_same_outlet_counts_one_source),
        cmocka_unit_test(test_same_article_again_changes_nothing),
        cmocka_unit_test(test_article_known_only_by_its_records),
        cmocka_unit_test(test_malformed_records),
        cmocka_unit_test(test_batches_commit_at_article_boundaries),
        cmocka_unit_test(test_database_failure_rolls_back_the_batch),
        cmocka_unit_test(test_text_hash),
        cmocka_unit_test(test_query_filters),
        cmocka_unit_test(test_query_quotes),
        cmocka_unit_test(test_filter_set),
        cmocka_unit_test(test_event_detail_and_actors),
        cmocka_unit_test(test_time_limit),
        cmocka_unit_test(test_stats),
        cmocka_unit_test(test_export_columns),
        cmocka_unit_test(test_tsv_fields_are_clean),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    setup(NULL);
    return rc;
}

/* store.c: opening the store and writing coded records into it; see store.h, docs/store.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../io/records.h"
#include "store_internal.h"

static const char *const SQL[ST_COUNT] = {
    [ST_ART_BY_DOC] = "SELECT id FROM articles WHERE doc=?1",
    [ST_ART_BY_HASH] = "SELECT id FROM articles WHERE text_hash=?1",
    [ST_ART_INSERT] = "INSERT INTO articles(doc,date,title,outlet,text_hash,text_len,added) "
                      "VALUES(?1,?2,?3,?4,?5,?6,?7)",
    [ST_ART_DATE] = "UPDATE articles SET date=?2 WHERE id=?1 AND date IS NULL",
    [ST_EV_FIND] = "SELECT id FROM events WHERE date=?1 AND source=?2 AND target=?3 AND code=?4",
    [ST_EV_INSERT] = "INSERT INTO events(date,source,target,code,root,quad_class,goldstein,plover,"
                     "added) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
    [ST_EV_COUNT] = "UPDATE events SET num_mentions=num_mentions+1, num_articles=num_articles+?2,"
                    " num_sources=num_sources+?3, first_mention=coalesce(first_mention,?4)"
                    " WHERE id=?1",
    [ST_MEN_SAME_ARTICLE] = "SELECT 1 FROM mentions WHERE event_id=?1 AND article_id=?2 LIMIT 1",
    [ST_MEN_SAME_OUTLET] = "SELECT 1 FROM mentions m JOIN articles a ON a.id=m.article_id"
                           " WHERE m.event_id=?1 AND a.outlet=?2 LIMIT 1",
    [ST_MEN_INSERT] = "INSERT INTO mentions(event_id,article_id,sentence,evidence,source_text,"
                      "verb_text,target_text,source_start,source_end,verb_start,verb_end,"
                      "target_start,target_end,pattern,negated,modality,date_source,reported_by,"
                      "evidence_start) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,"
                      "?15,?16,?17,?18,?19)",
    [ST_FTS_INSERT] = "INSERT INTO search(rowid,body) VALUES(?1,?2)",
    [ST_ACTOR_UPSERT] = "INSERT INTO actors(code,text,mentions) VALUES(?1,?2,1)"
                        " ON CONFLICT(code,text) DO UPDATE SET mentions=mentions+1",
    [ST_Q_FIND] = "SELECT id FROM quotes WHERE speaker=?1 AND text=?2",
    [ST_Q_INSERT] = "INSERT INTO quotes(speaker,speaker_code,text) VALUES(?1,?2,?3)",
    [ST_Q_COUNT] = "UPDATE quotes SET num_mentions=num_mentions+1, num_articles=num_articles+?2,"
                   " first_mention=coalesce(first_mention,?3) WHERE id=?1",
    [ST_QM_SAME_ARTICLE] = "SELECT 1 FROM quote_mentions WHERE quote_id=?1 AND article_id=?2"
                           " LIMIT 1",
    [ST_QM_INSERT] = "INSERT INTO quote_mentions(quote_id,article_id,sentence,span_start,span_end)"
                     " VALUES(?1,?2,?3,?4,?5)",
};

static int db_error(store *s, char *err, size_t cap) {
    snprintf(err, cap, "%s: %s", s->path, sqlite3_errmsg(s->db));
    return -1;
}

static int exec_sql(store *s, const char *sql, char *err, size_t cap) {
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK) return 0;
    return db_error(s, err, cap);
}

static int configure(store *s, char *err, size_t cap) {
    sqlite3_busy_timeout(s->db, 10000);
    if (s->readonly) return exec_sql(s, "PRAGMA query_only=1", err, cap);
    return exec_sql(s,
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                    " PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536",
                    err, cap);
}

static int prepare_writes(store *s, char *err, size_t cap) {
    for (int i = 0; i < ST_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, SQL[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) !=
            SQLITE_OK)
            return db_error(s, err, cap);
    return 0;
}

static void store_free(store *s) {
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    free(s->doc);
    free(s->outlet);
    free(s);
}

store *store_open(const char *path, int flags, char *err, size_t cap) {
    store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, cap, "%s: out of memory", path);
        return NULL;
    }
    snprintf(s->path, sizeof s->path, "%s", path);
    s->readonly = (flags & STORE_READONLY) != 0;
    s->batch = STORE_DEFAULT_BATCH;
    /* NOMUTEX: a store is used by one thread at a time (parley serve gives each worker its own),
     * so SQLite's per-call connection mutex is only cost. */
    int oflags = (s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                 SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
        snprintf(err, cap, "%s: cannot open: %s", path,
                 s->db ? sqlite3_errmsg(s->db) : "out of memory");
        store_free(s);
        return NULL;
    }
    if (configure(s, err, cap) < 0 || schema_migrate(s->db, s->readonly, s->path, err, cap) < 0 ||
        (!s->readonly && prepare_writes(s, err, cap) < 0)) {
        store_free(s);
        return NULL;
    }
    return s;
}

int store_schema_version(store *s) {
    return schema_version(s->db);
}

void store_set_batch(store *s, unsigned articles) {
    s->batch = articles ? articles : 1;
}

const store_counts *store_get_counts(const store *s) {
    return &s->counts;
}

void store_text_hash(const char *text, size_t len, char out[17]) {
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)text[i];
        h *= 1099511628211ull;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static void stamp_now(char out[16]) {
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 16, "%Y%m%d%H%M%S", &tm);
}

int store_flush(store *s, char *err, size_t cap) {
    if (!s->in_tx) return 0;
    s->in_tx = 0;
    s->batch_articles = 0;
    if (exec_sql(s, "COMMIT", err, cap) < 0) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    s->counts.batches++;
    return 0;
}

static int begin_batch(store *s, char *err, size_t cap) {
    if (s->in_tx) return 0;
    if (exec_sql(s, "BEGIN IMMEDIATE", err, cap) < 0) return -1;
    s->in_tx = 1;
    stamp_now(s->added);
    return 0;
}

int store_close(store *s, char *err, size_t cap) {
    if (!s) return 0;
    int rc = s->readonly ? 0 : store_flush(s, err, cap);
    store_free(s);
    return rc;
}

/* ---- reading the fields of a record ---- */

typedef struct {
    json_t *o;
    const char *bad; /* first field of the wrong type */
} fields;

static const char *str_field(fields *f, const char *key) {
    json_t *v = json_object_get(f->o, key);
    if (!v || json_is_null(v)) return "";
    if (!json_is_string(v)) {
        if (!f->bad) f->bad = key;
        return "";
    }
    return json_string_value(v);
}

static const char *opt_str_field(fields *f, const char *key) {
    const char *s = str_field(f, key);
    return s[0] ? s : NULL;
}

static long long int_field(fields *f, const char *key) {
    json_t *v = json_object_get(f->o, key);
    if (!v || json_is_null(v)) return 0;
    if (!json_is_integer(v)) {
        if (!f->bad) f->bad = key;
        return 0;
    }
    return json_integer_value(v);
}

static double real_field(fields *f, const char *key) {
    json_t *v = json_object_get(f->o, key);
    if (!v || json_is_null(v)) return 0;
    if (!json_is_number(v)) {
        if (!f->bad) f->bad = key;
        return 0;
    }
    return json_number_value(v);
}

static int bool_field(fields *f, const char *key) {
    json_t *v = json_object_get(f->o, key);
    if (!v || json_is_null(v)) return 0;
    if (!json_is_boolean(v)) {
        if (!f->bad) f->bad = key;
        return 0;
    }
    return json_is_true(v);
}

/* A span [start, end] or null; sets *ok = 0 on anything else. */
static void span_field(fields *f, const char *key, long long *start, long long *end, int *has) {
    json_t *v = json_object_get(f->o, key);
    *has = 0;
    if (!v || json_is_null(v)) return;
    if (!json_is_array(v) || json_array_size(v) != 2 || !json_is_integer(json_array_get(v, 0)) ||
        !json_is_integer(json_array_get(v, 1))) {
        if (!f->bad) f->bad = key;
        return;
    }
    *start = json_integer_value(json_array_get(v, 0));
    *end = json_integer_value(json_array_get(v, 1));
    *has = 1;
}

static int date_ok(const char *d) {
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9')) return 0;
    return 1;
}

static int malformed(char *err, size_t cap, const char *what) {
    snprintf(err, cap, "%s", what);
    return 1;
}

/* ---- statements ---- */

static sqlite3_stmt *stmt(store *s, int which) {
    sqlite3_stmt *st = s->st[which];
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v) {
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* Step a statement that returns at most one integer; 1 and *out when a row, 0 when none, -1. */
static int step_id(store *s, sqlite3_stmt *st, int64_t *out) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (out) *out = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return 1;
    }
    sqlite3_reset(st);
    (void)s;
    return rc == SQLITE_DONE ? 0 : -1;
}

static int step_done(sqlite3_stmt *st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* ---- articles ---- */

typedef struct {
    const char *doc, *date, *title, *outlet, *text_hash;
    long long text_len; /* -1 unknown */
} article_meta;

static int article_stored(store *s, const article_meta *m) {
    sqlite3_stmt *st = stmt(s, ST_ART_BY_DOC);
    bind_text(st, 1, m->doc);
    int r = step_id(s, st, NULL);
    if (r != 0 || !m->text_hash) return r;
    st = stmt(s, ST_ART_BY_HASH);
    bind_text(st, 1, m->text_hash);
    return step_id(s, st, NULL);
}

static int set_current(store *s, const char *doc, const char *outlet) {
    free(s->doc);
    free(s->outlet);
    s->doc = strdup(doc);
    s->outlet = outlet ? strdup(outlet) : NULL;
    return s->doc && (!outlet || s->outlet) ? 0 : -1;
}

/* A new article starts: commit a full batch, then store the article row unless it is already
 * stored (then its records are skipped). */
static int start_article(store *s, const article_meta *m, char *err, size_t cap) {
    if (s->in_tx && s->batch_articles >= s->batch && store_flush(s, err, cap) < 0) return -1;
    if (set_current(s, m->doc, m->outlet) < 0) {
        snprintf(err, cap, "%s: out of memory", s->path);
        return -1;
    }
    int r = article_stored(s, m);
    if (r < 0) return db_error(s, err, cap);
    s->skip = r;
    if (r) {
        s->counts.articles_skipped++;
        return 0;
    }
    if (begin_batch(s, err, cap) < 0) return -1;
    sqlite3_stmt *st = stmt(s, ST_ART_INSERT);
    bind_text(st, 1, m->doc);
    bind_text(st, 2, m->date);
    bind_text(st, 3, m->title);
    bind_text(st, 4, m->outlet);
    bind_text(st, 5, m->text_hash);
    if (m->text_len >= 0) sqlite3_bind_int64(st, 6, m->text_len);
    bind_text(st, 7, s->added);
    if (step_done(st) < 0) return db_error(s, err, cap);
    s->article = sqlite3_last_insert_rowid(s->db);
    s->date_known = m->date != NULL;
    s->batch_articles++;
    s->counts.articles++;
    return 0;
}

static int add_article_record(store *s, fields *f, char *err, size_t cap) {
    article_meta m = {.doc = str_field(f, "doc"),
                      .date = opt_str_field(f, "date"),
                      .title = opt_str_field(f, "title"),
                      .outlet = opt_str_field(f, "source"),
                      .text_hash = opt_str_field(f, "text_hash"),
                      .text_len = -1};
    json_t *len = json_object_get(f->o, "text_len");
    if (len) m.text_len = int_field(f, "text_len");
    if (f->bad) return malformed(err, cap, "article fields have the wrong type");
    if (m.date && !date_ok(m.date)) return malformed(err, cap, "\"date\" must be YYYY-MM-DD");
    return start_article(s, &m, err, cap);
}

/* A record of an article with no article line before it: the article is known by its id. */
static int ensure_article(store *s, const char *doc, char *err, size_t cap) {
    if (s->doc && !strcmp(s->doc, doc)) return 0;
    article_meta m = {.doc = doc, .text_len = -1};
    return start_article(s, &m, err, cap);
}

/* ---- events ---- */

typedef struct {
    const char *date, *source, *target, *code, *root, *plover;
    long long quad;
    double goldstein;
} event_key;

static int find_or_insert_event(store *s, const event_key *k, int64_t *id) {
    sqlite3_stmt *st = stmt(s, ST_EV_FIND);
    bind_text(st, 1, k->date);
    bind_text(st, 2, k->source);
    bind_text(st, 3, k->target);
    bind_text(st, 4, k->code);
    int r = step_id(s, st, id);
    if (r != 0) return r < 0 ? -1 : 0;
    st = stmt(s, ST_EV_INSERT);
    bind_text(st, 1, k->date);
    bind_text(st, 2, k->source);
    bind_text(st, 3, k->target);
    bind_text(st, 4, k->code);
    bind_text(st, 5, k->root);
    sqlite3_bind_int64(st, 6, k->quad);
    sqlite3_bind_double(st, 7, k->goldstein);
    bind_text(st, 8, k->plover);
    bind_text(st, 9, s->added);
    if (step_done(st) < 0) return -1;
    *id = sqlite3_last_insert_rowid(s->db);
    s->counts.events++;
    return 0;
}

/* Is this the first mention of the event from this article / from this article's outlet? */
static int first_from(store *s, int which, int64_t event, int64_t article, const char *outlet) {
    sqlite3_stmt *st = stmt(s, which);
    sqlite3_bind_int64(st, 1, event);
    if (which == ST_MEN_SAME_OUTLET)
        bind_text(st, 2, outlet);
    else
        sqlite3_bind_int64(st, 2, article);
    int r = step_id(s, st, NULL);
    return r < 0 ? -1 : !r;
}

static void bind_span(sqlite3_stmt *st, int i, long long a, long long b, int has) {
    if (!has) return;
    sqlite3_bind_int64(st, i, a);
    sqlite3_bind_int64(st, i + 1, b);
}

static int upsert_actor(store *s, const char *code, const char *text) {
    if (!code[0] || !text[0]) return 0;
    sqlite3_stmt *st = stmt(s, ST_ACTOR_UPSERT);
    bind_text(st, 1, code);
    bind_text(st, 2, text);
    return step_done(st);
}

static int index_text(store *s, int64_t rowid, const char *text) {
    sqlite3_stmt *st = stmt(s, ST_FTS_INSERT);
    sqlite3_bind_int64(st, 1, rowid);
    bind_text(st, 2, text);
    return step_done(st);
}

static int insert_mention(store *s, fields *f, int64_t event, int64_t *mention) {
    long long ss = 0, se = 0, vs = 0, ve = 0, ts = 0, te = 0, es = 0, ee = 0;
    int hs, hv, ht, he;
    span_field(f, "evidence_span", &es, &ee, &he);
    span_field(f, "source_span", &ss, &se, &hs);
    span_field(f, "verb_span", &vs, &ve, &hv);
    span_field(f, "target_span", &ts, &te, &ht);
    sqlite3_stmt *st = stmt(s, ST_MEN_INSERT);
    sqlite3_bind_int64(st, 1, event);
    sqlite3_bind_int64(st, 2, s->article);
    sqlite3_bind_int64(st, 3, int_field(f, "sentence"));
    bind_text(st, 4, str_field(f, "evidence"));
    bind_text(st, 5, str_field(f, "source_text"));
    bind_text(st, 6, str_field(f, "verb_text"));
    bind_text(st, 7, str_field(f, "target_text"));
    bind_span(st, 8, ss, se, hs);
    bind_span(st, 10, vs, ve, hv);
    bind_span(st, 12, ts, te, ht);
    bind_text(st, 14, str_field(f, "pattern"));
    sqlite3_bind_int(st, 15, bool_field(f, "negated"));
    bind_text(st, 16, str_field(f, "modality"));
    bind_text(st, 17, str_field(f, "date_source"));
    bind_text(st, 18, str_field(f, "reported_by"));
    if (he) sqlite3_bind_int64(st, 19, es);
    if (step_done(st) < 0) return -1;
    *mention = sqlite3_last_insert_rowid(s->db);
    return 0;
}

static int store_event(store *s, fields *f, const event_key *k) {
    int64_t event, mention;
    if (find_or_insert_event(s, k, &event) < 0) return -1;
    int new_article = first_from(s, ST_MEN_SAME_ARTICLE, event, s->article, NULL);
    int new_source =
        s->outlet ? first_from(s, ST_MEN_SAME_OUTLET, event, 0, s->outlet) : new_article;
    if (new_article < 0 || new_source < 0 || insert_mention(s, f, event, &mention) < 0) return -1;
    sqlite3_stmt *st = stmt(s, ST_EV_COUNT);
    sqlite3_bind_int64(st, 1, event);
    sqlite3_bind_int(st, 2, new_article);
    sqlite3_bind_int(st, 3, new_source);
    sqlite3_bind_int64(st, 4, mention);
    if (step_done(st) < 0 || index_text(s, 2 * mention, str_field(f, "evidence")) < 0 ||
        upsert_actor(s, k->source, str_field(f, "source_text")) < 0 ||
        upsert_actor(s, k->target, str_field(f, "target_text")) < 0)
        return -1;
    s->counts.mentions++;
    if (!s->date_known && !strcmp(str_field(f, "date_source"), "article")) {
        st = stmt(s, ST_ART_DATE);
        sqlite3_bind_int64(st, 1, s->article);
        bind_text(st, 2, k->date);
        if (step_done(st) < 0) return -1;
        s->date_known = 1;
    }
    return 0;
}

static int add_event_record(store *s, fields *f, const char *doc, char *err, size_t cap) {
    event_key k = {.date = str_field(f, "date"),
                   .source = str_field(f, "source"),
                   .target = str_field(f, "target"),
                   .code = str_field(f, "code"),
                   .root = str_field(f, "root"),
                   .plover = str_field(f, "plover"),
                   .quad = int_field(f, "quad_class"),
                   .goldstein = real_field(f, "goldstein")};
    /* check every field before storing anything */
    long long a, b;
    int has;
    int_field(f, "sentence");
    bool_field(f, "negated");
    span_field(f, "evidence_span", &a, &b, &has);
    span_field(f, "source_span", &a, &b, &has);
    span_field(f, "verb_span", &a, &b, &has);
    span_field(f, "target_span", &a, &b, &has);
    const char *text_keys[] = {"evidence", "source_text", "verb_text",   "target_text",
                               "pattern",  "modality",    "date_source", "reported_by"};
    for (size_t i = 0; i < sizeof text_keys / sizeof *text_keys; i++)
        str_field(f, text_keys[i]);
    if (f->bad) {
        snprintf(err, cap, "event field \"%s\" has the wrong type", f->bad);
        return 1;
    }
    if (!date_ok(k.date)) return malformed(err, cap, "event \"date\" must be YYYY-MM-DD");
    if (!k.code[0]) return malformed(err, cap, "event has no \"code\"");
    if (ensure_article(s, doc, err, cap) < 0) return -1;
    if (s->skip) return 0;
    if (store_event(s, f, &k) < 0) return db_error(s, err, cap);
    return 0;
}

/* ---- quotes ---- */

static int find_or_insert_quote(store *s, const char *speaker, const char *code, const char *text,
                                int64_t *id) {
    sqlite3_stmt *st = stmt(s, ST_Q_FIND);
    bind_text(st, 1, speaker);
    bind_text(st, 2, text);
    int r = step_id(s, st, id);
    if (r != 0) return r < 0 ? -1 : 0;
    st = stmt(s, ST_Q_INSERT);
    bind_text(st, 1, speaker);
    bind_text(st, 2, code);
    bind_text(st, 3, text);
    if (step_done(st) < 0) return -1;
    *id = sqlite3_last_insert_rowid(s->db);
    s->counts.quotes++;
    return index_text(s, 2 * *id + 1, text);
}

static int store_quote(store *s, fields *f) {
    const char *speaker = str_field(f, "speaker"), *code = str_field(f, "speaker_code");
    int64_t quote;
    if (find_or_insert_quote(s, speaker, code, str_field(f, "text"), &quote) < 0) return -1;
    int new_article = first_from(s, ST_QM_SAME_ARTICLE, quote, s->article, NULL);
    if (new_article < 0) return -1;
    long long a = 0, b = 0;
    int has;
    span_field(f, "span", &a, &b, &has);
    sqlite3_stmt *st = stmt(s, ST_QM_INSERT);
    sqlite3_bind_int64(st, 1, quote);
    sqlite3_bind_int64(st, 2, s->article);
    sqlite3_bind_int64(st, 3, int_field(f, "sentence"));
    bind_span(st, 4, a, b, has);
    if (step_done(st) < 0) return -1;
    int64_t qm = sqlite3_last_insert_rowid(s->db);
    st = stmt(s, ST_Q_COUNT);
    sqlite3_bind_int64(st, 1, quote);
    sqlite3_bind_int(st, 2, new_article);
    sqlite3_bind_int64(st, 3, qm);
    if (step_done(st) < 0 || upsert_actor(s, code, speaker) < 0) return -1;
    s->counts.quote_mentions++;
    return 0;
}

static int add_quote_record(store *s, fields *f, const char *doc, char *err, size_t cap) {
    long long a, b;
    int has;
    const char *text = str_field(f, "text");
    str_field(f, "speaker");
    str_field(f, "speaker_code");
    int_field(f, "sentence");
    span_field(f, "span", &a, &b, &has);
    if (f->bad) {
        snprintf(err, cap, "quote field \"%s\" has the wrong type", f->bad);
        return 1;
    }
    if (!text[0]) return malformed(err, cap, "quote has no \"text\"");
    if (ensure_article(s, doc, err, cap) < 0) return -1;
    if (s->skip) return 0;
    if (store_quote(s, f) < 0) return db_error(s, err, cap);
    return 0;
}

/* After a database failure the open batch is rolled back whole, so no article is left half
 * stored; the next record starts a new batch. */
static void abandon_batch(store *s) {
    if (s->in_tx) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = 0;
    s->batch_articles = 0;
    free(s->doc);
    s->doc = NULL;
}

static int add_record(store *s, json_t *record, char *err, size_t cap) {
    if (!json_is_object(record)) return malformed(err, cap, "expected a JSON object");
    fields f = {.o = record};
    const char *type = str_field(&f, "type");
    const char *doc = str_field(&f, "doc");
    if (f.bad) return malformed(err, cap, "\"type\" and \"doc\" must be strings");
    if (!doc[0]) return malformed(err, cap, "missing \"doc\"");
    if (!strcmp(type, "article")) return add_article_record(s, &f, err, cap);
    if (!strcmp(type, "event")) return add_event_record(s, &f, doc, err, cap);
    if (!strcmp(type, "quote")) return add_quote_record(s, &f, doc, err, cap);
    snprintf(err, cap, "unknown record \"type\" \"%.40s\" (article, event or quote)", type);
    return 1;
}

int store_add(store *s, json_t *record, char *err, size_t cap) {
    int rc = add_record(s, record, err, cap);
    if (rc < 0) abandon_batch(s);
    return rc;
}

char *store_article_line(const char *doc, const char *date, const char *title, const char *outlet,
                         const char *text, size_t text_len) {
    char hash[17];
    store_text_hash(text, text_len, hash);
    json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:s, s:I}", "type", "article", "doc",
                          doc ? doc : "", "date", date ? json_string(date) : json_null(), "title",
                          title ? json_string(title) : json_null(), "source",
                          outlet ? json_string(outlet) : json_null(), "text_hash", hash, "text_len",
                          (json_int_t)text_len);
    return json_line(o);
}

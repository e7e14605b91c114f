/* query.c: filters, event and quote queries, statistics; see store.h and docs/store.md.
 * Code prefixes become ranges (source >= 'RUS' AND source < 'RUT') so that the indexes on
 * (source, date), (target, date), (code, date) serve them. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

int store_actor_is_code(const char *actor) {
    if (!actor[0]) return 0;
    for (const char *p = actor; *p; p++)
        if (!isupper((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '-') return 0;
    return 1;
}

static int add_sql(store_where *w, const char *text, char *err, size_t cap) {
    size_t n = strlen(w->sql), m = strlen(text);
    if (n + m + 6 >= sizeof w->sql) {
        snprintf(err, cap, "query too long");
        return -1;
    }
    if (n) memcpy(w->sql + n, " AND ", 5), n += 5;
    memcpy(w->sql + n, text, m + 1);
    return 0;
}

static int add_param(store_where *w, const char *value, char *err, size_t cap) {
    if (w->nparams >= (int)(sizeof w->params / sizeof *w->params)) {
        snprintf(err, cap, "too many filters");
        return -1;
    }
    w->params[w->nparams++] = value;
    return 0;
}

/* The smallest string above every string that starts with prefix. */
static const char *upper_bound(store_where *w, const char *prefix, char *err, size_t cap) {
    size_t n = strlen(prefix);
    if (w->nbounds >= 4 || n + 1 >= sizeof w->bounds[0]) {
        snprintf(err, cap, "code prefix too long: '%.40s'", prefix);
        return NULL;
    }
    char *b = w->bounds[w->nbounds++];
    memcpy(b, prefix, n + 1);
    b[n - 1] = (char)(b[n - 1] + 1);
    return b;
}

/* "col >= ?prefix AND col < ?bound" */
static int prefix_range(store_where *w, const char *col, const char *prefix, char *err,
                        size_t cap) {
    const char *b = upper_bound(w, prefix, err, cap);
    if (!b) return -1;
    char sql[128];
    snprintf(sql, sizeof sql, "(%s >= ? AND %s < ?)", col, col);
    if (add_sql(w, sql, err, cap) < 0 || add_param(w, prefix, err, cap) < 0) return -1;
    return add_param(w, b, err, cap);
}

static int param_clause(store_where *w, const char *sql, const char *value, int times, char *err,
                        size_t cap) {
    if (add_sql(w, sql, err, cap) < 0) return -1;
    for (int i = 0; i < times; i++)
        if (add_param(w, value, err, cap) < 0) return -1;
    return 0;
}

/* Days from 0000-03-01 to a YYYY-MM-DD date, near enough to compare range lengths. */
static long day_number(const char *d) {
    return atol(d) * 372 + atol(d + 5) * 31 + atol(d + 8);
}

/* A code prefix as source or target. Over a short date range (a quarter at most) the date key
 * finds the rows fastest; otherwise the (source, date) and (target, date) indexes are searched
 * with the dates inside them, and only the matching rows are read. */
static int actor_code_clause(store_where *w, const store_filter *f, char *err, size_t cap) {
    const char *b = upper_bound(w, f->actor, err, cap);
    if (!b) return -1;
    int short_range = f->from && f->to && day_number(f->to) - day_number(f->from) <= 92;
    if (short_range) {
        if (add_sql(w, "((e.source >= ? AND e.source < ?) OR (e.target >= ? AND e.target < ?))",
                    err, cap) < 0)
            return -1;
        for (int i = 0; i < 2; i++)
            if (add_param(w, f->actor, err, cap) < 0 || add_param(w, b, err, cap) < 0) return -1;
        return 0;
    }
    char sql[512];
    const char *dates = f->from && f->to ? " AND date >= ? AND date <= ?"
                        : f->from        ? " AND date >= ?"
                        : f->to          ? " AND date <= ?"
                                         : "";
    snprintf(sql, sizeof sql,
             "e.id IN (SELECT id FROM events WHERE source >= ? AND source < ?%s UNION ALL"
             " SELECT id FROM events WHERE target >= ? AND target < ?%s)",
             dates, dates);
    if (add_sql(w, sql, err, cap) < 0) return -1;
    for (int i = 0; i < 2; i++)
        if (add_param(w, f->actor, err, cap) < 0 || add_param(w, b, err, cap) < 0 ||
            (f->from && add_param(w, f->from, err, cap) < 0) ||
            (f->to && add_param(w, f->to, err, cap) < 0))
            return -1;
    return 0;
}

static int actor_clause(store_where *w, const store_filter *f, int quotes, char *err, size_t cap) {
    const char *actor = f->actor;
    if (store_actor_is_code(actor)) {
        if (quotes) return prefix_range(w, "q.speaker_code", actor, err, cap);
        return actor_code_clause(w, f, err, cap);
    }
    snprintf(w->like, sizeof w->like, "%%%s%%", actor);
    if (quotes) return param_clause(w, "q.speaker LIKE ?", w->like, 1, err, cap);
    return param_clause(w,
                        "(e.source IN (SELECT code FROM actors WHERE text LIKE ?) OR e.target IN"
                        " (SELECT code FROM actors WHERE text LIKE ?))",
                        w->like, 2, err, cap);
}

static int event_clauses(store_where *w, const store_filter *f, char *err, size_t cap) {
    if (f->source && f->source[0] && prefix_range(w, "e.source", f->source, err, cap) < 0)
        return -1;
    if (f->target && f->target[0] && prefix_range(w, "e.target", f->target, err, cap) < 0)
        return -1;
    /* With an actor filter, code and root are checked on the rows the actor's (or the date's)
     * index gives: a root is a fifth of all events, an actor prefix a few hundredths, and
     * without statistics SQLite would prefer the equality on root. The unary + keeps them
     * off their indexes. */
    int by_actor = (f->source && f->source[0]) || (f->target && f->target[0]) ||
                   (f->actor && store_actor_is_code(f->actor));
    if (f->code && f->code[0] &&
        prefix_range(w, by_actor ? "+e.code" : "e.code", f->code, err, cap) < 0)
        return -1;
    if (f->root &&
        param_clause(w, by_actor ? "+e.root = ?" : "e.root = ?", f->root, 1, err, cap) < 0)
        return -1;
    if (f->quad) {
        char sql[40];
        snprintf(sql, sizeof sql, "e.quad_class = %d", f->quad);
        if (add_sql(w, sql, err, cap) < 0) return -1;
    }
    if (f->plover && param_clause(w, "e.plover = ? COLLATE NOCASE", f->plover, 1, err, cap) < 0)
        return -1;
    if (f->outlet && param_clause(w,
                                  "e.id IN (SELECT m.event_id FROM mentions m JOIN articles a"
                                  " ON a.id = m.article_id WHERE a.outlet = ?)",
                                  f->outlet, 1, err, cap) < 0)
        return -1;
    if (f->doc && param_clause(w,
                               "e.id IN (SELECT m2.event_id FROM mentions m2 JOIN articles a2"
                               " ON a2.id = m2.article_id WHERE a2.doc = ?)",
                               f->doc, 1, err, cap) < 0)
        return -1;
    if (f->text && param_clause(w,
                                "e.id IN (SELECT event_id FROM mentions WHERE id IN (SELECT"
                                " rowid / 2 FROM search WHERE search MATCH ? AND rowid % 2 = 0))",
                                f->text, 1, err, cap) < 0)
        return -1;
    return 0;
}

static int quote_clauses(store_where *w, const store_filter *f, char *err, size_t cap) {
    if (f->doc && param_clause(w,
                               "q.id IN (SELECT qm2.quote_id FROM quote_mentions qm2 JOIN"
                               " articles a2 ON a2.id = qm2.article_id WHERE a2.doc = ?)",
                               f->doc, 1, err, cap) < 0)
        return -1;
    if (f->outlet && param_clause(w,
                                  "q.id IN (SELECT qm2.quote_id FROM quote_mentions qm2 JOIN"
                                  " articles a2 ON a2.id = qm2.article_id WHERE a2.outlet = ?)",
                                  f->outlet, 1, err, cap) < 0)
        return -1;
    if (f->text && param_clause(w,
                                "q.id IN (SELECT rowid / 2 FROM search WHERE search MATCH ?"
                                " AND rowid % 2 = 1)",
                                f->text, 1, err, cap) < 0)
        return -1;
    return 0;
}

int where_build(store_where *w, const store_filter *f, int quotes, char *err, size_t cap) {
    memset(w, 0, sizeof *w);
    const char *date = quotes ? "a.date" : "e.date";
    char sql[64];
    if (f->from) {
        snprintf(sql, sizeof sql, "%s >= ?", date);
        if (param_clause(w, sql, f->from, 1, err, cap) < 0) return -1;
    }
    if (f->to) {
        snprintf(sql, sizeof sql, "%s <= ?", date);
        if (param_clause(w, sql, f->to, 1, err, cap) < 0) return -1;
    }
    if (f->actor && f->actor[0] && actor_clause(w, f, quotes, err, cap) < 0) return -1;
    int rc = quotes ? quote_clauses(w, f, err, cap) : event_clauses(w, f, err, cap);
    if (rc < 0) return -1;
    if (!w->sql[0]) snprintf(w->sql, sizeof w->sql, "1");
    return 0;
}

void where_bind(const store_where *w, sqlite3_stmt *st) {
    for (int i = 0; i < w->nparams; i++)
        sqlite3_bind_text(st, i + 1, w->params[i], -1, SQLITE_TRANSIENT);
}

static long ms_since(const struct timespec *t0) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)(t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* SQLite calls this every few thousand virtual-machine steps; non-zero interrupts the read. */
static int past_time_limit(void *user) {
    store *s = user;
    return ms_since(&s->read_started) > s->time_limit_ms;
}

void store_set_time_limit(store *s, long ms) {
    s->time_limit_ms = ms > 0 ? ms : 0;
    sqlite3_progress_handler(s->db, ms > 0 ? 4000 : 0, ms > 0 ? past_time_limit : NULL, s);
}

sqlite3_stmt *read_prepare(store *s, const char *sql, char *err, size_t cap) {
    sqlite3_stmt *st = NULL;
    clock_gettime(CLOCK_MONOTONIC, &s->read_started);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(err, cap, "%s: %s", s->path, sqlite3_errmsg(s->db));
        return NULL;
    }
    return st;
}

enum { MAX_COLS = 64 };

static void column_value(sqlite3_stmt *st, int i, store_value *v) {
    memset(v, 0, sizeof *v);
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER:
        v->type = STORE_INT;
        v->i = sqlite3_column_int64(st, i);
        break;
    case SQLITE_FLOAT:
        v->type = STORE_REAL;
        v->d = sqlite3_column_double(st, i);
        break;
    case SQLITE_NULL: v->type = STORE_NULL; break;
    default:
        v->type = STORE_TEXT;
        v->s = (const char *)sqlite3_column_text(st, i);
        if (!v->s) v->s = "";
    }
}

int rows_run(store *s, sqlite3_stmt *st, store_row_fn fn, void *user, char *err, size_t cap) {
    int n = sqlite3_column_count(st);
    if (n > MAX_COLS) n = MAX_COLS;
    const char *names[MAX_COLS];
    store_value values[MAX_COLS];
    store_row row = {n, names, values};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        /* names are read after the step: a step may re-prepare the statement */
        for (int i = 0; i < n; i++)
            names[i] = sqlite3_column_name(st, i);
        for (int i = 0; i < n; i++)
            column_value(st, i, &values[i]);
        int stop = fn(user, &row);
        if (stop) return stop;
    }
    if (rc == SQLITE_DONE) return 0;
    if (rc == SQLITE_INTERRUPT && s->time_limit_ms)
        snprintf(err, cap, "query interrupted: took longer than %ld ms", s->time_limit_ms);
    else
        snprintf(err, cap, "%s: %s", s->path, sqlite3_errmsg(s->db));
    return -1;
}

static json_t *value_json(const store_value *v) {
    switch (v->type) {
    case STORE_INT: return json_integer(v->i);
    case STORE_REAL: return json_real(v->d);
    case STORE_TEXT: return json_string(v->s);
    default: return json_null();
    }
}

json_t *store_row_json(const store_row *r) {
    json_t *o = json_object();
    if (!o) return NULL;
    for (int i = 0; i < r->ncols; i++)
        if (json_object_set_new(o, r->names[i], value_json(&r->values[i])) < 0) {
            json_decref(o);
            return NULL;
        }
    return o;
}

/* Prepare head + WHERE + tail (with LIMIT when asked), bind, run. */
static int run_filtered(store *s, const char *head, const char *tail, const store_filter *f,
                        int quotes, store_row_fn fn, void *user, char *err, size_t cap) {
    store_where w;
    if (where_build(&w, f, quotes, err, cap) < 0) return -1;
    size_t n = strlen(head) + strlen(w.sql) + strlen(tail) + 64;
    char *sql = malloc(n);
    if (!sql) {
        snprintf(err, cap, "out of memory");
        return -1;
    }
    int k = snprintf(sql, n, "%s WHERE %s %s", head, w.sql, tail);
    if (f->limit > 0 || f->offset > 0)
        snprintf(sql + k, n - (size_t)k, " LIMIT %ld OFFSET %ld", f->limit > 0 ? f->limit : -1L,
                 f->offset);
    sqlite3_stmt *st = read_prepare(s, sql, err, cap);
    free(sql);
    if (!st) return -1;
    where_bind(&w, st);
    int rc = rows_run(s, st, fn, user, err, cap);
    sqlite3_finalize(st);
    return rc;
}

static const char EVENTS_HEAD[] =
    "SELECT e.id, e.date, e.source, e.target, e.code, e.root, e.quad_class, e.goldstein,"
    " e.plover, e.num_mentions, e.num_sources, e.num_articles, m.source_text, m.verb_text,"
    " m.target_text, a.doc, m.evidence FROM events e LEFT JOIN mentions m ON m.id ="
    " e.first_mention LEFT JOIN articles a ON a.id = m.article_id";

int store_query_events(store *s, const store_filter *f, store_row_fn fn, void *user, char *err,
                       size_t cap) {
    return run_filtered(s, EVENTS_HEAD, "ORDER BY e.date, e.id", f, 0, fn, user, err, cap);
}

/* Run sql with one integer parameter. */
static int run_with_id(store *s, const char *sql, int64_t id, store_row_fn fn, void *user,
                       char *err, size_t cap) {
    sqlite3_stmt *st = read_prepare(s, sql, err, cap);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = rows_run(s, st, fn, user, err, cap);
    sqlite3_finalize(st);
    return rc;
}

int store_get_event(store *s, int64_t id, store_row_fn fn, void *user, char *err, size_t cap) {
    char sql[sizeof EVENTS_HEAD + 32];
    snprintf(sql, sizeof sql, "%s WHERE e.id = ?", EVENTS_HEAD);
    return run_with_id(s, sql, id, fn, user, err, cap);
}

int store_event_mentions(store *s, int64_t id, store_row_fn fn, void *user, char *err, size_t cap) {
    static const char SQL[] =
        "SELECT m.id AS mention, a.doc, a.date AS article_date, a.title, a.outlet, m.sentence,"
        " m.evidence, m.evidence_start, m.source_text, m.verb_text, m.target_text,"
        " m.source_start, m.source_end, m.verb_start, m.verb_end, m.target_start, m.target_end,"
        " m.pattern, m.negated, m.modality, m.date_source, m.reported_by FROM mentions m JOIN"
        " articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY a.date, m.id";
    return run_with_id(s, SQL, id, fn, user, err, cap);
}

int store_actors(store *s, const char *match, long limit, long offset, store_row_fn fn, void *user,
                 char *err, size_t cap) {
    char sql[256], like[160], bound[64];
    const char *where = "1";
    if (match && store_actor_is_code(match)) {
        if (strlen(match) + 1 >= sizeof bound) {
            snprintf(err, cap, "code prefix too long: '%.40s'", match);
            return -1;
        }
        snprintf(bound, sizeof bound, "%s", match);
        bound[strlen(bound) - 1]++;
        where = "code >= ?1 AND code < ?2";
    } else if (match) {
        snprintf(like, sizeof like, "%%%.150s%%", match);
        where = "text LIKE ?1";
    }
    snprintf(sql, sizeof sql,
             "SELECT code, text, mentions FROM actors WHERE %s ORDER BY mentions DESC, code, text"
             " LIMIT %ld OFFSET %ld",
             where, limit > 0 ? limit : -1L, offset);
    sqlite3_stmt *st = read_prepare(s, sql, err, cap);
    if (!st) return -1;
    if (match && store_actor_is_code(match)) {
        sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, bound, -1, SQLITE_TRANSIENT);
    } else if (match)
        sqlite3_bind_text(st, 1, like, -1, SQLITE_TRANSIENT);
    int rc = rows_run(s, st, fn, user, err, cap);
    sqlite3_finalize(st);
    return rc;
}

int store_query_quotes(store *s, const store_filter *f, store_row_fn fn, void *user, char *err,
                       size_t cap) {
    static const char HEAD[] =
        "SELECT q.id, a.date, q.speaker, q.speaker_code, q.text, q.num_mentions, q.num_articles,"
        " a.doc FROM quotes q JOIN quote_mentions qm ON qm.id = q.first_mention JOIN articles a"
        " ON a.id = qm.article_id";
    return run_filtered(s, HEAD, "ORDER BY a.date, q.id", f, 1, fn, user, err, cap);
}

/* ---- monthly series ----
 * SQLite groups the events by day, in the order of the date indexes (no sort), and the days are
 * added up into months here: over a million events three times faster than grouping on
 * substr(date, 1, 7), which SQLite has to sort. */

typedef struct {
    long long events, mentions;
    double goldstein;
} month_cell;

typedef struct {
    int by_quad; /* STATS_MONTH_QUAD: one row per QuadClass */
    store_row_fn fn;
    void *user;
    long limit, skip, emitted; /* the filter's limit (0: none) and offset */
    char month[8];             /* "YYYY-MM" being added up, "" before the first day */
    month_cell cell[5];        /* by QuadClass 1..4 (0: the whole month, or an odd class) */
} month_sums;

/* Rounded to 2 decimals as SQLite's round(x, 2) does: through its decimal text. */
static double round2(double x) {
    char b[64];
    snprintf(b, sizeof b, "%.2f", x);
    return strtod(b, NULL);
}

/* Hand the finished month's rows to the caller: 0 to go on, non-zero to stop. */
static int month_flush(month_sums *m) {
    static const char *const NAMES[] = {"month", "quad_class", "events", "mentions",
                                        "goldstein_sum"};
    static const char *const NAMES_MONTH[] = {"month", "events", "mentions", "goldstein_sum"};
    for (int q = 0; q < 5 && m->month[0]; q++) {
        const month_cell *c = &m->cell[q];
        if (!c->events) continue;
        if (m->skip > 0) {
            m->skip--;
            continue;
        }
        if (m->limit && m->emitted == m->limit) return 1;
        store_value v[5] = {{.type = STORE_TEXT, .s = m->month}};
        int n = 1;
        if (m->by_quad) v[n++] = (store_value){.type = STORE_INT, .i = q};
        v[n++] = (store_value){.type = STORE_INT, .i = c->events};
        v[n++] = (store_value){.type = STORE_INT, .i = c->mentions};
        v[n++] = (store_value){.type = STORE_REAL, .d = round2(c->goldstein)};
        store_row row = {n, m->by_quad ? NAMES : NAMES_MONTH, v};
        int rc = m->fn(m->user, &row);
        if (rc) return rc;
        m->emitted++;
    }
    memset(m->cell, 0, sizeof m->cell);
    return 0;
}

/* One day's row: date, [quad_class,] events, mentions, goldstein. */
static int month_add_day(void *user, const store_row *r) {
    month_sums *m = user;
    const char *date = r->values[0].s ? r->values[0].s : "";
    if (strncmp(date, m->month, 7) != 0) {
        int rc = month_flush(m);
        if (rc) return rc;
        snprintf(m->month, sizeof m->month, "%.7s", date);
    }
    int k = 1, q = 0;
    if (m->by_quad) {
        q = (int)r->values[k++].i;
        if (q < 1 || q > 4) q = 0;
    }
    m->cell[q].events += r->values[k].i;
    m->cell[q].mentions += r->values[k + 1].i;
    m->cell[q].goldstein +=
        r->values[k + 2].type == STORE_REAL ? r->values[k + 2].d : (double)r->values[k + 2].i;
    return 0;
}

static int monthly_series(store *s, int by_quad, const store_filter *f, store_row_fn fn, void *user,
                          char *err, size_t cap) {
    month_sums m = {
        .by_quad = by_quad, .fn = fn, .user = user, .limit = f->limit, .skip = f->offset};
    store_filter days = *f;
    days.limit = days.offset = 0;
    const char *head = by_quad ? "SELECT e.date, e.quad_class, count(*), sum(e.num_mentions),"
                                 " sum(e.goldstein) FROM events e"
                               : "SELECT e.date, count(*), sum(e.num_mentions), sum(e.goldstein)"
                                 " FROM events e";
    const char *tail = by_quad ? "GROUP BY e.date, e.quad_class ORDER BY e.date, e.quad_class"
                               : "GROUP BY e.date ORDER BY e.date";
    int rc = run_filtered(s, head, tail, &days, 0, month_add_day, &m, err, cap);
    if (rc == 0) rc = month_flush(&m);
    return rc == 1 && m.limit && m.emitted == m.limit ? 0 : rc;
}

int store_stats(store *s, store_stats_by by, const store_filter *f, store_row_fn fn, void *user,
                char *err, size_t cap) {
    if (by == STATS_MONTH || by == STATS_MONTH_QUAD)
        return monthly_series(s, by == STATS_MONTH_QUAD, f, fn, user, err, cap);
    static const char *const HEAD[] = {
        [STATS_ROOT] = "SELECT e.root AS root, count(*) AS events, sum(e.num_mentions) AS"
                       " mentions FROM events e",
        [STATS_DYAD] = "SELECT e.source AS source, e.target AS target, count(*) AS events,"
                       " sum(e.num_mentions) AS mentions, round(sum(e.goldstein), 2) AS"
                       " goldstein_sum, round(sum(e.goldstein * e.num_mentions), 2) AS"
                       " goldstein_mentions FROM events e",
        [STATS_MONTH] = "SELECT substr(e.date, 1, 7) AS month, count(*) AS events,"
                        " sum(e.num_mentions) AS mentions, round(sum(e.goldstein), 2) AS"
                        " goldstein_sum FROM events e",
        [STATS_DYAD_MONTH] = "SELECT substr(e.date, 1, 7) AS month, e.source AS source, e.target"
                             " AS target, count(*) AS events, sum(e.num_mentions) AS mentions,"
                             " round(sum(e.goldstein), 2) AS goldstein_sum,"
                             " round(sum(e.goldstein * e.num_mentions), 2) AS goldstein_mentions"
                             " FROM events e",
        [STATS_MONTH_QUAD] = "SELECT substr(e.date, 1, 7) AS month, e.quad_class AS quad_class,"
                             " count(*) AS events, sum(e.num_mentions) AS mentions,"
                             " round(sum(e.goldstein), 2) AS goldstein_sum FROM events e",
    };
    static const char *const TAIL[] = {
        [STATS_ROOT] = "GROUP BY e.root ORDER BY e.root",
        [STATS_DYAD] = "GROUP BY e.source, e.target ORDER BY events DESC, e.source, e.target",
        [STATS_MONTH] = "GROUP BY month ORDER BY month",
        [STATS_DYAD_MONTH] = ("GROUP BY month, e.source, e.target ORDER BY month, events DESC,"
                              " e.source, e.target"),
        [STATS_MONTH_QUAD] = "GROUP BY month, e.quad_class ORDER BY month, e.quad_class",
    };
    return run_filtered(s, HEAD[by], TAIL[by], f, 0, fn, user, err, cap);
}

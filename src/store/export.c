/* export.c: the field's exchange formats (docs/formats.md): GDELT 2.0 events and mentions,
 * Phoenix daily files, PLOVER JSON records, parley's own JSON lines. Tab-separated fields never
 * hold a tab, a line break or a double quote (replaced by a space, a space, an apostrophe), so
 * pandas.read_csv(sep="\t") and R's read.delim read them as written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/textbuf.h"
#include "store_internal.h"

/* ---- a line being built ---- */

typedef struct {
    textbuf text;
    int fields; /* fields on the line so far */
} line;

static void put(line *l, const char *s, size_t n) {
    textbuf_put(&l->text, s, n);
}

static void field_sep(line *l) {
    if (l->fields++) put(l, "\t", 1);
}

static void tsv_text(line *l, const char *s) {
    field_sep(l);
    if (!s) return;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
        if (c == '"') c = '\'';
        put(l, &c, 1);
    }
}

static void tsv_int(line *l, long long v) {
    char b[32];
    field_sep(l);
    put(l, b, (size_t)snprintf(b, sizeof b, "%lld", v));
}

static void tsv_fmt_real(line *l, double v, const char *fmt) {
    char b[48];
    field_sep(l);
    put(l, b, (size_t)snprintf(b, sizeof b, fmt, v));
}

static void tsv_empty(line *l, int n) {
    for (int i = 0; i < n; i++)
        field_sep(l);
}

static int line_emit(line *l, store_line_fn fn, void *user, char *err, size_t cap) {
    put(l, "\n", 1);
    if (l->text.failed) {
        snprintf(err, cap, "out of memory");
        return -1;
    }
    int rc = fn(user, l->text.text, l->text.len);
    l->text.len = 0;
    l->fields = 0;
    return rc;
}

/* ---- CAMEO actor codes in parts ---- */

typedef struct {
    char country[4], group[4], religion[2][4], type[3][4], rest[16];
} actor_parts;

static int in_list(const char *part, const char *list) {
    for (const char *p = list; *p; p += 4)
        if (!strncmp(p, part, 3)) return 1;
    return 0;
}

static const char ROLES[] = "COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF AGR BUS CRM CVL DEV "
                            "EDU ELI ENV HLH HRI LAB LEG MED MOD RAD REF SET UNK IGO NGO NGM "
                            "MNC IMG ";
static const char RELIGIONS[] = "CHR CTH ORT PRO JEW MOS SHI SUN SFI BUD HIN SIK JAN ATH BAH ";
static const char GROUP_KINDS[] = "IGO NGO NGM MNC ";

/* Split a code into 3-letter parts: a first part that is not a role or a religion is the
 * country; a part after IGO/NGO/NGM/MNC is the known group; then religions and up to three
 * roles; what is left (ethnic groups, regions) goes to rest. */
static void actor_split(const char *code, actor_parts *p) {
    memset(p, 0, sizeof *p);
    size_t n = strlen(code);
    int nrel = 0, ntype = 0, after_group_kind = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        char part[4] = {code[i], code[i + 1], code[i + 2], 0};
        if (i == 0 && !strcmp(part, "---")) continue;
        if (i == 0 && !in_list(part, ROLES) && !in_list(part, RELIGIONS)) {
            memcpy(p->country, part, 4);
        } else if (after_group_kind && !p->group[0]) {
            memcpy(p->group, part, 4);
        } else if (in_list(part, RELIGIONS) && nrel < 2) {
            memcpy(p->religion[nrel++], part, 4);
        } else if (in_list(part, ROLES) && ntype < 3) {
            memcpy(p->type[ntype++], part, 4);
        } else if (strlen(p->rest) + 3 < sizeof p->rest) {
            strcat(p->rest, part);
        }
        after_group_kind = in_list(part, GROUP_KINDS);
    }
}

/* ---- column reading ---- */

static const char *col_text(sqlite3_stmt *st, int i) {
    return (const char *)sqlite3_column_text(st, i);
}

/* "2024-02-09" -> 20240209; 0 when not a date. */
static long date_number(const char *d) {
    if (!d || strlen(d) < 10) return 0;
    return atol(d) * 10000 + atol(d + 5) * 100 + atol(d + 8);
}

static double fraction_date(long ymd) {
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int y = (int)(ymd / 10000), m = (int)(ymd / 100 % 100), d = (int)(ymd % 100);
    if (m < 1 || m > 12) return y;
    return y + (before[m - 1] + d) / 365.0;
}

/* The columns of the event SELECT used by every event export. */
enum {
    C_ID,
    C_DATE,
    C_SOURCE,
    C_TARGET,
    C_CODE,
    C_ROOT,
    C_QUAD,
    C_GOLD,
    C_PLOVER,
    C_MENTIONS,
    C_SOURCES,
    C_ARTICLES,
    C_ADDED,
    C_SOURCE_TEXT,
    C_TARGET_TEXT,
    C_VERB_TEXT,
    C_SENTENCE,
    C_DOC,
    C_OUTLET,
    C_EVIDENCE,
    C_DOCS,
    C_OUTLETS
};

static const char EVENT_HEAD[] =
    "SELECT e.id, e.date, e.source, e.target, e.code, e.root, e.quad_class, e.goldstein,"
    " e.plover, e.num_mentions, e.num_sources, e.num_articles, e.added, m.source_text,"
    " m.target_text, m.verb_text, m.sentence, a.doc, a.outlet, m.evidence,"
    " (SELECT group_concat(doc, ';') FROM (SELECT DISTINCT a2.doc FROM mentions m2 JOIN articles"
    " a2 ON a2.id = m2.article_id WHERE m2.event_id = e.id)),"
    " (SELECT group_concat(outlet, ';') FROM (SELECT DISTINCT a2.outlet FROM mentions m2 JOIN"
    " articles a2 ON a2.id = m2.article_id WHERE m2.event_id = e.id AND a2.outlet IS NOT NULL))"
    " FROM events e LEFT JOIN mentions m ON m.id = e.first_mention LEFT JOIN articles a ON"
    " a.id = m.article_id";

/* ---- GDELT 2.0 events: 61 columns ---- */

static void gdelt_actor(line *l, sqlite3_stmt *st, int code_col, int name_col) {
    const char *code = col_text(st, code_col);
    actor_parts p;
    actor_split(code, &p);
    tsv_text(l, code);                   /* ActorNCode */
    tsv_text(l, col_text(st, name_col)); /* ActorNName */
    tsv_text(l, p.country);              /* ActorNCountryCode */
    tsv_text(l, p.group);                /* ActorNKnownGroupCode */
    tsv_text(l, "");                     /* ActorNEthnicCode */
    tsv_text(l, p.religion[0]);
    tsv_text(l, p.religion[1]);
    for (int i = 0; i < 3; i++)
        tsv_text(l, p.type[i]);
}

static void gdelt_event_line(line *l, sqlite3_stmt *st) {
    long ymd = date_number(col_text(st, C_DATE));
    tsv_int(l, sqlite3_column_int64(st, C_ID));
    tsv_int(l, ymd);
    tsv_int(l, ymd / 100);
    tsv_int(l, ymd / 10000);
    tsv_fmt_real(l, fraction_date(ymd), "%.4f");
    gdelt_actor(l, st, C_SOURCE, C_SOURCE_TEXT);
    gdelt_actor(l, st, C_TARGET, C_TARGET_TEXT);
    tsv_int(l, sqlite3_column_type(st, C_SENTENCE) != SQLITE_NULL &&
                       sqlite3_column_int(st, C_SENTENCE) == 0
                   ? 1
                   : 0); /* IsRootEvent */
    const char *code = col_text(st, C_CODE);
    char base[4] = {0};
    memcpy(base, code, strlen(code) < 3 ? strlen(code) : 3);
    tsv_text(l, code);
    tsv_text(l, base);
    tsv_text(l, col_text(st, C_ROOT));
    tsv_int(l, sqlite3_column_int(st, C_QUAD));
    tsv_fmt_real(l, sqlite3_column_double(st, C_GOLD), "%.1f");
    tsv_int(l, sqlite3_column_int(st, C_MENTIONS));
    tsv_int(l, sqlite3_column_int(st, C_SOURCES));
    tsv_int(l, sqlite3_column_int(st, C_ARTICLES));
    tsv_empty(l, 1);     /* AvgTone */
    tsv_empty(l, 3 * 8); /* Actor1Geo_*, Actor2Geo_*, ActionGeo_* */
    tsv_text(l, col_text(st, C_ADDED));
    tsv_text(l, col_text(st, C_DOC)); /* SOURCEURL: the first reporting article's id */
}

/* ---- Phoenix: 26 columns ---- */

/* PentaClass: 0 statements (01, 02), 1 verbal cooperation (03-05), 2 material cooperation
 * (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20). */
static int penta_class(const char *root) {
    int r = atoi(root);
    return r <= 2 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

static void phoenix_actor(line *l, const char *code) {
    actor_parts p;
    actor_split(code, &p);
    char attr[32];
    snprintf(attr, sizeof attr, "%s%s%s%s%s%s", p.group, p.religion[0], p.religion[1], p.type[1],
             p.type[2], p.rest);
    tsv_text(l, code);
    tsv_text(l, p.country[0] ? p.country : p.group);
    tsv_text(l, p.type[0]);
    tsv_text(l, attr);
}

static void phoenix_line(line *l, sqlite3_stmt *st) {
    long ymd = date_number(col_text(st, C_DATE));
    char sentence_id[300];
    snprintf(sentence_id, sizeof sentence_id, "%s_%d",
             col_text(st, C_DOC) ? col_text(st, C_DOC) : "", sqlite3_column_int(st, C_SENTENCE));
    tsv_int(l, sqlite3_column_int64(st, C_ID));
    tsv_int(l, ymd);
    tsv_int(l, ymd / 10000);
    tsv_int(l, ymd / 100 % 100);
    tsv_int(l, ymd % 100);
    phoenix_actor(l, col_text(st, C_SOURCE));
    phoenix_actor(l, col_text(st, C_TARGET));
    tsv_text(l, col_text(st, C_CODE));
    tsv_text(l, col_text(st, C_ROOT));
    tsv_int(l, penta_class(col_text(st, C_ROOT)));
    tsv_fmt_real(l, sqlite3_column_double(st, C_GOLD), "%.1f");
    tsv_empty(l, 6); /* Issues, Lat, Lon, LocationName, StateName, CountryCode */
    tsv_text(l, sentence_id);
    tsv_text(l, col_text(st, C_DOCS));
    tsv_text(l, col_text(st, C_OUTLETS));
}

/* ---- JSON records ---- */

static json_t *text_or_null(const char *s) {
    return s && s[0] ? json_string(s) : json_null();
}

static json_t *plover_actor(const char *code) {
    actor_parts p;
    actor_split(code, &p);
    json_t *types = json_array();
    for (int i = 0; i < 3; i++)
        if (p.type[i][0]) json_array_append_new(types, json_string(p.type[i]));
    return json_pack("{s:s, s:o, s:o}", "code", code, "country", text_or_null(p.country), "sectors",
                     types);
}

static json_t *plover_record(sqlite3_stmt *st) {
    char id[40];
    snprintf(id, sizeof id, "parley-%lld", (long long)sqlite3_column_int64(st, C_ID));
    json_t *o = json_pack(
        "{s:s, s:s, s:s, s:s, s:[], s:o, s:o, s:o, s:o, s:o, s:s, s:f, s:i, s:i, s:i, s:o, s:o}",
        "id", id, "date", col_text(st, C_DATE), "event", col_text(st, C_PLOVER), "mode", "",
        "context", "source", plover_actor(col_text(st, C_SOURCE)), "source_text",
        text_or_null(col_text(st, C_SOURCE_TEXT)), "target", plover_actor(col_text(st, C_TARGET)),
        "target_text", text_or_null(col_text(st, C_TARGET_TEXT)), "verb_text",
        text_or_null(col_text(st, C_VERB_TEXT)), "cameo", col_text(st, C_CODE), "goldstein",
        sqlite3_column_double(st, C_GOLD), "num_mentions", sqlite3_column_int(st, C_MENTIONS),
        "num_sources", sqlite3_column_int(st, C_SOURCES), "num_articles",
        sqlite3_column_int(st, C_ARTICLES), "text", text_or_null(col_text(st, C_EVIDENCE)), "doc",
        text_or_null(col_text(st, C_DOC)));
    return o;
}

static json_t *span_or_null(sqlite3_stmt *st, int i) {
    if (sqlite3_column_type(st, i) == SQLITE_NULL) return json_null();
    return json_pack("[II]", (json_int_t)sqlite3_column_int64(st, i),
                     (json_int_t)sqlite3_column_int64(st, i + 1));
}

static const char MENTIONS_OF_EVENT[] =
    "SELECT a.doc, a.date, a.outlet, m.sentence, m.evidence, m.source_text, m.verb_text,"
    " m.target_text, m.source_start, m.source_end, m.verb_start, m.verb_end, m.target_start,"
    " m.target_end, m.pattern, m.negated, m.modality, m.date_source FROM mentions m JOIN"
    " articles a ON a.id = m.article_id WHERE m.event_id = ?1 ORDER BY m.id";

static json_t *mention_json(sqlite3_stmt *m) {
    return json_pack("{s:s, s:o, s:o, s:i, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:s, s:b, s:s, s:s}",
                     "doc", col_text(m, 0), "article_date", text_or_null(col_text(m, 1)), "outlet",
                     text_or_null(col_text(m, 2)), "sentence", sqlite3_column_int(m, 3), "evidence",
                     col_text(m, 4), "source_text", col_text(m, 5), "verb_text", col_text(m, 6),
                     "target_text", col_text(m, 7), "source_span", span_or_null(m, 8), "verb_span",
                     span_or_null(m, 10), "target_span", span_or_null(m, 12), "pattern",
                     col_text(m, 14), "negated", sqlite3_column_int(m, 15), "modality",
                     col_text(m, 16), "date_source", col_text(m, 17));
}

static json_t *jsonl_record(sqlite3_stmt *st, sqlite3_stmt *mst) {
    json_t *mentions = json_array();
    sqlite3_reset(mst);
    sqlite3_bind_int64(mst, 1, sqlite3_column_int64(st, C_ID));
    while (sqlite3_step(mst) == SQLITE_ROW)
        json_array_append_new(mentions, mention_json(mst));
    sqlite3_reset(mst);
    return json_pack(
        "{s:I, s:s, s:s, s:s, s:s, s:s, s:i, s:f, s:s, s:i, s:i, s:i, s:o}", "id",
        (json_int_t)sqlite3_column_int64(st, C_ID), "date", col_text(st, C_DATE), "source",
        col_text(st, C_SOURCE), "target", col_text(st, C_TARGET), "code", col_text(st, C_CODE),
        "root", col_text(st, C_ROOT), "quad_class", sqlite3_column_int(st, C_QUAD), "goldstein",
        sqlite3_column_double(st, C_GOLD), "plover", col_text(st, C_PLOVER), "num_mentions",
        sqlite3_column_int(st, C_MENTIONS), "num_sources", sqlite3_column_int(st, C_SOURCES),
        "num_articles", sqlite3_column_int(st, C_ARTICLES), "mentions", mentions);
}

static int json_emit(line *l, json_t *o, store_line_fn fn, void *user, char *err, size_t cap) {
    char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(o);
    if (!s) {
        snprintf(err, cap, "out of memory");
        return -1;
    }
    put(l, s, strlen(s));
    free(s);
    return line_emit(l, fn, user, err, cap);
}

/* ---- GDELT 2.0 mentions: 16 columns ---- */

static const char MENTIONS_HEAD[] =
    "SELECT e.id, e.added, a.added, a.outlet, a.doc, m.sentence, m.source_start,"
    " m.target_start, m.verb_start, a.text_len FROM events e JOIN mentions m ON m.event_id ="
    " e.id JOIN articles a ON a.id = m.article_id";

static void offset_or_empty(line *l, sqlite3_stmt *st, int i) {
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        tsv_empty(l, 1);
    else
        tsv_int(l, sqlite3_column_int64(st, i));
}

static void gdelt_mention_line(line *l, sqlite3_stmt *st) {
    tsv_int(l, sqlite3_column_int64(st, 0));
    tsv_text(l, col_text(st, 1)); /* EventTimeDate */
    tsv_text(l, col_text(st, 2)); /* MentionTimeDate */
    tsv_int(l, 1);                /* MentionType: WEB */
    tsv_text(l, col_text(st, 3));
    tsv_text(l, col_text(st, 4));
    tsv_int(l, sqlite3_column_int(st, 5) + 1); /* SentenceID, 1-based */
    offset_or_empty(l, st, 6);
    offset_or_empty(l, st, 7);
    offset_or_empty(l, st, 8);
    tsv_int(l, 1);   /* InRawText */
    tsv_empty(l, 1); /* Confidence */
    offset_or_empty(l, st, 9);
    tsv_empty(l, 3); /* MentionDocTone, MentionDocTranslationInfo, Extras */
}

int store_export_columns(store_export_format fmt) {
    switch (fmt) {
    case EXPORT_GDELT: return 61;
    case EXPORT_GDELT_MENTIONS: return 16;
    case EXPORT_PHOENIX: return 26;
    default: return 0;
    }
}

static sqlite3_stmt *prepare_export(store *s, store_export_format fmt, const store_filter *f,
                                    char *err, size_t cap) {
    store_where w;
    if (where_build(&w, f, 0, err, cap) < 0) return NULL;
    const char *head = fmt == EXPORT_GDELT_MENTIONS ? MENTIONS_HEAD : EVENT_HEAD;
    const char *tail = fmt == EXPORT_GDELT_MENTIONS ? "ORDER BY e.date, e.id, m.id"
                       : fmt == EXPORT_PLOVER       ? "AND e.plover <> '' ORDER BY e.date, e.id"
                                                    : "ORDER BY e.date, e.id";
    size_t n = strlen(head) + strlen(w.sql) + strlen(tail) + 64;
    char *sql = malloc(n);
    if (!sql) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    int k = snprintf(sql, n, "%s WHERE %s %s", head, w.sql, tail);
    if (f->limit > 0) snprintf(sql + k, n - (size_t)k, " LIMIT %ld", f->limit);
    sqlite3_stmt *st = read_prepare(s, sql, err, cap);
    free(sql);
    if (st) where_bind(&w, st);
    return st;
}

int store_export(store *s, store_export_format fmt, const store_filter *f, store_line_fn fn,
                 void *user, char *err, size_t cap) {
    sqlite3_stmt *st = prepare_export(s, fmt, f, err, cap);
    if (!st) return -1;
    sqlite3_stmt *mst = fmt == EXPORT_JSONL ? read_prepare(s, MENTIONS_OF_EVENT, err, cap) : NULL;
    if (fmt == EXPORT_JSONL && !mst) {
        sqlite3_finalize(st);
        return -1;
    }
    line l = {0};
    int rc = 0, step;
    while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
        switch (fmt) {
        case EXPORT_GDELT:
            gdelt_event_line(&l, st);
            rc = line_emit(&l, fn, user, err, cap);
            break;
        case EXPORT_GDELT_MENTIONS:
            gdelt_mention_line(&l, st);
            rc = line_emit(&l, fn, user, err, cap);
            break;
        case EXPORT_PHOENIX:
            phoenix_line(&l, st);
            rc = line_emit(&l, fn, user, err, cap);
            break;
        case EXPORT_PLOVER: rc = json_emit(&l, plover_record(st), fn, user, err, cap); break;
        case EXPORT_JSONL: rc = json_emit(&l, jsonl_record(st, mst), fn, user, err, cap); break;
        }
    }
    if (rc == 0 && step != SQLITE_DONE) {
        snprintf(err, cap, "%s: %s", s->path, sqlite3_errmsg(s->db));
        rc = -1;
    }
    textbuf_free(&l.text);
    sqlite3_finalize(mst);
    sqlite3_finalize(st);
    return rc;
}

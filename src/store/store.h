/* store.h: parley's event database on SQLite (docs/store.md).
 *
 * The store consumes coded records, the JSON objects of docs/output.md (event and quote lines)
 * plus article lines {"type":"article","doc","date","title","source","text_hash"}, and keeps
 * them de-duplicated: one event row per distinct (date, source, target, code) happening with
 * the mentions that reported it, one quote row per (speaker, text) with its mentions.
 *
 * Records of one article arrive together. An article whose doc id, or whose text hash, is
 * already stored is skipped whole, so ingesting the same input twice changes nothing. Writes
 * go in transactions of `batch` articles, committed at article boundaries: a killed run loses
 * only the open batch and a re-run resumes after the last committed one.
 *
 * The store never prints or exits: errors come back as "FILE: problem" in the caller's buffer.
 * A store handle is used by one thread at a time; threads that read in parallel open one each
 * (any number of readers may share the database file). */
#ifndef PARLEY_STORE_H
#define PARLEY_STORE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#define STORE_SCHEMA_VERSION 2
#define STORE_DEFAULT_BATCH  500

typedef struct store store;

enum { STORE_READONLY = 1 };

/* Open (creating or migrating to STORE_SCHEMA_VERSION unless STORE_READONLY) the database at
 * path. NULL with a message in err on failure. */
store *store_open(const char *path, int flags, char *err, size_t cap);
/* Commit the open batch and close. Returns 0, or -1 with a message (the batch is lost). */
int store_close(store *s, char *err, size_t cap);
/* The schema version a database file holds (PRAGMA user_version); -1 with a message. */
int store_schema_version(store *s);

/* Articles per transaction (default STORE_DEFAULT_BATCH). */
void store_set_batch(store *s, unsigned articles);

typedef struct {
    long articles;         /* articles stored */
    long articles_skipped; /* already stored (same doc id or same text hash) */
    long events;           /* new event rows */
    long mentions;         /* event mentions stored */
    long quotes;           /* new quote rows */
    long quote_mentions;   /* quote mentions stored */
    long batches;          /* transactions committed */
} store_counts;

/* Store one record: {"type":"article"|"event"|"quote", ...}. A record whose "doc" differs from
 * the previous record's starts a new article (committing the batch first when it is full).
 * Returns 0 when stored or skipped as a duplicate, 1 when the record is malformed (problem in
 * err; nothing stored), -1 on a database failure (message in err; the open batch is lost). */
int store_add(store *s, json_t *record, char *err, size_t cap);
/* Commit the open batch now. 0, or -1 with a message. */
int store_flush(store *s, char *err, size_t cap);
const store_counts *store_get_counts(const store *s);

/* The article record of an article, as a JSON line (with '\n'), malloc'd; NULL when out of
 * memory. date, title, outlet may be NULL; the text gives text_hash and text_len. */
char *store_article_line(const char *doc, const char *date, const char *title, const char *outlet,
                         const char *text, size_t text_len);

/* 64-bit FNV-1a of the bytes of an article text, as 16 lower-case hex digits + NUL. */
void store_text_hash(const char *text, size_t len, char out[17]);

/* ---- reading: query, stats, export (query.c, export.c) ---- */

typedef enum { STORE_NULL, STORE_INT, STORE_REAL, STORE_TEXT } store_type;
typedef struct {
    store_type type;
    int64_t i;
    double d;
    const char *s; /* valid during the callback */
} store_value;

/* One output row: column names and values; valid during the callback. Return non-zero from the
 * callback to stop (the reader then returns that value). */
typedef struct {
    int ncols;
    const char *const *names;
    const store_value *values;
} store_row;
typedef int (*store_row_fn)(void *user, const store_row *row);
/* A row as a JSON object {name: value, ...} in column order; NULL when out of memory. */
json_t *store_row_json(const store_row *row);

/* Filters shared by query, stats and export; NULL / 0 fields do not filter. */
typedef struct {
    const char *from, *to;       /* event date range, inclusive, YYYY-MM-DD */
    const char *actor;           /* code prefix (upper-case letters and digits) matching source
                                    or target, else a name matched against the actor texts */
    const char *source, *target; /* code prefixes */
    const char *code;            /* CAMEO code prefix ("036", "03") */
    const char *root;            /* CAMEO root, two digits */
    int quad;                    /* QuadClass 1..4, 0 = any */
    const char *plover;          /* PLOVER type, exact (case-insensitive) */
    const char *outlet;          /* source outlet of a reporting article, exact */
    const char *text;            /* FTS5 query over evidence (events) or quote text (quotes) */
    const char *doc;             /* reported in the article with this doc id */
    long limit;                  /* 0 = no limit */
    long offset;                 /* rows skipped before the first one returned */
} store_filter;

/* Set the filter field called name ("from", "to", "actor", "source", "target", "code", "root",
 * "quad", "plover", "outlet", "text", "doc", "limit", "offset") from a text value, checking
 * it: dates YYYY-MM-DD, code 1-4 digits, root 01..20, quad 1..4, source/target code letters,
 * limit 1..1e9, offset >= 0. The filter keeps the value pointer. Returns 1 when set, 0 when
 * no filter has that name, -1 with "NAME ..." in err when the value is bad. */
int store_filter_set(store_filter *f, const char *name, const char *value, char *err, size_t cap);

/* 1 when the actor filter is read as a code prefix, 0 when as a name. */
int store_actor_is_code(const char *actor);

/* Events matching f, by date then id: id, date, source, target, code, root, quad_class,
 * goldstein, plover, num_mentions, num_sources, num_articles, source_text, verb_text,
 * target_text, doc, evidence (the texts from the event's first mention). */
int store_query_events(store *s, const store_filter *f, store_row_fn fn, void *user, char *err,
                       size_t cap);
/* Quotes matching f (from/to on the first reporting article's date, actor on speaker code
 * prefix or speaker name, outlet, text; other filters are ignored): id, date, speaker,
 * speaker_code, text, num_mentions, num_articles, doc. */
int store_query_quotes(store *s, const store_filter *f, store_row_fn fn, void *user, char *err,
                       size_t cap);

typedef enum {
    STATS_ROOT,
    STATS_DYAD,
    STATS_MONTH,
    STATS_DYAD_MONTH,
    STATS_MONTH_QUAD
} store_stats_by;
/* Aggregates over the events matching f (f->limit limits the rows):
 *   root:       root, events, mentions
 *   dyad:       source, target, events, mentions, goldstein_sum, goldstein_mentions
 *   month:      month, events, mentions, goldstein_sum
 *   dyad-month: month, source, target, events, mentions, goldstein_sum, goldstein_mentions
 *   month-quad: month, quad_class, events, mentions, goldstein_sum */
int store_stats(store *s, store_stats_by by, const store_filter *f, store_row_fn fn, void *user,
                char *err, size_t cap);

/* One event by id, with the columns of store_query_events (no row when there is none). */
int store_get_event(store *s, int64_t id, store_row_fn fn, void *user, char *err, size_t cap);
/* The mentions of one event, by article date: mention, doc, article_date, title, outlet,
 * sentence, evidence, evidence_start (NULL before schema 2), source_text, verb_text,
 * target_text, source_start, source_end, verb_start, verb_end, target_start, target_end
 * (byte offsets in the article text, NULL when absent), pattern, negated, modality,
 * date_source, reported_by. */
int store_event_mentions(store *s, int64_t id, store_row_fn fn, void *user, char *err, size_t cap);
/* Actors seen in the events: code, text (as written), mentions; by mentions, most first.
 * match (NULL: all) is a code prefix when store_actor_is_code, else a piece of the text. */
int store_actors(store *s, const char *match, long limit, long offset, store_row_fn fn, void *user,
                 char *err, size_t cap);

/* Make every later read stop with an error ("query interrupted: took longer than MS ms")
 * once it has run for ms milliseconds; 0 removes the limit. */
void store_set_time_limit(store *s, long ms);

typedef enum {
    EXPORT_GDELT,
    EXPORT_GDELT_MENTIONS,
    EXPORT_PHOENIX,
    EXPORT_PLOVER,
    EXPORT_JSONL
} store_export_format;
/* Lines (each ending in '\n') of the export of the events matching f, docs/formats.md. */
typedef int (*store_line_fn)(void *user, const char *line, size_t len);
int store_export(store *s, store_export_format fmt, const store_filter *f, store_line_fn fn,
                 void *user, char *err, size_t cap);
/* Columns of a tab-separated export format (61 for GDELT), 0 for JSON formats. */
int store_export_columns(store_export_format fmt);

#endif

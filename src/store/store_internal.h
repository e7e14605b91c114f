/* store_internal.h: what the store's files share (not part of the store's interface). */
#ifndef PARLEY_STORE_INTERNAL_H
#define PARLEY_STORE_INTERNAL_H

#include <sqlite3.h>
#include <time.h>

#include "store.h"

enum {
    ST_ART_BY_DOC,
    ST_ART_BY_HASH,
    ST_ART_INSERT,
    ST_ART_DATE,
    ST_EV_FIND,
    ST_EV_INSERT,
    ST_EV_COUNT,
    ST_MEN_SAME_ARTICLE,
    ST_MEN_SAME_OUTLET,
    ST_MEN_INSERT,
    ST_FTS_INSERT,
    ST_ACTOR_UPSERT,
    ST_Q_FIND,
    ST_Q_INSERT,
    ST_Q_COUNT,
    ST_QM_SAME_ARTICLE,
    ST_QM_INSERT,
    ST_COUNT
};

struct store {
    sqlite3 *db;
    char path[512];
    int readonly;
    unsigned batch;          /* articles per transaction */
    unsigned batch_articles; /* articles written in the open transaction */
    int in_tx;
    sqlite3_stmt *st[ST_COUNT];
    store_counts counts;
    /* the article whose records are arriving */
    char *doc;
    int skip;        /* 1: already stored, its records are ignored */
    int64_t article; /* articles.id */
    char *outlet;    /* NULL when unknown */
    int date_known;  /* articles.date is set */
    char added[16];  /* YYYYMMDDHHMMSS of the open batch */
    /* reads: the time limit (0 = none) and when the running read started (CLOCK_MONOTONIC) */
    long time_limit_ms;
    struct timespec read_started;
};

/* schema.c */
int schema_version(sqlite3 *db);
int schema_migrate(sqlite3 *db, int readonly, const char *path, char *err, size_t cap);

/* query.c: the WHERE clause of a filter over events e, and its parameters. */
typedef struct {
    char sql[2048];
    const char *params[24];
    int nparams;
    char bounds[4][64]; /* upper bounds of prefix ranges */
    int nbounds;
    char like[128]; /* %name% of an actor name */
} store_where;
/* quotes: build the clause over quotes q and their first article a instead. */
int where_build(store_where *w, const store_filter *f, int quotes, char *err, size_t cap);
void where_bind(const store_where *w, sqlite3_stmt *st);
/* Step a read statement to the end, handing each row to fn. 0, fn's non-zero value, or -1. */
int rows_run(store *s, sqlite3_stmt *st, store_row_fn fn, void *user, char *err, size_t cap);
/* Prepare a read statement; NULL with a message. */
sqlite3_stmt *read_prepare(store *s, const char *sql, char *err, size_t cap);

#endif

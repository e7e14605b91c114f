/* schema.c: the store's schema and its migrations (docs/store.md). The schema version lives in
 * PRAGMA user_version; migration i takes a database from version i to version i + 1, each in
 * its own transaction. */
#include <sqlite3.h>
#include <stdio.h>

#include "store_internal.h"

/* Version 0 -> 1: the whole schema. */
static const char V1[] =
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  doc TEXT NOT NULL UNIQUE," /* the article id of the input */
    "  date TEXT,"                /* YYYY-MM-DD, NULL when unknown */
    "  title TEXT,"
    "  outlet TEXT,"          /* the input's \"source\": the news outlet */
    "  text_hash TEXT,"       /* FNV-1a 64 of the text, NULL when unknown */
    "  text_len INTEGER,"     /* bytes of text, NULL when unknown */
    "  added TEXT NOT NULL);" /* YYYYMMDDHHMMSS (UTC) */
    "CREATE UNIQUE INDEX articles_hash ON articles(text_hash) WHERE text_hash IS NOT NULL;"
    "CREATE INDEX articles_outlet ON articles(outlet);"
    "CREATE TABLE events("
    "  id INTEGER PRIMARY KEY,"
    "  date TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"
    "  root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,"
    "  plover TEXT NOT NULL,"
    "  num_mentions INTEGER NOT NULL DEFAULT 0,"
    "  num_sources INTEGER NOT NULL DEFAULT 0,"
    "  num_articles INTEGER NOT NULL DEFAULT 0,"
    "  first_mention INTEGER,"
    "  added TEXT NOT NULL,"
    "  UNIQUE(date, source, target, code));"
    "CREATE INDEX events_source ON events(source, date);"
    "CREATE INDEX events_target ON events(target, date);"
    "CREATE INDEX events_code ON events(code, date);"
    "CREATE INDEX events_root ON events(root, date);"
    "CREATE TABLE mentions("
    "  id INTEGER PRIMARY KEY,"
    "  event_id INTEGER NOT NULL REFERENCES events(id),"
    "  article_id INTEGER NOT NULL REFERENCES articles(id),"
    "  sentence INTEGER NOT NULL,"
    "  evidence TEXT NOT NULL,"
    "  source_text TEXT NOT NULL, verb_text TEXT NOT NULL, target_text TEXT NOT NULL,"
    "  source_start INTEGER, source_end INTEGER, verb_start INTEGER, verb_end INTEGER,"
    "  target_start INTEGER, target_end INTEGER,"
    "  pattern TEXT NOT NULL, negated INTEGER NOT NULL, modality TEXT NOT NULL,"
    "  date_source TEXT NOT NULL, reported_by TEXT NOT NULL);"
    "CREATE INDEX mentions_event ON mentions(event_id, article_id);"
    "CREATE INDEX mentions_article ON mentions(article_id);"
    "CREATE TABLE quotes("
    "  id INTEGER PRIMARY KEY,"
    "  speaker TEXT NOT NULL, speaker_code TEXT NOT NULL, text TEXT NOT NULL,"
    "  num_mentions INTEGER NOT NULL DEFAULT 0,"
    "  num_articles INTEGER NOT NULL DEFAULT 0,"
    "  first_mention INTEGER,"
    "  UNIQUE(speaker, text));"
    "CREATE INDEX quotes_code ON quotes(speaker_code);"
    "CREATE TABLE quote_mentions("
    "  id INTEGER PRIMARY KEY,"
    "  quote_id INTEGER NOT NULL REFERENCES quotes(id),"
    "  article_id INTEGER NOT NULL REFERENCES articles(id),"
    "  sentence INTEGER NOT NULL, span_start INTEGER, span_end INTEGER);"
    "CREATE INDEX quote_mentions_quote ON quote_mentions(quote_id, article_id);"
    "CREATE INDEX quote_mentions_article ON quote_mentions(article_id);"
    "CREATE TABLE actors("
    "  code TEXT NOT NULL, text TEXT NOT NULL, mentions INTEGER NOT NULL,"
    "  PRIMARY KEY(code, text)) WITHOUT ROWID;"
    /* Full text of the evidence of every mention (rowid 2 * mention id) and of every quote
     * (rowid 2 * quote id + 1); contentless: the texts live in mentions and quotes. */
    "CREATE VIRTUAL TABLE search USING fts5(body, content='');";

/* Version 1 -> 2, for parley serve: where each mention's evidence sentence starts in its
 * article, so that the source, verb and target spans can be marked inside the sentence (NULL
 * for mentions stored before); and two covering indexes for the series a dashboard asks for
 * on every view: months by QuadClass over a date range, and dyads. Over a million events they
 * take a year's monthly series from 0.33 s to 0.10 s and the dyad table from 4.4 s to 0.5 s
 * (docs/benchmarks.md), for 16% more disk. */
static const char V2[] =
    "ALTER TABLE mentions ADD COLUMN evidence_start INTEGER;"
    "CREATE INDEX events_date_quad ON events(date, quad_class, goldstein, num_mentions);"
    "CREATE INDEX events_dyad ON events(source, target, date, quad_class, goldstein,"
    " num_mentions);";

static const char *const MIGRATIONS[STORE_SCHEMA_VERSION] = {V1, V2};

static int exec(sqlite3 *db, const char *sql, const char *path, char *err, size_t cap) {
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
    snprintf(err, cap, "%s: %s", path, msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    return -1;
}

int schema_version(sqlite3 *db) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK) return -1;
    int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

static int table_count(sqlite3 *db) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) != SQLITE_OK)
        return -1;
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}

static int migrate_one(sqlite3 *db, int from, const char *path, char *err, size_t cap) {
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", from + 1);
    if (exec(db, "BEGIN IMMEDIATE", path, err, cap) < 0) return -1;
    if (exec(db, MIGRATIONS[from], path, err, cap) < 0 || exec(db, pragma, path, err, cap) < 0 ||
        exec(db, "COMMIT", path, err, cap) < 0) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return 0;
}

int schema_migrate(sqlite3 *db, int readonly, const char *path, char *err, size_t cap) {
    int v = schema_version(db);
    if (v < 0) {
        snprintf(err, cap, "%s: not a database: %s", path, sqlite3_errmsg(db));
        return -1;
    }
    if (v > STORE_SCHEMA_VERSION) {
        snprintf(err, cap, "%s: schema version %d is newer than this parley's (%d)", path, v,
                 STORE_SCHEMA_VERSION);
        return -1;
    }
    if (v == 0 && table_count(db) != 0) {
        snprintf(err, cap, "%s: not a parley database (tables but no schema version)", path);
        return -1;
    }
    if (v < STORE_SCHEMA_VERSION && readonly) {
        snprintf(err, cap, "%s: schema version %d, expected %d (run parley ingest to migrate)",
                 path, v, STORE_SCHEMA_VERSION);
        return -1;
    }
    for (; v < STORE_SCHEMA_VERSION; v++)
        if (migrate_one(db, v, path, err, cap) < 0) return -1;
    return 0;
}

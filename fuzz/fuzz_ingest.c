/* fuzz_ingest.c: the event store's ingest of coded JSON lines (src/store), into an in-memory
 * SQLite database; then every query, statistic and export over what was stored. The first
 * input byte picks the text filter (none, a word, a phrase) so FTS5 queries are fuzzed too. */
#include <jansson.h>

#include "../src/store/store.h"
#include "fuzz_util.h"

static int on_row(void *user, const store_row *row) {
    (void)user;
    (void)row;
    return 0;
}

static int on_line(void *user, const char *line, size_t len) {
    (void)user;
    (void)line;
    (void)len;
    return 0;
}

static void read_back(store *s, const store_filter *f) {
    char err[256];
    store_query_events(s, f, on_row, NULL, err, sizeof err);
    store_query_quotes(s, f, on_row, NULL, err, sizeof err);
    for (int by = STATS_ROOT; by <= STATS_DYAD_MONTH; by++)
        store_stats(s, (store_stats_by)by, f, on_row, NULL, err, sizeof err);
    for (int fmt = EXPORT_GDELT; fmt <= EXPORT_JSONL; fmt++)
        store_export(s, (store_export_format)fmt, f, on_line, NULL, err, sizeof err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    static const char *const TEXT[] = {NULL, "talks", "\"peace talks\" OR ceasefire"};
    const char *text = TEXT[data[0] % 3];
    data++;
    size--;
    char err[256];
    store *s = store_open(":memory:", 0, err, sizeof err);
    if (!s) return 0;
    store_set_batch(s, 2);
    const char *p = (const char *)data, *end = p + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        json_error_t je;
        json_t *rec = json_loadb(p, len, 0, &je);
        if (rec) {
            if (json_is_object(rec)) store_add(s, rec, err, sizeof err);
            json_decref(rec);
        }
        p += len + (nl != NULL);
    }
    store_flush(s, err, sizeof err);
    store_filter f;
    memset(&f, 0, sizeof f);
    f.text = text;
    read_back(s, &f);
    f.actor = "RUS";
    f.from = "2020-01-01";
    f.to = "2024-12-31";
    read_back(s, &f);
    store_close(s, err, sizeof err);
    return 0;
}

/* cmd_ingest.c: `parley ingest`: coded JSON lines (event, quote and article records, as
 * `parley code --json --articles` writes them) into the event database. A malformed line is
 * reported as FILE:LINE: problem and skipped; the others are stored. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../io/articles.h"
#include "cli.h"

static const char HELP[] =
    "usage: parley ingest [--db FILE] [--batch N] [FILE...]\n"
    "\n"
    "Store coded JSON lines (the output of 'parley code --json', best with --articles) from\n"
    "FILEs or standard input in an event database (docs/store.md). Events are de-duplicated\n"
    "across articles; an article already stored (same id or same text) is skipped, so a\n"
    "re-run after an interruption resumes where the last committed batch ended.\n"
    "\n"
    "options:\n"
    "  --db FILE     the SQLite database (default parley.db), created when missing\n"
    "  --batch N     articles per transaction (default 500)\n"
    "\n"
    "Progress is shown on stderr when it is a terminal.\n"
    "exit status: 0 ok, 1 some lines skipped (reported as FILE:LINE: problem), 2 usage error,\n"
    "3 cannot run (database error)\n";

int ingest_line(store *s, const char *line, size_t len, const char *file, long lineno) {
    json_error_t je;
    json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    char err[512];
    if (!o) {
        fprintf(stderr, "%s:%ld: not valid JSON (column %d: %s)\n", file, lineno, je.column,
                je.text);
        return 1;
    }
    int rc = store_add(s, o, err, sizeof err);
    json_decref(o);
    if (rc > 0) fprintf(stderr, "%s:%ld: %s\n", file, lineno, err);
    if (rc < 0) fprintf(stderr, "parley: %s\n", err);
    return rc;
}

/* Bytes of a regular file (standard input too when it is one), 0 when unknown. */
static long long input_size(const char *path) {
    struct stat st;
    int ok = strcmp(path, "-") ? stat(path, &st) == 0 : fstat(0, &st) == 0;
    return ok && S_ISREG(st.st_mode) ? (long long)st.st_size : 0;
}

enum { EXIT_CANNOT_STORE = 100 }; /* internal: a database failure stops the run */

/* Store one stream; returns the count of bad lines, or -1 after a database failure. */
static int ingest_stream(store *s, FILE *f, const char *name, progress *pr, long long *done) {
    char *line = NULL;
    size_t cap = 0;
    long got, lineno = 0;
    size_t len;
    int bad = 0;
    while ((got = jsonl_next_line(f, &line, &cap, &len)) >= 0) {
        lineno++;
        *done += got;
        if (len == 0) continue;
        int rc = ingest_line(s, line, len, name, lineno);
        if (rc < 0) {
            bad = -1;
            break;
        }
        bad += rc;
        const store_counts *c = store_get_counts(s);
        if ((lineno & 63) == 0)
            progress_update(pr, c->articles + c->articles_skipped, c->events, *done);
    }
    free(line);
    return bad;
}

static int parse_batch(const char *v, unsigned *out) {
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || n < 1 || n > 1000000) return -1;
    *out = (unsigned)n;
    return 0;
}

int cmd_ingest(int argc, char **argv) {
    const char *db = "parley.db";
    unsigned batch = STORE_DEFAULT_BATCH;
    const char *files[256];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(HELP, stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "--db") && i + 1 < argc) {
            db = argv[++i];
        } else if (!strcmp(a, "--batch") && i + 1 < argc) {
            if (parse_batch(argv[++i], &batch) < 0) {
                fprintf(stderr, "parley ingest: --batch takes 1..1000000, got '%s'\n", argv[i]);
                return EXIT_USAGE;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "parley ingest: unknown or incomplete option '%s' (see --help)\n", a);
            return EXIT_USAGE;
        } else if (nfiles < 256) {
            files[nfiles++] = a;
        }
    }
    if (nfiles == 0) files[nfiles++] = "-";
    char err[512];
    store *s = store_open(db, 0, err, sizeof err);
    if (!s) {
        fprintf(stderr, "parley ingest: %s\n", err);
        return EXIT_CANNOT;
    }
    store_set_batch(s, batch);
    long long total = 0, done = 0;
    for (int k = 0; k < nfiles; k++)
        total += input_size(files[k]);
    progress pr;
    progress_start(&pr, total);
    int rc = EXIT_OK, bad = 0;
    for (int k = 0; k < nfiles && rc != EXIT_CANNOT_STORE; k++) {
        int is_stdin = !strcmp(files[k], "-");
        FILE *f = is_stdin ? stdin : fopen(files[k], "rb");
        if (!f) {
            fprintf(stderr, "parley ingest: %s: cannot open\n", files[k]);
            rc = EXIT_CANNOT;
            continue;
        }
        int b = ingest_stream(s, f, is_stdin ? "<stdin>" : files[k], &pr, &done);
        if (!is_stdin) fclose(f);
        if (b < 0)
            rc = EXIT_CANNOT_STORE;
        else
            bad += b;
    }
    if (rc == EXIT_CANNOT_STORE) rc = EXIT_CANNOT;
    const store_counts c = *store_get_counts(s);
    if (store_close(s, err, sizeof err) < 0) {
        fprintf(stderr, "parley ingest: %s\n", err);
        rc = EXIT_CANNOT;
    }
    progress_end(&pr, c.articles, c.articles_skipped, c.events, c.mentions);
    if (rc) return rc;
    return bad ? EXIT_SKIPPED : EXIT_OK;
}

/* cmd_query.c: `parley query`, `parley stats`, `parley export`: reading the event database.
 * The three share the filter options; query and stats print rows as a table (default on a
 * terminal), JSON lines (default when piped), CSV or TSV; export writes the field's formats. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../io/articles.h"
#include "cli.h"

#define FILTER_HELP                                                                                \
    "  --db FILE              the database (default parley.db)\n"                                  \
    "  --from DATE --to DATE  event dates, inclusive (YYYY-MM-DD)\n"                               \
    "  --actor A              source or target: a code prefix (RUS, USAGOV) or a name seen in\n"   \
    "                         the text (Putin: the codes under which it was seen)\n"               \
    "  --source P --target P  source / target code prefix\n"                                       \
    "  --code C               CAMEO event code or prefix (036, 03)\n"                              \
    "  --root R               CAMEO root code (two digits)\n"                                      \
    "  --quad N               QuadClass 1..4\n"                                                    \
    "  --plover T             PLOVER event type (CONSULT, ACCUSE, ...)\n"                          \
    "  --outlet NAME          reported by this news outlet (the input's \"source\")\n"             \
    "  --text Q               full-text query (SQLite FTS5 syntax) over the evidence sentences\n"  \
    "  --doc ID               reported in the article with this id\n"                              \
    "  --limit N              at most N rows\n"                                                    \
    "  --offset N             skip the first N rows (paging, with --limit)\n"

static const char QUERY_HELP[] =
    "usage: parley query [--db FILE] [filters] [--quotes] [--format F]\n"
    "\n"
    "List the stored events matching every filter, by date (one row per de-duplicated event,\n"
    "with its mention, source and article counts and its first mention's words), or with\n"
    "--quotes the stored quotes (filters: --from/--to on the first reporting article's date,\n"
    "--actor on the speaker's code prefix or name, --outlet, --text over the quote, --limit).\n"
    "\n"
    "options:\n" FILTER_HELP "  --quotes               list quotes instead of events\n"
    "  --format F             table, jsonl, csv or tsv (default: table on a terminal, jsonl\n"
    "                         otherwise); csv and tsv start with a header line\n"
    "\n"
    "exit status: 0 ok, 2 usage error, 3 cannot run (database missing or unreadable)\n";

static const char STATS_HELP[] =
    "usage: parley stats [--db FILE] [filters] [--by B] [--format F]\n"
    "\n"
    "Counts over the stored events matching the filters:\n"
    "  --by root        events and mentions per CAMEO root\n"
    "  --by dyad        events, mentions, Goldstein sum (per event and weighted by mentions)\n"
    "                   per source-target pair\n"
    "  --by month       events, mentions, Goldstein sum per month\n"
    "  --by dyad-month  the same per month and dyad (the series analysts plot)\n"
    "  --by month-quad  events, mentions, Goldstein sum per month and QuadClass\n"
    "Without --by, the table format shows all five; other formats need one --by.\n"
    "\n"
    "options:\n" FILTER_HELP
    "  --format F             table, jsonl, csv or tsv (default: table on a terminal, jsonl\n"
    "                         otherwise)\n"
    "\n"
    "exit status: 0 ok, 2 usage error, 3 cannot run\n";

static const char EXPORT_HELP[] =
    "usage: parley export [--db FILE] --format F [filters]\n"
    "\n"
    "Write the stored events matching the filters in an exchange format (docs/formats.md):\n"
    "  gdelt            GDELT 2.0 event table: 61 tab-separated columns, no header\n"
    "  gdelt-mentions   GDELT 2.0 mentions table: 16 tab-separated columns, one row a mention\n"
    "  phoenix          Phoenix daily-file columns: 26 tab-separated columns, no header\n"
    "  plover           PLOVER JSON records, one a line (events with a PLOVER type)\n"
    "  jsonl            parley's events with all their mentions, one JSON object a line\n"
    "\n"
    "options:\n" FILTER_HELP "\n"
    "exit status: 0 ok, 2 usage error, 3 cannot run\n";

enum { FMT_TABLE, FMT_JSONL, FMT_CSV, FMT_TSV };

typedef struct {
    const char *db;
    store_filter f;
    int format;     /* FMT_* for query/stats, -1 = not given */
    int quotes;     /* query --quotes */
    int by;         /* stats --by, -1 = all */
    int export_fmt; /* export --format, -1 = not given */
} read_opts;

/* ---- option parsing ---- */

static int pick(const char *v, const char *const *names, int n) {
    for (int i = 0; i < n; i++)
        if (!strcmp(v, names[i])) return i;
    return -1;
}

static const char *const ROW_FORMATS[] = {"table", "jsonl", "csv", "tsv"};
static const char *const STATS_BY[] = {"root", "dyad", "month", "dyad-month", "month-quad"};
static const char *const EXPORT_FORMATS[] = {"gdelt", "gdelt-mentions", "phoenix", "plover",
                                             "jsonl"};

/* A filter option with its value; 1 consumed, 0 not a filter option, -1 bad value. */
static int filter_option(read_opts *o, const char *cmd, const char *a, const char *v) {
    if (!strcmp(a, "--db")) {
        o->db = v;
        return 1;
    }
    if (strncmp(a, "--", 2) != 0) return 0;
    char err[160];
    int r = store_filter_set(&o->f, a + 2, v, err, sizeof err);
    if (r < 0) fprintf(stderr, "parley %s: --%s\n", cmd, err);
    return r;
}

static int command_option(read_opts *o, const char *cmd, const char *a, const char *v) {
    if (!strcmp(a, "--format") && !strcmp(cmd, "export")) {
        o->export_fmt = pick(v, EXPORT_FORMATS, 5);
        if (o->export_fmt >= 0) return 1;
        fprintf(stderr,
                "parley export: --format is gdelt, gdelt-mentions, phoenix, plover or "
                "jsonl, got '%s'\n",
                v);
        return -1;
    }
    if (!strcmp(a, "--format")) {
        o->format = pick(v, ROW_FORMATS, 4);
        if (o->format >= 0) return 1;
        fprintf(stderr, "parley %s: --format is table, jsonl, csv or tsv, got '%s'\n", cmd, v);
        return -1;
    }
    if (!strcmp(a, "--by") && !strcmp(cmd, "stats")) {
        o->by = pick(v, STATS_BY, 5);
        if (o->by >= 0) return 1;
        fprintf(stderr,
                "parley stats: --by is root, dyad, month, dyad-month or month-quad, got '%s'\n", v);
        return -1;
    }
    return 0;
}

/* Returns -1 to go on, else the exit code (help printed, or a usage error). */
static int parse_read_opts(read_opts *o, const char *cmd, const char *help, int argc, char **argv) {
    memset(o, 0, sizeof *o);
    o->db = "parley.db";
    o->format = o->by = o->export_fmt = -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (!strcmp(a, "--quotes") && !strcmp(cmd, "query")) {
            o->quotes = 1;
            continue;
        }
        int r = i + 1 < argc ? filter_option(o, cmd, a, argv[i + 1]) : 0;
        if (!r && i + 1 < argc) r = command_option(o, cmd, a, argv[i + 1]);
        if (r < 0) return EXIT_USAGE;
        if (r == 0) {
            fprintf(stderr, "parley %s: unknown or incomplete option '%s' (see --help)\n", cmd, a);
            return EXIT_USAGE;
        }
        i++;
    }
    if (o->format < 0) o->format = isatty(STDOUT_FILENO) ? FMT_TABLE : FMT_JSONL;
    return -1;
}

static store *open_db(const char *cmd, const char *path) {
    char err[512];
    if (access(path, F_OK) != 0) {
        fprintf(stderr, "parley %s: %s: no such database\n", cmd, path);
        return NULL;
    }
    store *s = store_open(path, STORE_READONLY, err, sizeof err);
    if (!s) fprintf(stderr, "parley %s: %s\n", cmd, err);
    return s;
}

/* ---- row output ---- */

typedef struct {
    int format;
    int header_done;
    /* table: rows kept until the end to size the columns */
    char **cells;
    size_t ncells, cap;
    int ncols;
    int oom;
    int write_errno; /* errno of the first failed write, 0 when none */
} row_out;

static void value_text(const store_value *v, char *buf, size_t cap, const char **out) {
    switch (v->type) {
    case STORE_NULL: *out = ""; break;
    case STORE_INT:
        snprintf(buf, cap, "%lld", (long long)v->i);
        *out = buf;
        break;
    case STORE_REAL:
        snprintf(buf, cap, "%g", v->d);
        *out = buf;
        break;
    case STORE_TEXT: *out = v->s; break;
    }
}

static void put_tsv(const char *s) {
    for (; *s; s++)
        putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s == '"' ? '\'' : *s);
}

static void put_csv(const char *s) {
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, stdout);
        return;
    }
    putchar('"');
    for (; *s; s++) {
        if (*s == '"') putchar('"');
        putchar(*s);
    }
    putchar('"');
}

static void delimited_row(int format, int n, const char *const *cells) {
    for (int i = 0; i < n; i++) {
        if (i) putchar(format == FMT_CSV ? ',' : '\t');
        if (format == FMT_CSV)
            put_csv(cells[i]);
        else
            put_tsv(cells[i]);
    }
    putchar('\n');
}

static int jsonl_row(const store_row *r) {
    json_t *o = store_row_json(r);
    char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(o);
    if (!s) return -1;
    puts(s);
    free(s);
    return 0;
}

static int keep_cell(row_out *o, const char *s) {
    if (o->ncells == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 256;
        char **c = realloc(o->cells, cap * sizeof *c);
        if (!c) return -1;
        o->cells = c;
        o->cap = cap;
    }
    char *copy = strdup(s);
    if (!copy) return -1;
    o->cells[o->ncells++] = copy;
    return 0;
}

/* 2 (stop) when a write to stdout failed, keeping its errno before anything can change it. */
static int write_failed(row_out *o) {
    if (!ferror(stdout)) return 0;
    o->write_errno = errno;
    return 2;
}

static int on_row(void *user, const store_row *r) {
    row_out *o = user;
    const char *cells[64];
    char bufs[64][32];
    for (int i = 0; i < r->ncols && i < 64; i++)
        value_text(&r->values[i], bufs[i], sizeof bufs[i], &cells[i]);
    if (o->format == FMT_JSONL) {
        if (jsonl_row(r) < 0) return -1;
        return write_failed(o);
    }
    if (o->format == FMT_TABLE) {
        if (!o->header_done) {
            o->ncols = r->ncols;
            for (int i = 0; i < r->ncols; i++)
                if (keep_cell(o, r->names[i]) < 0) return -1;
        }
        o->header_done = 1;
        for (int i = 0; i < r->ncols; i++)
            if (keep_cell(o, cells[i]) < 0) return -1;
        return 0;
    }
    if (!o->header_done) delimited_row(o->format, r->ncols, r->names);
    o->header_done = 1;
    delimited_row(o->format, r->ncols, cells);
    return write_failed(o);
}

/* Characters of a UTF-8 string (continuation bytes not counted). */
static int width_of(const char *s) {
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* Print s in w characters, cut (with "...") when longer. */
static void table_cell(const char *s, int w, int last) {
    int n = width_of(s);
    const char *p = s;
    if (n > w) {
        int keep = w - 3, seen = 0;
        while (*p && !(seen == keep && ((unsigned char)*p & 0xC0) != 0x80)) {
            if (((unsigned char)*p & 0xC0) != 0x80) seen++;
            if (seen > keep) break;
            p++;
        }
        fwrite(s, 1, (size_t)(p - s), stdout);
        fputs("...", stdout);
        n = w;
    } else
        fputs(s, stdout);
    if (!last)
        for (int k = n; k < w + 2; k++)
            putchar(' ');
}

static void table_flush(row_out *o) {
    if (!o->ncols) return;
    int w[64] = {0};
    size_t rows = o->ncells / (size_t)o->ncols;
    for (size_t r = 0; r < rows; r++)
        for (int c = 0; c < o->ncols && c < 64; c++) {
            int cw = width_of(o->cells[r * (size_t)o->ncols + (size_t)c]);
            int cap = c == o->ncols - 1 ? 100 : 36;
            if (cw > cap) cw = cap;
            if (cw > w[c]) w[c] = cw;
        }
    for (size_t r = 0; r < rows; r++) {
        for (int c = 0; c < o->ncols && c < 64; c++)
            table_cell(o->cells[r * (size_t)o->ncols + (size_t)c], w[c], c == o->ncols - 1);
        putchar('\n');
    }
}

static void row_out_free(row_out *o) {
    for (size_t i = 0; i < o->ncells; i++)
        free(o->cells[i]);
    free(o->cells);
}

/* The exit code after a read: rc from the store (0, -1 error, 2 write failure with its errno
 * in write_errno). A closed pipe ends the command quietly. */
static int finish(const char *cmd, int rc, const char *err, int write_errno) {
    if (rc != 2 && fflush(stdout) != 0) {
        rc = 2;
        write_errno = errno;
    }
    if (rc == 2) {
        if (write_errno == EPIPE) return EXIT_OK;
        fprintf(stderr, "parley %s: cannot write the output: %s\n", cmd, strerror(write_errno));
        return EXIT_CANNOT;
    }
    if (rc < 0) {
        /* a --text query SQLite's FTS5 cannot parse is the user's to fix, not the database */
        int bad_text = strstr(err, "fts5: syntax error") != NULL;
        fprintf(stderr, "parley %s: %s%s\n", cmd, bad_text ? "--text: " : "", err);
        return bad_text ? EXIT_USAGE : EXIT_CANNOT;
    }
    return EXIT_OK;
}

int cmd_query(int argc, char **argv) {
    read_opts o;
    int r = parse_read_opts(&o, "query", QUERY_HELP, argc, argv);
    if (r >= 0) return r;
    store *s = open_db("query", o.db);
    if (!s) return EXIT_CANNOT;
    row_out out = {.format = o.format};
    char err[512];
    int rc = o.quotes ? store_query_quotes(s, &o.f, on_row, &out, err, sizeof err)
                      : store_query_events(s, &o.f, on_row, &out, err, sizeof err);
    if (rc == 0) table_flush(&out);
    row_out_free(&out);
    store_close(s, NULL, 0);
    return finish("query", rc, err, out.write_errno);
}

int cmd_stats(int argc, char **argv) {
    read_opts o;
    int r = parse_read_opts(&o, "stats", STATS_HELP, argc, argv);
    if (r >= 0) return r;
    if (o.by < 0 && o.format != FMT_TABLE) {
        fprintf(stderr,
                "parley stats: --format %s needs one --by (root, dyad, month, "
                "dyad-month or month-quad)\n",
                ROW_FORMATS[o.format]);
        return EXIT_USAGE;
    }
    store *s = open_db("stats", o.db);
    if (!s) return EXIT_CANNOT;
    char err[512];
    int rc = 0, write_errno = 0;
    for (int by = 0; by < 5 && rc == 0; by++) {
        if (o.by >= 0 && by != o.by) continue;
        row_out out = {.format = o.format};
        if (o.by < 0) printf("%sby %s\n", by ? "\n" : "", STATS_BY[by]);
        rc = store_stats(s, (store_stats_by)by, &o.f, on_row, &out, err, sizeof err);
        if (rc == 0) table_flush(&out);
        row_out_free(&out);
        write_errno = out.write_errno;
    }
    store_close(s, NULL, 0);
    return finish("stats", rc, err, write_errno);
}

static int write_line(void *user, const char *line, size_t len) {
    if (fwrite(line, 1, len, stdout) == len) return 0;
    *(int *)user = errno;
    return 2;
}

int cmd_export(int argc, char **argv) {
    read_opts o;
    int r = parse_read_opts(&o, "export", EXPORT_HELP, argc, argv);
    if (r >= 0) return r;
    if (o.export_fmt < 0) {
        fprintf(stderr, "parley export: --format is required (gdelt, gdelt-mentions, phoenix, "
                        "plover or jsonl)\n");
        return EXIT_USAGE;
    }
    store *s = open_db("export", o.db);
    if (!s) return EXIT_CANNOT;
    char err[512];
    int write_errno = 0;
    int rc = store_export(s, (store_export_format)o.export_fmt, &o.f, write_line, &write_errno, err,
                          sizeof err);
    store_close(s, NULL, 0);
    return finish("export", rc, err, write_errno);
}

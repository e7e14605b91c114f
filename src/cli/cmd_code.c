/* cmd_code.c: `parley code`: articles in, events and quotes out.
 *
 * Input is JSON lines (one article a line) or plain text (one article; --date gives its date),
 * detected from the first byte unless --format says. Articles are coded in batches by --threads
 * workers sharing one dictionary set; output is written in input order whatever the thread count.
 * On a terminal the records are shown as a table, piped they are JSON lines (--json/--table
 * force either). A bad input line is reported as FILE:LINE: problem and skipped. With --db the
 * records (and an article record per article) go into the event database, one transaction per
 * batch of articles (src/store). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../io/articles.h"
#include "../io/records.h"
#include "cli.h"

static const char HELP[] =
    "usage: parley code [options] [FILE...]\n"
    "\n"
    "Code news articles into CAMEO events and attributed quotes. Reads FILEs (or standard input):\n"
    "JSON lines {\"id\",\"date\",\"title\",\"text\",\"source\"}, or plain text as one article.\n"
    "\n"
    "options:\n"
    "  --format jsonl|text   input format (default: detected from the first byte)\n"
    "  --date YYYY-MM-DD     article date for plain-text input\n"
    "  --id ID               article id for plain-text input (default: the file name)\n"
    "  --json | --table      output JSON lines or a readable table (default: table on a\n"
    "                        terminal, JSON lines otherwise)\n"
    "  --all                 also emit negated and hypothetical events, flagged\n"
    "  --no-quotes           do not emit quote records\n"
    "  --articles            (JSON output) write an article record {\"type\":\"article\"} before\n"
    "                        each article's records, for 'parley ingest'\n"
    "  --db FILE             store the events, quotes and articles in the SQLite event\n"
    "                        database FILE (created when missing; docs/store.md); nothing is\n"
    "                        written to standard output unless --json is given\n"
    "  --threads N           worker threads (default 1); output order is the input order\n"
    "  --verbs F --actors F[,F...] --agents F --discards F --issues F --codes F\n"
    "                        dictionaries (PETRARCH-2, TABARI or parley format) instead of the\n"
    "                        bundled ones; --data DIR: the bundled dictionary directory\n"
    "\n"
    "exit status: 0 ok, 1 some input lines skipped, 2 usage error, 3 cannot run\n";

typedef struct {
    int json, table, all, no_quotes, threads, articles;
    const char *format, *date, *id, *db;
    store *store; /* --db: where the records go */
    progress *progress;
} code_opts;

typedef struct {
    char *line; /* raw input (JSON line or whole text) */
    size_t len;
    long lineno;
    const char *file;
    int plain;
    char *out; /* rendered output */
    size_t out_len, out_cap;
    char err[256];
    int bad;
} job;

typedef struct {
    const parley_dicts *d;
    const code_opts *o;
    job *jobs;
    size_t njobs;
    size_t next; /* next job index to take */
    pthread_mutex_t mu;
    int failed;
} pool;

static int append(job *j, const char *s, size_t n) {
    if (j->out_len + n + 1 > j->out_cap) {
        size_t cap = j->out_cap ? j->out_cap * 2 : 1024;
        while (cap < j->out_len + n + 1)
            cap *= 2;
        char *p = realloc(j->out, cap);
        if (!p) return -1;
        j->out = p;
        j->out_cap = cap;
    }
    memcpy(j->out + j->out_len, s, n);
    j->out_len += n;
    j->out[j->out_len] = '\0';
    return 0;
}

typedef struct {
    job *j;
    const parley_article *a;
    const code_opts *o;
} sink_ctx;

static void table_line(sink_ctx *c, const parley_record *r) {
    char buf[1024];
    const parley_article *a = c->a;
    int n;
    if (r->kind == PARLEY_RECORD_QUOTE) {
        int ql = (int)(r->quote_span.end - r->quote_span.start);
        n = snprintf(buf, sizeof buf, "  quote  %-28.28s %-10s \xe2\x80\x9c%.*s%s\xe2\x80\x9d\n",
                     r->speaker[0] ? r->speaker : "(unattributed)", r->speaker_code,
                     ql > 90 ? 90 : ql, a->text + r->quote_span.start, ql > 90 ? "..." : "");
    } else {
        int vl = (int)(r->verb_span.end - r->verb_span.start);
        n = snprintf(buf, sizeof buf, "  event  %-10s %-12s -> %-12s %-5s %-8s %.*s%s\n", r->date,
                     r->source, r->target[0] ? r->target : "-", r->code, r->plover,
                     vl > 40 ? 40 : vl, a->text + r->verb_span.start,
                     r->negated       ? "  [negated]"
                     : r->modality[0] ? "  [modal]"
                                      : "");
    }
    if (n > 0) append(c->j, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static int on_record(void *user, const parley_record *r) {
    sink_ctx *c = user;
    if (r->kind == PARLEY_RECORD_QUOTE && c->o->no_quotes) return 0;
    if (c->o->table) {
        table_line(c, r);
        return 0;
    }
    char *s = record_to_json(r, c->a);
    if (!s) return 1;
    int rc = append(c->j, s, strlen(s));
    free(s);
    return rc < 0;
}

static void code_job(parley_coder *coder, const code_opts *o, job *j) {
    owned_article oa;
    memset(&oa, 0, sizeof oa);
    if (j->plain) {
        oa.a.id = o->id ? o->id : j->file;
        oa.a.date = o->date;
        oa.a.text = j->line;
        oa.a.text_len = j->len;
    } else if (article_parse_json(j->line, j->len, &oa, j->err, sizeof j->err) < 0) {
        j->bad = 1;
        return;
    }
    if (o->db && (!oa.a.id || !oa.a.id[0])) {
        snprintf(j->err, sizeof j->err, "missing \"id\" (an article needs one to be stored)");
        j->bad = 1;
        article_free(&oa);
        return;
    }
    if (o->articles && !o->table) {
        char *line = store_article_line(oa.a.id, oa.a.date, oa.a.title, oa.a.source, oa.a.text,
                                        oa.a.text_len ? oa.a.text_len : strlen(oa.a.text));
        if (!line || append(j, line, strlen(line)) < 0) {
            snprintf(j->err, sizeof j->err, "out of memory");
            j->bad = 1;
        }
        free(line);
    }
    if (o->table) {
        char head[512];
        int n = snprintf(head, sizeof head, "%s  %s  %s\n", oa.a.id ? oa.a.id : "",
                         oa.a.date ? oa.a.date : "", oa.a.title ? oa.a.title : "");
        if (n > 0) append(j, head, (size_t)n < sizeof head ? (size_t)n : sizeof head - 1);
    }
    sink_ctx c = {j, &oa.a, o};
    parley_error err;
    memset(&err, 0, sizeof err);
    if (parley_code_article(coder, &oa.a, on_record, &c, &err) != PARLEY_OK) {
        snprintf(j->err, sizeof j->err, "%.200s", err.message);
        j->bad = 1;
    }
    article_free(&oa);
}

static void *worker(void *arg) {
    pool *p = arg;
    parley_options opt = {.emit_all = p->o->all, .require_dyad = 1};
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_coder *c = parley_coder_new(p->d, &opt, &err);
    if (!c) {
        pthread_mutex_lock(&p->mu);
        p->failed = 1;
        pthread_mutex_unlock(&p->mu);
        return NULL;
    }
    for (;;) {
        pthread_mutex_lock(&p->mu);
        size_t k = p->next++;
        pthread_mutex_unlock(&p->mu);
        if (k >= p->njobs) break;
        code_job(c, p->o, &p->jobs[k]);
    }
    parley_coder_free(c);
    return NULL;
}

/* Store the JSON lines of a coded article; the count of records refused (reported), or -1
 * after a database failure (reported). */
static int store_job(const code_opts *o, const job *j) {
    const char *p = j->out, *end = j->out + j->out_len;
    int refused = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        int rc = len ? ingest_line(o->store, p, len, j->file, j->lineno) : 0;
        if (rc < 0) return -1;
        refused += rc;
        p += len + 1;
    }
    return refused;
}

/* Code a batch with the pool and print (or store) it in order; returns count of bad lines, -1
 * on failure, -2 when the output cannot be written, -3 after a database failure. */
static int run_batch(const parley_dicts *d, const code_opts *o, job *jobs, size_t n) {
    pool p = {.d = d, .o = o, .jobs = jobs, .njobs = n};
    pthread_mutex_init(&p.mu, NULL);
    int nt = o->threads < 1 ? 1 : o->threads;
    if ((size_t)nt > n) nt = (int)n;
    pthread_t th[64];
    int started = 0;
    for (int i = 1; i < nt && i < 64; i++)
        if (pthread_create(&th[started], NULL, worker, &p) == 0) started++;
    worker(&p);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    pthread_mutex_destroy(&p.mu);
    if (p.failed) return -1;
    int bad = 0;
    for (size_t k = 0; k < n; k++) {
        job *j = &jobs[k];
        if (j->bad) {
            fprintf(stderr, "%s:%ld: %s\n", j->file, j->lineno, j->err);
            bad++;
        }
        int refused = o->store ? store_job(o, j) : 0;
        if (refused < 0) return -3;
        if (refused && !j->bad) bad++;
        if (o->store && !o->json) j->out_len = 0;
        if (j->out_len && fwrite(j->out, 1, j->out_len, stdout) != j->out_len) return -2;
        free(j->out);
        free(j->line);
        memset(j, 0, sizeof *j);
    }
    if (fflush(stdout) != 0) return -2;
    if (o->store) {
        char err[512];
        if (store_flush(o->store, err, sizeof err) < 0) {
            fprintf(stderr, "parley code: %s\n", err);
            return -3;
        }
        const store_counts *c = store_get_counts(o->store);
        long long pos = o->progress->in ? (long long)ftell(o->progress->in) : -1;
        progress_update(o->progress, c->articles + c->articles_skipped, c->events,
                        pos < 0 ? 0 : o->progress->base + pos);
    }
    return bad;
}

static char *read_all(FILE *f, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    for (;;) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    *len = n;
    return buf;
}

enum { BATCH = 512 };

/* Code one input stream. Returns bad-line count, or -1 (cannot run) / -2 (write failed). */
static int code_stream(const parley_dicts *d, const code_opts *o, FILE *f, const char *name) {
    int c = fgetc(f);
    while (c == ' ' || c == '\n' || c == '\t' || c == '\r')
        c = fgetc(f);
    if (c == EOF) return 0;
    ungetc(c, f);
    int plain = o->format ? strcmp(o->format, "text") == 0 : c != '{';
    job *jobs = calloc(BATCH, sizeof *jobs);
    if (!jobs) return -1;
    int bad = 0;
    if (plain) {
        size_t len;
        char *text = read_all(f, &len);
        if (!text) {
            free(jobs);
            return -1;
        }
        jobs[0] = (job){.line = text, .len = len, .lineno = 1, .file = name, .plain = 1};
        bad = run_batch(d, o, jobs, 1);
        free(jobs);
        return bad;
    }
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    size_t n = 0, len;
    while (jsonl_next_line(f, &line, &cap, &len) >= 0) {
        lineno++;
        if (len == 0) continue;
        char *copy = malloc(len + 1);
        if (!copy) {
            bad = -1;
            break;
        }
        memcpy(copy, line, len);
        copy[len] = '\0';
        jobs[n++] = (job){.line = copy, .len = len, .lineno = lineno, .file = name};
        if (n == BATCH) {
            int b = run_batch(d, o, jobs, n);
            n = 0;
            if (b < 0) {
                bad = b;
                break;
            }
            bad += b;
        }
    }
    if (n && bad >= 0) {
        int b = run_batch(d, o, jobs, n);
        bad = b < 0 ? b : bad + b;
    }
    for (size_t k = 0; k < BATCH; k++) {
        free(jobs[k].line);
        free(jobs[k].out);
    }
    free(line);
    free(jobs);
    return bad;
}

static long long file_size(FILE *f) {
    struct stat st;
    return fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) ? (long long)st.st_size : 0;
}

static long long files_size(const char *const *files, int n) {
    long long total = 0;
    struct stat st;
    for (int k = 0; k < n; k++) {
        int ok = strcmp(files[k], "-") ? stat(files[k], &st) == 0 : fstat(0, &st) == 0;
        if (ok && S_ISREG(st.st_mode)) total += (long long)st.st_size;
    }
    return total;
}

static int open_store(code_opts *o, progress *pr, const char *const *files, int nfiles) {
    char err[512];
    o->store = store_open(o->db, 0, err, sizeof err);
    if (!o->store) {
        fprintf(stderr, "parley code: %s\n", err);
        return -1;
    }
    store_set_batch(o->store, BATCH);
    progress_start(pr, files_size(files, nfiles));
    o->progress = pr;
    return 0;
}

static int close_store(code_opts *o, progress *pr) {
    char err[512];
    const store_counts c = *store_get_counts(o->store);
    int rc = store_close(o->store, err, sizeof err);
    if (rc < 0) fprintf(stderr, "parley code: %s\n", err);
    progress_end(pr, c.articles, c.articles_skipped, c.events, c.mentions);
    return rc;
}

int cmd_code(int argc, char **argv) {
    code_opts o = {.threads = 1};
    dict_opts dopt;
    memset(&dopt, 0, sizeof dopt);
    const char *files[256];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = dict_opts_parse(&dopt, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(HELP, stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "--json"))
            o.json = 1;
        else if (!strcmp(a, "--table"))
            o.table = 1;
        else if (!strcmp(a, "--all"))
            o.all = 1;
        else if (!strcmp(a, "--no-quotes"))
            o.no_quotes = 1;
        else if (!strcmp(a, "--articles"))
            o.articles = 1;
        else if (!strcmp(a, "--db") && i + 1 < argc)
            o.db = argv[++i];
        else if ((!strcmp(a, "--threads") || !strcmp(a, "--format") || !strcmp(a, "--date") ||
                  !strcmp(a, "--id")) &&
                 i + 1 < argc) {
            const char *v = argv[++i];
            if (!strcmp(a, "--threads")) {
                char *end;
                long t = strtol(v, &end, 10);
                if (*end || t < 1 || t > 64) {
                    fprintf(stderr, "parley code: --threads takes 1..64, got '%s'\n", v);
                    return EXIT_USAGE;
                }
                o.threads = (int)t;
            } else if (!strcmp(a, "--format")) {
                if (strcmp(v, "jsonl") && strcmp(v, "text")) {
                    fprintf(stderr, "parley code: --format is jsonl or text, got '%s'\n", v);
                    return EXIT_USAGE;
                }
                o.format = v;
            } else if (!strcmp(a, "--date")) {
                if (!article_date_ok(v)) {
                    fprintf(stderr, "parley code: --date must be YYYY-MM-DD, got '%s'\n", v);
                    return EXIT_USAGE;
                }
                o.date = v;
            } else
                o.id = v;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "parley code: unknown or incomplete option '%s' (see --help)\n", a);
            return EXIT_USAGE;
        } else if (nfiles < 256)
            files[nfiles++] = a;
    }
    if (o.db && o.table) {
        fprintf(stderr, "parley code: --db stores JSON records; it cannot be combined with "
                        "--table\n");
        return EXIT_USAGE;
    }
    if (!o.json && !o.table && !o.db) o.table = isatty(STDOUT_FILENO);
    if (o.json) o.table = 0;
    if (o.db) o.articles = 1;
    parley_dict_paths paths;
    dict_opts_fill(&dopt, &paths);
    unsigned warnings;
    parley_dicts *d = cli_load_dicts(&paths, &warnings);
    if (!d) return EXIT_CANNOT;
    int total_bad = 0, rc = EXIT_OK;
    if (nfiles == 0) files[nfiles++] = "-";
    progress pr = {0};
    if (o.db && open_store(&o, &pr, files, nfiles) < 0) {
        parley_dicts_free(d);
        return EXIT_CANNOT;
    }
    for (int k = 0; k < nfiles; k++) {
        int is_stdin = !strcmp(files[k], "-");
        FILE *f = is_stdin ? stdin : fopen(files[k], "rb");
        if (!f) {
            fprintf(stderr, "parley code: %s: cannot open\n", files[k]);
            rc = EXIT_CANNOT;
            continue;
        }
        pr.in = f;
        int bad = code_stream(d, &o, f, is_stdin ? "<stdin>" : files[k]);
        pr.base += file_size(f);
        pr.in = NULL;
        if (!is_stdin) fclose(f);
        if (bad == -3) {
            rc = EXIT_CANNOT;
            break;
        }
        if (bad == -2) {
            /* a closed pipe (parley code | head -1) ends the run quietly; any other write
             * failure (a full disk) is an error */
            if (errno != EPIPE) {
                fprintf(stderr, "parley code: cannot write the output: %s\n", strerror(errno));
                rc = EXIT_CANNOT;
            }
            break;
        }
        if (bad < 0) {
            fprintf(stderr, "parley code: out of memory\n");
            rc = EXIT_CANNOT;
            break;
        }
        total_bad += bad;
    }
    parley_dicts_free(d);
    if (o.db && close_store(&o, &pr) < 0) rc = EXIT_CANNOT;
    if (rc) return rc;
    return (total_bad || warnings) ? EXIT_SKIPPED : EXIT_OK;
}

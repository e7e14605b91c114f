/* bench_code.c: speed of parley on a news corpus, one core.
 *
 *   bench_code CORPUS.jsonl [--verbs F --actors F,F --agents F --discards F] [--repeat N]
 *
 * Prints: dictionary load time; a tokenize-and-split-only pass (the floor any coder pays);
 * the full coder (tokens, syntax, actors, patterns, events, quotes) without output formatting;
 * each as sentences/s and MB/s. The corpus is read into memory first, so I/O is not measured. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parley.h"
#include "text/token.h"
#include "util/arena.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct {
    char *id, *date, *text;
    size_t len;
} doc;

static int count_record(void *user, const parley_record *r) {
    long *n = user;
    if (r->kind == PARLEY_RECORD_EVENT)
        n[0]++;
    else
        n[1]++;
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: bench_code CORPUS.jsonl [--verbs F --actors F,F --agents F "
                        "--discards F] [--repeat N]\n");
        return 2;
    }
    const char *actors[16] = {0};
    int nact = 0, repeat = 3;
    parley_dict_paths paths;
    memset(&paths, 0, sizeof paths);
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--verbs"))
            paths.verbs = argv[i + 1];
        else if (!strcmp(argv[i], "--agents"))
            paths.agents = argv[i + 1];
        else if (!strcmp(argv[i], "--discards"))
            paths.discards = argv[i + 1];
        else if (!strcmp(argv[i], "--repeat"))
            repeat = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--actors")) {
            for (char *p = strtok(argv[i + 1], ","); p && nact < 15; p = strtok(NULL, ","))
                actors[nact++] = p;
            paths.actors = actors;
        }
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 3;
    }
    size_t cap = 4096, n = 0, bytes = 0;
    doc *docs = malloc(cap * sizeof *docs);
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, f) > 0) {
        json_t *j = json_loads(line, 0, NULL);
        if (!j) continue;
        const char *t = json_string_value(json_object_get(j, "text"));
        const char *d = json_string_value(json_object_get(j, "date"));
        const char *id = json_string_value(json_object_get(j, "id"));
        if (t) {
            if (n == cap) docs = realloc(docs, (cap *= 2) * sizeof *docs);
            docs[n].text = strdup(t);
            docs[n].len = strlen(t);
            docs[n].date = d ? strdup(d) : NULL;
            docs[n].id = strdup(id ? id : "");
            bytes += docs[n].len;
            n++;
        }
        json_decref(j);
    }
    free(line);
    fclose(f);

    double t0 = now();
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_dicts *d = parley_dicts_load(&paths, &err);
    double load = now() - t0;
    if (!d) {
        fprintf(stderr, "cannot load dictionaries: %s\n", err.message);
        return 3;
    }
    parley_dict_stats st;
    parley_dicts_stats(d, &st);
    printf("corpus: %zu articles, %.1f MB\n", n, (double)bytes / 1e6);
    printf("dictionaries: %u actors, %u verbs, %u patterns; loaded in %.3f s (%u warnings)\n",
           st.actors, st.verbs, st.patterns, load, err.warnings);

    /* tokenize + sentence split only */
    arena a;
    arena_init(&a, 1 << 16);
    long sentences = 0;
    double best_tok = 1e9;
    for (int r = 0; r < repeat; r++) {
        sentences = 0;
        t0 = now();
        for (size_t k = 0; k < n; k++) {
            tokenized tz;
            arena_reset(&a);
            text_tokenize(&a, docs[k].text, docs[k].len, &tz);
            sentences += tz.nsents;
        }
        double dt = now() - t0;
        if (dt < best_tok) best_tok = dt;
    }
    arena_free(&a);
    printf("tokenize only: %ld sentences in %.3f s = %.0f sentences/s, %.1f MB/s\n", sentences,
           best_tok, (double)sentences / best_tok, (double)bytes / 1e6 / best_tok);

    parley_options opt = {.emit_all = 0, .require_dyad = 1};
    parley_coder *c = parley_coder_new(d, &opt, &err);
    double best = 1e9;
    long counts[2] = {0, 0};
    for (int r = 0; r < repeat; r++) {
        counts[0] = counts[1] = 0;
        t0 = now();
        for (size_t k = 0; k < n; k++) {
            parley_article art = {.id = docs[k].id,
                                  .date = docs[k].date,
                                  .text = docs[k].text,
                                  .text_len = docs[k].len};
            parley_code_article(c, &art, count_record, counts, &err);
        }
        double dt = now() - t0;
        if (dt < best) best = dt;
    }
    printf("code (1 thread): %ld sentences in %.3f s = %.0f sentences/s, %.1f MB/s; "
           "%ld events, %ld quotes\n",
           sentences, best, (double)sentences / best, (double)bytes / 1e6 / best, counts[0],
           counts[1]);
    parley_coder_free(c);
    parley_dicts_free(d);
    for (size_t k = 0; k < n; k++) {
        free(docs[k].text);
        free(docs[k].date);
        free(docs[k].id);
    }
    free(docs);
    return 0;
}

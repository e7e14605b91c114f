/* load.c: parley_dicts_load(): read the dictionaries named in parley_dict_paths (any supported
 * format) or parley's bundled set, then freeze them. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../dict/loaders.h"
#include "../dict/own_reader.h"
#include "coder.h"

#ifndef PARLEY_DATA_DIR
#define PARLEY_DATA_DIR "data"
#endif

static void fail(parley_error *err, parley_status st, const char *msg) {
    if (!err) return;
    err->status = st;
    snprintf(err->message, sizeof err->message, "%s", msg);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every *.txt file of a directory, sorted, so loading order is stable. */
static int for_each_txt(const char *dir, int (*fn)(void *, const char *), void *ctx, char *errbuf,
                        size_t cap) {
    DIR *dp = opendir(dir);
    if (!dp) {
        snprintf(errbuf, cap, "%s: cannot open dictionary directory", dir);
        return -1;
    }
    char *names[512];
    int n = 0;
    struct dirent *de;
    while ((de = readdir(dp)) && n < 512) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) names[n++] = strdup(de->d_name);
    }
    closedir(dp);
    qsort(names, (size_t)n, sizeof *names, cmp_str);
    int rc = 0;
    for (int i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i] ? names[i] : "");
        if (rc == 0 && names[i] && fn(ctx, path) < 0) rc = -1;
        free(names[i]);
    }
    return rc;
}

typedef struct {
    parley_dicts *pd;
    char *errbuf;
    size_t cap;
} load_ctx;

static int load_actor_file(void *c, const char *path) {
    load_ctx *lc = c;
    return own_read_actors(&lc->pd->d, path, lc->errbuf, lc->cap);
}
static int load_verb_file(void *c, const char *path) {
    load_ctx *lc = c;
    return own_read_verbs(&lc->pd->d, path, lc->pd->lex, lc->errbuf, lc->cap);
}

static int load_bundled(parley_dicts *pd, const char *dir, const parley_dict_paths *p, char *errbuf,
                        size_t cap) {
    char path[1024];
    load_ctx lc = {pd, errbuf, cap};
    snprintf(path, sizeof path, "%s/cameo/codes.tsv", dir);
    if (!p->codes && own_read_codes(&pd->d, path, errbuf, cap) < 0) return -1;
    if (p->only_named) return 0;
    if (!p->actors) {
        snprintf(path, sizeof path, "%s/actors", dir);
        if (for_each_txt(path, load_actor_file, &lc, errbuf, cap) < 0) return -1;
    }
    if (!p->agents) {
        snprintf(path, sizeof path, "%s/agents.txt", dir);
        if (own_read_agents(&pd->d, path, pd->lex, errbuf, cap) < 0) return -1;
    }
    if (!p->verbs) {
        snprintf(path, sizeof path, "%s/verbs", dir);
        if (for_each_txt(path, load_verb_file, &lc, errbuf, cap) < 0) return -1;
    }
    return 0;
}

parley_dicts *parley_dicts_load(const parley_dict_paths *paths, parley_error *err) {
    parley_dict_paths none;
    memset(&none, 0, sizeof none);
    const parley_dict_paths *p = paths ? paths : &none;
    parley_dicts *pd = calloc(1, sizeof *pd);
    if (!pd || dict_init(&pd->d) < 0) {
        free(pd);
        fail(err, PARLEY_ERR_NOMEM, "out of memory loading dictionaries");
        return NULL;
    }
    pd->lex = lex_builtin();
    pd->words = syntax_words_new();
    if (!pd->words) {
        dict_free(&pd->d);
        free(pd);
        fail(err, PARLEY_ERR_NOMEM, "out of memory loading dictionaries");
        return NULL;
    }
    pd->d.warn = p->warn;
    pd->d.warn_user = p->warn_user;
    char errbuf[512] = "";
    const char *dir = p->data_dir ? p->data_dir : getenv("PARLEY_DATA");
    if (!dir) dir = PARLEY_DATA_DIR;
    int rc = 0;
    if (p->codes) rc = own_read_codes(&pd->d, p->codes, errbuf, sizeof errbuf);
    if (rc == 0 && p->actors)
        for (const char *const *a = p->actors; *a && rc == 0; a++)
            rc = loaders_read(&pd->d, pd->lex, LOAD_ACTORS, *a, errbuf, sizeof errbuf);
    if (rc == 0 && p->agents)
        rc = loaders_read(&pd->d, pd->lex, LOAD_AGENTS, p->agents, errbuf, sizeof errbuf);
    if (rc == 0 && p->discards)
        rc = loaders_read(&pd->d, pd->lex, LOAD_DISCARDS, p->discards, errbuf, sizeof errbuf);
    if (rc == 0 && p->issues)
        rc = loaders_read(&pd->d, pd->lex, LOAD_ISSUES, p->issues, errbuf, sizeof errbuf);
    if (rc == 0 && p->verbs)
        rc = loaders_read(&pd->d, pd->lex, LOAD_VERBS, p->verbs, errbuf, sizeof errbuf);
    /* the bundled set fills whatever the caller did not name */
    if (rc == 0) rc = load_bundled(pd, dir, p, errbuf, sizeof errbuf);
    if (rc == 0 && dict_freeze(&pd->d) < 0) {
        rc = -1;
        snprintf(errbuf, sizeof errbuf, "out of memory indexing dictionaries");
    }
    if (rc < 0) {
        fail(err, PARLEY_ERR_IO, errbuf);
        syntax_words_free(pd->words);
        dict_free(&pd->d);
        free(pd);
        return NULL;
    }
    if (err) err->warnings = pd->d.warnings;
    return pd;
}

void parley_dicts_free(parley_dicts *d) {
    if (!d) return;
    syntax_words_free(d->words);
    dict_free(&d->d);
    free(d);
}

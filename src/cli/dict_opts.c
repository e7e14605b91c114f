/* dict_opts.c: dictionary options shared by subcommands, and loading with warnings. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int dict_opts_parse(dict_opts *o, int argc, char **argv, int *i) {
    const char *a = argv[*i];
    const char **slot = NULL;
    if (!strcmp(a, "--verbs"))
        slot = &o->verbs;
    else if (!strcmp(a, "--agents"))
        slot = &o->agents;
    else if (!strcmp(a, "--discards"))
        slot = &o->discards;
    else if (!strcmp(a, "--issues"))
        slot = &o->issues;
    else if (!strcmp(a, "--codes"))
        slot = &o->codes;
    else if (!strcmp(a, "--data"))
        slot = &o->data;
    else if (strcmp(a, "--actors") != 0)
        return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "parley: %s needs a value\n", a);
        return -1;
    }
    const char *v = argv[++*i];
    if (slot) {
        *slot = v;
        return 1;
    }
    /* --actors F[,F...]: may be repeated */
    size_t used = 0;
    for (int k = 0; k < o->nactors; k++)
        used += strlen(o->actors[k]) + 1;
    size_t vl = strlen(v);
    if (used + vl + 1 > sizeof o->actor_buf) {
        fprintf(stderr, "parley: --actors list too long\n");
        return -1;
    }
    char *buf = o->actor_buf + used;
    memcpy(buf, v, vl + 1);
    for (char *p = buf; p && *p && o->nactors < 32;) {
        char *comma = strchr(p, ',');
        if (comma) *comma = '\0';
        if (*p) o->actors[o->nactors++] = p;
        p = comma ? comma + 1 : NULL;
    }
    o->actors[o->nactors] = NULL;
    return 1;
}

void dict_opts_fill(const dict_opts *o, parley_dict_paths *p) {
    memset(p, 0, sizeof *p);
    p->verbs = o->verbs;
    p->agents = o->agents;
    p->discards = o->discards;
    p->issues = o->issues;
    p->codes = o->codes;
    p->data_dir = o->data;
    p->actors = o->nactors ? o->actors : NULL;
}

static void print_warning(void *user, const char *file, long line, const char *msg) {
    unsigned *count = user;
    if (*count < 50)
        fprintf(stderr, "%s:%ld: %s\n", file, line, msg);
    else if (*count == 50)
        fprintf(stderr, "parley: further dictionary warnings not shown\n");
    (*count)++;
}

parley_dicts *cli_load_dicts(const parley_dict_paths *p, unsigned *warnings) {
    parley_dict_paths q = *p;
    *warnings = 0;
    q.warn = print_warning;
    q.warn_user = warnings;
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_dicts *d = parley_dicts_load(&q, &err);
    if (!d)
        fprintf(stderr, "parley: cannot load dictionaries: %s\n", err.message);
    else if (*warnings)
        fprintf(stderr, "parley: %u dictionary entries skipped (see messages above)\n", *warnings);
    return d;
}

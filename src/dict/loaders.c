/* loaders.c: dispatch a dictionary file to the reader of its format; see loaders.h. */
#include "loaders.h"

#include <stdio.h>
#include <string.h>

#include "detect.h"
#include "own_reader.h"
#include "petr_reader.h"
#include "tabari_reader.h"

/* Does a PETRARCH actor/agent file follow TABARI's convention (most entries end in '_', so a
 * word without one is a stem)? Phoenix files do (converted from TABARI); the validation files
 * do not (exact words). Reads the first 2,000 entry lines. */
static unsigned stem_convention(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[1024];
    unsigned entries = 0, marked = 0;
    while (entries < 2000 && fgets(line, sizeof line, f)) {
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || strchr("#<[+\n\r;", *p)) continue;
        char *end = p + strcspn(p, "[#;\n\r");
        while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        if (end == p) continue;
        entries++;
        if (end[-1] == '_') marked++;
    }
    fclose(f);
    return entries && marked * 2 >= entries ? PETR_TABARI_STEMS : 0;
}

int loaders_read(dict *d, const lex_table *lex, load_kind kind, const char *path, char *errbuf,
                 size_t cap) {
    int fmt = dict_detect_format(path);
    if (fmt < 0) {
        snprintf(errbuf, cap, "%s: cannot open", path);
        return -1;
    }
    if (fmt == DICT_FMT_TABARI) {
        switch (kind) {
        case LOAD_ACTORS: return tabari_read_actors(d, path, errbuf, cap);
        case LOAD_AGENTS: return tabari_read_agents(d, path, errbuf, cap);
        case LOAD_VERBS: return tabari_read_verbs(d, path, NULL, errbuf, cap);
        case LOAD_DISCARDS: return petr_read_discards(d, path, errbuf, cap);
        case LOAD_ISSUES: return petr_read_issues(d, path, errbuf, cap);
        }
    }
    if (fmt == DICT_FMT_PETR ||
        (fmt == DICT_FMT_UNKNOWN && (kind == LOAD_DISCARDS || kind == LOAD_ISSUES))) {
        switch (kind) {
        case LOAD_ACTORS: return petr_read_actors(d, path, stem_convention(path), errbuf, cap);
        case LOAD_AGENTS: return petr_read_agents(d, path, stem_convention(path), errbuf, cap);
        case LOAD_VERBS: {
            /* PETRARCH matches pattern words as written (its synsets list their plurals) */
            uint32_t first = d->elems.n;
            int rc = petr_read_verbs(d, path, errbuf, cap);
            for (uint32_t i = first; i < d->elems.n; i++)
                if (d->elems.v[i].kind == PE_WORD) d->elems.v[i].flags |= DW_EXACT;
            return rc;
        }
        case LOAD_DISCARDS: return petr_read_discards(d, path, errbuf, cap);
        case LOAD_ISSUES: return petr_read_issues(d, path, errbuf, cap);
        }
    }
    switch (kind) {
    case LOAD_ACTORS: return own_read_actors(d, path, errbuf, cap);
    case LOAD_AGENTS: return own_read_agents(d, path, lex, errbuf, cap);
    case LOAD_VERBS: return own_read_verbs(d, path, lex, errbuf, cap);
    default: break;
    }
    snprintf(errbuf, cap,
             "%s: parley has no own format for this dictionary kind; give a "
             "PETRARCH-2 or TABARI file",
             path);
    return -1;
}

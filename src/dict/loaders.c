/* loaders.c: dispatch a dictionary file to the reader of its format; see loaders.h. */
#include "loaders.h"

#include <stdio.h>

#include "own_reader.h"

int loaders_read(dict *d, const lex_table *lex, load_kind kind, const char *path, char *errbuf,
                 size_t cap) {
    switch (kind) {
    case LOAD_ACTORS: return own_read_actors(d, path, errbuf, cap);
    case LOAD_AGENTS: return own_read_agents(d, path, lex, errbuf, cap);
    case LOAD_VERBS: return own_read_verbs(d, path, lex, errbuf, cap);
    default: snprintf(errbuf, cap, "%s: this dictionary kind needs a PETRARCH or TABARI file", path);
    }
    return -1;
}

/* loaders.h: one entry point that reads a dictionary file of any supported format (PETRARCH-2,
 * TABARI or parley's own), chosen by dict_detect_format(). */
#ifndef PARLEY_LOADERS_H
#define PARLEY_LOADERS_H

#include <stddef.h>

#include "../lex/lexicon.h"
#include "dict.h"

typedef enum { LOAD_ACTORS, LOAD_AGENTS, LOAD_VERBS, LOAD_DISCARDS, LOAD_ISSUES } load_kind;

int loaders_read(dict *d, const lex_table *lex, load_kind kind, const char *path, char *errbuf,
                 size_t cap);

#endif

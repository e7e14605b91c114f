/* own_reader.h: readers for parley's own dictionary formats (docs/dictionaries.md):
 * the CAMEO code table (codes.tsv), actors (*.txt), agents and verb/noun pattern files.
 * Each reports malformed lines through dict_warn() and keeps the good entries; an unreadable
 * file returns -1 with a message in errbuf. */
#ifndef PARLEY_OWN_READER_H
#define PARLEY_OWN_READER_H

#include <stddef.h>

#include "../lex/lexicon.h"
#include "dict.h"

int own_read_codes(dict *d, const char *path, char *errbuf, size_t errcap);
int own_read_actors(dict *d, const char *path, char *errbuf, size_t errcap);
int own_read_agents(dict *d, const char *path, const lex_table *lex, char *errbuf, size_t errcap);
int own_read_verbs(dict *d, const char *path, const lex_table *lex, char *errbuf, size_t errcap);

/* Split a name into words the way the tokenizer splits text, and append them to w (lower-cased,
 * DW_CAPS for short all-capital acronyms). Returns the number of words, or -1 (too many/no mem). */
int own_name_words(dict *d, const char *name, size_t len, dict_word *w, int cap);

#endif

/* wordcache.h: a coder's memory of the words it has seen.
 *
 * Every token needs several lookups (the lexicon's tags, its cue-word class, its dictionary word
 * id and the ids of its verb and noun lemmas). Words repeat a great deal, so a coder keeps the
 * answers per distinct word: one hash probe per token instead of five. The cache belongs to one
 * coder (one thread); it is emptied when it fills. */
#ifndef PARLEY_WORDCACHE_H
#define PARLEY_WORDCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "../dict/dict.h"
#include "../syntax/syntax.h"

typedef struct {
    uint32_t hash;
    uint32_t len;
    uint32_t str;          /* offset of the word in the cache's text buffer */
    syntax_word_info info; /* lexicon tags and cue-word classes */
    uint32_t wid, vlem, nlem;
    uint32_t eid;     /* the word minus a regular ending when that is a TABARI "WORD_" */
    uint32_t stem[4]; /* dictionary stems that are prefixes of the word (string ids) */
    uint8_t nstem;
} word_entry;

typedef struct {
    word_entry *slots; /* open addressing; len == 0 marks an empty slot */
    uint32_t cap, used;
    char *text;
    size_t text_len, text_cap;
} word_cache;

void word_cache_init(word_cache *c);
void word_cache_free(word_cache *c);

/* The entry for token t, computed on first sight. NULL only when out of memory. */
const word_entry *word_cache_get(word_cache *c, const dict *d, const lex_table *lex,
                                 const syntax_words *sw, const token *t);

#endif

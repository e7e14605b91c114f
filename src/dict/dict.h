/* dict.h: the compiled dictionary model shared by every reader and by the coder.
 *
 * Readers (petr_*.c, tabari_*.c, own_*.c) add entries through the dict_add_* builder calls; after
 * dict_freeze() the structure is immutable and safe to share between threads. All words are
 * interned lower-cased, so matching compares integers.
 *
 * Phrases. An actor, agent, discard or issue is a phrase: a sequence of words. Each word may be
 *   - exact (the token must equal the word),
 *   - a stem (TABARI convention: a word written without a trailing '_' matches any token that
 *     starts with it, e.g. ARGENTIN matches Argentina, Argentinian),
 *   - caps-only (parley convention: short acronyms such as US match only "US", never "us").
 *
 * Verb patterns. A verb entry has an anchor phrase (the verb, possibly multiword such as
 * CORDONED_OFF), a default code, and patterns. A pattern is a list of elements before the anchor
 * and a list after it (both stored in text order). Elements are words, word sets (synsets and
 * {a|b} alternatives), and the markers $ (source), + (target), % (compound: source and target are
 * both the actors found there), ^ (skip the next noun phrase). Each element says whether it must
 * be adjacent to the element before it (TABARI's '_' connector) or may have words in between.
 */
#ifndef PARLEY_DICT_H
#define PARLEY_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/intern.h"

/* Flags on a word inside a phrase or pattern. */
enum {
    DW_STEM = 1,    /* prefix match */
    DW_CAPS = 2,    /* token must be written in capitals */
    DW_ADJACENT = 4 /* must immediately follow the previous element */
};

typedef struct {
    uint32_t word; /* interned lower-case word (stem text for DW_STEM) */
    uint8_t flags;
} dict_word;

/* A CAMEO event code as written in a dictionary: "064", "1721", "042:043" (an event and its
 * paired "received" event, coded with source and target swapped), "---" (no event). */
typedef struct {
    char code[8];   /* "" for none */
    char paired[8]; /* "" unless the entry names a paired code */
} dict_code;

/* -------- actors -------- */
typedef struct {
    char code[24];
    int32_t from, to; /* YYYYMMDD; from inclusive, to exclusive; 0 = open */
} dict_role;

typedef struct {
    uint32_t roles_off, roles_n; /* into dict.roles */
    uint32_t name;               /* interned display name (first name of the entry) */
    uint32_t file, line;         /* where it was defined (file = interned path) */
} dict_actor;

/* -------- agents -------- */
typedef struct {
    char code[16];  /* e.g. "GOV", "GOVFRM" */
    uint8_t prefix; /* 1: the code goes before the country ("NGM~"), 0: after ("~GOV") */
} dict_agent;

/* -------- phrases (actors, agents, discards, issues) -------- */
typedef enum { PH_ACTOR = 1, PH_AGENT, PH_DISCARD, PH_ISSUE } dict_phrase_kind;

typedef struct {
    uint32_t words_off; /* into dict.words */
    uint16_t n;         /* number of words */
    uint8_t kind;       /* dict_phrase_kind */
    uint8_t story;      /* discards: 1 = discard the whole story ('+' entries) */
    uint8_t loose;      /* TABARI: a word not joined by '_' may have up to DICT_PHRASE_GAP
                           other tokens before it ("AL GORE": Al "The Weasel" Gore) */
    uint32_t target;    /* index into actors / agents / issues; unused for discards */
} dict_phrase;
enum { DICT_PHRASE_GAP = 4 };

/* -------- verb patterns -------- */
typedef enum {
    PE_WORD = 1, /* id = word; flags DW_* */
    PE_SET,      /* id = index into dict.sets: any one phrase of the set */
    PE_SOURCE,   /* $ */
    PE_TARGET,   /* + */
    PE_COMPOUND, /* % */
    PE_SKIP      /* ^ */
} dict_elem_kind;

typedef struct {
    uint8_t kind;
    uint8_t flags; /* DW_ADJACENT, DW_STEM, DW_CAPS */
    uint32_t id;
} dict_elem;

typedef struct {
    uint32_t before_off, before_n; /* into dict.elems, text order */
    uint32_t after_off, after_n;
    dict_code code;
    uint32_t text; /* interned pattern text, for output */
    uint32_t file, line;
    uint32_t key;        /* a word the sentence must contain for the pattern to
                            match (its first exact word; 0 = none), set by freeze */
    uint64_t need_sets;  /* bit (set & 63) of each of its sets without stem or caps items: some
                            token must start an item of each (see dict_set_starts); by freeze */
    uint64_t need_words; /* dict_word_bit(key), 0 without a key; by freeze */
    uint32_t key_run;    /* this pattern and the ones right after it with the same key: all
                            skipped when the key is absent; by freeze */
} dict_pattern;

typedef struct {
    uint32_t anchor_off, anchor_n; /* into dict.words: the verb (multiword allowed) */
    uint8_t noun;                  /* parley 'noun' blocks: anchor is a nominal event */
    uint8_t clause_scoped;         /* parley patterns: words before '*' stay in the anchor's
                                      clause (PETRARCH/TABARI patterns range over the sentence) */
    dict_code code;                /* default code when no pattern matches */
    uint32_t patterns_off, patterns_n;
    uint32_t text; /* interned block head, for output */
    uint32_t file, line;
} dict_verb;

/* A set: alternatives, each a phrase of words (into dict.set_words via set_items). */
typedef struct {
    uint32_t items_off, items_n; /* into dict.set_items */
    uint32_t name;               /* interned "&NAME" or 0 for inline {a|b} */
    /* built by dict_freeze(): an open-addressing table (into dict.set_slots) from an item's
     * first word to the items that start with it, chained through dict.set_next; items whose
     * first word is a stem or caps-only are tried one by one (set_loose) */
    uint32_t slots_off, slots_cap;
    uint32_t loose_off, loose_n;
} dict_set;
typedef struct {
    uint32_t words_off, n; /* into dict.words */
} dict_set_item;

/* -------- CAMEO code table -------- */
typedef struct {
    char code[8];
    char plover[16];
    char plover_mode[24];
    float goldstein;
    uint8_t quad_class;
    uint32_t name; /* interned */
} dict_code_info;

/* Growable arrays used by the builder. */
#define DICT_VEC(T)                                                                                \
    struct {                                                                                       \
        T *v;                                                                                      \
        uint32_t n, cap;                                                                           \
    }

typedef struct dict {
    intern_table strings;      /* every word and text */
    intern_table stems;        /* stems only: id here == id in strings of the same text */
    intern_table endings;      /* DW_ENDINGS words (TABARI "WORD_") */
    intern_table verb_endings; /* ... of them, the verbs' anchor words */
    DICT_VEC(dict_word) words;
    DICT_VEC(dict_phrase) phrases;
    DICT_VEC(dict_actor) actors;
    DICT_VEC(dict_role) roles;
    DICT_VEC(dict_agent) agents;
    DICT_VEC(uint32_t) issues; /* interned issue codes */
    DICT_VEC(dict_elem) elems;
    DICT_VEC(dict_pattern) patterns;
    DICT_VEC(dict_verb) verbs;
    DICT_VEC(dict_set) sets;
    DICT_VEC(dict_set_item) set_items;
    DICT_VEC(dict_code_info) codes;
    /* Indexes built by dict_freeze(): first word id -> phrases / verbs that start with it.
     * heads_* are CSR arrays indexed by word id (size strings.count + 1). */
    uint32_t *phrase_heads, *phrase_list;
    /* Phrases of two or more words whose second word is exact are indexed by their first two
     * words instead (common first words such as "president" or "the" start thousands of
     * phrases): an open-addressing table of dict_pair_slot, lists in pair_list. */
    struct dict_pair_slot {
        uint32_t w0, w1, off, n;
    } * pair_slots;
    uint32_t pair_cap;
    uint32_t *pair_list;
    uint8_t *pair_first;  /* per word id: 1 if some two-word-indexed phrase starts
                             with it (skips the probes for all other words) */
    uint32_t *set_slots;  /* pairs (word id, first item + 1) */
    uint32_t *set_next;   /* per set item: next item (+1) with the same first word */
    uint32_t *set_loose;  /* item indexes tried one by one */
    uint64_t *set_starts; /* per word id: bit (set & 63) for each set with an indexed item
                             starting with the word; lets most tokens skip the set probes */
    uint32_t *verb_heads, *verb_list;
    uint32_t max_stem_len;
    uint8_t stem_prefix[8192]; /* bit per hash of a stem's first 3 bytes: a token whose
                                  first 3 bytes are not set cannot match any stem */
    uint8_t short_stems;       /* a stem shorter than 3 bytes exists: no filtering */
    int frozen;
    /* Problems found while loading, reported through warn(). */
    void (*warn)(void *user, const char *file, long line, const char *message);
    void *warn_user;
    unsigned warnings;
    uint32_t block_first_verb, block_first_pattern; /* builder state */
    int in_block;
} dict;

int dict_init(dict *d);
void dict_free(dict *d);

/* Interning helpers: lower-case the text; return 0 only when out of memory. */
uint32_t dict_word_id(dict *d, const char *s, size_t n);
/* Report a problem at file:line (printf-style) and count it. */
void dict_warn(dict *d, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Parse "CODE" "CODE:CODE" "---" into a dict_code; returns 0 ok, -1 malformed. */
int dict_parse_code(const char *s, size_t n, dict_code *out);
/* Parse a TABARI-style date YYMMDD or YYYYMMDD (or parley YYYY-MM-DD, YYYY-MM, YYYY) into
 * YYYYMMDD; returns -1 when malformed. */
int32_t dict_parse_date(const char *s, size_t n);

/* Builder calls. Each returns the new index, or UINT32_MAX when out of memory. */
uint32_t dict_add_words(dict *d, const dict_word *w, uint32_t n); /* -> words_off */
uint32_t dict_add_actor(dict *d, uint32_t name, uint32_t file, uint32_t line);
int dict_add_role(dict *d, uint32_t actor, const dict_role *r); /* roles must be added for
                                                                   the last actor only */
uint32_t dict_add_agent(dict *d, const char *code, int prefix);
uint32_t dict_add_issue(dict *d, const char *code);
uint32_t dict_add_phrase(dict *d, const dict_word *w, uint32_t n, dict_phrase_kind kind,
                         uint32_t target, int story);
uint32_t dict_add_set(dict *d, uint32_t name); /* then add items */
int dict_add_set_item(dict *d, uint32_t set, const dict_word *w, uint32_t n);
uint32_t dict_find_set(const dict *d, uint32_t name); /* UINT32_MAX if none */
uint32_t dict_add_verb(dict *d, const dict_word *anchor, uint32_t n, const dict_code *code,
                       int noun, uint32_t text, uint32_t file, uint32_t line);
/* Verb blocks: every verb added between dict_begin_block() and dict_end_block() shares the
 * patterns added in that block (PETRARCH synonym lists, TABARI verb + its forms). A verb added
 * outside a block is a block of its own. */
void dict_begin_block(dict *d);
void dict_end_block(dict *d);
/* Adds a pattern to the current block (or the most recently added verb). */
uint32_t dict_add_pattern(dict *d, const dict_elem *before, uint32_t nb, const dict_elem *after,
                          uint32_t na, const dict_code *code, uint32_t text, uint32_t file,
                          uint32_t line);
int dict_add_code_info(dict *d, const dict_code_info *ci);

/* Build lookup indexes; after this the dict is read-only. Returns 0, or -1 out of memory. */
int dict_freeze(dict *d);

/* Could a token starting with these bytes match some stem? (cheap filter before probing) */
static inline int dict_may_have_stem(const dict *d, const char *s, size_t n) {
    if (d->short_stems) return 1;
    if (n < 3) return 0;
    uint32_t h =
        ((uint32_t)(unsigned char)s[0] * 31u + (unsigned char)s[1]) * 31u + (unsigned char)s[2];
    h &= 0xffff;
    return (d->stem_prefix[h >> 3] >> (h & 7)) & 1;
}

/* Lookups (after freeze). */
/* A word's bit in a 64-bit summary of a set of words (a one-hash Bloom filter): a set whose
 * summary lacks the bit does not hold the word. */
static inline uint64_t dict_word_bit(uint32_t word) {
    return (uint64_t)1 << ((word * 2654435761u) >> 26);
}
/* Does some phrase start with the word (through either index)? Most words start none. */
static inline int dict_word_starts_phrase(const dict *d, uint32_t word) {
    return word < d->strings.count &&
           (d->pair_first[word] || d->phrase_heads[word] != d->phrase_heads[word + 1]);
}
/* dict_pair_phrases() after its checks: the hash probe. */
const uint32_t *dict_pair_probe(const dict *d, uint32_t w0, uint32_t w1, uint32_t *n);
/* Phrases starting with words w0 w1, longest first; *n gets their count. Inline: called three
 * times per token, and most words start no two-word-indexed phrase. */
static inline const uint32_t *dict_pair_phrases(const dict *d, uint32_t w0, uint32_t w1,
                                                uint32_t *n) {
    if (!d->pair_cap || !w0 || !w1 || w0 >= d->strings.count || !d->pair_first[w0]) {
        *n = 0;
        return NULL;
    }
    return dict_pair_probe(d, w0, w1, n);
}
/* The first item (+1; 0 for none) of a set whose first word is `word`; follow dict.set_next. */
uint32_t dict_set_first(const dict *d, uint32_t set, uint32_t word);
/* The sets with an indexed item starting with the word, as bit (set & 63): when the bit of a set
 * is clear for every form of a token, dict_set_first() finds nothing there. All bits are set
 * before dict_freeze(). */
static inline uint64_t dict_set_starts(const dict *d, uint32_t word) {
    return d->set_starts ? d->set_starts[word] : ~(uint64_t)0;
}
const dict_code_info *dict_code_lookup(const dict *d, const char *code);
/* Pick the code of an actor for a date (YYYYMMDD, 0 = unknown: the default, else the latest). */
const char *dict_actor_code(const dict *d, uint32_t actor, int32_t date);

/* Added for the PETRARCH/TABARI readers (petr_reader.c, tabari_reader.c): flag on the last
 * element of a pattern's before-list when the anchor must immediately follow it (pattern
 * "IN_*"); the DW_ADJACENT flags alone cannot say this because the anchor is not an element. */
enum { DW_ANCHOR_NEXT = 8 };
/* The word matches only its exact form (PETRARCH pattern words), not the token's lemmas. */
enum { DW_EXACT = 16 };
/* A name word written "^West" in parley's own dictionaries: the token must be capitalised
 * ("the West", not "the west of the country"). */
enum { DW_CAPITAL = 32 };
/* TABARI: a word written "WORD_" also matches with a regular ending: a noun's -s ("Libyas"), a
 * verb's -s, -es, -ed, -en, -ing, -d ("departes", "departen"); "WORD=" matches only as
 * written, not through the token's lemmas ("baning" is not BAN=). */
enum { DW_ENDINGS = 64, DW_NOSUFFIX = 128 };

#endif

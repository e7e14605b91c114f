/* syntax.h: shallow English syntax over one sentence's tokens, in linear time.
 *
 *   tag     part of speech for every token: the lexicon's most likely tag, then contextual rules
 *           (a word after a determiner is a noun, after "to" or a modal a base verb, after
 *           "have" a participle, a capitalised unknown word a proper noun, ...).
 *   groups  verb groups: the main verb with its auxiliaries, and what they say: negation,
 *           modality ("would", "could", "may"), tense, passive voice, infinitive.
 *   clauses clause boundaries: subordinators ("that", "if", "because", "who", "which"), reporting
 *           frames ("X said (that) Y"), coordination of clauses, punctuation.
 *
 * The coder asks only what event coding needs: is this token a verb, what is its group, which
 * clause is it in, where does that clause begin and end, and is the group negated, modal or
 * passive. No external parser. Nothing here knows about event dictionaries. */
#ifndef PARLEY_SYNTAX_H
#define PARLEY_SYNTAX_H

#include <stdint.h>

#include "../lex/lexicon.h"
#include "../text/token.h"
#include "words.h"

enum {
    VG_NEG = 1,     /* not, n't, never, no longer */
    VG_PASSIVE = 2, /* be/get + past participle */
    VG_MODAL = 4,   /* would, could, might, may, should, must, can */
    VG_FUTURE = 8,  /* will, shall, going to */
    VG_INF = 16,    /* to + verb */
    VG_GERUND = 32, /* -ing form heading a non-finite clause */
    VG_PAST = 64,
    VG_COND = 128 /* in an if/unless clause: hypothetical */
};

typedef struct {
    uint32_t first, head; /* first auxiliary and main verb (sentence-relative indexes) */
    uint16_t flags;       /* VG_* */
    uint16_t clause;
} verb_group;

enum {
    CL_MAIN = 0,
    CL_REPORTED, /* complement of a reporting verb: "X said [that Y]" */
    CL_SUBORD,   /* adverbial: because, after, when, although */
    CL_COND,     /* if, unless */
    CL_RELATIVE, /* who, which, that after a noun */
    CL_QUOTE     /* inside quotation marks */
};

typedef struct {
    uint32_t first, last; /* token range, inclusive, sentence-relative */
    uint8_t kind;         /* CL_* */
    uint8_t negated;      /* reported under a negation: "saw no sign that ..." */
    int16_t parent;       /* enclosing clause or -1 */
} clause;

typedef struct {
    const token *toks; /* the sentence's tokens */
    uint32_t n;
    uint32_t *wcls;      /* W_* word classes per token */
    uint8_t *tag;        /* lex_tag per token */
    int16_t *group_of;   /* verb group index per token, -1 if none (auxiliaries included) */
    uint16_t *clause_of; /* clause index per token */
    verb_group *groups;
    uint32_t ngroups;
    clause *clauses;
    uint32_t nclauses;
} sent_syntax;

/* What the syntax layer looks up for a word, which a caller may cache and pass in. */
typedef struct {
    uint64_t tags; /* possible lex tags (bit mask) */
    uint8_t best;  /* most likely tag */
    uint32_t wcls; /* W_* classes */
} syntax_word_info;

/* The lexicon's tags for a token (punctuation by its character); *best gets the likeliest. */
uint64_t syntax_word_tags(const lex_table *lex, const token *t, uint8_t *best);
/* The W_* classes of a token. */
uint32_t syntax_token_class(const syntax_words *sw, const token *t);
/* syntax_analyse with the per-token lookups already done (info[i] for every non-punctuation
 * token; NULL = look them up). */
int syntax_analyse_with(arena *a, const lex_table *lex, const syntax_words *sw, const token *toks,
                        uint32_t n, const syntax_word_info *info, sent_syntax *out);

/* Analyse one sentence. Memory from the arena. Returns 0, -1 out of memory. */
int syntax_analyse(arena *a, const lex_table *lex, const syntax_words *sw, const token *toks,
                   uint32_t n, sent_syntax *out);

static inline int tag_is_verb(uint8_t t) {
    return t == LEX_VB || t == LEX_VBD || t == LEX_VBG || t == LEX_VBN || t == LEX_VBP ||
           t == LEX_VBZ;
}
static inline int tag_is_noun(uint8_t t) {
    return t == LEX_NN || t == LEX_NNS || t == LEX_NNP || t == LEX_NNPS;
}

#endif

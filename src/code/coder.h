/* coder.h: internals shared by the coder's parts (actors.c, patterns.c, quotes.c, coder.c).
 *
 * Per sentence: tokens get word ids from the dictionary's intern table (exact, verb lemma, noun
 * lemma); actor and agent phrases are matched longest-first into mentions; mentions are combined
 * into coded noun phrases ("Russian troops" -> RUSMIL, "the president of Russia" -> RUSGOV,
 * "Arnor and Gondor" -> a compound); then each verb group and event noun is looked up in the verb
 * dictionary, its patterns tried in order, and source and target taken from the pattern's $ and +
 * or from the clause's subject and object. */
#ifndef PARLEY_CODER_H
#define PARLEY_CODER_H

#include "../../include/parley.h"
#include "../dict/dict.h"
#include "../lex/lexicon.h"
#include "../syntax/syntax.h"
#include "../text/token.h"
#include "../util/arena.h"

struct parley_dicts {
    dict d;
    const lex_table *lex;
    syntax_words *words; /* cue-word classes for the syntax layer */
};

typedef struct {
    uint32_t wid, vlem, nlem; /* exact word id, verb lemma id, noun lemma id (0 = none) */
    uint32_t eid;             /* the word minus a TABARI regular ending (0 = none) */
    const uint32_t *stem;     /* ids of dictionary stems that are prefixes of the token */
    uint32_t nstem;
    uint64_t sets; /* dict_set_starts() of wid, vlem, nlem and eid (set by set_starts_of) */
} tok_ids;

typedef struct {
    uint32_t first, last; /* sentence-relative token range */
    char code[32];        /* "" when only an agent without a country was found */
    uint32_t actor;       /* dict actor index, UINT32_MAX for none */
    int32_t group;        /* compound group (mentions joined by "and"), -1 for none */
    uint8_t in_pp;        /* object of a preposition */
    uint8_t person;       /* a dated person entry */
    uint8_t pronoun;      /* resolved from a pronoun */
    uint8_t contextual;   /* a bare agent given the context country ("the army") */
    int32_t agent_of;     /* agent index when built as "agent of actor", else -1 */
} mention;

/* What the article has said so far, for reference: the last person and the last other actor
 * coded, and the surnames of people named in full ("Mr. Putin" after "Vladimir V. Putin"). */
#define MEM_SURNAMES 64
typedef struct {
    char code[32];
    uint32_t actor;
} recent_actor;

typedef struct {
    char person_code[32];
    uint32_t person_actor;
    char actor_code[32];
    uint32_t actor_actor;
    char country[4]; /* the article's main country so far (for "the government", "troops") */
    struct {
        char code[4];
        unsigned count;
    } countries[16]; /* how often each country was named */
    int ncountries;
    struct {
        uint32_t word; /* interned lower-case surname */
        uint32_t actor;
    } surnames[MEM_SURNAMES];
    int nsurnames;
    unsigned sentences; /* sentences remembered so far */
    /* the two latest distinct people and actors named, for "the two leaders", "both sides" */
    recent_actor last_people[2], last_actors[2];
    recent_actor last_compound[2];  /* the latest compound of two ("Israel and Hamas") */
    recent_actor last_igo;          /* the latest organisation of states, for "the bloc" */
    recent_actor last_armed;        /* the latest armed non-state group, for "the group" */
    recent_actor last_countries[2]; /* the two latest distinct countries (3-letter codes) */
} article_mem;

typedef struct {
    const struct parley_dicts *pd;
    article_mem *mem;
    const sent_syntax *syn;
    const token *toks; /* sentence tokens */
    const tok_ids *ids;
    uint32_t n;
    mention *m;
    uint32_t nm;
    int32_t date;           /* YYYYMMDD of the article, 0 unknown */
    int discard;            /* 1 sentence, 2 story */
    const char *lone_agent; /* the country code given to an agent with no country: "---"
                               (null_agents), "~" (TABARI's CONVERT AGENT); NULL: the
                               article's main country */
    int tabari;             /* TABARI's options are on (parley_tabari_options.enabled) */
    uint32_t *wordset;      /* the ids of the sentence's forms and lemmas (open addressing) */
    uint64_t sets;          /* the union of its tokens' tok_ids.sets */
    uint64_t words;         /* dict_word_bit() of every id in wordset */
    uint32_t wordset_cap;   /* a power of two */
} sent_ctx;

/* actors.c */
int find_mentions(arena *a, sent_ctx *s);
/* After a sentence is coded: remember its people and actors for the next sentences. */
void remember_mentions(sent_ctx *s);
/* Does token t (with ids) match dictionary word w? */
int word_matches(const dict *d, const token *t, const tok_ids *id, const dict_word *w);

/* patterns.c */
typedef struct {
    int32_t source, target; /* mention indexes, -1 none */
    const dict_pattern *pattern;
    dict_code code;
    uint32_t anchor_first, anchor_last;
    const dict_verb *verb;
    int reciprocal;           /* "each other": the compound source's members act on each other */
    int intransitive;         /* a verb with no object phrase ("met", "were negotiating") */
    int passive;              /* "was met by A and B": the source came from the by-phrase */
    int split_source;         /* TABARI: the source compound's first member acts on the others */
    char implicit_target[32]; /* no target mention: the country the object's situation is in
                                 ("condemned the coup" -> the article's main country), the
                                 body whose act it is ("welcomed the resolution"), or "" */
} verb_match;
/* The pattern filters of a sentence, once its ids are final: ids[i].sets for each token, and
 * s->sets and s->words from s->ids (which are ids). */
void pattern_filters(sent_ctx *s, tok_ids *ids);
/* Code the anchor at token h: returns 1 with a match, 0 when no verb entry fits. */
int match_verb_at(const sent_ctx *s, uint32_t h, int want_noun, verb_match *out);

/* tabari.c: TABARI's reading, when parley_tabari_options.enabled */
/* Its source and target when the pattern and the syntax left one missing (DEFAULT:, the first
 * actor after the verb without NOACTPRIOR, the actor before a '+' that took the subject). */
void tabari_missing_sides(const sent_ctx *s, const parley_tabari_options *t, verb_match *vm);
/* Does token h code as a verb whatever its part of speech? */
int tabari_verb_word(const sent_ctx *s, uint32_t h);
/* Does a clause-starting conjunction stand between tokens a and b? */
int tabari_clause_break(const sent_ctx *s, uint32_t a, uint32_t b);
/* Is the sentence complex or discarded (COMPLEX: limits, [+++] and [###] actors)? */
int tabari_complex(const sent_ctx *s, const parley_tabari_options *t);
/* The first actor of the verb's clause (source); the first after `last` in it (target). */
int32_t tabari_first_actor(const sent_ctx *s, uint32_t verb);
int32_t tabari_next_actor(const sent_ctx *s, uint32_t last, int32_t source);
/* FORWARD: seed the article's memory with the forwarded actor; the actor to forward. */
void tabari_forward_into(article_mem *mem, const parley_tabari_options *t);
void tabari_first_named_actor(const sent_ctx *s, char *out, size_t cap);
/* MINIMUM WORDS counts words as written; COMMA: leaves comma-delimited clauses out. */
uint32_t tabari_word_count(const token *t, uint32_t n);
int tabari_comma_clauses(arena *ar, const parley_tabari_options *t, const token **toks,
                         uint32_t *n);

#endif

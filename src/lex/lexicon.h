/* parley English lexicon: part-of-speech information and lemmas for English words.
 *
 * The data is built at build time (tools/lexgen.c) from the Brill tagger lexicon (npm `brill`),
 * WordNet 3.0 (Debian `wordnet-base`) and data/lexicon/closed.txt, and embedded in the library.
 *
 * Everything here is read-only: a table never changes after it is obtained, so any number of
 * threads may read it at once. Nothing prints, nothing aborts, nothing uses global state.
 * Words are UTF-8 byte strings with an explicit length (no NUL needed).
 */
#ifndef PARLEY_LEX_LEXICON_H
#define PARLEY_LEX_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Penn Treebank tags. X(enum suffix, name). The order is part of the blob format: the lexicon
 * blob records a hash of this list and is refused (treated as empty) if it does not match. */
#define LEX_TAG_LIST(X)                                                                            \
    X(CC, "CC")                                                                                    \
    X(CD, "CD")                                                                                    \
    X(DT, "DT")                                                                                    \
    X(EX, "EX")                                                                                    \
    X(FW, "FW")                                                                                    \
    X(IN, "IN")                                                                                    \
    X(JJ, "JJ")                                                                                    \
    X(JJR, "JJR")                                                                                  \
    X(JJS, "JJS")                                                                                  \
    X(LS, "LS")                                                                                    \
    X(MD, "MD")                                                                                    \
    X(NN, "NN")                                                                                    \
    X(NNS, "NNS")                                                                                  \
    X(NNP, "NNP")                                                                                  \
    X(NNPS, "NNPS")                                                                                \
    X(PDT, "PDT")                                                                                  \
    X(POS, "POS")                                                                                  \
    X(PRP, "PRP")                                                                                  \
    X(PRPS, "PRP$")                                                                                \
    X(RB, "RB")                                                                                    \
    X(RBR, "RBR")                                                                                  \
    X(RBS, "RBS")                                                                                  \
    X(RP, "RP")                                                                                    \
    X(SYM, "SYM")                                                                                  \
    X(TO, "TO")                                                                                    \
    X(UH, "UH")                                                                                    \
    X(VB, "VB")                                                                                    \
    X(VBD, "VBD")                                                                                  \
    X(VBG, "VBG")                                                                                  \
    X(VBN, "VBN")                                                                                  \
    X(VBP, "VBP")                                                                                  \
    X(VBZ, "VBZ")                                                                                  \
    X(WDT, "WDT")                                                                                  \
    X(WP, "WP")                                                                                    \
    X(WPS, "WP$")                                                                                  \
    X(WRB, "WRB")                                                                                  \
    X(HASH, "#")                                                                                   \
    X(DOLLAR, "$")                                                                                 \
    X(LQUOTE, "``")                                                                                \
    X(RQUOTE, "''")                                                                                \
    X(LRB, "(")                                                                                    \
    X(RRB, ")")                                                                                    \
    X(COMMA, ",")                                                                                  \
    X(PERIOD, ".")                                                                                 \
    X(COLON, ":")

#define LEX_TAG_ENUM_(sym, name) LEX_##sym,
typedef enum {
    LEX_TAG_NONE = 0,
    LEX_TAG_LIST(LEX_TAG_ENUM_) LEX_TAG_COUNT /* < 64: every tag fits in a uint64_t bit mask */
} lex_tag;
#undef LEX_TAG_ENUM_

#define LEX_TAGBIT(t) (UINT64_C(1) << (unsigned)(t))

/* "CC", "PRP$", "(", ... ; "" for LEX_TAG_NONE and for out-of-range values. */
const char *lex_tag_name(lex_tag t);
/* Inverse of lex_tag_name (NUL-terminated, case-sensitive). Also accepts the aliases
 * "-LRB-", "-RRB-", "-LCB-", "-RCB-", "-LSB-", "-RSB-", "!", "?", ";", "\"".
 * Returns LEX_TAG_NONE for unknown names and NULL. */
lex_tag lex_tag_from_name(const char *s);

typedef struct lex_table lex_table; /* opaque, read-only view over a lexicon blob */

/* The table embedded in the library. Never NULL; if the embedded blob is damaged or of another
 * version the result behaves as an empty table. */
const lex_table *lex_builtin(void);

/* A table over a blob you supply (e.g. a lexicon.bin read from disk). The bytes are not copied
 * and must stay valid and unchanged until lex_close. Returns NULL if the header is invalid or
 * memory runs out. */
lex_table *lex_open(const void *data, size_t len);
void lex_close(lex_table *t); /* NULL and lex_builtin() are accepted and ignored */

/* Number of words in the table (0 for an empty table or NULL). */
size_t lex_count(const lex_table *t);

typedef struct {
    uint64_t tags; /* bitmask of possible lex_tag values (LEX_TAGBIT(tag)) */
    lex_tag best;  /* most likely tag (brill's first tag; closed.txt overrides) */
    uint8_t wn;    /* WordNet POS bits of the lower-cased word as a WordNet lemma */
} lex_info;

enum { LEX_WN_NOUN = 1, LEX_WN_VERB = 2, LEX_WN_ADJ = 4, LEX_WN_ADV = 8 };

/* Look up a word: the exact bytes first, then lower-cased (ASCII and Latin-1 letters).
 * Returns 1 and fills *out (if out is not NULL) when the word is known; returns 0 and zeroes
 * *out otherwise. t == NULL behaves as an empty table. */
int lex_lookup(const lex_table *t, const char *word, size_t len, lex_info *out);

/* Lemma of a word for a POS class: 'n' noun, 'v' verb, 'a' (or 's') adjective, 'r' adverb
 * (upper case accepted). In order:
 *   1. irregular forms from the WordNet .exc files (went->go, children->child, better->good);
 *   2. WordNet's regular inflection rules (plus undoubling: stopped->stop, bigger->big), keeping
 *      only results that are WordNet lemmas of that class (tries->try, making->make,
 *      negotiations->negotiation); a word that is itself a lemma of the class is kept when the
 *      Brill lexicon lists it as a base form first (news, species, series stay as they are);
 *   3. for pos 'n' only, a plural WordNet does not know (brill tags it NNS, or it is unknown,
 *      lower-case and lex_guess says NNS) loses its plural ending by spelling alone
 *      (ceasefires->ceasefire, airstrikes->airstrike);
 *   4. else the word itself, lower-cased.
 * Multi-word WordNet lemmas use spaces, not underscores. Any other pos gives the lower-cased word.
 * Writes at most cap bytes including the NUL into buf (truncating at a UTF-8 character boundary)
 * and returns the number of bytes written before the NUL. cap == 0 writes nothing, returns 0. */
size_t lex_lemma(const lex_table *t, const char *word, size_t len, char pos, char *buf, size_t cap);

/* Guess for a word that is not in the lexicon, from its shape alone: digits -> CD (ordinals
 * 1st/22nd -> JJ), punctuation -> its tag, capitalised -> NNP (plural -> NNPS; -ian/-ean/-ese/
 * -ish/-ic nationality adjectives -> JJ), -ing VBG, -ed VBN, -ly RB, -s NNS, -est JJS, noun and
 * adjective suffixes, hyphenated -> JJ; default NN. LEX_TAG_NONE only for the empty word. */
lex_tag lex_guess(const char *word, size_t len);
/* The same guess with the plausible alternatives: fills *out (tags, best; wn = 0). */
void lex_guess_info(const char *word, size_t len, lex_info *out);

#ifdef __cplusplus
}
#endif

#endif /* PARLEY_LEX_LEXICON_H */

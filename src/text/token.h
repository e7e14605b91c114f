/* token.h: the text layer: UTF-8 text -> tokens with byte offsets -> sentences and paragraphs,
 * with quotation state on every token.
 *
 * Offsets always refer to the original article text, which is never rewritten. Normalisation
 * (curly quotes and apostrophes, dashes, non-breaking spaces, case) is applied to each token's
 * `norm` form only: lower-cased UTF-8 (utf8proc case folding) with ’ → ' and “ ” → ".
 * Nothing here knows about dictionaries or syntax. */
#ifndef PARLEY_TOKEN_H
#define PARLEY_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

enum {
    TOK_CAP = 1 << 0,       /* first letter upper case */
    TOK_ALLCAPS = 1 << 1,   /* every letter upper case (and at least one letter) */
    TOK_DIGIT = 1 << 2,     /* starts with a digit */
    TOK_PUNCT = 1 << 3,     /* punctuation */
    TOK_QOPEN = 1 << 4,     /* an opening quotation mark */
    TOK_QCLOSE = 1 << 5,    /* a closing quotation mark */
    TOK_INQUOTE = 1 << 6,   /* inside a quotation */
    TOK_PARA = 1 << 7,      /* first token of a paragraph */
    TOK_ABBREV = 1 << 8,    /* abbreviation ending in '.' (Mr., U.S., Feb., V.) */
    TOK_SENT_START = 1 << 9 /* first token of a sentence */
};

typedef struct {
    uint32_t start, end; /* byte span in the text */
    const char *norm;    /* normalised lower-case form, NUL-terminated, in the arena */
    uint16_t norm_len;
    uint16_t flags;
} token;

typedef struct {
    uint32_t first, count; /* token range */
    uint32_t start, end;   /* byte span */
    uint32_t paragraph;    /* paragraph index */
} sentence;

/* Limits (docs/testing.md): a sentence longer than this is cut into pieces of this length. */
#define TEXT_MAX_SENTENCE_TOKENS 250

typedef struct {
    token *toks;
    uint32_t ntoks;
    sentence *sents;
    uint32_t nsents;
    uint32_t cut_sentences; /* run-on sentences cut at TEXT_MAX_SENTENCE_TOKENS */
} tokenized;

/* Tokenise and split text into sentences. All memory comes from the arena. Returns 0, or -1 when
 * out of memory. Invalid UTF-8 bytes are treated as single-byte letters (never read past end). */
int text_tokenize(arena *a, const char *text, size_t len, tokenized *out);

/* True if the normalised token is one of: ' " and its open/close variants. */
int tok_is_quote_mark(const token *t);

#endif

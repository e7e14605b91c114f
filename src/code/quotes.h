/* quotes.h: quotations and their speakers, article by article.
 *
 * Each run of tokens inside quotation marks is a quote. Its speaker is found, in order, from:
 * a reporting verb right after it (“…,” Mr. Kirby said / “…,” said Ned Price, the spokesman),
 * a reporting verb before it in the sentence (Peskov said Putin remained “open to contacts” /
 * He added: “…”), or the previous quote when a quote continues over sentences or paragraphs with
 * no new attribution. A pronoun speaker is the last person named; "Mr. Kirby" is expanded to the
 * full name first written in the article ("John F. Kirby"). */
#ifndef PARLEY_QUOTES_H
#define PARLEY_QUOTES_H

#include "coder.h"

typedef struct {
    char name[96]; /* speaker name as written in full, or description */
    char code[32];
    uint8_t person; /* a named person (not a description such as "officials") */
} speaker;

/* The quotes of the current sentence with their speakers (for "we" inside a quote, and for
 * the reported_by of events coded from quoted words). */
#define QUOTE_MAX_SPANS 16
typedef struct {
    uint32_t first, last; /* sentence-relative tokens of the quoted words */
    speaker who;
} quote_span;

#define QUOTE_MAX_NAMES 64

typedef struct {
    speaker last_speaker;  /* of the latest attributed quote */
    speaker last_person;   /* latest person named as a subject (for he/she) */
    speaker last_reporter; /* subject of the latest reporting verb outside quotes */
    unsigned seq, reporter_seq, speaker_seq, person_seq; /* which came last */
    speaker prev_subject;   /* the previous sentence's subject, when a person */
    int prev_subject_fresh; /* ... and that sentence was the one just before */
    unsigned prev_subject_seq;
    speaker cur_subject; /* the person the current sentence opens with (see sentence_subject) */
    uint32_t cur_subject_end;
    int cur_subject_valid, cur_subject_ready; /* ready: computed for this sentence */
    int open_quote; /* a quote opened and not closed at the end of the sentence */
    uint32_t last_paragraph;
    int quoted_in_para;                   /* an attributed quote was seen in this paragraph */
    char names[QUOTE_MAX_NAMES][96];      /* full names seen in the article, for "Mr. X" */
    char name_codes[QUOTE_MAX_NAMES][32]; /* their codes when a title gave one */
    int nnames;
    quote_span spans[QUOTE_MAX_SPANS]; /* this sentence's attributed quotes */
    int nspans;
} quote_state;

/* After quotes_sentence(): "we", "I" and "us" inside an attributed quote become mentions of the
 * speaker's actor. Returns 0, -1 out of memory. */
int quotes_add_speaker_mentions(arena *a, const quote_state *q, sent_ctx *s);
/* The attributed quote containing token i of the current sentence, or NULL. */
const quote_span *quotes_span_at(const quote_state *q, uint32_t i);

void quotes_init(quote_state *q);
/* Find quotes in the sentence and emit them; updates the article state. */
void quotes_sentence(quote_state *q, const sent_ctx *s, uint32_t sentence_index, uint32_t paragraph,
                     const parley_article *a, parley_record_fn fn, void *user, int *stopped);

#endif

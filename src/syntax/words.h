/* words.h: the closed-class and cue words the syntax layer and the coder test for (be, have,
 * modals, negation, reporting verbs, subordinators, titles, ...), as bit classes looked up with
 * one hash probe per token instead of string comparisons. Built once, immutable, shareable. */
#ifndef PARLEY_SYNTAX_WORDS_H
#define PARLEY_SYNTAX_WORDS_H

#include <stddef.h>
#include <stdint.h>

enum {
    W_BE = 1u << 0, /* be, is, was, 's ... */
    W_HAVE = 1u << 1,
    W_DO = 1u << 2,
    W_MODAL = 1u << 3,    /* would could might may should must can */
    W_FUTURE = 1u << 4,   /* will shall 'll */
    W_NEG = 1u << 5,      /* not n't never */
    W_REPORT = 1u << 6,   /* said told added ... */
    W_SUBORD = 1u << 7,   /* because although after ... */
    W_COND = 1u << 8,     /* if unless whether */
    W_RELATIVE = 1u << 9, /* who which whom whose where */
    W_GET = 1u << 10,     /* get got gets (passive auxiliary) */
    W_TITLE = 1u << 11,   /* mr. mrs. president minister ... */
    W_NOTNAME = 1u << 12, /* weekdays and months: capitalised but not names */
    W_STARTER = 1u << 13, /* pronouns that may stand for a speaker: he she they we i */
    W_TO = 1u << 14,
    W_THAT = 1u << 15,
    W_CONJ = 1u << 16,        /* and but or */
    W_SEMI = 1u << 17,        /* ; */
    W_DATE = 1u << 18,        /* yesterday today tonight night (and W_NOTNAME: weekdays, months) */
    W_SPEECH = 1u << 19,      /* verbs whose subject is the author of a quote in their clause:
                                 vowed to start a "holy war", called the plan "a disaster" */
    W_ACCORDING = 1u << 20,   /* according */
    W_HEDGE = 1u << 21,       /* inclined, likely, reluctant ... + to: the action is not reported */
    W_PRON_PERSON = 1u << 22, /* he she him her */
    W_PRON_OTHER = 1u << 23,  /* it they them */
    W_IRREALIS = 1u << 24,    /* nouns whose "to" infinitive is not done: efforts, plans */
    W_CONTENT = 1u << 25,     /* nouns whose "that" clause is their content: hopes, fears */
    W_TIME = 1u << 26,        /* week month year day weekend morning ... */
    W_DENY = 1u << 28,        /* deny, refute, dismiss, reject: what they report is denied */
    W_INTENDV = 1u << 29,     /* threaten, vow, plan, agree ... + to: the infinitive is not done */
    W_OFFICE = 1u << 27       /* words of a title's office: (Secretary of) State, Foreign
                                 (Minister), (Minister for) Foreign Affairs */
};

typedef struct syntax_words syntax_words;

syntax_words *syntax_words_new(void); /* NULL when out of memory */
void syntax_words_free(syntax_words *w);
uint32_t syntax_word_class(const syntax_words *w, const char *s, size_t n);

#endif

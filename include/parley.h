/* parley.h: the public interface of libparley, a political event coder.
 *
 * libparley reads news text and codes CAMEO events (who did what to whom, when) with the evidence
 * that supports them, plus attributed quotations. Usage:
 *
 *     parley_error err = {0};
 *     parley_dict_paths paths = {0};            // all NULL: parley's bundled dictionaries
 *     parley_dicts *d = parley_dicts_load(&paths, &err);
 *     parley_coder *c = parley_coder_new(d, &err);   // one per thread
 *     parley_code_article(c, &article, on_record, user_data, &err);
 *     parley_coder_free(c); parley_dicts_free(d);
 *
 * Conventions: opaque handles; every call that can fail returns a status or NULL and fills a
 * parley_error; the library has no global state, never prints and never exits. A parley_dicts is
 * immutable after loading and may be shared by any number of coders on any threads; a coder is
 * used by one thread at a time. */
#ifndef PARLEY_H
#define PARLEY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PARLEY_VERSION "0.1.0"

typedef enum {
    PARLEY_OK = 0,
    PARLEY_ERR_NOMEM, /* an allocation failed */
    PARLEY_ERR_IO,    /* a file could not be read */
    PARLEY_ERR_PARSE, /* input is malformed (file and line say where) */
    PARLEY_ERR_USAGE, /* an argument is invalid */
    PARLEY_ERR_LIMIT  /* input exceeds a documented limit */
} parley_status;

typedef struct {
    parley_status status;
    char message[512];
    char file[256];    /* "" when not about a file */
    long line;         /* 0 when not about a line */
    unsigned warnings; /* count of non-fatal problems (entries skipped) */
} parley_error;

/* Where the dictionaries come from. Every field may be NULL: NULL everywhere means parley's
 * bundled dictionaries. Formats are detected from content: PETRARCH-2 (verbs with "---" blocks,
 * XML-comment headers), TABARI (.verbs/.actors/.agents) or parley's own. */
typedef struct {
    const char *verbs;         /* one file */
    const char *const *actors; /* NULL-terminated list of files */
    const char *agents;
    const char *discards;
    const char *issues;
    const char *codes;    /* CAMEO code table (parley TSV); NULL = bundled */
    const char *data_dir; /* where bundled dictionaries live; NULL = built-in default */
    int only_named;       /* 1: load only the files named here, none of the bundled
                             ones (a validation suite's own world); the bundled CAMEO
                             code table is still read unless codes is given */
    /* Report a non-fatal problem (file:line: message); may be NULL. */
    void (*warn)(void *user, const char *file, long line, const char *message);
    void *warn_user;
} parley_dict_paths;

typedef struct parley_dicts parley_dicts;
typedef struct parley_coder parley_coder;

parley_dicts *parley_dicts_load(const parley_dict_paths *paths, parley_error *err);
void parley_dicts_free(parley_dicts *d);

/* Sizes of a loaded dictionary set. */
typedef struct {
    unsigned actors, roles, agents, verbs, patterns, phrases, codes, words;
} parley_dict_stats;
void parley_dicts_stats(const parley_dicts *d, parley_dict_stats *out);

/* Lint a loaded set: event codes missing from the code table, patterns that can never fire
 * (shadowed by an identical or unconditional earlier pattern). Each problem goes to warn() with
 * its file and line; returns the number of problems. */
unsigned parley_dicts_check(const parley_dicts *d,
                            void (*warn)(void *user, const char *file, long line, const char *msg),
                            void *user);

/* TABARI's coding options, as its .options file and option records set them (parley validate
 * applies them to a TABARI project). All zero: off, parley's own behaviour. */
typedef struct {
    int enabled;             /* the fields below apply */
    int min_words;           /* SET: MINIMUM WORDS: shorter sentences are not coded */
    int convert_agents;      /* SET: CONVERT AGENT: an agent with no country is "~" + its code */
    int no_actor_prior;      /* COMPLEX: NOACTPRIOR: no source before the verb, no event; when 0,
                                the first actor after the verb is the source */
    int complex_verbs;       /* COMPLEX: VERBS[n]: a sentence with n verbs of the dictionary is
                                complex (not coded); 0: no limit */
    int complex_conj;        /* COMPLEX: CONJ[n]: the same for n conjunctions outside compounds */
    char default_source[16]; /* DEFAULT: SOURCE [X]: "" for none */
    char default_target[16]; /* DEFAULT: TARGET [Y]: "" for none */
    int default_prior;       /* PRIOR: the default source replaces a missing prior actor */
    int default_after;       /* AFTER: the default target replaces a missing later actor */
    int code_by;             /* SET: CODE BY CLAUSE (0: one verb per clause), CODE BY SENTENCE
                                (1: one per sentence), CODE ALL (2: every verb) */
    /* COMMA: a comma-delimited clause of MIN..MAX words between two commas, of EMIN..EMAX
     * words after the last comma, or of BMIN..BMAX words before the first, is left out of the
     * sentence; all 0: off */
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax;
    char forward_mask[32];  /* FORWARD: its record-id mask ("^^*****NNN*SSS": N marks the
                               story number); "" when off */
    char forward_actor[16]; /* set by the caller for each article: the actor that pronouns
                               with no antecedent refer to (the story's previous record);
                               see parley_coder_first_actor */
} parley_tabari_options;

/* Options that change what the coder emits. */
typedef struct {
    int emit_all;     /* also emit negated and hypothetical events, flagged */
    int emit_negated; /* also emit negated events (not hypothetical ones), flagged */
    int require_dyad; /* only emit events with both source and target (default 1) */
    int null_agents;  /* code an agent with no country as "---" + its code ("---GOV"), as
                         PETRARCH and TABARI do, instead of giving it the article's main
                         country (default 0) */
    parley_tabari_options tabari;
} parley_options;

parley_coder *parley_coder_new(const parley_dicts *d, const parley_options *opt, parley_error *err);
void parley_coder_free(parley_coder *c);
/* Change a coder's options between articles (a validation suite's option records). */
void parley_coder_set_options(parley_coder *c, const parley_options *opt);
/* With TABARI options enabled: the actor code (its agents left out) of the first actor named,
 * not through a pronoun, in the last sentence of the last article coded; "" when none. What
 * TABARI's FORWARD passes to the next record of a story. */
const char *parley_coder_first_actor(const parley_coder *c);

typedef struct {
    const char *id;
    const char *date;   /* YYYY-MM-DD, or NULL */
    const char *title;  /* may be NULL */
    const char *text;   /* UTF-8 (invalid bytes are read as single characters) */
    size_t text_len;    /* bytes of text; 0 = text is NUL-terminated */
    const char *source; /* outlet, may be NULL */
} parley_article;

typedef struct {
    uint32_t start, end;
} parley_span; /* byte offsets into the article text */

typedef enum { PARLEY_RECORD_EVENT = 1, PARLEY_RECORD_QUOTE = 2 } parley_record_kind;

typedef struct {
    parley_record_kind kind;
    const char *doc;
    int sentence; /* index of the sentence in the article */
    parley_span sentence_span;
    /* events */
    const char *date;                   /* event date YYYY-MM-DD ("" when unknown) */
    const char *date_source;            /* "text" (resolved from the sentence) or "article" */
    const char *source, *target, *code; /* CAMEO codes ("" when absent) */
    const char *root;
    int quad_class; /* 0 when the code is not in the code table */
    double goldstein;
    const char *plover; /* PLOVER type or "" */
    parley_span source_span, verb_span, target_span;
    const char *pattern; /* the dictionary pattern that fired, as written */
    int negated;
    const char *modality;    /* "" (asserted), "intent", "hypothetical", "question", ... */
    const char *reported_by; /* speaker whose words report the event, or "" */
    /* quotes */
    parley_span quote_span;
    const char *speaker;      /* name as written in full, or description; "" when unknown */
    const char *speaker_code; /* actor code on the article's date, or "" */
} parley_record;

/* Called once per record, in text order. Return non-zero to stop coding this article. The record
 * and its strings are valid only during the call. */
typedef int (*parley_record_fn)(void *user, const parley_record *r);

parley_status parley_code_article(parley_coder *c, const parley_article *a, parley_record_fn fn,
                                  void *user, parley_error *err);

const char *parley_status_name(parley_status s);

#ifdef __cplusplus
}
#endif
#endif

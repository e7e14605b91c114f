/* petr_reader.h: readers for the PETRARCH-2 dictionary formats (verbs, actors, agents, discards,
 * issues), filling a dict through the builder calls of dict.h.
 *
 * Every reader returns 0 when the file was read (malformed lines are reported through dict_warn()
 * with file and line and skipped, the reader keeps going), or -1 when the file cannot be read or
 * memory runs out, with a message in err (errlen bytes, may be 0). The *_mem variants read a
 * buffer instead of a file; name is used in warnings and as the entries' file.
 *
 * Word semantics (PETRARCH-2 matches complete words only):
 *   - every word is exact unless PETR_TABARI_STEMS is given to the actor/agent readers, in which
 *     case a word written without a trailing '_' (or '=') is a stem, as in TABARI (the Phoenix
 *     actor and agent files were converted from TABARI and keep its trailing '_' marks);
 *   - words joined by '_' must be adjacent (DW_ADJACENT on the later word); words separated by
 *     blanks may have other words between them;
 *   - words are interned lower-cased.
 *
 * Verbs (CAMEO.2.0.txt): synsets "&NAME" + "+WORD" lines become named dict sets ("&name"); their
 * items get a regular plural of the last word unless the item or the label ends with '_'; a
 * "+&OTHER" item splices another synset in (defined anywhere in the file). A block
 * "--- NAME [CODE] ---" is a dict block (dict_begin_block/dict_end_block) holding every verb line
 * of the block, each with its irregular forms "{...}" or, when none are given, its generated
 * regular forms (-S/-ES/-IES, -D/-ED/-IED with consonant doubling, -ING), as extra dict_verb
 * entries; "+" marks the inflected word of a multiword verb (+CORDON_OFF, RE_+ARREST; without
 * '+' the first word is inflected; "LASH OUT" with a blank allows words in between); "{}" means
 * no other forms. A verb's own "[CODE]" overrides the block code for it and its forms. The
 * block head line is each verb's text. Pattern
 * lines "- words * words [CODE] # comment" become dict patterns: "(...)" prepositional phrases
 * and "{...}" noun phrases are flattened into plain words (gaps allowed between them), "_" makes
 * the next element adjacent, "$ + % ^" are the markers, "&SYN" a PE_SET, "{a | b}" (TABARI
 * legacy) an anonymous PE_SET. A word joined to the anchor ("IN_*") gets DW_ANCHOR_NEXT.
 * Codes: "[---]" = none, "[:173]" = only the paired code, "[###]"/"[+++]" are kept verbatim (the
 * TABARI discard / complex markers). Transformation lines "~ ..." are skipped (the dict has no
 * place for them). A pattern's text is its line without the comment, trimmed, lower-cased.
 * Comments: "#" and ";" (outside [...]), <!-- --> (also multi-line), lines starting "<!".
 *
 * Actors (Phoenix.*.actors.txt): an entry line "WORDS [CODE ...] [CODE ...]" starts an actor;
 * "+WORDS" lines add synonyms; indented "[CODE]" lines add roles: "[CODE]" default,
 * "[CODE >YYMMDD]" from, "[CODE <YYMMDD]" until, "[CODE YYMMDD-YYMMDD]" range (YYYYMMDD also).
 * A bare "[CODE YYMMDD]" is read as a default code with a warning (PETRARCH ignores the date).
 * Several "[...]" groups may follow an entry on one line. An entry line without codes that is
 * directly followed by another entry line names the same actor (PETRARCH-1 keeps one code list
 * for both; Phoenix relies on it: IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ + roles).
 * A range whose six-digit start would fall after its end ("270101-730717": 00-29 read as 20YY)
 * is read with a 19YY start (TABARI CountryInfo birth years). The actor's name is the first
 * entry's words, blank-separated. A token made only of '"' (CSV residue) is dropped with a
 * warning. Role codes are kept as written ("---", "###", "ELR/GAL", ...).
 *
 * Agents (Phoenix.agents.txt): "WORDS {PLURAL} [~CODE]" (code after the country) or "[CODE~]"
 * (before); "{}" = no plural, no braces = a generated regular plural of the last word;
 * "!NAME! = A, B" defines a substitution set used inside words as "CONGRESS!PERSON!" (the
 * substituted forms get no plural).
 *
 * Discards: one phrase per line, "+" = discard the whole story; words are adjacent and exact
 * except the last, which is a stem unless it ends with '_' (PETRARCH's documented prefix match).
 *
 * Issues (Phoenix.IssueCoding.txt): "phrase [CODE]" with "n:" (noun + plural), "v:" (verb forms)
 * and "a+b" ("a b" and "a-b") expansions; "~phrase" / "~~phrase" exclusions are phrases of the
 * issue codes "~" (sentence) and "~~" (story), as in PETRARCH. Words are adjacent and exact.
 */
#ifndef PARLEY_PETR_READER_H
#define PARLEY_PETR_READER_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"

/* Flags for the actor and agent readers. */
enum {
    PETR_TABARI_STEMS = 1 /* words without a trailing '_' are stems (TABARI convention) */
};

int petr_read_verbs(dict *d, const char *path, char *err, size_t errlen);
int petr_read_actors(dict *d, const char *path, unsigned flags, char *err, size_t errlen);
int petr_read_agents(dict *d, const char *path, unsigned flags, char *err, size_t errlen);
int petr_read_discards(dict *d, const char *path, char *err, size_t errlen);
int petr_read_issues(dict *d, const char *path, char *err, size_t errlen);

int petr_read_verbs_mem(dict *d, const char *name, const char *text, size_t len, char *err,
                        size_t errlen);
int petr_read_actors_mem(dict *d, const char *name, const char *text, size_t len, unsigned flags,
                         char *err, size_t errlen);
int petr_read_agents_mem(dict *d, const char *name, const char *text, size_t len, unsigned flags,
                         char *err, size_t errlen);
int petr_read_discards_mem(dict *d, const char *name, const char *text, size_t len, char *err,
                           size_t errlen);
int petr_read_issues_mem(dict *d, const char *name, const char *text, size_t len, char *err,
                         size_t errlen);

/* English inflection helpers (lower-case ASCII in and out), used for PETRARCH's generated forms.
 * rd_plural writes the regular plural of w; rd_verb_forms writes up to max forms (3rd person,
 * past, -ing, plus the undoubled/doubled variant when the doubling rule is uncertain) and returns
 * how many. Buffers are RD_WORD_MAX bytes. */
#define RD_WORD_MAX 128
void rd_plural(const char *w, char *out);
int rd_verb_forms(const char *w, char out[][RD_WORD_MAX], int max);

/* ===================================================================================
 * Internal machinery shared by petr_reader.c and tabari_reader.c; not a public API.
 * =================================================================================== */

/* A cleaned, trimmed, non-empty line of a dictionary file (points into rd_text.buf). */
typedef struct {
    char *s;
    uint32_t n;
    uint32_t line;
} rd_line;

typedef struct {
    char *buf;
    size_t len;
    rd_line *v;
    uint32_t n, cap;
} rd_text;

/* Comment conventions for rd_split(). */
enum {
    RD_CUT_HASH = 1,     /* '#' (outside [...]) starts a comment */
    RD_CUT_SEMI = 2,     /* ';' (outside [...]) starts a comment */
    RD_XML_COMMENTS = 4, /* <!-- ... --> (multi-line) and lines starting with "<!" */
    RD_HASH_LINES = 8,   /* a line starting with '#' is a comment */
    RD_TILDE_END = 16,   /* a line starting with "~~" ends the file (TABARI ~~FINISH) */
    RD_SLASH_LINES = 32  /* a line starting with "//" is a comment */
};

int rd_load(rd_text *t, const char *path, char *err, size_t errlen);
int rd_copy(rd_text *t, const char *text, size_t len, char *err, size_t errlen);
int rd_split(rd_text *t, unsigned flags);
void rd_text_free(rd_text *t);

/* Word conventions for the tokenizers. */
enum {
    RDF_STEMS = 1,   /* TABARI: words are stems unless followed by '_' or '='; '~' = stem */
    RDF_ALTS = 2,    /* {a | b} is always a set of alternatives (TABARI); else a noun phrase
                        unless it contains '|' */
    RDF_ADJ_ALL = 4, /* every word of a phrase is adjacent to the previous (PETRARCH synsets) */
    RDF_ENDINGS = 8  /* TABARI word semantics: "WORD_" takes regular endings, "WORD=" none
                        (DW_ENDINGS); actor and agent phrases are loose (dict_phrase.loose) */
};

/* A raw synset definition collected in a first pass over a verbs file. */
typedef struct {
    char name[64];               /* lower-case, without '&' and trailing '_' */
    uint32_t set;                /* dict set index */
    uint32_t items_off, items_n; /* into rd_ctx.items */
    uint32_t line;
    uint8_t noplural, state;
} rd_synset;

/* Units of a pattern or synset item before they become dict elements. */
enum { RU_WORD = 1, RU_SET, RU_SRC, RU_TGT, RU_CMP, RU_SKIP, RU_ANCHOR };
typedef struct {
    uint8_t kind;
    uint8_t flags;  /* DW_ADJACENT (joined by '_' to the previous unit), DW_STEM */
    uint8_t plural; /* a synset word unit that may take a plural (internal) */
    uint32_t id;    /* word id or set index */
} rd_unit;

typedef struct {
    dict *d;
    const char *file; /* name used in warnings */
    uint32_t file_id; /* interned file name */
    unsigned fmt;     /* RDF_* */
    int petr_plurals; /* PETRARCH synsets: generate plurals */
    rd_synset *syn;
    uint32_t nsyn, capsyn;
    rd_line *items; /* raw synset item lines */
    uint32_t nitems, capitems;
    dict_word *pw; /* expansion scratch: phrases of words */
    uint32_t npw, cappw;
    uint32_t *po; /* phrase offsets into pw (count+1 entries) */
    uint32_t npo, cappo;
    int oom;
} rd_ctx;

#define RD_MAX_UNITS     64
#define RD_MAX_EXPANSION 4096

void rd_ctx_init(rd_ctx *c, dict *d, const char *file, unsigned fmt);
void rd_ctx_free(rd_ctx *c);
/* Trim blanks at both ends. */
void rd_trim(const char **s, size_t *n);
/* Parse a code "[...]" content; handles "---", "CODE:CODE", ":CODE", "###", "+++".
 * Returns 0, or -1 when malformed. */
int rd_code(const char *s, size_t n, dict_code *out);
/* Parse a phrase of words (blank = gap, '_' = adjacent) into w (max words). Returns the number
 * of words, 0 when empty, -1 when too long. Markers and sets are not allowed (-2). */
int rd_phrase(rd_ctx *c, const char *s, size_t n, dict_word *w, int max);
/* Tokenize a pattern / synset item into units. Alternatives create anonymous dict sets.
 * Returns the number of units or -1 with a message in why. */
int rd_units(rd_ctx *c, const char *s, size_t n, rd_unit *u, int max, const char **why,
             char *whybuf, size_t whylen);
/* Collect a synset definition starting at line index i (the "&NAME" line); returns the index
 * of the first line after it. Creates the (empty) dict set. */
uint32_t rd_collect_synset(rd_ctx *c, const rd_text *t, uint32_t i);
/* Fill every collected synset's dict set (nested synsets are spliced in). */
int rd_build_synsets(rd_ctx *c);
/* Find a collected or existing set by name (without '&'). UINT32_MAX if none. */
uint32_t rd_find_set(rd_ctx *c, const char *name, size_t n);
/* Expand units (words and set references only) into phrases in c->pw/c->po; returns the number
 * of phrases or -1 (too many / out of memory). */
int rd_expand(rd_ctx *c, const rd_unit *u, int nu);
/* Parse a pattern line's content ("words * words", without the leading '-' and the code) and
 * add it as a dict pattern. Returns 0, or -1 after warning. */
int rd_add_pattern(rd_ctx *c, const char *s, size_t n, const dict_code *code, uint32_t text,
                   uint32_t line);
/* A pattern line "- ... [CODE]": parse the code (warns and returns -1 when missing or bad) and
 * give the length of the line before the '[' in content_n. */
int rd_pattern_code(rd_ctx *c, const rd_line *l, dict_code *code, size_t *content_n);
/* Actor and agent readers shared by both formats (tabari = 1: TABARI conventions). */
int rd_read_actors(rd_ctx *c, const rd_text *t, int tabari);
int rd_read_agents(rd_ctx *c, const rd_text *t, int tabari);
/* Add a word list to a named set "<name>" (TABARI <NOUN>/<ADJECTIVE>), creating it once. */
int rd_add_to_named_set(rd_ctx *c, const char *setname, const rd_line *l);

#endif

/* tabari_reader.h: readers for TABARI 0.8 dictionaries and project files.
 *
 * Readers return 0 when the file was read (malformed lines are reported through dict_warn()
 * and skipped) or -1 when it cannot be read or memory runs out, with a message in err.
 *
 * Word semantics (TABARI): a word written without a trailing '_' is a stem (DW_STEM: ARGENTIN
 * matches Argentina, Argentinian); a closing "WORD_" is exact or takes a regular ending
 * (DW_ENDINGS: a noun's -s, a verb anchor's -s -es -ed -en -ing -d), "WORD=" is exact and only
 * as written (DW_NOSUFFIX); "WORD~" is an explicit stem (used before a connector:
 * REAL~_PLEASANT). Words joined by '_' are adjacent (DW_ADJACENT on the later one); in actor and
 * agent phrases (dict_phrase.loose) blank-separated words may have up to DICT_PHRASE_GAP other
 * tokens between them ("AL GORE" matches Al "The Weasel" Gore). Words are interned lower-cased.
 *
 * .verbs: "VERB [CODE] ;comment" starts a verb block (a dict block; a multiword verb is a
 * multiword anchor); a following "{ FORM FORM_ }" line adds irregular forms to the block (same
 * code); "- words * words [CODE]" lines are its patterns ("$ + % ^" markers, "&SYN" and inline
 * "{ A | B_ }" alternatives become PE_SET, a word joined to the anchor "IN_*" gets
 * DW_ANCHOR_NEXT). Sections: <SYNSETS> ("&NAME" + "+ITEM" lines, items may use other synsets),
 * <TIME> (see tabari_time below), <NOUN> and <ADJECTIVE> (word lists, see tabari_noun_set()).
 * Codes "[###]" (discard) and "[+++]" (complex) are kept verbatim in dict_code.code.
 *
 * .actors: "PHRASE [CODE] [CODE <YYMMDD] ..." entries, "+PHRASE" synonyms, indented
 * "[CODE >YYMMDD]" / "[CODE YYMMDD-YYMMDD]" role lines, <NOUN>/<ADJECTIVE> sections, "~~FINISH"
 * ends the file; ';' starts a comment, as does '#' at the start of a line. Entries containing
 * '&' are skipped with a warning (TABARI rejects them). Entry, synonym, role and date rules are
 * those of the PETRARCH actor reader (petr_reader.h): several "[...]" groups per line, a
 * code-less entry directly followed by another entry names the same actor, and a range
 * "270101-730717" (00-29 read as 20YY, so it would end before it starts) gets a 19YY start.
 * .agents: "PHRASE [~CODE]" (after the country) or "[CODE~]" (before); no plurals generated.
 */
#ifndef PARLEY_TABARI_READER_H
#define PARLEY_TABARI_READER_H

#include <stddef.h>
#include <stdint.h>

#include "../../include/parley.h"
#include "dict.h"

/* ---------------- <TIME> section of a .verbs file ----------------
 * "LAST_WEEK [-7]" shifts the event date by -7 days when the phrase occurs; "[+++]" marks the
 * sentence complex, "[###]" discards it, "[- - -]" / "[---]" means no shift. A pattern line
 * "- * AND A WEEK [+8]" under an entry adds the longer phrase "<entry> and a week" (words of the
 * pattern around '*', the entry's words at '*'). */
typedef enum { TT_SHIFT = 0, TT_NONE, TT_DISCARD, TT_COMPLEX } tabari_time_kind;

typedef struct {
    uint32_t words_off, n; /* into tabari_time_list.words */
    int32_t shift;         /* days, for TT_SHIFT */
    uint8_t kind;          /* tabari_time_kind */
    uint32_t line;
} tabari_time;

typedef struct {
    tabari_time *v;
    uint32_t n, cap;
    dict_word *words; /* word ids are those of the dict the verbs were read into */
    uint32_t nwords, capwords;
} tabari_time_list;

void tabari_time_free(tabari_time_list *t);

/* times may be NULL: the <TIME> section is then checked but not kept. */
int tabari_read_verbs(dict *d, const char *path, tabari_time_list *times, char *err, size_t errlen);
int tabari_read_actors(dict *d, const char *path, char *err, size_t errlen);
int tabari_read_agents(dict *d, const char *path, char *err, size_t errlen);

int tabari_read_verbs_mem(dict *d, const char *name, const char *text, size_t len,
                          tabari_time_list *times, char *err, size_t errlen);
int tabari_read_actors_mem(dict *d, const char *name, const char *text, size_t len, char *err,
                           size_t errlen);
int tabari_read_agents_mem(dict *d, const char *name, const char *text, size_t len, char *err,
                           size_t errlen);

/* The <NOUN> and <ADJECTIVE> word lists of every .verbs/.actors file read into d, as dict sets
 * named "<noun>" and "<adjective>" (each item a phrase). UINT32_MAX when the dict has none. */
uint32_t tabari_noun_set(const dict *d);
uint32_t tabari_adjective_set(const dict *d);
/* 1 when the token word id w is (or, for stems, starts with) an item of the set. */
int tabari_set_has_word(const dict *d, uint32_t set, uint32_t w);

/* ---------------- .options ----------------
 * Lines: "COMPLEX: VERBS[5] ACTORS[6] CONJ[4] NOACTPRIOR EXPLAIN", "FORWARD: ...",
 * "OUTPUT: ID ...", "SET: NAME = VALUE" (or "SET: CODE BY CLAUSE", value ""), "LABEL: CODE=TEXT".
 * "//" starts a comment line, "~~" ends the file. Anything else is kept in unknown[]. */
typedef struct {
    char *name, *value;
} tabari_setting;

typedef struct {
    char *code, *text;
} tabari_label;

typedef struct {
    uint32_t line;
    char *text;
} tabari_option_line;

typedef struct {
    int complex_verbs, complex_actors, complex_conj; /* -1 when not given */
    int complex_noactprior, complex_explain;         /* 0/1 */
    int has_complex;
    /* "DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER" (either half optional) or "DEFAULT: OFF" */
    int has_default;
    char default_source[16], default_target[16]; /* "" when not given */
    int default_prior, default_after;
    /* "COMMA: MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 255 BMAX = 0" or "COMMA: OFF" */
    int has_comma, comma_off;
    int comma[6];  /* MIN MAX EMIN EMAX BMIN BMAX; -1 when not given */
    char *forward; /* NULL when absent */
    char **output;
    size_t n_output;
    tabari_setting *sets;
    size_t n_sets;
    tabari_label *labels;
    size_t n_labels;
    tabari_option_line *unknown;
    size_t n_unknown;
} tabari_options;

int tabari_read_options(const char *path, tabari_options *o, char *err, size_t errlen);
int tabari_read_options_mem(const char *text, size_t len, tabari_options *o, char *err,
                            size_t errlen);
void tabari_options_free(tabari_options *o);
/* Value of the last "SET: name = value" (name compared ignoring case and blanks), or NULL. */
const char *tabari_option_get(const tabari_options *o, const char *name);
/* Apply what o sets (COMPLEX:, DEFAULT:, COMMA:, FORWARD:, SET: MINIMUM WORDS, CONVERT AGENT,
 * CODE BY ...) on
 * top of t, as TABARI applies an options file and then each option record in turn; t->enabled
 * is set. Other options are left alone. */
void tabari_options_apply(const tabari_options *o, parley_tabari_options *t);

/* ---------------- .project ----------------
 * First line: a title. Then "<actorsfile> NAME" (repeatable), <verbsfile>, <agentsfile>,
 * <optionsfile>, <textfile> (repeatable), <eventfile>, <problemfile>, <errorfile>, <coder>;
 * <session ...> history lines and unknown tags are ignored. File names are returned relative to
 * the project file's directory (absolute names are kept). */
typedef struct {
    char *title;
    char **actors;
    size_t n_actors;
    char *verbs, *agents, *options;
    char **texts;
    size_t n_texts;
    char *events, *problems, *errors, *coder;
} tabari_project;

int tabari_read_project(const char *path, tabari_project *p, char *err, size_t errlen);
void tabari_project_free(tabari_project *p);

#endif

/* detect.h: guess which dictionary format a file is written in.
 *
 * PETRARCH-2 (CAMEO.2.0.txt, Phoenix.*.txt, PETR.Validate.*.txt), TABARI (.verbs, .actors,
 * .agents, .options, .project) or parley's own (docs/dictionaries.md). The file extension
 * decides for TABARI's extensions and parley's .tsv; otherwise the first lines are scored:
 *   PETRARCH: "--- NAME [CODE] ---" verb blocks, <!-- --> comments, "!NAME! = ..." agent
 *             substitutions, <ISSUE ...> sections, '#' comments after an entry's [code];
 *   TABARI:   <SYNSETS> <TIME> <NOUN> <ADJECTIVE> sections, <actorsfile>-style project tags,
 *             COMPLEX:/LABEL:/SET:/OUTPUT:/FORWARD: option lines, ~~FINISH, ';' comments
 *             after an entry's [code];
 *   parley:   "verb a | b [CODE]" / "noun ..." blocks, "@ Name | Name" dated actors,
 *             "&NAME = a | b" sets, "CODE   name | name" lines, a "code<TAB>name" TSV header.
 */
#ifndef PARLEY_DETECT_H
#define PARLEY_DETECT_H

#include <stddef.h>

enum {
    DICT_FMT_UNKNOWN = 0, /* nothing recognisable (empty file, or no evidence) */
    DICT_FMT_PETR = 1,
    DICT_FMT_TABARI = 2,
    DICT_FMT_PARLEY = 3
};

/* Returns a DICT_FMT_* value, or -1 when the file cannot be read. */
int dict_detect_format(const char *path);
/* The same on a buffer; name (may be NULL) supplies the extension. */
int dict_detect_format_mem(const char *name, const char *text, size_t len);

#endif

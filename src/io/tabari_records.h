/* tabari_records.h: read TABARI .text records (Validate.text, TABARI.Demo.text).
 *
 * A record starts with a header line "YYMMDD ID [more]" (the date may also be YYYYMMDD) that
 * follows a blank line or the start of the file, continues with its text lines, and ends at
 * the next blank line. A comment "/ * ... * /" (anywhere in the record, normally after the text)
 * holds the expectations, one per "\n{ ... }" line:
 *   { SRC / TGT / CODE } [YYMMDD]   an expected event (optionally with its own date; trailing
 *                                   text such as "(PRAISE) WELCOMED" is ignored)
 *   { --- }                         no event expected
 *   { +++ }                         the sentence is "complex": TABARI codes nothing
 *   { ### }                         the sentence is discarded
 *   { OPTION: SET: ... }            not a sentence: an .options command for the records that
 *                                   follow (the closing '}' is sometimes missing)
 *   -{ ... }                        a deactivated expectation: the header comments call these
 *                                   "Currently doesn't work -- deactivated" (TABARI's validation
 *                                   only reads "\n{" lines); kept as a count, never scored.
 * Empty braces "{}" (prose in START-00) are ignored. Lines outside records ("####" banners) are
 * skipped. A comment still open at the record's closing blank line is closed there with a
 * warning (COMPOUND-06 ends with "/ *" instead of "* /", DEFAULT-06b lacks "* /").
 *
 * End of the standard records: the record whose text says "end of the standard validation
 * records" (FINAL-01; START-00 also contains the phrase, but in quotes, which does not count)
 * has is_end = 1 and every later record after_end = 1.
 *
 * Counting in Validate.text: 480 records (headers with 6 to 8 digits, one of them "9501201",
 * read as 950120 with a warning); 471 before FINAL-01 (README: TABARI passes all 471);
 * scoreable = before FINAL-01, not an option record, and with at least one active expectation
 * (events, ---, +++ or ###): 471 - 23 option records - 5 records whose only expectations are
 * deactivated (DEMO-05, COMPOUND-08, COMPOUND-23, TIME-06, TIME-07) = 443.
 */
#ifndef PARLEY_TABARI_RECORDS_H
#define PARLEY_TABARI_RECORDS_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

typedef struct {
    const char *source, *target, *code;
    int32_t date; /* YYYYMMDD given after the braces, 0 = the record's date */
} tabari_event;

typedef struct {
    const char *id;     /* second token of the header line */
    const char *header; /* the whole header line */
    int32_t date;       /* YYYYMMDD, 0 when malformed */
    const char *text;   /* text lines joined by one blank, blanks collapsed */
    const tabari_event *events;
    size_t n_events;
    size_t n_disabled; /* "-{ ... }" expectations */
    int expect_none, expect_complex, expect_discard;
    const char **options; /* "SET: TIME SHIFT = FALSE" ... */
    size_t n_options;
    int has_comment;
    int is_end, after_end;
    int scoreable;
    long line; /* line of the header */
} tabari_record;

typedef struct {
    tabari_record *records;
    size_t n;
    size_t n_standard; /* records before the end record */
    size_t n_scoreable;
    size_t n_option_records; /* among the standard records */
    size_t n_disabled_only;  /* standard records whose expectations are all deactivated */
    unsigned warnings;       /* malformed headers, unclosed comments or braces, odd expectations */
    arena mem;               /* owns every string and array above */
} tabari_record_set;

/* Returns 0, or -1 with a message in err (file unreadable, out of memory). */
int tabari_records_read(const char *path, tabari_record_set *out, char *err, size_t errlen);
int tabari_records_read_mem(const char *text, size_t len, tabari_record_set *out, char *err,
                            size_t errlen);
void tabari_records_free(tabari_record_set *s);

#endif

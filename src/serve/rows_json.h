/* rows_json.h: store rows written straight into JSON text, for the API's lists.
 *
 * The lists (events, quotes, actors, series) are the hot path of `parley serve`: a page of 50
 * events built as a jansson tree costs some 3,000 allocations and most of a request's time, so
 * rows are written here into one growing buffer instead. jansson still parses nothing here and
 * still builds the small or rare answers (one event, errors). Strings come from the store,
 * which only holds text that arrived as valid JSON; they are escaped as JSON requires. */
#ifndef PARLEY_ROWS_JSON_H
#define PARLEY_ROWS_JSON_H

#include <stddef.h>

#include "../store/store.h"
#include "../util/textbuf.h"

/* text (malloc'd, NUL-terminated), len; failed when an allocation failed (text incomplete) */
typedef textbuf json_text;

void json_text_raw(json_text *t, const char *s, size_t n);
void json_text_cstr(json_text *t, const char *s);   /* raw, up to the NUL */
void json_text_string(json_text *t, const char *s); /* "quoted", escaped */
void json_text_long(json_text *t, long long v);
/* A number as jansson writes it with JSON_REAL_PRECISION(10): 1.0, -9.5, 20.4. */
void json_text_real(json_text *t, double v);
/* {"name": value, ...} in the row's column order. */
void json_text_row(json_text *t, const store_row *row);
void json_text_free(json_text *t);

#endif

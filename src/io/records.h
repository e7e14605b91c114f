/* records.h: write parley records as JSON lines (the output schema is in docs/output.md). */
#ifndef PARLEY_RECORDS_H
#define PARLEY_RECORDS_H

#include <jansson.h>
#include <stdio.h>

#include "../../include/parley.h"

/* Serialise one record as a JSON line (with '\n') into a malloc'd string; NULL when out of
 * memory. The article text gives the evidence and span texts. */
char *record_to_json(const parley_record *r, const parley_article *a);

/* The compact JSON text of o followed by '\n', malloc'd; takes o (decrefs it, NULL is fine);
 * NULL when out of memory. */
char *json_line(json_t *o);

#endif

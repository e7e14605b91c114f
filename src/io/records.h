/* records.h: write parley records as JSON lines (the output schema is in docs/output.md). */
#ifndef PARLEY_RECORDS_H
#define PARLEY_RECORDS_H

#include <stdio.h>

#include "../../include/parley.h"

/* Serialise one record as a JSON line (with '\n') into a malloc'd string; NULL when out of
 * memory. The article text gives the evidence and span texts. */
char *record_to_json(const parley_record *r, const parley_article *a);

#endif

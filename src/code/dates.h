/* dates.h: event dates from the text, resolved against the article's date.
 *
 * Recognised: weekdays ("on Thursday", "Thursday" -> the latest such day on or before the
 * article date), "yesterday", "today", "tonight", "last night", month-day dates ("Feb. 8",
 * "February 8", "8 February", with an optional year), "last week" / "last month" are not dated
 * (too vague) and leave the article date. Dates are YYYYMMDD integers. */
#ifndef PARLEY_DATES_H
#define PARLEY_DATES_H

#include <stdint.h>

#include "../text/token.h"

typedef struct {
    uint32_t pos; /* token index of the expression */
    int32_t date; /* YYYYMMDD */
} date_mention;

/* Find the date expressions of a sentence (at most cap). wcls, when not NULL, holds the syntax
 * layer's word classes (W_NOTNAME, W_DATE) and lets tokens that cannot be dates be skipped
 * cheaply. Returns how many. */
uint32_t dates_find(const token *t, const uint32_t *wcls, uint32_t n, int32_t article_date,
                    date_mention *out, uint32_t cap);

/* Calendar helpers. */
int32_t date_add_days(int32_t yyyymmdd, int days);
int date_weekday(int32_t yyyymmdd); /* 0 = Monday .. 6 = Sunday */

#endif

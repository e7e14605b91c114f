/* dates.c: date expressions; see dates.h. */
#include "dates.h"

#include "../syntax/words.h"

#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int32_t civil_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

int32_t date_add_days(int32_t v, int days) {
    return civil_from_days(days_from_civil(v / 10000, v / 100 % 100, v % 100) + days);
}

int date_weekday(int32_t v) {
    long z = days_from_civil(v / 10000, v / 100 % 100, v % 100);
    return (int)(((z % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday (3) */
}

static const char *const WEEKDAYS[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
static const char *const MONTHS[] = {"january",   "february", "march",    "april",
                                     "may",       "june",     "july",     "august",
                                     "september", "october",  "november", "december"};
static const char *const MONTH_ABBR[] = {"jan.", "feb.", "mar.",  "apr.", NULL,   "jun.",
                                         "jul.", "aug.", "sept.", "oct.", "nov.", "dec."};

static int month_of(const token *t) {
    for (int m = 0; m < 12; m++)
        if (!strcmp(t->norm, MONTHS[m]) || (MONTH_ABBR[m] && !strcmp(t->norm, MONTH_ABBR[m])) ||
            (m == 8 && !strcmp(t->norm, "sep.")))
            return m + 1;
    return 0;
}

static int day_number(const token *t) {
    if (!(t->flags & TOK_DIGIT) || t->norm_len > 4) return 0;
    int d = atoi(t->norm); /* "8", "8th" */
    return d >= 1 && d <= 31 ? d : 0;
}

static int year_number(const token *t) {
    if (!(t->flags & TOK_DIGIT) || t->norm_len != 4) return 0;
    int y = atoi(t->norm);
    return y >= 1900 && y <= 2100 ? y : 0;
}

static int32_t make_date(int y, int m, int d) {
    return y * 10000 + m * 100 + d;
}

/* A month-day date without a year: the latest such date not after the article (news reports
 * the past) unless it is within a week ahead (announced plans). */
static int32_t anchor_month_day(int32_t article, int m, int d) {
    int y = article / 10000;
    int32_t v = make_date(y, m, d);
    if (v > date_add_days(article, 7)) v = make_date(y - 1, m, d);
    return v;
}

uint32_t dates_find(const token *t, const uint32_t *wcls, uint32_t n, int32_t article,
                    date_mention *out, uint32_t cap) {
    uint32_t k = 0;
    if (!article) return 0;
    for (uint32_t i = 0; i < n && k < cap; i++) {
        const token *w = &t[i];
        int32_t v = 0;
        /* cheap filter: every expression starts with a capital (weekday, month) or is one of
         * yesterday/today/tonight/night */
        char c0 = w->norm[0];
        if (wcls && !(wcls[i] & (W_NOTNAME | W_DATE))) continue;
        if (!(w->flags & TOK_CAP) && c0 != 'y' && c0 != 't' && c0 != 'n' && c0 != 'a') continue;
        if (!strcmp(w->norm, "after") && i >= 2 &&
            (!strcmp(t[i - 1].norm, "day") || !strcmp(t[i - 1].norm, "days"))) {
            /* "A day after Biden said ...": what the clause reports came N days before the
             * news of the article's day */
            int nd = !strcmp(t[i - 2].norm, "a") || !strcmp(t[i - 2].norm, "one") ? 1
                     : !strcmp(t[i - 2].norm, "two")                              ? 2
                     : !strcmp(t[i - 2].norm, "three")                            ? 3
                                                                                  : 0;
            if (nd) v = date_add_days(article, -nd);
        } else if (!strcmp(w->norm, "yesterday"))
            v = date_add_days(article, -1);
        else if (!strcmp(w->norm, "today") || !strcmp(w->norm, "tonight"))
            v = article;
        else if (!strcmp(w->norm, "night") && i > 0 && !strcmp(t[i - 1].norm, "last"))
            v = date_add_days(article, -1);
        else {
            for (int wd = 0; wd < 7 && !v; wd++)
                if (!strcmp(w->norm, WEEKDAYS[wd]) && (w->flags & TOK_CAP)) {
                    int back = (date_weekday(article) - wd + 7) % 7;
                    /* "next Monday" looks ahead */
                    if (i > 0 && !strcmp(t[i - 1].norm, "next"))
                        back = -((wd - date_weekday(article) + 7) % 7
                                     ? (wd - date_weekday(article) + 7) % 7
                                     : 7);
                    else if (i > 0 && !strcmp(t[i - 1].norm, "last") && back == 0)
                        back = 7;
                    v = date_add_days(article, -back);
                }
            int m = month_of(w);
            if (!v && m && (w->flags & TOK_CAP)) {
                int d = i + 1 < n ? day_number(&t[i + 1]) : 0;
                int before = i > 0 ? day_number(&t[i - 1]) : 0; /* "8 February" */
                if (d || before) {
                    int day = d ? d : before;
                    uint32_t after = d ? i + 2 : i + 1;
                    if (after < n && !strcmp(t[after].norm, ",")) after++;
                    int y = after < n ? year_number(&t[after]) : 0;
                    v = y ? make_date(y, m, day) : anchor_month_day(article, m, day);
                }
            }
        }
        if (v) {
            out[k].pos = i;
            out[k].date = v;
            k++;
        }
    }
    return k;
}

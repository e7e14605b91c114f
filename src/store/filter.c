/* filter.c: a store_filter from named text values, checked. Shared by the command line
 * (parley query/stats/export: --from 2022-01-01) and the HTTP API (parley serve: ?from=...), so
 * that both accept and refuse the same values with the same words. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

static int all_digits(const char *v, size_t lo, size_t hi) {
    size_t n = strlen(v);
    if (n < lo || n > hi) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)v[i])) return 0;
    return 1;
}

/* YYYY-MM-DD with a month 01..12 and a day 01..31. */
static int date_ok(const char *v) {
    if (strlen(v) != 10 || v[4] != '-' || v[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)v[i])) return 0;
    int month = atoi(v + 5), day = atoi(v + 8);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static int long_in(const char *v, long lo, long hi, long *out) {
    char *end;
    if (!all_digits(v, 1, 10)) return 0;
    long n = strtol(v, &end, 10);
    if (*end || n < lo || n > hi) return 0;
    *out = n;
    return 1;
}

static int bad(char *err, size_t cap, const char *name, const char *what, const char *v) {
    snprintf(err, cap, "%s %s, got '%.60s'", name, what, v);
    return -1;
}

/* The filters whose value is kept as given, after an optional check. */
static int text_filter(store_filter *f, const char *name, const char *v, char *err, size_t cap) {
    const char **slot = !strcmp(name, "actor")    ? &f->actor
                        : !strcmp(name, "source") ? &f->source
                        : !strcmp(name, "target") ? &f->target
                        : !strcmp(name, "code")   ? &f->code
                        : !strcmp(name, "root")   ? &f->root
                        : !strcmp(name, "plover") ? &f->plover
                        : !strcmp(name, "outlet") ? &f->outlet
                        : !strcmp(name, "text")   ? &f->text
                        : !strcmp(name, "doc")    ? &f->doc
                                                  : NULL;
    if (!slot) return 0;
    if ((slot == &f->source || slot == &f->target) && !store_actor_is_code(v))
        return bad(err, cap, name, "must be an actor code prefix (upper-case letters, digits)", v);
    if (slot == &f->code && !all_digits(v, 1, 4))
        return bad(err, cap, name, "must be a CAMEO code or prefix (1 to 4 digits)", v);
    if (slot == &f->root && !(all_digits(v, 2, 2) && atoi(v) >= 1 && atoi(v) <= 20))
        return bad(err, cap, name, "must be a CAMEO root, 01 to 20", v);
    if (!v[0]) return bad(err, cap, name, "must not be empty", v);
    *slot = v;
    return 1;
}

int store_filter_set(store_filter *f, const char *name, const char *v, char *err, size_t cap) {
    long n;
    if (!strcmp(name, "from") || !strcmp(name, "to")) {
        if (!date_ok(v)) return bad(err, cap, name, "must be YYYY-MM-DD", v);
        *(name[0] == 'f' ? &f->from : &f->to) = v;
        return 1;
    }
    if (!strcmp(name, "quad")) {
        if (!long_in(v, 1, 4, &n)) return bad(err, cap, name, "takes 1..4", v);
        f->quad = (int)n;
        return 1;
    }
    if (!strcmp(name, "limit")) {
        if (!long_in(v, 1, 1000000000L, &n))
            return bad(err, cap, name, "takes a positive number", v);
        f->limit = n;
        return 1;
    }
    if (!strcmp(name, "offset")) {
        if (!long_in(v, 0, 1000000000L, &n)) return bad(err, cap, name, "takes a number from 0", v);
        f->offset = n;
        return 1;
    }
    return text_filter(f, name, v, err, cap);
}

/* textbuf.h: a growing, NUL-terminated byte buffer for text built piece by piece (export lines,
 * JSON answers). A failed allocation sets `failed` and makes later appends no-ops, so callers
 * check once at the end. */
#ifndef PARLEY_TEXTBUF_H
#define PARLEY_TEXTBUF_H

#include <stddef.h>

typedef struct {
    char *text; /* malloc'd; NULL until the first append */
    size_t len, cap;
    int failed;
} textbuf;

void textbuf_put(textbuf *b, const char *s, size_t n);
void textbuf_free(textbuf *b);

#endif

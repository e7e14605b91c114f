/* textbuf.c: see textbuf.h. */
#include "textbuf.h"

#include <stdlib.h>
#include <string.h>

void textbuf_put(textbuf *b, const char *s, size_t n) {
    if (b->failed) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *t = realloc(b->text, cap);
        if (!t) {
            b->failed = 1;
            return;
        }
        b->text = t;
        b->cap = cap;
    }
    memcpy(b->text + b->len, s, n);
    b->len += n;
    b->text[b->len] = '\0';
}

void textbuf_free(textbuf *b) {
    free(b->text);
    *b = (textbuf){0};
}

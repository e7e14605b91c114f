/* strcopy.h: bounded string copies for the coder's fixed-size code and name fields.
 *
 * They do what snprintf(dst, cap, "%s", src) did (copy at most cap - 1 bytes, always terminate
 * when cap > 0) without the format machinery, which cost ~5% of the coding time. */
#ifndef PARLEY_STRCOPY_H
#define PARLEY_STRCOPY_H

#include <stddef.h>

/* Copy src into dst[cap], cutting it at cap - 1 bytes. Returns the bytes written (no NUL). */
static inline size_t str_copy(char *dst, size_t cap, const char *src) {
    if (!cap) return 0;
    size_t i = 0;
    for (; i + 1 < cap && src[i]; i++)
        dst[i] = src[i];
    dst[i] = '\0';
    return i;
}

/* snprintf(dst, cap, "%.*s", (int)n, src): at most n bytes of src (fewer when it ends sooner),
 * cut at cap - 1 bytes. */
static inline size_t str_copy_n(char *dst, size_t cap, const char *src, size_t n) {
    if (!cap) return 0;
    size_t i = 0;
    for (; i < n && i + 1 < cap && src[i]; i++)
        dst[i] = src[i];
    dst[i] = '\0';
    return i;
}

/* snprintf(dst, cap, "%s%s", a, b): a then b, cut at cap - 1 bytes. */
static inline void str_concat(char *dst, size_t cap, const char *a, const char *b) {
    size_t n = str_copy(dst, cap, a);
    if (cap) str_copy(dst + n, cap - n, b);
}

#endif

/* fuzz_articles.c: the JSON-lines article reader (src/io/articles.c), line by line. */
#include "../src/io/articles.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *p = (const char *)data, *end = p + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        owned_article a;
        char msg[256];
        if (article_parse_json(p, len, &a, msg, sizeof msg) == 0) article_free(&a);
        p += len + (nl != NULL);
    }
    return 0;
}

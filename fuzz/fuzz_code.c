/* fuzz_code.c: the whole coder on arbitrary text (tokenizer, syntax, actors, patterns, quotes,
 * dates) with the bundled dictionaries; the first byte picks an article date. */
#include "../include/parley.h"
#include "fuzz_util.h"

static parley_dicts *dicts;
static parley_coder *coder;

static int sink(void *user, const parley_record *r) {
    (void)r;
    ++*(long *)user;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!dicts) {
        parley_error err;
        memset(&err, 0, sizeof err);
        dicts = parley_dicts_load(NULL, &err);
        if (!dicts) abort();
        parley_options opt = {.emit_all = 1, .require_dyad = 0};
        coder = parley_coder_new(dicts, &opt, &err);
        if (!coder) abort();
    }
    static const char *const dates[] = {"2022-12-02", "2009-01-11", NULL, "2024-02-29"};
    /* text_len 0 means a NUL-terminated text (parley.h): an empty input is "" */
    parley_article a = {.id = "fuzz", .date = size ? dates[data[0] % 4] : NULL,
                        .text = size ? (const char *)data : "", .text_len = size};
    long n = 0;
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_code_article(coder, &a, sink, &n, &err);
    return 0;
}

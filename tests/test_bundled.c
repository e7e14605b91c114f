/* test_bundled.c: parley's bundled dictionaries (data/) end to end, one sentence at a time.
 *
 * Each line of tests/data/bundled-cases.tsv is `DATE <TAB> EXPECTED <TAB> SENTENCE`, where
 * EXPECTED lists the events the sentence must give, in order, as SOURCE>TARGET:CODE separated
 * by spaces, or "-" for none. The sentence is coded alone, with the CLI's default options, on
 * DATE (which decides dated roles: Biden is USAGOV in 2012 and 2021, USAELI in 2018). Every
 * failing line is reported with its line number before the test fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../include/parley.h"

static parley_dicts *dicts;

typedef struct {
    char text[512];
    size_t len;
} event_list;

static int collect(void *user, const parley_record *r) {
    event_list *l = user;
    if (r->kind != PARLEY_RECORD_EVENT) return 0;
    int n = snprintf(l->text + l->len, sizeof l->text - l->len, "%s%s>%s:%s", l->len ? " " : "",
                     r->source, r->target, r->code);
    if (n > 0 && l->len + (size_t)n < sizeof l->text) l->len += (size_t)n;
    return 0;
}

static int setup(void **st) {
    (void)st;
    parley_dict_paths paths;
    memset(&paths, 0, sizeof paths);
    paths.data_dir = PARLEY_SOURCE_DIR "/data";
    parley_error err;
    memset(&err, 0, sizeof err);
    dicts = parley_dicts_load(&paths, &err);
    if (!dicts) fprintf(stderr, "cannot load the bundled dictionaries: %s\n", err.message);
    return dicts ? 0 : -1;
}

static int teardown(void **st) {
    (void)st;
    parley_dicts_free(dicts);
    return 0;
}

/* Code one sentence; the events as "SRC>TGT:CODE ..." or "-". */
static void code_sentence(parley_coder *c, const char *date, const char *text, event_list *out) {
    parley_article a = {.id = "case", .date = date, .text = text};
    parley_error err;
    memset(&err, 0, sizeof err);
    memset(out, 0, sizeof *out);
    assert_int_equal(parley_code_article(c, &a, collect, out, &err), PARLEY_OK);
    if (!out->len) snprintf(out->text, sizeof out->text, "-");
}

static void test_bundled_cases(void **st) {
    (void)st;
    const char *path = PARLEY_SOURCE_DIR "/tests/data/bundled-cases.tsv";
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    parley_options opt = {.require_dyad = 1};
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_coder *c = parley_coder_new(dicts, &opt, &err);
    assert_non_null(c);
    char line[1024];
    int lineno = 0, cases = 0, failed = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#') continue;
        char *date = line, *expected = strchr(line, '\t');
        char *text = expected ? strchr(expected + 1, '\t') : NULL;
        if (!text) fail_msg("%s:%d: expected DATE<TAB>EVENTS<TAB>SENTENCE", path, lineno);
        *expected++ = '\0';
        *text++ = '\0';
        event_list got;
        code_sentence(c, date, text, &got);
        cases++;
        if (strcmp(got.text, expected) != 0) {
            fprintf(stderr, "%s:%d: %s\n  expected %s\n  got      %s\n", path, lineno, text,
                    expected, got.text);
            failed++;
        }
    }
    fclose(f);
    parley_coder_free(c);
    fprintf(stderr, "%d cases, %d failed\n", cases, failed);
    assert_true(cases >= 40);
    assert_int_equal(failed, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_bundled_cases)};
    return cmocka_run_group_tests(tests, setup, teardown);
}

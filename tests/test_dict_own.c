/* test_dict_own.c: parley's own dictionary formats: actors with dated roles, agents, verbs,
 * codes; malformed lines are reported with file:line and skipped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dict/own_reader.h"

static char path[256];
static int nwarn;
static long warn_lines[16];

static void on_warn(void *u, const char *file, long line, const char *msg) {
    (void)u;
    (void)msg;
    assert_string_equal(file, path);
    if (nwarn < 16) warn_lines[nwarn] = line;
    nwarn++;
}

static void write_file(const char *text) {
    snprintf(path, sizeof path, "/tmp/parley_test_dict_%d.txt", (int)getpid());
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void setup_dict(dict *d) {
    assert_int_equal(dict_init(d), 0);
    d->warn = on_warn;
    nwarn = 0;
}

static void test_dated_roles(void **st) {
    (void)st;
    write_file("# people\n"
               "@ Joe Biden | Joseph R. Biden | Biden\n"
               "    USAGOV  2009-01-20  2017-01-20   # vice-president\n"
               "    USAGOV  2021-01-20  2025-01-20   # president\n"
               "    USAELI\n"
               "RUS   Russia | Russian\n");
    dict d;
    setup_dict(&d);
    char err[256];
    assert_int_equal(own_read_actors(&d, path, err, sizeof err), 0);
    assert_int_equal(nwarn, 0);
    assert_int_equal(d.actors.n, 2);
    assert_string_equal(dict_actor_code(&d, 0, 20221201), "USAGOV");
    assert_string_equal(dict_actor_code(&d, 0, 20240208), "USAGOV");
    assert_string_equal(dict_actor_code(&d, 0, 20260101), "USAELI");
    assert_string_equal(dict_actor_code(&d, 0, 20100101), "USAGOV");
    assert_string_equal(dict_actor_code(&d, 1, 20100101), "RUS");
    dict_free(&d);
}

static void test_bad_lines_reported(void **st) {
    (void)st;
    write_file("RUS   Russia\n"
               "lowercase  Nowhere\n" /* line 2: bad code */
               "@ Someone Else\n"
               "    XXXGOV  2010-01-01  2009-01-01\n" /* line 4: range backwards */
               "    XXXGOV  2001-01-01  2005-01-01\n"
               "    XXXGOV  2004-01-01  2006-01-01\n" /* line 6: overlap */
               "UKR   Ukraine\n"
               "BES   Bonaire | Bonaire, Sint Eustatius and Saba\n"); /* line 8: a comma */
    dict d;
    setup_dict(&d);
    char err[256];
    assert_int_equal(own_read_actors(&d, path, err, sizeof err), 0);
    assert_int_equal(nwarn, 4);
    assert_int_equal(warn_lines[0], 2);
    assert_int_equal(warn_lines[1], 4);
    assert_int_equal(warn_lines[2], 6);
    assert_int_equal(warn_lines[3], 8);
    assert_int_equal(d.actors.n, 4); /* RUS, Someone Else, UKR, BES (by its other name) */
    dict_free(&d);
}

static void test_verbs_and_sets(void **st) {
    (void)st;
    write_file("&TALKS = talks | negotiations\n"
               "verb talk | negotiate    [---]\n"
               "  - willing to * with +  [036]\n"
               "  - * with +             [046]\n"
               "noun talks | negotiations [040]\n"
               "garbage here\n"
               "verb broken [036\n");
    dict d;
    setup_dict(&d);
    char err[256];
    assert_int_equal(own_read_verbs(&d, path, lex_builtin(), err, sizeof err), 0);
    assert_int_equal(nwarn, 2); /* "garbage here"; missing ']' */
    assert_int_equal(warn_lines[0], 6);
    assert_int_equal(warn_lines[1], 7);
    assert_int_equal(d.verbs.n, 4);
    assert_int_equal(d.patterns.n, 2);
    const dict_pattern *p = &d.patterns.v[0];
    assert_string_equal(p->code.code, "036");
    assert_int_equal(p->before_n, 2);
    assert_int_equal(p->after_n, 2);
    assert_int_equal(d.elems.v[p->after_off + 1].kind, PE_TARGET);
    assert_int_equal(d.verbs.v[1].patterns_n, 2); /* synonyms share the block's patterns */
    dict_free(&d);
}

static void test_unreadable_file(void **st) {
    (void)st;
    dict d;
    setup_dict(&d);
    char err[256] = "";
    assert_int_equal(own_read_actors(&d, "/nonexistent/parley.txt", err, sizeof err), -1);
    assert_non_null(strstr(err, "/nonexistent/parley.txt"));
    dict_free(&d);
}

static void test_codes_table(void **st) {
    (void)st;
    write_file("code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\n"
               "036\tExpress intent to meet or negotiate\t4.0\t1\tCONSULT\t\n"
               "190\tUse conventional military force\t-10.0\t4\tASSAULT\t\n"
               "19x\tbroken\tzero\t9\t\t\n");
    dict d;
    setup_dict(&d);
    char err[256];
    assert_int_equal(own_read_codes(&d, path, err, sizeof err), 0);
    assert_int_equal(nwarn, 1);
    const dict_code_info *ci = dict_code_lookup(&d, "190");
    assert_non_null(ci);
    assert_int_equal(ci->quad_class, 4);
    assert_true(ci->goldstein < -9.9f);
    dict_free(&d);
}

static void test_capitalised_name_word(void **st) {
    (void)st;
    write_file("WST   the ^West | Western powers\n");
    dict d;
    setup_dict(&d);
    char err[256];
    assert_int_equal(own_read_actors(&d, path, err, sizeof err), 0);
    assert_int_equal(nwarn, 0);
    assert_int_equal(d.phrases.n, 2);
    const dict_phrase *p = &d.phrases.v[0];
    assert_int_equal(p->n, 2);
    assert_string_equal(intern_str(&d.strings, d.words.v[p->words_off + 1].word), "west");
    assert_true(d.words.v[p->words_off + 1].flags & DW_CAPITAL);
    assert_false(d.words.v[p->words_off].flags & DW_CAPITAL);
    assert_false(d.words.v[d.phrases.v[1].words_off].flags & DW_CAPITAL);
    dict_free(&d);
}

static void test_bundled_set_is_clean(void **st) {
    (void)st;
    /* parley's own dictionaries must load with no warning at all */
    dict d;
    setup_dict(&d);
    d.warn = NULL;
    char err[256], p[512];
    snprintf(p, sizeof p, "%s/data/cameo/codes.tsv", PARLEY_SOURCE_DIR);
    assert_int_equal(own_read_codes(&d, p, err, sizeof err), 0);
    snprintf(p, sizeof p, "%s/data/agents.txt", PARLEY_SOURCE_DIR);
    assert_int_equal(own_read_agents(&d, p, lex_builtin(), err, sizeof err), 0);
    assert_int_equal(d.warnings, 0);
    assert_true(d.codes.n >= 250);
    dict_free(&d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dated_roles),           cmocka_unit_test(test_bad_lines_reported),
        cmocka_unit_test(test_verbs_and_sets),        cmocka_unit_test(test_unreadable_file),
        cmocka_unit_test(test_codes_table),           cmocka_unit_test(test_bundled_set_is_clean),
        cmocka_unit_test(test_capitalised_name_word),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    remove(path);
    return rc;
}

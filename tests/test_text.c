/* test_text.c: the text layer: tokens, abbreviations, clitics, sentences, quotation spans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "text/token.h"

static tokenized tz;
static arena ar;

static void tok(const char *s) {
    arena_reset(&ar);
    assert_int_equal(text_tokenize(&ar, s, strlen(s), &tz), 0);
}

static const char *norm(uint32_t i) {
    return tz.toks[i].norm;
}

static void test_abbreviations_and_initials(void **st) {
    (void)st;
    tok("Mr. Biden met Vladimir V. Putin in the U.S. on Feb. 24. Then he left.");
    assert_string_equal(norm(0), "mr.");
    assert_string_equal(norm(4), "v.");
    assert_string_equal(norm(8), "u.s.");
    assert_string_equal(norm(10), "feb.");
    assert_int_equal(tz.nsents, 2);
}

static void test_sentence_end_after_us(void **st) {
    (void)st;
    tok("The talks took place in the U.S. The Kremlin said nothing.");
    assert_int_equal(tz.nsents, 2);
}

static void test_clitics(void **st) {
    (void)st;
    tok("Russia\xe2\x80\x99s army didn't move.");
    assert_string_equal(norm(0), "russia");
    assert_string_equal(norm(1), "'s");
    assert_string_equal(norm(3), "did");
    assert_string_equal(norm(4), "n't");
}

static void test_quotes_and_offsets(void **st) {
    (void)st;
    const char *s = "\xe2\x80\x9cWe are willing to negotiate,\xe2\x80\x9d Mr. Putin said.";
    tok(s);
    assert_true(tz.toks[0].flags & TOK_QOPEN);
    assert_true(tz.toks[1].flags & TOK_INQUOTE);
    assert_string_equal(norm(1), "we");
    assert_int_equal(tz.toks[1].start, 3);
    assert_int_equal(tz.toks[1].end, 5);
    uint32_t close = 0;
    for (uint32_t i = 0; i < tz.ntoks; i++)
        if (tz.toks[i].flags & TOK_QCLOSE) close = i;
    assert_string_equal(norm(close + 1), "mr.");
    assert_false(tz.toks[close + 1].flags & TOK_INQUOTE);
}

static void test_paragraphs(void **st) {
    (void)st;
    tok("First paragraph here\n\nSecond one here.");
    assert_int_equal(tz.nsents, 2);
    assert_int_equal(tz.sents[1].paragraph, 1);
}

static void test_nbsp_and_dashes(void **st) {
    (void)st;
    tok("Kyiv\xc2\xa0\xe2\x80\x94 the capital");
    assert_int_equal(tz.ntoks, 4);
    assert_string_equal(norm(1), "-");
}

static void test_invalid_utf8_is_safe(void **st) {
    (void)st;
    const char bad[] = {'a', (char)0xff, (char)0xc3, ' ', 'b', '.', 0};
    tok(bad);
    assert_true(tz.ntoks >= 2);
}

static void test_run_on_sentence_is_cut(void **st) {
    (void)st;
    static char text[4 * 1000 + 1];
    for (int i = 0; i < 1000; i++)
        memcpy(text + 4 * i, "aaa ", 4);
    text[4 * 1000] = '\0';
    tok(text);
    assert_int_equal(tz.ntoks, 1000);
    assert_int_equal(tz.nsents, 4); /* 250 tokens each */
    assert_int_equal(tz.cut_sentences, 3);
    assert_int_equal(tz.sents[1].count, TEXT_MAX_SENTENCE_TOKENS);
}

static void test_empty_and_nul(void **st) {
    (void)st;
    arena_reset(&ar);
    assert_int_equal(text_tokenize(&ar, "", 0, &tz), 0);
    assert_int_equal(tz.ntoks, 0);
    const char withnul[] = {'a', 0, 'b'};
    arena_reset(&ar);
    assert_int_equal(text_tokenize(&ar, withnul, 3, &tz), 0);
    assert_int_equal(tz.ntoks, 2);
}

int main(void) {
    arena_init(&ar, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_abbreviations_and_initials),
        cmocka_unit_test(test_sentence_end_after_us),
        cmocka_unit_test(test_clitics),
        cmocka_unit_test(test_quotes_and_offsets),
        cmocka_unit_test(test_paragraphs),
        cmocka_unit_test(test_nbsp_and_dashes),
        cmocka_unit_test(test_invalid_utf8_is_safe),
        cmocka_unit_test(test_run_on_sentence_is_cut),
        cmocka_unit_test(test_empty_and_nul),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    arena_free(&ar);
    return rc;
}

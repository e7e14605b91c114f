/* test_dates.c: date expressions resolved against the article date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "code/dates.h"

static arena ar;

static int32_t first_date(const char *text, int32_t article) {
    tokenized tz;
    arena_reset(&ar);
    assert_int_equal(text_tokenize(&ar, text, strlen(text), &tz), 0);
    date_mention dm[8];
    uint32_t n = dates_find(tz.toks, NULL, tz.ntoks, article, dm, 8);
    return n ? dm[0].date : 0;
}

static void test_calendar(void **st) {
    (void)st;
    assert_int_equal(date_weekday(20221202), 4); /* a Friday */
    assert_int_equal(date_add_days(20240301, -1), 20240229);
    assert_int_equal(date_add_days(20221231, 1), 20230101);
}

static void test_weekdays(void **st) {
    (void)st;
    /* article of Friday 2022-12-02 */
    assert_int_equal(first_date("Mr. Biden said on Thursday that", 20221202), 20221201);
    assert_int_equal(first_date("the Kremlin said on Friday", 20221202), 20221202);
    assert_int_equal(first_date("talks resumed Monday", 20221202), 20221128);
    assert_int_equal(first_date("they will meet next Monday", 20221202), 20221205);
}

static void test_relative_words(void **st) {
    (void)st;
    assert_int_equal(first_date("Yesterday the army withdrew", 20090301), 20090228);
    assert_int_equal(first_date("It was announced today", 20090301), 20090301);
    assert_int_equal(first_date("A day after Biden said he would talk", 20221202), 20221201);
    assert_int_equal(first_date("two days after the vote", 20221202), 20221130);
}

static void test_month_day(void **st) {
    (void)st;
    assert_int_equal(first_date("since Russia invaded on Feb. 24", 20221202), 20220224);
    assert_int_equal(first_date("on 11 July the militia took the city", 20060720), 20060711);
    assert_int_equal(first_date("on December 30, 2008, the army", 20090111), 20081230);
    /* a date later in the year than the article is last year's */
    assert_int_equal(first_date("on Dec. 30 the talks failed", 20090111), 20081230);
    assert_int_equal(first_date("the may be", 20090111), 0); /* "may" is not a month here */
}

int main(void) {
    arena_init(&ar, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calendar),
        cmocka_unit_test(test_weekdays),
        cmocka_unit_test(test_relative_words),
        cmocka_unit_test(test_month_day),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    arena_free(&ar);
    return rc;
}

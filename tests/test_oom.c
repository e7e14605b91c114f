/* test_oom.c: allocation failure paths. malloc/calloc/realloc/strdup of parley's own code are
 * wrapped (-Wl,--wrap) so that the N-th call fails; for every N over all the allocations of a
 * small run (load a small dictionary set, code an article), the library must return an error
 * or succeed, never crash, and free everything (the sanitizer build checks for leaks). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "parley.h"

static long countdown = -1; /* fail when it reaches 0; -1 never */
static long calls;

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);

static int should_fail(void) {
    calls++;
    if (countdown < 0) return 0;
    return countdown-- == 0;
}
void *__wrap_malloc(size_t n) { return should_fail() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t m) { return should_fail() ? NULL : __real_calloc(n, m); }
void *__wrap_realloc(void *p, size_t n) { return should_fail() ? NULL : __real_realloc(p, n); }
char *__wrap_strdup(const char *s) { return should_fail() ? NULL : __real_strdup(s); }

static char dir[256];

static void put(const char *rel, const char *text) {
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, rel);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int collect(void *user, const parley_record *r) {
    (void)r;
    ++*(int *)user;
    return 0;
}

/* One run: load, code, free. Returns the number of records, or -1 when something failed. */
static int run_once(void) {
    parley_dict_paths paths;
    memset(&paths, 0, sizeof paths);
    paths.data_dir = dir;
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_dicts *d = parley_dicts_load(&paths, &err);
    if (!d) return -1;
    parley_options opt = {.require_dyad = 1};
    parley_coder *c = parley_coder_new(d, &opt, &err);
    int n = 0;
    if (c) {
        const char *text = "Arnor condemned Gondor on Monday. \xe2\x80\x9cWe will never yield,"
                           "\xe2\x80\x9d Aragorn said. Arnorian troops shelled Minas Tirith.";
        parley_article a = {.id = "t", .date = "2020-05-05", .text = text};
        if (parley_code_article(c, &a, collect, &n, &err) != PARLEY_OK) n = -1;
        parley_coder_free(c);
    } else {
        n = -1;
    }
    parley_dicts_free(d);
    return n;
}

static void test_every_allocation_failure(void **st) {
    (void)st;
    countdown = -1;
    calls = 0;
    int full = run_once();
    assert_true(full >= 3);
    long total = calls;
    assert_true(total > 10);
    int failures = 0;
    for (long n = 0; n < total; n++) {
        countdown = n;
        int r = run_once();
        if (r < 0) failures++;
        else assert_true(r <= full);
    }
    countdown = -1;
    assert_true(failures > 0);
    assert_int_equal(run_once(), full);
}

int main(void) {
    snprintf(dir, sizeof dir, "/tmp/parley_test_oom_%d", (int)getpid());
    char p[512];
    mkdir(dir, 0755);
    snprintf(p, sizeof p, "%s/actors", dir);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/verbs", dir);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/cameo", dir);
    mkdir(p, 0755);
    put("cameo/codes.tsv", "code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\n"
                           "111\tCriticize or denounce\t-2.0\t3\tACCUSE\t\n"
                           "190\tUse conventional military force\t-10.0\t4\tASSAULT\t\n");
    put("actors/a.txt", "ARN Arnor | Arnorian\nGON Gondor\nGONGOV Minas Tirith\n"
                        "@ Aragorn Elessar | Aragorn\n    GONGOV 2019-01-01 2023-01-01\n");
    put("agents.txt", "MIL troops | army\n");
    put("verbs/v.txt", "verb condemn [111]\nverb shell | attack [190]\n  - * on + [190]\n");
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_every_allocation_failure)};
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) rc = 1;
    return rc;
}

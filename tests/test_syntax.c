/* test_syntax.c: tagging, verb groups (negation, modality, passive) and clauses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "syntax/syntax.h"

static arena ar;
static tokenized tz;
static sent_syntax syn;

static syntax_words *sw;

static void analyse(const char *s) {
    arena_reset(&ar);
    assert_int_equal(text_tokenize(&ar, s, strlen(s), &tz), 0);
    assert_int_equal(syntax_analyse(&ar, lex_builtin(), sw, tz.toks, tz.sents[0].count, &syn), 0);
}

static int find(const char *w) {
    for (uint32_t i = 0; i < syn.n; i++)
        if (strcmp(syn.toks[i].norm, w) == 0) return (int)i;
    fail_msg("token %s not found", w);
    return -1;
}

static const verb_group *group_of(const char *w) {
    int i = find(w);
    assert_true(syn.group_of[i] >= 0);
    return &syn.groups[syn.group_of[i]];
}

static void test_noun_verb_ambiguity(void **st) {
    (void)st;
    analyse("The talks began after Russia attacks Ukraine.");
    assert_int_equal(syn.tag[find("talks")], LEX_NNS);
    assert_true(tag_is_verb(syn.tag[find("attacks")]));
}

static void test_negation_and_modality(void **st) {
    (void)st;
    analyse("Biden has not spoken to Putin, but he would be willing to talk.");
    assert_true(group_of("spoken")->flags & VG_NEG);
    assert_true(group_of("would")->flags & VG_MODAL);
}

static void test_passive(void **st) {
    (void)st;
    analyse("The embassy was attacked by protesters.");
    const verb_group *g = group_of("attacked");
    assert_true(g->flags & VG_PASSIVE);
    assert_int_equal(g->head, (uint32_t)find("attacked"));
}

static void test_reported_clause(void **st) {
    (void)st;
    analyse("Peskov said that Russia was ready for talks.");
    int c = syn.clause_of[find("russia")];
    assert_int_equal(syn.clauses[c].kind, CL_REPORTED);
    assert_int_equal(syn.clauses[syn.clause_of[find("peskov")]].kind, CL_MAIN);
}

static void test_reported_clause_after_time_and_aside(void **st) {
    (void)st;
    analyse("Rasmussen, who served as secretary general, said this week during a visit that "
            "he had spoken with officials.");
    assert_int_equal(syn.clauses[syn.clause_of[find("he")]].kind, CL_REPORTED);
    assert_int_equal(syn.clauses[syn.clause_of[find("secretary")]].kind, CL_RELATIVE);
}

static void test_content_noun_that(void **st) {
    (void)st;
    analyse("Arnor expressed hopes on Thursday that Gondor would join the talks.");
    assert_int_equal(syn.clauses[syn.clause_of[find("gondor")]].kind, CL_REPORTED);
    assert_true(tag_is_noun(syn.tag[find("hopes")]));
}

static void test_conditional(void **st) {
    (void)st;
    analyse("If Russia were to attack, NATO would respond.");
    assert_true(group_of("attack")->flags & VG_COND);
}

int main(void) {
    arena_init(&ar, 0);
    sw = syntax_words_new();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_noun_verb_ambiguity),
        cmocka_unit_test(test_negation_and_modality),
        cmocka_unit_test(test_passive),
        cmocka_unit_test(test_reported_clause_after_time_and_aside),
        cmocka_unit_test(test_content_noun_that),
        cmocka_unit_test(test_reported_clause),
        cmocka_unit_test(test_conditional),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    arena_free(&ar);
    syntax_words_free(sw);
    return rc;
}

/* test_coder.c: the coder end to end on small dictionaries written by the test: actors by
 * longest match and dated roles, agents, compounds, patterns with source/target slots, passive
 * voice, negation and modality, paired codes, and quotes with speakers. */
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

static char dir[256];
static parley_dicts *dicts;

static void put(const char *rel, const char *text) {
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, rel);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **st) {
    (void)st;
    snprintf(dir, sizeof dir, "/tmp/parley_test_coder_%d", (int)getpid());
    char p[512];
    mkdir(dir, 0755);
    snprintf(p, sizeof p, "%s/actors", dir);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/verbs", dir);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/cameo", dir);
    mkdir(p, 0755);
    put("cameo/codes.tsv", "code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\n"
                           "036\tExpress intent to meet or negotiate\t4.0\t1\tCONSULT\t\n"
                           "042\tMake a visit\t1.9\t1\tCONSULT\tvisit\n"
                           "043\tHost a visit\t2.8\t1\tCONSULT\tvisit\n"
                           "057\tSign formal agreement\t8.0\t2\tAGREE\t\n"
                           "111\tCriticize or denounce\t-2.0\t3\tACCUSE\t\n"
                           "190\tUse conventional military force\t-10.0\t4\tASSAULT\t\n");
    put("actors/test.txt", "ARN    Arnor | Arnorian | Arnorians\n"
                           "GON    Gondor | Gondorian\n"
                           "GONGOV Minas Tirith\n"
                           "@ Aragorn Elessar | Aragorn\n"
                           "    GONGOV  2019-01-01  2023-01-01\n"
                           "    GONELI\n"
                           "@ Eomer Eadig\n"
                           "    ARNGOV  2019-01-01  2023-01-01\n");
    put("agents.txt", "MIL   troops | army | soldier\n"
                      "GOV   government | president\n"
                      "CVL   protester\n"
                      "OPP   opposition\n");
    put("verbs/test.txt", "verb talk | negotiate  [---]\n"
                          "  - willing to * with +  [036]\n"
                          "verb believe [023]\n"
                          "verb agree [030]\n"
                          "verb protest | rally [141]\n"
                          "verb visit [042:043]\n"
                          "verb sign [057]\n"
                          "verb attack | shell [190]\n"
                          "verb condemn | criticize [111]\n");
    parley_dict_paths paths;
    memset(&paths, 0, sizeof paths);
    paths.data_dir = dir;
    parley_error err;
    memset(&err, 0, sizeof err);
    dicts = parley_dicts_load(&paths, &err);
    if (!dicts) fail_msg("load failed: %s", err.message);
    assert_int_equal(err.warnings, 0);
    return 0;
}

static int teardown(void **st) {
    (void)st;
    parley_dicts_free(dicts);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

typedef struct {
    char lines[16][160];
    int n;
} got;

static int collect(void *user, const parley_record *r) {
    got *g = user;
    if (g->n >= 16) return 0;
    if (r->kind == PARLEY_RECORD_EVENT)
        snprintf(g->lines[g->n++], 160, "%s>%s %s%s%s%s%s", r->source, r->target, r->code,
                 r->negated ? " neg" : "", r->modality[0] ? " modal" : "",
                 r->reported_by[0] ? " by:" : "", r->reported_by);
    else
        snprintf(g->lines[g->n++], 160, "quote[%s|%s]", r->speaker, r->speaker_code);
    return 0;
}

static got code(const char *text, const char *date, int all) {
    parley_options opt = {.emit_all = all, .require_dyad = 1};
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_coder *c = parley_coder_new(dicts, &opt, &err);
    assert_non_null(c);
    parley_article a = {.id = "t", .date = date, .text = text, .text_len = strlen(text)};
    got g;
    memset(&g, 0, sizeof g);
    assert_int_equal(parley_code_article(c, &a, collect, &g, &err), PARLEY_OK);
    parley_coder_free(c);
    return g;
}

static void test_simple_event(void **st) {
    (void)st;
    got g = code("Arnor condemned Gondor on Monday.", "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "ARN>GON 111");
}

static void test_agents_and_metonyms(void **st) {
    (void)st;
    got g = code("Arnorian troops shelled Minas Tirith.", "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "ARNMIL>GONGOV 190");
}

static void test_dated_role(void **st) {
    (void)st;
    got g = code("Aragorn criticized Arnor.", "2020-05-05", 0);
    assert_string_equal(g.lines[0], "GONGOV>ARN 111");
    g = code("Aragorn criticized Arnor.", "2024-05-05", 0);
    assert_string_equal(g.lines[0], "GONELI>ARN 111");
}

static void test_pattern_slot(void **st) {
    (void)st;
    got g = code("Gondor said it would be willing to talk with Arnor.", "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "GON>ARN 036 modal by:Gondor");
}

static void test_passive(void **st) {
    (void)st;
    got g = code("Gondor was attacked by Arnor.", "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "ARN>GON 190");
}

static void test_paired_and_compound(void **st) {
    (void)st;
    got g = code("Arnor and Gondor visited Rohan and criticized Mordor.", "2020-05-05", 0);
    assert_int_equal(g.n, 0); /* no known target */
    g = code("The Arnorian president visited Gondor.", "2020-05-05", 0);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.lines[0], "ARNGOV>GON 042");
    assert_string_equal(g.lines[1], "GON>ARNGOV 043");
}

static void test_negation(void **st) {
    (void)st;
    got g = code("Arnor did not attack Gondor.", "2020-05-05", 0);
    assert_int_equal(g.n, 0);
    g = code("Arnor did not attack Gondor.", "2020-05-05", 1);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "ARN>GON 190 neg");
}

static void test_hypothetical(void **st) {
    (void)st;
    got g = code("If Arnor attacked Gondor, the world would notice.", "2020-05-05", 0);
    assert_int_equal(g.n, 0);
}

static void test_quote_speaker(void **st) {
    (void)st;
    got g = code("\xe2\x80\x9cWe will never yield,\xe2\x80\x9d Aragorn said.", "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "quote[Aragorn Elessar|GONGOV]");
}

static void test_title_phrase_is_not_the_name(void **st) {
    (void)st;
    got g = code("\xe2\x80\x9cWe will never yield,\xe2\x80\x9d Secretary of State Faramir Hurin "
                 "said.",
                 "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "quote[Faramir Hurin|]");
    /* what precedes the last title is not the name */
    g = code("\xe2\x80\x9cWe will never yield,\xe2\x80\x9d said Arnorian President Faramir "
             "Hurin.",
             "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "quote[Faramir Hurin|ARNGOV]");
}

static void test_pronoun_after_unknown_named_subject(void **st) {
    (void)st;
    /* a new reporter since the last quote wins over that quote's speaker */
    got g = code("\xe2\x80\x9cWe will never yield,\xe2\x80\x9d Aragorn said. Elrond Halfelven, "
                 "who travelled to Minas Tirith, welcomed the plan. \xe2\x80\x9cIt has to hold "
                 "now,\xe2\x80\x9d he said.",
                 "2020-05-05", 0);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.lines[0], "quote[Aragorn Elessar|GONGOV]");
    assert_string_equal(g.lines[1], "quote[Elrond Halfelven|]");
}

/* "X issued threats against Y saying ... “…”": the participle speaks for its verb's subject */
static void test_participle_after_object(void **st) {
    (void)st;
    got g = code("Troops were put on alert after Gondor issued threats against the south saying "
                 "they would turn them \xe2\x80\x9cinto a sea of fire.\xe2\x80\x9d",
                 "2020-05-05", 0);
    assert_true(g.n >= 1);
    assert_string_equal(g.lines[0], "quote[Gondor|GON]");
}

static void test_pronoun_in_own_sentence(void **st) {
    (void)st;
    got g = code("Aragorn met Elrond Halfelven. Mr. Halfelven, speaking in Sindarin, thanked his "
                 "host for what he called a \xe2\x80\x9cgrand welcome.\xe2\x80\x9d",
                 "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "quote[Elrond Halfelven|]");
}

static void test_reported_by(void **st) {
    (void)st;
    got g = code("Aragorn said that Arnor attacked Gondor.", "2020-05-05", 0);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.lines[0], "ARN>GON 190 by:Aragorn");
    /* reporting an attack on one's own side accuses the attacker */
    assert_string_equal(g.lines[1], "GONGOV>ARN 1123 by:Aragorn");
    g = code("Arnor attacked Gondor, Aragorn said.", "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "ARN>GON 190 by:Aragorn");
    /* the closing attribution is no target: "..., Arnor and Gondor said." */
    g = code("Aragorn attacked the town, Arnor and Gondor said.", "2020-05-05", 0);
    assert_int_equal(g.n, 0);
    g = code("\xe2\x80\x9cWe condemn Arnor,\xe2\x80\x9d Aragorn said.", "2020-05-05", 0);
    assert_string_equal(g.lines[1], "GONGOV>ARN 111 by:Aragorn Elessar");
}

static void test_object_pronoun_is_not_its_subject(void **st) {
    (void)st;
    got g = code("Eomer Eadig visited Minas Tirith, where Aragorn condemned him.", "2020-05-05", 0);
    assert_int_equal(g.n, 3);
    assert_string_equal(g.lines[2], "GONGOV>ARNGOV 111");
}

static void test_foreign_agents_have_no_context_country(void **st) {
    (void)st;
    got g = code("Arnor criticized Gondor. Aragorn condemned foreign troops.", "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "ARN>GON 111");
}

static void test_compound_signs_reciprocally(void **st) {
    (void)st;
    got g = code("Arnor and Gondor signed a treaty.", "2020-05-05", 0);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.lines[0], "ARN>GON 057");
    assert_string_equal(g.lines[1], "GON>ARN 057");
}

static void test_the_two_leaders_and_both_sides(void **st) {
    (void)st;
    got g = code("Aragorn met Eomer Eadig. The two leaders signed a treaty.", "2020-05-05", 0);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.lines[0], "GONGOV>ARNGOV 057");
    assert_string_equal(g.lines[1], "ARNGOV>GONGOV 057");
    g = code("Arnor attacked Gondor. Both sides signed a treaty.", "2020-05-05", 0);
    assert_int_equal(g.n, 3);
    assert_string_equal(g.lines[1], "ARN>GON 057");
    assert_string_equal(g.lines[2], "GON>ARN 057");
    /* the two countries: countries, not the protesters named since */
    g = code("Arnor attacked Gondor. Arnorian protesters criticized Aragorn. The two countries "
             "signed a treaty.",
             "2020-05-05", 0);
    assert_string_equal(g.lines[g.n - 2], "ARN>GON 057");
    assert_string_equal(g.lines[g.n - 1], "GON>ARN 057");
}

typedef struct {
    char lines[8][320];
    int n;
} problems;

static void on_problem(void *user, const char *file, long line, const char *msg) {
    problems *p = user;
    const char *base = strrchr(file, '/');
    if (p->n < 8)
        snprintf(p->lines[p->n++], sizeof p->lines[0], "%s:%ld: %s", base ? base + 1 : file, line,
                 msg);
}

/* parley dict check: unknown codes, patterns that can never fire, one name for two actors */
static void test_dict_check_finds_problems(void **st) {
    (void)st;
    put("verbs/lint.txt", "verb repel [999]\n"
                          "  - * +  [111]\n"
                          "  - * +  [190]\n");
    put("actors/lint.txt", "@ Eomer Eadig\n"
                           "    GONGOV\n");
    parley_dict_paths paths;
    memset(&paths, 0, sizeof paths);
    paths.data_dir = dir;
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_dicts *d = parley_dicts_load(&paths, &err);
    char p[512];
    snprintf(p, sizeof p, "%s/verbs/lint.txt", dir);
    remove(p);
    snprintf(p, sizeof p, "%s/actors/lint.txt", dir);
    remove(p);
    assert_non_null(d);
    problems got;
    memset(&got, 0, sizeof got);
    /* (the fixture's own "verb believe [023]" has no row in its code table either) */
    assert_int_equal(parley_dicts_check(d, on_problem, &got), 4);
    assert_string_equal(got.lines[0], "lint.txt:1: event code 999 is not in the CAMEO code table");
    assert_string_equal(got.lines[1],
                        "lint.txt:3: pattern can never fire: the pattern at line 2 matches first");
    assert_string_equal(got.lines[2], "test.txt:3: event code 023 is not in the CAMEO code table");
    const char *dup = "test.txt:7: the name 'eomer eadig' also names the actor at ";
    assert_memory_equal(got.lines[3], dup, strlen(dup));
    assert_non_null(strstr(got.lines[3], "/actors/lint.txt:1"));
    parley_dicts_free(d);
}

static void test_newer_reporter_takes_the_unattributed_quote(void **st) {
    (void)st;
    got g = code("\xe2\x80\x9cWe will never yield,\xe2\x80\x9d Aragorn said. Elrond Halfelven "
                 "commented that the plan was weak. \xe2\x80\x9cTo tell you the truth, it will "
                 "fail.\xe2\x80\x9d",
                 "2020-05-05", 0);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.lines[1], "quote[Elrond Halfelven|]");
}

/* fuzz_code's finding: an empty text (text_len 0 means NUL-terminated) and a NULL text code to
 * nothing, without reading past the buffer */
static void test_empty_article(void **st) {
    (void)st;
    got g = code("", "2020-05-05", 1);
    assert_int_equal(g.n, 0);
    parley_options opt = {.require_dyad = 1};
    parley_error err;
    memset(&err, 0, sizeof err);
    parley_coder *c = parley_coder_new(dicts, &opt, &err);
    assert_non_null(c);
    parley_article a = {.id = "null", .date = "2020-05-05", .text = NULL};
    memset(&g, 0, sizeof g);
    assert_int_equal(parley_code_article(c, &a, collect, &g, &err), PARLEY_OK);
    assert_int_equal(g.n, 0);
    parley_coder_free(c);
}

static void test_reciprocal(void **st) {
    (void)st;
    got g = code("Arnor and Gondor criticized each other.", "2020-05-05", 0);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.lines[0], "ARN>GON 111");
    assert_string_equal(g.lines[1], "GON>ARN 111");
}

static void test_we_in_quote_is_the_speaker(void **st) {
    (void)st;
    got g = code("\xe2\x80\x9cWe condemn Arnor,\xe2\x80\x9d Aragorn said.", "2020-05-05", 0);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.lines[0], "quote[Aragorn Elessar|GONGOV]");
    assert_string_equal(g.lines[1], "GONGOV>ARN 111 by:Aragorn Elessar");
}

static void test_reported_clause_target(void **st) {
    (void)st;
    got g = code("Arnor believes Gondor can cope with the drought.", "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "ARN>GON 023");
}

static void test_hedged_infinitive_is_hypothetical(void **st) {
    (void)st;
    got g = code("Arnor seemed more inclined to attack Gondor.", "2020-05-05", 0);
    assert_int_equal(g.n, 0);
    g = code("Arnor abandoned efforts to attack Gondor.", "2020-05-05", 0);
    assert_int_equal(g.n, 0);
}

static void test_negated_content_clause(void **st) {
    (void)st;
    got g = code("Arnor saw no sign that Gondor attacked Rohan or Arnor.", "2020-05-05", 0);
    assert_int_equal(g.n, 0);
    g = code("Arnor saw signs that Gondor attacked Arnor.", "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "GON>ARN 190");
    /* denied: not an event by default, flagged with --all */
    g = code("Gondor denied that Gondorian troops attacked Arnor.", "2020-05-05", 0);
    assert_int_equal(g.n, 0);
    g = code("Gondor denied claims that Gondorian troops attacked Arnor.", "2020-05-05", 1);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "GONMIL>ARN 190 neg by:Gondor");
}

static void test_relative_clause_antecedent(void **st) {
    (void)st;
    got g = code("Arnor met the president of Gondor, who criticized Arnor.", "2020-05-05", 0);
    int found = 0;
    for (int i = 0; i < g.n; i++)
        found |= !strcmp(g.lines[i], "GONGOV>ARN 111");
    assert_true(found);
}

static void test_bare_agents_take_the_place(void **st) {
    (void)st;
    got g = code("In Gondor, protesters rallied against Arnor.", "2020-05-05", 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lines[0], "GONCVL>ARN 141");
}

static void test_compound_agrees_reciprocally(void **st) {
    (void)st;
    got g = code("The Arnorian army and the opposition agreed.", "2020-05-05", 0);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.lines[0], "ARNMIL>ARNOPP 030");
    assert_string_equal(g.lines[1], "ARNOPP>ARNMIL 030");
}

static void test_he_said_after_apposition_subject(void **st) {
    (void)st;
    got g = code("Gondor's president, Aragorn Elessar, met Arnor's army. "
                 "\xe2\x80\x9cWe want peace,\xe2\x80\x9d he said.",
                 "2020-05-05", 0);
    int found = 0;
    for (int i = 0; i < g.n; i++)
        found |= !strcmp(g.lines[i], "quote[Aragorn Elessar|GONGOV]");
    assert_true(found);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple_event),
        cmocka_unit_test(test_agents_and_metonyms),
        cmocka_unit_test(test_dated_role),
        cmocka_unit_test(test_pattern_slot),
        cmocka_unit_test(test_passive),
        cmocka_unit_test(test_paired_and_compound),
        cmocka_unit_test(test_negation),
        cmocka_unit_test(test_hypothetical),
        cmocka_unit_test(test_quote_speaker),
        cmocka_unit_test(test_empty_article),
        cmocka_unit_test(test_newer_reporter_takes_the_unattributed_quote),
        cmocka_unit_test(test_dict_check_finds_problems),
        cmocka_unit_test(test_the_two_leaders_and_both_sides),
        cmocka_unit_test(test_compound_signs_reciprocally),
        cmocka_unit_test(test_object_pronoun_is_not_its_subject),
        cmocka_unit_test(test_foreign_agents_have_no_context_country),
        cmocka_unit_test(test_reported_by),
        cmocka_unit_test(test_title_phrase_is_not_the_name),
        cmocka_unit_test(test_pronoun_after_unknown_named_subject),
        cmocka_unit_test(test_pronoun_in_own_sentence),
        cmocka_unit_test(test_participle_after_object),
        cmocka_unit_test(test_reciprocal),
        cmocka_unit_test(test_we_in_quote_is_the_speaker),
        cmocka_unit_test(test_reported_clause_target),
        cmocka_unit_test(test_hedged_infinitive_is_hypothetical),
        cmocka_unit_test(test_negated_content_clause),
        cmocka_unit_test(test_relative_clause_antecedent),
        cmocka_unit_test(test_bare_agents_take_the_place),
        cmocka_unit_test(test_compound_agrees_reciprocally),
        cmocka_unit_test(test_he_said_after_apposition_subject),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

/* Unit tests for src/lex (the English lexicon).
 * Links: parley_lex + cmocka.   e.g. target_link_libraries(test_lex PRIVATE parley_lex cmocka)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lexicon.h"

static lex_info look(const char *w) {
    lex_info info;
    int known = lex_lookup(lex_builtin(), w, strlen(w), &info);
    if (!known) fail_msg("'%s' should be in the lexicon", w);
    return info;
}

static int has(lex_info i, lex_tag t) {
    return (i.tags & LEX_TAGBIT(t)) != 0;
}

#define LEMMA_EQ(word, pos, expect)                                                                \
    do {                                                                                           \
        char buf_[64];                                                                             \
        size_t n_ = lex_lemma(lex_builtin(), (word), strlen(word), (pos), buf_, sizeof buf_);      \
        assert_string_equal(buf_, (expect));                                                       \
        assert_int_equal(n_, strlen(expect));                                                      \
    } while (0)

static void test_tag_names(void **state) {
    (void)state;
    assert_true(LEX_TAG_COUNT <= 64);
    assert_string_equal(lex_tag_name(LEX_DT), "DT");
    assert_string_equal(lex_tag_name(LEX_PRPS), "PRP$");
    assert_string_equal(lex_tag_name(LEX_WPS), "WP$");
    assert_string_equal(lex_tag_name(LEX_COMMA), ",");
    assert_string_equal(lex_tag_name(LEX_TAG_NONE), "");
    assert_string_equal(lex_tag_name(LEX_TAG_COUNT), "");
    assert_string_equal(lex_tag_name((lex_tag)-3), "");
    for (int t = 1; t < LEX_TAG_COUNT; t++)
        assert_int_equal(lex_tag_from_name(lex_tag_name((lex_tag)t)), t);
    assert_int_equal(lex_tag_from_name("VBZ"), LEX_VBZ);
    assert_int_equal(lex_tag_from_name("-LRB-"), LEX_LRB);
    assert_int_equal(lex_tag_from_name("vbz"), LEX_TAG_NONE);
    assert_int_equal(lex_tag_from_name("XYZ"), LEX_TAG_NONE);
    assert_int_equal(lex_tag_from_name(""), LEX_TAG_NONE);
    assert_int_equal(lex_tag_from_name(NULL), LEX_TAG_NONE);
}

static void test_builtin(void **state) {
    (void)state;
    const lex_table *t = lex_builtin();
    assert_non_null(t);
    assert_ptr_equal(t, lex_builtin());
    assert_true(lex_count(t) > 100000); /* brill ~90k + WordNet lemmas */
}

static void test_lookup_closed_class(void **state) {
    (void)state;
    assert_int_equal(look("the").best, LEX_DT);
    assert_int_equal(look("the").tags, LEX_TAGBIT(LEX_DT)); /* closed.txt replaces brill's noise */
    assert_int_equal(look("The").best, LEX_DT);
    assert_int_equal(look("A").best, LEX_DT); /* brill 3.1.0 has NNS first here */
    assert_int_equal(look("of").best, LEX_IN);
    assert_int_equal(look("to").best, LEX_TO);
    assert_int_equal(look("and").best, LEX_CC);
    assert_int_equal(look("would").best, LEX_MD);
    assert_int_equal(look("ought").best, LEX_MD);
    assert_int_equal(look("not").best, LEX_RB);
    assert_int_equal(look("n't").best, LEX_RB);
    assert_int_equal(look("their").best, LEX_PRPS);
    assert_int_equal(look("whose").best, LEX_WPS);
    assert_int_equal(look("There").best, LEX_EX);
    assert_int_equal(look("who").best, LEX_WP);
    assert_int_equal(look("where").best, LEX_WRB);
    assert_int_equal(look("was").best, LEX_VBD);
    assert_int_equal(look("has").best, LEX_VBZ);
    assert_int_equal(look("been").best, LEX_VBN);
    lex_info that = look("that");
    assert_int_equal(that.best, LEX_IN);
    assert_true(has(that, LEX_DT) && has(that, LEX_WDT));
    assert_int_equal(look("!").best, LEX_PERIOD);
    assert_int_equal(look(",").best, LEX_COMMA);
    assert_int_equal(look("(").best, LEX_LRB);
    assert_int_equal(look("#").best, LEX_HASH); /* written \# in closed.txt */
    assert_int_equal(look("US").best, LEX_NNP);
    assert_int_equal(look("us").best, LEX_PRP);
}

static void test_lookup_open_class(void **state) {
    (void)state;
    lex_info a = look("attacked");
    assert_true(has(a, LEX_VBD));
    assert_true(has(a, LEX_VBN));
    assert_true(a.best == LEX_VBD || a.best == LEX_VBN);
    assert_true(a.wn == 0); /* an inflected form is not itself a WordNet lemma */

    lex_info n = look("negotiations");
    assert_int_equal(n.best, LEX_NNS);

    lex_info at = look("attack");
    assert_true(has(at, LEX_NN) && has(at, LEX_VB));
    assert_int_equal(at.wn & (LEX_WN_NOUN | LEX_WN_VERB), LEX_WN_NOUN | LEX_WN_VERB);

    lex_info r = look("Russian");
    assert_true(has(r, LEX_JJ) || has(r, LEX_NNP));

    /* case fallback: not in brill capitalised, found lower-cased */
    lex_info s = look("NEGOTIATIONS");
    assert_int_equal(s.best, LEX_NNS);

    /* WordNet-only word (not in brill) gets tags from its WordNet POS */
    lex_info w = look("aardwolf");
    assert_int_equal(w.best, LEX_NN);
    assert_int_equal(w.wn, LEX_WN_NOUN);

    /* exact bytes, not NUL-terminated */
    lex_info info;
    assert_int_equal(lex_lookup(lex_builtin(), "thesaurus", 3, &info), 1);
    assert_int_equal(info.best, LEX_DT);

    /* unknown words */
    assert_int_equal(lex_lookup(lex_builtin(), "qzxqzxq", 7, &info), 0);
    assert_int_equal(info.tags, 0);
    assert_int_equal(info.best, LEX_TAG_NONE);
    assert_int_equal(lex_lookup(lex_builtin(), "", 0, &info), 0);
    assert_int_equal(lex_lookup(lex_builtin(), "the", 3, NULL), 1);
    assert_int_equal(lex_lookup(NULL, "the", 3, &info), 0);
    char big[400];
    memset(big, 'a', sizeof big);
    assert_int_equal(lex_lookup(lex_builtin(), big, sizeof big, &info), 0);
}

static void test_lemma_irregular(void **state) {
    (void)state;
    LEMMA_EQ("went", 'v', "go");
    LEMMA_EQ("Went", 'v', "go");
    LEMMA_EQ("was", 'v', "be");
    LEMMA_EQ("children", 'n', "child");
    LEMMA_EQ("better", 'a', "good");
    LEMMA_EQ("better", 'r', "well");
    LEMMA_EQ("men", 'n', "man");
    LEMMA_EQ("seized", 'v', "seize");
    LEMMA_EQ("fought", 'v', "fight");
    LEMMA_EQ("lives", 'n', "life");
}

static void test_lemma_regular(void **state) {
    (void)state;
    LEMMA_EQ("stopped", 'v', "stop");
    LEMMA_EQ("tries", 'v', "try");
    LEMMA_EQ("making", 'v', "make");
    LEMMA_EQ("negotiations", 'n', "negotiation");
    LEMMA_EQ("Negotiations", 'n', "negotiation");
    LEMMA_EQ("attacked", 'v', "attack");
    LEMMA_EQ("attacks", 'n', "attack");
    LEMMA_EQ("attacks", 'v', "attack");
    LEMMA_EQ("hoping", 'v', "hope");
    LEMMA_EQ("singing", 'v', "sing");
    LEMMA_EQ("agreed", 'v', "agree");
    LEMMA_EQ("getting", 'v', "get");
    LEMMA_EQ("visiting", 'v', "visit");
    LEMMA_EQ("meeting", 'v', "meet");
    LEMMA_EQ("controlled", 'v', "control");
    LEMMA_EQ("glasses", 'n', "glass");
    LEMMA_EQ("taxes", 'n', "tax");
    LEMMA_EQ("parties", 'n', "party");
    LEMMA_EQ("soldiers", 'n', "soldier");
    LEMMA_EQ("sanctions", 'n', "sanction");
    LEMMA_EQ("condemns", 'v', "condemn");
    LEMMA_EQ("bigger", 'a', "big");
    LEMMA_EQ("larger", 'a', "large");
    LEMMA_EQ("happier", 'a', "happy");
    LEMMA_EQ("ex-presidents", 'n', "ex-president");
    /* words that are their own lemma */
    LEMMA_EQ("news", 'n', "news");
    LEMMA_EQ("species", 'n', "species");
    LEMMA_EQ("talk", 'v', "talk");
    LEMMA_EQ("need", 'v', "need");
    /* plurals WordNet does not know */
    LEMMA_EQ("ceasefires", 'n', "ceasefire");
    LEMMA_EQ("airstrikes", 'n', "airstrike");
    LEMMA_EQ("blorfies", 'n', "blorfy");
    LEMMA_EQ("blorfches", 'n', "blorfch");
    LEMMA_EQ("Blorfs", 'n', "blorfs"); /* capitalised unknown: a name, left alone */
    LEMMA_EQ("ceasefires", 'v', "ceasefires");
    /* unknown: the word lower-cased */
    LEMMA_EQ("Zelenskyy", 'n', "zelenskyy");
    LEMMA_EQ("Qzxqzxq", 'n', "qzxqzxq");
    /* other POS letters give the word lower-cased; 's' is an adjective */
    LEMMA_EQ("Attacked", 'x', "attacked");
    LEMMA_EQ("happier", 's', "happy");
    LEMMA_EQ("TRIES", 'V', "try");
}

static void test_lemma_buffer(void **state) {
    (void)state;
    char buf[8];
    memset(buf, 'x', sizeof buf);
    assert_int_equal(lex_lemma(lex_builtin(), "negotiations", 12, 'n', buf, 5), 4);
    assert_string_equal(buf, "nego");
    assert_int_equal(buf[5], 'x'); /* nothing written past cap */
    assert_int_equal(lex_lemma(lex_builtin(), "went", 4, 'v', buf, 0), 0);
    assert_int_equal(buf[0], 'n');
    assert_int_equal(lex_lemma(lex_builtin(), "went", 4, 'v', buf, 1), 0);
    assert_string_equal(buf, "");
    /* a 2-byte character that does not fit is dropped whole: "É" is C3 89 */
    assert_int_equal(lex_lemma(lex_builtin(), "ab\xC3\x89", 4, 'n', buf, 4), 2);
    assert_string_equal(buf, "ab");
    assert_int_equal(lex_lemma(lex_builtin(), "AB\xC3\x89", 4, 'n', buf, 5), 4);
    assert_string_equal(buf, "ab\xC3\xA9");
    /* overlong words pass through lower-cased and truncated */
    char big[300], out[400];
    memset(big, 'A', sizeof big);
    assert_int_equal(lex_lemma(lex_builtin(), big, sizeof big, 'n', out, sizeof out), 300);
    assert_int_equal(out[0], 'a');
    assert_int_equal(out[299], 'a');
    assert_int_equal(out[300], '\0');
    assert_int_equal(lex_lemma(NULL, "Went", 4, 'v', out, sizeof out), 4);
    assert_string_equal(out, "went");
}

static void test_guess(void **state) {
    (void)state;
    lex_tag t = lex_guess("blorfed", 7);
    assert_true(t == LEX_VBD || t == LEX_VBN);
    lex_info gi;
    lex_guess_info("blorfed", 7, &gi);
    assert_true((gi.tags & LEX_TAGBIT(LEX_VBD)) && (gi.tags & LEX_TAGBIT(LEX_VBN)));
    assert_int_equal(gi.wn, 0);
    assert_int_equal(lex_guess("blorfing", 8), LEX_VBG);
    assert_int_equal(lex_guess("blorfly", 7), LEX_RB);
    assert_int_equal(lex_guess("blorfs", 6), LEX_NNS);
    assert_int_equal(lex_guess("blorfness", 9), LEX_NN);
    assert_int_equal(lex_guess("blorfous", 8), LEX_JJ);
    assert_int_equal(lex_guess("blorfize", 8), LEX_VB);
    assert_int_equal(lex_guess("blorf", 5), LEX_NN);
    assert_int_equal(lex_guess("Blorfistan", 10), LEX_NNP);
    assert_int_equal(lex_guess("Blorfian", 8), LEX_JJ);
    assert_int_equal(lex_guess("Blorfese", 8), LEX_JJ);
    assert_int_equal(lex_guess("Blorfians", 9), LEX_NNPS);
    assert_int_equal(lex_guess("NGOs", 4), LEX_NNPS);
    assert_int_equal(lex_guess("ICC", 3), LEX_NNP);
    assert_int_equal(lex_guess("1,500", 5), LEX_CD);
    assert_int_equal(lex_guess("3.5", 3), LEX_CD);
    assert_int_equal(lex_guess("2024", 4), LEX_CD);
    assert_int_equal(lex_guess("1990s", 5), LEX_CD);
    assert_int_equal(lex_guess("22nd", 4), LEX_JJ);
    assert_int_equal(lex_guess("20-year-old", 11), LEX_JJ);
    assert_int_equal(lex_guess("Blorf-backed", 12), LEX_JJ);
    assert_int_equal(lex_guess("blorf-fires", 11), LEX_NNS);
    assert_int_equal(lex_guess("Al-Blorf", 8), LEX_NNP);
    assert_int_equal(lex_guess("anti-blorf", 10), LEX_JJ);
    assert_int_equal(lex_guess(",", 1), LEX_COMMA);
    assert_int_equal(lex_guess("?!", 2), LEX_PERIOD);
    assert_int_equal(lex_guess("...", 3), LEX_COLON);
    assert_int_equal(lex_guess("\xE2\x80\x9C", 3), LEX_LQUOTE);
    assert_int_equal(lex_guess("\xE2\x80\x99", 3), LEX_RQUOTE);
    assert_int_equal(lex_guess("@", 1), LEX_SYM);
    assert_int_equal(lex_guess("\xC3\x89tienne", 8), LEX_NNP);
    assert_int_equal(lex_guess("", 0), LEX_TAG_NONE);
    assert_int_equal(lex_guess(NULL, 3), LEX_TAG_NONE);
    char big[600];
    memset(big, 'a', sizeof big);
    memcpy(big + sizeof big - 3, "ing", 3);
    assert_int_equal(lex_guess(big, sizeof big), LEX_VBG);
}

/* Hand-made blobs for lex_open and header validation (format: top of src/lex/lexicon.c). */
static void put32(unsigned char *p, uint32_t v) {
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static uint32_t fnv(const void *d, size_t n, uint32_t h) {
    const unsigned char *p = d;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

/* A one-word blob: "blorf" NN|VB best VB, wn noun. Layout: header 64, entry at 64 (20 bytes),
 * 2 buckets at 88, no exc, strings at 96: "\0blorf\0". */
static size_t make_blob(unsigned char *b) {
    memset(b, 0, 112);
    memcpy(b, "PRLYLEX", 8);
    put32(b + 8, 1);
    put32(b + 12, 64);
    put32(b + 16, 112);
    uint32_t h = 2166136261u;
    for (int t = 1; t < LEX_TAG_COUNT; t++)
        h = fnv(lex_tag_name((lex_tag)t), strlen(lex_tag_name((lex_tag)t)) + 1, h);
    put32(b + 20, h);
    put32(b + 24, 1); /* entries */
    put32(b + 28, 64);
    put32(b + 32, 2); /* buckets */
    put32(b + 36, 88);
    put32(b + 40, 0); /* exc */
    put32(b + 44, 96);
    put32(b + 48, 96); /* strings */
    put32(b + 52, 7);
    put32(b + 64, 1);                                                   /* key offset */
    put32(b + 72, (uint32_t)(LEX_TAGBIT(LEX_NN) | LEX_TAGBIT(LEX_VB))); /* tags (low half) */
    b[80] = 5;
    b[81] = LEX_VB;
    b[82] = LEX_WN_NOUN;
    uint32_t slot = fnv("blorf", 5, 2166136261u) & 1;
    put32(b + 88 + 4 * slot, 1);
    memcpy(b + 96, "\0blorf\0", 7);
    return 112;
}

static void test_open_blob(void **state) {
    (void)state;
    unsigned char b[112];
    size_t n = make_blob(b);
    lex_table *t = lex_open(b, n);
    assert_non_null(t);
    assert_int_equal(lex_count(t), 1);
    lex_info info;
    assert_int_equal(lex_lookup(t, "blorf", 5, &info), 1);
    assert_int_equal(info.best, LEX_VB);
    assert_int_equal(info.tags, LEX_TAGBIT(LEX_NN) | LEX_TAGBIT(LEX_VB));
    assert_int_equal(info.wn, LEX_WN_NOUN);
    assert_int_equal(lex_lookup(t, "BLORF", 5, &info), 1);
    assert_int_equal(lex_lookup(t, "the", 3, &info), 0);
    char buf[16];
    lex_lemma(t, "blorfs", 6, 'n', buf, sizeof buf);
    assert_string_equal(buf, "blorf");
    lex_close(t);
    lex_close(NULL);
    lex_close((lex_table *)lex_builtin()); /* ignored */
    assert_true(lex_count(lex_builtin()) > 0);
}

static void test_bad_blobs(void **state) {
    (void)state;
    unsigned char b[112];
    size_t n = make_blob(b);
    assert_null(lex_open(b, n - 1)); /* shorter than its total size */
    assert_null(lex_open(b, 10));
    assert_null(lex_open(NULL, 0));
    static const size_t fields[] = {0, 8, 12, 16, 20, 24, 28, 32, 36, 44, 48, 52};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        make_blob(b);
        b[fields[i] + 1] ^= 0x40; /* a large change in each header field */
        assert_null(lex_open(b, n));
    }
    make_blob(b);
    b[96 + 6] = 'x'; /* strings must end with a NUL */
    assert_null(lex_open(b, n));
    /* damaged bodies never read out of bounds */
    make_blob(b);
    put32(b + 64, 1000); /* key offset beyond the strings */
    lex_table *t = lex_open(b, n);
    assert_non_null(t);
    lex_info info;
    assert_int_equal(lex_lookup(t, "blorf", 5, &info), 0);
    lex_close(t);
    make_blob(b);
    put32(b + 88, 7); /* bucket pointing past the entries */
    put32(b + 92, 7);
    t = lex_open(b, n);
    assert_non_null(t);
    assert_int_equal(lex_lookup(t, "blorf", 5, &info), 0);
    char buf[16];
    assert_int_equal(lex_lemma(t, "Blorfs", 6, 'n', buf, sizeof buf), 6);
    assert_string_equal(buf, "blorfs");
    lex_close(t);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tag_names),           cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_lookup_closed_class), cmocka_unit_test(test_lookup_open_class),
        cmocka_unit_test(test_lemma_irregular),     cmocka_unit_test(test_lemma_regular),
        cmocka_unit_test(test_lemma_buffer),        cmocka_unit_test(test_guess),
        cmocka_unit_test(test_open_blob),           cmocka_unit_test(test_bad_blobs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

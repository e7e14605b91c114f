/* syntax.c: tagger, verb groups and clauses; see syntax.h.
 *
 * Tagging is two passes: the lexicon's best tag (or a guess from the word's shape), then
 * left-to-right contextual rules that look one or two tokens back. The rules fix the ambiguities
 * that matter for event coding: noun/verb ("talks", "attack", "offer"), past tense/participle
 * ("attacked" after "was"), and capitalised words. */
#include "syntax.h"

#include <string.h>

static int is(const token *t, const char *w) {
    return t->norm[0] == w[0] && strcmp(t->norm, w) == 0; /* first byte: most differ there */
}

/* The possible tags of a punctuation token (and its best one). */
static uint64_t punct_tags(const token *t, uint8_t *best) {
    {
        char c = t->norm[0];
        *best = c == ','                             ? LEX_COMMA
                : (c == '.' || c == '!' || c == '?') ? LEX_PERIOD
                : (c == ':' || c == ';' || c == '-') ? LEX_COLON
                : (c == '(' || c == '[')             ? LEX_LRB
                : (c == ')' || c == ']')             ? LEX_RRB
                : (t->flags & TOK_QOPEN)             ? LEX_LQUOTE
                : (t->flags & TOK_QCLOSE)            ? LEX_RQUOTE
                                                     : LEX_SYM;
        return LEX_TAGBIT(*best);
    }
}

/* An inflected verb missing from the lexicon ("expels"), which the guesser reads as a plural
 * noun: when its verb lemma is a WordNet verb, the form can be a verb too. (Forms the lexicon
 * lists keep its tags: "troops" is not a verb.) Computed once per distinct word (the coder
 * caches word tags). */
/* Is w (n bytes) the regular third-person form of the verb lemma: expel+s, push+es, try>ies? */
static int regular_s_form(const char *w, size_t n, const char *lemma, size_t ln) {
    if (ln == n - 1) return !memcmp(w, lemma, ln);
    if (ln != n - 2 || memcmp(w, lemma, ln - 1) != 0) return 0;
    char last = lemma[ln - 1];
    if (w[n - 3] == 'i') return last == 'y'; /* tries */
    if (last == 's' || last == 'x' || last == 'z' || last == 'o') return w[ln - 1] == last;
    return ln >= 2 && (lemma[ln - 2] == 'c' || lemma[ln - 2] == 's') && last == 'h' &&
           w[ln - 1] == 'h'; /* marches, pushes */
}

static uint64_t with_verb_forms(const lex_table *lex, const token *t, uint64_t tags) {
    const uint64_t verbs = LEX_TAGBIT(LEX_VB) | LEX_TAGBIT(LEX_VBD) | LEX_TAGBIT(LEX_VBN) |
                           LEX_TAGBIT(LEX_VBP) | LEX_TAGBIT(LEX_VBZ) | LEX_TAGBIT(LEX_VBG);
    const char *w = t->norm;
    size_t n = t->norm_len;
    if ((tags & verbs) || n < 5 || (t->flags & TOK_CAP)) return tags;
    int s_form = w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u';
    int ed_form = w[n - 2] == 'e' && w[n - 1] == 'd';
    if (!s_form && !ed_form) return tags;
    char lemma[64];
    size_t ln = lex_lemma(lex, w, n, 'v', lemma, sizeof lemma);
    lex_info li;
    if (ln == 0 || ln >= n || !lex_lookup(lex, lemma, ln, &li) || !(li.wn & LEX_WN_VERB))
        return tags;
    if (s_form && !regular_s_form(w, n, lemma, ln)) return tags; /* not "departes" */
    return tags | (s_form ? LEX_TAGBIT(LEX_VBZ) : LEX_TAGBIT(LEX_VBD) | LEX_TAGBIT(LEX_VBN));
}

uint64_t syntax_word_tags(const lex_table *lex, const token *t, uint8_t *best) {
    lex_info li;
    if (t->flags & TOK_PUNCT) return punct_tags(t, best);
    if (lex_lookup(lex, t->norm, t->norm_len, &li)) {
        *best = (uint8_t)li.best;
        return li.tags | LEX_TAGBIT(li.best);
    }
    *best = (uint8_t)lex_guess(t->norm, t->norm_len);
    if (*best == LEX_TAG_NONE) *best = LEX_NN;
    return with_verb_forms(lex, t, LEX_TAGBIT(*best));
}

static int can(uint64_t tags, lex_tag t) {
    return (tags & LEX_TAGBIT(t)) != 0;
}
static int can_verb(uint64_t m) {
    return (m & (LEX_TAGBIT(LEX_VB) | LEX_TAGBIT(LEX_VBD) | LEX_TAGBIT(LEX_VBN) |
                 LEX_TAGBIT(LEX_VBP) | LEX_TAGBIT(LEX_VBZ) | LEX_TAGBIT(LEX_VBG))) != 0;
}
static int can_noun(uint64_t m) {
    return (m & (LEX_TAGBIT(LEX_NN) | LEX_TAGBIT(LEX_NNS) | LEX_TAGBIT(LEX_NNP) |
                 LEX_TAGBIT(LEX_NNPS))) != 0;
}
static int nominal_left(uint8_t t) {
    return t == LEX_DT || t == LEX_PRPS || t == LEX_POS || t == LEX_JJ || t == LEX_JJS ||
           t == LEX_JJR || t == LEX_CD || t == LEX_PDT || t == LEX_WPS;
}

/* Pick the noun form of an ambiguous noun/verb word. */
static uint8_t noun_form(uint64_t m, const token *t) {
    if (can(m, LEX_NNS)) return LEX_NNS;
    if (can(m, LEX_NN)) return LEX_NN;
    return (t->norm_len > 2 && t->norm[t->norm_len - 1] == 's') ? LEX_NNS : LEX_NN;
}

static uint8_t finite_form(uint64_t m, const token *t) {
    if (can(m, LEX_VBG) && t->norm_len > 4 && !strcmp(t->norm + t->norm_len - 3, "ing"))
        return LEX_VBG; /* "roads leading into": a participle, not a finite verb */
    if (can(m, LEX_VBD)) return LEX_VBD;
    if (can(m, LEX_VBZ)) return LEX_VBZ;
    if (can(m, LEX_VBP)) return LEX_VBP;
    if (can(m, LEX_VBN)) return LEX_VBN;
    if (t->norm_len > 2 && t->norm[t->norm_len - 1] == 's') return LEX_VBZ;
    return LEX_VBP;
}

/* A floating quantifier before token i, after the subject or an auxiliary: "Abbas and Olmert
 * (have) each accused the other", "the two sides both rejected". */
static int floating_quantifier(const token *tk, const uint8_t *tag, const uint32_t *wc,
                               uint32_t i) {
    if (i < 2) return 0;
    const token *q = &tk[i - 1];
    if (!(is(q, "each") || is(q, "both") || is(q, "all"))) return 0;
    return tag_is_noun(tag[i - 2]) || tag[i - 2] == LEX_PRP || (wc[i - 2] & (W_HAVE | W_MODAL));
}

static void tag_sentence(const lex_table *lex, const token *tk, const uint32_t *wc, uint32_t n,
                         const syntax_word_info *info, uint8_t *tag, uint64_t *masks) {
    for (uint32_t i = 0; i < n; i++) {
        if (info && !(tk[i].flags & TOK_PUNCT)) {
            masks[i] = info[i].tags;
            tag[i] = info[i].best;
        } else {
            masks[i] = syntax_word_tags(lex, &tk[i], &tag[i]);
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        const token *t = &tk[i];
        uint64_t m = masks[i];
        uint8_t prev = i ? tag[i - 1] : LEX_TAG_NONE;
        const token *pt = i ? &tk[i - 1] : NULL;
        if (t->flags & TOK_PUNCT) continue;
        /* Function words are reliable in the lexicon: keep them. */
        if ((wc[i] & W_BE) || (wc[i] & W_HAVE) || (wc[i] & W_DO)) {
            if (is(t, "'s")) {
                /* 's: possessive unless followed by a participle/gerund/determiner */
                tag[i] = LEX_POS;
                if (i + 1 < n &&
                    (is(&tk[i + 1], "been") || is(&tk[i + 1], "not") || is(&tk[i + 1], "got")))
                    tag[i] = LEX_VBZ;
                if (pt && (is(pt, "he") || is(pt, "she") || is(pt, "it") || is(pt, "that") ||
                           is(pt, "there") || is(pt, "what") || is(pt, "who")))
                    tag[i] = LEX_VBZ;
            }
            continue;
        }
        if ((wc[i] & W_MODAL) || (wc[i] & W_FUTURE)) {
            tag[i] = LEX_MD;
            continue;
        }
        if (wc[i] & W_TO) {
            tag[i] = LEX_TO;
            continue;
        }
        /* "had earlier called", "will later meet": a comparative between an auxiliary and a
         * verb is an adverb of the verb group, not an adjective */
        if ((tag[i] == LEX_JJR || tag[i] == LEX_RBR) && i > 0 &&
            (wc[i - 1] & (W_BE | W_HAVE | W_MODAL | W_FUTURE)) && i + 1 < n &&
            can_verb(masks[i + 1]) && !(tk[i + 1].flags & TOK_PUNCT)) {
            tag[i] = LEX_RB;
            continue;
        }
        /* An initial inside a name ("Sergey V. Lavrov"): a proper noun, not "v." (versus). */
        if ((t->flags & TOK_ABBREV) && (t->flags & TOK_CAP) && t->norm_len == 2 && i > 0 &&
            (pt->flags & TOK_CAP)) {
            tag[i] = LEX_NNP;
            continue;
        }
        /* Capitalised word not at sentence start and not a known function word: proper noun. */
        if ((t->flags & TOK_CAP) && i > 0 && !(pt->flags & TOK_QOPEN) &&
            !(m & (LEX_TAGBIT(LEX_DT) | LEX_TAGBIT(LEX_IN) | LEX_TAGBIT(LEX_CC) |
                   LEX_TAGBIT(LEX_PRP) | LEX_TAGBIT(LEX_PRPS) | LEX_TAGBIT(LEX_MD)))) {
            tag[i] = (t->norm_len > 3 && t->norm[t->norm_len - 1] == 's' && can(m, LEX_NNPS))
                         ? LEX_NNPS
                         : LEX_NNP;
            continue;
        }
        /* "Egypt brokered a truce", "Blinken travelled to Kyiv": an -ed word the lexicon
         * prefers as an adjective is a past tense after a subject and before a determiner, a
         * possessive or "to" (an adjective never stands there) */
        if (tag[i] == LEX_JJ && t->norm_len > 4 && !strcmp(t->norm + t->norm_len - 2, "ed") &&
            i > 0 && (tag_is_noun(prev) || prev == LEX_PRP) && i + 1 < n &&
            (can(masks[i + 1], LEX_DT) || can(masks[i + 1], LEX_PRPS) || (wc[i + 1] & W_TO) ||
             (tk[i + 1].flags & TOK_CAP))) { /* "Israel blockaded Gaza" */
            tag[i] = LEX_VBD;
            continue;
        }
        int verbish = can_verb(m), nounish = can_noun(m);
        if (verbish && nounish) {
            if (floating_quantifier(tk, tag, wc, i))
                tag[i] = can(m, LEX_VBN) && (wc[i - 2] & (W_HAVE | W_MODAL)) ? LEX_VBN
                                                                             : finite_form(m, t);
            else if (nominal_left(prev))
                tag[i] = noun_form(m, t);
            else if ((prev == LEX_VBD || prev == LEX_VBZ || prev == LEX_VBP) &&
                     !(wc[i - 1] & (W_BE | W_HAVE | W_DO | W_GET)))
                tag[i] = noun_form(m, t); /* a verb's object: "expressed hopes" */
            else if (prev == LEX_TO || prev == LEX_MD)
                tag[i] = can(m, LEX_VB) ? LEX_VB : LEX_VB;
            else if (prev == LEX_PRP || prev == LEX_WDT || prev == LEX_WP)
                tag[i] = finite_form(m, t);
            else if (prev == LEX_NNS || prev == LEX_NNP || prev == LEX_NNPS || prev == LEX_NN) {
                /* "Russia attacks Ukraine" (verb: an object follows) against "AU commission
                 * spokesperson" (noun compound: a noun follows) */
                uint64_t next = i + 1 < n ? masks[i + 1] : 0;
                int noun_next = i + 1 < n && !(tk[i + 1].flags & TOK_CAP) && can_noun(next) &&
                                !can(next, LEX_DT) && !can(next, LEX_IN) && !can(next, LEX_PRP) &&
                                !(wc[i + 1] & (W_TO | W_THAT | W_DATE | W_NOTNAME));
                /* a verb here has something after it: an object, a particle phrase */
                int ends = i + 1 >= n || (tk[i + 1].flags & TOK_PUNCT);
                /* "Turkey backs Azerbaijan", "Serbia recalls its ambassador" */
                int object_follows =
                    i + 1 < n && !(tk[i + 1].flags & TOK_PUNCT) &&
                    ((tk[i + 1].flags & TOK_CAP) || can(next, LEX_DT) || can(next, LEX_PRPS));
                /* "Houthi rebels attacked": a plural noun before a past tense or a modal is
                 * the subject's head, not a verb */
                int verb_next = i + 1 < n && can(m, LEX_NNS) && !(tk[i + 1].flags & TOK_PUNCT) &&
                                (can(next, LEX_VBD) || can(next, LEX_MD)) && !can_noun(next) &&
                                !can(next, LEX_DT) && !can(next, LEX_IN);
                if (noun_next || verb_next)
                    tag[i] = noun_form(m, t);
                else if (ends && tag[i] != LEX_VB && tag[i] != LEX_VBD && tag[i] != LEX_VBZ &&
                         tag[i] != LEX_VBP)
                    ; /* keep the lexicon's choice ("pulled their troops back,") */
                else if (prev != LEX_NN)
                    tag[i] = finite_form(m, t);
                else if (((i > 1 && tk[i - 2].flags & TOK_PUNCT) || i == 1) &&
                         (tag_is_verb(tag[i]) || !can(masks[i - 1], LEX_JJ) || object_follows))
                    tag[i] = finite_form(m, t); /* after a one-word noun subject ("Ethiopia
                                                   acts"), unless that word can be an adjective
                                                   and the lexicon prefers the noun ("Russian
                                                   police arrested") */
            } else if (prev == LEX_IN)
                tag[i] = can(m, LEX_VBG) ? LEX_VBG : noun_form(m, t);
        }
        if (can(m, LEX_VBD) && can(m, LEX_VBN)) {
            /* after be/get: passive participle; after have: perfect; else past tense */
            uint32_t j = i;
            while (j > 0 &&
                   (tag[j - 1] == LEX_RB || is(&tk[j - 1], "not") || is(&tk[j - 1], "n't")))
                j--;
            if (j > 0 && (wc[j - 1] & (W_BE | W_HAVE | W_GET)))
                tag[i] = LEX_VBN;
            else if (tag[i] != LEX_NN && tag[i] != LEX_NNS && tag[i] != LEX_JJ) {
                /* "occupied by Russian forces", "Americans imprisoned in Russia" (after a
                 * finite verb): participles; "Russia invaded Ukraine": past tense */
                int by_next = (i + 1 < n && !strcmp(tk[i + 1].norm, "by")) ||
                              (i + 2 < n && !strcmp(tk[i + 2].norm, "by"));
                /* a verb earlier in the same stretch (since the last comma) makes this one a
                 * participle modifying the noun before it */
                int finite_before = 0;
                for (uint32_t k = i; k-- > 0 && !finite_before;) {
                    if (tag[k] == LEX_COMMA) break;
                    finite_before = tag[k] == LEX_VBD || tag[k] == LEX_VBZ || tag[k] == LEX_VBP ||
                                    tag[k] == LEX_MD || tag[k] == LEX_VB;
                }
                int after_noun =
                    prev == LEX_NNS || prev == LEX_NNPS || prev == LEX_NN || prev == LEX_NNP;
                uint64_t nm = i + 1 < n ? masks[i + 1] : 0;
                int noun_follows = i + 1 < n && !(tk[i + 1].flags & TOK_PUNCT) &&
                                   (can_noun(nm) || can(nm, LEX_JJ)) && !can(nm, LEX_DT) &&
                                   !can(nm, LEX_IN) && !can(nm, LEX_PRP);
                /* a floating quantifier after the subject: "Abbas and Olmert (have) each
                 * accused the other", "the two sides both rejected" */
                /* "On Sunday, armed men kidnapped": a participle opening a noun phrase that
                 * is the subject of the next verb modifies the noun */
                int opens_subject = (i == 0 || prev == LEX_COMMA) && i + 2 < n &&
                                    !(wc[i] & W_REPORT) && !(tk[i + 1].flags & TOK_CAP) &&
                                    can_noun(masks[i + 1]) && !can(masks[i + 1], LEX_DT) &&
                                    !(tk[i + 1].flags & TOK_PUNCT) &&
                                    !(tk[i + 2].flags & TOK_PUNCT) &&
                                    (can(masks[i + 2], LEX_VBD) || can(masks[i + 2], LEX_VBZ) ||
                                     (wc[i + 2] & (W_BE | W_HAVE | W_MODAL | W_FUTURE)));
                if (opens_subject)
                    tag[i] = LEX_JJ;
                else if (floating_quantifier(tk, tag, wc, i))
                    tag[i] = (wc[i - 2] & (W_HAVE | W_MODAL)) ? LEX_VBN : LEX_VBD;
                else if (prev == LEX_DT || prev == LEX_PRPS)
                    tag[i] = LEX_JJ; /* "the affected villages": a participle as adjective */
                else if (prev == LEX_IN && noun_follows && !is(pt, "by") && !is(pt, "that"))
                    tag[i] = LEX_JJ; /* "warned of increased military action", "amid
                                        heightened tensions" */
                else if (tag_is_verb(prev) && !(wc[i - 1] & (W_BE | W_HAVE | W_GET)) &&
                         noun_follows)
                    tag[i] = LEX_JJ; /* "abandon improved relations" */
                else if (by_next ||
                         (finite_before && after_noun && i + 1 < n && tag[i + 1] == LEX_IN))
                    tag[i] = LEX_VBN;
                else
                    tag[i] = LEX_VBD;
            }
        }
        /* a participle right after a determiner modifies a noun: "the affected villages" */
        if ((tag[i] == LEX_VBN || tag[i] == LEX_VBG) && (prev == LEX_DT || prev == LEX_PRPS) &&
            i + 1 < n && !(tk[i + 1].flags & TOK_PUNCT)) {
            if (tag[i] == LEX_VBG && !can(masks[i + 1], LEX_DT) && !can(masks[i + 1], LEX_PRPS))
                tag[i] = LEX_NN; /* "the reopening of guest houses" */
            else if (tag[i] == LEX_VBN && (can_noun(masks[i + 1]) || can(masks[i + 1], LEX_JJ)) &&
                     !can(masks[i + 1], LEX_DT))
                tag[i] = LEX_JJ; /* "the affected villages", not "each accused the other" */
        }
        /* after to / a modal / do (skipping not, never and adverbs): the base form */
        uint32_t b = i;
        while (b > 0 && ((wc[b - 1] & W_NEG) || tag[b - 1] == LEX_RB))
            b--;
        if (b > 0 && can(m, LEX_VB) &&
            (tag[b - 1] == LEX_TO || tag[b - 1] == LEX_MD || (wc[b - 1] & W_DO)))
            tag[i] = LEX_VB;
    }
}

/* ---------------- verb groups ---------------- */

static int is_aux(uint32_t c) {
    return (c & (W_BE | W_HAVE | W_DO | W_MODAL | W_FUTURE | W_GET)) != 0;
}

static int build_groups(arena *a, sent_syntax *s) {
    uint32_t n = s->n;
    s->groups = arena_alloc(a, (n + 1) * sizeof *s->groups);
    s->group_of = arena_alloc(a, (n + 1) * sizeof *s->group_of);
    if (!s->groups || !s->group_of) return -1;
    for (uint32_t i = 0; i < n; i++)
        s->group_of[i] = -1;
    s->ngroups = 0;
    uint32_t i = 0;
    while (i < n) {
        uint8_t tg = s->tag[i];
        if (!(tag_is_verb(tg) || tg == LEX_MD || tg == LEX_TO || is_aux(s->wcls[i]))) {
            i++;
            continue;
        }
        if (tg == LEX_POS) { /* possessive 's is not "is" */
            i++;
            continue;
        }
        if (tg == LEX_TO) { /* "to" starts a verb group only before a verb: "to talk", not
                               "to the villages" */
            uint32_t k = i + 1;
            while (k < n && s->tag[k] == LEX_RB)
                k++;
            if (k >= n || !tag_is_verb(s->tag[k])) {
                i++;
                continue;
            }
        }
        /* Collect auxiliaries, adverbs and negation up to the main verb. */
        uint32_t first = i, head = i;
        uint16_t flags = 0;
        int saw_be = 0, have_aux = 0;
        uint32_t j = i;
        for (; j < n; j++) {
            const token *u = &s->toks[j];
            uint8_t ug = s->tag[j];
            uint32_t uc = s->wcls[j];
            if (uc & W_NEG) {
                flags |= VG_NEG;
                continue;
            }
            if (ug == LEX_RB && j > first) continue;
            /* "have each accused": a floating quantifier inside the group */
            if (j > first && j + 1 < n && tag_is_verb(s->tag[j + 1]) &&
                (is(u, "each") || is(u, "both") || is(u, "all")))
                continue;
            if (ug == LEX_TO && j == first) {
                flags |= VG_INF;
                continue;
            }
            if ((uc & W_MODAL) || (ug == LEX_MD && !(uc & W_FUTURE))) {
                flags |= VG_MODAL;
                head = j;
                continue;
            }
            if (uc & W_FUTURE) {
                flags |= VG_FUTURE;
                head = j;
                continue;
            }
            if (uc & (W_BE | W_GET)) {
                if (u->norm[0] == '\'' && ug == LEX_POS) break;
                saw_be = 1;
                head = j;
                if (is(u, "was") || is(u, "were")) flags |= VG_PAST;
                continue;
            }
            if (uc & (W_HAVE | W_DO)) {
                if (uc & W_HAVE) have_aux = 1;
                if (is(u, "had") || is(u, "did")) flags |= VG_PAST;
                head = j;
                continue;
            }
            if (tag_is_verb(ug)) {
                head = j;
                if (saw_be && ug == LEX_VBN) flags |= VG_PASSIVE;
                if (ug == LEX_VBD) flags |= VG_PAST;
                if (ug == LEX_VBG && j == first) flags |= VG_GERUND;
                j++;
                break;
            }
            break;
        }
        (void)have_aux;
        if (j == first) j = first + 1;
        /* "going to" + verb is future */
        verb_group *g = &s->groups[s->ngroups];
        g->first = first;
        g->head = head;
        g->flags = flags;
        g->clause = 0;
        for (uint32_t k = first; k < j && k < n; k++)
            s->group_of[k] = (int16_t)s->ngroups;
        s->ngroups++;
        i = j > i ? j : i + 1;
        if (s->ngroups >= 32000) break;
    }
    return 0;
}

/* ---------------- clauses ---------------- */

static int start_clause(arena *a, sent_syntax *s, uint32_t *cap, uint32_t first, uint8_t kind,
                        int16_t parent) {
    if (s->nclauses == *cap) {
        clause *nv = arena_alloc(a, (size_t)*cap * 2 * sizeof *nv);
        if (!nv) return -1;
        memcpy(nv, s->clauses, (size_t)s->nclauses * sizeof *nv);
        s->clauses = nv;
        *cap *= 2;
    }
    if (s->nclauses) s->clauses[s->nclauses - 1].last = first ? first - 1 : 0;
    clause *c = &s->clauses[s->nclauses++];
    c->first = first;
    c->last = s->n ? s->n - 1 : 0;
    c->kind = kind;
    c->negated = 0;
    c->parent = parent;
    return 0;
}

/* Was there a reporting verb between token `from` and `to` ("said this week during a visit to
 * Washington that ...")? */
static int reporting_in_clause(const sent_syntax *s, uint32_t from, uint32_t to) {
    for (uint32_t i = from; i < to; i++)
        if ((s->wcls[i] & W_REPORT) && tag_is_verb(s->tag[i])) return 1;
    return 0;
}

/* A time expression: "this week", "last month", "next year", "yesterday", a weekday. */
static int temporal_at(const sent_syntax *s, uint32_t i) {
    const char *w = s->toks[i].norm;
    if (s->wcls[i] & (W_DATE | W_NOTNAME)) return 1;
    return (!strcmp(w, "this") || !strcmp(w, "last") || !strcmp(w, "next") ||
            !strcmp(w, "earlier") || !strcmp(w, "later")) &&
           i + 1 < s->n && (s->wcls[i + 1] & W_TIME);
}

/* ", a senior official said": a noun phrase and a reporting verb close the sentence. */
static int attribution_follows(const sent_syntax *s, uint32_t i) {
    for (uint32_t k = i; k < s->n && k <= i + 9; k++) {
        uint8_t t = s->tag[k];
        if ((s->wcls[k] & W_REPORT) && tag_is_verb(t)) return k > i;
        if (!(tag_is_noun(t) || t == LEX_DT || t == LEX_JJ || t == LEX_POS || t == LEX_CD ||
              t == LEX_PRP || t == LEX_PRPS || t == LEX_JJS || (s->wcls[k] & W_TITLE) ||
              (is(&s->toks[k], "and") && k > i) || /* ", Saudi Arabia and the United States said" */
              (t == LEX_RB && k + 1 < s->n && s->tag[k + 1] == LEX_JJ))) /* "a visibly angry" */
            return 0;
    }
    return 0;
}

/* Does a finite verb follow within a few words, before any comma? */
static int verb_soon(const sent_syntax *s, uint32_t i) {
    for (uint32_t k = i + 1; k < s->n && k <= i + 5; k++) {
        if (s->tag[k] == LEX_COMMA || s->tag[k] == LEX_PERIOD) return 0;
        if (s->tag[k] == LEX_VBD || s->tag[k] == LEX_VBZ || s->tag[k] == LEX_VBP ||
            s->tag[k] == LEX_MD)
            return 1;
    }
    return 0;
}

/* A verb of denial within a few words before token i ("denied that", "rejected claims that"). */
static int denial_before(const sent_syntax *s, uint32_t i) {
    for (uint32_t k = i; k-- > 0 && i - k <= 4;)
        if ((s->wcls[k] & W_DENY) && tag_is_verb(s->tag[k])) return 1;
    return 0;
}

/* "no sign that", "no evidence that", "denied accusations that": the content is negated. */
static int negated_content_near(const sent_syntax *s, uint32_t i) {
    for (uint32_t k = i; k-- > 1 && i - k <= 4;)
        if ((s->wcls[k] & W_CONTENT) &&
            (!strcmp(s->toks[k - 1].norm, "no") || (s->wcls[k - 1] & W_NEG) || denial_before(s, k)))
            return 1;
    return 0;
}

/* A content noun ("hopes", "fears", "assurances") shortly before "that", in the same stretch. */
static int content_noun_near(const sent_syntax *s, uint32_t i) {
    for (uint32_t k = i; k-- > 0 && i - k <= 4;) {
        if (s->tag[k] == LEX_COMMA) return 0;
        if (s->wcls[k] & W_CONTENT) return 1;
    }
    return 0;
}

/* A clause boundary opens at subordinators, relative pronouns, "that" after a reporting verb,
 * quotation marks, and ", and"/"; but" followed by a new subject+verb. Clauses are a flat
 * sequence with parent links; the coder searches actors within a clause, then in its parent. */
static int build_clauses(arena *a, sent_syntax *s) {
    uint32_t cap = 16;
    s->clauses = arena_alloc(a, cap * sizeof *s->clauses);
    s->clause_of = arena_alloc(a, (s->n + 1) * sizeof *s->clause_of);
    if (!s->clauses || !s->clause_of) return -1;
    s->nclauses = 0;
    /* a sentence may open with a subordinate clause: "If Russia attacks, NATO will respond" */
    uint8_t first_kind = CL_MAIN;
    if (s->n && (s->wcls[0] & W_COND))
        first_kind = CL_COND;
    else if (s->n && (s->wcls[0] & W_SUBORD))
        first_kind = CL_SUBORD;
    if (start_clause(a, s, &cap, 0, first_kind, -1) < 0) return -1;
    int16_t main_idx = 0;
    for (uint32_t i = 1; i < s->n; i++) {
        const token *t = &s->toks[i];
        const token *pt = &s->toks[i - 1];
        int16_t cur = (int16_t)(s->nclauses - 1);
        uint8_t kind = 255;
        int negated_content = 0;
        uint32_t c = s->wcls[i], pc = s->wcls[i - 1];
        if (c & W_COND)
            kind = CL_COND;
        else if ((c & W_SUBORD) && is(t, "once") &&
                 (i + 1 >= s->n || s->tag[i + 1] == LEX_IN || s->tag[i + 1] == LEX_COMMA ||
                  s->tag[i + 1] == LEX_PERIOD))
            kind = 255; /* "only once since ...": an adverb */
        else if ((c & W_SUBORD) && !(is(t, "as") && !verb_soon(s, i)))
            kind = CL_SUBORD; /* "as" opens a clause only before a verb: not "served as NATO
                                 secretary general", "as well as" */
        else if ((c & W_RELATIVE) && (tag_is_noun(s->tag[i - 1]) || s->tag[i - 1] == LEX_COMMA))
            kind = CL_RELATIVE;
        else if ((c & W_THAT) && reporting_in_clause(s, s->clauses[cur].first, i)) {
            kind = CL_REPORTED;
            negated_content = denial_before(s, i); /* "denied that its troops attacked" */
        } else if ((c & W_THAT) && denial_before(s, i)) {
            kind = CL_REPORTED;
            negated_content = 1;
        } else if ((c & W_THAT) && content_noun_near(s, i)) {
            kind = CL_REPORTED; /* "expressed hopes on Thursday that ..." */
            negated_content = negated_content_near(s, i); /* "saw no sign that ..." */
        } else if ((c & W_THAT) && tag_is_noun(s->tag[i - 1]))
            kind = CL_RELATIVE;
        else if ((pc & W_REPORT) && s->group_of[i - 1] >= 0 &&
                 (tag_is_noun(s->tag[i]) || s->tag[i] == LEX_PRP || s->tag[i] == LEX_DT) &&
                 !(pt->flags & TOK_INQUOTE) && !temporal_at(s, i))
            kind = CL_REPORTED; /* "said Russia would ..." without "that" (not "said this
                                   week that ...") */
        else if ((t->flags & TOK_QOPEN))
            kind = CL_QUOTE;
        else if (pt->flags & TOK_QCLOSE && !(t->flags & TOK_INQUOTE))
            kind = CL_MAIN;
        else if ((c & W_CONJ) && !is(t, "or") && s->tag[i - 1] == LEX_COMMA)
            kind = CL_MAIN;
        else if (s->tag[i - 1] == LEX_COMMA && s->clauses[cur].first == 0 &&
                 (s->clauses[cur].kind == CL_COND || s->clauses[cur].kind == CL_SUBORD))
            kind = CL_MAIN; /* the main clause after a fronted "If ...," */
        else if (c & W_SEMI)
            kind = CL_MAIN;
        else if (s->tag[i - 1] == LEX_COMMA && attribution_follows(s, i))
            kind = CL_MAIN; /* "..., African Union mediator X said." */
        else if (s->tag[i - 1] == LEX_COMMA && s->clauses[cur].kind == CL_RELATIVE &&
                 s->clauses[cur].first >= 2 && s->tag[s->clauses[cur].first - 1] == LEX_COMMA &&
                 s->clauses[cur].parent >= 0)
            kind = 254; /* ", who served as ...," ends: back to the enclosing clause */
        if (kind == 255) {
            s->clause_of[i] = (uint16_t)cur;
            continue;
        }
        int16_t parent = kind == CL_MAIN ? -1 : cur;
        if (kind == CL_MAIN && s->clauses[cur].parent >= 0) parent = -1;
        if (kind == 254) { /* resume the enclosing clause's kind and parent */
            const clause *enc = &s->clauses[s->clauses[cur].parent];
            kind = enc->kind;
            parent = enc->parent;
        }
        if (start_clause(a, s, &cap, i, kind, parent) < 0) return -1;
        s->clauses[s->nclauses - 1].negated = (uint8_t)negated_content;
        if (kind == CL_MAIN) main_idx = (int16_t)(s->nclauses - 1);
        s->clause_of[i] = (uint16_t)(s->nclauses - 1);
        if (s->nclauses >= 30000) break;
    }
    (void)main_idx;
    if (s->n) s->clause_of[0] = 0;
    /* clause_of for tokens handled in the loop; make sure all are set */
    for (uint32_t c = 0; c < s->nclauses; c++)
        for (uint32_t i = s->clauses[c].first; i <= s->clauses[c].last && i < s->n; i++)
            s->clause_of[i] = (uint16_t)c;
    for (uint32_t g = 0; g < s->ngroups; g++) {
        verb_group *vg = &s->groups[g];
        vg->clause = s->clause_of[vg->head];
        if (s->clauses[vg->clause].kind == CL_COND) vg->flags |= VG_COND;
        if (s->clauses[vg->clause].negated) vg->flags |= VG_NEG;
        /* an infinitive inherits negation and modality from the verb it completes:
         * "would be willing to talk", "has not agreed to withdraw" */
        /* ... and so does a gerund after a preposition: "not entertaining the idea of
         * pressing Zelensky to negotiate" negates the pressing and the negotiating */
        int gerund_in = (vg->flags & VG_GERUND) && vg->first > 0 && s->tag[vg->first - 1] == LEX_IN;
        if ((vg->flags & VG_INF || gerund_in) && g > 0 && s->groups[g - 1].clause == vg->clause)
            vg->flags |= s->groups[g - 1].flags & (VG_NEG | VG_MODAL | VG_FUTURE | VG_COND);
        /* "more inclined to make concessions", "unlikely to attack", "efforts to stop the
         * parade", "a plan to attack": not an action reported */
        if ((vg->flags & VG_INF) && vg->first > 0 &&
            (s->wcls[vg->first - 1] & (W_HEDGE | W_IRREALIS)))
            vg->flags |= VG_COND;
    }
    return 0;
}

int syntax_analyse(arena *a, const lex_table *lex, const syntax_words *sw, const token *toks,
                   uint32_t n, sent_syntax *out) {
    return syntax_analyse_with(a, lex, sw, toks, n, NULL, out);
}

uint32_t syntax_token_class(const syntax_words *sw, const token *t) {
    if ((t->flags & TOK_PUNCT) && t->norm[0] != ';') return 0;
    return syntax_word_class(sw, t->norm, t->norm_len);
}

int syntax_analyse_with(arena *a, const lex_table *lex, const syntax_words *sw, const token *toks,
                        uint32_t n, const syntax_word_info *info, sent_syntax *out) {
    memset(out, 0, sizeof *out);
    out->toks = toks;
    out->n = n;
    out->wcls = arena_alloc(a, (n + 1) * sizeof *out->wcls);
    if (!out->wcls) return -1;
    for (uint32_t i = 0; i < n; i++)
        out->wcls[i] =
            info && !(toks[i].flags & TOK_PUNCT) ? info[i].wcls : syntax_token_class(sw, &toks[i]);
    out->tag = arena_alloc(a, n + 1);
    uint64_t *masks = arena_alloc(a, (n + 1) * sizeof *masks);
    if (!out->tag || !masks) return -1;
    tag_sentence(lex, toks, out->wcls, n, info, out->tag, masks);
    if (build_groups(a, out) < 0) return -1;
    return build_clauses(a, out);
}

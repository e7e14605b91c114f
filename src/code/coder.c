/* coder.c: libparley's coder: article -> sentences -> events and quotes; see coder.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strcopy.h"
#include "coder.h"
#include "dates.h"
#include "quotes.h"
#include "wordcache.h"

struct parley_coder {
    const struct parley_dicts *pd;
    parley_options opt;
    arena scratch;        /* per article, reset after each */
    word_cache words;     /* lookups per distinct word, kept across articles */
    char first_actor[32]; /* see parley_coder_first_actor */
};

parley_coder *parley_coder_new(const parley_dicts *d, const parley_options *opt,
                               parley_error *err) {
    parley_coder *c = calloc(1, sizeof *c);
    if (!c) {
        if (err) {
            err->status = PARLEY_ERR_NOMEM;
            snprintf(err->message, sizeof err->message, "out of memory");
        }
        return NULL;
    }
    c->pd = d;
    if (opt)
        c->opt = *opt;
    else
        c->opt.require_dyad = 1;
    arena_init(&c->scratch, 1 << 16);
    word_cache_init(&c->words);
    return c;
}

void parley_coder_set_options(parley_coder *c, const parley_options *opt) {
    if (c && opt) c->opt = *opt;
}

const char *parley_coder_first_actor(const parley_coder *c) {
    return c->first_actor;
}

void parley_coder_free(parley_coder *c) {
    if (!c) return;
    arena_free(&c->scratch);
    word_cache_free(&c->words);
    free(c);
}

static int32_t parse_iso_date(const char *s) {
    if (!s) return 0;
    int32_t v = dict_parse_date(s, strlen(s));
    if (v < 0 && strlen(s) >= 10) v = dict_parse_date(s, 10);
    return v < 0 ? 0 : v;
}

/* Look up every token of a sentence once, through the coder's word cache. */
static int lookup_words(parley_coder *c, const token *t, uint32_t n, word_entry *ents,
                        syntax_word_info *info) {
    for (uint32_t i = 0; i < n; i++) {
        memset(&ents[i], 0, sizeof ents[i]);
        if (t[i].flags & TOK_PUNCT) continue;
        /* copied: a later lookup may empty the cache */
        const word_entry *e = word_cache_get(&c->words, &c->pd->d, c->pd->lex, c->pd->words, &t[i]);
        if (!e) return -1;
        ents[i] = *e;
        info[i] = e->info;
    }
    return 0;
}

/* Word ids for every token: exact form, verb lemma (verbs other than the base form), noun
 * lemma (plural nouns), as the tags decide. */
static void token_ids(const sent_syntax *syn, const word_entry *ents, uint32_t n, tok_ids *ids) {
    for (uint32_t i = 0; i < n; i++) {
        const word_entry *e = &ents[i];
        ids[i].wid = ids[i].vlem = ids[i].nlem = e->wid;
        ids[i].eid = e->eid;
        ids[i].stem = e->stem;
        ids[i].nstem = e->nstem;
        if (!e->len) continue;
        uint8_t tg = syn->tag[i];
        if (tag_is_verb(tg) && tg != LEX_VB && tg != LEX_VBP)
            ids[i].vlem = e->vlem;
        else if (tg == LEX_NNS || tg == LEX_NNPS)
            ids[i].nlem = e->nlem;
    }
}

/* The set of word ids in the sentence, so that a pattern whose key word is absent is skipped
 * without being tried. */
static int build_wordset(arena *a, sent_ctx *s) {
    uint32_t cap = 64;
    while (cap < s->n * 6 + 8)
        cap *= 2;
    s->wordset = arena_calloc(a, cap, sizeof *s->wordset);
    if (!s->wordset) return -1;
    s->wordset_cap = cap;
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t ids[4] = {s->ids[i].wid, s->ids[i].vlem, s->ids[i].nlem, s->ids[i].eid};
        for (int k = 0; k < 4; k++) {
            if (!ids[k]) continue;
            uint32_t h = (ids[k] * 2654435761u) & (cap - 1);
            while (s->wordset[h] && s->wordset[h] != ids[k])
                h = (h + 1) & (cap - 1);
            s->wordset[h] = ids[k];
        }
    }
    return 0;
}

/* ---------- subject and object ---------- */

static int clause_of(const sent_ctx *s, uint32_t tok) {
    return s->syn->clause_of[tok];
}

/* The subject of the verb group whose first token is `first`: the nearest mention before it in
 * the same clause that is not the object of a preposition; failing that, in the clause this one
 * hangs from (relative clauses, infinitives, coordinated verbs). */
/* The antecedent of a relative clause: the mention right before "who/which/that" (the head of
 * "President Emmanuel Macron of France, who ..." is Macron, not France), in a prepositional
 * phrase or not. */
static int32_t relative_antecedent(const sent_ctx *s, const clause *cl) {
    if (cl->first == 0) return -1;
    uint32_t end = cl->first - 1;
    if (end > 0 && !strcmp(s->toks[end].norm, ",")) end--;
    for (uint32_t k = s->nm; k-- > 0;) {
        if (s->m[k].last != end) continue;
        const mention *m = &s->m[k];
        if (k > 0 && m->first >= 2 && !strcmp(s->toks[m->first - 1].norm, "of") &&
            s->m[k - 1].last + 2 == m->first)
            return (int32_t)(k - 1);
        return (int32_t)k;
    }
    return -1;
}

/* Is there a finite verb of clause c between tokens a and b, not coordinated with b by and/but/or
 * (adverbs aside)? */
static int other_verb_between(const sent_ctx *s, uint32_t a, uint32_t b, int c) {
    const sent_syntax *syn = s->syn;
    int found = 0, commas = 0;
    for (uint32_t i = a + 1; i < b; i++)
        commas += syn->tag[i] == LEX_COMMA;
    int in_aside = 0; /* between two commas: ", in remarks published on Monday," */
    for (uint32_t i = a + 1; i < b; i++) {
        if (syn->tag[i] == LEX_COMMA && commas >= 2) in_aside = !in_aside;
        if (in_aside) continue;
        if (syn->clause_of[i] != c || syn->group_of[i] < 0) continue;
        const verb_group *g = &syn->groups[syn->group_of[i]];
        if (g->head != i || (g->flags & (VG_INF | VG_GERUND))) continue;
        uint8_t t = syn->tag[i];
        if (t == LEX_VBD || t == LEX_VBZ || t == LEX_VBP || t == LEX_MD) found = 1;
    }
    if (!found) return 0;
    uint32_t j = b;
    while (j > a + 1 && syn->tag[j - 1] == LEX_RB)
        j--;
    return !(j > a + 1 && (syn->wcls[j - 1] & W_CONJ));
}

/* Is the verb group starting at `first` finite (tensed, or with a modal/auxiliary)? */
static int finite_at(const sent_ctx *s, uint32_t first) {
    const sent_syntax *syn = s->syn;
    if (syn->group_of[first] < 0) return 0;
    const verb_group *g = &syn->groups[syn->group_of[first]];
    if (g->flags & (VG_INF | VG_GERUND)) return 0;
    uint8_t t = syn->tag[g->head];
    return t == LEX_VBD || t == LEX_VBZ || t == LEX_VBP || t == LEX_MD ||
           (syn->wcls[g->first] & (W_BE | W_HAVE | W_DO | W_MODAL | W_FUTURE));
}

/* A participle heading its own group ("a resolution calling for", "troops deployed in"). */
static int participle_at(const sent_ctx *s, uint32_t first) {
    const sent_syntax *syn = s->syn;
    if (syn->group_of[first] < 0) return 0;
    const verb_group *g = &syn->groups[syn->group_of[first]];
    return g->first == g->head && (syn->tag[g->head] == LEX_VBG || syn->tag[g->head] == LEX_VBN);
}

/* A description in apposition stands for the name before it: "Human Rights Watch, a human
 * rights organization, ... welcomed" -> Human Rights Watch. Only a bare agent (coded from the
 * context) after "NAME, [a|an|the]". */
static int32_t appositive_head(const sent_ctx *s, uint32_t k) {
    const mention *m = &s->m[k];
    if (!m->contextual || k == 0) return (int32_t)k;
    const mention *p = &s->m[k - 1];
    if (p->in_pp || p->contextual || p->last + 2 > m->first) return (int32_t)k;
    for (uint32_t i = p->last + 1; i < m->first; i++)
        if (!(i == p->last + 1 ? !strcmp(s->toks[i].norm, ",") : s->syn->tag[i] == LEX_DT))
            return (int32_t)k;
    if (p->group >= 0 && (uint32_t)p->group != k - 1) return p->group;
    return (int32_t)(k - 1);
}

static int32_t find_subject(const sent_ctx *s, uint32_t first);

/* A verb coordinated after another verb's object: "the court accused him and requested ...",
 * "HRW warned Hezbollah on attacking civilians and called on Israel ...": its subject is the
 * earlier finite verb's, not the object before "and". Returns that verb group's first token,
 * or -1. (News reading.) */
static int32_t coordinated_after_object(const sent_ctx *s, uint32_t first) {
    const sent_syntax *syn = s->syn;
    uint32_t j = first;
    while (j > 0 && syn->tag[j - 1] == LEX_RB)
        j--;
    if (j < 2 || !(syn->wcls[j - 1] & W_CONJ) || !strcmp(s->toks[j - 1].norm, "or")) return -1;
    /* (not a passive: "called Putin and is expected to meet him" is left to the clauses) */
    if (syn->groups[syn->group_of[first]].flags & VG_PASSIVE) return -1;
    uint32_t before = j - 1;
    if (syn->tag[before - 1] == LEX_COMMA) before--;
    if (before == 0) return -1;
    /* an object phrase ends right before the conjunction */
    int obj = tag_is_noun(syn->tag[before - 1]); /* "accept the McCain amendment, and" */
    for (uint32_t k = 0; k < s->nm && !obj; k++)
        obj = s->m[k].last + 1 == before;
    if (!obj) return -1;
    /* the earlier verb is in the object's own clause (or the one it hangs from), not a
     * reported one ("the report said the U.S. made a mistake ..., and ordered": who ordered
     * is left to the clauses) */
    int oc = syn->clause_of[before - 1];
    if (syn->clauses[oc].kind == CL_REPORTED || syn->clauses[oc].kind == CL_QUOTE) return -1;
    for (int g = syn->group_of[first]; g-- > 0;) {
        const verb_group *vg = &syn->groups[g];
        if (vg->head >= before || !finite_at(s, vg->first)) continue;
        if (vg->clause != oc && vg->clause != syn->clauses[oc].parent) continue;
        return (int32_t)vg->first;
    }
    return -1;
}

static int32_t find_subject(const sent_ctx *s, uint32_t first) {
    if (!s->tabari && s->syn->group_of[first] >= 0 && finite_at(s, first)) {
        int32_t prev = coordinated_after_object(s, first);
        if (prev >= 0) return find_subject(s, (uint32_t)prev);
    }
    /* "recruits intended to continue fighting": a participle after a chain of verbs that
     * follows a plain noun has that noun as its subject, not a mention further back (news
     * reading only) */
    if (!s->tabari && participle_at(s, first)) {
        uint32_t i = first, verbs = 0;
        while (i > 0 && (tag_is_verb(s->syn->tag[i - 1]) || s->syn->tag[i - 1] == LEX_RB ||
                         !strcmp(s->toks[i - 1].norm, "to"))) {
            verbs += tag_is_verb(s->syn->tag[i - 1]);
            i--;
        }
        if (verbs > 0 && i > 0 && tag_is_noun(s->syn->tag[i - 1]) && tag_is_verb(s->syn->tag[i])) {
            int named = 0;
            for (uint32_t k = 0; k < s->nm && !named; k++)
                named = s->m[k].first < i && s->m[k].last + 1 >= i;
            if (!named) return -1;
        }
    }
    int c = clause_of(s, first);
    int32_t fallback = -1;
    for (int depth = 0; depth < 4 && c >= 0; depth++) {
        const clause *cl = &s->syn->clauses[c];
        for (uint32_t k = s->nm; k-- > 0;) {
            const mention *m = &s->m[k];
            if (m->last >= first || m->first < cl->first) continue;
            /* skip a compound's later members: the subject is the whole group */
            if (m->group >= 0 && (uint32_t)m->group != k) continue;
            /* quoted words are not the subject of the narrative's verb */
            if ((s->toks[m->first].flags & TOK_INQUOTE) && !(s->toks[first].flags & TOK_INQUOTE))
                continue;
            if (!m->in_pp) {
                /* "I believe in doing so, the council has provided": a finite verb between
                 * the mention and this verb has it as its subject, unless the two verbs are
                 * coordinated ("condemned the attack and promised aid") */
                if (depth == 0 && !participle_at(s, first) &&
                    other_verb_between(s, m->last, first, c))
                    return -1;
                /* "her father went to fight": a possessive pronoun before a plain noun is
                 * the possessor, not the subject (news reading only) */
                if (!s->tabari && m->pronoun && m->first == m->last && m->last + 1 < first &&
                    tag_is_noun(s->syn->tag[m->last + 1]) &&
                    (!strcmp(s->toks[m->first].norm, "her") ||
                     !strcmp(s->toks[m->first].norm, "his") ||
                     !strcmp(s->toks[m->first].norm, "its") ||
                     !strcmp(s->toks[m->first].norm, "their")))
                    return -1;
                return appositive_head(s, k);
            }
            if (fallback < 0) fallback = (int32_t)k;
        }
        if (cl->kind == CL_REPORTED || cl->kind == CL_QUOTE) break;
        /* an adverbial clause with a finite verb has its own subject ("after crowds burned") */
        if ((cl->kind == CL_SUBORD || cl->kind == CL_COND) && depth == 0 && finite_at(s, first))
            break;
        if (cl->kind == CL_RELATIVE && (s->syn->wcls[cl->first] & W_RELATIVE)) {
            int32_t ante = relative_antecedent(s, cl);
            if (ante >= 0) return ante;
        }
        if (cl->kind == CL_MAIN) {
            /* a coordinated clause ("..., and promised aid"): look back one clause, over an
             * embedded quotation ("called the arrests “an outrageous attack” and urged ...") */
            if (c == 0) break;
            /* "Russia, which opposes sanctions, criticised Britain": the clause resumed after a
             * relative aside has the aside's antecedent as its subject (news reading only) */
            int bare = 1; /* no mention of its own before the verb */
            for (uint32_t k = 0; k < s->nm && bare; k++)
                bare = !(s->m[k].first >= cl->first && s->m[k].first < first);
            if (depth == 0 && !s->tabari && bare && cl->first > 0 &&
                s->syn->tag[cl->first - 1] == LEX_COMMA) {
                int p = c - 1;
                while (p > 0 && s->syn->clauses[p].kind != CL_RELATIVE &&
                       s->syn->clauses[p].parent >= 0)
                    p = s->syn->clauses[p].parent;
                const clause *rel = &s->syn->clauses[p];
                if (rel->kind == CL_RELATIVE && (s->syn->wcls[rel->first] & W_RELATIVE) &&
                    rel->first >= 2 && s->syn->tag[rel->first - 1] == LEX_COMMA) {
                    int32_t ante = relative_antecedent(s, rel);
                    if (ante >= 0) return appositive_head(s, ante);
                }
            }
            c = c - 1;
            while (c > 0 && s->syn->clauses[c].kind == CL_QUOTE && s->syn->clauses[c].parent >= 0)
                c = s->syn->clauses[c].parent;
            if (s->syn->clauses[c].kind != CL_MAIN) break;
            continue;
        }
        c = cl->parent;
    }
    return fallback;
}

/* "the roads leading into Mordor", "memos sent by Bree": a participle modifying the noun
 * before it, inside the object phrase (unlike "capable of striking"). */
static int participle_after_noun(const sent_ctx *s, uint32_t i) {
    uint8_t t = s->syn->tag[i];
    return (t == LEX_VBG || t == LEX_VBN) && i > 0 && tag_is_noun(s->syn->tag[i - 1]) &&
           s->syn->groups[s->syn->group_of[i]].first == i;
}

/* Does "as part of [a|an|the]" end right before token i? */
static int as_part_of(const sent_ctx *s, uint32_t i) {
    if (i > 0 && s->syn->tag[i - 1] == LEX_DT) i--;
    return i >= 3 && !strcmp(s->toks[i - 1].norm, "of") && !strcmp(s->toks[i - 2].norm, "part") &&
           !strcmp(s->toks[i - 3].norm, "as");
}

/* The object: the first mention after the anchor in the same clause (or the next clause when
 * that one is an infinitive or a relative that begins right after it). */
static int32_t find_object(const sent_ctx *s, uint32_t last, int32_t not_this) {
    int c = clause_of(s, last);
    const clause *cl = &s->syn->clauses[c];
    for (uint32_t k = 0; k < s->nm; k++) {
        const mention *m = &s->m[k];
        if (m->first <= last || (int32_t)k == not_this) continue;
        if (not_this >= 0 && s->m[not_this].group >= 0 && m->group == s->m[not_this].group)
            continue;
        if (m->first > cl->last) break;
        if (m->group >= 0 && (uint32_t)m->group != k) continue;
        if (as_part_of(s, m->first)) continue; /* "crossed the border as part of an ECOWAS force" */
        /* the object comes before the next verb of the clause ("launched missiles capable of
         * striking Israel": Israel is not what was launched) */
        for (uint32_t i = last + 1; i < m->first; i++)
            if (tag_is_verb(s->syn->tag[i]) && s->syn->group_of[i] >= 0 &&
                s->syn->groups[s->syn->group_of[i]].head == i &&
                !(s->syn->groups[s->syn->group_of[i]].flags & VG_INF) &&
                !participle_after_noun(s, i))
                return -1;
        return (int32_t)k;
    }
    return -1;
}

static int32_t find_agent_by(const sent_ctx *s, uint32_t last) {
    for (uint32_t i = last + 1; i < s->n && i < last + 6; i++)
        if (strcmp(s->toks[i].norm, "by") == 0) {
            for (uint32_t k = 0; k < s->nm; k++)
                if (s->m[k].first > i && s->m[k].first <= i + 3) return (int32_t)k;
            return -1;
        }
    return -1;
}

/* ---------- events ---------- */

typedef struct {
    parley_coder *c;
    const parley_article *a;
    parley_record_fn fn;
    void *user;
    int stopped;
    const tokenized *tz;
    uint32_t sent_index;
    char date[11];         /* the article date */
    date_mention dates[8]; /* date expressions of the current sentence */
    uint32_t ndates;
    const quote_state *quotes; /* the current sentence's attributed quotes */
} emit_ctx;

static parley_span span_of(const sent_ctx *s, uint32_t first, uint32_t last) {
    parley_span sp = {s->toks[first].start, s->toks[last].end};
    return sp;
}

static int mention_text(const emit_ctx *e, const sent_ctx *s, const mention *m, char *buf,
                        size_t cap) {
    size_t len = s->toks[m->last].end - s->toks[m->first].start;
    if (len >= cap) len = cap - 1;
    memcpy(buf, e->a->text + s->toks[m->first].start, len);
    buf[len] = '\0';
    return 1;
}

/* "Sudan's army attacked the town, Saudi Arabia and the United States said.": the sentence's
 * last clause is an attribution after a comma (see attribution_follows in syntax.c); its
 * subject reports what comes before it. */
static int tail_reporter(const emit_ctx *e, const sent_ctx *s, uint32_t i, char *buf, size_t cap) {
    const sent_syntax *syn = s->syn;
    if (syn->nclauses < 2) return 0;
    const clause *tail = &syn->clauses[syn->nclauses - 1];
    if (tail->kind != CL_MAIN || tail->first == 0 || i >= tail->first ||
        syn->tag[tail->first - 1] != LEX_COMMA)
        return 0;
    uint32_t verb = tail->first;
    while (verb <= tail->last && !((syn->wcls[verb] & W_REPORT) && tag_is_verb(syn->tag[verb])))
        verb++;
    if (verb > tail->last) return 0;
    for (uint32_t k = 0; k < s->nm; k++)
        if (s->m[k].first >= tail->first && s->m[k].last < verb)
            return mention_text(e, s, &s->m[k], buf, cap);
    return 0;
}

/* Who reports the event at token i when it stands in a reported clause ("Blinken said Russia
 * had attacked ...") or before a closing attribution: the words of the reporting clause's subject,
 * the nearest coded mention before the reporting verb, written into buf. Returns 0 when the event
 * is not reported. */
static int reporter_of(const emit_ctx *e, const sent_ctx *s, uint32_t i, char *buf, size_t cap) {
    const sent_syntax *syn = s->syn;
    int32_t c = syn->clause_of[i];
    while (c >= 0 && syn->clauses[c].kind != CL_REPORTED)
        c = syn->clauses[c].parent;
    if (c < 0) return tail_reporter(e, s, i, buf, cap);
    if (syn->clauses[c].first == 0) return 0;
    int32_t p = syn->clauses[c].parent;
    uint32_t floor = p >= 0 ? syn->clauses[p].first : 0, verb = syn->clauses[c].first;
    while (verb > floor && !tag_is_verb(syn->tag[verb]))
        verb--;
    for (uint32_t k = s->nm; k-- > 0;) {
        const mention *m = &s->m[k];
        if (m->last >= verb || m->first < floor || m->in_pp) continue;
        return mention_text(e, s, m, buf, cap);
    }
    return 0;
}

static void emit_one(emit_ctx *e, const sent_ctx *s, const verb_match *vm, const mention *src,
                     const char *src_code, const mention *tgt, const char *tgt_code,
                     const char *code, uint16_t vgflags) {
    const dict *d = &s->pd->d;
    parley_record r;
    memset(&r, 0, sizeof r);
    r.kind = PARLEY_RECORD_EVENT;
    r.doc = e->a->id ? e->a->id : "";
    r.sentence = (int)e->sent_index;
    r.sentence_span.start = s->toks[0].start;
    r.sentence_span.end = s->toks[s->n - 1].end;
    /* the event's date: the nearest date expression in the sentence, else the article's */
    char evdate[32];
    r.date = e->date;
    r.date_source = e->date[0] ? "article" : "";
    const date_mention *best = NULL;
    uint32_t bestd = UINT32_MAX;
    for (uint32_t k = 0; k < e->ndates; k++) {
        uint32_t dist = e->dates[k].pos > vm->anchor_first ? e->dates[k].pos - vm->anchor_first
                                                           : vm->anchor_first - e->dates[k].pos;
        if (dist < bestd) {
            bestd = dist;
            best = &e->dates[k];
        }
    }
    if (best) {
        int32_t v = best->date;
        snprintf(evdate, sizeof evdate, "%04d-%02d-%02d", (int)(v / 10000), (int)(v / 100 % 100),
                 (int)(v % 100));
        r.date = evdate;
        r.date_source = "text";
    }
    r.source = src_code ? src_code : "";
    r.target = tgt_code ? tgt_code : "";
    r.code = code;
    char root[3] = {code[0], code[1], 0};
    r.root = root;
    const dict_code_info *ci = dict_code_lookup(d, code);
    if (ci) {
        r.quad_class = ci->quad_class;
        r.goldstein = ci->goldstein;
        r.plover = ci->plover;
    } else {
        r.plover = "";
    }
    if (src) r.source_span = span_of(s, src->first, src->last);
    if (tgt) r.target_span = span_of(s, tgt->first, tgt->last);
    r.verb_span = span_of(s, vm->anchor_first, vm->anchor_last);
    r.pattern = vm->pattern ? intern_str(&d->strings, vm->pattern->text)
                : vm->verb  ? intern_str(&d->strings, vm->verb->text)
                            : "reported words: a demand (X must ...) or an accusation";
    r.negated = (vgflags & VG_NEG) != 0;
    r.modality = (vgflags & VG_COND)     ? "hypothetical"
                 : (vgflags & VG_MODAL)  ? "modal"
                 : (vgflags & VG_FUTURE) ? "future"
                                         : "";
    /* an event coded from quoted words is reported by the quote's speaker */
    const quote_span *qsp = e->quotes ? quotes_span_at(e->quotes, vm->anchor_first) : NULL;
    char reporter[96];
    r.reported_by = qsp                                                              ? qsp->who.name
                    : reporter_of(e, s, vm->anchor_first, reporter, sizeof reporter) ? reporter
                                                                                     : "";
    r.speaker = r.speaker_code = "";
    if (e->fn(e->user, &r)) e->stopped = 1;
}

/* Self-events: the same code, or a bare country and one of its own state organs
 * ("France" and "FRAGOV" in "Macron reaffirmed France's support"). */
/* Is the sector code (after the country) one of the state's own organs? */
static int state_organ(const char *sector) {
    static const char *const STATE[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", NULL};
    for (int k = 0; STATE[k]; k++)
        if (!strncmp(sector, STATE[k], 3)) return 1;
    return 0;
}

/* Armed non-state sectors: they attack places ("the PKK attacked Hakkari"). */
static int armed_sector(const char *sector) {
    return !strncmp(sector, "REB", 3) || !strncmp(sector, "INS", 3) || !strncmp(sector, "UAF", 3);
}

/* Source a and target b are one actor: the same code, or a bare country (often a place or an
 * adjective: "Kentucky", "Canadian") and something of that country; except that armed groups
 * act on a bare country or place ("the PKK attacked Hakkari", "insurgents took over Somalia"). */
static int same_actor(const char *a, const char *b) {
    if (!strcmp(a, b)) return 1;
    size_t la = strlen(a), lb = strlen(b);
    if (la == 3 && lb > 3 && !strncmp(a, b, 3)) return 1;
    if (lb == 3 && la > 3 && !strncmp(a, b, 3)) return state_organ(a + 3) || !armed_sector(a + 3);
    return 0;
}

/* One side of an event: a code and the mention it comes from. */
typedef struct {
    char code[32];
    const mention *m;
} side;

/* The codes of a mention's compound group; a code written "A/B/C" in a dictionary names
 * several actors at once (TABARI/PETRARCH convention). */
static int group_sides(const sent_ctx *s, int32_t mi, side *out, int cap) {
    if (mi < 0) return 0;
    const mention *m = &s->m[mi];
    int n = 0;
    for (uint32_t k = 0; k < s->nm && n < cap; k++) {
        if (!((int32_t)k == mi || (m->group >= 0 && s->m[k].group == m->group))) continue;
        const char *c = s->m[k].code;
        while (*c && n < cap) {
            size_t l = strcspn(c, "/");
            str_copy_n(out[n].code, sizeof out[n].code, c, l < 31 ? l : 31);
            out[n].m = &s->m[k];
            n++;
            c += l;
            if (*c == '/') c++;
        }
    }
    return n;
}

/* Emit the event x -> y with the code unless the sentence has already coded it. */
static void emit_once(emit_ctx *e, const sent_ctx *s, const verb_match *vm, const side *x,
                      const side *y, const char *code, uint16_t vgflags, char (*seen)[80],
                      uint32_t *nseen) {
    char key[80];
    snprintf(key, sizeof key, "%s|%s|%s", x->code, y->code, code);
    for (uint32_t q = 0; q < *nseen; q++)
        if (!strcmp(seen[q], key)) return;
    if (*nseen < 64) memcpy(seen[(*nseen)++], key, sizeof key);
    emit_one(e, s, vm, x->m, x->code, y->m, y->code, code, vgflags);
}

/* Is the code the news media's (a country's "MED" sector)? */
static int press(const char *code) {
    return strlen(code) >= 6 && !strncmp(code + 3, "MED", 3);
}

/* Emit source x target over compound groups, skipping self-events and duplicates. */
static void emit_events(emit_ctx *e, const sent_ctx *s, const verb_match *vm, uint16_t vgflags,
                        char (*seen)[80], uint32_t *nseen) {
    side srcs[16], tgts[16];
    int ns = group_sides(s, vm->source, srcs, 16);
    int nt = group_sides(s, vm->target, tgts, 16);
    if (vm->split_source && ns >= 2) { /* TABARI: the first member acts on the others */
        nt = 0;
        for (int i = 1; i < ns; i++)
            tgts[nt++] = srcs[i];
        ns = 1;
    }
    const parley_tabari_options *tab = &e->c->opt.tabari;
    if (tab->enabled) { /* TABARI's DEFAULT: codes stand in for a missing actor */
        if (ns == 0 && tab->default_prior && tab->default_source[0]) {
            str_copy(srcs[0].code, sizeof srcs[0].code, tab->default_source);
            srcs[0].m = NULL;
            ns = 1;
        }
        if (ns > 0 && nt == 0 && tab->default_target[0]) {
            str_copy(tgts[0].code, sizeof tgts[0].code, tab->default_target);
            tgts[0].m = NULL;
            nt = 1;
        }
    }
    /* Reciprocal events: "Abbas and Olmert accused each other", "Russia and Ukraine were
     * negotiating", "signed by Bulgaria, Greece and Russia": with a compound source and no
     * target, each member acts on the others when the verb says so ("each other") or when the
     * event is cooperation that takes two (roots 03 to 08). */
    /* (not for a long list: "N. Korea along with China, Japan, Russia and S. Korea signed a
     * pact" is a multilateral act, not twelve dyads) */
    if (nt == 0 && ns >= 2 && ns <= 3) {
        int root = (vm->code.code[0] - '0') * 10 + (vm->code.code[1] - '0');
        /* ... and, with an object, meetings, talks and signed agreements ("Ethiopia and
         * Eritrea signed a peace agreement", "Macron and Scholz held talks") */
        static const char *const JOINT[] = {"040", "041", "044", "046", "057", NULL};
        int joint = 0; /* not visits (042/043) nor mediation (045): those have another party */
        for (int k = 0; JOINT[k]; k++)
            joint |= !strncmp(vm->code.code, JOINT[k], 3);
        /* a passive has its other party as the subject ("was met by A and B"), except an
         * agreement "signed by A, B and C" */
        if (vm->passive && strncmp(vm->code.code, "057", 3) != 0) joint = 0;
        if (vm->reciprocal || (vm->intransitive && root >= 3 && root <= 8) || joint) {
            for (int i = 0; i < ns; i++)
                tgts[i] = srcs[i];
            nt = ns;
        }
    }
    if (nt == 0 && vm->implicit_target[0]) { /* a country left implicit: no mention */
        snprintf(tgts[0].code, sizeof tgts[0].code, "%s", vm->implicit_target);
        tgts[0].m = NULL;
        nt = 1;
    }
    if (ns == 0 || (nt == 0 && e->c->opt.require_dyad)) return;
    if (nt == 0) {
        tgts[0].code[0] = '\0';
        tgts[0].m = NULL;
        nt = 1;
    }
    for (int i = 0; i < ns && !e->stopped; i++)
        for (int j = 0; j < nt && !e->stopped; j++) {
            const side *a = &srcs[i], *b = &tgts[j];
            if ((b->m || b->code[0]) && same_actor(a->code, b->code)) continue;
            for (int pass = 0; pass < 2; pass++) {
                const char *code = pass ? vm->code.paired : vm->code.code;
                if (!code[0]) continue;
                const side *x = pass ? b : a, *y = pass ? a : b;
                /* a side with no mention acts only as TABARI's DEFAULT code; an implicit
                 * target ("condemned the coup") is never the source of a paired code */
                if (!x->m && !(tab->enabled && x->code[0])) continue;
                /* "Bush spoke to journalists": talking to the press is no consultation */
                if (!tab->enabled && code[0] == '0' && code[1] == '4' && press(y->code) &&
                    !press(x->code))
                    continue;
                emit_once(e, s, vm, x, y, code, vgflags, seen, nseen);
            }
        }
}

/* Verbs whose object is the subject of a following infinitive: "urged Russia to withdraw". */
static int object_control(const sent_ctx *s, uint32_t verb) {
    static const char *const V[] = {"urge",   "ask",      "tell",     "call",      "press",
                                    "force",  "allow",    "persuade", "encourage", "order",
                                    "invite", "pressure", "push",     "compel",    "permit",
                                    "warn",   "help",     "want",     NULL};
    const dict *d = &s->pd->d;
    for (int k = 0; V[k]; k++) {
        uint32_t id = intern_find(&d->strings, V[k], strlen(V[k]));
        if (id && (s->ids[verb].vlem == id || s->ids[verb].wid == id)) return 1;
    }
    return 0;
}

/* The verb group governing an infinitive: the previous group of the same clause. */
static const verb_group *governing_group(const sent_syntax *syn, int g) {
    if (g <= 0) return NULL;
    const verb_group *cur = &syn->groups[g], *prev = &syn->groups[g - 1];
    return prev->clause == cur->clause || syn->clauses[cur->clause].parent == prev->clause ? prev
                                                                                           : NULL;
}

/* Subject of the group g: for an infinitive, the object of an object-control verb ("urged
 * Russia to withdraw") or else the governing verb's subject ("is willing to talk"). */
static int32_t subject_of_group(const sent_ctx *s, int g, uint32_t group_first) {
    const sent_syntax *syn = s->syn;
    /* "Mr. Putin seemed to be exploiting ..., echoing critiques": a participle after a comma
     * has the subject of the clause's finite verb */
    if (g >= 0 && syn->tag[syn->groups[g].head] == LEX_VBG &&
        syn->groups[g].first == syn->groups[g].head && group_first > 0 &&
        syn->tag[group_first - 1] == LEX_COMMA) {
        for (int k = 0; k < g; k++) { /* the clause's first finite verb */
            if (syn->groups[k].clause != syn->groups[g].clause) continue;
            uint8_t t = syn->tag[syn->groups[k].head];
            if (t == LEX_VBD || t == LEX_VBZ || t == LEX_VBP || t == LEX_MD ||
                (syn->wcls[syn->groups[k].first] & (W_BE | W_HAVE | W_DO | W_MODAL)))
                return find_subject(s, syn->groups[k].first);
        }
    }
    if (g >= 0 && (syn->groups[g].flags & VG_INF)) {
        const verb_group *gov = governing_group(syn, g);
        if (gov) {
            if (object_control(s, gov->head))
                for (uint32_t k = 0; k < s->nm; k++)
                    if (s->m[k].first > gov->head && s->m[k].last < group_first) return (int32_t)k;
            return find_subject(s, gov->first);
        }
    }
    return find_subject(s, group_first);
}

/* Light verbs take an event noun as object and give it their subject: "held talks with",
 * "launched an attack on", "repeated demands". Verbs of intent and appeal are not among them:
 * "pledged military aid", "called for talks" are coded by the verb (03, 02), and the aid or
 * the talks have not happened. */
static int light_verb(const sent_ctx *s, uint32_t verb) {
    static const char *const V[] = {
        "have",   "hold",     "make",     "launch",  "carry",   "conduct", "stage",  "begin",
        "start",  "sign",     "reach",    "give",    "deliver", "issue",   "repeat", "reiterate",
        "renew",  "voice",    "express",  "present", "offer",   "extend",  "send",   "provide",
        "impose", "announce", "continue", "resume",  "mount",   "step",    "level",  "lodge",
        "file",   "accept",   "welcome",  "agree",   "join",    "open",    "host",   "approve",
        "grant",  "disburse", NULL};
    const dict *d = &s->pd->d;
    for (int k = 0; V[k]; k++) {
        uint32_t id = intern_find(&d->strings, V[k], strlen(V[k]));
        if (id && (s->ids[verb].vlem == id || s->ids[verb].wid == id)) return 1;
    }
    return 0;
}

/* The source of an event noun: "an attack by X", "X's attack", "a Russian attack", or the
 * subject of the light verb whose object it is. -1 when none: the noun is then not coded. */
static int32_t noun_source(const sent_ctx *s, uint32_t h, int *gi) {
    const sent_syntax *syn = s->syn;
    int32_t by = -1;
    for (uint32_t i = h + 1; i < s->n && i <= h + 2; i++)
        if (!strcmp(s->toks[i].norm, "by")) {
            for (uint32_t k = 0; k < s->nm; k++)
                if (s->m[k].first > i && s->m[k].first <= i + 3) by = (int32_t)k;
            if (by >= 0) return by;
        }
    /* a mention in the noun's own phrase before it: possessive or adjective */
    for (uint32_t k = s->nm; k-- > 0;) {
        const mention *m = &s->m[k];
        if (m->last >= h) continue;
        uint32_t i = m->last + 1;
        while (i < h && (!strcmp(s->toks[i].norm, "'s") || syn->tag[i] == LEX_JJ ||
                         syn->tag[i] == LEX_NN || syn->tag[i] == LEX_CD || syn->tag[i] == LEX_VBN))
            i++;
        if (i == h) return (int32_t)k;
        break;
    }
    /* the object of a light verb in the same clause: its direct object ("held talks",
     * "launched a series of attacks"), not a noun in a prepositional phrase after it
     * ("expressed optimism about the negotiations") */
    int c = syn->clause_of[h], prep = 0;
    for (uint32_t i = h; i-- > 0;) {
        if (syn->clause_of[i] != c) break;
        if (syn->tag[i] == LEX_IN && strcmp(s->toks[i].norm, "of") != 0) prep = 1;
        if (tag_is_verb(syn->tag[i]) && syn->group_of[i] >= 0 &&
            syn->groups[syn->group_of[i]].head == i) {
            *gi = syn->group_of[i];
            if (!light_verb(s, i) || prep)
                return -2; /* "calling for a ceasefire": not
                               reported as done */
            return subject_of_group(s, syn->group_of[i], syn->groups[syn->group_of[i]].first);
        }
    }
    return -1;
}

/* A participle used as a passive without "be": "territory occupied by Russian forces",
 * "two Americans imprisoned in Russia". */
static int reduced_passive(const sent_ctx *s, uint32_t h, const verb_group *g) {
    if (s->syn->tag[h] != LEX_VBN || (g && g->first != h)) return 0;
    /* an object right after it makes it active ("Ethiopia broken down a treaty") */
    uint32_t j = h + 1;
    while (j < s->n && (s->syn->tag[j] == LEX_RB || s->syn->tag[j] == LEX_RP))
        j++;
    if (j < s->n && (s->syn->tag[j] == LEX_DT || s->syn->tag[j] == LEX_PRPS)) return 0;
    /* ... and so does a bare noun object ("North Korea rejected calls by Seoul"), unless it is
     * a time ("hosted Tuesday by Qatar") */
    if (j < s->n && (tag_is_noun(s->syn->tag[j]) || s->syn->tag[j] == LEX_JJ) &&
        !(s->syn->wcls[j] & (W_NOTNAME | W_DATE | W_TIME)))
        return 0;
    for (uint32_t i = h + 1; i < s->n && i <= h + 3; i++)
        if (!strcmp(s->toks[i].norm, "by")) return 1;
    /* without "by", a participle is a reduced relative only in a clause that has its own main
     * verb ("Americans imprisoned in Russia" in "... has spoken ... to discuss ...") */
    int c = s->syn->clause_of[h], main_verb = 0;
    for (uint32_t k = 0; k < s->syn->ngroups && !main_verb; k++) {
        const verb_group *og = &s->syn->groups[k];
        if (og->head == h || s->syn->clause_of[og->head] != c) continue;
        main_verb = finite_at(s, og->first) || (og->flags & VG_INF);
    }
    if (!main_verb) return 0;
    if (h > 0 && (tag_is_noun(s->syn->tag[h - 1]) || s->syn->tag[h - 1] == LEX_RB ||
                  s->syn->tag[h - 1] == LEX_COMMA))
        return 1;
    for (uint32_t i = h + 1; i < s->n && i <= h + 3; i++)
        if (!strcmp(s->toks[i].norm, "by")) return 1;
    return 0;
}

/* The object, preferring a mention that is not a possessive determiner of a later noun:
 * "reaffirmed France's support for Ukraine" -> Ukraine. */
static int32_t choose_object(const sent_ctx *s, uint32_t last, int32_t source) {
    int32_t o = find_object(s, last, source);
    if (o < 0) return o;
    const mention *m = &s->m[o];
    if (m->last + 1 < s->n && !strcmp(s->toks[m->last + 1].norm, "'s")) {
        int32_t next = find_object(s, m->last, source);
        if (next >= 0 && next != o) return next;
    }
    /* "Syria began to withdraw its troops from Lebanon": the source's own forces are not the
     * target; the next actor is */
    /* ... nor are troops sent without a country ("Kenya offered to send troops to Haiti":
     * "troops" took Kenya's code from the context) */
    if (source >= 0 && same_actor(s->m[source].code, m->code) && m->first > 0 &&
        (s->syn->tag[m->first - 1] == LEX_PRPS || m->contextual)) {
        int32_t next = find_object(s, m->last, source);
        if (next >= 0 && next != o) return next;
    }
    return o;
}

/* "diplomats from seven Latin American countries, including Argentina, Chile and Peru": the
 * named members are the target rather than the group they stand for. */
static int32_t included_members(const sent_ctx *s, int32_t t) {
    if (t < 0) return t;
    uint32_t i = s->m[t].last + 1;
    while (i < s->n && i <= s->m[t].last + 4 && strcmp(s->toks[i].norm, "including") != 0 &&
           !tag_is_verb(s->syn->tag[i]))
        i++;
    if (i >= s->n || strcmp(s->toks[i].norm, "including") != 0) return t;
    for (uint32_t k = 0; k < s->nm; k++)
        if (s->m[k].first > i && s->m[k].first <= i + 2 &&
            (s->m[k].group < 0 || (uint32_t)s->m[k].group == k))
            return (int32_t)k;
    return t;
}

/* A reporting verb's target: the subject of the clause it reports ("Arnor believes Dagolath and
 * Osgiliath can cope"). */
static int32_t reported_subject(const sent_ctx *s, uint32_t last) {
    const sent_syntax *syn = s->syn;
    /* the first reported clause opening within a few words ("expressed hopes on Thursday that
     * Osgiliath ...") */
    int c = -1;
    for (uint32_t i = last + 1; i < s->n && i <= last + 8 && c < 0; i++)
        if (syn->clause_of[i] != syn->clause_of[last] &&
            syn->clauses[syn->clause_of[i]].kind == CL_REPORTED)
            c = syn->clause_of[i];
    if (c < 0) return -1;
    for (uint32_t k = 0; k < s->nm; k++)
        if (s->m[k].first > last && syn->clause_of[s->m[k].first] == c && !s->m[k].in_pp)
            return (int32_t)k;
    return -1;
}

/* "each other", "one another", "the other" right after the anchor. */
static int reciprocal_object(const sent_ctx *s, uint32_t last) {
    for (uint32_t i = last + 1; i + 1 < s->n && i <= last + 2; i++) {
        const char *a = s->toks[i].norm, *b = s->toks[i + 1].norm;
        if ((!strcmp(a, "each") || !strcmp(a, "one") || !strcmp(a, "the")) &&
            (!strcmp(b, "other") || !strcmp(b, "another")))
            return 1;
    }
    return 0;
}

/* Does a noun phrase (an object) follow the verb? "met in Jerusalem" no; "visited Rohan" yes. */
static int has_object_phrase(const sent_ctx *s, uint32_t last) {
    uint32_t i = last + 1;
    while (i < s->n && (s->syn->tag[i] == LEX_RB || s->syn->tag[i] == LEX_RP))
        i++;
    if (i >= s->n) return 0;
    uint8_t t = s->syn->tag[i];
    return tag_is_noun(t) || t == LEX_DT || t == LEX_PRPS || t == LEX_JJ || t == LEX_CD ||
           t == LEX_PRP;
}

/* Nouns naming what a state does at home: a reaction to them ("condemned the coup", "rejected
 * the election results", "welcomed the release") is aimed at the country where it happens. */
static int domestic_situation_noun(const sent_ctx *s, uint32_t i) {
    static const char *const N[] = {
        "coup",         "takeover", "crackdown", "arrest",     "detention",  "repression",
        "imprisonment", "killing",  "execution", "election",   "referendum", "vote",
        "result",       "verdict",  "sentence",  "conviction", "curfew",     NULL};
    const dict *d = &s->pd->d;
    for (int k = 0; N[k]; k++) {
        uint32_t id = intern_find(&d->strings, N[k], strlen(N[k]));
        if (id && (s->ids[i].nlem == id || s->ids[i].wid == id)) return 1;
    }
    return 0;
}

/* The implicit target of a verbal reaction with no actor as object: "Biden condemned the coup"
 * (in an article about Myanmar) -> the article's main country. Only for appeals, praise,
 * demands, criticism and rejection (roots 02, 05, 10, 11, 12), whose object is a situation
 * noun right after the verb ("the coup", "the recent arrests", "the detentions"). */
static int border_noun(const sent_ctx *s, uint32_t i) {
    return !strcmp(s->toks[i].norm, "border") || !strcmp(s->toks[i].norm, "borders") ||
           !strcmp(s->toks[i].norm, "frontier");
}

/* A force crossing a border ("cross", "enter" with a border noun right after the verb) whose
 * target is not introduced by "into". */
static int crossing_without_into(const sent_ctx *s, const verb_match *vm) {
    const dict *d = &s->pd->d;
    uint32_t lem = s->ids[vm->anchor_first].vlem;
    if (!lem || (lem != intern_find(&d->strings, "cross", 5) &&
                 lem != intern_find(&d->strings, "enter", 5)))
        return 0; /* "deployed troops to the border with Ukraine" names its target */
    int border = 0;
    for (uint32_t i = vm->anchor_last + 1; i < s->n && i <= vm->anchor_last + 4 && !border; i++)
        border = border_noun(s, i);
    if (!border) return 0;
    const mention *t = &s->m[vm->target];
    return t->first == 0 || strcmp(s->toks[t->first - 1].norm, "into") != 0;
}

/* Nouns naming an act of an international body: "welcomed the resolution", "rejected the
 * warrant" react to the organisation of states last named (the UN, the ICC). */
static int body_act_noun(const sent_ctx *s, uint32_t i) {
    static const char *const N[] = {"resolution", "warrant", "ruling", "indictment", NULL};
    for (int k = 0; N[k]; k++)
        if (!strcmp(s->toks[i].norm, N[k]) ||
            (s->ids[i].nlem &&
             s->ids[i].nlem == intern_find(&s->pd->d.strings, N[k], strlen(N[k]))))
            return 1;
    return 0;
}

/* An agreement: "the agreement", "the truce", "the peace deal". */
static int agreement_noun(const sent_ctx *s, uint32_t i) {
    static const char *const N[] = {"agreement", "deal", "accord", "truce",
                                    "ceasefire", "pact", NULL};
    const dict *d = &s->pd->d;
    for (int k = 0; N[k]; k++) {
        uint32_t id = intern_find(&d->strings, N[k], strlen(N[k]));
        if (id && (s->ids[i].nlem == id || s->ids[i].wid == id)) return 1;
    }
    return 0;
}

static void implicit_target(const sent_ctx *s, verb_match *vm) {
    vm->implicit_target[0] = '\0';
    if (vm->target >= 0 || vm->source < 0 || !s->mem) return;
    static const char *const ROOTS[] = {"02", "05", "10", "11", "12", "15", NULL};
    int ok = 0;
    for (int k = 0; ROOTS[k]; k++)
        ok |= !strncmp(vm->code.code, ROOTS[k], 2);
    if (!ok) return;
    uint32_t i = vm->anchor_last + 1, stop = vm->anchor_last + 5;
    while (i < s->n && i < stop &&
           (s->syn->tag[i] == LEX_DT || s->syn->tag[i] == LEX_JJ || s->syn->tag[i] == LEX_RB ||
            s->syn->tag[i] == LEX_PRPS || s->syn->tag[i] == LEX_VBN || s->syn->tag[i] == LEX_NNP ||
            (s->toks[i].flags & (TOK_QOPEN | TOK_QCLOSE)))) /* "“strongly condemned” the" */
        i++;
    if (i >= s->n || !tag_is_noun(s->syn->tag[i])) return;
    /* "welcomed the agreement", "praised the peace deal": the parties to it are the article's
     * main country */
    int deal = i + 1 < s->n && tag_is_noun(s->syn->tag[i + 1])
                   ? agreement_noun(s, i + 1) && !(i + 2 < s->n && tag_is_noun(s->syn->tag[i + 2]))
                   : agreement_noun(s, i);
    /* (praise, not signing: "signed a pact" has its co-signers; and not by the main country's
     * own people or parties: "the RSF welcomed the deal") */
    if (deal && s->mem->country[0] && !strncmp(vm->code.code, "051", 3)) {
        if (strncmp(s->m[vm->source].code, s->mem->country, 3) != 0)
            memcpy(vm->implicit_target, s->mem->country, 4);
        return;
    }
    /* the head noun of the object phrase: "the coup leaders" are people, not the coup */
    if (i + 1 < s->n && tag_is_noun(s->syn->tag[i + 1])) return;
    if (!strncmp(vm->code.code, "15", 2)) { /* "troops crossed the border" (into the country
                                                 the article is about) */
        if (border_noun(s, i) && s->mem->country[0])
            memcpy(vm->implicit_target, s->mem->country, 4);
    } else if (domestic_situation_noun(s, i) && s->mem->country[0])
        /* the state answerable for arrests, elections, a crackdown: its government, so that
         * the country's own opposition or people can react to it ("the opposition rejected the
         * results") */
        snprintf(vm->implicit_target, sizeof vm->implicit_target, "%.3sGOV", s->mem->country);
    else if (body_act_noun(s, i) && s->mem->last_igo.code[0])
        snprintf(vm->implicit_target, sizeof vm->implicit_target, "%s", s->mem->last_igo.code);
}

/* Is the infinitive starting at `first` ("to impose", or "impose" after "to") the complement
 * of a verb of intent ("threatened to impose")? */
static int governed_by_intent(const sent_ctx *s, uint32_t first) {
    uint32_t i = first;
    if (i > 0 && (s->syn->wcls[i] & W_TO)) return (s->syn->wcls[i - 1] & W_INTENDV) != 0;
    if (i > 1 && (s->syn->wcls[i - 1] & W_TO)) return (s->syn->wcls[i - 2] & W_INTENDV) != 0;
    return 0;
}

/* Is the word a form of one of the verbs (base, -s, -ed/-d, -ing; a final "e" dropped before
 * -ing)? Compared as text: the verbs need not be in the dictionary. */
static int verb_form_in(const token *t, const char *const *verbs) {
    for (int k = 0; verbs[k]; k++) {
        size_t l = strlen(verbs[k]);
        const char *w = t->norm;
        size_t wl = t->norm_len;
        size_t stem = l;
        if (verbs[k][l - 1] == 'e' && wl == l + 2 && !strncmp(w, verbs[k], l - 1) &&
            !strcmp(w + l - 1, "ing"))
            return 1;
        if (wl < stem || strncmp(w, verbs[k], stem) != 0) continue;
        const char *rest = w + stem;
        if (!*rest || !strcmp(rest, "s") || !strcmp(rest, "es") || !strcmp(rest, "ed") ||
            !strcmp(rest, "d") || !strcmp(rest, "ing") ||
            (strlen(rest) == 3 && rest[0] == verbs[k][l - 1] && !strcmp(rest + 1, "ed")))
            return 1;
    }
    return 0;
}

/* Verbs that ask or let someone else act: "called on the administration to open a dialogue",
 * "pressuring Congress to allow the government to seize", "obliged Russia to withdraw". The
 * infinitive after their object is asked for, not done (unlike "forced", "helped"). */
static int appeal_verb(const sent_ctx *s, uint32_t verb) {
    static const char *const V[] = {"urge",      "ask",       "call",      "press",   "pressure",
                                    "encourage", "invite",    "allow",     "permit",  "oblige",
                                    "require",   "request",   "tell",      "want",    "push",
                                    "order",     "advise",    "instruct",  "appeal",  "demand",
                                    "lobby",     "authorize", "authorise", "empower", "challenge",
                                    "implore",   "beg",       "told",      NULL};
    return verb_form_in(&s->toks[verb], V);
}

/* Is the infinitive group gi the complement of an appeal or permission verb, with its object
 * between them ("urged Russia to withdraw") or none ("asked to be allowed to visit")? */
static int governed_by_appeal(const sent_ctx *s, int gi) {
    const sent_syntax *syn = s->syn;
    if (gi < 0 || !(syn->groups[gi].flags & VG_INF)) return 0;
    const verb_group *gov = governing_group(syn, gi);
    if (!gov || !appeal_verb(s, gov->head)) return 0;
    /* nothing but an object phrase between them: no other verb */
    for (uint32_t i = gov->head + 1; i < syn->groups[gi].first; i++)
        if (syn->group_of[i] >= 0 && syn->groups[syn->group_of[i]].head == i) return 0;
    return 1;
}

/* A subjunctive after a verb of asking or proposing: "requested that the Japanese government
 * deport him", "suggested that the government invest in schools": a bare verb whose clause
 * opens with "that" right after such a verb is asked for, not done. */
static int mandative_subjunctive(const sent_ctx *s, const verb_group *g) {
    static const char *const V[] = {"suggest", "request", "propose", "recommend", "demand",
                                    "urge",    "insist",  "ask",     "order",     "require",
                                    "advise",  "move",    NULL};
    const sent_syntax *syn = s->syn;
    uint8_t t = syn->tag[g->head];
    /* (a base form the tagger read as past: "that the government invest") */
    const tok_ids *id = &s->ids[g->head];
    const token *w = &s->toks[g->head];
    int base = t == LEX_VB || t == LEX_VBP ||
               (t == LEX_VBD && (!id->vlem || id->vlem == id->wid) && w->norm_len > 2 &&
                strcmp(w->norm + w->norm_len - 2, "ed") != 0);
    if (g->first != g->head || (g->flags & VG_INF) || !base) return 0;
    for (uint32_t i = g->first; i-- > 0 && i + 12 > g->first;) {
        if (syn->group_of[i] >= 0 || syn->tag[i] == LEX_COMMA) return 0;
        if (!(syn->wcls[i] & W_THAT)) continue;
        uint32_t v = i;
        while (v > 0 && syn->tag[v - 1] == LEX_RB)
            v--;
        if (v == 0 || !tag_is_verb(syn->tag[v - 1])) return 0;
        return verb_form_in(&s->toks[v - 1], V);
    }
    return 0;
}

/* "in order to stop arms shipments", "so as to": a purpose, not an act reported. */
static int purpose_infinitive(const sent_ctx *s, const verb_group *g) {
    if (!(g->flags & VG_INF) || g->first < 2) return 0;
    const char *a = s->toks[g->first - 2].norm, *b = s->toks[g->first - 1].norm;
    return (!strcmp(a, "in") && !strcmp(b, "order")) || (!strcmp(a, "so") && !strcmp(b, "as"));
}

/* Is mention m a place where something happened ("a summit in Istanbul", "negotiated ... in
 * Baghdad", "met at the Kremlin")? */
static int locative_mention(const sent_ctx *s, const mention *m) {
    uint32_t i = m->first;
    while (i > 0 && (s->syn->tag[i - 1] == LEX_DT || s->syn->tag[i - 1] == LEX_JJ))
        i--;
    if (i == 0) return 0;
    const char *p = s->toks[i - 1].norm;
    return !strcmp(p, "in") || !strcmp(p, "at");
}

/* Are the target's armed forces or police the source's own: a bare "troops" coded from the
 * context, or forces of the source's own country? */
static int own_forces(const sent_ctx *s, const mention *src, const mention *tgt) {
    (void)s;
    size_t l = strlen(tgt->code);
    if (l < 6) return 0;
    const char *sector = tgt->code + 3;
    if (strncmp(sector, "MIL", 3) != 0 && strncmp(sector, "COP", 3) != 0) return 0;
    return tgt->contextual || !strncmp(src->code, tgt->code, 3);
}

/* Roots whose target can be a place: all but consultation ("aid to victims in Turkey", "bombs
 * exploded in Baghdad"; but "a summit in Istanbul" is not with Turkey). */
static int place_target_root(const char *code) {
    return strncmp(code, "04", 2) != 0;
}

/* Verbal roots (statements, appeals, intents, diplomacy, investigations, demands, criticism,
 * rejections, threats, protests, relations): "criticised the situation in Darfur", "expressed
 * concern over the casualties in Lebanon" say where, not at whom. */
static int verbal_root(const char *code) {
    static const char *const R[] = {"01", "03", "05", "09", "10", "11",
                                    "12", "13", "14", "16", NULL};
    for (int i = 0; R[i]; i++)
        if (!strncmp(code, R[i], 2)) return 1;
    return 0;
}

/* A place named after "in" ("the situation in Darfur"), not a person nor a pronoun */
static int place_in(const sent_ctx *s, const mention *m) {
    uint32_t i = m->first;
    while (i > 0 && (s->syn->tag[i - 1] == LEX_DT || s->syn->tag[i - 1] == LEX_JJ))
        i--;
    return i > 0 && !strcmp(s->toks[i - 1].norm, "in") && !m->person && !m->pronoun;
}

/* TABARI codes one verb per clause (CODE BY CLAUSE), per sentence (CODE BY SENTENCE) or every
 * verb (CODE ALL): is the verb at h skipped, the last verb that coded being at `coded`? */
static int tabari_already_coded(const sent_ctx *s, const parley_tabari_options *t, int32_t coded,
                                uint32_t h) {
    if (coded < 0 || t->code_by == 2) return 0;
    return t->code_by == 1 || !tabari_clause_break(s, (uint32_t)coded, h);
}

/* Who reports the words at token i: the speaker of the quote it is in, or the subject of the
 * reporting verb whose clause it stands in ("Blinken said Russia must leave"). Fills out; 0
 * when no coded actor reports them, or the report is denied or hypothetical. */
static int demander_of(const emit_ctx *e, const sent_ctx *s, uint32_t i, side *out) {
    const quote_span *q = e->quotes ? quotes_span_at(e->quotes, i) : NULL;
    if (q) {
        if (!q->who.code[0]) return 0;
        snprintf(out->code, sizeof out->code, "%s", q->who.code);
        out->m = NULL;
        return 1;
    }
    const sent_syntax *syn = s->syn;
    int32_t c = syn->clause_of[i];
    while (c >= 0 && syn->clauses[c].kind != CL_REPORTED)
        c = syn->clauses[c].parent;
    if (c < 0 || syn->clauses[c].first == 0 || syn->clauses[c].negated) return 0;
    uint32_t v = syn->clauses[c].first; /* the reporting verb: the verb opening the clause */
    while (v > 0 && !(tag_is_verb(syn->tag[v]) && syn->group_of[v] >= 0))
        v--;
    if (!tag_is_verb(syn->tag[v]) || syn->group_of[v] < 0 || !(syn->wcls[v] & W_REPORT)) return 0;
    const verb_group *rg = &syn->groups[syn->group_of[v]];
    if (rg->flags & (VG_NEG | VG_COND)) return 0;
    int32_t k = find_subject(s, rg->first);
    if (k < 0 || !s->m[k].code[0]) return 0;
    snprintf(out->code, sizeof out->code, "%s", s->m[k].code);
    out->m = &s->m[k];
    return 1;
}

/* Does the verb group contain "must" ("must withdraw", "must not interfere")? */
static int group_has_must(const sent_ctx *s, const verb_group *g) {
    for (uint32_t i = g->first; i <= g->head && i < s->n; i++)
        if (!strcmp(s->toks[i].norm, "must")) return 1;
    return 0;
}

/* Demands made in reported words: "The military must release all those it has detained," said
 * Biden -> Biden demands of the military (100); likewise "Bush said Syrian forces must leave".
 * Only an active main verb with a coded subject other than the speaker; "must be" (a state,
 * or a passive without the one asked) is not a demand of anyone named. */
static void obligation_events(emit_ctx *e, const sent_ctx *s, char (*seen)[80], uint32_t *nseen) {
    const sent_syntax *syn = s->syn;
    for (uint32_t g = 0; g < syn->ngroups && !e->stopped; g++) {
        const verb_group *vg = &syn->groups[g];
        if ((vg->flags & (VG_COND | VG_PASSIVE)) || !group_has_must(s, vg) ||
            (syn->wcls[vg->head] & (W_BE | W_HAVE | W_MODAL)) || !tag_is_verb(syn->tag[vg->head]))
            continue;
        int32_t subj = find_subject(s, vg->first);
        /* the subject proper: not a prepositional object ("In China, budgeting must ..."),
         * nor a mention inside a relative clause ("those who interfere in forming the
         * government must stop") */
        if (subj < 0 || !s->m[subj].code[0] || s->m[subj].in_pp ||
            syn->clause_of[s->m[subj].first] != syn->clause_of[vg->first])
            continue;
        side src, tgt;
        if (!demander_of(e, s, vg->first, &src)) continue;
        snprintf(tgt.code, sizeof tgt.code, "%s", s->m[subj].code);
        tgt.m = &s->m[subj];
        if (same_actor(src.code, tgt.code) || same_actor(tgt.code, src.code)) continue;
        verb_match vm = {
            .source = -1, .target = subj, .anchor_first = vg->first, .anchor_last = vg->head};
        memcpy(vm.code.code, "100", 4);
        emit_once(e, s, &vm, &src, &tgt, vm.code.code, 0, seen, nseen);
    }
}

/* Are the reporter and the victim on one side: the same code, the reporter's country (or a
 * place in it), or that country's state or civilians with the reporter a state organ ("a
 * Somali official reported an attack on ICU fighters" accuses no one)? */
static int same_side(const char *reporter, const char *victim) {
    if (strlen(victim) < 3 || strlen(reporter) < 3 || strncmp(reporter, victim, 3) != 0) return 0;
    if (!strcmp(reporter, victim) || strlen(victim) == 3) return 1; /* a place of their country */
    const char *rs = reporter + 3, *vs = victim + 3;
    int rep_state = !*rs || state_organ(rs);
    int vic_state = !*vs || state_organ(vs) || !strncmp(vs, "CVL", 3);
    return rep_state && vic_state;
}

/* "Zhao said Indian troops had attacked Chinese personnel": whoever reports an attack on their
 * own side accuses the attacker of aggression (1123). Only for assaults, fights and mass
 * violence (roots 18-20) reported by a coded speaker or reporting subject of the target's
 * country, asserted (a denial or a hypothetical accuses no one). */
static void accusation_by_report(emit_ctx *e, const sent_ctx *s, const verb_match *vm,
                                 uint16_t flags, char (*seen)[80], uint32_t *nseen) {
    int root = (vm->code.code[0] - '0') * 10 + (vm->code.code[1] - '0');
    if (root < 18 || root > 20 || vm->source < 0 || vm->target < 0 ||
        (flags & (VG_NEG | VG_COND | VG_MODAL | VG_FUTURE)))
        return;
    side rep, attacker;
    if (!demander_of(e, s, vm->anchor_first, &rep)) return;
    const char *victim = s->m[vm->target].code;
    if (!same_side(rep.code, victim)) return;
    snprintf(attacker.code, sizeof attacker.code, "%s", s->m[vm->source].code);
    attacker.m = &s->m[vm->source];
    if (same_actor(rep.code, attacker.code) || same_actor(attacker.code, rep.code)) return;
    /* a state reporting what its own forces did ("Beijing confirmed that police had opened
     * fire") does not accuse them */
    if (!strncmp(rep.code, attacker.code, 3) && (!rep.code[3] || state_organ(rep.code + 3)) &&
        (!attacker.code[3] || state_organ(attacker.code + 3)))
        return;
    verb_match acc = *vm;
    acc.pattern = NULL;
    acc.verb = NULL;
    memcpy(acc.code.code, "1123", 5);
    acc.code.paired[0] = '\0';
    emit_once(e, s, &acc, &rep, &attacker, acc.code.code, 0, seen, nseen);
}

/* An event noun under "any" or "no" names no event: "Any conversation between Mr. Biden and
 * Mr. Putin is hypothetical", "there were no talks between them". */
static int unreal_noun(const sent_ctx *s, uint32_t h) {
    uint32_t i = h;
    while (i > 0 && (s->syn->tag[i - 1] == LEX_JJ || s->syn->tag[i - 1] == LEX_NN))
        i--;
    return i > 0 && (!strcmp(s->toks[i - 1].norm, "any") || !strcmp(s->toks[i - 1].norm, "no"));
}

/* Is the infinitive starting at `first` the complement of "prepared", "ready" or "willing"
 * ("Washington was prepared to impose sanctions")? 1 for readiness, 2 for a plan ("scheduled
 * to meet"), 0 for neither. */
static int readiness_before(const sent_ctx *s, uint32_t first) {
    uint32_t to = first;
    if (!(s->syn->wcls[to] & W_TO)) {
        if (to == 0 || !(s->syn->wcls[to - 1] & W_TO)) return 0;
        to--;
    }
    if (to == 0) return 0;
    const char *w = s->toks[to - 1].norm;
    /* ... and what is planned for later: "are scheduled to meet", "is due to visit",
     * "is expected to meet", "is set to travel" (news reading) */
    /* (not in the past: "was due to meet Erdogan on Monday" reports the meeting) */
    int past =
        to >= 2 && (!strcmp(s->toks[to - 2].norm, "was") || !strcmp(s->toks[to - 2].norm, "were"));
    if (!s->tabari && !past &&
        (!strcmp(w, "scheduled") || !strcmp(w, "due") || !strcmp(w, "expected") ||
         !strcmp(w, "slated") || !strcmp(w, "set")))
        return 2;
    return !strcmp(w, "prepared") || !strcmp(w, "ready") || !strcmp(w, "willing");
}

/* What readiness to act expresses: to coerce or fight, a threat ("prepared to impose sanctions"
 * 1312, "ready to use force" 138); to cooperate, an intent ("ready to send aid" 033). Writes
 * the code into out; 0 when the event keeps its own code. */
static int readiness_code(const char *code, char out[8]) {
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    const char *c = NULL;
    if (!strcmp(code, "163"))
        c = "1312";
    else if (root == 16)
        c = "131";
    else if (root == 17)
        c = "137";
    else if (root >= 18 && root <= 20)
        c = "138";
    else if (root == 4)
        c = "036";
    else if (root == 5)
        c = "032";
    else if (root == 6)
        c = "031";
    else if (root == 7)
        c = "033";
    else if (root == 8)
        c = "035";
    if (!c) return 0;
    snprintf(out, 8, "%s", c);
    return 1;
}

/* Does the verb group say what someone will do: "will", "would", "shall", "'ll" or "going to"
 * ("they would fight the United States"), not what they might do ("could", "may")? */
static int will_do(const sent_ctx *s, const verb_group *g) {
    if (!(g->flags & (VG_FUTURE | VG_MODAL))) return 0;
    for (uint32_t i = g->first; i <= g->head && i < s->n; i++) {
        const char *w = s->toks[i].norm;
        if (!strcmp(w, "will") || !strcmp(w, "would") || !strcmp(w, "shall") || !strcmp(w, "'ll") ||
            !strcmp(w, "going"))
            return 1;
    }
    return 0;
}

/* "Al-Qaeda said they would fight the United States", "'We will strike back,' he said": force
 * that a speaker says someone will use is a threat, not yet an attack (news reading only; a
 * journalist's own "will" is left alone). Writes the threat code; 0 when not such a report. */
static int reported_force_threat(emit_ctx *e, const sent_ctx *s, const verb_match *vm,
                                 const verb_group *g, char code[8]) {
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root < 16 || root > 20 || root == 17 || !g || (g->flags & (VG_NEG | VG_COND)) ||
        !will_do(s, g))
        return 0;
    char who[96];
    if (!(e->quotes && quotes_span_at(e->quotes, vm->anchor_first)) &&
        !reporter_of(e, s, vm->anchor_first, who, sizeof who))
        return 0;
    return readiness_code(code, code);
}

/* "thousands of", "hundreds of", "crowds of" right before token i: the people are the actors */
static int crowd_of(const sent_ctx *s, uint32_t i) {
    static const char *const Q[] = {"thousands", "hundreds", "dozens", "scores", "millions", "tens",
                                    "crowds",    "crowd",    "groups", "group",  NULL};
    if (i < 2 || strcmp(s->toks[i - 1].norm, "of") != 0) return 0;
    if (s->syn->tag[i - 2] == LEX_CD) return 1;
    for (int k = 0; Q[k]; k++)
        if (!strcmp(s->toks[i - 2].norm, Q[k])) return 1;
    return 0;
}

/* "Thousands of Venezuelans protested", "two Americans were detained": a plural demonym at the
 * head of its phrase names a country's people (its civilians), not the country or its state;
 * "the Americans" is left alone (often the side in talks). News reading only. */
static void people_of_country(sent_ctx *s) {
    for (uint32_t k = 0; k < s->nm; k++) {
        mention *m = &s->m[k];
        if (m->first != m->last || strlen(m->code) != 3 || m->pronoun || m->person) continue;
        if (m->in_pp && !crowd_of(s, m->first)) continue; /* "the release of two Americans" */
        const char *w = s->toks[m->first].norm;
        size_t l = strlen(w);
        if (l < 5 || !tag_is_noun(s->syn->tag[m->first]) ||
            (s->toks[m->first].flags & (TOK_CAP | TOK_ALLCAPS)) != TOK_CAP)
            continue;
        if (strcmp(w + l - 3, "ans") != 0 && strcmp(w + l - 3, "ens") != 0 &&
            strcmp(w + l - 2, "is") != 0)
            continue;
        uint32_t j = m->last + 1;
        if (j < s->n && tag_is_noun(s->syn->tag[j])) continue;
        if (m->first > 0 && !strcmp(s->toks[m->first - 1].norm, "the")) continue;
        memcpy(m->code + 3, "CVL", 4);
    }
}

static void code_sentence(emit_ctx *e, sent_ctx *s) {
    char seen[64][80];
    uint32_t nseen = 0;
    const sent_syntax *syn = s->syn;
    const parley_tabari_options *tab = &e->c->opt.tabari;
    int32_t coded_at = -1; /* TABARI: the last verb that coded, or -1 */
    if (tab->enabled && tabari_complex(s, tab)) return;
    if (!tab->enabled) people_of_country(s);
    for (uint32_t h = 0; h < s->n && !e->stopped; h++) {
        if (tab->enabled && tabari_already_coded(s, tab, coded_at, h)) continue;
        int gi = syn->group_of[h];
        int is_verb = tag_is_verb(syn->tag[h]) && gi >= 0 && syn->groups[gi].head == h;
        int is_noun = tag_is_noun(syn->tag[h]);
        if (tab->enabled && !is_verb && tabari_verb_word(s, h)) {
            is_verb = 1;
            is_noun = 0;
        }
        if (!is_verb && !is_noun) continue;
        /* a gerund after a preposition names an action, it does not report one:
         * "talk with Putin about releasing the Americans" */
        if (is_verb && syn->tag[h] == LEX_VBG && h > 0 && syn->tag[h - 1] == LEX_IN &&
            !(syn->wcls[h - 1] & (W_SUBORD | W_COND)))
            continue;
        verb_match vm;
        int r = 0;
        /* "North Korea cut ties with the South": the tagger read "cut" as a noun compound
         * with the subject, but the dictionary's multiword verb says it is the verb */
        if (is_noun && h > 0 && tag_is_noun(syn->tag[h - 1]) && match_verb_at(s, h, 0, &vm) == 1 &&
            vm.anchor_last > h && vm.code.code[0]) {
            r = 1;
            is_verb = 1;
            is_noun = 0;
        } else
            r = match_verb_at(s, h, is_verb ? 0 : 1, &vm);
        /* a multiword verb whose inflected word is not its first: "wire tapped" */
        if (!r && is_verb && h > 0 && !tag_is_verb(syn->tag[h - 1]) &&
            !(s->toks[h - 1].flags & TOK_PUNCT)) {
            r = match_verb_at(s, h - 1, 0, &vm);
            if (r && vm.anchor_last < h) r = 0;
        }
        if (!r || r == 2 || !vm.code.code[0]) continue;
        if (tab->enabled && !strcmp(vm.code.code, "+++")) return; /* TABARI: complex */
        if (is_noun && unreal_noun(s, h)) continue;
        const verb_group *g = gi >= 0 ? &syn->groups[gi] : NULL;
        int ngi = -1;
        if (is_noun) {
            int32_t ns = noun_source(s, h, &ngi);
            if (ns == -2 || (ns < 0 && vm.source < 0)) continue;
            if (vm.source < 0) vm.source = ns;
        }
        if (is_noun && ngi < 0) /* the noun takes the modality of its clause's verb */
            for (uint32_t i = h; i-- > 0 && syn->clause_of[i] == syn->clause_of[h];)
                if (syn->group_of[i] >= 0) {
                    ngi = syn->group_of[i];
                    break;
                }
        if (is_noun) g = ngi >= 0 ? &syn->groups[ngi] : NULL;
        uint16_t flags = g ? g->flags : 0;
        /* "threatened to impose sanctions", "agreed to withdraw": the infinitive's event (or
         * its event noun's) is not done. The governing verb codes the threat or the intent; a
         * pattern that names the governor itself ("offered to mediate") has accounted for it. */
        if (g && (g->flags & VG_INF) && governed_by_intent(s, g->first) &&
            !(is_verb && vm.pattern && vm.pattern->before_n))
            flags |= VG_COND;
        /* "called on the administration to open a dialogue": asked for, not done (news) */
        if (!tab->enabled && governed_by_appeal(s, is_noun ? ngi : gi)) flags |= VG_COND;
        /* "requested that the government deport him", "in order to stop arms shipments" */
        if (!tab->enabled && g && (mandative_subjunctive(s, g) || purpose_infinitive(s, g)))
            flags |= VG_COND;
        /* "was prepared to impose sanctions": not done, but threatened (or, for cooperation,
         * intended), unless a pattern already named the readiness ("willing to talk with") */
        if (g && (g->flags & VG_INF) && !(flags & VG_COND) && readiness_before(s, g->first) &&
            !(vm.pattern && vm.pattern->before_n)) {
            int r = readiness_before(s, g->first);
            if (readiness_code(vm.code.code, vm.code.code))
                vm.code.paired[0] = '\0';
            else if (r == 2) /* "is expected to ask Hamas": a future appeal, as "will ask" */
                flags |= VG_FUTURE;
            else
                continue;
        }
        if (!tab->enabled && reported_force_threat(e, s, &vm, g, vm.code.code))
            vm.code.paired[0] = '\0';
        uint32_t group_first = g ? g->first : h;
        if (!e->c->opt.emit_all &&
            (flags & (e->c->opt.emit_negated ? VG_COND : (VG_NEG | VG_COND))))
            continue;
        int passive = is_verb && ((flags & VG_PASSIVE) || reduced_passive(s, h, g));
        if (vm.source < 0 && !passive)
            vm.source = tab->enabled ? tabari_first_actor(s, group_first)
                                     : subject_of_group(s, gi, group_first);
        if (vm.target < 0) {
            if (passive) {
                int32_t subj = find_subject(s, group_first);
                if (syn->tag[h] == LEX_VBN && g && g->first == h && h > 0) {
                    /* reduced relative: the noun right before the participle */
                    subj = -1;
                    for (uint32_t k = 0; k < s->nm; k++)
                        if (s->m[k].last + 1 == h) subj = (int32_t)k;
                }
                vm.target = subj;
                if (vm.source < 0) vm.source = find_agent_by(s, vm.anchor_last);
            } else {
                if (!tab->enabled) {
                    vm.target = choose_object(s, vm.anchor_last, vm.source);
                    /* "a summit in Istanbul", "talks with X in Baghdad": where the verbal or
                     * cooperative act happened is not its target; an actor after it may be */
                    /* "Pakistan's government dispatched 500 troops", "Mbeki deployed the
                     * National Defence Force": forces deployed are the source's own, not its
                     * target (a bare "troops" took the article's country) */
                    if (vm.target >= 0 && vm.source >= 0 && !strncmp(vm.code.code, "15", 2) &&
                        own_forces(s, &s->m[vm.source], &s->m[vm.target])) {
                        int32_t next = find_object(s, s->m[vm.target].last, vm.source);
                        vm.target =
                            next >= 0 && !own_forces(s, &s->m[vm.source], &s->m[next]) ? next : -1;
                    }
                    if (vm.target >= 0 && !place_target_root(vm.code.code) &&
                        !(vm.source >= 0 && s->m[vm.source].group >= 0) &&
                        locative_mention(s, &s->m[vm.target])) {
                        int32_t next = find_object(s, s->m[vm.target].last, vm.source);
                        vm.target = next >= 0 && !locative_mention(s, &s->m[next]) ? next : -1;
                    }
                    /* "concern over the situation in Zimbabwe": the place is not the
                     * target, and neither is what the phrase goes on to name ("in Ramadi,
                     * a city west of Baghdad"). PETRARCH's convention (its null-agent
                     * reading) codes the place ("criticized the closure ... in Bree"). */
                    if (vm.target >= 0 && !e->c->opt.null_agents && verbal_root(vm.code.code) &&
                        place_in(s, &s->m[vm.target]))
                        vm.target = -1;
                } else if (!vm.reciprocal) /* a '%' compound acts on itself */
                    vm.target = tabari_next_actor(s, vm.anchor_last, vm.source);
                if (vm.target < 0 && (syn->wcls[h] & (W_REPORT | W_SPEECH))) {
                    vm.target = reported_subject(s, vm.anchor_last);
                    /* "Bulgaria and Romania announced that they ...": a pronoun after a
                     * compound speaker is the speakers themselves (news reading only) */
                    if (!tab->enabled && vm.target >= 0 && s->m[vm.target].pronoun &&
                        vm.source >= 0 && s->m[vm.source].group >= 0)
                        vm.target = -1;
                }
            }
        }
        if (vm.source < 0 && passive) vm.source = find_agent_by(s, vm.anchor_last);
        vm.target = included_members(s, vm.target);
        vm.reciprocal |= reciprocal_object(s, vm.anchor_last);
        vm.intransitive = is_verb && !passive && !has_object_phrase(s, vm.anchor_last);
        vm.passive = passive;
        if (vm.reciprocal && vm.target >= 0 && vm.source >= 0 &&
            s->m[vm.target].first > vm.anchor_last + 4)
            vm.target = -1; /* "accused each other of ...": the others are the targets */
        /* "crossed the Ethiopian frontier": whose border it is does not say where they went;
         * "crossed the border in pursuit of the Taliban": only "into X" does */
        if (vm.target >= 0 && !strncmp(vm.code.code, "15", 2) && crossing_without_into(s, &vm))
            vm.target = -1;
        if (tab->enabled)
            tabari_missing_sides(s, tab, &vm);
        else
            implicit_target(s, &vm);
        uint32_t before = nseen;
        emit_events(e, s, &vm, flags, seen, &nseen);
        if (nseen > before) coded_at = (int32_t)vm.anchor_last;
        /* news reading only: TABARI codes what its patterns say and no more */
        if (!tab->enabled) accusation_by_report(e, s, &vm, flags, seen, &nseen);
    }
    if (!tab->enabled) obligation_events(e, s, seen, &nseen);
}

static const char *lone_agent_prefix(const parley_options *o) {
    if (o->tabari.enabled && o->tabari.convert_agents) return "~";
    return o->null_agents ? "---" : NULL;
}

parley_status parley_code_article(parley_coder *c, const parley_article *a, parley_record_fn fn,
                                  void *user, parley_error *err) {
    arena *ar = &c->scratch;
    arena_reset(ar);
    tokenized tz;
    size_t len = a->text_len ? a->text_len : (a->text ? strlen(a->text) : 0);
    if (text_tokenize(ar, a->text ? a->text : "", len, &tz) < 0) goto nomem;
    emit_ctx e = {.c = c, .a = a, .fn = fn, .user = user, .tz = &tz};
    str_copy(e.date, sizeof e.date, a->date ? a->date : "");
    int32_t date = parse_iso_date(a->date);
    quote_state qs;
    quotes_init(&qs);
    article_mem mem;
    memset(&mem, 0, sizeof mem);
    c->first_actor[0] = '\0';
    if (c->opt.tabari.enabled && c->opt.tabari.forward_actor[0])
        tabari_forward_into(&mem, &c->opt.tabari);
    for (uint32_t si = 0; si < tz.nsents && !e.stopped; si++) {
        const sentence *sn = &tz.sents[si];
        if (sn->count == 0) continue;
        const token *st = tz.toks + sn->first;
        uint32_t count = sn->count;
        if (c->opt.tabari.enabled) {
            if (tabari_word_count(st, count) < (uint32_t)c->opt.tabari.min_words) continue;
            if (tabari_comma_clauses(ar, &c->opt.tabari, &st, &count) < 0) goto nomem;
        }
        word_entry *ents = arena_alloc(ar, (count + 1) * sizeof *ents);
        syntax_word_info *info = arena_alloc(ar, (count + 1) * sizeof *info);
        tok_ids *ids = arena_alloc(ar, (count + 1) * sizeof *ids);
        if (!ents || !info || !ids || lookup_words(c, st, count, ents, info) < 0) goto nomem;
        sent_syntax syn;
        if (syntax_analyse_with(ar, c->pd->lex, c->pd->words, st, count, info, &syn) < 0)
            goto nomem;
        token_ids(&syn, ents, count, ids);
        sent_ctx s = {.pd = c->pd,
                      .syn = &syn,
                      .toks = st,
                      .ids = ids,
                      .n = count,
                      .date = date,
                      .mem = &mem,
                      .lone_agent = lone_agent_prefix(&c->opt),
                      .tabari = c->opt.tabari.enabled};
        pattern_filters(&s, ids);
        if (build_wordset(ar, &s) < 0 || find_mentions(ar, &s) < 0) goto nomem;
        if (s.discard == 2) break;
        e.sent_index = si;
        e.ndates = dates_find(s.toks, syn.wcls, s.n, date, e.dates, 8);
        quotes_sentence(&qs, &s, si, sn->paragraph, a, fn, user, &e.stopped);
        if (s.discard) continue;
        if (quotes_add_speaker_mentions(ar, &qs, &s) < 0) goto nomem;
        e.quotes = &qs;
        code_sentence(&e, &s);
        if (c->opt.tabari.enabled)
            tabari_first_named_actor(&s, c->first_actor, sizeof c->first_actor);
        remember_mentions(&s);
    }
    return PARLEY_OK;
nomem:
    if (err) {
        err->status = PARLEY_ERR_NOMEM;
        snprintf(err->message, sizeof err->message, "out of memory coding article %s",
                 a->id ? a->id : "");
    }
    return PARLEY_ERR_NOMEM;
}

const char *parley_status_name(parley_status s) {
    switch (s) {
    case PARLEY_OK: return "ok";
    case PARLEY_ERR_NOMEM: return "out of memory";
    case PARLEY_ERR_IO: return "input/output error";
    case PARLEY_ERR_PARSE: return "malformed input";
    case PARLEY_ERR_USAGE: return "invalid argument";
    case PARLEY_ERR_LIMIT: return "limit exceeded";
    }
    return "unknown";
}

/* tabari.c: TABARI's shallow reading, used when the coder's TABARI options are on (see
 * coder.h and docs/validation.md): the first actor of a clause is the source and the first
 * after the verb the target, clauses being the stretches between conjunctions; any word of the
 * verbs dictionary is a verb; COMPLEX: and COMMA: rules; FORWARD across records. */
#include <stdio.h>
#include <string.h>

#include "../util/strcopy.h"
#include "coder.h"

/* The nearest actor before token `verb` anywhere in the sentence (a compound by its first
 * member), in a prepositional phrase only when no other is: the source when the verb's own
 * clause has none, or when the pattern's '+' took the clause's first actor. */
static int32_t tabari_prior_actor(const sent_ctx *s, uint32_t verb) {
    int32_t pp = -1;
    for (uint32_t k = s->nm; k-- > 0;) {
        const mention *m = &s->m[k];
        if (m->last >= verb) continue;
        int32_t head = m->group >= 0 ? m->group : (int32_t)k;
        if (!m->in_pp) return head;
        if (pp < 0) pp = head;
    }
    return pp;
}

/* TABARI's rules for a missing source or target (its COMPLEX: NOACTPRIOR and DEFAULT:
 * options): with no actor before the verb, the default source stands in when PRIOR is set;
 * else, without NOACTPRIOR, the first actor after the verb is the source (and a compound there
 * acts on its own later members). A missing target is the default target, except that without
 * AFTER a compound source's later members are the target. The defaults are applied in
 * emit_events; here only the mention choices change. */
void tabari_missing_sides(const sent_ctx *s, const parley_tabari_options *t, verb_match *vm) {
    /* "Arnor suggested + Gondor should demand": the pattern took the subject as its target;
     * the source is the actor before it */
    if (vm->source >= 0 && vm->source == vm->target && s->m[vm->target].last < vm->anchor_first)
        vm->source = tabari_prior_actor(s, s->m[vm->target].first);
    if (vm->source < 0 && !vm->passive) vm->source = tabari_prior_actor(s, vm->anchor_first);
    if (vm->source < 0 && !(t->default_prior && t->default_source[0]) && !t->no_actor_prior &&
        vm->target >= 0) {
        vm->source = vm->target;
        const mention *m = &s->m[vm->source];
        vm->target = -1;
        if (m->group >= 0)
            vm->split_source = 1;
        else
            vm->target = tabari_next_actor(s, m->last, vm->source);
    }
    if (vm->source >= 0 && vm->target < 0 && !t->default_after && t->default_target[0] &&
        s->m[vm->source].group >= 0)
        vm->split_source = 1;
}

/* Is token h part of an actor or agent phrase ("security forces")? */
static int in_mention(const sent_ctx *s, uint32_t h) {
    for (uint32_t k = 0; k < s->nm; k++)
        if (s->m[k].first <= h && h <= s->m[k].last) return 1;
    return 0;
}

/* "a", "an", "the": TABARI reads the word after an article as a noun. */
static int after_article(const sent_ctx *s, uint32_t h) {
    if (h == 0) return 0;
    const char *w = s->toks[h - 1].norm;
    return !strcmp(w, "a") || !strcmp(w, "an") || !strcmp(w, "the");
}

/* TABARI has no parts of speech: any word of its verbs dictionary is a verb ("Estonia actxd
 * from Libya" with ACTXD listed as a form of ACT; "by its resumption of ties"), except a word
 * after an article or a capitalised word inside the sentence (a name: "To Restore"), unless a
 * pattern of its own names the words before it ("raised its *"). */
int tabari_verb_word(const sent_ctx *s, uint32_t h) {
    if ((s->toks[h].flags & TOK_PUNCT) || in_mention(s, h)) return 0;
    verb_match vm;
    int r = match_verb_at(s, h, 0, &vm);
    if (!r || r == 2 || !vm.code.code[0]) return 0;
    if (vm.pattern && vm.pattern->before_n) return 1;
    uint16_t f = s->toks[h].flags;
    return !after_article(s, h) && !(h > 0 && (f & TOK_CAP) && !(f & TOK_ALLCAPS));
}

/* A conjunction that joins two actors of one compound ("Arnor and Gondor") is not a clause
 * boundary. */
static int joins_compound(const sent_ctx *s, uint32_t i) {
    for (uint32_t k = 0; k < s->nm; k++)
        if (s->m[k].first == i + 1 || (s->m[k].first == i + 2 && s->syn->tag[i + 1] == LEX_DT))
            return s->m[k].group >= 0 && (uint32_t)s->m[k].group != k;
    return 0;
}

/* "bombing and shelling", "military and economic": and/or between two noun or adjective words
 * joins them, not two clauses. */
static int joins_words(const sent_ctx *s, uint32_t i) {
    if (i == 0 || i + 1 >= s->n || !strcmp(s->toks[i].norm, "but")) return 0;
    uint8_t a = s->syn->tag[i - 1], b = s->syn->tag[i + 1];
    int na = tag_is_noun(a) || a == LEX_JJ || a == LEX_VBG;
    int nb = tag_is_noun(b) || b == LEX_JJ || b == LEX_VBG;
    return na && nb && !in_mention(s, i - 1) && !in_mention(s, i + 1);
}

/* Does a conjunction at token i start a new TABARI clause? */
static int tabari_clause_conj(const sent_ctx *s, uint32_t i) {
    return (s->syn->wcls[i] & W_CONJ) && !joins_compound(s, i) && !joins_words(s, i);
}

/* TABARI codes one verb per clause, its clauses being the stretches between conjunctions
 * (and, but, or) that do not join a compound or two words: does one stand between a and b? */
int tabari_clause_break(const sent_ctx *s, uint32_t a, uint32_t b) {
    for (uint32_t i = a + 1; i < b; i++)
        if (tabari_clause_conj(s, i)) return 1;
    return 0;
}

/* COMPLEX: NOACTPRIOR: no actor before the sentence's first coded verb ("Rebuked by Eriador,
 * ..."). */
static int tabari_no_actor_prior(const sent_ctx *s) {
    for (uint32_t h = 0; h < s->n; h++) {
        if (s->toks[h].flags & TOK_PUNCT) continue;
        int gi = s->syn->group_of[h];
        int tagged = tag_is_verb(s->syn->tag[h]) && gi >= 0 && s->syn->groups[gi].head == h;
        uint16_t f = s->toks[h].flags;
        if (!tagged && (after_article(s, h) || (h > 0 && (f & TOK_CAP) && !(f & TOK_ALLCAPS))))
            continue;
        verb_match vm;
        int r = match_verb_at(s, h, 0, &vm);
        if (!r || r == 2 || !vm.code.code[0] || in_mention(s, h)) continue;
        return !s->nm || s->m[0].last >= vm.anchor_first;
    }
    return 0;
}

/* TABARI leaves a "complex" sentence uncoded: an actor coded [+++] (or discards it: [###]), or
 * as many verbs of the dictionary or conjunctions (outside compounds) as its COMPLEX: limits. */
int tabari_complex(const sent_ctx *s, const parley_tabari_options *t) {
    for (uint32_t k = 0; k < s->nm; k++) /* complex, or discarded */
        if (!strcmp(s->m[k].code, "+++") || !strcmp(s->m[k].code, "###")) return 1;
    if (t->no_actor_prior && tabari_no_actor_prior(s)) return 1;
    if (!t->complex_verbs && !t->complex_conj) return 0;
    int verbs = 0, conj = 0;
    for (uint32_t h = 0; h < s->n; h++) {
        if ((s->syn->wcls[h] & W_CONJ) && !joins_compound(s, h)) conj++;
        int gi = s->syn->group_of[h];
        verb_match vm;
        if (tag_is_verb(s->syn->tag[h]) && gi >= 0 && s->syn->groups[gi].head == h)
            verbs += match_verb_at(s, h, 0, &vm) != 0;
        else
            verbs += tabari_verb_word(s, h);
    }
    return (t->complex_verbs && verbs >= t->complex_verbs) ||
           (t->complex_conj && conj >= t->complex_conj);
}

/* TABARI's source: the first actor of the verb's clause (from the last conjunction that is a
 * clause boundary), a compound as a whole. */
int32_t tabari_first_actor(const sent_ctx *s, uint32_t verb) {
    uint32_t start = 0;
    for (uint32_t i = verb; i-- > 0;)
        if (tabari_clause_conj(s, i)) {
            start = i + 1;
            break;
        }
    for (uint32_t k = 0; k < s->nm; k++) {
        const mention *m = &s->m[k];
        if (m->first < start) continue;
        if (m->last >= verb) break;
        return m->group >= 0 ? m->group : (int32_t)k;
    }
    return -1;
}

/* TABARI's target: the first actor after the verb, up to the end of its clause (a conjunction
 * that is a clause boundary), not the source or its compound. */
int32_t tabari_next_actor(const sent_ctx *s, uint32_t last, int32_t source) {
    int32_t group = source >= 0 ? (s->m[source].group >= 0 ? s->m[source].group : source) : -1;
    for (uint32_t k = 0; k < s->nm; k++) {
        const mention *m = &s->m[k];
        if (m->first <= last) continue;
        if (tabari_clause_break(s, last, m->first)) return -1;
        if ((int32_t)k == group || (m->group >= 0 && m->group == group)) continue;
        if (m->group >= 0 && (uint32_t)m->group != k) continue;
        return (int32_t)k;
    }
    return -1;
}

/* TABARI's FORWARD: a pronoun with no antecedent in the article is the story's forwarded
 * actor, whether "he" or "it". */
void tabari_forward_into(article_mem *mem, const parley_tabari_options *t) {
    str_copy(mem->person_code, sizeof mem->person_code, t->forward_actor);
    str_copy(mem->actor_code, sizeof mem->actor_code, t->forward_actor);
    mem->person_actor = mem->actor_actor = UINT32_MAX;
}

/* The actor code, without its agents, of the sentence's first actor not named by a pronoun. */
void tabari_first_named_actor(const sent_ctx *s, char *out, size_t cap) {
    out[0] = '\0';
    for (uint32_t k = 0; k < s->nm; k++) {
        const mention *m = &s->m[k];
        if (m->pronoun || m->actor == UINT32_MAX) continue;
        const char *code = dict_actor_code(&s->pd->d, m->actor, s->date);
        if (!code) continue;
        str_copy(out, cap, code);
        return;
    }
}

/* TABARI's MINIMUM WORDS counts the words of the text: punctuation and a split-off "'s" are
 * not words of their own. */
uint32_t tabari_word_count(const token *t, uint32_t n) {
    uint32_t w = 0;
    for (uint32_t i = 0; i < n; i++)
        w += !(t[i].flags & TOK_PUNCT) && t[i].norm[0] != '\'';
    return w;
}

static int is_comma(const token *t) {
    return (t->flags & TOK_PUNCT) && t->norm[0] == ',' && !t->norm[1];
}

static int in_range(uint32_t v, int lo, int hi) {
    return v > 0 && (int)v >= lo && (int)v <= hi;
}

/* TABARI's COMMA: option leaves comma-delimited clauses of the given lengths out of the
 * sentence: an opening clause, an aside between two commas (not one of a list: "A, B, and C"),
 * and the closing clause after the last comma that no aside has used ("..., a senior official
 * said on Saturday"). *toks and *n are replaced by the kept tokens, copied into the arena, when
 * any clause is left out. */
int tabari_comma_clauses(arena *ar, const parley_tabari_options *t, const token **toks,
                         uint32_t *n) {
    const token *st = *toks;
    uint32_t cnt = *n, end = cnt, open = UINT32_MAX;
    while (end > 0 && (st[end - 1].flags & TOK_PUNCT) && !is_comma(&st[end - 1]))
        end--; /* the closing full stop stays */
    uint32_t cut_from[TEXT_MAX_SENTENCE_TOKENS + 1], cut_to[TEXT_MAX_SENTENCE_TOKENS + 1], ncut = 0;
    int first = 1;
    for (uint32_t i = 0; i < end; i++) {
        if (!is_comma(&st[i])) continue;
        if (first) {
            first = 0;
            if (in_range(tabari_word_count(st, i), t->comma_bmin, t->comma_bmax)) {
                cut_from[ncut] = 0;
                cut_to[ncut++] = i + 1;
                continue;
            }
        } else if (open != UINT32_MAX &&
                   in_range(tabari_word_count(st + open + 1, i - open - 1), t->comma_min,
                            t->comma_max) &&
                   !(i + 1 < cnt &&
                     (!strcmp(st[i + 1].norm, "and") || !strcmp(st[i + 1].norm, "or")))) {
            cut_from[ncut] = open + 1;
            cut_to[ncut++] = i + 1;
            open = UINT32_MAX;
            continue;
        }
        open = i;
    }
    if (open != UINT32_MAX &&
        in_range(tabari_word_count(st + open + 1, end - open - 1), t->comma_emin, t->comma_emax)) {
        cut_from[ncut] = open;
        cut_to[ncut++] = end;
    }
    if (!ncut) return 0;
    token *kept = arena_alloc(ar, cnt * sizeof *kept);
    if (!kept) return -1;
    uint32_t k = 0, c = 0;
    for (uint32_t i = 0; i < cnt; i++) {
        while (c < ncut && i >= cut_to[c])
            c++;
        if (c < ncut && i >= cut_from[c]) continue;
        kept[k++] = st[i];
    }
    if (k == 0) return 0;
    *toks = kept;
    *n = k;
    return 0;
}

/* actors.c: find actor and agent mentions in a sentence and combine them into coded noun
 * phrases; see coder.h. Longest dictionary match wins at each position, scanning left to right. */
#include <stdio.h>
#include <string.h>

#include "../util/strcopy.h"
#include "coder.h"

static int is_prep(uint8_t tag) {
    return tag == LEX_IN || tag == LEX_TO;
}

/* Is the mention starting at token i the object of a preposition? Subordinators tagged IN
 * ("before Russia invaded", "if Iran attacks") introduce a clause, not a prepositional phrase. */
static int object_of_preposition(const sent_ctx *s, uint32_t i) {
    /* walk back over the phrase's modifiers, then at most one determiner, to a preposition:
     * "in south Ithilen", "to the affected villages"; "on Thursday the United Nations" is not one
     */
    uint32_t p = i;
    while (p > 0 && i - p < 3 &&
           (s->syn->tag[p - 1] == LEX_JJ || s->syn->tag[p - 1] == LEX_CD ||
            s->syn->tag[p - 1] == LEX_RB || s->syn->tag[p - 1] == LEX_NN ||
            s->syn->tag[p - 1] == LEX_NNP))
        p--;
    if (p > 0 && (s->syn->tag[p - 1] == LEX_DT || s->syn->tag[p - 1] == LEX_PRPS)) p--;
    if (p == 0 || !is_prep(s->syn->tag[p - 1])) return 0;
    return !(s->syn->wcls[p - 1] & (W_SUBORD | W_COND | W_THAT));
}

int word_matches(const dict *d, const token *t, const tok_ids *id, const dict_word *w) {
    if ((w->flags & DW_CAPS) && !(t->flags & TOK_ALLCAPS)) return 0;
    if ((w->flags & DW_CAPITAL) && !(t->flags & TOK_CAP)) return 0;
    if (w->flags & DW_STEM) {
        uint32_t l = d->strings.lens[w->word];
        return l <= t->norm_len && memcmp(t->norm, intern_str(&d->strings, w->word), l) == 0;
    }
    if (w->flags & DW_NOSUFFIX) return w->word == id->wid;
    return w->word == id->wid || (id->nlem && w->word == id->nlem) ||
           (id->vlem && w->word == id->vlem) ||
           ((w->flags & DW_ENDINGS) && id->eid && w->word == id->eid);
}

/* The number of tokens phrase p spans from token `at`, 0 when it does not match there. */
static uint32_t phrase_span(const sent_ctx *s, const dict_phrase *p, uint32_t at) {
    const dict *d = &s->pd->d;
    if (!p->loose) {
        if (at + p->n > s->n) return 0;
        for (uint32_t k = 0; k < p->n; k++)
            if (!word_matches(d, &s->toks[at + k], &s->ids[at + k], &d->words.v[p->words_off + k]))
                return 0;
        return p->n;
    }
    uint32_t i = at;
    for (uint32_t k = 0; k < p->n; k++, i++) {
        const dict_word *w = &d->words.v[p->words_off + k];
        uint32_t limit = (k == 0 || (w->flags & DW_ADJACENT)) ? i : i + DICT_PHRASE_GAP;
        while (i <= limit && i < s->n && !word_matches(d, &s->toks[i], &s->ids[i], w))
            i++;
        if (i > limit || i >= s->n) return 0;
    }
    return i - at;
}

/* Best phrase starting at token i in a list sorted longest first; *len: the tokens it spans. */
static void best_in(const sent_ctx *s, const uint32_t *list, uint32_t n, uint32_t i,
                    const dict_phrase **best, uint32_t *len) {
    const dict *d = &s->pd->d;
    for (uint32_t k = 0; k < n; k++) {
        const dict_phrase *p = &d->phrases.v[list[k]];
        if (*best && p->n <= (*best)->n) break;
        uint32_t l = phrase_span(s, p, i);
        if (l) {
            *best = p;
            *len = l;
            break;
        }
    }
}

/* Phrases whose first word is `key`: those of one word or with a stem second word (first-word
 * index), and those whose first two words are key + token i+1 (two-word index). */
static void best_for_first(const sent_ctx *s, uint32_t key, uint32_t i, const dict_phrase **best,
                           uint32_t *len) {
    const dict *d = &s->pd->d;
    if (!key || !dict_word_starts_phrase(d, key)) return;
    if (i + 1 < s->n) {
        const tok_ids *nx = &s->ids[i + 1];
        uint32_t seconds[3] = {nx->wid, nx->nlem != nx->wid ? nx->nlem : 0,
                               nx->vlem != nx->wid && nx->vlem != nx->nlem ? nx->vlem : 0};
        for (int k = 0; k < 3; k++) {
            uint32_t n;
            const uint32_t *list = dict_pair_phrases(d, key, seconds[k], &n);
            if (list) best_in(s, list, n, i, best, len);
        }
    }
    uint32_t a = d->phrase_heads[key], b = d->phrase_heads[key + 1];
    best_in(s, d->phrase_list + a, b - a, i, best, len);
}

/* The longest phrase at token i; *len: the tokens it spans. */
static const dict_phrase *longest_at(const sent_ctx *s, uint32_t i, uint32_t *len) {
    const token *t = &s->toks[i];
    const dict_phrase *best = NULL;
    if (t->flags & TOK_PUNCT) return NULL;
    best_for_first(s, s->ids[i].wid, i, &best, len);
    if (s->ids[i].nlem != s->ids[i].wid) best_for_first(s, s->ids[i].nlem, i, &best, len);
    if (s->ids[i].eid) best_for_first(s, s->ids[i].eid, i, &best, len);
    for (uint32_t k = 0; k < s->ids[i].nstem; k++)
        best_for_first(s, s->ids[i].stem[k], i, &best, len);
    return best;
}

static int is_word(const token *t, const char *w) {
    return t->norm[0] == w[0] && strcmp(t->norm, w) == 0; /* first byte: most differ there */
}

/* Join an actor code and an agent code: "RUS" + "MIL" -> "RUSMIL"; an actor that already has a
 * role keeps it ("USAGOV" + "GOV" -> "USAGOV"). Prefix agents go in front ("NGM~"). */
static void combine(char *out, size_t cap, const char *actor, const dict_agent *ag) {
    if (ag->prefix) { /* a redundant agent is not added again: NGM + NGM is NGM */
        int redundant = !strncmp(actor, ag->code, strlen(ag->code));
        str_concat(out, cap, redundant ? "" : ag->code, actor);
        return;
    }
    if (strlen(actor) == 3 || !strcmp(actor, "~")) /* a country, or TABARI's "~" for none */
        str_concat(out, cap, actor, ag->code);
    else
        str_copy(out, cap, actor);
}

typedef struct {
    uint32_t first, last;
    const dict_phrase *p;
} raw_mention;

/* The subject mention of the reporting verb that governs a reported clause, if any. */
static int32_t reporter_of(const sent_ctx *s, uint32_t tok, const mention *list, uint32_t nm) {
    int c = s->syn->clause_of[tok];
    const clause *cl = &s->syn->clauses[c];
    if (cl->kind != CL_REPORTED) return -1;
    /* the reporting verb's subject: skip mentions in prepositional phrases and in relative or
     * adverbial clauses ("Rasmussen, who served as NATO secretary general, said that he") */
    for (uint32_t k = nm; k-- > 0;) {
        if (list[k].last >= cl->first || list[k].in_pp) continue;
        uint8_t kind = s->syn->clauses[s->syn->clause_of[list[k].first]].kind;
        if (kind == CL_RELATIVE) continue;
        return (int32_t)k;
    }
    return -1;
}

/* "him"/"her" as an object never means its own clause's subject: the latest person named
 * earlier in the sentence outside that clause ("Armenia's foreign minister, Ararat Mirzoyan,
 * visited Ankara, where Mr. Cavusoglu thanked him"). -1 when none. */
/* The subject of an earlier main clause of the sentence, when a person: "Blinken said ...,
 * and he called on the authorities" (he = Blinken, named after the last sentence). */
static int32_t main_subject_before(const sent_ctx *s, uint32_t i, const mention *list,
                                   uint32_t nm) {
    for (uint32_t k = nm; k-- > 0;) {
        const mention *m = &list[k];
        if (m->last >= i || m->in_pp || (s->toks[m->first].flags & TOK_INQUOTE)) continue;
        int c = s->syn->clause_of[m->first];
        if (s->syn->clauses[c].kind != CL_MAIN) continue;
        return m->person && !m->pronoun ? (int32_t)k : -1;
    }
    return -1;
}
static int32_t other_person_before(const sent_ctx *s, uint32_t i, const mention *list,
                                   uint32_t nm) {
    uint16_t c = s->syn->clause_of[i];
    for (uint32_t k = nm; k-- > 0;)
        if (list[k].last < i && list[k].person && !list[k].pronoun &&
            s->syn->clause_of[list[k].first] != c)
            return (int32_t)k;
    return -1;
}

/* "the two leaders", "both sides", "the two countries": the two people (leaders, ministers,
 * presidents, men), the two sides (parties) or the two countries (governments, nations) last
 * named in the article, as a compound of two mentions over the phrase. Returns the phrase's length
 * in tokens (0 when it is not one) and fills out[0..1]. */
static uint32_t pair_reference(const sent_ctx *s, uint32_t i, mention out[2]) {
    static const char *const PEOPLE[] = {"leaders", "ministers", "presidents", "premiers",
                                         "men",     "heads",     NULL};
    static const char *const SIDES[] = {"sides", "parties", NULL};
    static const char *const COUNTRIES[] = {"countries", "governments", "nations", "neighbours",
                                            "neighbors", "states",      NULL};
    const article_mem *mem = s->mem;
    uint32_t n = 0;
    if (i + 2 < s->n && is_word(&s->toks[i], "the") && is_word(&s->toks[i + 1], "two"))
        n = 3;
    else if (i + 1 < s->n && is_word(&s->toks[i], "both"))
        n = 2;
    if (!n || (s->toks[i].flags & TOK_INQUOTE)) return 0;
    uint32_t h = i + n - 1;
    /* "the two foreign ministers": one adjective may stand before the noun */
    if (h + 1 < s->n && s->syn->tag[h] == LEX_JJ) h++, n++;
    int people = -1;
    for (int k = 0; PEOPLE[k] && people < 0; k++)
        if (is_word(&s->toks[h], PEOPLE[k])) people = 1;
    for (int k = 0; SIDES[k] && people < 0; k++)
        if (is_word(&s->toks[h], SIDES[k])) people = 0;
    for (int k = 0; COUNTRIES[k] && people < 0; k++)
        if (is_word(&s->toks[h], COUNTRIES[k])) people = 2;
    if (people < 0) return 0;
    /* sides and parties: the latest pair named together ("Israel and Hamas"), else the two
     * latest actors; countries: the two latest countries named */
    const recent_actor *slot = people == 1   ? mem->last_people
                               : people == 2 ? mem->last_countries
                                             : mem->last_actors;
    int compound = !people && mem->last_compound[0].code[0];
    if (compound) slot = mem->last_compound;
    if (!slot[0].code[0] || !slot[1].code[0]) return 0;
    for (int j = 0; j < 2; j++) {
        int from = compound ? j : 1 - j; /* the compound is in text order, the rest newest first */
        memset(&out[j], 0, sizeof out[j]);
        str_copy(out[j].code, sizeof out[j].code, slot[from].code);
        out[j].actor = slot[from].actor;
        out[j].first = i;
        out[j].last = i + n - 1;
        out[j].agent_of = -1;
        out[j].person = people == 1;
        out[j].pronoun = 1;
        out[j].in_pp = object_of_preposition(s, i);
    }
    return n;
}

/* Is the conjunction at token j a clause boundary rather than the join of a compound ("Elrond
 * and Gondor")? Only the actors named so far (list) and the actor phrases (s->m) are known. */
static int conj_splits_clause(const sent_ctx *s, uint32_t j, const mention *list, uint32_t nm) {
    int before = 0, after = 0;
    for (uint32_t k = 0; k < nm && !before; k++)
        before = list[k].last + 1 == j;
    for (uint32_t k = 0; k < s->nm && !after; k++)
        after =
            s->m[k].first == j + 1 || (s->m[k].first == j + 2 && is_word(&s->toks[j + 1], "the"));
    return !(before && after);
}

/* TABARI's pronouns: in the sentence's first clause, the nearest actor before the pronoun
 * ("urged Bree to assist it"); in a later clause (after and/but/or), the first actor of the
 * clause before ("Elrond urged Bree ... and Gondor asked him"). -1 when no actor precedes. */
static int32_t tabari_pronoun(const sent_ctx *s, uint32_t i, const mention *list, uint32_t nm) {
    if (!nm || list[0].last >= i) return -1;
    uint32_t cs = 0, prev = 0; /* the pronoun's clause start, the previous clause's start */
    for (uint32_t j = 0; j < i; j++)
        if ((s->syn->wcls[j] & W_CONJ) && conj_splits_clause(s, j, list, nm)) {
            prev = cs;
            cs = j + 1;
        }
    if (cs == 0) {
        int32_t near = -1;
        for (uint32_t k = 0; k < nm && list[k].last < i; k++)
            near = (int32_t)k;
        return near;
    }
    for (uint32_t k = 0; k < nm && list[k].first < cs; k++)
        if (list[k].first >= prev) return (int32_t)k;
    return -1;
}

/* A pronoun or a bare surname becomes a mention of the actor it refers to. */
/* A described actor: "the group" (the latest armed group named: "the RSF said ... the group
 * accused the army"), "the bloc", "the regional bloc", "the alliance" (the latest organisation
 * of states). One adjective may stand between "the" and the noun. */
static const recent_actor *described_actor(const sent_ctx *s, uint32_t i) {
    static const char *const GROUP[] = {"group", "movement", "militia", NULL};
    /* (not "the organisation": as often ETA or an NGO as an organisation of states) */
    static const char *const IGO[] = {"bloc", "alliance", NULL};
    const article_mem *mem = s->mem;
    uint32_t d = i;
    if (d > 0 && s->syn->tag[d - 1] == LEX_JJ) d--;
    if (d == 0 || !is_word(&s->toks[d - 1], "the")) return NULL;
    /* the head of its phrase: not "the group's leader" nor "the bloc summit" */
    if (i + 1 < s->n && tag_is_noun(s->syn->tag[i + 1])) return NULL;
    for (int k = 0; GROUP[k]; k++)
        if (is_word(&s->toks[i], GROUP[k]))
            return mem->last_armed.code[0] ? &mem->last_armed : NULL;
    for (int k = 0; IGO[k]; k++)
        if (is_word(&s->toks[i], IGO[k])) return mem->last_igo.code[0] ? &mem->last_igo : NULL;
    return NULL;
}

/* Has the article named this country (3-letter code) so far? */
static int article_named(const article_mem *mem, const char *code) {
    for (int k = 0; k < mem->ncountries; k++)
        if (!strncmp(mem->countries[k].code, code, 3)) return 1;
    return 0;
}

/* "the North" and "the South" in an article about a divided country: Korea (PRK, KOR) or
 * Sudan (SDN, SSD). Capitalised, after "the", heading its phrase ("the North Atlantic" is
 * not). */
static int divided_country_half(const sent_ctx *s, uint32_t i, char out[4]) {
    static const char *const HALVES[][3] = {
        {"north", "PRK", "KOR"}, {"south", "KOR", "PRK"}, {"south", "SSD", "SDN"}};
    const token *t = &s->toks[i];
    if (!(t->flags & TOK_CAP) || i == 0 || !is_word(&s->toks[i - 1], "the") ||
        (i + 1 < s->n && (s->toks[i + 1].flags & TOK_CAP)))
        return 0;
    for (size_t k = 0; k < sizeof HALVES / sizeof HALVES[0]; k++)
        if (is_word(t, HALVES[k][0]) &&
            (article_named(s->mem, HALVES[k][1]) || article_named(s->mem, HALVES[k][2]))) {
            memcpy(out, HALVES[k][1], 4);
            return 1;
        }
    return 0;
}

static int add_reference(const sent_ctx *s, uint32_t i, const mention *list, uint32_t nm,
                         mention *m) {
    const token *t = &s->toks[i];
    const article_mem *mem = s->mem;
    if (!mem || (t->flags & TOK_INQUOTE)) return 0;
    if (s->tabari && (s->syn->wcls[i] & (W_PRON_PERSON | W_PRON_OTHER))) {
        int32_t r = tabari_pronoun(s, i, list, nm);
        if (r >= 0) {
            *m = list[r];
            m->first = m->last = i;
            m->group = -1;
            m->pronoun = 1;
            m->in_pp = object_of_preposition(s, i);
            return 1;
        }
    }
    memset(m, 0, sizeof *m);
    m->agent_of = -1;
    m->first = m->last = i;
    m->group = -1;
    m->pronoun = 1;
    uint32_t wc = s->syn->wcls[i];
    char half[4];
    if (divided_country_half(s, i, half)) {
        snprintf(m->code, sizeof m->code, "%s", half);
        m->actor = UINT32_MAX;
        m->in_pp = object_of_preposition(s, i);
        return 1;
    }
    const recent_actor *described = described_actor(s, i);
    if (described) {
        snprintf(m->code, sizeof m->code, "%s", described->code);
        m->actor = described->actor;
        m->in_pp = object_of_preposition(s, i);
        return 1;
    }
    if (!(wc & (W_PRON_PERSON | W_PRON_OTHER)) && s->syn->tag[i] != LEX_NNP) return 0;
    int32_t rep = reporter_of(s, i, list, nm);
    if (wc & W_PRON_PERSON) {
        int32_t other = !strcmp(t->norm, "him") || !strcmp(t->norm, "her")
                            ? other_person_before(s, i, list, nm)
                            : -1;
        int32_t subj =
            other < 0 && !(rep >= 0 && list[rep].person) ? main_subject_before(s, i, list, nm) : -1;
        if (other >= 0) {
            *m = list[other]; /* "X, visited Ankara, where Mr. Cavusoglu thanked him" */
        } else if (rep >= 0 && list[rep].person) {
            *m = list[rep];
        } else if (subj >= 0 && s->syn->clauses[s->syn->clause_of[i]].kind == CL_MAIN && i > 0 &&
                   (is_word(&s->toks[i - 1], "and") || is_word(&s->toks[i - 1], "but"))) {
            *m = list[subj];
        } else if (mem->person_code[0]) {
            str_copy(m->code, sizeof m->code, mem->person_code);
            m->actor = mem->person_actor;
            m->person = 1;
        } else
            return 0;
    } else if (wc & W_PRON_OTHER) {
        /* "it" and "they" stand for an actor as subjects ("it will respond"), rarely as
         * objects ("implement it"): only a pronoun followed by its verb is resolved */
        if (i + 1 >= s->n || s->syn->group_of[i + 1] < 0 || !strcmp(t->norm, "them")) return 0;
        if (rep >= 0)
            *m = list[rep];
        else if (mem->actor_code[0]) {
            str_copy(m->code, sizeof m->code, mem->actor_code);
            m->actor = mem->actor_actor;
        } else
            return 0;
    } else if (s->syn->tag[i] == LEX_NNP) {
        uint32_t w = s->ids[i].wid;
        int k = mem->nsurnames;
        while (k-- > 0 && (!w || mem->surnames[k].word != w)) {
        }
        if (k < 0) return 0;
        const char *code = dict_actor_code(&s->pd->d, mem->surnames[k].actor, s->date);
        if (!code) return 0;
        str_copy(m->code, sizeof m->code, code);
        m->actor = mem->surnames[k].actor;
        m->person = 1;
    } else
        return 0;
    m->first = m->last = i;
    m->group = -1;
    m->pronoun = 1;
    m->in_pp = object_of_preposition(s, i);
    return 1;
}

/* Does a code start with a state (not an IGO, NGO, region or transnational group)? */
static int is_country_code(const char *c) {
    static const char *const NOT[] = {"IGO", "NGO", "IMG", "MNC", "WST", "AFR", "ASA", "EUR", "MEA",
                                      "LAM", "CAS", "SAS", "SEA", "NAF", "WAF", "EAF", "CAF", "SAF",
                                      "BLK", "CRB", "NMR", "SAM", "CFR", "---", NULL};
    if (strlen(c) < 3) return 0;
    for (int i = 0; NOT[i]; i++)
        if (c[0] == NOT[i][0] && !strncmp(c, NOT[i], 3)) return 0;
    return 1;
}

/* A word before a noun that leaves it without a determiner or modifier: "by force", "or force" */
static int bare_noun_context(uint8_t tag) {
    return tag == LEX_IN || tag == LEX_CC || tag == LEX_TO || tag == LEX_VB || tag == LEX_VBD ||
           tag == LEX_VBP || tag == LEX_VBZ || tag == LEX_VBG || tag == LEX_VBN || tag == LEX_COMMA;
}

/* A continent or world region's code ("the African country of"), not a state's nor a body's */
static int region_code(const char *c) {
    static const char *const R[] = {"AFR", "ASA", "EUR", "MEA", "LAM", "CAS", "SAS", "SEA", "NAF",
                                    "WAF", "EAF", "SAF", "CFR", "SAM", "NMR", "CRB", NULL};
    if (strlen(c) != 3) return 0;
    for (int i = 0; R[i]; i++)
        if (!strcmp(c, R[i])) return 1;
    return 0;
}

static int country_noun(const token *t) {
    return is_word(t, "country") || is_word(t, "nation") || is_word(t, "state") ||
           is_word(t, "kingdom") || is_word(t, "republic") || is_word(t, "monarchy");
}

/* Count a country mention; the most named country (the latest on ties) is the article's. */
static void count_country(article_mem *mem, const char *code) {
    int k = 0;
    while (k < mem->ncountries && strncmp(mem->countries[k].code, code, 3) != 0)
        k++;
    if (k == mem->ncountries) {
        if (k == 16) return;
        memcpy(mem->countries[k].code, code, 3);
        mem->countries[k].code[3] = '\0';
        mem->countries[k].count = 0;
        mem->ncountries++;
    }
    mem->countries[k].count++;
    unsigned best = 0;
    for (int i = 0; i < mem->ncountries; i++)
        if (mem->countries[i].count >= best && (i == k || mem->countries[i].count > best)) {
            best = mem->countries[i].count;
            memcpy(mem->country, mem->countries[i].code, 4);
        }
    if (mem->countries[k].count >= best) memcpy(mem->country, mem->countries[k].code, 4);
}

/* Keep the two latest distinct codes, the newest first. */
static void push_recent(recent_actor *slot, const char *code, uint32_t actor) {
    if (!code[0] || !strcmp(slot[0].code, code)) return;
    slot[1] = slot[0];
    str_copy(slot[0].code, sizeof slot[0].code, code);
    slot[0].actor = actor;
}

static int is_country_code(const char *c);

/* Is the code an armed non-state group's: rebels, insurgents, militias ("SDNREBRSF")? */
static int armed_group_code(const char *code) {
    size_t n = strlen(code);
    for (size_t k = 3; k + 3 <= n; k += 3)
        if (!strncmp(code + k, "REB", 3) || !strncmp(code + k, "INS", 3)) return 1;
    return !strncmp(code, "IMG", 3);
}

static void remember_described(article_mem *mem, const mention *m) {
    recent_actor *slot = !strncmp(m->code, "IGO", 3) ? &mem->last_igo
                         : armed_group_code(m->code) ? &mem->last_armed
                                                     : NULL;
    if (!slot || m->contextual) return;
    snprintf(slot->code, sizeof slot->code, "%s", m->code);
    slot->actor = m->actor;
}

static void remember_pair(article_mem *mem, const mention *m) {
    remember_described(mem, m);
    push_recent(mem->last_actors, m->code, m->actor);
    if (m->person) push_recent(mem->last_people, m->code, m->actor);
    /* a country, or its government: "Saudi Arabia", "Washington" */
    if (is_country_code(m->code) && (strlen(m->code) == 3 || !strncmp(m->code + 3, "GOV", 3))) {
        char country[4] = {m->code[0], m->code[1], m->code[2], 0};
        push_recent(mem->last_countries, country, m->actor);
    }
}

/* The end of a dateline ("JEDDAH, Saudi Arabia —") opening the article's first sentence, or 0.
 * Where the reporter files from is not what the article is about: its country is not counted
 * for the article's main country. */
static uint32_t dateline_end(const sent_ctx *s) {
    if (s->mem->sentences != 0 || s->n < 3 || !(s->toks[0].flags & TOK_ALLCAPS) ||
        s->toks[0].end - s->toks[0].start < 3)
        return 0;
    for (uint32_t i = 1; i < s->n && i < 10; i++) {
        const char *w = s->toks[i].norm;
        if (!strcmp(w, "-") || !strcmp(w, "--") || !strcmp(w, "\xe2\x80\x94") ||
            !strcmp(w, "\xe2\x80\x93"))
            return i;
    }
    return 0;
}

void remember_mentions(sent_ctx *s) {
    article_mem *mem = s->mem;
    if (!mem) return;
    uint32_t dateline = dateline_end(s);
    mem->sentences++;
    const dict *d = &s->pd->d;
    for (uint32_t k = 0; k < s->nm; k++) {
        const mention *m = &s->m[k];
        if (s->toks[m->first].flags & TOK_INQUOTE) continue;
        if (m->person) {
            str_copy(mem->person_code, sizeof mem->person_code, m->code);
            mem->person_actor = m->actor;
            /* remember the surname of a name written in full */
            if (!m->pronoun && m->last > m->first && mem->nsurnames < MEM_SURNAMES &&
                s->ids[m->last].wid) {
                mem->surnames[mem->nsurnames].word = s->ids[m->last].wid;
                mem->surnames[mem->nsurnames].actor = m->actor;
                mem->nsurnames++;
            }
            /* a two-word name may put the family name first ("Zhao Lijian" ... "Zhao said",
             * "Wang Yi" ... "Mr. Wang") */
            if (!m->pronoun && m->last == m->first + 1 && mem->nsurnames < MEM_SURNAMES &&
                s->ids[m->first].wid && (s->toks[m->first].flags & TOK_CAP) &&
                !(s->syn->wcls[m->first] & W_TITLE)) {
                mem->surnames[mem->nsurnames].word = s->ids[m->first].wid;
                mem->surnames[mem->nsurnames].actor = m->actor;
                mem->nsurnames++;
            }
        } else if (!m->in_pp) {
            str_copy(mem->actor_code, sizeof mem->actor_code, m->code);
            mem->actor_actor = m->actor;
        }
        if (!m->pronoun && is_country_code(m->code) && m->last >= dateline)
            count_country(mem, m->code);
        if (!m->pronoun) remember_pair(mem, m);
    }
    /* the latest compound of exactly two actors, for "both sides" */
    for (uint32_t k = 0; k + 1 < s->nm; k++) {
        const mention *a = &s->m[k], *b = &s->m[k + 1];
        if (a->group != (int32_t)k || b->group != (int32_t)k || a->pronoun ||
            (k + 2 < s->nm && s->m[k + 2].group == (int32_t)k) ||
            (s->toks[a->first].flags & TOK_INQUOTE))
            continue;
        /* reporters are not sides: "..., Saudi Arabia and the United States said" */
        if (b->last + 1 < s->n && (s->syn->wcls[b->last + 1] & W_REPORT)) continue;
        str_copy(mem->last_compound[0].code, 32, a->code);
        mem->last_compound[0].actor = a->actor;
        str_copy(mem->last_compound[1].code, 32, b->code);
        mem->last_compound[1].actor = b->actor;
    }
    (void)d;
}

/* The country a bare agent ("the government", "troops", "protesters") belongs to: the place a
 * sentence opens with ("In Kiev, protesters rallied ..."), else the article's main country so
 * far, else (at the start of an article) the first country named in this sentence; "" none. */
static void context_country(const sent_ctx *s, uint32_t nm, uint32_t at, const raw_mention *raw,
                            uint32_t nr, char out[4]) {
    out[0] = '\0';
    /* the fronted place is where the subjects are: "In Beijing, a ministry spokesman said the
     * central government ..."; an object after its clause's verb is about the article's
     * country ("In Washington, Blinken called on the authorities") */
    int c = s->syn->clause_of[at], object = 0;
    for (uint32_t i = s->syn->clauses[c].first; i < at && !object; i++)
        object = s->syn->group_of[i] >= 0 && tag_is_verb(s->syn->tag[i]);
    if (nm > 0 && !object && s->m[0].first == 1 && !strcmp(s->toks[0].norm, "in") &&
        s->m[0].last + 1 < s->n && !strcmp(s->toks[s->m[0].last + 1].norm, ",") &&
        is_country_code(s->m[0].code)) {
        memcpy(out, s->m[0].code, 3);
        out[3] = '\0';
        return;
    }
    if (s->mem && s->mem->country[0]) {
        memcpy(out, s->mem->country, 4);
        return;
    }
    uint32_t dateline = dateline_end(s); /* "JEDDAH, Saudi Arabia —" is not the subject */
    for (uint32_t k = 0; k < nm; k++)
        if (is_country_code(s->m[k].code) && s->m[k].last >= dateline) {
            memcpy(out, s->m[k].code, 3);
            out[3] = '\0';
            return;
        }
    /* the article's first sentence may name its country only later: "On Sunday, armed men
     * kidnapped ... in the Darfur region of Sudan" */
    for (uint32_t r = 0; r < nr; r++) {
        if (raw[r].p->kind != PH_ACTOR || raw[r].first <= at || raw[r].last < dateline) continue;
        const char *code = dict_actor_code(&s->pd->d, raw[r].p->target, s->date);
        if (code && strcmp(code, "---") != 0 && is_country_code(code)) {
            memcpy(out, code, 3);
            out[3] = '\0';
            return;
        }
    }
}

/* Nouns that name a body of the agent before them: "opposition coalition", "military council",
 * "rebel leaders", "government officials". */
static int group_noun(const sent_ctx *s, uint32_t i) {
    static const char *const G[] = {"coalition",    "council",         "alliance",   "bloc",
                                    "front",        "movement",        "group",      "groups",
                                    "leader",       "leaders",         "official",   "officials",
                                    "member",       "members",         "spokesman",  "spokeswoman",
                                    "spokesperson", "figures",         "camp",       "delegation",
                                    "negotiators",  "representatives", "commanders", NULL};
    for (int k = 0; G[k]; k++)
        if (s->toks[i].norm[0] == G[k][0] && !strcmp(s->toks[i].norm, G[k])) return 1;
    return 0;
}

/* Is token i the head noun of its phrase ("the military", not "military aid")? */
static int heads_noun_phrase(const sent_ctx *s, uint32_t i) {
    /* "the military said": an agent word the tagger read as an adjective heads the phrase
     * when nothing nominal follows it */
    if (s->syn->tag[i] == LEX_JJ && i > 0 && s->syn->tag[i - 1] == LEX_DT &&
        (i + 1 >= s->n || (!tag_is_noun(s->syn->tag[i + 1]) && s->syn->tag[i + 1] != LEX_JJ)))
        return 1;
    if (!tag_is_noun(s->syn->tag[i])) return 0;
    return i + 1 >= s->n || !tag_is_noun(s->syn->tag[i + 1]) || group_noun(s, i + 1);
}

/* Is the mention the subject of the verb right after it? "In Washington, Secretary of State
 * Antony J. Blinken said": not an apposition of the fronted place (a place in the middle of
 * the sentence keeps its apposition: "the court in The Hague, Netherlands has ordered"). */
static int subject_of_next_verb(const sent_ctx *s, const mention *m) {
    uint32_t i = m->last + 1;
    if (i >= s->n || s->syn->group_of[i] < 0) return 0;
    uint8_t t = s->syn->tag[s->syn->groups[s->syn->group_of[i]].head];
    return t == LEX_VBD || t == LEX_VBZ || t == LEX_VBP || t == LEX_MD ||
           (s->syn->wcls[i] & (W_BE | W_HAVE | W_MODAL | W_FUTURE));
}

/* A person is an entry with dated roles (countries and organisations have one undated code). */
static int is_person(const dict *d, uint32_t actor) {
    const dict_actor *a = &d->actors.v[actor];
    return a->roles_n > 1 || (a->roles_n == 1 && d->roles.v[a->roles_off].from != 0);
}

int find_mentions(arena *a, sent_ctx *s) {
    const dict *d = &s->pd->d;
    raw_mention *raw = arena_alloc(a, (s->n + 1) * sizeof *raw);
    s->m = arena_alloc(a, (s->n + 1) * sizeof *s->m);
    if (!raw || !s->m) return -1;
    uint32_t nr = 0;
    for (uint32_t i = 0; i < s->n;) {
        uint32_t len = 0;
        const dict_phrase *p = longest_at(s, i, &len);
        if (!p) {
            i++;
            continue;
        }
        if (p->kind == PH_DISCARD) {
            s->discard = p->story ? 2 : (s->discard ? s->discard : 1);
            i += len;
            continue;
        }
        /* a currency's country prefix: "AU$10 million", "NZ$", "US$" */
        const token *after = i + len < s->n ? &s->toks[i + len] : NULL;
        if (!s->tabari && p->kind == PH_ACTOR && after && is_word(after, "$") &&
            after->start == s->toks[i + len - 1].end) {
            i += len;
            continue;
        }
        /* "force" with no determiner is the abstract noun: "threats or force", "by force",
         * "use force"; "the force", "a UN force" are a body of troops */
        if (!s->tabari && p->kind == PH_AGENT && len == 1 && is_word(&s->toks[i], "force") &&
            (i == 0 || bare_noun_context(s->syn->tag[i - 1]))) {
            i += len;
            continue;
        }
        if (p->kind == PH_ACTOR || p->kind == PH_AGENT) {
            raw[nr].first = i;
            raw[nr].last = i + len - 1;
            raw[nr].p = p;
            nr++;
        }
        i += len;
    }
    /* Combine: [actor][agent] ("Russian troops"), [agent][actor] ("President Biden"),
     * [actor]'s [agent] ("Russia's foreign minister"), [agent] of/in/from [the] [actor]. */
    uint32_t nm = 0;
    uint8_t *used = arena_calloc(a, nr + 1, 1);
    if (!used) return -1;
    for (uint32_t r = 0; r < nr; r++) {
        if (used[r]) continue;
        const raw_mention *x = &raw[r];
        mention *m = &s->m[nm];
        memset(m, 0, sizeof *m);
        m->first = x->first;
        m->last = x->last;
        m->actor = UINT32_MAX;
        m->group = -1;
        m->agent_of = -1;
        const raw_mention *next = r + 1 < nr ? &raw[r + 1] : NULL;
        if (x->p->kind == PH_ACTOR) {
            const char *code = dict_actor_code(d, x->p->target, s->date);
            if (!code || !strcmp(code, "---")) continue; /* unknown on this date, or a non-actor */
            /* "the African country of Mauritania" is Mauritania; "the African nation" is a
             * country described, not the region */
            if (!s->tabari && region_code(code) && x->last + 1 < s->n &&
                country_noun(&s->toks[x->last + 1])) {
                if (!(next && next->p->kind == PH_ACTOR && next->first == x->last + 3 &&
                      is_word(&s->toks[x->last + 2], "of")))
                    continue;
                const char *nc = dict_actor_code(d, next->p->target, s->date);
                if (!nc || !is_country_code(nc)) continue;
                x = next;
                code = nc;
                next = r + 2 < nr ? &raw[r + 2] : NULL;
                used[++r] = 1;
                m->last = x->last;
            }
            m->actor = x->p->target;
            m->person = is_person(d, x->p->target);
            str_copy(m->code, sizeof m->code, code);
            /* [actor] ['s] [adjectives] [agent] ["Ithilen's awful and evil minister"] */
            int mods = next && next->p->kind == PH_AGENT;
            for (uint32_t t = x->last + 1; mods && t < next->first; t++) {
                const token *tk = &s->toks[t];
                mods = (t == x->last + 1 && is_word(tk, "'s")) || s->syn->tag[t] == LEX_JJ ||
                       is_word(tk, "and") || (t > x->last + 1 && s->syn->tag[t] == LEX_NN);
            }
            if (mods) {
                char tmp[32];
                combine(tmp, sizeof tmp, m->code, &d->agents.v[next->p->target]);
                str_copy(m->code, sizeof m->code, tmp);
                m->last = next->last;
                used[r + 1] = 1;
                /* a name right after the title is the same person: "Bree Prime Minister
                 * Romendacil", "Russia's President Vladimir Putin" */
                const raw_mention *name = r + 2 < nr ? &raw[r + 2] : NULL;
                if (name && name->p->kind == PH_ACTOR && name->first == next->last + 1) {
                    const char *nc = dict_actor_code(d, name->p->target, s->date);
                    if (nc && strlen(nc) > strlen(m->code) && !strncmp(nc, m->code, 3))
                        str_copy(m->code, sizeof m->code, nc);
                    m->actor = name->p->target;
                    m->person = 1;
                    m->last = name->last;
                    used[r + 2] = 1;
                } else if (name && name->p->kind == PH_AGENT && name->first == next->last + 1) {
                    /* "Syrian military forces", "Israeli security forces": the second agent
                     * noun heads the same phrase; the first, more specific, gives the code */
                    m->last = name->last;
                    used[r + 2] = 1;
                }
            }
        } else {
            const dict_agent *ag = &d->agents.v[x->p->target];
            /* [agent][actor]: a title before a name, or an agent before a country noun */
            if (next && next->p->kind == PH_ACTOR && next->first == x->last + 1) {
                const char *code = dict_actor_code(d, next->p->target, s->date);
                if (code) {
                    combine(m->code, sizeof m->code, code, ag);
                    m->actor = next->p->target;
                    m->person = is_person(d, next->p->target); /* "President Biden" */
                    m->last = next->last;
                    used[r + 1] = 1;
                }
            } else if (next && next->p->kind == PH_ACTOR && next->first >= x->last + 2 &&
                       next->first <= x->last + 3) {
                const token *prep = &s->toks[x->last + 1];
                int ok = is_word(prep, "of") || is_word(prep, "in") || is_word(prep, "from") ||
                         is_word(prep, "for");
                if (ok && next->first == x->last + 3) ok = is_word(&s->toks[x->last + 2], "the");
                const char *code = ok ? dict_actor_code(d, next->p->target, s->date) : NULL;
                /* "protesters in Nairobi": the capital is a place here, not its government */
                char place[4];
                if (code && (is_word(prep, "in") || is_word(prep, "from")) && strlen(code) == 6 &&
                    !strcmp(code + 3, "GOV") && is_country_code(code)) {
                    snprintf(place, sizeof place, "%.3s", code);
                    code = place;
                }
                if (code) {
                    combine(m->code, sizeof m->code, code, ag);
                    m->actor = next->p->target;
                    m->last = next->last;
                    m->agent_of = (int32_t)x->p->target; /* "the ambassadors of A, B and C" */
                    used[r + 1] = 1;
                }
            }
            if (!m->code[0]) {
                /* An agent with no country: NGOs and IGOs stand alone; "the government",
                 * "troops", "police" belong to the country the article is talking about. */
                if (!strcmp(ag->code, "NGO") || !strcmp(ag->code, "IGO"))
                    str_copy(m->code, sizeof m->code, ag->code);
                else if (s->lone_agent)
                    combine(m->code, sizeof m->code, s->lone_agent, ag);
                else {
                    char ctry[4];
                    context_country(s, nm, x->first, raw, nr, ctry);
                    /* "foreign governments" are not the article's country's */
                    int foreign = x->first > 0 && is_word(&s->toks[x->first - 1], "foreign");
                    /* in quoted words, only "the military", "the government": "our troops",
                     * "troops" are the speaker's or anyone's */
                    int quoted = (s->toks[x->first].flags & TOK_INQUOTE) &&
                                 !(x->first > 0 && is_word(&s->toks[x->first - 1], "the"));
                    if (quoted || !heads_noun_phrase(s, x->last) || !ctry[0] || foreign) continue;
                    combine(m->code, sizeof m->code, ctry, ag);
                    m->contextual = 1;
                }
            }
        }
        m->in_pp = object_of_preposition(s, m->first);
        /* "the military council", "opposition leaders": the body named after the agent */
        if (m->last + 1 < s->n && group_noun(s, m->last + 1)) {
            int starts_mention = 0;
            for (uint32_t q = r + 1; q < nr && !starts_mention; q++)
                starts_mention = raw[q].first == m->last + 1;
            if (!starts_mention) m->last++;
        }
        nm++;
    }
    /* "in The Hague, Netherlands": an apposition of a prepositional object is one too */
    for (uint32_t k = 0; k < nm; k++) {
        uint32_t f = s->m[k].first;
        if (f < 3 || strcmp(s->toks[f - 1].norm, ",") != 0) continue;
        /* the place before the comma: a prepositional mention, or capitalised words after a
         * preposition that the dictionaries do not know ("in The Hague, Netherlands") */
        int place_pp = k > 0 && s->m[k - 1].in_pp && s->m[k - 1].last + 2 == f;
        uint32_t j = f - 2;
        while (!place_pp && j > 0 && (s->toks[j].flags & TOK_CAP) && s->syn->tag[j] != LEX_IN)
            j--;
        if (!place_pp && j + 2 < f && s->syn->tag[j] == LEX_IN && !(s->toks[j].flags & TOK_CAP))
            place_pp = 1;
        uint32_t pp_first = place_pp && k > 0 && s->m[k - 1].last + 2 == f ? s->m[k - 1].first : j;
        if (place_pp &&
            !(pp_first <= 3 && s->syn->tag[0] == LEX_IN && subject_of_next_verb(s, &s->m[k])))
            s->m[k].in_pp = 1;
    }
    /* Pronouns and bare surnames, merged into the mention list in text order. */
    if (s->mem) {
        s->nm = nm; /* the actor phrases, for TABARI's pronouns */
        mention *merged = arena_alloc(a, (s->n + 1) * sizeof *merged);
        if (!merged) return -1;
        uint32_t out = 0, k = 0;
        for (uint32_t i = 0; i < s->n; i++) {
            while (k < nm && s->m[k].first < i)
                merged[out++] = s->m[k++];
            if (k < nm && s->m[k].first <= i && s->m[k].last >= i) continue;
            if (out > 0 && merged[out - 1].last >= i) continue;
            uint32_t len = pair_reference(s, i, &merged[out]);
            if (len) {
                merged[out].group = merged[out + 1].group = (int32_t)out;
                out += 2;
                while (k < nm && s->m[k].first < i + len) /* "leaders" read as an agent */
                    k++;
                i += len - 1;
                continue;
            }
            if (add_reference(s, i, merged, out, &merged[out])) out++;
        }
        while (k < nm)
            merged[out++] = s->m[k++];
        s->m = merged;
        nm = out;
    }
    /* Compounds: "A and B", "A, B, C and D", "A, the evil B and C": mentions linked by
     * commas, conjunctions, articles and adjectives, with at least one "and"/"or" in the run. */
    uint8_t *link = arena_calloc(a, nm + 1, 1); /* link[k]: k-1 and k are joined; 2 = by and */
    if (!link) return -1;
    for (uint32_t k = 1; k < nm; k++) {
        const mention *p = &s->m[k - 1], *q = &s->m[k];
        int joined = q->first > p->last + 1, has_and = 0;
        for (uint32_t t = p->last + 1; t < q->first && joined; t++) {
            const token *tk = &s->toks[t];
            if (is_word(tk, "and") || is_word(tk, "or") || is_word(tk, "nor"))
                has_and = 1;
            else if (is_word(tk, ",") && q->pronoun && q->first == q->last &&
                     (s->syn->wcls[q->first] & (W_PRON_PERSON | W_PRON_OTHER)))
                joined = 0; /* "... the voters, and he called": a new clause's subject */
            else if (!(is_word(tk, ",") || is_word(tk, "the") || is_word(tk, "both") ||
                       is_word(tk, "neither") || is_word(tk, "either") ||
                       s->syn->tag[t] == LEX_JJ ||
                       (s->syn->wcls[t] & W_TITLE))) /* "Mr. Abbas and Mr. Olmert" */
                joined = 0;
        }
        link[k] = joined ? (uint8_t)(1 + has_and) : 0;
    }
    for (uint32_t k = 1; k < nm;) {
        if (!link[k]) {
            k++;
            continue;
        }
        uint32_t start = k - 1, end = k, any_and = 0;
        while (end < nm && link[end])
            any_and |= link[end++] == 2;
        if (any_and) {
            const mention *head = &s->m[start];
            const dict_agent *ag = head->agent_of >= 0 ? &d->agents.v[head->agent_of] : NULL;
            for (uint32_t j = start; j < end; j++) {
                mention *q = &s->m[j];
                q->group = (int32_t)start;
                q->in_pp = head->in_pp;
                /* TABARI gives the agent to the first member only */
                if (ag && j > start && strlen(q->code) == 3 && !s->tabari) {
                    char tmp[32];
                    combine(tmp, sizeof tmp, q->code, ag);
                    str_copy(q->code, sizeof q->code, tmp);
                }
            }
        }
        k = end + 1;
    }
    s->nm = nm;
    return 0;
}

/* quotes.c: quotation spans and speaker attribution; see quotes.h. */
#include "quotes.h"
#include "../util/strcopy.h"

#include <stdio.h>
#include <string.h>

void quotes_init(quote_state *q) {
    memset(q, 0, sizeof *q);
}

static int is(const token *t, const char *w) {
    return strcmp(t->norm, w) == 0;
}

/* A word that can be part of a person's name: capitalised, tagged as a proper noun (so not a
 * sentence-initial "But" or "In"), not a weekday or month, not inside a quotation. */
static int is_name_at(const sent_ctx *s, uint32_t i) {
    const token *t = &s->toks[i];
    if (!(t->flags & TOK_CAP) || (t->flags & (TOK_PUNCT | TOK_INQUOTE))) return 0;
    uint8_t tg = s->syn->tag[i];
    if (!(tg == LEX_NNP || tg == LEX_NNPS || ((t->flags & TOK_ABBREV) && t->norm_len == 2)))
        return 0;
    return !(s->syn->wcls[i] & W_NOTNAME);
}

#define is_title(s, i) ((s)->syn->wcls[i] & W_TITLE)

/* A word of a title phrase before a name: "Secretary of State", "Foreign Minister", "Minister
 * for Foreign Affairs", "Deputy Prime Minister". */
static int is_title_part(const sent_ctx *s, uint32_t i) {
    if (s->syn->wcls[i] & (W_TITLE | W_OFFICE)) return 1;
    return (is(&s->toks[i], "of") || is(&s->toks[i], "for")) && i > 0 && is_title(s, i - 1);
}

/* Copy the text of tokens [f,l] from the article into out. */
static void span_text(const parley_article *a, const token *t, uint32_t f, uint32_t l, char *out,
                      size_t cap) {
    size_t n = t[l].end - t[f].start;
    if (n >= cap) n = cap - 1;
    memcpy(out, a->text + t[f].start, n);
    out[n] = '\0';
}

/* Remember full names (two or more capitalised words) for later "Mr. Surname" expansion. */
static void remember_name(quote_state *q, const char *name, const char *code) {
    if (!strchr(name, ' ')) return;
    for (int i = 0; i < q->nnames; i++)
        if (strcmp(q->names[i], name) == 0) {
            if (!q->name_codes[i][0] && code[0]) str_copy(q->name_codes[i], 32, code);
            return;
        }
    if (q->nnames < QUOTE_MAX_NAMES) {
        str_copy(q->names[q->nnames], 96, name);
        str_copy(q->name_codes[q->nnames], 32, code);
        q->nnames++;
    }
}

/* "Mr. Kirby" / "Kirby" -> "John F. Kirby" when such a name was seen; the code known for that
 * name goes to code (when not NULL and still empty). */
static void expand_name(const quote_state *q, char *name, size_t cap, char *code) {
    const char *last = strrchr(name, ' ');
    last = last ? last + 1 : name;
    for (int i = q->nnames; i-- > 0;) {
        const char *l2 = strrchr(q->names[i], ' ');
        /* the family name may come first in a two-word name: "Zhao Lijian" ... "Zhao said" */
        const char *f2 = strchr(q->names[i], ' ');
        int first_match = name == last && f2 && f2 == l2 &&
                          (size_t)(f2 - q->names[i]) == strlen(last) &&
                          !strncmp(q->names[i], last, strlen(last));
        if ((l2 && strcmp(l2 + 1, last) == 0) || first_match) {
            char tmp[96];
            str_copy(tmp, sizeof tmp, q->names[i]);
            str_copy(name, cap, tmp);
            if (code && !code[0]) str_copy(code, 32, q->name_codes[i]);
            return;
        }
    }
}

/* A coded speaker: the name as the article writes it in full ("Dmitri S. Peskov" for a later
 * "Mr. Peskov"), else the dictionary's name for the actor, else the mention's text. */
static void set_from_mention(quote_state *q, const sent_ctx *s, const parley_article *a,
                             const mention *m, speaker *out) {
    const dict *d = &s->pd->d;
    uint32_t f = m->first;
    while (f < m->last && is_title_part(s, f))
        f++;
    span_text(a, s->toks, f, m->last, out->name, sizeof out->name);
    expand_name(q, out->name, sizeof out->name, NULL);
    if (!strchr(out->name, ' ') && m->actor != UINT32_MAX && m->person &&
        d->actors.v[m->actor].name)
        str_copy(out->name, sizeof out->name, intern_str(&d->strings, d->actors.v[m->actor].name));
    str_copy(out->code, sizeof out->code, m->code);
    out->person = m->person;
}

/* The name ending at token l (walking back over capitalised words and initials). */
/* Lower-case particles inside names: "Mohammed bin Salman", "Ursula von der Leyen". */
static int name_particle(const sent_ctx *s, uint32_t i) {
    static const char *const P[] = {"bin", "bint", "ibn", "al",  "el",  "de",  "del",
                                    "da",  "do",   "dos", "du",  "van", "von", "der",
                                    "den", "la",   "le",  "abu", "ben", NULL};
    for (int k = 0; P[k]; k++)
        if (s->toks[i].norm[0] == P[k][0] && !strcmp(s->toks[i].norm, P[k])) return 1;
    return 0;
}

/* A name word, or a particle between two name words. */
static int in_name(const sent_ctx *s, uint32_t i) {
    if (is_name_at(s, i)) return 1;
    return name_particle(s, i) && i > 0 && i + 1 < s->n && is_name_at(s, i - 1) &&
           (is_name_at(s, i + 1) ||
            (name_particle(s, i + 1) && i + 2 < s->n && is_name_at(s, i + 2)));
}

/* The sentence's first word, capitalised anyway: its tag says little ("Martin", "Elrond"), so
 * it counts as a name word when it is not a function word or a verb. */
static int initial_name_word(const sent_ctx *s, uint32_t i) {
    uint8_t t = s->syn->tag[i];
    return i == 0 && (s->toks[0].flags & TOK_CAP) && !(s->toks[0].flags & TOK_PUNCT) &&
           !(s->syn->wcls[0] & (W_NOTNAME | W_STARTER)) && !tag_is_verb(t) && t != LEX_DT &&
           t != LEX_IN && t != LEX_PRP && t != LEX_PRPS && t != LEX_CC && t != LEX_RB;
}

static int name_ending_at(const sent_ctx *s, uint32_t l, uint32_t *f) {
    if (!is_name_at(s, l)) return 0;
    uint32_t i = l;
    while (i > 0 && (in_name(s, i - 1) || is_title_part(s, i - 1)))
        i--;
    if (i == 1 && initial_name_word(s, 0)) i = 0;
    *f = i;
    return 1;
}

static int name_starting_at(const sent_ctx *s, uint32_t f, uint32_t *l) {
    if (f >= s->n || !(is_name_at(s, f) || is_title(s, f))) return 0;
    uint32_t i = f;
    while (i + 1 < s->n && in_name(s, i + 1))
        i++;
    *l = i;
    return 1;
}

static int mention_covering(const sent_ctx *s, uint32_t f, uint32_t l) {
    for (uint32_t k = 0; k < s->nm; k++)
        if (s->m[k].first <= l && s->m[k].last >= f) return (int)k;
    return -1;
}

/* Where the name proper starts in [f,l]: after the last title and the words of its office
 * ("Italian Prime Minister Silvio Berlusconi", "Secretary of State Antony J. Blinken"). */
static uint32_t name_after_titles(const sent_ctx *s, uint32_t f, uint32_t l) {
    for (uint32_t k = l; k-- > f;)
        if (is_title(s, k)) {
            f = k;
            break;
        }
    while (f < l && is_title_part(s, f))
        f++;
    return f;
}

/* The code of a title right before a name: "African Union mediator Mohamed El Hacen Lebatt",
 * or of the mention covering the name. */
static void title_code(const sent_ctx *s, uint32_t f, uint32_t l, speaker *out) {
    int m = mention_covering(s, f, l);
    if (m >= 0) {
        str_copy(out->code, sizeof out->code, s->m[m].code);
        return;
    }
    if (f == 0 || (s->toks[f - 1].flags & TOK_PUNCT)) return;
    for (uint32_t k = s->nm; k-- > 0;)
        if (s->m[k].last < f && s->m[k].last + 3 >= f) {
            uint32_t j = s->m[k].last + 1;
            while (j < f && (tag_is_noun(s->syn->tag[j]) || is_title(s, j)))
                j++;
            if (j == f) str_copy(out->code, sizeof out->code, s->m[k].code);
            return;
        }
}

/* Fill a speaker from the name/description span [f,l]. */
static void speaker_from_span(quote_state *q, const sent_ctx *s, const parley_article *a,
                              uint32_t f, uint32_t l, speaker *out) {
    int m = mention_covering(s, f, l);
    if (m >= 0 && s->m[m].person) {
        set_from_mention(q, s, a, &s->m[m], out);
        return;
    }
    /* the name text without its title (kept for lookup) */
    uint32_t nf = name_after_titles(s, f, l);
    span_text(a, s->toks, nf, l, out->name, sizeof out->name);
    /* a name, unless an organisation's mention covers it all ("the RSF said") */
    out->person = !(m >= 0 && s->m[m].first <= f && s->m[m].last >= l);
    out->code[0] = '\0';
    if (m >= 0) str_copy(out->code, sizeof out->code, s->m[m].code);
    expand_name(q, out->name, sizeof out->name, out->code);
    /* an apposition after the name may code it: "Ned Price, the State Department spokesman" */
    if (!out->code[0] && l + 2 < s->n && is(&s->toks[l + 1], ",") &&
        !(s->syn->wcls[l + 2] & W_RELATIVE)) { /* not "X, who travelled to Y," */
        for (uint32_t k = 0; k < s->nm; k++)
            if (s->m[k].first > l + 1 && s->m[k].first <= l + 6) {
                str_copy(out->code, sizeof out->code, s->m[k].code);
                break;
            }
    }
    if (!out->code[0]) title_code(s, f, l, out);
    /* and a description before it: "the State Department spokesman, Ned Price," */
    if (!out->code[0] && f >= 2 && is(&s->toks[f - 1], ",")) {
        for (uint32_t k = s->nm; k-- > 0;)
            if (s->m[k].last < f - 1 && s->m[k].last + 6 >= f - 1) {
                str_copy(out->code, sizeof out->code, s->m[k].code);
                break;
            }
    }
}

#define is_pronoun_speaker_at(s, i) ((s)->syn->wcls[i] & W_STARTER)

static int is_reporting_verb(const sent_ctx *s, uint32_t i) {
    return (s->syn->wcls[i] & W_REPORT) && tag_is_verb(s->syn->tag[i]);
}

/* A verb that attributes a quote in its clause: reporting verbs and verbs of speech acts. */
static int is_speech_verb(const sent_ctx *s, uint32_t i) {
    return (s->syn->wcls[i] & (W_REPORT | W_SPEECH)) && tag_is_verb(s->syn->tag[i]);
}

static int is_np_tag(uint8_t t) {
    return tag_is_noun(t) || t == LEX_JJ || t == LEX_DT || t == LEX_POS || t == LEX_PRPS ||
           t == LEX_CD || t == LEX_JJS || t == LEX_VBN;
}

/* "he said": the person who last reported something, else the last person named. */
/* "he said": the person who last reported something, or the last person named, whichever came
 * later; "they said": the last reporter (often a group: "officials said"). */
static void resolve_pronoun(quote_state *q, int singular, speaker *out) {
    /* the speaker of a quote earlier in this paragraph goes on speaking, unless someone else
     * has reported something since ("An army spokesman, X, said in turn that ...") or the
     * sentence just before was about another person */
    int reporter_since = (q->reporter_seq > q->speaker_seq &&
                          strcmp(q->last_reporter.name, q->last_speaker.name) != 0) ||
                         (singular && q->prev_subject_fresh && q->prev_subject.person &&
                          q->prev_subject_seq > q->speaker_seq &&
                          strcmp(q->prev_subject.name, q->last_speaker.name) != 0);
    if (q->quoted_in_para && q->last_speaker.name[0] && (!singular || q->last_speaker.person) &&
        !reporter_since) {
        *out = q->last_speaker;
        return;
    }
    if (singular && q->prev_subject_fresh && q->prev_subject.person &&
        q->prev_subject_seq > q->reporter_seq)
        *out = q->prev_subject; /* the person the previous sentence was about */
    else if (q->last_reporter.name[0] && (!singular || q->last_reporter.person))
        *out = q->last_reporter;
    else if (q->last_person.name[0] && singular)
        *out = q->last_person;
    else if (singular && q->nnames) { /* the last full name written in the article */
        memset(out, 0, sizeof *out);
        str_copy(out->name, sizeof out->name, q->names[q->nnames - 1]);
        out->person = 1;
    } else
        *out = q->last_reporter.name[0] ? q->last_reporter : q->last_speaker;
}

static int singular_pronoun(const sent_ctx *s, uint32_t i) {
    return !strcmp(s->toks[i].norm, "he") || !strcmp(s->toks[i].norm, "she");
}

/* The actor (not a person) a sentence opens with, before token j: "The French government has
 * protested ...". */
static int opening_actor(const sent_ctx *s, const parley_article *a, uint32_t j, speaker *out) {
    for (uint32_t k = 0; k < s->nm; k++) {
        const mention *m = &s->m[k];
        if (m->first > 4 || m->last >= j) return 0;
        if (m->in_pp || m->person || m->pronoun || (s->toks[m->first].flags & TOK_INQUOTE))
            continue;
        memset(out, 0, sizeof *out);
        uint32_t f = m->first;
        if (f > 0 && s->syn->tag[f - 1] == LEX_DT) f--; /* "The French government" */
        uint32_t l = m->last;
        while (l + 1 < j && tag_is_noun(s->syn->tag[l + 1]) && !(s->toks[l + 1].flags & TOK_PUNCT))
            l++;
        span_text(a, s->toks, f, l, out->name, sizeof out->name);
        str_copy(out->code, sizeof out->code, m->code);
        return 1;
    }
    return 0;
}

static int sentence_subject(quote_state *q, const sent_ctx *s, const parley_article *a,
                            int must_open, speaker *out, uint32_t *end);

/* The person the current sentence opens with (q->cur_subject), found on first use: most
 * sentences never need it. */
static int current_subject(quote_state *q, const sent_ctx *s, const parley_article *a) {
    if (!q->cur_subject_ready) {
        q->cur_subject_valid = sentence_subject(q, s, a, 1, &q->cur_subject, &q->cur_subject_end) &&
                               q->cur_subject.person;
        q->cur_subject_ready = 1;
    }
    return q->cur_subject_valid;
}

/* The subject of the reporting verb at token i, looking no further left than floor: a name, a
 * name in an apposition ("the spokesman, Ned Price, said"), a name before an apposition
 * ("Dmitri S. Peskov, the Kremlin's spokesman, said"), a pronoun, or a description
 * ("a senior administration official said"). */
static int subject_before(quote_state *q, const sent_ctx *s, const parley_article *a, uint32_t i,
                          uint32_t floor, speaker *out) {
    if (i == 0 || i <= floor) return 0;
    /* "..., saying that": a participle after a comma speaks for the sentence's first reporter */
    if (s->syn->tag[i] == LEX_VBG && !strcmp(s->toks[i - 1].norm, ",")) {
        for (uint32_t v = floor; v + 1 < i; v++)
            if (is_reporting_verb(s, v) && s->syn->tag[v] != LEX_VBG &&
                !(s->toks[v].flags & TOK_INQUOTE))
                return subject_before(q, s, a, v, floor, out);
    }
    /* "N. Korea issued verbal threats against the south saying ...": a participle after its
     * verb's object speaks for that verb's subject */
    if (s->syn->tag[i] == LEX_VBG && !(s->toks[i - 1].flags & TOK_PUNCT) &&
        s->syn->tag[i - 1] != LEX_PRP && !(s->syn->wcls[i - 1] & (W_BE | W_HAVE))) {
        for (uint32_t v = i - 1; v-- > floor && !(s->toks[v].flags & TOK_PUNCT);)
            if (s->syn->tag[v] == LEX_VBD || s->syn->tag[v] == LEX_VBZ || s->syn->tag[v] == LEX_VBP)
                return subject_before(q, s, a, v, floor, out);
    }
    int64_t j = (int64_t)i - 1;
    while (j > (int64_t)floor &&
           (s->syn->tag[j] == LEX_RB || s->syn->tag[j] == LEX_MD ||
            (s->syn->group_of[j] >= 0 && s->syn->group_of[j] == s->syn->group_of[i])))
        j--;
    if (j < (int64_t)floor) return 0;
    if (is(&s->toks[j], ",")) {
        int64_t k = j - 1;
        while (k > (int64_t)floor && !is(&s->toks[k], ",") && j - k < 14)
            k--;
        if (k < (int64_t)floor || !is(&s->toks[k], ",")) return 0;
        uint32_t f;
        if (j >= 1 && name_ending_at(s, (uint32_t)(j - 1), &f) && (int64_t)f <= k + 2) {
            speaker_from_span(q, s, a, f, (uint32_t)(j - 1), out);
            return 1;
        }
        /* ", Al-Bashir spoke, calling ...": not an apposition but a clause; the participle's
         * subject is that clause's subject */
        for (int64_t v = j - 1; v > k; v--)
            if (tag_is_verb(s->syn->tag[v]) && s->syn->tag[v] != LEX_VBN)
                return subject_before(q, s, a, (uint32_t)v, floor, out);
        j = k - 1;
        if (j < (int64_t)floor) return 0;
    }
    if (is_pronoun_speaker_at(s, j)) {
        /* "Mr. Modi, speaking in Hindi, thanked his host for what he called a “grand
         * welcome”": the sentence's own subject */
        if (singular_pronoun(s, (uint32_t)j) && current_subject(q, s, a) &&
            q->cur_subject_end < (uint32_t)j) {
            *out = q->cur_subject;
            return 1;
        }
        /* "The French government has protested ... a border control that it deemed “a little
         * excessive”": "it" is the organisation the sentence opens with */
        if (!singular_pronoun(s, (uint32_t)j) && !strcmp(s->toks[j].norm, "it") &&
            opening_actor(s, a, (uint32_t)j, out))
            return 1;
        resolve_pronoun(q, singular_pronoun(s, (uint32_t)j), out);
        return out->name[0] != 0;
    }
    uint32_t f;
    if (name_ending_at(s, (uint32_t)j, &f)) {
        speaker_from_span(q, s, a, f, (uint32_t)j, out);
        return 1;
    }
    if (!tag_is_noun(s->syn->tag[j]) || (s->syn->wcls[j] & W_NOTNAME)) return 0;
    int64_t b = j;
    while (b > (int64_t)floor && is_np_tag(s->syn->tag[b - 1]) &&
           !(s->toks[b - 1].flags & TOK_PUNCT))
        b--;
    span_text(a, s->toks, (uint32_t)b, (uint32_t)j, out->name, sizeof out->name);
    int m = mention_covering(s, (uint32_t)b, (uint32_t)j);
    out->code[0] = '\0';
    if (m >= 0) str_copy(out->code, sizeof out->code, s->m[m].code);
    return 1;
}

/* The speaker named by the noun phrase starting at token f ("Canada's International Trade
 * Minister Jim Peterson", "AU commission spokesperson Adam Thiam", "the spokesman"): its last
 * run of name words, or the whole phrase as a description. */
static int np_after(quote_state *q, const sent_ctx *s, const parley_article *a, uint32_t f,
                    speaker *out) {
    uint32_t e = f;
    while (e < s->n && !(s->toks[e].flags & (TOK_PUNCT | TOK_INQUOTE)) &&
           (is_np_tag(s->syn->tag[e]) || is_title(s, e)))
        e++;
    if (e == f) return 0;
    uint32_t last = e - 1, first;
    if (name_ending_at(s, last, &first) && first >= f) {
        while (first < last && is_title_part(s, first))
            first++;
        speaker_from_span(q, s, a, first, last, out);
        return 1;
    }
    span_text(a, s->toks, f, last, out->name, sizeof out->name);
    int m = mention_covering(s, f, last);
    out->code[0] = '\0';
    if (m >= 0) str_copy(out->code, sizeof out->code, s->m[m].code);
    return 1;
}

/* Find the speaker around a quote [qf,ql] (token indexes of the marks, inclusive). */
static int attribute(quote_state *q, const sent_ctx *s, const parley_article *a, uint32_t qf,
                     uint32_t ql, speaker *out) {
    memset(out, 0, sizeof *out);
    /* After the quote: “…,” X said / “…,” said X / “…,” he added / “…,” the spokesman said */
    for (uint32_t i = ql + 1; i < s->n && i <= ql + 14; i++) {
        if (s->toks[i].flags & TOK_QOPEN) break;
        if (!is_reporting_verb(s, i)) {
            /* only the speaker may stand between the quote and its verb */
            const token *t = &s->toks[i];
            if (!(is_np_tag(s->syn->tag[i]) || is(t, ",") || s->syn->tag[i] == LEX_PRP ||
                  s->syn->tag[i] == LEX_RB || s->syn->tag[i] == LEX_MD || is_title_part(s, i)))
                break;
            continue;
        }
        if (subject_before(q, s, a, i, ql + 1, out)) return 1;
        /* “…,” said Canada's trade minister Jim Peterson / said the spokesman */
        if (np_after(q, s, a, i + 1, out)) return 1;
        break;
    }
    /* Before the quote: X said: “…” / X said Putin remained “…” / He added: “…” /
     * militants vowed to start a “holy war” / According to X, “…” */
    for (uint32_t i = qf; i-- > 0;) {
        if (s->toks[i].flags & (TOK_QCLOSE | TOK_INQUOTE)) break;
        if ((s->syn->wcls[i] & W_ACCORDING) && i + 2 < qf && np_after(q, s, a, i + 2, out))
            return 1;
        if (!is_speech_verb(s, i)) continue;
        if (subject_before(q, s, a, i, 0, out)) return 1;
        /* a coordinated verb ("spoke, ... and told the ICC to “eat”"): the sentence's subject */
        uint32_t f, l;
        for (uint32_t j = 0; j < i; j++) {
            if (s->toks[j].flags & TOK_INQUOTE) break;
            if (name_starting_at(s, j, &l) && l < i) {
                f = j;
                while (f < l && is_title_part(s, f))
                    f++;
                speaker_from_span(q, s, a, f, l, out);
                return 1;
            }
            if (s->syn->tag[j] != LEX_IN && s->syn->tag[j] != LEX_DT &&
                !tag_is_noun(s->syn->tag[j]) && s->syn->tag[j] != LEX_JJ &&
                s->syn->tag[j] != LEX_CD && s->syn->tag[j] != LEX_COMMA)
                break;
        }
    }
    return 0;
}

static void note_people(quote_state *q, const sent_ctx *s, const parley_article *a) {
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t l;
        if ((s->toks[i].flags & TOK_INQUOTE) || !is_name_at(s, i) || is_title_part(s, i)) continue;
        if (name_starting_at(s, i, &l) && l > i) {
            /* the name proper: after a country or organisation that opens the run ("Iraq Ryan
             * C. Crocker") and after the last title in it ("New York Governor Eliot Spitzer") */
            uint32_t f = i;
            int m = mention_covering(s, f, f);
            if (m >= 0 && !s->m[m].person && s->m[m].last < l) f = s->m[m].last + 1;
            f = name_after_titles(s, f, l);
            if (f < l) { /* two words at least */
                speaker who;
                memset(&who, 0, sizeof who);
                title_code(s, f, l, &who); /* "African Union mediator Mohamed El Hacen Lebatt" */
                char name[96];
                span_text(a, s->toks, f, l, name, sizeof name);
                remember_name(q, name, who.code);
            }
            i = l;
        }
    }
    for (uint32_t k = 0; k < s->nm; k++)
        if (s->m[k].person && !s->m[k].pronoun && !(s->toks[s->m[k].first].flags & TOK_INQUOTE)) {
            set_from_mention(q, s, a, &s->m[k], &q->last_person);
            q->person_seq = ++q->seq;
        }
}

/* Remember who last reported something outside quotes ("Mr. Radchenko said ..."), so that a
 * later "he said" or an unattributed quote can be given to them. */
static void note_reporters(quote_state *q, const sent_ctx *s, const parley_article *a) {
    for (uint32_t i = 0; i < s->n; i++) {
        if ((s->toks[i].flags & TOK_INQUOTE) || !is_reporting_verb(s, i)) continue;
        if (i > 0 && is_pronoun_speaker_at(s, i - 1)) continue;
        speaker sp;
        memset(&sp, 0, sizeof sp);
        if (subject_before(q, s, a, i, 0, &sp) && sp.name[0] &&
            ((sp.name[0] >= 'A' && sp.name[0] <= 'Z') || sp.code[0])) {
            q->last_reporter = sp;
            q->reporter_seq = ++q->seq;
        }
    }
}

/* The person a sentence opens with, outside quotes: a full name the dictionaries may not know
 * ("Martin Griffiths, the United Nations humanitarian chief, ... welcomed"), "Mr. Barrow, who
 * ...", a coded person, or the name in a title's apposition ("Qatar's prime minister, Mohammed
 * bin Abdulrahman Al Thani, met ..."). With must_open, only a subject that opens the sentence.
 * *end is the subject's last token. */
static int sentence_subject(quote_state *q, const sent_ctx *s, const parley_article *a,
                            int must_open, speaker *out, uint32_t *end) {
    memset(out, 0, sizeof *out);
    uint32_t f = 0, l = 0;
    while (f < s->n && is_title_part(s, f))
        f++;
    /* the first word's tag says little ("Martin" is also a bird): its capital and a name word
     * after it are enough */
    int opens_name = f == 0 && s->n > 1 && initial_name_word(s, 0) && name_starting_at(s, 1, &l);
    /* two name words, or one after a title ("Mr. Barrow") */
    if (!opens_name && f < s->n && name_starting_at(s, f, &l) && (l > f || f > 0)) opens_name = 1;
    if (opens_name && l + 1 < s->n && !(s->toks[f].flags & TOK_INQUOTE) &&
        mention_covering(s, f, l) < 0 &&
        (is(&s->toks[l + 1], ",") || tag_is_verb(s->syn->tag[l + 1]))) {
        speaker_from_span(q, s, a, f, l, out);
        *end = l;
        return 1;
    }
    for (uint32_t k = 0; k < s->nm; k++) {
        const mention *m = &s->m[k];
        if (m->in_pp || (s->toks[m->first].flags & TOK_INQUOTE)) continue;
        if (m->pronoun || (must_open && m->first > f)) return 0;
        if (!m->person && m->last + 2 < s->n && is(&s->toks[m->last + 1], ",") &&
            name_starting_at(s, m->last + 2, &l) && l + 1 < s->n && is(&s->toks[l + 1], ",")) {
            span_text(a, s->toks, m->last + 2, l, out->name, sizeof out->name);
            str_copy(out->code, sizeof out->code, m->code);
            out->person = 1;
            *end = l;
            return 1;
        }
        if (!m->person) return 0;
        set_from_mention(q, s, a, m, out);
        *end = m->last;
        return 1;
    }
    return 0;
}

/* The sentence's subject, when it is a person and the sentence quotes nobody: a quote in the
 * next sentence with no attribution of its own is likely theirs. */
static void note_subject(quote_state *q, const sent_ctx *s, const parley_article *a) {
    q->prev_subject_fresh = 0;
    if (q->nspans) return;
    uint32_t end;
    if (sentence_subject(q, s, a, 0, &q->prev_subject, &end)) {
        q->prev_subject_fresh = 1;
        q->prev_subject_seq = ++q->seq;
    }
}

void quotes_sentence(quote_state *q, const sent_ctx *s, uint32_t sentence_index, uint32_t paragraph,
                     const parley_article *a, parley_record_fn fn, void *user, int *stopped) {
    note_people(q, s, a);
    q->cur_subject_ready = 0;
    int para_changed = paragraph != q->last_paragraph;
    q->nspans = 0;
    if (para_changed) q->quoted_in_para = 0;
    uint32_t i = 0;
    while (i < s->n && !*stopped) {
        /* a quote fragment: from an open mark (or a continuing quote at sentence start) */
        int continuing = (i == 0 && (s->toks[0].flags & TOK_INQUOTE) && q->open_quote);
        if (!(s->toks[i].flags & TOK_QOPEN) && !continuing) {
            i++;
            continue;
        }
        uint32_t qf = i, j = continuing ? i : i + 1;
        while (j < s->n && (s->toks[j].flags & TOK_INQUOTE))
            j++;
        int closed = j < s->n && (s->toks[j].flags & TOK_QCLOSE);
        uint32_t ql = closed ? j : (j ? j - 1 : 0);
        uint32_t tf = continuing ? qf : qf + 1;
        uint32_t tl = closed ? j - 1 : ql;
        if (tl < tf || tl >= s->n) {
            i = j + 1;
            continue;
        }
        speaker sp;
        int new_para_quote = (s->toks[qf].flags & TOK_PARA) && para_changed;
        int found = attribute(q, s, a, qf, ql, &sp);
        int same_para = q->quoted_in_para;
        /* No attribution in the sentence: a quote that continues (same paragraph, or a quote
         * left open) keeps the last speaker; a new paragraph's quote goes to whoever spoke or
         * reported last. */
        /* ... unless, outside a quote left open, someone else has reported something since
         * ("Al-Maliki has commented that ... . “To tell you the truth, ...”") */
        int newer_reporter = !continuing && !q->open_quote && q->last_reporter.name[0] &&
                             q->reporter_seq > q->speaker_seq &&
                             strcmp(q->last_reporter.name, q->last_speaker.name) != 0;
        if (!found && newer_reporter && same_para) {
            sp = q->last_reporter;
            found = 1;
        }
        if (!found && (continuing || q->open_quote || same_para) && q->last_speaker.name[0]) {
            sp = q->last_speaker;
            found = 1;
        }
        if (!found && q->prev_subject.name[0] && q->prev_subject_fresh) {
            /* "Mr. Putin seemed to be exploiting ... . “You have issues on the border,” ...":
             * an unattributed quote right after a sentence about a person is theirs */
            sp = q->prev_subject;
            found = 1;
        }
        if (!found && (new_para_quote || tf == qf + 1)) {
            int reporter_later = q->reporter_seq > q->speaker_seq && q->last_reporter.name[0];
            if (reporter_later || q->last_speaker.name[0]) {
                sp = reporter_later ? q->last_reporter : q->last_speaker;
                found = 1;
            }
        }
        if (found) {
            q->speaker_seq = ++q->seq;
            q->last_speaker = sp;
            q->quoted_in_para = 1;
            /* a code found for a full name from its description ("A spokesman for the
             * Unification Ministry of South Korea, Kim Ho-Nyoun, says") serves its later
             * "said Ho-Nyoun" */
            if (sp.person && sp.code[0]) remember_name(q, sp.name, sp.code);
        }
        parley_record r;
        memset(&r, 0, sizeof r);
        r.kind = PARLEY_RECORD_QUOTE;
        r.doc = a->id ? a->id : "";
        r.sentence = (int)sentence_index;
        r.sentence_span.start = s->toks[0].start;
        r.sentence_span.end = s->toks[s->n - 1].end;
        r.quote_span.start = s->toks[tf].start;
        r.quote_span.end = s->toks[tl].end;
        if (found && q->nspans < QUOTE_MAX_SPANS) {
            q->spans[q->nspans].first = tf;
            q->spans[q->nspans].last = tl;
            q->spans[q->nspans].who = sp;
            q->nspans++;
        }
        r.speaker = found ? sp.name : "";
        r.speaker_code = found ? sp.code : "";
        r.date = r.date_source = r.source = r.target = r.code = r.root = r.plover = "";
        r.pattern = r.modality = r.reported_by = "";
        if (fn(user, &r)) *stopped = 1;
        q->open_quote = !closed;
        i = j + 1;
    }
    unsigned reporter_before = q->reporter_seq;
    note_reporters(q, s, a);
    /* a sentence with a reporting verb has its speaker already ("Mr. Rasmussen ... said") */
    if (q->reporter_seq == reporter_before)
        note_subject(q, s, a);
    else
        q->prev_subject_fresh = 0;
    if (s->n && !(s->toks[s->n - 1].flags & (TOK_INQUOTE)) &&
        !(s->n >= 2 && (s->toks[s->n - 2].flags & TOK_INQUOTE) &&
          !(s->toks[s->n - 1].flags & TOK_QCLOSE)))
        q->open_quote = 0;
    q->last_paragraph = paragraph;
}

const quote_span *quotes_span_at(const quote_state *q, uint32_t i) {
    for (int k = 0; k < q->nspans; k++)
        if (q->spans[k].first <= i && i <= q->spans[k].last) return &q->spans[k];
    return NULL;
}

int quotes_add_speaker_mentions(arena *a, const quote_state *q, sent_ctx *s) {
    if (q->nspans == 0) return 0;
    uint32_t extra = 0;
    for (int k = 0; k < q->nspans; k++)
        for (uint32_t i = q->spans[k].first; i <= q->spans[k].last && i < s->n; i++)
            extra++;
    mention *merged = arena_alloc(a, (s->nm + extra + 1) * sizeof *merged);
    if (!merged) return -1;
    uint32_t out = 0, k = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        while (k < s->nm && s->m[k].first <= i)
            merged[out++] = s->m[k++];
        if (out && merged[out - 1].last >= i) continue;
        const quote_span *qs = quotes_span_at(q, i);
        const char *w = s->toks[i].norm;
        if (!qs || !qs->who.code[0] || !(!strcmp(w, "we") || !strcmp(w, "i") || !strcmp(w, "us")))
            continue;
        mention *m = &merged[out++];
        memset(m, 0, sizeof *m);
        m->first = m->last = i;
        m->group = -1;
        m->agent_of = -1;
        m->actor = UINT32_MAX;
        m->pronoun = 1;
        str_copy(m->code, sizeof m->code, qs->who.code);
    }
    while (k < s->nm)
        merged[out++] = s->m[k++];
    s->m = merged;
    s->nm = out;
    return 0;
}

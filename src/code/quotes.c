/* quotes.c: quotation spans and speaker attribution; see quotes.h. */
#include "quotes.h"

#include <stdio.h>
#include <string.h>

void quotes_init(quote_state *q) { memset(q, 0, sizeof *q); }

static int is(const token *t, const char *w) { return strcmp(t->norm, w) == 0; }

static int is_name_tok(const token *t) {
    return (t->flags & TOK_CAP) && !(t->flags & TOK_PUNCT) && !(t->flags & TOK_INQUOTE);
}

static const char *const TITLE_WORDS[] = {"mr.", "mrs.", "ms.", "dr.", "gen.", "sen.", "rep.",
                                          "gov.", "president", "prime", "minister", "secretary",
                                          "lt.", "col.", "adm.", "prof.", "sir", "lord", NULL};

static int is_title(const token *t) {
    for (int i = 0; TITLE_WORDS[i]; i++)
        if (is(t, TITLE_WORDS[i])) return 1;
    return 0;
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
static void remember_name(quote_state *q, const char *name) {
    if (!strchr(name, ' ')) return;
    for (int i = 0; i < q->nnames; i++)
        if (strcmp(q->names[i], name) == 0) return;
    if (q->nnames < QUOTE_MAX_NAMES) snprintf(q->names[q->nnames++], 96, "%s", name);
}

/* "Mr. Kirby" / "Kirby" -> "John F. Kirby" when such a name was seen. */
static void expand_name(const quote_state *q, char *name, size_t cap) {
    const char *last = strrchr(name, ' ');
    last = last ? last + 1 : name;
    for (int i = q->nnames; i-- > 0;) {
        const char *l2 = strrchr(q->names[i], ' ');
        if (l2 && strcmp(l2 + 1, last) == 0 && strcmp(q->names[i], name) != 0) {
            char tmp[96];
            snprintf(tmp, sizeof tmp, "%s", q->names[i]);
            snprintf(name, cap, "%s", tmp);
            return;
        }
    }
}

static void set_from_mention(quote_state *q, const sent_ctx *s, const parley_article *a,
                             const mention *m, speaker *out) {
    const dict *d = &s->pd->d;
    out->name[0] = '\0';
    if (m->actor != UINT32_MAX && m->person && d->actors.v[m->actor].name)
        snprintf(out->name, sizeof out->name, "%s", intern_str(&d->strings, d->actors.v[m->actor].name));
    if (!out->name[0]) span_text(a, s->toks, m->first, m->last, out->name, sizeof out->name);
    snprintf(out->code, sizeof out->code, "%s", m->code);
    (void)q;
}

/* The name ending at token l (walking back over capitalised words and initials). */
static int name_ending_at(const sent_ctx *s, uint32_t l, uint32_t *f) {
    if (!is_name_tok(&s->toks[l])) return 0;
    uint32_t i = l;
    while (i > 0 && (is_name_tok(&s->toks[i - 1]) || is_title(&s->toks[i - 1]))) i--;
    *f = i;
    return 1;
}

static int name_starting_at(const sent_ctx *s, uint32_t f, uint32_t *l) {
    if (f >= s->n || !(is_name_tok(&s->toks[f]) || is_title(&s->toks[f]))) return 0;
    uint32_t i = f;
    while (i + 1 < s->n && is_name_tok(&s->toks[i + 1])) i++;
    *l = i;
    return 1;
}

static int mention_covering(const sent_ctx *s, uint32_t f, uint32_t l) {
    for (uint32_t k = 0; k < s->nm; k++)
        if (s->m[k].first <= l && s->m[k].last >= f) return (int)k;
    return -1;
}

/* Fill a speaker from the name/description span [f,l]. */
static void speaker_from_span(quote_state *q, const sent_ctx *s, const parley_article *a,
                              uint32_t f, uint32_t l, speaker *out) {
    int m = mention_covering(s, f, l);
    if (m >= 0 && s->m[m].person) {
        set_from_mention(q, s, a, &s->m[m], out);
        return;
    }
    /* skip a leading title for the name text, keep it for lookup */
    uint32_t nf = f;
    while (nf < l && is_title(&s->toks[nf])) nf++;
    span_text(a, s->toks, nf, l, out->name, sizeof out->name);
    expand_name(q, out->name, sizeof out->name);
    out->code[0] = '\0';
    if (m >= 0) snprintf(out->code, sizeof out->code, "%s", s->m[m].code);
    /* an apposition after the name may code it: "Ned Price, the State Department spokesman" */
    if (!out->code[0] && l + 2 < s->n && is(&s->toks[l + 1], ",")) {
        for (uint32_t k = 0; k < s->nm; k++)
            if (s->m[k].first > l + 1 && s->m[k].first <= l + 6) {
                snprintf(out->code, sizeof out->code, "%s", s->m[k].code);
                break;
            }
    }
    /* and a description before it: "the State Department spokesman, Ned Price," */
    if (!out->code[0] && f >= 2 && is(&s->toks[f - 1], ",")) {
        for (uint32_t k = s->nm; k-- > 0;)
            if (s->m[k].last < f - 1 && s->m[k].last + 6 >= f - 1) {
                snprintf(out->code, sizeof out->code, "%s", s->m[k].code);
                break;
            }
    }
}

static int is_pronoun_speaker(const token *t) {
    return is(t, "he") || is(t, "she") || is(t, "they") || is(t, "we") || is(t, "i");
}

/* Find the speaker around a quote [qf,ql] (token indexes of the marks, inclusive). */
static int attribute(quote_state *q, const sent_ctx *s, const parley_article *a, uint32_t qf,
                     uint32_t ql, speaker *out) {
    memset(out, 0, sizeof *out);
    /* After the quote: “…,” X said / “…,” said X / “…,” X added */
    for (uint32_t i = ql + 1; i < s->n && i <= ql + 10; i++) {
        if (s->toks[i].flags & TOK_QOPEN) break;
        if (!syntax_is_reporting_word(&s->toks[i])) continue;
        uint32_t f, l;
        if (i > ql + 1 && is_pronoun_speaker(&s->toks[i - 1])) {
            *out = q->last_speaker.name[0] ? q->last_speaker : q->last_person;
            return out->name[0] != 0;
        }
        if (i > ql + 1 && name_ending_at(s, i - 1, &f) && f > ql) {
            speaker_from_span(q, s, a, f, i - 1, out);
            return 1;
        }
        if (name_starting_at(s, i + 1, &l)) {
            speaker_from_span(q, s, a, i + 1, l, out);
            return 1;
        }
        /* “…,” the spokesman said: a description */
        if (i > ql + 1) {
            uint32_t b = i - 1;
            while (b > ql + 1 && !(s->toks[b - 1].flags & TOK_PUNCT)) b--;
            span_text(a, s->toks, b, i - 1, out->name, sizeof out->name);
            int m = mention_covering(s, b, i - 1);
            if (m >= 0) snprintf(out->code, sizeof out->code, "%s", s->m[m].code);
            return out->name[0] != 0;
        }
        break;
    }
    /* Before the quote: X said: “…” / X said Putin remained “…” / He added: “…” */
    for (uint32_t i = qf; i-- > 0;) {
        if (s->toks[i].flags & (TOK_QCLOSE | TOK_INQUOTE)) break;
        if (!syntax_is_reporting_word(&s->toks[i])) continue;
        if (i > 0 && is_pronoun_speaker(&s->toks[i - 1])) {
            *out = q->last_person.name[0] ? q->last_person : q->last_speaker;
            return out->name[0] != 0;
        }
        /* nearest name before the reporting verb, skipping an apposition "..., the X spokesman," */
        for (uint32_t j = i; j-- > 0;) {
            if (s->toks[j].flags & TOK_INQUOTE) break;
            uint32_t f;
            if (name_ending_at(s, j, &f)) {
                /* skip names inside an apposition: prefer the first name of the clause */
                uint32_t l = j;
                while (f > 1 && is(&s->toks[f - 1], ",")) {
                    uint32_t f2, j2 = f - 2;
                    while (j2 > 0 && !is_name_tok(&s->toks[j2]) && !is(&s->toks[j2], ",")) j2--;
                    if (!is(&s->toks[j2], ",") && name_ending_at(s, j2, &f2) && j2 + 8 > f) {
                        f = f2;
                        l = j2;
                    } else break;
                }
                speaker_from_span(q, s, a, f, l, out);
                return 1;
            }
        }
        break;
    }
    return 0;
}

static void note_people(quote_state *q, const sent_ctx *s, const parley_article *a) {
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t l;
        if ((s->toks[i].flags & TOK_INQUOTE) || !is_name_tok(&s->toks[i]) || is_title(&s->toks[i]))
            continue;
        if (name_starting_at(s, i, &l) && l > i) {
            char name[96];
            span_text(a, s->toks, i, l, name, sizeof name);
            remember_name(q, name);
            i = l;
        }
    }
    for (uint32_t k = 0; k < s->nm; k++)
        if (s->m[k].person && !(s->toks[s->m[k].first].flags & TOK_INQUOTE))
            set_from_mention(q, s, a, &s->m[k], &q->last_person);
}

void quotes_sentence(quote_state *q, const sent_ctx *s, uint32_t sentence_index, uint32_t paragraph,
                     const parley_article *a, parley_record_fn fn, void *user, int *stopped) {
    note_people(q, s, a);
    uint32_t i = 0;
    while (i < s->n && !*stopped) {
        /* a quote fragment: from an open mark (or a continuing quote at sentence start) */
        int continuing = (i == 0 && (s->toks[0].flags & TOK_INQUOTE) && q->open_quote);
        if (!(s->toks[i].flags & TOK_QOPEN) && !continuing) {
            i++;
            continue;
        }
        uint32_t qf = i, j = continuing ? i : i + 1;
        while (j < s->n && (s->toks[j].flags & TOK_INQUOTE)) j++;
        int closed = j < s->n && (s->toks[j].flags & TOK_QCLOSE);
        uint32_t ql = closed ? j : (j ? j - 1 : 0);
        uint32_t tf = continuing ? qf : qf + 1;
        uint32_t tl = closed ? j - 1 : ql;
        if (tl < tf || tl >= s->n) {
            i = j + 1;
            continue;
        }
        speaker sp;
        int new_para_quote = (s->toks[qf].flags & TOK_PARA) && paragraph != q->last_paragraph;
        int found = attribute(q, s, a, qf, ql, &sp);
        int same_para = paragraph == q->last_paragraph && q->quoted_in_para;
        if (!found && (continuing || new_para_quote || q->open_quote || same_para) &&
            q->last_speaker.name[0]) {
            sp = q->last_speaker;
            found = 1;
        }
        if (found) {
            q->last_speaker = sp;
            q->quoted_in_para = 1;
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
        r.speaker = found ? sp.name : "";
        r.speaker_code = found ? sp.code : "";
        r.date = r.date_source = r.source = r.target = r.code = r.root = r.plover = "";
        r.pattern = r.modality = r.reported_by = "";
        if (fn(user, &r)) *stopped = 1;
        q->open_quote = !closed;
        i = j + 1;
    }
    if (s->n && !(s->toks[s->n - 1].flags & (TOK_INQUOTE)) &&
        !(s->n >= 2 && (s->toks[s->n - 2].flags & TOK_INQUOTE) && !(s->toks[s->n - 1].flags & TOK_QCLOSE)))
        q->open_quote = 0;
    if (paragraph != q->last_paragraph) q->quoted_in_para = 0;
    q->last_paragraph = paragraph;
}

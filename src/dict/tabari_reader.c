/* tabari_reader.c: TABARI .verbs, .actors, .agents, .options and .project readers; see
 * tabari_reader.h. The line, phrase, pattern and synset machinery is shared with the PETRARCH
 * readers (petr_reader.c). */
#include "tabari_reader.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "petr_reader.h"

static void oom_err(char *err, size_t errlen) {
    if (err && errlen) snprintf(err, errlen, "out of memory");
}

static int tag_is(const char *s, size_t n, const char *tag) {
    size_t m = strlen(tag);
    if (n != m) return 0;
    for (size_t i = 0; i < n; i++)
        if (toupper((unsigned char)s[i]) != tag[i]) return 0;
    return 1;
}

/* ============================== <TIME> ============================== */

void tabari_time_free(tabari_time_list *t) {
    if (!t) return;
    free(t->v);
    free(t->words);
    memset(t, 0, sizeof *t);
}

static int time_push(tabari_time_list *t, const dict_word *w, uint32_t n, int32_t shift,
                     uint8_t kind, uint32_t line) {
    if (t->nwords + n > t->capwords) {
        uint32_t nc = t->capwords ? t->capwords : 64;
        while (nc < t->nwords + n)
            nc *= 2;
        dict_word *nw = realloc(t->words, (size_t)nc * sizeof *nw);
        if (!nw) return -1;
        t->words = nw;
        t->capwords = nc;
    }
    if (t->n == t->cap) {
        uint32_t nc = t->cap ? t->cap * 2 : 16;
        tabari_time *nv = realloc(t->v, (size_t)nc * sizeof *nv);
        if (!nv) return -1;
        t->v = nv;
        t->cap = nc;
    }
    tabari_time e = {.words_off = t->nwords, .n = n, .shift = shift, .kind = kind, .line = line};
    memcpy(t->words + t->nwords, w, (size_t)n * sizeof *w);
    t->nwords += n;
    t->v[t->n++] = e;
    return 0;
}

/* "[-7]" "[+3]" "[###]" "[+++]" "[- - -]": 0 ok, -1 malformed. */
static int time_value(const char *s, size_t n, int32_t *shift, uint8_t *kind) {
    char b[32];
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i])) {
            if (k + 1 >= sizeof b) return -1;
            b[k++] = s[i];
        }
    b[k] = '\0';
    *shift = 0;
    if (strcmp(b, "###") == 0)
        *kind = TT_DISCARD;
    else if (strcmp(b, "+++") == 0)
        *kind = TT_COMPLEX;
    else if (strcmp(b, "---") == 0)
        *kind = TT_NONE;
    else {
        size_t i = (b[0] == '+' || b[0] == '-') ? 1 : 0;
        if (i >= k || k - i > 6) return -1;
        for (size_t q = i; q < k; q++)
            if (!isdigit((unsigned char)b[q])) return -1;
        long v = strtol(b + i, NULL, 10);
        *shift = (int32_t)(b[0] == '-' ? -v : v);
        *kind = TT_SHIFT;
    }
    return 0;
}

/* Split "text [value]" at the last '['. */
static int bracket_tail(const rd_line *l, const char **val, size_t *valn, size_t *before) {
    const char *ob = NULL;
    for (size_t q = l->n; q-- > 0;)
        if (l->s[q] == '[') {
            ob = l->s + q;
            break;
        }
    if (!ob) return -1;
    const char *cb = memchr(ob, ']', l->n - (size_t)(ob - l->s));
    if (!cb) return -1;
    *val = ob + 1;
    *valn = (size_t)(cb - ob - 1);
    *before = (size_t)(ob - l->s);
    return 0;
}

static void time_line(rd_ctx *c, tabari_time_list *times, const rd_line *l, int *last) {
    const char *val;
    size_t valn, before;
    if (bracket_tail(l, &val, &valn, &before) < 0) {
        dict_warn(c->d, c->file, l->line, "time entry without a [value]");
        return;
    }
    int32_t shift;
    uint8_t kind;
    if (time_value(val, valn, &shift, &kind) < 0) {
        dict_warn(c->d, c->file, l->line, "bad time value [%.*s]", (int)valn, val);
        return;
    }
    dict_word w[RD_MAX_UNITS * 2];
    int n = 0;
    if (l->s[0] == '-') { /* "- before * after": around the last entry's words */
        if (*last < 0) {
            dict_warn(c->d, c->file, l->line, "time pattern before any time entry");
            return;
        }
        const char *s = l->s + 1;
        size_t sn = before - 1;
        const char *star = memchr(s, '*', sn);
        if (!star || memchr(star + 1, '*', sn - (size_t)(star + 1 - s))) {
            dict_warn(c->d, c->file, l->line, "time pattern needs exactly one '*'");
            return;
        }
        int nb = rd_phrase(c, s, (size_t)(star - s), w, RD_MAX_UNITS);
        if (!times) return; /* entries are not kept: nothing to extend */
        const tabari_time *e = &times->v[*last];
        if (nb < 0 || (uint32_t)nb + e->n > RD_MAX_UNITS) {
            dict_warn(c->d, c->file, l->line, "time pattern too long");
            return;
        }
        n = nb;
        for (uint32_t q = 0; q < e->n; q++) {
            w[n] = times->words[e->words_off + q];
            if (q == 0) {
                w[n].flags &= (uint8_t)~DW_ADJACENT;
                if (n > 0 && star > s && star[-1] == '_') w[n].flags |= DW_ADJACENT;
            }
            n++;
        }
        const char *a = star + 1;
        size_t an = sn - (size_t)(a - s);
        int na = rd_phrase(c, a, an, w + n, RD_MAX_UNITS);
        if (na < 0) {
            dict_warn(c->d, c->file, l->line, "time pattern too long");
            return;
        }
        if (na > 0 && an > 0 && a[0] == '_') w[n].flags |= DW_ADJACENT;
        n += na;
    } else {
        n = rd_phrase(c, l->s, before, w, RD_MAX_UNITS);
        if (n <= 0) {
            dict_warn(c->d, c->file, l->line,
                      n < 0 ? "time phrase too long" : "time entry without words");
            return;
        }
    }
    /* a time phrase coded [###] discards its sentence and [+++] makes it complex: either way
     * the sentence is not coded, as a sentence discard phrase */
    if ((kind == TT_DISCARD || kind == TT_COMPLEX) &&
        dict_add_phrase(c->d, w, (uint32_t)n, PH_DISCARD, 0, 0) == UINT32_MAX) {
        c->oom = 1;
        return;
    }
    if (!times) {
        *last = 0;
        return;
    }
    if (time_push(times, w, (uint32_t)n, shift, kind, l->line) < 0) {
        c->oom = 1;
        return;
    }
    if (l->s[0] != '-') *last = (int)times->n - 1;
}

/* ============================== .verbs ============================== */

typedef struct {
    int in_block, has_verb;
    dict_code code;
    uint32_t text;
} tab_block;

static void verb_line(rd_ctx *c, tab_block *b, const rd_line *l) {
    if (b->in_block) dict_end_block(c->d);
    b->in_block = 0;
    b->has_verb = 0;
    const char *val;
    size_t valn, before = l->n;
    dict_code code;
    memset(&code, 0, sizeof code);
    if (bracket_tail(l, &val, &valn, &before) < 0) {
        dict_warn(c->d, c->file, l->line, "verb without a [code]");
        before = l->n;
    } else if (rd_code(val, valn, &code) < 0) {
        dict_warn(c->d, c->file, l->line, "bad code [%.*s]: verb kept without a code", (int)valn,
                  val);
        memset(&code, 0, sizeof code);
    }
    dict_word w[RD_MAX_UNITS];
    int n = rd_phrase(c, l->s, before, w, RD_MAX_UNITS);
    if (n <= 0) {
        dict_warn(c->d, c->file, l->line,
                  n < 0 ? "verb phrase too long" : "verb line without a verb");
        return;
    }
    dict_begin_block(c->d);
    b->in_block = 1;
    b->code = code;
    b->text = dict_word_id(c->d, l->s, l->n);
    if (dict_add_verb(c->d, w, (uint32_t)n, &code, 0, b->text, c->file_id, l->line) == UINT32_MAX)
        c->oom = 1;
    b->has_verb = 1;
}

static void forms_line(rd_ctx *c, tab_block *b, const rd_line *l) {
    if (!b->has_verb) {
        dict_warn(c->d, c->file, l->line, "verb forms without a verb");
        return;
    }
    const char *s = l->s + 1;
    size_t n = l->n - 1;
    const char *cb = memchr(s, '}', n);
    if (!cb)
        dict_warn(c->d, c->file, l->line, "'{' without '}'");
    else
        n = (size_t)(cb - s);
    size_t i = 0;
    while (i < n) {
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        size_t st = i;
        while (i < n && !isspace((unsigned char)s[i]))
            i++;
        if (i == st) break;
        dict_word w[RD_MAX_UNITS];
        int k = rd_phrase(c, s + st, i - st, w, RD_MAX_UNITS);
        if (k <= 0) continue;
        if (dict_add_verb(c->d, w, (uint32_t)k, &b->code, 0, b->text, c->file_id, l->line) ==
            UINT32_MAX)
            c->oom = 1;
    }
}

enum { SEC_NONE, SEC_SYNSETS, SEC_TIME, SEC_NOUN, SEC_ADJ };

static int tabari_verbs_text(dict *d, const char *name, rd_text *t, tabari_time_list *times,
                             char *err, size_t errlen) {
    if (rd_split(t, RD_CUT_SEMI | RD_HASH_LINES | RD_TILDE_END) < 0) {
        oom_err(err, errlen);
        return -1;
    }
    rd_ctx c;
    rd_ctx_init(&c, d, name, RDF_STEMS | RDF_ALTS | RDF_ENDINGS);
    for (uint32_t i = 0; i < t->n && !c.oom;) {
        if (t->v[i].s[0] == '&')
            i = rd_collect_synset(&c, t, i);
        else
            i++;
    }
    rd_build_synsets(&c);
    tab_block b;
    memset(&b, 0, sizeof b);
    int section = SEC_NONE, last_time = -1;
    for (uint32_t i = 0; i < t->n && !c.oom; i++) {
        const rd_line *l = &t->v[i];
        const char *s = l->s;
        if (s[0] == '<') {
            int sec = -1;
            if (tag_is(s, l->n, "<SYNSETS>"))
                sec = SEC_SYNSETS;
            else if (tag_is(s, l->n, "<TIME>"))
                sec = SEC_TIME;
            else if (tag_is(s, l->n, "<NOUN>"))
                sec = SEC_NOUN;
            else if (tag_is(s, l->n, "<ADJECTIVE>"))
                sec = SEC_ADJ;
            else if (tag_is(s, l->n, "</SYNSETS>") || tag_is(s, l->n, "</TIME>") ||
                     tag_is(s, l->n, "</NOUN>") || tag_is(s, l->n, "</ADJECTIVE>"))
                sec = SEC_NONE;
            if (sec < 0) {
                dict_warn(d, name, l->line, "unknown section %.*s", (int)l->n, s);
            } else {
                if (b.in_block) dict_end_block(d);
                b.in_block = b.has_verb = 0;
                section = sec;
            }
            continue;
        }
        if (s[0] == '&') {
            while (i + 1 < t->n && t->v[i + 1].s[0] == '+')
                i++;
            continue;
        }
        switch (section) {
        case SEC_SYNSETS:
            dict_warn(d, name, l->line, "line in <SYNSETS> is not a synset");
            continue;
        case SEC_TIME: time_line(&c, times, l, &last_time); continue;
        case SEC_NOUN:
        case SEC_ADJ:
            rd_add_to_named_set(&c, section == SEC_NOUN ? "<noun>" : "<adjective>", l);
            continue;
        default: break;
        }
        if (s[0] == '-') {
            if (!b.has_verb) {
                dict_warn(d, name, l->line, "pattern without a verb");
                continue;
            }
            dict_code code;
            size_t cn;
            if (rd_pattern_code(&c, l, &code, &cn) < 0) continue;
            rd_add_pattern(&c, s + 1, cn - 1, &code, dict_word_id(d, s, l->n), l->line);
            continue;
        }
        if (s[0] == '{') {
            forms_line(&c, &b, l);
            continue;
        }
        if (s[0] == '+') {
            dict_warn(d, name, l->line, "synset item outside a synset");
            continue;
        }
        verb_line(&c, &b, l);
    }
    if (b.in_block) dict_end_block(d);
    int oom = c.oom;
    rd_ctx_free(&c);
    if (oom) {
        oom_err(err, errlen);
        return -1;
    }
    return 0;
}

/* ============================== entry points ============================== */

typedef enum { TK_VERBS, TK_ACTORS, TK_AGENTS } tab_kind;

static int run_tabari(dict *d, const char *name, rd_text *t, tab_kind kind, tabari_time_list *times,
                      char *err, size_t errlen) {
    if (kind == TK_VERBS) return tabari_verbs_text(d, name, t, times, err, errlen);
    if (rd_split(t, RD_CUT_SEMI | RD_HASH_LINES | RD_TILDE_END) < 0) {
        oom_err(err, errlen);
        return -1;
    }
    rd_ctx c;
    rd_ctx_init(&c, d, name, RDF_STEMS | RDF_ENDINGS);
    int rc = kind == TK_ACTORS ? rd_read_actors(&c, t, 1) : rd_read_agents(&c, t, 1);
    rd_ctx_free(&c);
    if (rc < 0) oom_err(err, errlen);
    return rc;
}

static int tab_file(dict *d, const char *path, tab_kind kind, tabari_time_list *times, char *err,
                    size_t errlen) {
    rd_text t;
    if (rd_load(&t, path, err, errlen) < 0) return -1;
    int rc = run_tabari(d, path, &t, kind, times, err, errlen);
    rd_text_free(&t);
    return rc;
}

static int tab_mem(dict *d, const char *name, const char *text, size_t len, tab_kind kind,
                   tabari_time_list *times, char *err, size_t errlen) {
    rd_text t;
    if (rd_copy(&t, text, len, err, errlen) < 0) return -1;
    int rc = run_tabari(d, name, &t, kind, times, err, errlen);
    rd_text_free(&t);
    return rc;
}

int tabari_read_verbs(dict *d, const char *path, tabari_time_list *times, char *err,
                      size_t errlen) {
    return tab_file(d, path, TK_VERBS, times, err, errlen);
}
int tabari_read_actors(dict *d, const char *path, char *err, size_t errlen) {
    return tab_file(d, path, TK_ACTORS, NULL, err, errlen);
}
int tabari_read_agents(dict *d, const char *path, char *err, size_t errlen) {
    return tab_file(d, path, TK_AGENTS, NULL, err, errlen);
}
int tabari_read_verbs_mem(dict *d, const char *name, const char *text, size_t len,
                          tabari_time_list *times, char *err, size_t errlen) {
    return tab_mem(d, name, text, len, TK_VERBS, times, err, errlen);
}
int tabari_read_actors_mem(dict *d, const char *name, const char *text, size_t len, char *err,
                           size_t errlen) {
    return tab_mem(d, name, text, len, TK_ACTORS, NULL, err, errlen);
}
int tabari_read_agents_mem(dict *d, const char *name, const char *text, size_t len, char *err,
                           size_t errlen) {
    return tab_mem(d, name, text, len, TK_AGENTS, NULL, err, errlen);
}

static uint32_t named_set(const dict *d, const char *name) {
    uint32_t id = intern_find(&d->strings, name, strlen(name));
    return id ? dict_find_set(d, id) : UINT32_MAX;
}

uint32_t tabari_noun_set(const dict *d) {
    return named_set(d, "<noun>");
}
uint32_t tabari_adjective_set(const dict *d) {
    return named_set(d, "<adjective>");
}

int tabari_set_has_word(const dict *d, uint32_t set, uint32_t w) {
    if (set >= d->sets.n || w == 0) return 0;
    const dict_set *s = &d->sets.v[set];
    const char *ws = intern_str(&d->strings, w);
    for (uint32_t i = 0; i < s->items_n; i++) {
        const dict_set_item *it = &d->set_items.v[s->items_off + i];
        if (it->n != 1) continue;
        const dict_word *x = &d->words.v[it->words_off];
        if (x->word == w) return 1;
        if (x->flags & DW_STEM) {
            const char *xs = intern_str(&d->strings, x->word);
            if (ws && xs && strncmp(ws, xs, strlen(xs)) == 0) return 1;
        }
    }
    return 0;
}

/* ============================== .options ============================== */

static char *dupn(const char *s, size_t n) {
    char *r = malloc(n + 1);
    if (!r) return NULL;
    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

static int grow(void **v, size_t n, size_t *cap, size_t elem) {
    if (n < *cap) return 0;
    size_t nc = *cap ? *cap * 2 : 16;
    void *nv = realloc(*v, nc * elem);
    if (!nv) return -1;
    *v = nv;
    *cap = nc;
    return 0;
}

typedef struct {
    size_t output, sets, labels, unknown;
} opt_caps;

static int opt_unknown(tabari_options *o, opt_caps *cp, const rd_line *l) {
    if (grow((void **)&o->unknown, o->n_unknown, &cp->unknown, sizeof *o->unknown) < 0) return -1;
    char *txt = dupn(l->s, l->n);
    if (!txt) return -1;
    o->unknown[o->n_unknown].line = l->line;
    o->unknown[o->n_unknown].text = txt;
    o->n_unknown++;
    return 0;
}

/* Copy the code of "[X]" starting at r[*q] into out (cap bytes); *q moves past it. */
static void bracket_code(const char *r, size_t rn, size_t *q, char *out, size_t cap) {
    while (*q < rn && isspace((unsigned char)r[*q]))
        (*q)++;
    if (*q >= rn || r[*q] != '[') return;
    size_t st = ++*q;
    while (*q < rn && r[*q] != ']')
        (*q)++;
    size_t n = *q - st;
    if (n >= cap) n = cap - 1;
    memcpy(out, r + st, n);
    out[n] = '\0';
    if (*q < rn) (*q)++;
}

/* "DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER" or "DEFAULT: OFF" (which clears both). */
static void read_default(tabari_options *o, const char *r, size_t rn) {
    o->has_default = 1;
    o->default_source[0] = o->default_target[0] = '\0';
    o->default_prior = o->default_after = 0;
    size_t q = 0;
    while (q < rn) {
        while (q < rn && isspace((unsigned char)r[q]))
            q++;
        size_t st = q;
        while (q < rn && !isspace((unsigned char)r[q]) && r[q] != '[')
            q++;
        if (q == st) {
            q++; /* a stray bracket */
            continue;
        }
        const char *tk = r + st;
        size_t tn = q - st;
        if (tag_is(tk, tn, "SOURCE"))
            bracket_code(r, rn, &q, o->default_source, sizeof o->default_source);
        else if (tag_is(tk, tn, "TARGET"))
            bracket_code(r, rn, &q, o->default_target, sizeof o->default_target);
        else if (tag_is(tk, tn, "PRIOR"))
            o->default_prior = 1;
        else if (tag_is(tk, tn, "AFTER"))
            o->default_after = 1;
    }
}

/* "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8" or "COMMA: OFF". */
static void read_comma(tabari_options *o, const char *r, size_t rn) {
    static const char *const NAMES[6] = {"MIN", "MAX", "EMIN", "EMAX", "BMIN", "BMAX"};
    o->has_comma = 1;
    o->comma_off = 0;
    for (int k = 0; k < 6; k++)
        o->comma[k] = -1;
    size_t q = 0;
    while (q < rn) {
        while (q < rn && !isalpha((unsigned char)r[q]))
            q++;
        size_t st = q;
        while (q < rn && isalpha((unsigned char)r[q]))
            q++;
        if (q == st) break;
        if (tag_is(r + st, q - st, "OFF")) {
            o->comma_off = 1;
            continue;
        }
        for (int k = 0; k < 6; k++)
            if (tag_is(r + st, q - st, NAMES[k])) {
                while (q < rn && (isspace((unsigned char)r[q]) || r[q] == '='))
                    q++;
                if (q < rn && isdigit((unsigned char)r[q])) o->comma[k] = atoi(r + q);
            }
    }
}

static int options_text(rd_text *t, tabari_options *o) {
    memset(o, 0, sizeof *o);
    o->complex_verbs = o->complex_actors = o->complex_conj = -1;
    if (rd_split(t, RD_SLASH_LINES | RD_TILDE_END) < 0) return -1;
    opt_caps cp = {0, 0, 0, 0};
    for (uint32_t i = 0; i < t->n; i++) {
        const rd_line *l = &t->v[i];
        const char *colon = memchr(l->s, ':', l->n);
        if (!colon) {
            if (opt_unknown(o, &cp, l) < 0) return -1;
            continue;
        }
        const char *kw = l->s;
        size_t kn = (size_t)(colon - l->s);
        rd_trim(&kw, &kn);
        const char *r = colon + 1;
        size_t rn = l->n - (size_t)(r - l->s);
        rd_trim(&r, &rn);
        if (tag_is(kw, kn, "COMPLEX")) {
            int unknown = 0;
            o->has_complex = 1;
            size_t q = 0;
            while (q < rn) {
                while (q < rn && isspace((unsigned char)r[q]))
                    q++;
                size_t st = q;
                while (q < rn && !isspace((unsigned char)r[q]))
                    q++;
                if (q == st) break;
                const char *tk = r + st;
                size_t tn = q - st;
                const char *ob = memchr(tk, '[', tn);
                if (ob) {
                    int v = atoi(ob + 1);
                    size_t nm = (size_t)(ob - tk);
                    if (tag_is(tk, nm, "VERBS"))
                        o->complex_verbs = v;
                    else if (tag_is(tk, nm, "ACTORS"))
                        o->complex_actors = v;
                    else if (tag_is(tk, nm, "CONJ"))
                        o->complex_conj = v;
                    else
                        unknown = 1;
                } else if (tag_is(tk, tn, "NOACTPRIOR")) {
                    o->complex_noactprior = 1;
                } else if (tag_is(tk, tn, "EXPLAIN")) {
                    o->complex_explain = 1;
                } else {
                    unknown = 1;
                }
            }
            if (unknown && opt_unknown(o, &cp, l) < 0) return -1;
        } else if (tag_is(kw, kn, "COMMA")) {
            read_comma(o, r, rn);
        } else if (tag_is(kw, kn, "DEFAULT")) {
            read_default(o, r, rn);
        } else if (tag_is(kw, kn, "FORWARD")) {
            free(o->forward);
            o->forward = dupn(r, rn);
            if (!o->forward) return -1;
        } else if (tag_is(kw, kn, "OUTPUT")) {
            size_t q = 0;
            while (q < rn) {
                while (q < rn && isspace((unsigned char)r[q]))
                    q++;
                size_t st = q;
                while (q < rn && !isspace((unsigned char)r[q]))
                    q++;
                if (q == st) break;
                if (grow((void **)&o->output, o->n_output, &cp.output, sizeof *o->output) < 0)
                    return -1;
                if (!(o->output[o->n_output] = dupn(r + st, q - st))) return -1;
                o->n_output++;
            }
        } else if (tag_is(kw, kn, "SET")) {
            const char *eq = memchr(r, '=', rn);
            const char *nm = r, *vl = eq ? eq + 1 : r + rn;
            size_t nn = eq ? (size_t)(eq - r) : rn, vn = eq ? rn - (size_t)(eq + 1 - r) : 0;
            rd_trim(&nm, &nn);
            rd_trim(&vl, &vn);
            if (grow((void **)&o->sets, o->n_sets, &cp.sets, sizeof *o->sets) < 0) return -1;
            tabari_setting st = {dupn(nm, nn), dupn(vl, vn)};
            if (!st.name || !st.value) {
                free(st.name);
                free(st.value);
                return -1;
            }
            o->sets[o->n_sets++] = st;
        } else if (tag_is(kw, kn, "LABEL")) {
            const char *eq = memchr(r, '=', rn);
            if (!eq) {
                if (opt_unknown(o, &cp, l) < 0) return -1;
                continue;
            }
            const char *cd = r, *tx = eq + 1;
            size_t cdn = (size_t)(eq - r), txn = rn - (size_t)(eq + 1 - r);
            rd_trim(&cd, &cdn);
            rd_trim(&tx, &txn);
            if (grow((void **)&o->labels, o->n_labels, &cp.labels, sizeof *o->labels) < 0)
                return -1;
            tabari_label lb = {dupn(cd, cdn), dupn(tx, txn)};
            if (!lb.code || !lb.text) {
                free(lb.code);
                free(lb.text);
                return -1;
            }
            o->labels[o->n_labels++] = lb;
        } else {
            if (opt_unknown(o, &cp, l) < 0) return -1;
        }
    }
    return 0;
}

void tabari_options_free(tabari_options *o) {
    if (!o) return;
    free(o->forward);
    for (size_t i = 0; i < o->n_output; i++)
        free(o->output[i]);
    free(o->output);
    for (size_t i = 0; i < o->n_sets; i++) {
        free(o->sets[i].name);
        free(o->sets[i].value);
    }
    free(o->sets);
    for (size_t i = 0; i < o->n_labels; i++) {
        free(o->labels[i].code);
        free(o->labels[i].text);
    }
    free(o->labels);
    for (size_t i = 0; i < o->n_unknown; i++)
        free(o->unknown[i].text);
    free(o->unknown);
    memset(o, 0, sizeof *o);
}

int tabari_read_options_mem(const char *text, size_t len, tabari_options *o, char *err,
                            size_t errlen) {
    rd_text t;
    memset(o, 0, sizeof *o);
    if (rd_copy(&t, text, len, err, errlen) < 0) return -1;
    int rc = options_text(&t, o);
    rd_text_free(&t);
    if (rc < 0) {
        tabari_options_free(o);
        oom_err(err, errlen);
    }
    return rc;
}

int tabari_read_options(const char *path, tabari_options *o, char *err, size_t errlen) {
    rd_text t;
    memset(o, 0, sizeof *o);
    if (rd_load(&t, path, err, errlen) < 0) return -1;
    int rc = options_text(&t, o);
    rd_text_free(&t);
    if (rc < 0) {
        tabari_options_free(o);
        oom_err(err, errlen);
    }
    return rc;
}

static int name_eq(const char *a, const char *b) {
    for (;;) {
        while (*a && isspace((unsigned char)*a))
            a++;
        while (*b && isspace((unsigned char)*b))
            b++;
        if (!*a || !*b) return !*a && !*b;
        if (toupper((unsigned char)*a) != toupper((unsigned char)*b)) return 0;
        a++, b++;
    }
}

const char *tabari_option_get(const tabari_options *o, const char *name) {
    for (size_t i = o->n_sets; i-- > 0;)
        if (name_eq(o->sets[i].name, name)) return o->sets[i].value;
    return NULL;
}

static int value_true(const char *v) {
    return v && (toupper((unsigned char)v[0]) == 'T' || toupper((unsigned char)v[0]) == 'Y' ||
                 v[0] == '1');
}

/* "FORWARD: ^^*****NNN*SSS [DOC] [OFF]": the mask, or "" when OFF. */
static void forward_mask(const char *f, char *out, size_t cap) {
    out[0] = '\0';
    const char *off = f;
    while ((off = strchr(off, ' ')) != NULL) {
        while (*off == ' ')
            off++;
        if (tag_is(off, strcspn(off, " "), "OFF")) return;
    }
    size_t n = strcspn(f, " ");
    if (n >= cap) n = cap - 1;
    memcpy(out, f, n);
    out[n] = '\0';
}

void tabari_options_apply(const tabari_options *o, parley_tabari_options *t) {
    t->enabled = 1;
    if (o->has_complex) {
        t->no_actor_prior = o->complex_noactprior;
        t->complex_verbs = o->complex_verbs > 0 ? o->complex_verbs : 0;
        t->complex_conj = o->complex_conj > 0 ? o->complex_conj : 0;
    }
    if (o->has_default) {
        snprintf(t->default_source, sizeof t->default_source, "%s", o->default_source);
        snprintf(t->default_target, sizeof t->default_target, "%s", o->default_target);
        t->default_prior = o->default_prior;
        t->default_after = o->default_after;
    }
    const char *v = tabari_option_get(o, "MINIMUM WORDS");
    if (v) t->min_words = atoi(v);
    for (size_t i = 0; i < o->n_sets; i++) {
        const char *n = o->sets[i].name;
        if (name_eq(n, "CODE BY CLAUSE"))
            t->code_by = 0;
        else if (name_eq(n, "CODE BY SENTENCE"))
            t->code_by = 1;
        else if (name_eq(n, "CODE ALL"))
            t->code_by = 2;
    }
    if (o->has_comma) {
        int *f[6] = {&t->comma_min,  &t->comma_max,  &t->comma_emin,
                     &t->comma_emax, &t->comma_bmin, &t->comma_bmax};
        for (int k = 0; k < 6; k++)
            if (o->comma_off)
                *f[k] = 0;
            else if (o->comma[k] >= 0)
                *f[k] = o->comma[k];
    }
    if (o->forward) forward_mask(o->forward, t->forward_mask, sizeof t->forward_mask);
    v = tabari_option_get(o, "CONVERT AGENT");
    if (v) t->convert_agents = value_true(v);
}

/* ============================== .project ============================== */

static char *join_path(const char *base, const char *s, size_t n) {
    if (n && s[0] == '/') return dupn(s, n);
    const char *slash = strrchr(base, '/');
    size_t dn = slash ? (size_t)(slash - base) + 1 : 0;
    char *r = malloc(dn + n + 1);
    if (!r) return NULL;
    memcpy(r, base, dn);
    memcpy(r + dn, s, n);
    r[dn + n] = '\0';
    return r;
}

void tabari_project_free(tabari_project *p) {
    if (!p) return;
    free(p->title);
    for (size_t i = 0; i < p->n_actors; i++)
        free(p->actors[i]);
    free(p->actors);
    for (size_t i = 0; i < p->n_texts; i++)
        free(p->texts[i]);
    free(p->texts);
    free(p->verbs);
    free(p->agents);
    free(p->options);
    free(p->events);
    free(p->problems);
    free(p->errors);
    free(p->coder);
    memset(p, 0, sizeof *p);
}

static int set_path(char **slot, const char *base, const char *v, size_t vn) {
    free(*slot);
    *slot = join_path(base, v, vn);
    return *slot ? 0 : -1;
}

int tabari_read_project(const char *path, tabari_project *p, char *err, size_t errlen) {
    memset(p, 0, sizeof *p);
    rd_text t;
    if (rd_load(&t, path, err, errlen) < 0) return -1;
    int rc = rd_split(&t, 0);
    size_t cap_a = 0, cap_t = 0;
    for (uint32_t i = 0; i < t.n && rc == 0; i++) {
        const rd_line *l = &t.v[i];
        if (l->s[0] != '<') {
            if (!p->title && !(p->title = dupn(l->s, l->n))) rc = -1;
            continue;
        }
        const char *gt = memchr(l->s, '>', l->n);
        if (!gt) continue;
        const char *tg = l->s + 1;
        size_t tn = (size_t)(gt - tg);
        const char *v = gt + 1;
        size_t vn = l->n - (size_t)(v - l->s);
        rd_trim(&v, &vn);
        if (vn == 0) continue;
        if (tag_is(tg, tn, "ACTORSFILE") || tag_is(tg, tn, "TEXTFILE")) {
            int actors = tag_is(tg, tn, "ACTORSFILE");
            char ***arr = actors ? &p->actors : &p->texts;
            size_t *cnt = actors ? &p->n_actors : &p->n_texts;
            size_t *cap = actors ? &cap_a : &cap_t;
            if (grow((void **)arr, *cnt, cap, sizeof **arr) < 0) {
                rc = -1;
                break;
            }
            char *fp = join_path(path, v, vn);
            if (!fp) {
                rc = -1;
                break;
            }
            (*arr)[(*cnt)++] = fp;
        } else if (tag_is(tg, tn, "VERBSFILE"))
            rc = set_path(&p->verbs, path, v, vn);
        else if (tag_is(tg, tn, "AGENTSFILE"))
            rc = set_path(&p->agents, path, v, vn);
        else if (tag_is(tg, tn, "OPTIONSFILE"))
            rc = set_path(&p->options, path, v, vn);
        else if (tag_is(tg, tn, "EVENTFILE"))
            rc = set_path(&p->events, path, v, vn);
        else if (tag_is(tg, tn, "PROBLEMFILE"))
            rc = set_path(&p->problems, path, v, vn);
        else if (tag_is(tg, tn, "ERRORFILE"))
            rc = set_path(&p->errors, path, v, vn);
        else if (tag_is(tg, tn, "CODER")) {
            free(p->coder);
            if (!(p->coder = dupn(v, vn))) rc = -1;
        }
    }
    rd_text_free(&t);
    if (rc < 0) {
        tabari_project_free(p);
        oom_err(err, errlen);
    }
    return rc;
}

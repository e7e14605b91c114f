/* petr_reader.c: PETRARCH-2 dictionary readers, and the line / phrase / pattern machinery they
 * share with tabari_reader.c. See petr_reader.h for the formats. */
#include "petr_reader.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ============================== files and lines ============================== */

static void set_err(char *err, size_t errlen, const char *fmt, const char *a, const char *b) {
    if (err && errlen) snprintf(err, errlen, fmt, a, b);
}

int rd_copy(rd_text *t, const char *text, size_t len, char *err, size_t errlen) {
    memset(t, 0, sizeof *t);
    t->buf = malloc(len + 1);
    if (!t->buf) {
        set_err(err, errlen, "%s%s", "out of memory", "");
        return -1;
    }
    if (len) memcpy(t->buf, text, len);
    t->buf[len] = '\0';
    t->len = len;
    return 0;
}

int rd_load(rd_text *t, const char *path, char *err, size_t errlen) {
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        set_err(err, errlen, "%s%s", "out of memory", "");
        return -1;
    }
    for (;;) {
        if (len + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                set_err(err, errlen, "%s%s", "out of memory", "");
                return -1;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - 1 - len, f);
        len += got;
        if (got == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        set_err(err, errlen, "cannot read %s: %s", path, "read error");
        return -1;
    }
    buf[len] = '\0';
    t->buf = buf;
    t->len = len;
    return 0;
}

void rd_text_free(rd_text *t) {
    free(t->buf);
    free(t->v);
    memset(t, 0, sizeof *t);
}

static int push_line(rd_text *t, char *s, uint32_t n, uint32_t line) {
    if (t->n == t->cap) {
        uint32_t nc = t->cap ? t->cap * 2 : 256;
        rd_line *nv = realloc(t->v, (size_t)nc * sizeof *nv);
        if (!nv) return -1;
        t->v = nv;
        t->cap = nc;
    }
    t->v[t->n].s = s;
    t->v[t->n].n = n;
    t->v[t->n].line = line;
    t->n++;
    return 0;
}

static char *find_str(char *s, size_t n, const char *pat) {
    size_t m = strlen(pat);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, pat, m) == 0) return s + i;
    return NULL;
}

int rd_split(rd_text *t, unsigned flags) {
    char *p = t->buf, *end = t->buf + t->len;
    uint32_t lineno = 0;
    int in_xml = 0;
    while (p < end) {
        char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e) e = end;
        char *s = p;
        size_t n = (size_t)(e - p);
        p = e < end ? e + 1 : end;
        lineno++;
        if (n && s[n - 1] == '\r') n--;
        if ((flags & RD_TILDE_END) && n >= 2 && s[0] == '~' && s[1] == '~') break;
        if (flags & RD_XML_COMMENTS) {
            if (in_xml) {
                char *c = find_str(s, n, "-->");
                if (!c) continue;
                memset(s, ' ', (size_t)(c + 3 - s));
                in_xml = 0;
            }
            for (;;) {
                char *o = find_str(s, n, "<!--");
                if (!o) break;
                char *c = find_str(o + 4, n - (size_t)(o + 4 - s), "-->");
                if (c) {
                    memset(o, ' ', (size_t)(c + 3 - o));
                } else {
                    n = (size_t)(o - s);
                    in_xml = 1;
                    break;
                }
            }
            if (n >= 2 && s[0] == '<' && s[1] == '!') continue;
        }
        size_t i = 0;
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        if ((flags & RD_HASH_LINES) && i < n && s[i] == '#') continue;
        if ((flags & RD_SLASH_LINES) && i + 1 < n && s[i] == '/' && s[i + 1] == '/') continue;
        if (flags & (RD_CUT_HASH | RD_CUT_SEMI)) {
            int depth = 0;
            for (size_t k = 0; k < n; k++) {
                char ch = s[k];
                if (ch == '[')
                    depth++;
                else if (ch == ']' && depth > 0)
                    depth--;
                else if (depth == 0 && (((flags & RD_CUT_HASH) && ch == '#') ||
                                        ((flags & RD_CUT_SEMI) && ch == ';'))) {
                    n = k;
                    break;
                }
            }
        }
        const char *ts = s;
        size_t tn = n;
        rd_trim(&ts, &tn);
        if (tn == 0) continue;
        if (push_line(t, (char *)ts, (uint32_t)tn, lineno) < 0) return -1;
    }
    return 0;
}

void rd_trim(const char **s, size_t *n) {
    while (*n && isspace((unsigned char)**s))
        (*s)++, (*n)--;
    while (*n && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

/* ============================== English inflection ============================== */

static int is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static void copy_word(char *out, const char *w, size_t n) {
    if (n > RD_WORD_MAX - 5) n = RD_WORD_MAX - 5;
    memcpy(out, w, n);
    out[n] = '\0';
}

void rd_plural(const char *w, char *out) {
    size_t n = strlen(w);
    copy_word(out, w, n);
    n = strlen(out);
    if (n == 0) return;
    char last = out[n - 1], prev = n > 1 ? out[n - 2] : '\0';
    if (last == 'y' && n > 1 && !is_vowel(prev))
        memcpy(out + n - 1, "ies", 4);
    else if (last == 's' || last == 'x' || last == 'z' ||
             (last == 'h' && (prev == 'c' || prev == 's')))
        memcpy(out + n, "es", 3);
    else
        memcpy(out + n, "s", 2);
}

/* Doubling of a final consonant: 0 never, 1 always (one syllable), 2 uncertain (longer word:
 * the stress decides, so both forms are generated). */
static int doubling(const char *w, size_t n) {
    if (n < 3) return 0;
    char c3 = w[n - 1], v = w[n - 2], c1 = w[n - 3];
    if (is_vowel(c3) || c3 == 'w' || c3 == 'x' || c3 == 'y' || !isalpha((unsigned char)c3))
        return 0;
    if (!is_vowel(v)) return 0;
    int c1_cons = !is_vowel(c1) || (c1 == 'u' && n >= 4 && w[n - 4] == 'q');
    if (!c1_cons || !isalpha((unsigned char)c1)) return 0;
    int syl = 0, inv = 0;
    for (size_t i = 0; i < n; i++) {
        int vv = is_vowel(w[i]) || (w[i] == 'y' && i > 0 && !is_vowel(w[i - 1]));
        if (vv && !inv) syl++;
        inv = vv;
    }
    if (syl <= 1) return 1;
    /* Longer words double only when the last syllable is stressed (commit, prefer, regret,
     * control); spellings that usually carry that stress get both forms, others none. */
    static const char *const stressed[] = {"mit",  "fer", "cur", "pel",  "bel", "trol",
                                           "quip", "gin", "bid", "gret", "cel"};
    for (size_t i = 0; i < sizeof stressed / sizeof stressed[0]; i++) {
        size_t m = strlen(stressed[i]);
        if (n >= m && memcmp(w + n - m, stressed[i], m) == 0) return 2;
    }
    return 0;
}

/* out = first n chars of b, then the optional character x, then suffix (b is short enough:
 * copy_word keeps 5 bytes of room). */
static void make_form(char *out, const char *b, size_t n, char x, const char *suffix) {
    size_t k = n, sl = strlen(suffix);
    if (k > RD_WORD_MAX - 5) k = RD_WORD_MAX - 5;
    memcpy(out, b, k);
    if (x) out[k++] = x;
    if (sl > RD_WORD_MAX - 1 - k) sl = RD_WORD_MAX - 1 - k;
    memcpy(out + k, suffix, sl);
    out[k + sl] = '\0';
}

int rd_verb_forms(const char *w, char out[][RD_WORD_MAX], int max) {
    char b[RD_WORD_MAX];
    copy_word(b, w, strlen(w));
    size_t n = strlen(b);
    int k = 0;
    if (n == 0 || max < 6) return 0;
    char last = b[n - 1], prev = n > 1 ? b[n - 2] : '\0';
    int cy = last == 'y' && n > 1 && !is_vowel(prev);
    /* third person singular */
    if (cy)
        make_form(out[k++], b, n - 1, 0, "ies");
    else if (last == 's' || last == 'x' || last == 'z' ||
             (last == 'h' && (prev == 'c' || prev == 's')) ||
             (last == 'o' && n > 1 && !is_vowel(prev)))
        make_form(out[k++], b, n, 0, "es");
    else
        make_form(out[k++], b, n, 0, "s");
    int dbl = doubling(b, n);
    /* past */
    if (last == 'e')
        make_form(out[k++], b, n, 0, "d");
    else if (cy)
        make_form(out[k++], b, n - 1, 0, "ied");
    else {
        if (dbl != 1) make_form(out[k++], b, n, 0, "ed");
        if (dbl) make_form(out[k++], b, n, last, "ed");
    }
    /* present participle */
    if (last == 'e' && prev == 'i')
        make_form(out[k++], b, n - 2, 0, "ying");
    else if (last == 'e' && n > 2 && (prev == 'e' || prev == 'y' || prev == 'o'))
        make_form(out[k++], b, n, 0, "ing");
    else if (last == 'e' && n > 1)
        make_form(out[k++], b, n - 1, 0, "ing");
    else {
        if (dbl != 1) make_form(out[k++], b, n, 0, "ing");
        if (dbl) make_form(out[k++], b, n, last, "ing");
    }
    return k;
}

/* ============================== context ============================== */

void rd_ctx_init(rd_ctx *c, dict *d, const char *file, unsigned fmt) {
    memset(c, 0, sizeof *c);
    c->d = d;
    c->file = file;
    c->file_id = intern_add(&d->strings, file, strlen(file));
    if (!c->file_id) c->oom = 1;
    c->fmt = fmt;
}

void rd_ctx_free(rd_ctx *c) {
    free(c->syn);
    free(c->items);
    free(c->pw);
    free(c->po);
    memset(c, 0, sizeof *c);
}

static uint32_t word_id(rd_ctx *c, const char *s, size_t n) {
    uint32_t id = dict_word_id(c->d, s, n);
    if (!id) c->oom = 1;
    return id;
}

int rd_code(const char *s, size_t n, dict_code *out) {
    rd_trim(&s, &n);
    memset(out, 0, sizeof *out);
    if (n == 3 && (memcmp(s, "###", 3) == 0 || memcmp(s, "+++", 3) == 0)) {
        memcpy(out->code, s, 3);
        return 0;
    }
    if (n > 0 && s[0] == ':') {
        char buf[32];
        if (n + 3 >= sizeof buf) return -1;
        memcpy(buf, "---", 3);
        memcpy(buf + 3, s, n);
        return dict_parse_code(buf, n + 3, out);
    }
    return dict_parse_code(s, n, out);
}

/* ============================== phrases ============================== */

static int is_sep(char ch) {
    return isspace((unsigned char)ch) || ch == '_';
}

/* The end of the word [b,e): a TABARI prefix written "ANTI-" is the word the tokenizer reads
 * before the hyphen of "anti- Gondor" (the hyphen is punctuation there). */
static size_t prefix_end(const rd_ctx *c, const char *s, size_t b, size_t e) {
    return (c->fmt & RDF_ENDINGS) && e - b > 1 && s[e - 1] == '-' ? e - 1 : e;
}

/* A word ending in "n't" ("DIDN'T", "CAN'T"), which the tokenizer splits off. */
static int has_nt(const char *w, size_t n) {
    return n >= 4 && tolower((unsigned char)w[n - 3]) == 'n' && w[n - 2] == '\'' &&
           tolower((unsigned char)w[n - 1]) == 't';
}

int rd_phrase(rd_ctx *c, const char *s, size_t n, dict_word *w, int max) {
    size_t i = 0;
    int k = 0, saw_space = 1, saw_us = 0;
    int stems = (c->fmt & RDF_STEMS) != 0;
    while (i < n) {
        char ch = s[i];
        if (isspace((unsigned char)ch)) {
            saw_space = 1;
            i++;
            continue;
        }
        if (ch == '_') {
            saw_us = 1;
            i++;
            continue;
        }
        size_t b = i;
        while (i < n && !is_sep(s[i]) && !(stems && (s[i] == '=' || s[i] == '~')))
            i++;
        size_t e = prefix_end(c, s, b, i);
        uint8_t fl = 0;
        if (stems) {
            if (i < n && s[i] == '~') {
                fl |= DW_STEM;
                i++;
            } else if (i < n && s[i] == '=') {
                if (c->fmt & RDF_ENDINGS) fl |= DW_NOSUFFIX;
                i++;
            } else if (!(i < n && s[i] == '_')) {
                fl |= DW_STEM;
            } else if ((c->fmt & RDF_ENDINGS) && (i + 1 == n || isspace((unsigned char)s[i + 1]))) {
                fl |= DW_ENDINGS; /* a closing "WORD_", not a connector "WORD_WORD" */
            }
        }
        if (e == b) continue; /* a stray '=' or '~' */
        if (k >= max) return -1;
        uint8_t adj = 0;
        if (k > 0 && ((saw_us && !saw_space) || (c->fmt & RDF_ADJ_ALL))) adj = DW_ADJACENT;
        if (has_nt(s + b, e - b)) { /* "DIDN'T" is split as the text is: "did" + "n't" */
            if (k + 1 >= max) return -1;
            w[k].word = word_id(c, s + b, e - 3 - b);
            w[k].flags = adj;
            k++;
            b = e - 3;
            adj = DW_ADJACENT;
        }
        w[k].word = word_id(c, s + b, e - b);
        w[k].flags = fl | adj;
        k++;
        saw_space = 0;
        saw_us = 0;
    }
    return k;
}

/* ============================== synsets ============================== */

static void norm_name(const char *s, size_t n, char *out, size_t outsz) {
    while (n && s[n - 1] == '_')
        n--;
    if (n >= outsz) n = outsz - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[n] = '\0';
}

uint32_t rd_find_set(rd_ctx *c, const char *name, size_t n) {
    char nm[64];
    norm_name(name, n, nm, sizeof nm);
    for (uint32_t i = 0; i < c->nsyn; i++)
        if (strcmp(c->syn[i].name, nm) == 0) return c->syn[i].set;
    char full[72];
    snprintf(full, sizeof full, "&%s", nm);
    uint32_t id = intern_find(&c->d->strings, full, strlen(full));
    if (!id) return UINT32_MAX;
    return dict_find_set(c->d, id);
}

uint32_t rd_collect_synset(rd_ctx *c, const rd_text *t, uint32_t i) {
    const rd_line *l = &t->v[i];
    size_t k = 1;
    while (k < l->n && !isspace((unsigned char)l->s[k]))
        k++;
    uint32_t j = i + 1;
    if (k <= 1) {
        dict_warn(c->d, c->file, l->line, "synset without a name");
        while (j < t->n && t->v[j].s[0] == '+')
            j++;
        return j;
    }
    if (c->nsyn == c->capsyn) {
        uint32_t nc = c->capsyn ? c->capsyn * 2 : 32;
        rd_synset *ns = realloc(c->syn, (size_t)nc * sizeof *ns);
        if (!ns) {
            c->oom = 1;
            return t->n;
        }
        c->syn = ns;
        c->capsyn = nc;
    }
    rd_synset *sy = &c->syn[c->nsyn];
    memset(sy, 0, sizeof *sy);
    norm_name(l->s + 1, k - 1, sy->name, sizeof sy->name);
    sy->noplural = l->s[k - 1] == '_';
    sy->line = l->line;
    if (k < l->n) {
        const char *r = l->s + k;
        size_t rn = l->n - k;
        rd_trim(&r, &rn);
        if (rn) dict_warn(c->d, c->file, l->line, "text after the synset name ignored");
    }
    uint32_t existing = UINT32_MAX;
    for (uint32_t q = 0; q < c->nsyn; q++)
        if (strcmp(c->syn[q].name, sy->name) == 0) existing = c->syn[q].set;
    if (existing != UINT32_MAX) {
        dict_warn(c->d, c->file, l->line, "synset &%s defined again: items added to it", sy->name);
        sy->set = existing;
    } else {
        char full[72];
        snprintf(full, sizeof full, "&%s", sy->name);
        uint32_t nid = word_id(c, full, strlen(full));
        sy->set = dict_add_set(c->d, nid);
        if (sy->set == UINT32_MAX) c->oom = 1;
    }
    sy->items_off = c->nitems;
    while (j < t->n && t->v[j].s[0] == '+') {
        if (c->nitems == c->capitems) {
            uint32_t nc = c->capitems ? c->capitems * 2 : 256;
            rd_line *ni = realloc(c->items, (size_t)nc * sizeof *ni);
            if (!ni) {
                c->oom = 1;
                return t->n;
            }
            c->items = ni;
            c->capitems = nc;
        }
        rd_line it = t->v[j];
        it.s++;
        it.n--;
        c->items[c->nitems++] = it;
        j++;
    }
    sy->items_n = c->nitems - sy->items_off;
    if (sy->items_n == 0) dict_warn(c->d, c->file, l->line, "synset &%s has no items", sy->name);
    c->nsyn++;
    return j;
}

/* Phrase list scratch: c->pw holds words, c->po offsets (npo = phrases + 1). */
static int pw_reserve(rd_ctx *c, uint32_t extra) {
    if (c->npw + extra <= c->cappw) return 0;
    uint32_t nc = c->cappw ? c->cappw : 1024;
    while (nc < c->npw + extra)
        nc *= 2;
    dict_word *nw = realloc(c->pw, (size_t)nc * sizeof *nw);
    if (!nw) return -1;
    c->pw = nw;
    c->cappw = nc;
    return 0;
}

static int po_push(rd_ctx *c, uint32_t v) {
    if (c->npo == c->cappo) {
        uint32_t nc = c->cappo ? c->cappo * 2 : 256;
        uint32_t *np = realloc(c->po, (size_t)nc * sizeof *np);
        if (!np) return -1;
        c->po = np;
        c->cappo = nc;
    }
    c->po[c->npo++] = v;
    return 0;
}

int rd_expand(rd_ctx *c, const rd_unit *u, int nu) {
    /* Start with one empty phrase; each unit multiplies or extends the list. The new list is
     * built after the old one in the same buffers, then moved down. */
    c->npw = 0;
    c->npo = 0;
    if (po_push(c, 0) < 0 || po_push(c, 0) < 0) return -1;
    for (int k = 0; k < nu; k++) {
        uint32_t nph = c->npo - 1, wbase = c->npw, obase = c->npo;
        if (u[k].kind == RU_WORD) {
            for (uint32_t p = 0; p < nph; p++) {
                uint32_t a = c->po[p], b = c->po[p + 1];
                if (pw_reserve(c, b - a + 1) < 0) return -1;
                for (uint32_t q = a; q < b; q++)
                    c->pw[c->npw++] = c->pw[q];
                dict_word w = {.word = u[k].id, .flags = u[k].flags};
                if (b == a) w.flags &= (uint8_t)~DW_ADJACENT;
                c->pw[c->npw++] = w;
                if (po_push(c, c->npw - wbase) < 0) return -1;
            }
        } else if (u[k].kind == RU_SET) {
            const dict_set *st = &c->d->sets.v[u[k].id];
            uint32_t items_off = st->items_off, items_n = st->items_n;
            if ((uint64_t)nph * items_n > RD_MAX_EXPANSION) return -2;
            for (uint32_t p = 0; p < nph; p++) {
                for (uint32_t it = 0; it < items_n; it++) {
                    dict_set_item si = c->d->set_items.v[items_off + it];
                    uint32_t a = c->po[p], b = c->po[p + 1];
                    if (pw_reserve(c, b - a + si.n) < 0) return -1;
                    for (uint32_t q = a; q < b; q++)
                        c->pw[c->npw++] = c->pw[q];
                    for (uint32_t q = 0; q < si.n; q++) {
                        dict_word w = c->d->words.v[si.words_off + q];
                        if (q == 0) {
                            w.flags &= (uint8_t)~DW_ADJACENT;
                            if (b > a) w.flags |= (uint8_t)(u[k].flags & DW_ADJACENT);
                        }
                        c->pw[c->npw++] = w;
                    }
                    if (po_push(c, c->npw - wbase) < 0) return -1;
                }
            }
        } else {
            return -3;
        }
        /* move the new list down */
        uint32_t nw = c->npw - wbase, nnew = c->npo - obase;
        memmove(c->pw, c->pw + wbase, (size_t)nw * sizeof *c->pw);
        c->npw = nw;
        c->po[0] = 0;
        for (uint32_t q = 0; q < nnew; q++)
            c->po[q + 1] = c->po[obase + q];
        c->npo = nnew + 1;
        if (c->npo - 1 > RD_MAX_EXPANSION) return -2;
    }
    return (int)(c->npo - 1);
}

static int find_synset_by_set(rd_ctx *c, uint32_t set) {
    for (uint32_t i = 0; i < c->nsyn; i++)
        if (c->syn[i].set == set) return (int)i;
    return -1;
}

static int resolve_synset(rd_ctx *c, uint32_t si, int depth);

/* Add the items of one raw synset item line to the synset's dict set. */
static void build_item(rd_ctx *c, uint32_t si, const rd_line *it, int depth) {
    rd_unit u[RD_MAX_UNITS];
    char why[160];
    const char *whyp = NULL;
    int nu = rd_units(c, it->s, it->n, u, RD_MAX_UNITS, &whyp, why, sizeof why);
    if (nu < 0) {
        dict_warn(c->d, c->file, it->line, "synset item skipped: %s", whyp);
        return;
    }
    if (nu == 0) {
        dict_warn(c->d, c->file, it->line, "empty synset item");
        return;
    }
    for (int k = 0; k < nu; k++) {
        if (u[k].kind != RU_WORD && u[k].kind != RU_SET) {
            dict_warn(c->d, c->file, it->line,
                      "synset item skipped: markers and '*' are not allowed in synsets");
            return;
        }
        if (u[k].kind == RU_SET) {
            int other = find_synset_by_set(c, u[k].id);
            if (other >= 0 && resolve_synset(c, (uint32_t)other, depth + 1) < 0) {
                dict_warn(c->d, c->file, it->line, "synset item skipped: recursive synsets");
                return;
            }
        }
        if (k > 0 && (c->fmt & RDF_ADJ_ALL)) u[k].flags |= DW_ADJACENT;
    }
    int np = rd_expand(c, u, nu);
    if (np < 0) {
        if (np == -1)
            c->oom = 1;
        else
            dict_warn(c->d, c->file, it->line, "synset item skipped: too many combinations");
        return;
    }
    int plural = c->petr_plurals && !c->syn[si].noplural && it->s[it->n - 1] != '_' &&
                 u[nu - 1].kind == RU_WORD;
    uint32_t set = c->syn[si].set;
    dict_word tmp[RD_MAX_UNITS * 2];
    for (int p = 0; p < np; p++) {
        uint32_t a = c->po[p], b = c->po[p + 1];
        uint32_t n = b - a;
        if (n == 0 || n > sizeof tmp / sizeof tmp[0]) continue;
        memcpy(tmp, c->pw + a, n * sizeof *tmp);
        if (dict_add_set_item(c->d, set, tmp, n) < 0) {
            c->oom = 1;
            return;
        }
        if (plural) {
            char pl[RD_WORD_MAX];
            const char *lw = intern_str(&c->d->strings, tmp[n - 1].word);
            rd_plural(lw, pl);
            tmp[n - 1].word = word_id(c, pl, strlen(pl));
            if (dict_add_set_item(c->d, set, tmp, n) < 0) {
                c->oom = 1;
                return;
            }
        }
    }
}

static int resolve_synset(rd_ctx *c, uint32_t si, int depth) {
    if (c->syn[si].state == 2) return 0;
    if (c->syn[si].state == 1 || depth > 16) return -1;
    c->syn[si].state = 1;
    for (uint32_t k = 0; k < c->syn[si].items_n && !c->oom; k++) {
        rd_line it = c->items[c->syn[si].items_off + k];
        build_item(c, si, &it, depth);
    }
    c->syn[si].state = 2;
    return 0;
}

int rd_build_synsets(rd_ctx *c) {
    for (uint32_t i = 0; i < c->nsyn && !c->oom; i++)
        resolve_synset(c, i, 0);
    return c->oom ? -1 : 0;
}

/* ============================== pattern units ============================== */

static int unit_push(rd_unit *u, int *k, int max, uint8_t kind, uint8_t flags, uint32_t id) {
    if (*k >= max) return -1;
    u[*k].kind = kind;
    u[*k].flags = flags;
    u[*k].plural = 0;
    u[*k].id = id;
    (*k)++;
    return 0;
}

static int is_unit_end(char ch, int stems) {
    return isspace((unsigned char)ch) || ch == '_' || ch == '(' || ch == ')' || ch == '{' ||
           ch == '}' || ch == '|' || ch == '*' || (stems && (ch == '=' || ch == '~'));
}

static int units_rec(rd_ctx *c, const char *s, size_t n, rd_unit *u, int max, int in_alt,
                     const char **why, char *whybuf, size_t whylen);

/* Alternatives "{ a | b }": an anonymous set whose items are the expanded alternatives. */
static int make_alternatives(rd_ctx *c, const char *s, size_t n, uint32_t *set_out,
                             const char **why, char *whybuf, size_t whylen) {
    uint32_t set = dict_add_set(c->d, 0);
    if (set == UINT32_MAX) {
        c->oom = 1;
        *why = "out of memory";
        return -1;
    }
    size_t i = 0;
    while (i <= n) {
        size_t b = i;
        while (i < n && s[i] != '|')
            i++;
        rd_unit au[RD_MAX_UNITS];
        int na = units_rec(c, s + b, i - b, au, RD_MAX_UNITS, 1, why, whybuf, whylen);
        if (na < 0) return -1;
        if (na == 0) {
            *why = "empty alternative in {...|...}";
            return -1;
        }
        for (int k = 0; k < na; k++) {
            if (au[k].kind != RU_WORD && au[k].kind != RU_SET) {
                *why = "markers are not allowed inside {...|...}";
                return -1;
            }
        }
        int np = rd_expand(c, au, na);
        if (np < 0) {
            if (np == -1) c->oom = 1;
            *why = np == -1 ? "out of memory" : "too many combinations in {...|...}";
            return -1;
        }
        dict_word tmp[RD_MAX_UNITS * 2];
        for (int p = 0; p < np; p++) {
            uint32_t a = c->po[p], nn = c->po[p + 1] - a;
            if (nn == 0 || nn > sizeof tmp / sizeof tmp[0]) continue;
            memcpy(tmp, c->pw + a, nn * sizeof *tmp);
            if (dict_add_set_item(c->d, set, tmp, nn) < 0) {
                c->oom = 1;
                *why = "out of memory";
                return -1;
            }
        }
        i++; /* skip '|' (or step past the end) */
    }
    *set_out = set;
    return 0;
}

static int units_rec(rd_ctx *c, const char *s, size_t n, rd_unit *u, int max, int in_alt,
                     const char **why, char *whybuf, size_t whylen) {
    int stems = (c->fmt & RDF_STEMS) != 0;
    int k = 0, saw_space = 1, saw_us = 0;
    size_t i = 0;
    while (i < n) {
        char ch = s[i];
        if (isspace((unsigned char)ch)) {
            saw_space = 1;
            i++;
            continue;
        }
        if (ch == '_') {
            saw_us = 1;
            i++;
            continue;
        }
        if (ch == '(' || ch == ')' || (ch == '}' && !in_alt)) { /* grouping only */
            i++;
            continue;
        }
        uint8_t adj = saw_us && !saw_space ? DW_ADJACENT : 0;
        if (ch == '|') {
            *why = "'|' outside {...}";
            return -1;
        }
        if (ch == '{') {
            if (in_alt) {
                *why = "nested '{' inside {...|...}";
                return -1;
            }
            const char *close = memchr(s + i + 1, '}', n - i - 1);
            if (!close) {
                *why = "'{' without '}'";
                return -1;
            }
            size_t inner_n = (size_t)(close - (s + i + 1));
            int alts = (c->fmt & RDF_ALTS) || memchr(s + i + 1, '|', inner_n) != NULL;
            if (!alts) { /* PETRARCH noun phrase: the braces only group words */
                i++;
                continue;
            }
            uint32_t set;
            if (make_alternatives(c, s + i + 1, inner_n, &set, why, whybuf, whylen) < 0) return -1;
            if (unit_push(u, &k, max, RU_SET, adj, set) < 0) goto toolong;
            i = (size_t)(close - s) + 1;
            saw_space = saw_us = 0;
            continue;
        }
        if (ch == '*') {
            if (in_alt) {
                *why = "'*' inside {...|...}";
                return -1;
            }
            if (unit_push(u, &k, max, RU_ANCHOR, adj, 0) < 0) goto toolong;
            i++;
            saw_space = saw_us = 0;
            continue;
        }
        if (ch == '&') {
            size_t b = i + 1, e = b;
            while (e < n && (isalnum((unsigned char)s[e]) || s[e] == '_'))
                e++;
            uint32_t set = UINT32_MAX;
            size_t len = e - b;
            /* longest prefix that names a set: the whole run, then cut at each '_' */
            while (len > 0) {
                set = rd_find_set(c, s + b, len);
                if (set != UINT32_MAX) break;
                size_t q = len;
                while (q > 0 && s[b + q - 1] != '_')
                    q--;
                if (q == 0) break;
                len = q - 1;
                while (len > 0 && s[b + len - 1] == '_')
                    len--;
            }
            if (set == UINT32_MAX) {
                snprintf(whybuf, whylen, "undefined synset &%.*s", (int)(e - b), s + b);
                *why = whybuf;
                return -1;
            }
            if (unit_push(u, &k, max, RU_SET, adj, set) < 0) goto toolong;
            i = b + len;
            while (i < e && s[i] == '_' && i + 1 < n && is_sep(s[i + 1]))
                i++;
            saw_space = saw_us = 0;
            continue;
        }
        if ((ch == '$' || ch == '+' || ch == '%' || ch == '^') &&
            (i + 1 == n || is_unit_end(s[i + 1], 0))) {
            if (in_alt) {
                *why = "markers are not allowed inside {...|...}";
                return -1;
            }
            uint8_t kind = ch == '$' ? RU_SRC : ch == '+' ? RU_TGT : ch == '%' ? RU_CMP : RU_SKIP;
            if (unit_push(u, &k, max, kind, adj, 0) < 0) goto toolong;
            i++;
            saw_space = saw_us = 0;
            continue;
        }
        size_t b = i;
        while (i < n && !is_unit_end(s[i], stems))
            i++;
        size_t e = prefix_end(c, s, b, i);
        uint8_t fl = adj;
        if (stems) {
            if (i < n && s[i] == '~') {
                fl |= DW_STEM;
                i++;
            } else if (i < n && s[i] == '=') {
                if (c->fmt & RDF_ENDINGS) fl |= DW_NOSUFFIX;
                i++;
            } else if (!(i < n && s[i] == '_')) {
                fl |= DW_STEM;
            } else if ((c->fmt & RDF_ENDINGS) && (i + 1 == n || isspace((unsigned char)s[i + 1]))) {
                fl |= DW_ENDINGS; /* a closing "WORD_", not a connector "WORD_WORD" */
            }
        }
        if (e == b) { /* stray '=' or '~' */
            if (i == b) i++;
            continue;
        }
        if (has_nt(s + b, e - b)) { /* "DIDN'T" is split as the text is: "did" + "n't" */
            uint32_t id0 = word_id(c, s + b, e - 3 - b);
            if (!id0) {
                *why = "out of memory";
                return -1;
            }
            if (unit_push(u, &k, max, RU_WORD, adj, id0) < 0) goto toolong;
            b = e - 3;
            fl |= DW_ADJACENT;
        }
        uint32_t id = word_id(c, s + b, e - b);
        if (!id) {
            *why = "out of memory";
            return -1;
        }
        if (unit_push(u, &k, max, RU_WORD, fl, id) < 0) goto toolong;
        saw_space = saw_us = 0;
    }
    return k;
toolong:
    *why = "too many words";
    return -1;
}

int rd_units(rd_ctx *c, const char *s, size_t n, rd_unit *u, int max, const char **why,
             char *whybuf, size_t whylen) {
    return units_rec(c, s, n, u, max, 0, why, whybuf, whylen);
}

static uint8_t elem_kind(uint8_t unit_kind) {
    switch (unit_kind) {
    case RU_WORD: return PE_WORD;
    case RU_SET: return PE_SET;
    case RU_SRC: return PE_SOURCE;
    case RU_TGT: return PE_TARGET;
    case RU_CMP: return PE_COMPOUND;
    default: return PE_SKIP;
    }
}

int rd_add_pattern(rd_ctx *c, const char *s, size_t n, const dict_code *code, uint32_t text,
                   uint32_t line) {
    rd_unit u[RD_MAX_UNITS];
    char why[160];
    const char *whyp = NULL;
    int nu = rd_units(c, s, n, u, RD_MAX_UNITS, &whyp, why, sizeof why);
    if (nu < 0) {
        dict_warn(c->d, c->file, line, "pattern skipped: %s", whyp);
        return -1;
    }
    int anchor = -1, nanchor = 0;
    for (int k = 0; k < nu; k++)
        if (u[k].kind == RU_ANCHOR) {
            anchor = k;
            nanchor++;
        }
    if (nanchor != 1) {
        dict_warn(c->d, c->file, line, "pattern skipped: %s",
                  nanchor ? "more than one '*'" : "no '*' marking the verb");
        return -1;
    }
    dict_elem before[RD_MAX_UNITS], after[RD_MAX_UNITS];
    uint32_t nb = 0, na = 0;
    for (int k = 0; k < anchor; k++) {
        dict_elem e = {.kind = elem_kind(u[k].kind), .flags = u[k].flags, .id = u[k].id};
        if (k == 0) e.flags &= (uint8_t)~DW_ADJACENT;
        before[nb++] = e;
    }
    if (nb > 0 && (u[anchor].flags & DW_ADJACENT)) before[nb - 1].flags |= DW_ANCHOR_NEXT;
    for (int k = anchor + 1; k < nu; k++) {
        dict_elem e = {.kind = elem_kind(u[k].kind), .flags = u[k].flags, .id = u[k].id};
        after[na++] = e;
    }
    if (dict_add_pattern(c->d, before, nb, after, na, code, text, c->file_id, line) == UINT32_MAX) {
        c->oom = 1;
        return -1;
    }
    return 0;
}

/* ============================== actors ============================== */

/* One "[CODE restriction]" group. */
static void add_role(rd_ctx *c, uint32_t actor, const char *s, size_t n, uint32_t line) {
    rd_trim(&s, &n);
    if (n == 0) {
        dict_warn(c->d, c->file, line, "empty code []");
        return;
    }
    size_t k = 0;
    while (k < n && !isspace((unsigned char)s[k]))
        k++;
    dict_role r;
    memset(&r, 0, sizeof r);
    if (k >= sizeof r.code) {
        dict_warn(c->d, c->file, line, "actor code too long: %.*s", (int)k, s);
        return;
    }
    if (s[0] == '<' || s[0] == '>' || isdigit((unsigned char)s[0])) {
        dict_warn(c->d, c->file, line, "date restriction without a code: [%.*s]", (int)n, s);
        return;
    }
    memcpy(r.code, s, k);
    char rest[64];
    size_t rn = 0;
    for (size_t q = k; q < n; q++)
        if (!isspace((unsigned char)s[q])) {
            if (rn + 1 >= sizeof rest) {
                dict_warn(c->d, c->file, line, "date restriction too long");
                return;
            }
            rest[rn++] = s[q];
        }
    rest[rn] = '\0';
    if (rn > 0) {
        if (rest[0] == '<' || rest[0] == '>') {
            int32_t dt = dict_parse_date(rest + 1, rn - 1);
            if (dt < 0) {
                dict_warn(c->d, c->file, line, "bad date in restriction %s", rest);
                return;
            }
            if (rest[0] == '<')
                r.to = dt;
            else
                r.from = dt;
        } else if (strchr(rest, '-')) {
            char *dash = strchr(rest, '-');
            int32_t d1 = dict_parse_date(rest, (size_t)(dash - rest));
            int32_t d2 = dict_parse_date(dash + 1, strlen(dash + 1));
            if (d1 < 0 || d2 < 0) {
                dict_warn(c->d, c->file, line, "bad date in restriction %s", rest);
                return;
            }
            /* Two-digit years 00-29 mean 20YY, so CountryInfo's birth dates "270101-730717"
             * would end before they start: such a six-digit start is read as 19YY. */
            if (d2 < d1 && dash - rest == 6 && d1 - 1000000 <= d2) d1 -= 1000000;
            if (d2 < d1) {
                dict_warn(c->d, c->file, line, "date range ends before it starts: %s", rest);
                return;
            }
            r.from = d1;
            r.to = d2;
        } else if (dict_parse_date(rest, rn) >= 0) {
            dict_warn(c->d, c->file, line,
                      "date %s without '<', '>' or a range: read as the default code", rest);
        } else {
            dict_warn(c->d, c->file, line, "bad date restriction %s", rest);
            return;
        }
    }
    if (dict_add_role(c->d, actor, &r) < 0) c->oom = 1;
}

/* All "[...]" groups of s (from its first '['); problems are warned about. */
static void add_roles(rd_ctx *c, uint32_t actor, const char *s, size_t n, uint32_t line) {
    size_t i = 0;
    while (i < n) {
        if (s[i] == '[') {
            const char *close = memchr(s + i + 1, ']', n - i - 1);
            if (!close) {
                dict_warn(c->d, c->file, line, "'[' without ']'");
                return;
            }
            if (actor != UINT32_MAX)
                add_role(c, actor, s + i + 1, (size_t)(close - s - i - 1), line);
            i = (size_t)(close - s) + 1;
        } else if (isspace((unsigned char)s[i])) {
            i++;
        } else {
            dict_warn(c->d, c->file, line, "text after a code ignored: %.*s", (int)(n - i), s + i);
            return;
        }
    }
}

/* The words part of an entry or synonym. A token made only of '"' (CSV residue, e.g.
 * ALLAN_MELTZER<tab>"[USAELI]...") is dropped with a warning; quotes inside words are kept. */
static int entry_phrase(rd_ctx *c, const char *s, size_t n, uint32_t line, dict_word *w, int max) {
    rd_trim(&s, &n);
    int quoted = 0;
    for (;;) {
        size_t q = n;
        while (q && s[q - 1] == '"')
            q--;
        if (q == n || (q && !isspace((unsigned char)s[q - 1]))) break;
        n = q;
        rd_trim(&s, &n);
        quoted = 1;
    }
    for (;;) {
        size_t q = 0;
        while (q < n && s[q] == '"')
            q++;
        if (q == 0 || (q < n && !isspace((unsigned char)s[q]))) break;
        s += q, n -= q;
        rd_trim(&s, &n);
        quoted = 1;
    }
    if (quoted) dict_warn(c->d, c->file, line, "stray '\"' ignored");
    int k = rd_phrase(c, s, n, w, max);
    if (k < 0)
        dict_warn(c->d, c->file, line, "phrase has too many words");
    else if (k == 0)
        dict_warn(c->d, c->file, line, "entry without words");
    return k;
}

static uint32_t display_name(rd_ctx *c, const char *s, size_t n) {
    char buf[256];
    size_t k = 0;
    rd_trim(&s, &n);
    while (n && (s[n - 1] == '_' || s[n - 1] == '"' || isspace((unsigned char)s[n - 1])))
        n--;
    for (size_t i = 0; i < n && k + 1 < sizeof buf; i++) {
        char ch = s[i] == '_' ? ' ' : s[i];
        if (isspace((unsigned char)ch)) {
            if (k && buf[k - 1] != ' ') buf[k++] = ' ';
        } else {
            buf[k++] = ch;
        }
    }
    return word_id(c, buf, k);
}

int rd_add_to_named_set(rd_ctx *c, const char *setname, const rd_line *l) {
    uint32_t name = word_id(c, setname, strlen(setname));
    uint32_t set = dict_find_set(c->d, name);
    if (set == UINT32_MAX) set = dict_add_set(c->d, name);
    if (set == UINT32_MAX) {
        c->oom = 1;
        return -1;
    }
    dict_word w[RD_MAX_UNITS];
    int k = entry_phrase(c, l->s, l->n, l->line, w, RD_MAX_UNITS);
    if (k <= 0) return 0;
    if (dict_add_set_item(c->d, set, w, (uint32_t)k) < 0) {
        c->oom = 1;
        return -1;
    }
    return 0;
}

static int line_is(const rd_line *l, const char *tag) {
    size_t n = strlen(tag);
    if (l->n != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (toupper((unsigned char)l->s[i]) != tag[i]) return 0;
    return 1;
}

int rd_read_actors(rd_ctx *c, const rd_text *t, int tabari) {
    uint32_t actor = UINT32_MAX;
    int skipping = 0;
    int section = 0; /* TABARI: 1 <NOUN>, 2 <ADJECTIVE> */
    dict_word w[RD_MAX_UNITS];
    for (uint32_t i = 0; i < t->n && !c->oom; i++) {
        const rd_line *l = &t->v[i];
        const char *s = l->s;
        size_t n = l->n;
        if (tabari && s[0] == '<') {
            if (line_is(l, "<NOUN>"))
                section = 1;
            else if (line_is(l, "<ADJECTIVE>"))
                section = 2;
            else if (line_is(l, "</NOUN>") || line_is(l, "</ADJECTIVE>"))
                section = 0;
            else
                dict_warn(c->d, c->file, l->line, "unknown section %.*s", (int)n, s);
            continue;
        }
        if (section) {
            rd_add_to_named_set(c, section == 1 ? "<noun>" : "<adjective>", l);
            continue;
        }
        if (s[0] == '[') {
            if (skipping) continue;
            if (actor == UINT32_MAX) {
                dict_warn(c->d, c->file, l->line, "code line before any actor");
                continue;
            }
            add_roles(c, actor, s, n, l->line);
            continue;
        }
        int synonym = s[0] == '+';
        const char *br = memchr(s, '[', n);
        size_t pn = br ? (size_t)(br - s) : n;
        if (synonym) {
            if (skipping) continue;
            if (actor == UINT32_MAX) {
                dict_warn(c->d, c->file, l->line, "synonym before any actor");
                continue;
            }
            if (tabari && memchr(s, '&', pn)) {
                dict_warn(c->d, c->file, l->line, "synonym with '&' skipped (TABARI rejects it)");
                continue;
            }
        } else if (actor != UINT32_MAX && c->d->actors.v[actor].roles_n == 0 && !skipping) {
            /* An entry without codes followed by another entry: both name the same actor,
             * whose codes follow (PETRARCH-1 keeps one code index for both; the Phoenix files
             * rely on it, e.g. IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ + roles). */
            if (tabari && memchr(s, '&', pn)) {
                dict_warn(c->d, c->file, l->line, "entry with '&' skipped (TABARI rejects it)");
                continue;
            }
            synonym = 2;
        } else {
            skipping = 0;
            actor = UINT32_MAX;
            if (tabari && memchr(s, '&', pn)) {
                dict_warn(c->d, c->file, l->line, "entry with '&' skipped (TABARI rejects it)");
                skipping = 1;
                continue;
            }
        }
        const char *ps = s + (synonym == 1);
        size_t psn = pn - (size_t)(synonym == 1);
        int k = entry_phrase(c, ps, psn, l->line, w, RD_MAX_UNITS);
        if (k <= 0) {
            if (!synonym) skipping = 1;
            continue;
        }
        if (!synonym) {
            actor = dict_add_actor(c->d, display_name(c, ps, psn), c->file_id, l->line);
            if (actor == UINT32_MAX) {
                c->oom = 1;
                break;
            }
        }
        uint32_t ph = dict_add_phrase(c->d, w, (uint32_t)k, PH_ACTOR, actor, 0);
        if (ph == UINT32_MAX) {
            c->oom = 1;
            break;
        }
        c->d->phrases.v[ph].loose = (c->fmt & RDF_ENDINGS) != 0;
        if (br) add_roles(c, actor, br, n - pn, l->line);
    }
    if (actor != UINT32_MAX && c->d->actors.v[actor].roles_n == 0 && !skipping)
        dict_warn(c->d, c->file, c->d->actors.v[actor].line, "actor without a code");
    return c->oom ? -1 : 0;
}

/* ============================== agents ============================== */

typedef struct {
    char name[32];
    char *vals; /* '\0'-separated values */
    int nvals;
} subst_set;

static uint32_t agent_index(rd_ctx *c, const char *code, int prefix) {
    for (uint32_t i = 0; i < c->d->agents.n; i++)
        if (c->d->agents.v[i].prefix == (uint8_t)prefix &&
            strcmp(c->d->agents.v[i].code, code) == 0)
            return i;
    uint32_t a = dict_add_agent(c->d, code, prefix);
    if (a == UINT32_MAX) c->oom = 1;
    return a;
}

static void add_agent_phrase(rd_ctx *c, const char *s, size_t n, uint32_t agent, uint32_t line,
                             int gen_plural) {
    dict_word w[RD_MAX_UNITS];
    int k = entry_phrase(c, s, n, line, w, RD_MAX_UNITS);
    if (k <= 0) return;
    uint32_t ph = dict_add_phrase(c->d, w, (uint32_t)k, PH_AGENT, agent, 0);
    if (ph == UINT32_MAX) {
        c->oom = 1;
        return;
    }
    c->d->phrases.v[ph].loose = (c->fmt & RDF_ENDINGS) != 0;
    if (gen_plural && !(w[k - 1].flags & DW_STEM)) {
        char pl[RD_WORD_MAX];
        rd_plural(intern_str(&c->d->strings, w[k - 1].word), pl);
        w[k - 1].word = word_id(c, pl, strlen(pl));
        if (dict_add_phrase(c->d, w, (uint32_t)k, PH_AGENT, agent, 0) == UINT32_MAX) c->oom = 1;
    }
}

/* Substitute the first "!NAME!" of s by each value (recursively for further markers). */
static void substitute(rd_ctx *c, const char *s, size_t n, const subst_set *sets, int nsets,
                       uint32_t agent, uint32_t line, int depth) {
    const char *b1 = memchr(s, '!', n);
    if (!b1) {
        add_agent_phrase(c, s, n, agent, line, 0);
        return;
    }
    const char *b2 = memchr(b1 + 1, '!', n - (size_t)(b1 + 1 - s));
    if (!b2 || depth > 4) {
        dict_warn(c->d, c->file, line, "substitution marker syntax incorrect");
        return;
    }
    size_t nl = (size_t)(b2 - b1 - 1);
    int found = -1;
    for (int i = 0; i < nsets; i++) {
        if (strlen(sets[i].name) != nl) continue;
        int eq = 1;
        for (size_t q = 0; q < nl; q++)
            if (toupper((unsigned char)sets[i].name[q]) != toupper((unsigned char)b1[1 + q]))
                eq = 0;
        if (eq) {
            found = i;
            break;
        }
    }
    if (found < 0) {
        dict_warn(c->d, c->file, line, "substitution marker !%.*s! not defined", (int)nl, b1 + 1);
        return;
    }
    const char *v = sets[found].vals;
    for (int q = 0; q < sets[found].nvals; q++) {
        size_t vn = strlen(v);
        char buf[512];
        size_t pre = (size_t)(b1 - s), post = n - (size_t)(b2 + 1 - s);
        if (pre + vn + post < sizeof buf) {
            memcpy(buf, s, pre);
            memcpy(buf + pre, v, vn);
            memcpy(buf + pre + vn, b2 + 1, post);
            substitute(c, buf, pre + vn + post, sets, nsets, agent, line, depth + 1);
        }
        v += vn + 1;
    }
}

int rd_read_agents(rd_ctx *c, const rd_text *t, int tabari) {
    subst_set *sets = NULL;
    int nsets = 0;
    for (uint32_t i = 0; i < t->n && !c->oom; i++) {
        const rd_line *l = &t->v[i];
        const char *s = l->s;
        size_t n = l->n;
        const char *br = memchr(s, '[', n);
        const char *bang = memchr(s, '!', n);
        const char *eq = memchr(s, '=', n);
        if (bang && eq && !br) { /* !NAME! = A, B, C */
            const char *b2 = memchr(bang + 1, '!', n - (size_t)(bang + 1 - s));
            if (!b2 || b2 > eq || (size_t)(b2 - bang - 1) >= sizeof sets[0].name) {
                dict_warn(c->d, c->file, l->line, "substitution marker incorrectly defined");
                continue;
            }
            subst_set *ns = realloc(sets, (size_t)(nsets + 1) * sizeof *ns);
            if (!ns) {
                c->oom = 1;
                break;
            }
            sets = ns;
            subst_set *st = &sets[nsets];
            memset(st, 0, sizeof *st);
            memcpy(st->name, bang + 1, (size_t)(b2 - bang - 1));
            const char *v = eq + 1;
            size_t vn = n - (size_t)(v - s);
            st->vals = malloc(vn + 1);
            if (!st->vals) {
                c->oom = 1;
                break;
            }
            size_t o = 0, q = 0;
            while (q <= vn) {
                size_t b = q;
                while (q < vn && v[q] != ',')
                    q++;
                const char *it = v + b;
                size_t itn = q - b;
                rd_trim(&it, &itn);
                if (itn) {
                    memcpy(st->vals + o, it, itn);
                    o += itn;
                    st->vals[o++] = '\0';
                    st->nvals++;
                }
                q++;
            }
            nsets++;
            continue;
        }
        if (!br) {
            dict_warn(c->d, c->file, l->line, "agent without a [code]");
            continue;
        }
        const char *close = memchr(br, ']', n - (size_t)(br - s));
        if (!close) {
            dict_warn(c->d, c->file, l->line, "'[' without ']'");
            continue;
        }
        const char *cs = br + 1;
        size_t cn = (size_t)(close - cs);
        rd_trim(&cs, &cn);
        int prefix = 0;
        if (cn && cs[0] == '~') {
            cs++, cn--;
        } else if (cn && cs[cn - 1] == '~') {
            cn--;
            prefix = 1;
        } else {
            dict_warn(c->d, c->file, l->line, "agent code without '~' (read as a suffix)");
        }
        rd_trim(&cs, &cn);
        char code[sizeof c->d->agents.v[0].code];
        if (cn == 0 || cn >= sizeof code) {
            dict_warn(c->d, c->file, l->line, "bad agent code");
            continue;
        }
        memcpy(code, cs, cn);
        code[cn] = '\0';
        const char *ps = s;
        size_t pn = (size_t)(br - s);
        const char *close_tail = close + 1;
        size_t tail = n - (size_t)(close_tail - s);
        rd_trim(&close_tail, &tail);
        if (tail) dict_warn(c->d, c->file, l->line, "text after the agent code ignored");
        uint32_t agent = agent_index(c, code, prefix);
        if (agent == UINT32_MAX) break;
        if (memchr(ps, '!', pn)) {
            const char *ob = memchr(ps, '{', pn);
            if (ob) pn = (size_t)(ob - ps); /* substituted forms take no plural */
            substitute(c, ps, pn, sets, nsets, agent, l->line, 0);
            continue;
        }
        const char *ob = memchr(ps, '{', pn);
        if (ob) {
            const char *cb = memchr(ob, '}', pn - (size_t)(ob - ps));
            if (!cb) {
                dict_warn(c->d, c->file, l->line, "'{' without '}'");
                continue;
            }
            add_agent_phrase(c, ps, (size_t)(ob - ps), agent, l->line, 0);
            const char *pl = ob + 1;
            size_t pln = (size_t)(cb - pl);
            rd_trim(&pl, &pln);
            if (pln) add_agent_phrase(c, pl, pln, agent, l->line, 0);
            continue;
        }
        add_agent_phrase(c, ps, pn, agent, l->line, !tabari);
    }
    for (int i = 0; i < nsets; i++)
        free(sets[i].vals);
    free(sets);
    return c->oom ? -1 : 0;
}

/* ============================== PETRARCH verbs ============================== */

typedef struct {
    int in_block, nverbs;
    uint32_t block_line, block_text;
    dict_code block_code;
} petr_block;

static void end_block(rd_ctx *c, petr_block *b) {
    if (!b->in_block) return;
    dict_end_block(c->d);
    if (b->nverbs == 0) dict_warn(c->d, c->file, b->block_line, "verb block without verbs");
    b->in_block = 0;
}

/* One verb (possibly multiword, '+' marking the inflected word): add it, and its regular forms
 * when gen is set. Words joined by '_' are adjacent; blank-separated words ("LASH OUT") may
 * have words between them. Without '+', the first word is the inflected one. */
static void add_petr_verb(rd_ctx *c, petr_block *b, const char *s, size_t n, const dict_code *code,
                          uint32_t line, int gen) {
    const char *ws[RD_MAX_UNITS];
    size_t wn[RD_MAX_UNITS];
    uint8_t adj[RD_MAX_UNITS];
    int k = 0, vi = -1, saw_us = 0;
    size_t i = 0;
    while (i < n) {
        int space = 0, us = 0;
        while (i < n && is_sep(s[i])) {
            if (s[i] == '_')
                us = 1;
            else
                space = 1;
            i++;
        }
        if (i >= n) break;
        size_t st = i;
        while (i < n && !is_sep(s[i]))
            i++;
        if (k >= RD_MAX_UNITS) {
            dict_warn(c->d, c->file, line, "verb has too many words");
            return;
        }
        ws[k] = s + st;
        wn[k] = i - st;
        adj[k] = k > 0 && us && !space ? DW_ADJACENT : 0;
        if (adj[k]) saw_us = 1;
        if (ws[k][0] == '+') {
            ws[k]++;
            wn[k]--;
            if (vi < 0) vi = k;
        }
        if (wn[k] == 0) continue;
        k++;
    }
    if (k == 0) {
        dict_warn(c->d, c->file, line, "empty verb");
        return;
    }
    if (vi < 0) {
        if (saw_us)
            dict_warn(c->d, c->file, line, "multiword verb without '+': first word inflected");
        vi = 0;
    }
    if (vi >= k) vi = k - 1;
    dict_word w[RD_MAX_UNITS];
    for (int q = 0; q < k; q++) {
        w[q].word = word_id(c, ws[q], wn[q]);
        w[q].flags = adj[q];
    }
    if (dict_add_verb(c->d, w, (uint32_t)k, code, 0, b->block_text, c->file_id, line) ==
        UINT32_MAX) {
        c->oom = 1;
        return;
    }
    b->nverbs++;
    if (!gen) return;
    char base[RD_WORD_MAX];
    size_t bn = wn[vi] < RD_WORD_MAX - 1 ? wn[vi] : RD_WORD_MAX - 1;
    for (size_t q = 0; q < bn; q++)
        base[q] = (char)tolower((unsigned char)ws[vi][q]);
    base[bn] = '\0';
    char forms[8][RD_WORD_MAX];
    int nf = rd_verb_forms(base, forms, 8);
    for (int f = 0; f < nf; f++) {
        w[vi].word = word_id(c, forms[f], strlen(forms[f]));
        if (dict_add_verb(c->d, w, (uint32_t)k, code, 0, b->block_text, c->file_id, line) ==
            UINT32_MAX) {
            c->oom = 1;
            return;
        }
        b->nverbs++;
    }
}

static void petr_verb_line(rd_ctx *c, petr_block *b, const rd_line *l) {
    const char *s = l->s;
    size_t n = l->n;
    dict_code code = b->block_code;
    /* trailing [code] */
    if (n && s[n - 1] == ']') {
        const char *ob = NULL;
        for (size_t q = n; q-- > 0;)
            if (s[q] == '[') {
                ob = s + q;
                break;
            }
        if (!ob) {
            dict_warn(c->d, c->file, l->line, "']' without '['");
            return;
        }
        dict_code vc;
        if (rd_code(ob + 1, (size_t)(s + n - 1 - (ob + 1)), &vc) < 0)
            dict_warn(c->d, c->file, l->line, "bad code %.*s: the block code is used",
                      (int)(s + n - ob), ob);
        else
            code = vc;
        n = (size_t)(ob - s);
        rd_trim(&s, &n);
    }
    const char *ob = memchr(s, '{', n);
    const char *forms = NULL;
    size_t fn = 0;
    int has_forms = 0;
    size_t bn = n;
    if (ob) {
        has_forms = 1;
        bn = (size_t)(ob - s);
        const char *cb = memchr(ob, '}', n - bn);
        forms = ob + 1;
        if (!cb) {
            dict_warn(c->d, c->file, l->line, "'{' without '}'");
            fn = n - bn - 1;
        } else {
            fn = (size_t)(cb - forms);
            const char *tail = cb + 1;
            size_t tn = n - (size_t)(tail - s);
            rd_trim(&tail, &tn);
            if (tn) dict_warn(c->d, c->file, l->line, "text after '}' ignored");
        }
    }
    const char *base = s;
    rd_trim(&base, &bn);
    if (bn == 0) {
        dict_warn(c->d, c->file, l->line, "verb line without a verb");
        return;
    }
    add_petr_verb(c, b, base, bn, &code, l->line, !has_forms);
    size_t i = 0;
    while (i < fn) {
        while (i < fn && isspace((unsigned char)forms[i]))
            i++;
        size_t st = i;
        while (i < fn && !isspace((unsigned char)forms[i]))
            i++;
        if (i > st) add_petr_verb(c, b, forms + st, i - st, &code, l->line, 0);
    }
}

static void petr_header(rd_ctx *c, petr_block *b, const rd_line *l) {
    const char *s = l->s;
    size_t n = l->n;
    while (n && s[0] == '-')
        s++, n--;
    while (n && s[n - 1] == '-')
        n--;
    rd_trim(&s, &n);
    dict_code code;
    memset(&code, 0, sizeof code);
    const char *ob = memchr(s, '[', n);
    size_t name_n = n;
    if (ob) {
        const char *cb = memchr(ob, ']', n - (size_t)(ob - s));
        if (!cb || rd_code(ob + 1, (size_t)(cb - ob - 1), &code) < 0) {
            dict_warn(c->d, c->file, l->line, "bad block code: none used");
            memset(&code, 0, sizeof code);
        }
        name_n = (size_t)(ob - s);
    }
    const char *nm = s;
    rd_trim(&nm, &name_n);
    if (name_n == 0) dict_warn(c->d, c->file, l->line, "verb block without a name");
    dict_begin_block(c->d);
    b->in_block = 1;
    b->nverbs = 0;
    b->block_line = l->line;
    b->block_code = code;
    b->block_text = word_id(c, l->s, l->n);
}

/* A pattern line "- ... [CODE]" (comment already removed): code and content. */
int rd_pattern_code(rd_ctx *c, const rd_line *l, dict_code *code, size_t *content_n) {
    const char *s = l->s;
    size_t n = l->n;
    const char *ob = NULL;
    for (size_t q = n; q-- > 0;)
        if (s[q] == '[') {
            ob = s + q;
            break;
        }
    const char *cb = ob ? memchr(ob, ']', n - (size_t)(ob - s)) : NULL;
    if (!ob || !cb) {
        dict_warn(c->d, c->file, l->line, "pattern without a [code]");
        return -1;
    }
    if (rd_code(ob + 1, (size_t)(cb - ob - 1), code) < 0) {
        dict_warn(c->d, c->file, l->line, "pattern skipped: bad code [%.*s]", (int)(cb - ob - 1),
                  ob + 1);
        return -1;
    }
    const char *tail = cb + 1;
    size_t tn = n - (size_t)(tail - s);
    rd_trim(&tail, &tn);
    if (tn) dict_warn(c->d, c->file, l->line, "text after the pattern code ignored");
    *content_n = (size_t)(ob - s);
    return 0;
}

static int petr_verbs_text(dict *d, const char *name, rd_text *t, char *err, size_t errlen) {
    if (rd_split(t, RD_CUT_HASH | RD_CUT_SEMI | RD_XML_COMMENTS) < 0) {
        set_err(err, errlen, "%s%s", "out of memory", "");
        return -1;
    }
    rd_ctx c;
    rd_ctx_init(&c, d, name, RDF_ADJ_ALL);
    c.petr_plurals = 1;
    /* pass 1: synsets (they may be used before their definition) */
    for (uint32_t i = 0; i < t->n && !c.oom;) {
        if (t->v[i].s[0] == '&')
            i = rd_collect_synset(&c, t, i);
        else
            i++;
    }
    rd_build_synsets(&c);
    c.fmt = 0; /* patterns: words exact, blanks are gaps */
    petr_block b;
    memset(&b, 0, sizeof b);
    for (uint32_t i = 0; i < t->n && !c.oom; i++) {
        const rd_line *l = &t->v[i];
        const char *s = l->s;
        if (s[0] == '&') {
            while (i + 1 < t->n && t->v[i + 1].s[0] == '+')
                i++;
            continue;
        }
        if (l->n >= 3 && s[0] == '-' && s[1] == '-' && s[2] == '-') {
            end_block(&c, &b);
            petr_header(&c, &b, l);
            continue;
        }
        if (s[0] == '-') {
            if (!b.in_block) {
                dict_warn(d, name, l->line, "pattern outside a verb block");
                continue;
            }
            dict_code code;
            size_t cn;
            if (rd_pattern_code(&c, l, &code, &cn) < 0) continue;
            uint32_t text = word_id(&c, s, l->n);
            rd_add_pattern(&c, s + 1, cn - 1, &code, text, l->line);
            continue;
        }
        if (s[0] == '~') continue; /* verb transformations: not part of the dict model */
        if (!b.in_block) {
            dict_warn(d, name, l->line, "verb outside a verb block");
            continue;
        }
        petr_verb_line(&c, &b, l);
    }
    end_block(&c, &b);
    int oom = c.oom;
    rd_ctx_free(&c);
    if (oom) {
        set_err(err, errlen, "%s%s", "out of memory", "");
        return -1;
    }
    return 0;
}

/* ============================== discards and issues ============================== */

static int petr_discards_text(dict *d, const char *name, rd_text *t) {
    rd_ctx c;
    rd_ctx_init(&c, d, name, 0);
    for (uint32_t i = 0; i < t->n && !c.oom; i++) {
        const rd_line *l = &t->v[i];
        const char *s = l->s;
        size_t n = l->n;
        int story = s[0] == '+';
        if (story) s++, n--;
        rd_trim(&s, &n);
        dict_word w[RD_MAX_UNITS];
        int k = 0;
        size_t q = 0;
        while (q < n) {
            while (q < n && is_sep(s[q]))
                q++;
            if (q >= n) break;
            size_t st = q;
            while (q < n && !is_sep(s[q]))
                q++;
            if (k >= RD_MAX_UNITS) {
                k = -1;
                break;
            }
            w[k].word = word_id(&c, s + st, q - st);
            w[k].flags = k ? DW_ADJACENT : 0;
            k++;
        }
        if (k <= 0) {
            dict_warn(d, name, l->line, k < 0 ? "discard phrase too long" : "empty discard");
            continue;
        }
        if (s[n - 1] != '_') w[k - 1].flags |= DW_STEM;
        if (dict_add_phrase(d, w, (uint32_t)k, PH_DISCARD, 0, story) == UINT32_MAX) c.oom = 1;
    }
    int oom = c.oom;
    rd_ctx_free(&c);
    return oom ? -1 : 0;
}

static uint32_t issue_index(rd_ctx *c, const char *code) {
    uint32_t id = intern_find(&c->d->strings, code, strlen(code));
    if (id)
        for (uint32_t i = 0; i < c->d->issues.n; i++)
            if (c->d->issues.v[i] == id) return i;
    uint32_t r = dict_add_issue(c->d, code);
    if (r == UINT32_MAX) c->oom = 1;
    return r;
}

typedef struct {
    rd_ctx *c;
    uint32_t issue, line;
    int forms;
} issue_state;

static void issue_emit(issue_state *st, const char *s) {
    dict_word w[RD_MAX_UNITS];
    int k = 0;
    size_t n = strlen(s), q = 0;
    while (q < n) {
        while (q < n && isspace((unsigned char)s[q]))
            q++;
        if (q >= n) break;
        size_t b = q;
        while (q < n && !isspace((unsigned char)s[q]))
            q++;
        if (k >= RD_MAX_UNITS) return;
        w[k].word = word_id(st->c, s + b, q - b);
        w[k].flags = k ? DW_ADJACENT : 0;
        k++;
    }
    if (k == 0) return;
    if (dict_add_phrase(st->c->d, w, (uint32_t)k, PH_ISSUE, st->issue, 0) == UINT32_MAX)
        st->c->oom = 1;
}

/* Position of an "n:"/"v:" expansion prefix (at a word start or after '+'/'-'), or -1. */
static long find_prefix(const char *s, char which) {
    for (size_t i = 0; s[i] && s[i + 1]; i++) {
        if (tolower((unsigned char)s[i]) == which && s[i + 1] == ':' &&
            (i == 0 || isspace((unsigned char)s[i - 1]) || s[i - 1] == '+' || s[i - 1] == '-'))
            return (long)i;
    }
    return -1;
}

static void issue_expand(issue_state *st, const char *s, int depth) {
    if (st->forms > 256 || depth > 16) return;
    char buf[512];
    const char *plus = strchr(s, '+');
    if (plus) {
        size_t n = strlen(s);
        if (n >= sizeof buf) return;
        memcpy(buf, s, n + 1);
        buf[plus - s] = ' ';
        issue_expand(st, buf, depth + 1);
        buf[plus - s] = '-';
        issue_expand(st, buf, depth + 1);
        return;
    }
    for (int kind = 0; kind < 2; kind++) {
        long p = find_prefix(s, kind ? 'v' : 'n');
        if (p < 0) continue;
        size_t wb = (size_t)p + 2, we = wb;
        while (s[we] && !isspace((unsigned char)s[we]))
            we++;
        char word[RD_WORD_MAX];
        size_t wl = we - wb < RD_WORD_MAX - 1 ? we - wb : RD_WORD_MAX - 1;
        for (size_t q = 0; q < wl; q++)
            word[q] = (char)tolower((unsigned char)s[wb + q]);
        word[wl] = '\0';
        char forms[9][RD_WORD_MAX];
        int nf = 0;
        snprintf(forms[nf++], RD_WORD_MAX, "%s", word);
        if (kind == 0)
            rd_plural(word, forms[nf++]);
        else
            nf += rd_verb_forms(word, forms + 1, 8);
        for (int f = 0; f < nf; f++) {
            int len = snprintf(buf, sizeof buf, "%.*s%s%s", (int)p, s, forms[f], s + we);
            if (len > 0 && (size_t)len < sizeof buf) issue_expand(st, buf, depth + 1);
        }
        return;
    }
    st->forms++;
    issue_emit(st, s);
}

static int petr_issues_text(dict *d, const char *name, rd_text *t) {
    rd_ctx c;
    rd_ctx_init(&c, d, name, 0);
    for (uint32_t i = 0; i < t->n && !c.oom; i++) {
        const rd_line *l = &t->v[i];
        const char *s = l->s;
        size_t n = l->n;
        if (s[0] == '<') continue; /* <ISSUE CATEGORY=...> / </ISSUE> */
        char code[64];
        const char *ph;
        size_t pn;
        if (s[0] == '~') {
            int story = n > 1 && s[1] == '~';
            snprintf(code, sizeof code, "%s", story ? "~~" : "~");
            ph = s + 1 + story;
            pn = n - 1 - (size_t)story;
        } else {
            const char *ob = memchr(s, '[', n);
            const char *cb = ob ? memchr(ob, ']', n - (size_t)(ob - s)) : NULL;
            if (!ob || !cb) {
                dict_warn(d, name, l->line, "issue phrase without a [code]");
                continue;
            }
            const char *cs = ob + 1;
            size_t cn = (size_t)(cb - cs);
            rd_trim(&cs, &cn);
            if (cn == 0 || cn >= sizeof code) {
                dict_warn(d, name, l->line, "bad issue code");
                continue;
            }
            memcpy(code, cs, cn);
            code[cn] = '\0';
            ph = s;
            pn = (size_t)(ob - s);
        }
        rd_trim(&ph, &pn);
        if (pn == 0 || pn >= 500) {
            dict_warn(d, name, l->line, pn ? "issue phrase too long" : "empty issue phrase");
            continue;
        }
        char buf[512];
        memcpy(buf, ph, pn);
        buf[pn] = '\0';
        issue_state st = {.c = &c, .issue = issue_index(&c, code), .line = l->line, .forms = 0};
        if (st.issue == UINT32_MAX) break;
        issue_expand(&st, buf, 0);
        if (st.forms > 256) dict_warn(d, name, l->line, "too many forms: some dropped");
    }
    int oom = c.oom;
    rd_ctx_free(&c);
    return oom ? -1 : 0;
}

/* ============================== entry points ============================== */

typedef enum { K_VERBS, K_ACTORS, K_AGENTS, K_DISCARDS, K_ISSUES } petr_kind;

static int run_petr(dict *d, const char *name, rd_text *t, petr_kind kind, unsigned flags,
                    char *err, size_t errlen) {
    if (kind == K_VERBS) return petr_verbs_text(d, name, t, err, errlen);
    unsigned split = RD_CUT_HASH | RD_CUT_SEMI | RD_XML_COMMENTS;
    if (kind == K_ISSUES) split = RD_CUT_HASH | RD_XML_COMMENTS;
    if (rd_split(t, split) < 0) {
        set_err(err, errlen, "%s%s", "out of memory", "");
        return -1;
    }
    int rc;
    if (kind == K_DISCARDS) {
        rc = petr_discards_text(d, name, t);
    } else if (kind == K_ISSUES) {
        rc = petr_issues_text(d, name, t);
    } else {
        rd_ctx c;
        rd_ctx_init(&c, d, name, (flags & PETR_TABARI_STEMS) ? RDF_STEMS : 0);
        rc = kind == K_ACTORS ? rd_read_actors(&c, t, 0) : rd_read_agents(&c, t, 0);
        rd_ctx_free(&c);
    }
    if (rc < 0) set_err(err, errlen, "%s%s", "out of memory", "");
    return rc;
}

static int petr_file(dict *d, const char *path, petr_kind kind, unsigned flags, char *err,
                     size_t errlen) {
    rd_text t;
    if (rd_load(&t, path, err, errlen) < 0) return -1;
    int rc = run_petr(d, path, &t, kind, flags, err, errlen);
    rd_text_free(&t);
    return rc;
}

static int petr_mem(dict *d, const char *name, const char *text, size_t len, petr_kind kind,
                    unsigned flags, char *err, size_t errlen) {
    rd_text t;
    if (rd_copy(&t, text, len, err, errlen) < 0) return -1;
    int rc = run_petr(d, name, &t, kind, flags, err, errlen);
    rd_text_free(&t);
    return rc;
}

int petr_read_verbs(dict *d, const char *path, char *err, size_t errlen) {
    return petr_file(d, path, K_VERBS, 0, err, errlen);
}
int petr_read_actors(dict *d, const char *path, unsigned flags, char *err, size_t errlen) {
    return petr_file(d, path, K_ACTORS, flags, err, errlen);
}
int petr_read_agents(dict *d, const char *path, unsigned flags, char *err, size_t errlen) {
    return petr_file(d, path, K_AGENTS, flags, err, errlen);
}
int petr_read_discards(dict *d, const char *path, char *err, size_t errlen) {
    return petr_file(d, path, K_DISCARDS, 0, err, errlen);
}
int petr_read_issues(dict *d, const char *path, char *err, size_t errlen) {
    return petr_file(d, path, K_ISSUES, 0, err, errlen);
}

int petr_read_verbs_mem(dict *d, const char *name, const char *text, size_t len, char *err,
                        size_t errlen) {
    return petr_mem(d, name, text, len, K_VERBS, 0, err, errlen);
}
int petr_read_actors_mem(dict *d, const char *name, const char *text, size_t len, unsigned flags,
                         char *err, size_t errlen) {
    return petr_mem(d, name, text, len, K_ACTORS, flags, err, errlen);
}
int petr_read_agents_mem(dict *d, const char *name, const char *text, size_t len, unsigned flags,
                         char *err, size_t errlen) {
    return petr_mem(d, name, text, len, K_AGENTS, flags, err, errlen);
}
int petr_read_discards_mem(dict *d, const char *name, const char *text, size_t len, char *err,
                           size_t errlen) {
    return petr_mem(d, name, text, len, K_DISCARDS, 0, err, errlen);
}
int petr_read_issues_mem(dict *d, const char *name, const char *text, size_t len, char *err,
                         size_t errlen) {
    return petr_mem(d, name, text, len, K_ISSUES, 0, err, errlen);
}

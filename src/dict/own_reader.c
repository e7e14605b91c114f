/* own_reader.c: parley's own dictionary formats; see own_reader.h and docs/dictionaries.md. */
#include "own_reader.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/token.h"
#include "../util/arena.h"

#define MAX_WORDS 64

/* Read a whole file; the caller frees. */
static char *slurp(const char *path, size_t *len, char *errbuf, size_t errcap) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(errbuf, errcap, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap) break;
        char *nb = realloc(buf, cap * 2 + 1);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    int err = ferror(f);
    fclose(f);
    if (!buf || err) {
        free(buf);
        snprintf(errbuf, errcap, "%s: read failed", path);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Iterate lines: strips '#' comments and trailing space; returns 0 at end. */
typedef struct {
    char *p, *end;
    long line;
} line_iter;

static int next_line(line_iter *it, char **out, size_t *n, int *indented) {
    while (it->p < it->end) {
        char *s = it->p;
        char *e = memchr(s, '\n', (size_t)(it->end - s));
        if (!e) e = it->end;
        it->p = e < it->end ? e + 1 : it->end;
        it->line++;
        char *hash = memchr(s, '#', (size_t)(e - s));
        char *stop = hash ? hash : e;
        *indented = (s < stop && (*s == ' ' || *s == '\t'));
        while (s < stop && isspace((unsigned char)*s))
            s++;
        while (stop > s && isspace((unsigned char)stop[-1]))
            stop--;
        if (stop == s) continue;
        *stop = '\0';
        *out = s;
        *n = (size_t)(stop - s);
        return 1;
    }
    return 0;
}

static int is_acronym(const char *s, size_t n) {
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (isalpha((unsigned char)s[i])) {
            if (!isupper((unsigned char)s[i])) return 0;
            letters++;
        } else if (s[i] != '.')
            return 0;
    }
    return letters > 0 && letters <= 4;
}

int own_name_words(dict *d, const char *name, size_t len, dict_word *w, int cap) {
    /* "^" before a word asks for a capitalised token: drop it, remember where it stood */
    char plain[512];
    uint8_t capital[512] = {0};
    size_t m = 0;
    for (size_t i = 0; i < len && m < sizeof plain; i++) {
        if (name[i] == '^' && i + 1 < len) {
            capital[m] = 1;
            continue;
        }
        plain[m++] = name[i];
    }
    if (m == sizeof plain) return -1;
    name = plain;
    len = m;
    arena a;
    arena_init(&a, 4096);
    tokenized t;
    int n = -1;
    if (text_tokenize(&a, name, len, &t) == 0) {
        n = 0;
        for (uint32_t i = 0; i < t.ntoks; i++) {
            const token *k = &t.toks[i];
            if (k->end == k->start) continue; /* virtual sentence end */
            if (n == cap) {
                n = -1;
                break;
            }
            w[n].word = intern_add(&d->strings, k->norm, k->norm_len);
            w[n].flags = is_acronym(name + k->start, k->end - k->start) ? DW_CAPS : 0;
            if (capital[k->start]) w[n].flags |= DW_CAPITAL;
            if (!w[n].word) {
                n = -1;
                break;
            }
            n++;
        }
    }
    arena_free(&a);
    return n;
}

static uint32_t file_id(dict *d, const char *path) {
    return intern_add(&d->strings, path, strlen(path));
}

/* ---------------- codes.tsv ---------------- */

int own_read_codes(dict *d, const char *path, char *errbuf, size_t errcap) {
    size_t len;
    char *buf = slurp(path, &len, errbuf, errcap);
    if (!buf) return -1;
    line_iter it = {buf, buf + len, 0};
    char *s;
    size_t n;
    int ind;
    int header = 1;
    while (next_line(&it, &s, &n, &ind)) {
        if (header) {
            header = 0;
            if (strncmp(s, "code\t", 5) == 0) continue;
        }
        char *f[7] = {0};
        int nf = 0;
        char *p = s;
        while (nf < 7) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nf < 4) {
            dict_warn(d, path, it.line, "expected at least 4 tab-separated fields, found %d", nf);
            continue;
        }
        dict_code_info ci;
        memset(&ci, 0, sizeof ci);
        size_t cl = strlen(f[0]);
        int ok = cl >= 2 && cl < sizeof ci.code;
        for (size_t i = 0; ok && i < cl; i++)
            ok = isdigit((unsigned char)f[0][i]) != 0;
        char *endp;
        double g = strtod(f[2], &endp);
        int q = atoi(f[3]);
        if (!ok || *endp || g < -10 || g > 10 || q < 1 || q > 4) {
            dict_warn(d, path, it.line, "bad code row (code '%s', goldstein '%s', quad '%s')", f[0],
                      f[2], f[3]);
            continue;
        }
        memcpy(ci.code, f[0], cl);
        ci.goldstein = (float)g;
        ci.quad_class = (uint8_t)q;
        ci.name = intern_add(&d->strings, f[1], strlen(f[1]));
        if (nf > 4) snprintf(ci.plover, sizeof ci.plover, "%s", f[4]);
        if (nf > 5) snprintf(ci.plover_mode, sizeof ci.plover_mode, "%s", f[5]);
        if (dict_add_code_info(d, &ci) < 0) {
            free(buf);
            snprintf(errbuf, errcap, "%s: out of memory", path);
            return -1;
        }
    }
    free(buf);
    return 0;
}

/* ---------------- actors ---------------- */

static int valid_code(const char *s, size_t n) {
    if (n == 3 && memcmp(s, "---", 3) == 0) return 1; /* a name that is not an actor */
    if (n == 0 || n >= 24) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i])) return 0;
    return 1;
}

/* Add each '|'-separated name as a phrase pointing at actor/agent index target. */
static int add_names(dict *d, const char *path, long line, char *names, dict_phrase_kind kind,
                     uint32_t target) {
    int added = 0;
    char *p = names;
    while (p) {
        char *bar = strchr(p, '|');
        if (bar) *bar = '\0';
        while (isspace((unsigned char)*p))
            p++;
        size_t n = strlen(p);
        while (n && isspace((unsigned char)p[n - 1]))
            n--;
        if (n) {
            dict_word w[MAX_WORDS];
            /* the tokenizer makes a comma a token the coder never matches */
            int nw = memchr(p, ',', n) ? -1 : own_name_words(d, p, n, w, MAX_WORDS);
            if (nw < 0 && memchr(p, ',', n))
                dict_warn(d, path, line, "name '%.*s' contains a comma: it can never match", (int)n,
                          p);
            else if (nw <= 0)
                dict_warn(d, path, line, "unusable name '%.*s'", (int)n, p);
            else if (dict_add_phrase(d, w, (uint32_t)nw, kind, target, 0) == UINT32_MAX)
                return -1;
            else
                added++;
        }
        p = bar ? bar + 1 : NULL;
    }
    return added;
}

static int parse_role_line(dict *d, const char *path, long line, char *s, dict_role *r) {
    char *tok[4];
    int nt = 0;
    for (char *p = strtok(s, " \t"); p && nt < 4; p = strtok(NULL, " \t"))
        tok[nt++] = p;
    if (nt < 1 || nt == 2 || nt > 3 || !valid_code(tok[0], strlen(tok[0]))) {
        dict_warn(d, path, line, "role line must be 'CODE' or 'CODE FROM TO'");
        return -1;
    }
    memset(r, 0, sizeof *r);
    snprintf(r->code, sizeof r->code, "%s", tok[0]);
    if (nt == 3) {
        int32_t from = strcmp(tok[1], "-") ? dict_parse_date(tok[1], strlen(tok[1])) : 0;
        int32_t to = strcmp(tok[2], "-") ? dict_parse_date(tok[2], strlen(tok[2])) : 0;
        if (from < 0 || to < 0 || (from && to && to <= from) || (!from && !to)) {
            dict_warn(d, path, line, "bad date range '%s %s'", tok[1], tok[2]);
            return -1;
        }
        r->from = from;
        r->to = to;
    }
    return 0;
}

int own_read_actors(dict *d, const char *path, char *errbuf, size_t errcap) {
    size_t len;
    char *buf = slurp(path, &len, errbuf, errcap);
    if (!buf) return -1;
    uint32_t fid = file_id(d, path);
    line_iter it = {buf, buf + len, 0};
    char *s;
    size_t n;
    int ind;
    uint32_t person = UINT32_MAX;
    int rc = 0;
    while (next_line(&it, &s, &n, &ind)) {
        if (s[0] == '@') {
            char *names = s + 1;
            char first[128];
            size_t fl = strcspn(names, "|");
            while (fl && isspace((unsigned char)names[fl - 1]))
                fl--;
            char *nm = names;
            while (isspace((unsigned char)*nm))
                nm++, fl--;
            snprintf(first, sizeof first, "%.*s", (int)fl, nm);
            person = dict_add_actor(d, intern_add(&d->strings, first, strlen(first)), fid,
                                    (uint32_t)it.line);
            if (person == UINT32_MAX) goto nomem;
            if (add_names(d, path, it.line, names, PH_ACTOR, person) < 0) goto nomem;
            continue;
        }
        if (ind && person != UINT32_MAX) {
            dict_role r;
            if (parse_role_line(d, path, it.line, s, &r) == 0) {
                /* overlapping dated ranges make the code ambiguous: keep the first */
                const dict_actor *a = &d->actors.v[person];
                int overlap = 0;
                for (uint32_t i = 0; i < a->roles_n && (r.from || r.to); i++) {
                    const dict_role *o = &d->roles.v[a->roles_off + i];
                    if (!o->from && !o->to) continue;
                    int32_t af = r.from ? r.from : 0, at = r.to ? r.to : 99999999;
                    int32_t bf = o->from ? o->from : 0, bt = o->to ? o->to : 99999999;
                    if (af < bt && bf < at) overlap = 1;
                }
                if (overlap)
                    dict_warn(d, path, it.line, "date range overlaps an earlier role");
                else if (dict_add_role(d, person, &r) < 0)
                    goto nomem;
            }
            continue;
        }
        person = UINT32_MAX;
        size_t cl = strcspn(s, " \t");
        if (!valid_code(s, cl) || !s[cl]) {
            dict_warn(d, path, it.line, "expected 'CODE name | name' or '@ name'");
            continue;
        }
        s[cl] = '\0';
        uint32_t actor = dict_add_actor(d, 0, fid, (uint32_t)it.line);
        dict_role r;
        memset(&r, 0, sizeof r);
        snprintf(r.code, sizeof r.code, "%s", s);
        if (actor == UINT32_MAX || dict_add_role(d, actor, &r) < 0) goto nomem;
        char *names = s + cl + 1;
        char first[128];
        while (isspace((unsigned char)*names))
            names++;
        size_t fl = strcspn(names, "|");
        while (fl && isspace((unsigned char)names[fl - 1]))
            fl--;
        snprintf(first, sizeof first, "%.*s", (int)fl, names);
        d->actors.v[actor].name = intern_add(&d->strings, first, strlen(first));
        if (add_names(d, path, it.line, names, PH_ACTOR, actor) < 0) goto nomem;
    }
    free(buf);
    return rc;
nomem:
    free(buf);
    snprintf(errbuf, errcap, "%s: out of memory", path);
    return -1;
}

/* ---------------- agents ---------------- */

/* Agent and verb words match by lemma: store single nouns as their noun lemma. */
static void lemmatise_words(dict *d, const lex_table *lex, dict_word *w, int n, char pos) {
    for (int i = 0; i < n; i++) {
        const char *s = intern_str(&d->strings, w[i].word);
        char buf[128];
        size_t l = lex_lemma(lex, s, strlen(s), pos, buf, sizeof buf);
        if (l && l < sizeof buf) {
            uint32_t id = intern_add(&d->strings, buf, l);
            if (id) w[i].word = id;
        }
    }
}

int own_read_agents(dict *d, const char *path, const lex_table *lex, char *errbuf, size_t errcap) {
    size_t len;
    char *buf = slurp(path, &len, errbuf, errcap);
    if (!buf) return -1;
    line_iter it = {buf, buf + len, 0};
    char *s;
    size_t n;
    int ind;
    while (next_line(&it, &s, &n, &ind)) {
        size_t cl = strcspn(s, " \t");
        if (!valid_code(s, cl) || cl > 15 || !s[cl]) {
            dict_warn(d, path, it.line, "expected 'CODE word | word'");
            continue;
        }
        s[cl] = '\0';
        uint32_t ag = dict_add_agent(d, s, 0);
        if (ag == UINT32_MAX) goto nomem;
        char *p = s + cl + 1;
        while (p) {
            char *bar = strchr(p, '|');
            if (bar) *bar = '\0';
            while (isspace((unsigned char)*p))
                p++;
            size_t nl = strlen(p);
            while (nl && isspace((unsigned char)p[nl - 1]))
                nl--;
            if (nl) {
                dict_word w[MAX_WORDS];
                int nw = own_name_words(d, p, nl, w, MAX_WORDS);
                if (nw <= 0)
                    dict_warn(d, path, it.line, "unusable agent word '%.*s'", (int)nl, p);
                else {
                    /* the last word is the head noun: match it by lemma */
                    lemmatise_words(d, lex, w + nw - 1, 1, 'n');
                    if (dict_add_phrase(d, w, (uint32_t)nw, PH_AGENT, ag, 0) == UINT32_MAX)
                        goto nomem;
                }
            }
            p = bar ? bar + 1 : NULL;
        }
    }
    free(buf);
    return 0;
nomem:
    free(buf);
    snprintf(errbuf, errcap, "%s: out of memory", path);
    return -1;
}

/* ---------------- verbs ---------------- */

/* Parse "[CODE]" at the end of s; cuts it off. Returns 0, -1 if absent or malformed. */
static int take_code(char *s, dict_code *code) {
    char *lb = strrchr(s, '[');
    char *rb = lb ? strchr(lb, ']') : NULL;
    if (!lb || !rb) return -1;
    int rc = dict_parse_code(lb + 1, (size_t)(rb - lb - 1), code);
    *lb = '\0';
    return rc;
}

/* One pattern word (may contain '_' joins): append words to elems. */
static int add_word_elems(dict *d, const lex_table *lex, char *w, dict_elem *el, int *ne, int cap,
                          int adjacent_first) {
    int first = 1;
    for (char *p = w; p;) {
        char *us = strchr(p, '_');
        if (us) *us = '\0';
        if (*p) {
            if (*ne >= cap) return -1;
            dict_elem *e = &el[(*ne)++];
            e->kind = PE_WORD;
            e->flags = (uint8_t)((first ? adjacent_first : 1) ? DW_ADJACENT : 0);
            e->id = dict_word_id(d, p, strlen(p));
            (void)lex;
            if (!e->id) return -1;
            first = 0;
        }
        p = us ? us + 1 : NULL;
    }
    return 0;
}

static int parse_pattern(dict *d, const lex_table *lex, const char *path, long line, char *s,
                         dict_elem *before, int *nb, dict_elem *after, int *na) {
    *nb = *na = 0;
    int seen_anchor = 0;
    int adjacent_next = 0;
    for (char *tok = strtok(s, " \t"); tok; tok = strtok(NULL, " \t")) {
        dict_elem *el = seen_anchor ? after : before;
        int *ne = seen_anchor ? na : nb;
        size_t tl = strlen(tok);
        if (strcmp(tok, "*") == 0 || strncmp(tok, "*_", 2) == 0 ||
            (tl > 1 && tok[tl - 1] == '*' && tok[tl - 2] == '_')) {
            if (seen_anchor) {
                dict_warn(d, path, line, "pattern has two '*'");
                return -1;
            }
            if (tl > 1 && tok[tl - 1] == '*') { /* word_* : word adjacent before the anchor */
                tok[tl - 2] = '\0';
                if (add_word_elems(d, lex, tok, before, nb, 32, 0) < 0) return -1;
                if (*nb > 0) before[*nb - 1].flags |= DW_ANCHOR_NEXT;
            }
            seen_anchor = 1;
            adjacent_next = strncmp(tok, "*_", 2) == 0;
            if (adjacent_next && tok[2]) {
                if (add_word_elems(d, lex, tok + 2, after, na, 32, 1) < 0) return -1;
                adjacent_next = 0;
            }
            continue;
        }
        if (*ne >= 32) {
            dict_warn(d, path, line, "pattern too long");
            return -1;
        }
        dict_elem *e = &el[*ne];
        memset(e, 0, sizeof *e);
        if (strcmp(tok, "$") == 0)
            e->kind = PE_SOURCE, (*ne)++;
        else if (strcmp(tok, "+") == 0)
            e->kind = PE_TARGET, (*ne)++;
        else if (strcmp(tok, "%") == 0)
            e->kind = PE_COMPOUND, (*ne)++;
        else if (strcmp(tok, "^") == 0)
            e->kind = PE_SKIP, (*ne)++;
        else if (tok[0] == '&') {
            uint32_t name = dict_word_id(d, tok, tl);
            uint32_t set = dict_find_set(d, name);
            if (set == UINT32_MAX) {
                dict_warn(d, path, line, "unknown word set '%s'", tok);
                return -1;
            }
            e->kind = PE_SET;
            e->id = set;
            (*ne)++;
        } else if (tok[0] == '{') {
            /* {a|b|c}: an inline set */
            char *close = strchr(tok, '}');
            if (!close) {
                dict_warn(d, path, line, "'{' without '}'");
                return -1;
            }
            *close = '\0';
            uint32_t set = dict_add_set(d, 0);
            if (set == UINT32_MAX) return -1;
            for (char *p = tok + 1; p;) {
                char *bar = strchr(p, '|');
                if (bar) *bar = '\0';
                dict_word w[8];
                int nw = 0;
                for (char *q = p; q && nw < 8;) {
                    char *us = strchr(q, '_');
                    if (us) *us = '\0';
                    if (*q) w[nw].word = dict_word_id(d, q, strlen(q)), w[nw++].flags = 0;
                    q = us ? us + 1 : NULL;
                }
                if (nw && dict_add_set_item(d, set, w, (uint32_t)nw) < 0) return -1;
                p = bar ? bar + 1 : NULL;
            }
            e->kind = PE_SET;
            e->id = set;
            (*ne)++;
        } else {
            if (add_word_elems(d, lex, tok, el, ne, 32, adjacent_next) < 0) return -1;
        }
        adjacent_next = 0;
    }
    if (!seen_anchor) {
        dict_warn(d, path, line, "pattern has no '*'");
        return -1;
    }
    return 0;
}

static int define_set(dict *d, const char *path, long line, char *s) {
    char *eq = strchr(s, '=');
    if (!eq) {
        dict_warn(d, path, line, "word set needs '&NAME = word | word'");
        return 0;
    }
    char *name = s;
    char *ne = eq;
    while (ne > name && isspace((unsigned char)ne[-1]))
        ne--;
    uint32_t id = dict_word_id(d, name, (size_t)(ne - name));
    uint32_t set = dict_add_set(d, id);
    if (set == UINT32_MAX) return -1;
    for (char *p = eq + 1; p;) {
        char *bar = strchr(p, '|');
        if (bar) *bar = '\0';
        dict_word w[8];
        int nw = 0;
        for (char *q = strtok(p, " \t_"); q && nw < 8; q = strtok(NULL, " \t_")) {
            w[nw].word = dict_word_id(d, q, strlen(q));
            w[nw].flags = nw ? DW_ADJACENT : 0;
            nw++;
        }
        if (nw && dict_add_set_item(d, set, w, (uint32_t)nw) < 0) return -1;
        p = bar ? bar + 1 : NULL;
    }
    return 0;
}

int own_read_verbs(dict *d, const char *path, const lex_table *lex, char *errbuf, size_t errcap) {
    size_t len;
    char *buf = slurp(path, &len, errbuf, errcap);
    if (!buf) return -1;
    uint32_t fid = file_id(d, path);
    line_iter it = {buf, buf + len, 0};
    char *s;
    size_t n;
    int ind;
    int have_block = 0;
    while (next_line(&it, &s, &n, &ind)) {
        uint32_t text = dict_word_id(d, s, n);
        if (s[0] == '&') {
            if (define_set(d, path, it.line, s) < 0) goto nomem;
            continue;
        }
        if (s[0] == '-') {
            if (!have_block) {
                dict_warn(d, path, it.line, "pattern before any verb/noun block");
                continue;
            }
            dict_code code;
            if (take_code(s, &code) < 0) {
                dict_warn(d, path, it.line, "pattern needs a [CODE]");
                continue;
            }
            dict_elem before[32], after[32];
            int nb, na;
            if (parse_pattern(d, lex, path, it.line, s + 1, before, &nb, after, &na) < 0) continue;
            if (dict_add_pattern(d, before, (uint32_t)nb, after, (uint32_t)na, &code, text, fid,
                                 (uint32_t)it.line) == UINT32_MAX)
                goto nomem;
            continue;
        }
        int noun = strncmp(s, "noun ", 5) == 0;
        if (!noun && strncmp(s, "verb ", 5) != 0) {
            dict_warn(d, path, it.line, "expected 'verb ...', 'noun ...', '- pattern' or '&SET ='");
            continue;
        }
        dict_code code;
        if (take_code(s, &code) < 0) {
            dict_warn(d, path, it.line, "block needs a default [CODE] ([---] for none)");
            continue;
        }
        if (have_block) dict_end_block(d);
        dict_begin_block(d);
        have_block = 1;
        for (char *p = s + 5; p;) {
            char *bar = strchr(p, '|');
            if (bar) *bar = '\0';
            dict_word w[8];
            int nw = 0;
            for (char *q = strtok(p, " \t_"); q && nw < 8; q = strtok(NULL, " \t_")) {
                w[nw].word = dict_word_id(d, q, strlen(q));
                w[nw].flags = nw ? DW_ADJACENT : 0;
                nw++;
            }
            if (nw) {
                /* anchors are lemmas: the first word by its verb (or noun) lemma */
                lemmatise_words(d, lex, w, 1, noun ? 'n' : 'v');
                if (dict_add_verb(d, w, (uint32_t)nw, &code, noun, text, fid, (uint32_t)it.line) ==
                    UINT32_MAX)
                    goto nomem;
                d->verbs.v[d->verbs.n - 1].clause_scoped = 1;
            }
            p = bar ? bar + 1 : NULL;
        }
    }
    if (have_block) dict_end_block(d);
    free(buf);
    return 0;
nomem:
    free(buf);
    snprintf(errbuf, errcap, "%s: out of memory", path);
    return -1;
}

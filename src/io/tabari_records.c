/* tabari_records.c: TABARI .text validation records; see tabari_records.h. */
#include "tabari_records.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../dict/dict.h"

typedef struct {
    const char *s;
    size_t n;
} span;

/* A growable byte buffer. */
typedef struct {
    char *v;
    size_t n, cap;
} sbuf;

static int sb_add(sbuf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 256;
        while (nc < b->n + n + 1)
            nc *= 2;
        char *nv = realloc(b->v, nc);
        if (!nv) return -1;
        b->v = nv;
        b->cap = nc;
    }
    memcpy(b->v + b->n, s, n);
    b->n += n;
    b->v[b->n] = '\0';
    return 0;
}

static int is_blank(span l) {
    for (size_t i = 0; i < l.n; i++)
        if (!isspace((unsigned char)l.s[i])) return 0;
    return 1;
}

/* "YYMMDD ID..." with 6 to 8 digits: returns the number of digits, 0 when not a header. */
static size_t header_digits(span l) {
    size_t k = 0;
    while (k < l.n && isdigit((unsigned char)l.s[k]))
        k++;
    if (k < 6 || k > 8 || k >= l.n || !isspace((unsigned char)l.s[k])) return 0;
    size_t q = k;
    while (q < l.n && isspace((unsigned char)l.s[q]))
        q++;
    return q < l.n ? k : 0;
}

typedef struct {
    tabari_record_set *s;
    tabari_event *ev;
    size_t nev, capev;
    const char **opt;
    size_t nopt, capopt;
    int oom;
} parse_state;

static const char *adup(parse_state *p, const char *s, size_t n) {
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    char *r = arena_strndup(&p->s->mem, s, n);
    if (!r) p->oom = 1;
    return r;
}

static int ci_starts(const char *s, size_t n, const char *pre) {
    size_t m = strlen(pre);
    if (n < m) return 0;
    for (size_t i = 0; i < m; i++)
        if (toupper((unsigned char)s[i]) != pre[i]) return 0;
    return 1;
}

static int32_t date_of(const char *s, size_t n) {
    if (n == 7) n = 6; /* "9501201": TABARI reads six digits */
    return dict_parse_date(s, n);
}

/* Expectations inside a record's comment. */
static void parse_expectations(parse_state *p, tabari_record *r, const char *c, size_t cn) {
    size_t i = 0;
    while (i < cn) {
        const char *ob = memchr(c + i, '{', cn - i);
        if (!ob) break;
        size_t o = (size_t)(ob - c);
        size_t q = o;
        while (q > 0 && (c[q - 1] == ' ' || c[q - 1] == '\t'))
            q--;
        int disabled = q > 0 && c[q - 1] == '-';
        size_t e = o + 1;
        while (e < cn && c[e] != '}' && c[e] != '\n')
            e++;
        int closed = e < cn && c[e] == '}';
        const char *in = c + o + 1;
        size_t inn = e - o - 1;
        while (inn && isspace((unsigned char)*in))
            in++, inn--;
        while (inn && isspace((unsigned char)in[inn - 1]))
            inn--;
        i = closed ? e + 1 : e;
        if (inn == 0) continue; /* "{}" in prose */
        if (!closed) p->s->warnings++;
        if (disabled) {
            r->n_disabled++;
            continue;
        }
        if (ci_starts(in, inn, "OPTION:")) {
            if (p->nopt == p->capopt) {
                size_t nc = p->capopt ? p->capopt * 2 : 4;
                const char **no = realloc(p->opt, nc * sizeof *no);
                if (!no) {
                    p->oom = 1;
                    return;
                }
                p->opt = no;
                p->capopt = nc;
            }
            p->opt[p->nopt++] = adup(p, in + 7, inn - 7);
            continue;
        }
        char sq[16];
        size_t k = 0;
        for (size_t t = 0; t < inn && k + 1 < sizeof sq; t++)
            if (!isspace((unsigned char)in[t])) sq[k++] = in[t];
        sq[k] = '\0';
        if (inn < 16 && strcmp(sq, "+++") == 0) {
            r->expect_complex = 1;
            continue;
        }
        if (inn < 16 && strcmp(sq, "###") == 0) {
            r->expect_discard = 1;
            continue;
        }
        if (inn < 16 && strcmp(sq, "---") == 0) {
            r->expect_none = 1;
            continue;
        }
        const char *s1 = memchr(in, '/', inn);
        const char *s2 = s1 ? memchr(s1 + 1, '/', inn - (size_t)(s1 + 1 - in)) : NULL;
        if (!s1 || !s2 || memchr(s2 + 1, '/', inn - (size_t)(s2 + 1 - in))) {
            p->s->warnings++;
            continue;
        }
        if (p->nev == p->capev) {
            size_t nc = p->capev ? p->capev * 2 : 8;
            tabari_event *ne = realloc(p->ev, nc * sizeof *ne);
            if (!ne) {
                p->oom = 1;
                return;
            }
            p->ev = ne;
            p->capev = nc;
        }
        tabari_event *ev = &p->ev[p->nev++];
        ev->source = adup(p, in, (size_t)(s1 - in));
        ev->target = adup(p, s1 + 1, (size_t)(s2 - s1 - 1));
        ev->code = adup(p, s2 + 1, inn - (size_t)(s2 + 1 - in));
        ev->date = 0;
        if (closed) { /* "} 950103" */
            size_t d = e + 1;
            while (d < cn && (c[d] == ' ' || c[d] == '\t'))
                d++;
            size_t ds = d;
            while (d < cn && isdigit((unsigned char)c[d]))
                d++;
            if (d - ds >= 6 && d - ds <= 8) {
                int32_t dt = date_of(c + ds, d - ds);
                if (dt > 0)
                    ev->date = dt;
                else
                    p->s->warnings++;
            }
        }
    }
}

static int has_end_phrase(const char *t) {
    static const char phrase[] = "end of the standard validation records";
    size_t m = sizeof phrase - 1, n = strlen(t);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && tolower((unsigned char)t[i + k]) == phrase[k])
            k++;
        if (k == m && !(i > 0 && t[i - 1] == '"')) return 1;
    }
    return 0;
}

static void collapse(char *s) {
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; s[i]; i++) {
        if (isspace((unsigned char)s[i])) {
            space = 1;
            continue;
        }
        if (space && k) s[k++] = ' ';
        space = 0;
        s[k++] = s[i];
    }
    s[k] = '\0';
}

static int parse_text(tabari_record_set *out, const char *buf, size_t len) {
    /* split into lines */
    span *lines = NULL;
    size_t nl = 0, capl = 0;
    for (size_t pos = 0; pos < len;) {
        const char *s = buf + pos;
        const char *e = memchr(s, '\n', len - pos);
        size_t n = e ? (size_t)(e - s) : len - pos;
        pos += n + 1;
        if (n && s[n - 1] == '\r') n--;
        if (nl == capl) {
            size_t nc = capl ? capl * 2 : 1024;
            span *nv = realloc(lines, nc * sizeof *nv);
            if (!nv) {
                free(lines);
                return -1;
            }
            lines = nv;
            capl = nc;
        }
        lines[nl].s = s;
        lines[nl].n = n;
        nl++;
    }
    parse_state p;
    memset(&p, 0, sizeof p);
    p.s = out;
    tabari_record *recs = NULL;
    size_t nrec = 0, caprec = 0;
    sbuf text = {0}, com = {0};
    int prev_blank = 1;
    for (size_t i = 0; i < nl && !p.oom;) {
        size_t nd = prev_blank ? header_digits(lines[i]) : 0;
        if (!nd) {
            prev_blank = is_blank(lines[i]);
            i++;
            continue;
        }
        if (nrec == caprec) {
            size_t nc = caprec ? caprec * 2 : 256;
            tabari_record *nv = realloc(recs, nc * sizeof *nv);
            if (!nv) {
                p.oom = 1;
                break;
            }
            recs = nv;
            caprec = nc;
        }
        tabari_record *r = &recs[nrec++];
        memset(r, 0, sizeof *r);
        span h = lines[i];
        r->line = (long)i + 1;
        r->header = adup(&p, h.s, h.n);
        int32_t dt = date_of(h.s, nd);
        r->date = dt > 0 ? dt : 0;
        if (nd == 7 || dt <= 0) out->warnings++;
        size_t q = nd;
        while (q < h.n && isspace((unsigned char)h.s[q]))
            q++;
        size_t idb = q;
        while (q < h.n && !isspace((unsigned char)h.s[q]))
            q++;
        r->id = adup(&p, h.s + idb, q - idb);
        /* body: until a blank line */
        text.n = com.n = 0;
        if (sb_add(&text, "", 0) < 0 || sb_add(&com, "", 0) < 0) p.oom = 1;
        int incom = 0;
        size_t j = i + 1;
        for (; j < nl && !is_blank(lines[j]) && !p.oom; j++) {
            const char *s = lines[j].s;
            size_t n = lines[j].n;
            while (n > 0) {
                if (!incom) {
                    const char *o = NULL;
                    for (size_t k = 0; k + 1 < n; k++)
                        if (s[k] == '/' && s[k + 1] == '*') {
                            o = s + k;
                            break;
                        }
                    size_t tn = o ? (size_t)(o - s) : n;
                    if (sb_add(&text, s, tn) < 0 || sb_add(&text, " ", 1) < 0) p.oom = 1;
                    if (!o) break;
                    incom = 1;
                    r->has_comment = 1;
                    s = o + 2;
                    n -= tn + 2;
                } else {
                    const char *c = NULL;
                    for (size_t k = 0; k + 1 < n; k++)
                        if (s[k] == '*' && s[k + 1] == '/') {
                            c = s + k;
                            break;
                        }
                    size_t cn = c ? (size_t)(c - s) : n;
                    if (sb_add(&com, s, cn) < 0) p.oom = 1;
                    if (!c) {
                        if (sb_add(&com, "\n", 1) < 0) p.oom = 1;
                        break;
                    }
                    if (sb_add(&com, "\n", 1) < 0) p.oom = 1;
                    incom = 0;
                    s = c + 2;
                    n -= cn + 2;
                }
            }
        }
        if (incom) out->warnings++; /* comment not closed before the blank line */
        if (p.oom) break;
        collapse(text.v);
        r->text = adup(&p, text.v, strlen(text.v));
        p.nev = p.nopt = 0;
        parse_expectations(&p, r, com.v, com.n);
        if (p.nev) {
            tabari_event *ev = arena_calloc(&out->mem, p.nev, sizeof *ev);
            if (!ev)
                p.oom = 1;
            else
                memcpy(ev, p.ev, p.nev * sizeof *ev);
            r->events = ev;
            r->n_events = p.nev;
        }
        if (p.nopt) {
            const char **op = arena_calloc(&out->mem, p.nopt, sizeof *op);
            if (!op)
                p.oom = 1;
            else
                memcpy(op, p.opt, p.nopt * sizeof *op);
            r->options = op;
            r->n_options = p.nopt;
        }
        i = j;
        prev_blank = 0;
    }
    free(lines);
    free(text.v);
    free(com.v);
    free(p.ev);
    free(p.opt);
    if (p.oom) {
        free(recs);
        return -1;
    }
    /* end record, flags and counts */
    int ended = 0;
    for (size_t k = 0; k < nrec; k++) {
        tabari_record *r = &recs[k];
        if (ended) {
            r->after_end = 1;
            continue;
        }
        if (r->text && has_end_phrase(r->text)) {
            r->is_end = 1;
            ended = 1;
            continue;
        }
        out->n_standard++;
        int active = r->n_events || r->expect_none || r->expect_complex || r->expect_discard;
        if (r->n_options)
            out->n_option_records++;
        else if (!active && r->n_disabled)
            out->n_disabled_only++;
        r->scoreable = !r->n_options && active;
        if (r->scoreable) out->n_scoreable++;
    }
    if (nrec) {
        out->records = arena_calloc(&out->mem, nrec, sizeof *out->records);
        if (!out->records) {
            free(recs);
            return -1;
        }
        memcpy(out->records, recs, nrec * sizeof *recs);
    }
    out->n = nrec;
    free(recs);
    return 0;
}

int tabari_records_read_mem(const char *text, size_t len, tabari_record_set *out, char *err,
                            size_t errlen) {
    memset(out, 0, sizeof *out);
    arena_init(&out->mem, 1 << 16);
    if (parse_text(out, text, len) < 0) {
        tabari_records_free(out);
        if (err && errlen) snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

int tabari_records_read(const char *path, tabari_record_set *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (err && errlen) snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    sbuf b = {0};
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (sb_add(&b, chunk, got) < 0) {
            fclose(f);
            free(b.v);
            if (err && errlen) snprintf(err, errlen, "out of memory");
            return -1;
        }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(b.v);
        if (err && errlen) snprintf(err, errlen, "cannot read %s", path);
        return -1;
    }
    int rc = tabari_records_read_mem(b.v ? b.v : "", b.n, out, err, errlen);
    free(b.v);
    return rc;
}

void tabari_records_free(tabari_record_set *s) {
    if (!s) return;
    arena_free(&s->mem);
    memset(s, 0, sizeof *s);
}

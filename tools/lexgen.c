/* lexgen: build parley's English lexicon blob (build-time host tool).
 *
 *   lexgen BRILL_TSV WORDNET_DIR CLOSED_TXT OUT_BIN
 *
 * Inputs
 *   BRILL_TSV    `word<TAB>TAG TAG ...` (tools/brill_dump.mjs); the first tag is the likeliest.
 *   WORDNET_DIR  WordNet 3.0 dict dir (Debian wordnet-base: /usr/share/wordnet) with
 *                index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc.
 *   CLOSED_TXT   data/lexicon/closed.txt: closed-class words, `word TAG [TAG...]` (the tags
 *                replace brill's; the first is the best) or `word + TAG [TAG...]` (the tags are
 *                added to brill's; the first becomes the best). `#` at the start of a token
 *                starts a comment; `\` makes the next character literal (`\#` is the word #).
 *
 * Output: OUT_BIN, written to OUT_BIN.tmp and renamed. Errors: FILE:LINE: problem on stderr,
 * exit status 1 (closed.txt errors fail the build; unknown tags in brill's data are skipped).
 *
 * What goes in
 *   - every brill word (exact case) with its tags;
 *   - every single-word WordNet lemma (lower case; multi-word lemmas are left out), with WordNet
 *     POS bits; words only WordNet knows get tags NN / VB VBP / JJ / RB, best by sense count;
 *   - every single-word form of the .exc files with its first lemma per POS (forms no other
 *     source knows get tags from the POS and suffix: NNS, VBD VBN / VBG / VBZ, JJR / JJS, ...);
 *   - closed.txt overrides.
 *   Each entry also gets "keep" bits: for POS p, the word is itself a WordNet lemma of p and
 *   brill lists a base tag of p (NN/NNP, VB/VBP, JJ, RB) before any inflected one (or lists none
 *   of p at all), so the lemmatiser keeps `news`, `species` instead of reducing them.
 *
 * Blob format, version 1. All integers little-endian; offsets are from the blob start.
 *
 *   header, 64 bytes:
 *      0  char[8] magic "PRLYLEX\0"
 *      8  u32 version (1)
 *     12  u32 header size (64)
 *     16  u32 total blob size
 *     20  u32 tag-set hash: FNV-1a 32 over the names of tags 1..LEX_TAG_COUNT-1, each with its
 *             NUL (so a blob is refused by a library whose tag numbering differs)
 *     24  u32 n_entries         28  u32 entries offset
 *     32  u32 n_buckets (2^k)   36  u32 buckets offset
 *     40  u32 n_exc             44  u32 exc offset
 *     48  u32 strings offset    52  u32 strings size
 *     56  u32 flags (0)         60  u32 reserved (0)
 *   entries, n_entries x 20 bytes, sorted by key bytes (memcmp, then length):
 *      0 u32 key offset (in strings)   4 u32 exc record index + 1 (0 = none)
 *      8 u64 tag mask                  16 u8 key length (1..255)
 *     17 u8 best tag                   18 u8 WordNet POS bits (1 n, 2 v, 4 a, 8 r)
 *     19 u8 keep bits (same bit order)
 *   buckets, n_buckets x u32: entry index + 1, 0 = empty. Open addressing, linear probing from
 *      FNV-1a 32 (key bytes) & (n_buckets - 1); n_entries < n_buckets (load <= 0.7 as written),
 *      so a probe always ends at an empty bucket.
 *   exc records, n_exc x 16 bytes: u32 lemma string offset for n, v, a, r (0 = none).
 *   strings: NUL-terminated UTF-8 strings; offset 0 is the empty string; the last byte is NUL.
 *      Keys are stored here too (followed by a NUL).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

#define MAX_KEY      255
#define HDR_SIZE     64u
#define ENTRY_SIZE   20u
#define EXC_SIZE     16u
#define BLOB_VERSION 1u

enum { P_N, P_V, P_A, P_R, P_COUNT };
static const char *const pos_file[P_COUNT] = {"noun", "verb", "adj", "adv"};

typedef struct {
    char *key;
    size_t len;
    uint64_t tags;
    uint8_t best;
    uint8_t wn;
    uint8_t keep;
    uint8_t in_brill;
    uint8_t closed;
    uint8_t basefirst; /* per POS: brill's first tag of that POS class is a base tag */
    uint8_t hasclass;  /* per POS: brill lists some tag of that class */
    uint32_t senses[P_COUNT];
    char *exc[P_COUNT];
    uint32_t key_off;
} word;

typedef struct {
    word **slots;
    size_t cap, n;
} wmap;

static int n_errors;

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "lexgen: out of memory\n");
        exit(1);
    }
    return p;
}

static void *xcalloc(size_t n, size_t m) {
    void *p = calloc(n ? n : 1, m ? m : 1);
    if (!p) {
        fprintf(stderr, "lexgen: out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrndup(const char *s, size_t n) {
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void problem(const char *file, unsigned line, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "%s:%u: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    n_errors++;
}

static uint32_t fnv1a(const void *data, size_t n, uint32_t h) {
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}
#define FNV_BASIS 2166136261u

/* ---- tags (same table as lexicon.c, from the shared X-macro) ---- */
#define NAME_(sym, name) name,
static const char *const tag_names[LEX_TAG_COUNT] = {"", LEX_TAG_LIST(NAME_)};
#undef NAME_

static lex_tag tag_from(const char *s) {
    for (int t = 1; t < LEX_TAG_COUNT; t++)
        if (strcmp(s, tag_names[t]) == 0) return (lex_tag)t;
    static const struct {
        const char *alias;
        lex_tag tag;
    } aliases[] = {{"-LRB-", LEX_LRB}, {"-RRB-", LEX_RRB}, {"-LCB-", LEX_LRB}, {"-RCB-", LEX_RRB},
                   {"-LSB-", LEX_LRB}, {"-RSB-", LEX_RRB}, {"!", LEX_PERIOD},  {"?", LEX_PERIOD},
                   {";", LEX_COLON},   {"\"", LEX_RQUOTE}};
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(s, aliases[i].alias) == 0) return aliases[i].tag;
    return LEX_TAG_NONE;
}

static uint32_t tagset_hash(void) {
    uint32_t h = FNV_BASIS;
    for (int t = 1; t < LEX_TAG_COUNT; t++)
        h = fnv1a(tag_names[t], strlen(tag_names[t]) + 1, h);
    return h;
}

/* POS class of a tag: base (1) or inflected (2) member of class p, else 0. */
static int tag_class(lex_tag t, int *p) {
    switch (t) {
    case LEX_NN:
    case LEX_NNP: *p = P_N; return 1;
    case LEX_NNS:
    case LEX_NNPS: *p = P_N; return 2;
    case LEX_VB:
    case LEX_VBP: *p = P_V; return 1;
    case LEX_VBD:
    case LEX_VBN:
    case LEX_VBG:
    case LEX_VBZ: *p = P_V; return 2;
    case LEX_JJ: *p = P_A; return 1;
    case LEX_JJR:
    case LEX_JJS: *p = P_A; return 2;
    case LEX_RB: *p = P_R; return 1;
    case LEX_RBR:
    case LEX_RBS: *p = P_R; return 2;
    default: return 0;
    }
}

/* ---- lower-casing: must match lexicon.c (ASCII, and Latin-1 letters in 2-byte UTF-8) ---- */
static void lower(const char *s, size_t n, char *out) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)s[i + 1];
            out[i++] = (char)c;
            if (d >= 0x80 && d <= 0x9E && d != 0x97) d = (unsigned char)(d + 0x20);
            c = d;
        }
        out[i] = (char)c;
    }
}

/* ---- word map ---- */
static void wmap_grow(wmap *m) {
    size_t ncap = m->cap ? m->cap * 2 : 1u << 16;
    word **ns = xcalloc(ncap, sizeof *ns);
    for (size_t i = 0; i < m->cap; i++) {
        word *w = m->slots[i];
        if (!w) continue;
        size_t j = fnv1a(w->key, w->len, FNV_BASIS) & (ncap - 1);
        while (ns[j])
            j = (j + 1) & (ncap - 1);
        ns[j] = w;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
}

static word *wmap_find(const wmap *m, const char *key, size_t len) {
    if (!m->cap) return NULL;
    size_t j = fnv1a(key, len, FNV_BASIS) & (m->cap - 1);
    for (word *w; (w = m->slots[j]) != NULL; j = (j + 1) & (m->cap - 1))
        if (w->len == len && memcmp(w->key, key, len) == 0) return w;
    return NULL;
}

static word *wmap_get(wmap *m, const char *key, size_t len) {
    word *w = wmap_find(m, key, len);
    if (w) return w;
    if ((m->n + 1) * 2 > m->cap) wmap_grow(m);
    w = xcalloc(1, sizeof *w);
    w->key = xstrndup(key, len);
    w->len = len;
    size_t j = fnv1a(key, len, FNV_BASIS) & (m->cap - 1);
    while (m->slots[j])
        j = (j + 1) & (m->cap - 1);
    m->slots[j] = w;
    m->n++;
    return w;
}

/* A key is usable if 1..255 bytes without controls or spaces. */
static int good_key(const char *s, size_t n) {
    if (n == 0 || n > MAX_KEY) return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f) return 0;
    return 1;
}

/* ---- input files ---- */
static FILE *open_in(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "lexgen: cannot open %s: %s\n", path, strerror(errno));
        exit(1);
    }
    return f;
}

/* Reads one line (without the newline) into *buf; returns its length or -1 at EOF. */
static long read_line(FILE *f, char **buf, size_t *cap) {
    ssize_t n = getline(buf, cap, f);
    if (n < 0) return -1;
    while (n > 0 && ((*buf)[n - 1] == '\n' || (*buf)[n - 1] == '\r'))
        (*buf)[--n] = '\0';
    return (long)n;
}

static void read_brill(wmap *m, const char *path) {
    FILE *f = open_in(path);
    char *line = NULL;
    size_t cap = 0;
    unsigned lineno = 0, unknown = 0;
    long n;
    while ((n = read_line(f, &line, &cap)) >= 0) {
        lineno++;
        char *tab = memchr(line, '\t', (size_t)n);
        if (!tab) {
            if (n > 0) problem(path, lineno, "no tab");
            continue;
        }
        size_t klen = (size_t)(tab - line);
        if (!good_key(line, klen)) continue;
        word *w = wmap_get(m, line, klen);
        w->in_brill = 1;
        uint8_t seen = 0;
        for (char *save = NULL, *tok = strtok_r(tab + 1, " ", &save); tok;
             tok = strtok_r(NULL, " ", &save)) {
            lex_tag t = tag_from(tok);
            if (t == LEX_TAG_NONE) {
                unknown++;
                continue;
            }
            if (!w->best) w->best = (uint8_t)t;
            w->tags |= LEX_TAGBIT(t);
            int p, k = tag_class(t, &p);
            if (k && !(seen & (1u << p))) {
                seen |= (uint8_t)(1u << p);
                w->hasclass |= (uint8_t)(1u << p);
                if (k == 1) w->basefirst |= (uint8_t)(1u << p);
            }
        }
    }
    if (lineno == 0) problem(path, 0, "empty brill lexicon");
    if (unknown) fprintf(stderr, "lexgen: %s: %u unknown tags skipped\n", path, unknown);
    free(line);
    fclose(f);
}

static char *path_join(const char *dir, const char *a, const char *b) {
    size_t n = strlen(dir) + strlen(a) + strlen(b) + 2;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s%s", dir, a, b);
    return p;
}

static void read_wn_index(wmap *m, const char *dir, int p) {
    char *path = path_join(dir, "index.", pos_file[p]);
    FILE *f = open_in(path);
    char *line = NULL;
    size_t cap = 0;
    unsigned lineno = 0, count = 0;
    long n;
    while ((n = read_line(f, &line, &cap)) >= 0) {
        lineno++;
        if (n == 0 || line[0] == ' ') continue; /* license header lines start with two spaces */
        char *save = NULL;
        char *lemma = strtok_r(line, " ", &save);
        char *pos = strtok_r(NULL, " ", &save);
        char *cnt = strtok_r(NULL, " ", &save);
        if (!lemma || !pos || !cnt) {
            problem(path, lineno, "short index line");
            continue;
        }
        count++;
        size_t len = strlen(lemma);
        if (strchr(lemma, '_') || !good_key(lemma, len)) continue;
        word *w = wmap_get(m, lemma, len);
        w->wn |= (uint8_t)(1u << p);
        w->senses[p] = (uint32_t)strtoul(cnt, NULL, 10);
    }
    if (count == 0) problem(path, lineno, "no WordNet lemmas (is wordnet-base installed?)");
    free(line);
    free(path);
    fclose(f);
}

static void read_wn_exc(wmap *m, const char *dir, int p) {
    char *path = path_join(dir, pos_file[p], ".exc");
    FILE *f = open_in(path);
    char *line = NULL;
    size_t cap = 0;
    unsigned lineno = 0;
    long n;
    while ((n = read_line(f, &line, &cap)) >= 0) {
        lineno++;
        char *save = NULL;
        char *form = strtok_r(line, " ", &save);
        char *lemma = strtok_r(NULL, " ", &save);
        if (!form) continue;
        if (!lemma) {
            problem(path, lineno, "form without lemma");
            continue;
        }
        size_t len = strlen(form);
        if (strchr(form, '_') || !good_key(form, len)) continue;
        word *w = wmap_get(m, form, len);
        if (w->exc[p]) continue; /* first line wins */
        for (char *c = lemma; *c; c++)
            if (*c == '_') *c = ' ';
        w->exc[p] = xstrndup(lemma, strlen(lemma));
    }
    free(line);
    free(path);
    fclose(f);
}

/* Splits a closed.txt line into tokens in place, handling comments and backslash escapes
 * (unescaping only shrinks a token, so the write position never passes the read position). */
static int closed_tokens(char *line, char **tok, int max) {
    int n = 0;
    char *r = line, *w = line;
    for (;;) {
        while (*r == ' ' || *r == '\t')
            r++;
        if (!*r || *r == '#') return n;
        if (n == max) return -1;
        tok[n++] = w;
        while (*r && *r != ' ' && *r != '\t') {
            if (*r == '\\' && r[1]) r++;
            *w++ = *r++;
        }
        int more = *r != '\0';
        *w++ = '\0';
        if (!more) return n;
        r++;
        if (w > r) r = w; /* cannot happen (w <= r before the increment); keeps the scan safe */
    }
}

static void read_closed(wmap *m, const char *path) {
    FILE *f = open_in(path);
    char *line = NULL;
    size_t cap = 0;
    unsigned lineno = 0, count = 0;
    long n;
    while ((n = read_line(f, &line, &cap)) >= 0) {
        lineno++;
        char *tok[40];
        int nt = closed_tokens(line, tok, 40);
        if (nt == 0) continue;
        if (nt < 0) {
            problem(path, lineno, "too many tags");
            continue;
        }
        if (nt < 2) {
            problem(path, lineno, "word without tags");
            continue;
        }
        size_t len = strlen(tok[0]);
        if (!good_key(tok[0], len)) {
            problem(path, lineno, "bad word '%s'", tok[0]);
            continue;
        }
        int first = 1, add = 0;
        if (strcmp(tok[1], "+") == 0) {
            add = 1;
            first = 2;
        }
        uint64_t tags = 0;
        lex_tag best = LEX_TAG_NONE;
        int bad = 0;
        for (int i = first; i < nt; i++) {
            lex_tag t = tag_from(tok[i]);
            if (t == LEX_TAG_NONE) {
                problem(path, lineno, "unknown tag '%s'", tok[i]);
                bad = 1;
                break;
            }
            if (tags & LEX_TAGBIT(t)) {
                problem(path, lineno, "tag '%s' twice", tok[i]);
                bad = 1;
                break;
            }
            if (!best) best = t;
            tags |= LEX_TAGBIT(t);
        }
        if (bad) continue;
        if (!best) {
            problem(path, lineno, "word without tags");
            continue;
        }
        word *w = wmap_get(m, tok[0], len);
        if (w->closed) {
            problem(path, lineno, "'%s' listed twice", tok[0]);
            continue;
        }
        w->tags = add ? (w->tags | tags) : tags;
        w->best = (uint8_t)best;
        w->closed = 1;
        count++;
    }
    if (count == 0) problem(path, lineno, "no closed-class words");
    free(line);
    fclose(f);
}

static int ends(const char *s, size_t n, const char *suf) {
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* Tags for words that brill and closed.txt do not know. */
static void derive_tags(word *w) {
    if (w->tags) return;
    static const lex_tag base[P_COUNT] = {LEX_NN, LEX_VB, LEX_JJ, LEX_RB};
    uint32_t best_senses = 0;
    for (int p = 0; p < P_COUNT; p++) {
        if (!(w->wn & (1u << p))) continue;
        w->tags |= LEX_TAGBIT(base[p]);
        if (p == P_V) w->tags |= LEX_TAGBIT(LEX_VBP);
        if (!w->best || w->senses[p] > best_senses) {
            w->best = (uint8_t)base[p];
            best_senses = w->senses[p];
        }
    }
    for (int p = 0; p < P_COUNT; p++) {
        if (!w->exc[p]) continue;
        lex_tag a = LEX_TAG_NONE, b = LEX_TAG_NONE;
        const char *s = w->key;
        size_t n = w->len;
        switch (p) {
        case P_N: a = LEX_NNS; break;
        case P_V:
            if (ends(s, n, "ing"))
                a = LEX_VBG;
            else if (ends(s, n, "s"))
                a = LEX_VBZ;
            else {
                a = LEX_VBD;
                b = LEX_VBN;
            }
            break;
        case P_A: a = ends(s, n, "st") ? LEX_JJS : LEX_JJR; break;
        default: a = ends(s, n, "st") ? LEX_RBS : LEX_RBR; break;
        }
        w->tags |= LEX_TAGBIT(a);
        if (b) w->tags |= LEX_TAGBIT(b);
        if (!w->best) w->best = (uint8_t)a;
    }
}

static int cmp_words(const void *a, const void *b) {
    const word *x = *(word *const *)a, *y = *(word *const *)b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->key, y->key, n);
    if (c) return c;
    return x->len < y->len ? -1 : x->len > y->len;
}

/* ---- output ---- */
typedef struct {
    unsigned char *p;
    size_t n, cap;
} buf;

static void b_reserve(buf *b, size_t more) {
    if (b->n + more <= b->cap) return;
    size_t nc = b->cap ? b->cap : 1u << 20;
    while (nc < b->n + more)
        nc *= 2;
    unsigned char *np = realloc(b->p, nc);
    if (!np) {
        fprintf(stderr, "lexgen: out of memory\n");
        exit(1);
    }
    b->p = np;
    b->cap = nc;
}

static void b_put(buf *b, const void *data, size_t n) {
    b_reserve(b, n);
    memcpy(b->p + b->n, data, n);
    b->n += n;
}

static void b_u8(buf *b, unsigned v) {
    unsigned char c = (unsigned char)v;
    b_put(b, &c, 1);
}

static void b_u32(buf *b, uint32_t v) {
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    b_put(b, c, 4);
}

static void b_u64(buf *b, uint64_t v) {
    b_u32(b, (uint32_t)v);
    b_u32(b, (uint32_t)(v >> 32));
}

static void b_align(buf *b, size_t a) {
    while (b->n % a)
        b_u8(b, 0);
}

static void set_u32(buf *b, size_t at, uint32_t v) {
    b->p[at] = (unsigned char)v;
    b->p[at + 1] = (unsigned char)(v >> 8);
    b->p[at + 2] = (unsigned char)(v >> 16);
    b->p[at + 3] = (unsigned char)(v >> 24);
}

static uint32_t fit32(size_t v) {
    if (v > UINT32_MAX) {
        fprintf(stderr, "lexgen: lexicon too large\n");
        exit(1);
    }
    return (uint32_t)v;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: lexgen BRILL_TSV WORDNET_DIR CLOSED_TXT OUT_BIN\n");
        return 2;
    }
    const char *brill = argv[1], *wndir = argv[2], *closed = argv[3], *out = argv[4];
    wmap m = {0};

    read_brill(&m, brill);
    for (int p = 0; p < P_COUNT; p++) {
        read_wn_index(&m, wndir, p);
        read_wn_exc(&m, wndir, p);
    }
    read_closed(&m, closed);
    if (n_errors) {
        fprintf(stderr, "lexgen: %d error(s); %s not written\n", n_errors, out);
        return 1;
    }

    /* collect and finish the entries */
    word **all = xmalloc(m.n * sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < m.cap; i++)
        if (m.slots[i]) all[n++] = m.slots[i];
    qsort(all, n, sizeof *all, cmp_words);

    char low[MAX_KEY];
    for (size_t i = 0; i < n; i++) {
        word *w = all[i];
        lower(w->key, w->len, low);
        word *lw = memcmp(low, w->key, w->len) ? wmap_find(&m, low, w->len) : w;
        if (lw && lw != w) w->wn = lw->wn; /* POS bits of the lower-cased word */
        /* keep bits: the word is itself a lemma of p, and brill shows it as a base form */
        for (int p = 0; p < P_COUNT; p++) {
            uint8_t bit = (uint8_t)(1u << p);
            if ((w->wn & bit) && w->in_brill && (!(w->hasclass & bit) || (w->basefirst & bit)))
                w->keep |= bit;
        }
        derive_tags(w);
    }

    buf b = {0};
    b_reserve(&b, HDR_SIZE);
    memset(b.p, 0, HDR_SIZE);
    b.n = HDR_SIZE;

    /* strings: keys first, then exc lemmas not already a key */
    buf s = {0};
    b_u8(&s, 0);
    for (size_t i = 0; i < n; i++) {
        all[i]->key_off = fit32(s.n);
        b_put(&s, all[i]->key, all[i]->len);
        b_u8(&s, 0);
    }
    size_t n_exc = 0;
    for (size_t i = 0; i < n; i++) {
        int has = 0;
        for (int p = 0; p < P_COUNT; p++)
            has |= all[i]->exc[p] != NULL;
        n_exc += (size_t)has;
    }
    uint32_t *exc_off = xcalloc(n_exc * P_COUNT, sizeof *exc_off);
    uint32_t *exc_idx = xcalloc(n, sizeof *exc_idx);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int has = 0;
        for (int p = 0; p < P_COUNT; p++) {
            const char *l = all[i]->exc[p];
            if (!l) continue;
            has = 1;
            word *lw = wmap_find(&m, l, strlen(l));
            if (lw) {
                exc_off[k * P_COUNT + (size_t)p] = lw->key_off;
            } else {
                exc_off[k * P_COUNT + (size_t)p] = fit32(s.n);
                b_put(&s, l, strlen(l) + 1);
            }
        }
        if (has) exc_idx[i] = fit32(++k);
    }

    /* entries */
    b_align(&b, 8);
    size_t entries_off = b.n;
    for (size_t i = 0; i < n; i++) {
        const word *w = all[i];
        b_u32(&b, w->key_off);
        b_u32(&b, exc_idx[i]);
        b_u64(&b, w->tags);
        b_u8(&b, (unsigned)w->len);
        b_u8(&b, w->best);
        b_u8(&b, w->wn);
        b_u8(&b, w->keep);
    }

    /* hash buckets */
    size_t nb = 8;
    while (nb * 7 < n * 10 + 10) /* load factor <= 0.7 */
        nb *= 2;
    uint32_t *bk = xcalloc(nb, sizeof *bk);
    for (size_t i = 0; i < n; i++) {
        size_t j = fnv1a(all[i]->key, all[i]->len, FNV_BASIS) & (nb - 1);
        while (bk[j])
            j = (j + 1) & (nb - 1);
        bk[j] = fit32(i + 1);
    }
    b_align(&b, 8);
    size_t buckets_off = b.n;
    for (size_t j = 0; j < nb; j++)
        b_u32(&b, bk[j]);

    b_align(&b, 8);
    size_t exc_table_off = b.n;
    for (size_t j = 0; j < n_exc * P_COUNT; j++)
        b_u32(&b, exc_off[j]);

    b_align(&b, 8);
    size_t strings_off = b.n;
    b_put(&b, s.p, s.n);
    b_align(&b, 8);

    memcpy(b.p, "PRLYLEX", 8);
    set_u32(&b, 8, BLOB_VERSION);
    set_u32(&b, 12, HDR_SIZE);
    set_u32(&b, 16, fit32(b.n));
    set_u32(&b, 20, tagset_hash());
    set_u32(&b, 24, fit32(n));
    set_u32(&b, 28, fit32(entries_off));
    set_u32(&b, 32, fit32(nb));
    set_u32(&b, 36, fit32(buckets_off));
    set_u32(&b, 40, fit32(n_exc));
    set_u32(&b, 44, fit32(exc_table_off));
    set_u32(&b, 48, fit32(strings_off));
    set_u32(&b, 52, fit32(s.n));

    size_t tl = strlen(out) + 5;
    char *tmp = xmalloc(tl);
    snprintf(tmp, tl, "%s.tmp", out);
    FILE *f = fopen(tmp, "wb");
    if (!f || fwrite(b.p, 1, b.n, f) != b.n || fclose(f) != 0) {
        fprintf(stderr, "lexgen: cannot write %s: %s\n", tmp, strerror(errno));
        return 1;
    }
    if (rename(tmp, out) != 0) {
        fprintf(stderr, "lexgen: cannot rename %s to %s: %s\n", tmp, out, strerror(errno));
        return 1;
    }
    fprintf(stderr, "lexgen: %s: %zu words, %zu irregular forms, %zu bytes\n", out, n, n_exc, b.n);

    for (size_t i = 0; i < n; i++) {
        for (int p = 0; p < P_COUNT; p++)
            free(all[i]->exc[p]);
        free(all[i]->key);
        free(all[i]);
    }
    free(all);
    free(m.slots);
    free(exc_off);
    free(exc_idx);
    free(bk);
    free(s.p);
    free(b.p);
    free(tmp);
    return 0;
}

/* parley English lexicon: run-time reader of the blob built by tools/lexgen.c.
 *
 * Blob format, version 1 (the full description is at the top of tools/lexgen.c). All integers
 * little-endian, offsets from the blob start:
 *   header (64 bytes): "PRLYLEX\0", u32 version=1, u32 header size=64, u32 total size,
 *     u32 tag-set hash (FNV-1a 32 of the tag names of LEX_TAG_LIST, each with its NUL),
 *     u32 n_entries, u32 entries off, u32 n_buckets (2^k, > n_entries), u32 buckets off,
 *     u32 n_exc, u32 exc off, u32 strings off, u32 strings size, u32 flags, u32 reserved;
 *   entries (20 bytes each, sorted by key): u32 key off, u32 exc index+1 (0 none), u64 tag mask,
 *     u8 key length, u8 best tag, u8 WordNet POS bits, u8 "keep" bits (the word is its own lemma);
 *   buckets (u32 entry index+1, 0 empty; FNV-1a 32 of the key, linear probing);
 *   exc records (4 x u32 lemma string offsets for n, v, a, r; 0 none);
 *   strings (NUL-terminated; offset 0 is ""; last byte NUL).
 *
 * The header is checked whenever a table is used (a few loads), every offset read from the body
 * is bounds-checked before use, so a damaged blob can give wrong answers but never reads outside
 * itself. There is no mutable state: tables are plain const views, safe to share across threads.
 */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

/* The blob embedded by lexicon_blob.S. */
extern const unsigned char parley_lexicon_blob_start[];
extern const unsigned char parley_lexicon_blob_end[];

struct lex_table {
    const unsigned char *start;
    const unsigned char *end;
    int owned; /* 1 if allocated by lex_open */
};

static const struct lex_table builtin_table = {parley_lexicon_blob_start, parley_lexicon_blob_end,
                                               0};
static const struct lex_table empty_table = {NULL, NULL, 0};

#define HDR_SIZE     64u
#define ENTRY_SIZE   20u
#define EXC_SIZE     16u
#define BLOB_VERSION 1u
#define MAX_KEY      255u

/* ---------------------------------------------------------------- tags */

#define LEX_NAME_(sym, name) name,
static const char *const tag_names[LEX_TAG_COUNT] = {"", LEX_TAG_LIST(LEX_NAME_)};
#undef LEX_NAME_

const char *lex_tag_name(lex_tag t) {
    if ((int)t <= 0 || (int)t >= LEX_TAG_COUNT) return "";
    return tag_names[t];
}

lex_tag lex_tag_from_name(const char *s) {
    if (!s || !*s) return LEX_TAG_NONE;
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

/* ---------------------------------------------------------------- blob access */

static uint32_t fnv1a(const void *data, size_t n, uint32_t h) {
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}
#define FNV_BASIS 2166136261u

static uint32_t rd32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p) {
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static uint32_t tagset_hash(void) {
    uint32_t h = FNV_BASIS;
    for (int t = 1; t < LEX_TAG_COUNT; t++)
        h = fnv1a(tag_names[t], strlen(tag_names[t]) + 1, h);
    return h;
}

/* A validated view of a blob. */
typedef struct {
    const unsigned char *entries, *buckets, *exc, *strings;
    uint32_t n_entries, n_buckets, n_exc, strings_size;
} view;

static int section_ok(uint64_t off, uint64_t count, uint64_t size, uint64_t total) {
    return off >= HDR_SIZE && off <= total && count * size <= total - off;
}

/* Fills *v from the blob [p, p+len); returns 0 (and an empty view) if the header is invalid.
 * The tag-set hash is checked only when full is set (by lex_builtin and lex_open): it does not
 * change afterwards, and recomputing it on every lookup would cost more than the lookup. */
static int parse(const unsigned char *p, size_t len, view *v, int full) {
    memset(v, 0, sizeof *v);
    if (!p || len < HDR_SIZE) return 0;
    if (memcmp(p, "PRLYLEX", 8) != 0 || rd32(p + 8) != BLOB_VERSION || rd32(p + 12) != HDR_SIZE)
        return 0;
    uint64_t total = rd32(p + 16);
    if (total > len || total < HDR_SIZE || (full && rd32(p + 20) != tagset_hash())) return 0;
    uint32_t n = rd32(p + 24), eo = rd32(p + 28), nb = rd32(p + 32), bo = rd32(p + 36);
    uint32_t nx = rd32(p + 40), xo = rd32(p + 44), so = rd32(p + 48), ss = rd32(p + 52);
    if (nb == 0 || (nb & (nb - 1)) != 0 || n >= nb) return 0;
    if (!section_ok(eo, n, ENTRY_SIZE, total) || !section_ok(bo, nb, 4, total) ||
        !section_ok(xo, nx, EXC_SIZE, total) || !section_ok(so, ss, 1, total))
        return 0;
    if (ss == 0 || p[so] != '\0' || p[so + ss - 1] != '\0') return 0;
    v->entries = p + eo;
    v->buckets = p + bo;
    v->exc = p + xo;
    v->strings = p + so;
    v->n_entries = n;
    v->n_buckets = nb;
    v->n_exc = nx;
    v->strings_size = ss;
    return 1;
}

/* The view of a table for one call. Tables only come from lex_builtin / lex_open, which did the
 * full check; the structural checks are repeated (they are a few loads) so that nothing is
 * ever read outside the blob. */
static int view_of(const lex_table *t, view *v) {
    if (!t || !t->start || (uintptr_t)t->end < (uintptr_t)t->start) return parse(NULL, 0, v, 0);
    /* start and end of the builtin blob are two symbols: compare them as integers */
    return parse(t->start, (size_t)((uintptr_t)t->end - (uintptr_t)t->start), v, 0);
}

typedef struct {
    uint64_t tags;
    uint32_t exc;
    uint8_t best, wn, keep;
} entry;

/* Finds key in the table; returns 1 and fills *e. */
static int find(const view *v, const char *key, size_t len, entry *e) {
    if (v->n_entries == 0 || len == 0 || len > MAX_KEY) return 0;
    uint32_t mask = v->n_buckets - 1;
    uint32_t j = fnv1a(key, len, FNV_BASIS) & mask;
    for (uint32_t probes = 0; probes < v->n_buckets; probes++, j = (j + 1) & mask) {
        uint32_t b = rd32(v->buckets + (size_t)j * 4);
        if (b == 0 || b > v->n_entries) return 0;
        const unsigned char *r = v->entries + (size_t)(b - 1) * ENTRY_SIZE;
        uint32_t ko = rd32(r);
        if (r[16] != len || ko >= v->strings_size || v->strings_size - ko <= len) continue;
        if (memcmp(v->strings + ko, key, len) != 0) continue;
        e->exc = rd32(r + 4);
        e->tags = rd64(r + 8) & (((uint64_t)1 << LEX_TAG_COUNT) - 2);
        e->best = r[17] < LEX_TAG_COUNT ? r[17] : 0;
        e->wn = r[18] & 15;
        e->keep = r[19] & 15;
        return 1;
    }
    return 0;
}

/* The lemma string of exc record e->exc for POS index p, or NULL. */
static const char *exc_lemma(const view *v, const entry *e, int p) {
    if (e->exc == 0 || e->exc > v->n_exc) return NULL;
    uint32_t off = rd32(v->exc + (size_t)(e->exc - 1) * EXC_SIZE + (size_t)p * 4);
    if (off == 0 || off >= v->strings_size) return NULL;
    return (const char *)v->strings + off; /* NUL-terminated: the strings end with a NUL */
}

/* ---------------------------------------------------------------- tables */

const lex_table *lex_builtin(void) {
    view v;
    uintptr_t a = (uintptr_t)builtin_table.start, b = (uintptr_t)builtin_table.end;
    return b >= a && parse(builtin_table.start, (size_t)(b - a), &v, 1) ? &builtin_table
                                                                        : &empty_table;
}

lex_table *lex_open(const void *data, size_t len) {
    view v;
    if (!parse(data, len, &v, 1)) return NULL;
    lex_table *t = malloc(sizeof *t);
    if (!t) return NULL;
    t->start = data;
    t->end = (const unsigned char *)data + len;
    t->owned = 1;
    return t;
}

void lex_close(lex_table *t) {
    if (t && t->owned) free(t);
}

size_t lex_count(const lex_table *t) {
    view v;
    view_of(t, &v);
    return v.n_entries;
}

/* ---------------------------------------------------------------- lookup */

/* Lower-cases ASCII letters and the Latin-1 capitals (U+00C0..U+00DE except U+00D7) written as
 * 2-byte UTF-8. The same function is in tools/lexgen.c. out has room for n bytes. */
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

int lex_lookup(const lex_table *t, const char *word, size_t len, lex_info *out) {
    view v;
    entry e;
    lex_info info = {0, LEX_TAG_NONE, 0};
    int found = 0;
    if (word && view_of(t, &v)) {
        found = find(&v, word, len, &e) && e.tags;
        if (!found && len <= MAX_KEY) {
            char low[MAX_KEY];
            lower(word, len, low);
            if (memcmp(low, word, len) != 0) found = find(&v, low, len, &e) && e.tags;
        }
    }
    if (found) {
        info.tags = e.tags;
        info.best = (e.best && (e.tags & LEX_TAGBIT(e.best))) ? (lex_tag)e.best : LEX_TAG_NONE;
        if (info.best == LEX_TAG_NONE) /* damaged entry: take the lowest tag */
            for (int i = 1; i < LEX_TAG_COUNT && !info.best; i++)
                if (e.tags & LEX_TAGBIT(i)) info.best = (lex_tag)i;
        info.wn = e.wn;
    }
    if (out) *out = info;
    return found;
}

/* ---------------------------------------------------------------- lemmas */

enum { P_N, P_V, P_A, P_R };

static int pos_index(char pos) {
    switch (pos) {
    case 'n':
    case 'N': return P_N;
    case 'v':
    case 'V': return P_V;
    case 'a':
    case 'A':
    case 's':
    case 'S': return P_A;
    case 'r':
    case 'R': return P_R;
    default: return -1;
    }
}

/* Copies s[0..n) to buf (cap bytes incl. NUL), cutting at a UTF-8 character boundary. */
static size_t emit(char *buf, size_t cap, const char *s, size_t n) {
    if (cap == 0 || !buf) return 0;
    if (n > cap - 1) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memmove(buf, s, n);
    buf[n] = '\0';
    return n;
}

static int is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int is_cons(char c) {
    return c >= 'a' && c <= 'z' && !is_vowel(c);
}

/* consonant-vowel-consonant ending, final not w/x/y: "hop", "din" (so "hoping" is hope+ing). */
static int cvc(const char *s, size_t n) {
    return n >= 3 && is_cons(s[n - 3]) && is_vowel(s[n - 2]) && is_cons(s[n - 1]) &&
           s[n - 1] != 'w' && s[n - 1] != 'x' && s[n - 1] != 'y';
}

/* Is the candidate stem[0..n) + add a WordNet lemma of POS p? Then it goes to out. */
static int try_cand(const view *v, const char *stem, size_t n, const char *add, int p, char *out,
                    size_t *outlen) {
    size_t k = strlen(add);
    if (n == 0 || n + k > MAX_KEY) return 0;
    memcpy(out, stem, n);
    memcpy(out + n, add, k);
    entry e;
    if (find(v, out, n + k, &e) && (e.wn & (1u << p))) {
        *outlen = n + k;
        return 1;
    }
    return 0;
}

/* Does s[0..n) end with suf, with at least min bytes before it? Suffixes are a few bytes: the
 * loops cost less than strlen and memcmp calls, and most words differ in their last byte. */
static int ends_min(const char *s, size_t n, size_t min, const char *suf) {
    size_t k = 0;
    while (suf[k])
        k++;
    if (n < k + min) return 0;
    for (size_t i = k; i-- > 0;)
        if (s[n - k + i] != suf[i]) return 0;
    return 1;
}

static int ends(const char *s, size_t n, const char *suf) {
    return ends_min(s, n, 1, suf); /* something must remain before the suffix */
}

/* Suffix of an inflection whose stem may have a doubled final consonant or a dropped e:
 * -ed/-ing (verbs), -er/-est (adjectives, adverbs). e_first: try stem+"e" before stem. */
static int try_stem(const view *v, const char *s, size_t n, const char *suf, int p, int e_first,
                    char *out, size_t *outlen) {
    if (!ends(s, n, suf)) return 0;
    size_t m = n - strlen(suf);
    int dbl = m >= 2 && s[m - 1] == s[m - 2] && is_cons(s[m - 1]);
    /* stopped, getting, bigger: prefer the undoubled stem when it is a lemma and looks like one
       (putting -> put rather than putt); ll/ss/ff/zz endings are common in base forms */
    if (dbl && !strchr("lsfz", s[m - 1]) && cvc(s, m - 1) &&
        try_cand(v, s, m - 1, "", p, out, outlen))
        return 1;
    if (e_first < 0) e_first = cvc(s, m) || (m >= 2 && s[m - 2] == 't' && s[m - 1] == 'h');
    if (e_first) {
        if (try_cand(v, s, m, "e", p, out, outlen) || try_cand(v, s, m, "", p, out, outlen))
            return 1;
    } else if (try_cand(v, s, m, "", p, out, outlen) || try_cand(v, s, m, "e", p, out, outlen)) {
        return 1;
    }
    return dbl && try_cand(v, s, m - 1, "", p, out, outlen); /* controlled -> control */
}

/* WordNet's detachment rules (plus a few), in order; the first candidate that is a lemma wins. */
static int rules(const view *v, const char *s, size_t n, int p, char *out, size_t *outlen) {
    static const char *const noun[][2] = {
        {"s", ""},      {"ses", "s"},   {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
        {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {"ves", "f"}, {"ves", "fe"}};
    static const char *const verb[][2] = {
        {"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ied", "y"}};
    static const char *const adj[][2] = {{"ier", "y"}, {"iest", "y"}};
    const char *const(*tab)[2] = NULL;
    size_t nt = 0;
    switch (p) {
    case P_N:
        tab = noun;
        nt = sizeof noun / sizeof noun[0];
        break;
    case P_V:
        tab = verb;
        nt = sizeof verb / sizeof verb[0];
        break;
    default:
        tab = adj;
        nt = sizeof adj / sizeof adj[0];
        break;
    }
    for (size_t i = 0; i < nt; i++) {
        if (!ends(s, n, tab[i][0])) continue;
        if (try_cand(v, s, n - strlen(tab[i][0]), tab[i][1], p, out, outlen)) return 1;
    }
    if (p == P_V)
        return try_stem(v, s, n, "ed", p, 1, out, outlen) ||
               try_stem(v, s, n, "ing", p, -1, out, outlen);
    if (p == P_A || p == P_R)
        return try_stem(v, s, n, "er", p, -1, out, outlen) ||
               try_stem(v, s, n, "est", p, -1, out, outlen);
    return 0;
}

/* Lemma of the lower-cased word s[0..n) (n <= MAX_KEY) for POS index p. Sets *res to the lemma
 * (s itself, out, or a string inside the blob) and *reslen to its length. Returns 1 if WordNet
 * knows the result (irregular form, lemma, or a rule's result), 0 if s is just passed through. */
static int lemma_of(const view *v, const char *s, size_t n, int p, char *out, const char **res,
                    size_t *reslen) {
    entry e;
    int known = find(v, s, n, &e);
    *res = s;
    *reslen = n;
    if (known) {
        const char *l = exc_lemma(v, &e, p);
        if (l) {
            *res = l;
            *reslen = strlen(l);
            return 1;
        }
        if (e.keep & (1u << p)) return 1;
    }
    if (rules(v, s, n, p, out, reslen)) {
        *res = out;
        return 1;
    }
    *reslen = n;
    return known && (e.wn & (1u << p));
}

static int is_upper_at(const char *s, size_t n, size_t i);

/* Regular English plural -> singular by spelling alone (for nouns WordNet lacks):
 * -ies -> -y, -(ch|sh|ss|x|z)es -> drop -es, else drop -s. out has room for n bytes. */
static size_t plural_stem(const char *s, size_t n, char *out) {
    size_t m = n;
    const char *add = "";
    if (ends(s, n, "ies") && n > 4) {
        m = n - 3;
        add = "y";
    } else if (ends(s, n, "ches") || ends(s, n, "shes") || ends(s, n, "sses") ||
               ends(s, n, "xes") || ends(s, n, "zes")) {
        m = n - 2;
    } else if (ends(s, n, "s") && !ends(s, n, "ss")) {
        m = n - 1;
    }
    memcpy(out, s, m);
    memcpy(out + m, add, strlen(add));
    return m + strlen(add);
}

size_t lex_lemma(const lex_table *t, const char *word, size_t len, char pos, char *buf,
                 size_t cap) {
    if (!buf || cap == 0) return 0;
    if (!word) len = 0;
    int p = pos_index(pos);
    view v;
    if (len > MAX_KEY || p < 0 || !view_of(t, &v)) {
        /* no lemma: the word itself lower-cased, cut at a character boundary to fit */
        size_t n = len;
        if (n > cap - 1) {
            n = cap - 1;
            while (n > 0 && ((unsigned char)word[n] & 0xC0) == 0x80)
                n--;
        }
        lower(word, n, buf);
        buf[n] = '\0';
        return n;
    }
    char low[MAX_KEY], out[MAX_KEY];
    lower(word, len, low);
    const char *res;
    size_t n;
    if (lemma_of(&v, low, len, p, out, &res, &n)) return emit(buf, cap, res, n);
    /* unknown: for a hyphenated word, lemmatise the part after the last hyphen
       (ex-presidents -> ex-president) */
    size_t pre = len;
    while (pre > 0 && low[pre - 1] != '-')
        pre--;
    if (pre > 1 && pre < len) {
        char tail[MAX_KEY];
        const char *tres;
        size_t tn;
        if (lemma_of(&v, low + pre, len - pre, p, tail, &tres, &tn) && pre + tn <= MAX_KEY) {
            memcpy(out, low, pre);
            memcpy(out + pre, tres, tn);
            return emit(buf, cap, out, pre + tn);
        }
    }
    /* a plural noun WordNet does not know (ceasefires, airstrikes): strip the plural ending if
       the word looks plural: brill tags it NNS, or it is unknown, not capitalised and its
       shape says NNS */
    if (p == P_N) {
        entry e;
        int plural;
        if (find(&v, word, len, &e) || find(&v, low, len, &e))
            plural = e.best == LEX_NNS;
        else
            /* the guess is NNS only for a word ending in s: skip it for the others */
            plural = !is_upper_at(word, len, 0) && len > 0 && (word[len - 1] | 32) == 's' &&
                     lex_guess(word, len) == LEX_NNS;
        if (plural) {
            size_t m = plural_stem(low, len, out);
            return emit(buf, cap, out, m);
        }
    }
    return emit(buf, cap, low, len);
}

/* ---------------------------------------------------------------- guessing */

typedef struct {
    const char *text;
    lex_tag tag;
} punct;

/* Whole-token punctuation (ASCII and common UTF-8 typography). */
static lex_tag punct_tag(const char *s, size_t n) {
    static const punct table[] = {
        {",", LEX_COMMA},
        {".", LEX_PERIOD},
        {"!", LEX_PERIOD},
        {"?", LEX_PERIOD},
        {":", LEX_COLON},
        {";", LEX_COLON},
        {"-", LEX_COLON},
        {"--", LEX_COLON},
        {"(", LEX_LRB},
        {"[", LEX_LRB},
        {"{", LEX_LRB},
        {")", LEX_RRB},
        {"]", LEX_RRB},
        {"}", LEX_RRB},
        {"``", LEX_LQUOTE},
        {"''", LEX_RQUOTE},
        {"\"", LEX_RQUOTE},
        {"'", LEX_RQUOTE},
        {"`", LEX_LQUOTE},
        {"$", LEX_DOLLAR},
        {"#", LEX_HASH},
        {"\xE2\x80\x9C", LEX_LQUOTE},
        {"\xE2\x80\x98", LEX_LQUOTE},
        {"\xE2\x80\x9D", LEX_RQUOTE},
        {"\xE2\x80\x99", LEX_RQUOTE},
        {"\xE2\x80\xA6", LEX_COLON},
        {"\xE2\x80\x94", LEX_COLON},
        {"\xE2\x80\x93", LEX_COLON},
        {"\xE2\x82\xAC", LEX_DOLLAR},
        {"\xC2\xA3", LEX_DOLLAR},
        {"\xC2\xA5", LEX_DOLLAR},
        {"\xC2\xAB", LEX_LQUOTE},
        {"\xC2\xBB", LEX_RQUOTE},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strlen(table[i].text) == n && memcmp(table[i].text, s, n) == 0) return table[i].tag;
    int dots = 1, stops = 1;
    for (size_t i = 0; i < n; i++) {
        dots &= s[i] == '.';
        stops &= s[i] == '.' || s[i] == '!' || s[i] == '?';
    }
    if (dots) return LEX_COLON;   /* ... */
    if (stops) return LEX_PERIOD; /* ?! */
    return LEX_SYM;
}

static int is_upper_at(const char *s, size_t n, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') return 1;
    return c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
           (unsigned char)s[i + 1] <= 0x9E && (unsigned char)s[i + 1] != 0x97;
}

static int is_lower_ascii(char c) {
    return c >= 'a' && c <= 'z';
}

/* Does the lower-cased s end with one of the NULL-terminated suffixes, keeping >= min bytes? */
static int ends_any(const char *s, size_t n, size_t min, const char *const *sufs) {
    for (; *sufs; sufs++)
        if (ends_min(s, n, min, *sufs)) return 1;
    return 0;
}

static void set_guess(lex_info *out, lex_tag best, uint64_t more) {
    out->best = best;
    out->tags = LEX_TAGBIT(best) | more;
    out->wn = 0;
}

/* Guess for a lower-case alphabetic word (may contain hyphens, apostrophes, ...). */
static void guess_lower(const char *s, size_t n, lex_info *out) {
    static const char *const noun_suf[] = {"ness", "ment", "tion", "sion", "ity", "ism", "ist",
                                           "ship", "hood", "ance", "ence", "dom", "ery", NULL};
    static const char *const adj_suf[] = {"ous", "ful", "less", "able", "ible", "ive",  "ic",
                                          "al",  "ary", "ish",  "ian",  "ese",  "like", NULL};
    static const char *const verb_suf[] = {"ize", "ise", "ify", NULL};
    static const char *const not_plural[] = {"ss", "us", "is", "ous", NULL};
    static const char *const ing[] = {"ing", NULL}, *const ed[] = {"ed", NULL},
                             *const ly[] = {"ly", NULL}, *const est[] = {"est", NULL},
                             *const er[] = {"er", NULL}, *const s_[] = {"s", NULL};

    if (ends_any(s, n, 2, ing))
        set_guess(out, LEX_VBG, LEX_TAGBIT(LEX_NN) | LEX_TAGBIT(LEX_JJ));
    else if (ends_any(s, n, 2, ed))
        set_guess(out, LEX_VBN, LEX_TAGBIT(LEX_VBD) | LEX_TAGBIT(LEX_JJ));
    else if (ends_any(s, n, 2, ly))
        set_guess(out, LEX_RB, LEX_TAGBIT(LEX_JJ));
    else if (ends_any(s, n, 2, noun_suf))
        set_guess(out, LEX_NN, 0);
    else if (ends_any(s, n, 2, adj_suf))
        set_guess(out, LEX_JJ, LEX_TAGBIT(LEX_NN));
    else if (ends_any(s, n, 2, verb_suf))
        set_guess(out, LEX_VB, LEX_TAGBIT(LEX_VBP));
    else if (ends_any(s, n, 2, est))
        set_guess(out, LEX_JJS, 0);
    else if (ends_any(s, n, 2, er))
        set_guess(out, LEX_NN, LEX_TAGBIT(LEX_JJR));
    else if (ends_any(s, n, 2, s_) && !ends_any(s, n, 0, not_plural))
        set_guess(out, LEX_NNS, LEX_TAGBIT(LEX_VBZ));
    else
        set_guess(out, LEX_NN, LEX_TAGBIT(LEX_JJ));
}

void lex_guess_info(const char *word, size_t len, lex_info *out) {
    lex_info dummy;
    if (!out) out = &dummy;
    out->tags = 0;
    out->best = LEX_TAG_NONE;
    out->wn = 0;
    if (!word || len == 0) return;

    size_t digits = 0, letters = 0, hyphens = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        if (c >= '0' && c <= '9')
            digits++;
        else if ((c | 32) >= 'a' && (c | 32) <= 'z')
            letters++;
        else if (c >= 0xC0) /* a non-ASCII character: count it as a letter, unless punctuation */
            letters +=
                !(c == 0xE2 || (c == 0xC2 && i + 1 < len && (unsigned char)word[i + 1] < 0xC0));
        else if (c == '-')
            hyphens++;
    }

    if (digits == 0 && letters == 0) {
        set_guess(out, punct_tag(word, len), 0);
        return;
    }

    unsigned char c0 = (unsigned char)word[0];
    int numeric_start =
        (c0 >= '0' && c0 <= '9') ||
        (len > 1 && (c0 == '.' || c0 == '-' || c0 == '+') && word[1] >= '0' && word[1] <= '9');
    if (numeric_start || (digits > 0 && letters == 0)) {
        if (letters == 0) {
            set_guess(out, LEX_CD, 0); /* 1,000  3.5  2024-01-01  50% */
            return;
        }
        /* 1st 22nd 3rd 4th 20-year-old 5-day: adjectives; 1990s 10km 5pm: numbers */
        size_t i = 0;
        while (i < len && word[i] >= '0' && word[i] <= '9')
            i++;
        if (len - i == 2) {
            char a = (char)(word[i] | 32), b = (char)(word[i + 1] | 32);
            if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
                (a == 't' && b == 'h')) {
                set_guess(out, LEX_JJ, 0);
                return;
            }
        }
        if (hyphens > 0)
            set_guess(out, LEX_JJ, LEX_TAGBIT(LEX_CD));
        else
            set_guess(out, LEX_CD, LEX_TAGBIT(LEX_NNS));
        return;
    }

    char low[MAX_KEY];
    size_t n = len > MAX_KEY ? MAX_KEY : len;
    const char *s = word + (len - n); /* suffixes matter: keep the end of an overlong word */
    lower(s, n, low);

    /* hyphenated: decide on the last part (Iranian-backed, cease-fires, anti-government) */
    size_t last = n;
    while (last > 0 && low[last - 1] != '-')
        last--;
    if (last > 0 && last < n) {
        lex_info tail;
        lex_guess_info(s + last, n - last, &tail);
        if (tail.best == LEX_NNS || tail.best == LEX_NNPS)
            set_guess(out, LEX_NNS, LEX_TAGBIT(LEX_JJ));
        else if (tail.best == LEX_JJ || tail.best == LEX_VBN || tail.best == LEX_VBD ||
                 tail.best == LEX_VBG || !is_upper_at(word, len, 0))
            set_guess(out, LEX_JJ, LEX_TAGBIT(LEX_NN)); /* US-led, long-running, anti-war */
        else
            set_guess(out, LEX_NNP, LEX_TAGBIT(LEX_JJ)); /* Al-Shabab */
        return;
    }

    if (is_upper_at(word, len, 0)) {
        static const char *const nationality[] = {"ian", "ean", "ese", "ish", "ic", NULL};
        static const char *const nationals[] = {"ians", "eans", NULL};
        int all_caps = 1;
        for (size_t i = 0; i < len; i++)
            if (is_lower_ascii(word[i])) all_caps = 0;
        if (ends_any(low, n, 2, nationals))
            set_guess(out, LEX_NNPS, LEX_TAGBIT(LEX_NNS));
        else if (!all_caps && ends_any(low, n, 2, nationality))
            set_guess(out, LEX_JJ, LEX_TAGBIT(LEX_NNP)); /* Russian, Chinese, Kurdish */
        else if (len > 2 && word[len - 1] == 's' && !is_lower_ascii(word[len - 2]))
            set_guess(out, LEX_NNPS, LEX_TAGBIT(LEX_NNP)); /* NGOs */
        else
            set_guess(out, LEX_NNP, LEX_TAGBIT(LEX_NN));
        return;
    }
    guess_lower(low, n, out);
}

lex_tag lex_guess(const char *word, size_t len) {
    lex_info info;
    lex_guess_info(word, len, &info);
    return info.best;
}

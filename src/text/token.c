/* token.c: tokeniser and sentence splitter; see token.h.
 *
 * One left-to-right pass over the bytes. A word is a run of letters, digits and marks, with
 * internal '.', '-', '&', '/' and apostrophes kept when a letter or digit follows them ("U.S",
 * "al-Shabab", "3.5", "AT&T"). A final '.' stays on the word when the word is an abbreviation
 * (a known title, month or initial, or a word with internal periods), so "Mr." and "U.S." are one
 * token. Clitics are split the Penn way: "Russia's" -> "Russia" "'s", "don't" -> "do" "n't". */
#include "token.h"

#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

/* Abbreviations that never end a sentence (titles, months, initials handled separately). */
static const char *const TITLES[] = {
    "mr",  "mrs",  "ms",     "dr",     "gen",  "sen",  "rep",  "gov",  "lt",   "col",
    "sgt", "capt", "cpl",    "adm",    "maj",  "cmdr", "rev",  "prof", "st",   "pres",
    "amb", "supt", "insp",   "messrs", "hon",  "fr",   "jan",  "feb",  "mar",  "apr",
    "jun", "jul",  "aug",    "sep",    "sept", "oct",  "nov",  "dec",  "no",   "nos",
    "vs",  "v",    "approx", "dept",   "est",  "ft",   "mt",   "ave",  "blvd", "fig",
    "vol", "op",   "brig",   "lieut",  "gens", "reps", "sens", "govs", NULL};
/* Abbreviations that may also end a sentence ("... based in the U.S. The talks ..."). */
static const char *const ENDERS[] = {"inc",  "corp", "co",  "ltd", "jr",  "sr", "etc",
                                     "bros", "plc",  "llc", "p.m", "a.m", NULL};
/* Capitalised words that, after an ambiguous abbreviation, start a new sentence. */
/* Not "President", "Prime", "officials": "U.S. President Biden", "U.S. officials said". */
static const char *const STARTERS[] = {
    "the",     "he",        "she",  "it",    "they",  "we",   "i",     "but",   "in",    "a",
    "an",      "this",      "that", "these", "those", "on",   "at",    "as",    "mr.",   "mrs.",
    "ms.",     "his",       "her",  "their", "its",   "our",  "there", "after", "while", "when",
    "however", "meanwhile", "and",  "if",    "for",   "some", "both",  "many",  NULL};

/* Is s[0..n) (n >= 1, no NUL inside) one of the words of the list? */
static int in_list(const char *const *list, const char *s, size_t n) {
    for (size_t i = 0; list[i]; i++)
        if (list[i][0] == s[0] && strncmp(list[i], s, n) == 0 && list[i][n] == '\0') return 1;
    return 0;
}

typedef struct {
    const char *text;
    size_t len;
} src;

/* Decode one code point at i (never past len); invalid bytes decode as themselves. */
static utf8proc_int32_t cp_at(src s, size_t i, size_t *clen) {
    unsigned char b = (unsigned char)s.text[i];
    if (b < 0x80) { /* ASCII fast path */
        *clen = 1;
        return b;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)s.text + i, (utf8proc_ssize_t)(s.len - i), &cp);
    if (n <= 0) {
        *clen = 1;
        return (unsigned char)s.text[i];
    }
    *clen = (size_t)n;
    return cp;
}

/* Classes of the ASCII bytes, by table: the tokenizer tests every byte. Bytes from 0x80 have
 * none (they start or continue a multi-byte character, decoded apart). */
enum { C_WORD = 1, C_UPPER = 2, C_LOWER = 4, C_SPACE = 8 };
/* '_' separates words too: "Dol_Amroth" in feeds that join names */
#define ASCII_CLASS_OF(c)                                                                          \
    (uint8_t)((((c) >= 'a' && (c) <= 'z') ? C_WORD | C_LOWER : 0) |                                \
              (((c) >= 'A' && (c) <= 'Z') ? C_WORD | C_UPPER : 0) |                                \
              (((c) >= '0' && (c) <= '9') ? C_WORD : 0) |                                          \
              (((c) == ' ' || (c) == '_' || (c) == '\t' || (c) == '\n' || (c) == '\r' ||           \
                (c) == '\f' || (c) == '\v' || (c) == 0)                                            \
                   ? C_SPACE                                                                       \
                   : 0))
#define CLASS4(c)                                                                                  \
    ASCII_CLASS_OF(c), ASCII_CLASS_OF(c + 1), ASCII_CLASS_OF(c + 2), ASCII_CLASS_OF(c + 3)
#define CLASS16(c) CLASS4(c), CLASS4(c + 4), CLASS4(c + 8), CLASS4(c + 12)
static const uint8_t BYTE_CLASS[256] = {CLASS16(0),  CLASS16(16), CLASS16(32), CLASS16(48),
                                        CLASS16(64), CLASS16(80), CLASS16(96), CLASS16(112)};

static int is_space_cp(utf8proc_int32_t c) {
    if (c < 128) return BYTE_CLASS[c] & C_SPACE;
    return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == 0xFEFF;
}

static inline int is_word_ascii(utf8proc_int32_t c) {
    return BYTE_CLASS[c] & C_WORD;
}

static int is_word_non_ascii(utf8proc_int32_t c) {
    if (c > 0x10FFFF) return 1;
    utf8proc_category_t cat = utf8proc_category(c);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ND) ||
           cat == UTF8PROC_CATEGORY_NL || cat == UTF8PROC_CATEGORY_NO;
}

static inline int is_word_cp(utf8proc_int32_t c) {
    return c < 128 ? is_word_ascii(c) : is_word_non_ascii(c);
}

static int is_apostrophe(utf8proc_int32_t c) {
    return c == '\'' || c == 0x2019 || c == 0x2018;
}
static int is_dquote(utf8proc_int32_t c) {
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB;
}

typedef struct {
    arena *a;
    token *v;
    uint32_t n, cap;
} tokvec;

/* The token vector's growth, out of the way of push_tok(). */
static int grow_toks(tokvec *tv) {
    uint32_t ncap = tv->cap ? tv->cap * 2 : 256;
    token *nv = arena_alloc(tv->a, (size_t)ncap * sizeof *nv);
    if (!nv) return -1;
    if (tv->n) memcpy(nv, tv->v, (size_t)tv->n * sizeof *nv);
    tv->v = nv;
    tv->cap = ncap;
    return 0;
}

static inline token *push_tok(tokvec *tv, uint32_t start, uint32_t end, uint16_t flags) {
    if (tv->n == tv->cap && grow_toks(tv) < 0) return NULL;
    token *t = &tv->v[tv->n++];
    t->start = start;
    t->end = end;
    t->flags = flags;
    t->norm = NULL;
    t->norm_len = 0;
    return t;
}

/* The bytes normalise() may write for a token of n bytes (with its NUL). */
static size_t norm_room(size_t n) {
    return n * 2 + 8;
}

/* Lower-case and normalise a token's bytes into out (norm_room() bytes). */
static void normalise(src s, token *t, char *out) {
    size_t n = t->end - t->start;
    size_t o = 0, i = t->start;
    int letters = 0, upper = 0, first_upper = -1;
    /* ASCII fast path: the same steps as the ASCII branch below, without decoding */
    for (; i < t->end && (unsigned char)s.text[i] < 0x80; i++) {
        char c = s.text[i];
        uint8_t k = BYTE_CLASS[(unsigned char)c];
        if (k & (C_UPPER | C_LOWER)) {
            letters++;
            if (first_upper < 0) first_upper = (k & C_UPPER) != 0;
            if (k & C_UPPER) {
                upper++;
                c += 32;
            }
        }
        out[o++] = c;
    }
    while (i < t->end) {
        size_t clen;
        utf8proc_int32_t c = cp_at(s, i, &clen);
        if (i + clen > t->end) clen = t->end - i;
        i += clen;
        if (c < 128) {
            if (c >= 'A' && c <= 'Z') {
                letters++;
                upper++;
                if (first_upper < 0) first_upper = 1;
                c += 32;
            } else if (c >= 'a' && c <= 'z') {
                letters++;
                if (first_upper < 0) first_upper = 0;
            }
            out[o++] = (char)c;
            continue;
        }
        if (is_apostrophe(c))
            c = '\'';
        else if (is_dquote(c))
            c = '"';
        else if (c == 0x2013 || c == 0x2014 || c == 0x2212)
            c = '-';
        if (c <= 0x10FFFF && utf8proc_category(c) >= UTF8PROC_CATEGORY_LU &&
            utf8proc_category(c) <= UTF8PROC_CATEGORY_LO) {
            letters++;
            int up = utf8proc_isupper(c);
            upper += up;
            if (first_upper < 0) first_upper = up;
            c = utf8proc_tolower(c);
        }
        if (c > 0x10FFFF) c = 0xFFFD;
        utf8proc_uint8_t buf[4];
        utf8proc_ssize_t w = utf8proc_encode_char(c, buf);
        if (w <= 0) {
            buf[0] = '?';
            w = 1;
        }
        memcpy(out + o, buf, (size_t)w);
        o += (size_t)w;
        if (o > 60000) break;
    }
    out[o] = '\0';
    t->norm = out;
    t->norm_len = (uint16_t)o;
    if (first_upper == 1) t->flags |= TOK_CAP;
    /* "el-Sisi", "al-Assad", "bin-Salman": a lower-case particle before a capitalised name (the
     * hyphen within the first 5 bytes) */
    if (first_upper == 0 && n < 40) {
        const char *h = NULL;
        for (size_t j = 0; j < n && j < 5 && !h; j++)
            if (s.text[t->start + j] == '-') h = s.text + t->start + j;
        if (h && h + 1 < s.text + t->end && isupper((unsigned char)h[1]) &&
            h - (s.text + t->start) <= 4)
            t->flags |= TOK_CAP;
    }
    if (letters > 0 && upper == letters) t->flags |= TOK_ALLCAPS;
    if (t->end > t->start && (unsigned)(s.text[t->start] - '0') < 10) t->flags |= TOK_DIGIT;
}

/* Normalise every token, into one arena block. */
static int normalise_all(arena *a, src s, token *toks, uint32_t n) {
    size_t room = 0;
    for (uint32_t i = 0; i < n; i++)
        room += norm_room(toks[i].end - toks[i].start);
    char *out = arena_alloc(a, room ? room : 1);
    if (!out) return -1;
    for (uint32_t i = 0; i < n; i++) {
        normalise(s, &toks[i], out);
        out += norm_room(toks[i].end - toks[i].start);
    }
    return 0;
}

/* Scan one word starting at i; returns its end. Internal . - & / ' are kept when followed by a
 * word character. *odd is set when the word holds a ' or a non-ASCII byte (which may be part
 * of an apostrophe), else left alone. */
static size_t scan_word(src s, size_t i, int *odd) {
    while (i < s.len) {
        utf8proc_int32_t b = (unsigned char)s.text[i];
        if (b < 0x80) { /* ASCII fast path: the same steps as below */
            if (is_word_ascii(b)) {
                i++;
                continue;
            }
            if ((b == '.' || b == '-' || b == '&' || b == '/' || b == '\'') && i + 1 < s.len) {
                size_t c2len;
                if (is_word_cp(cp_at(s, i + 1, &c2len))) {
                    if (b == '\'') *odd = 1;
                    i++;
                    continue;
                }
            }
            break;
        }
        *odd = 1;
        size_t clen;
        utf8proc_int32_t c = cp_at(s, i, &clen);
        if (is_word_cp(c) || (c >= 0x300 && c <= 0x36F)) {
            i += clen;
            continue;
        }
        if (c == '.' || c == '-' || c == '&' || c == '/' || is_apostrophe(c) || c == 0x2010 ||
            c == 0x2011) {
            if (i + clen < s.len) {
                size_t c2len;
                utf8proc_int32_t c2 = cp_at(s, i + clen, &c2len);
                if (is_word_cp(c2)) {
                    i += clen;
                    continue;
                }
            }
        }
        break;
    }
    return i;
}

static int word_has_internal_period(src s, size_t b, size_t e) {
    for (size_t i = b; i < e; i++)
        if (s.text[i] == '.') return 1;
    return 0;
}

/* Is the word [b,e) followed by '.' an abbreviation that keeps the period? */
static int keeps_period(src s, size_t b, size_t e, int *may_end) {
    size_t n = e - b;
    char low[16] = {0};
    *may_end = 0;
    if (word_has_internal_period(s, b, e)) { /* U.S, U.N, p.m */
        *may_end = 1;
        return n <= 12;
    }
    if (n == 1 && isupper((unsigned char)s.text[b])) return 1; /* initial: Vladimir V. Putin */
    if (n >= sizeof low) return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)s.text[b + i]);
    if (in_list(TITLES, low, n)) {
        /* "no." only before a number: "No. 10"; plain "no." ends a sentence. */
        if (n == 2 && low[0] == 'n' && low[1] == 'o') {
            size_t j = e + 1;
            while (j < s.len && s.text[j] == ' ')
                j++;
            return j < s.len && isdigit((unsigned char)s.text[j]);
        }
        return 1;
    }
    if (in_list(ENDERS, low, n)) {
        *may_end = 1;
        return 1;
    }
    return 0;
}

/* Split clitics off a word token [b,e): 's ' n't 're 've 'll 'd 'm. Returns the split point or e.
 * odd: scan_word() saw a ' or a non-ASCII byte (else there is no apostrophe, ASCII or curly). */
static size_t clitic_split(src s, size_t b, size_t e, int odd) {
    size_t n = e - b;
    const char *w = s.text + b;
    if (n < 3 || !odd) return e;
    /* n't */
    if (n >= 4 && (w[n - 1] == 't' || w[n - 1] == 'T') && (w[n - 3] == 'n' || w[n - 3] == 'N') &&
        w[n - 2] == '\'')
        return e - 3;
    if (n >= 6 && (w[n - 1] == 't' || w[n - 1] == 'T') && (w[n - 5] == 'n' || w[n - 5] == 'N') &&
        (unsigned char)w[n - 4] == 0xE2 && (unsigned char)w[n - 3] == 0x80 &&
        (unsigned char)w[n - 2] == 0x99)
        return e - 5;
    /* 's 're 've 'll 'd 'm with ASCII or curly apostrophe */
    static const char *const suff[] = {"s", "re", "ve", "ll", "d", "m", NULL};
    for (int k = 0; suff[k]; k++) {
        size_t sl = strlen(suff[k]);
        if (n > sl + 1) {
            const char *p = w + n - sl;
            int match = 1;
            for (size_t i = 0; i < sl; i++)
                if (tolower((unsigned char)p[i]) != suff[k][i]) match = 0;
            if (!match) continue;
            if (p[-1] == '\'') return e - sl - 1;
            if (n > sl + 3 && (unsigned char)p[-3] == 0xE2 && (unsigned char)p[-2] == 0x80 &&
                (unsigned char)p[-1] == 0x99)
                return e - sl - 3;
        }
    }
    return e;
}

static int starter_follows(src s, size_t i) {
    while (i < s.len && (s.text[i] == ' ' || s.text[i] == '\t'))
        i++;
    if (i >= s.len) return 1;
    if (s.text[i] == '\n') return 1;
    if (!isupper((unsigned char)s.text[i]) && s.text[i] != '"' && (unsigned char)s.text[i] != 0xE2)
        return 0;
    size_t j = i;
    while (j < s.len && (isalpha((unsigned char)s.text[j]) || s.text[j] == '.'))
        j++;
    char low[16];
    size_t n = j - i;
    if (n == 0) return (unsigned char)s.text[i] == 0xE2 || s.text[i] == '"';
    if (n >= sizeof low) return 0;
    for (size_t k = 0; k < n; k++)
        low[k] = (char)tolower((unsigned char)s.text[i + k]);
    return in_list(STARTERS, low, n);
}

int tok_is_quote_mark(const token *t) {
    return (t->flags & (TOK_QOPEN | TOK_QCLOSE)) != 0;
}

/* Decide whether a double quote at byte i opens or closes, given the quote state. */
static uint16_t quote_kind(src s, size_t i, utf8proc_int32_t c, int in_quote) {
    if (c == 0x201C || c == 0x201E || c == 0xAB) return TOK_QOPEN;
    if (c == 0x201D || c == 0xBB) return TOK_QCLOSE;
    (void)s;
    (void)i;
    return in_quote ? TOK_QCLOSE : TOK_QOPEN;
}

static int tokenize_pass(src s, tokvec *tv, arena *a) {
    size_t i = 0;
    int in_quote = 0, newline_seen = 1;
    while (i < s.len) {
        size_t clen;
        utf8proc_int32_t c = cp_at(s, i, &clen);
        if (is_space_cp(c)) {
            if (c == '\n') {
                newline_seen = 1;
                in_quote = 0; /* a quote continued in the next paragraph reopens there */
            }
            i += clen;
            continue;
        }
        uint16_t para = newline_seen ? TOK_PARA : 0;
        newline_seen = 0;
        if (is_word_cp(c)) {
            int odd = 0, may_end = 0;
            size_t e = scan_word(s, i, &odd);
            size_t split = clitic_split(s, i, e, odd);
            if (split < e) {
                if (!push_tok(tv, (uint32_t)i, (uint32_t)split, para)) return -1;
                if (!push_tok(tv, (uint32_t)split, (uint32_t)e, 0)) return -1;
            } else if (e < s.len && s.text[e] == '.' && keeps_period(s, i, e, &may_end)) {
                uint16_t f = (uint16_t)(para | TOK_ABBREV);
                token *t = push_tok(tv, (uint32_t)i, (uint32_t)(e + 1), f);
                if (!t) return -1;
                /* An abbreviation that may end a sentence does so before a sentence starter,
                 * or at the end of a paragraph: add a virtual end marker of zero width. */
                if (may_end && starter_follows(s, e + 1)) {
                    if (!push_tok(tv, (uint32_t)(e + 1), (uint32_t)(e + 1), TOK_PUNCT)) return -1;
                }
                e++;
            } else {
                if (!push_tok(tv, (uint32_t)i, (uint32_t)e, para)) return -1;
            }
            i = e;
            continue;
        }
        uint16_t f = (uint16_t)(para | TOK_PUNCT);
        if (is_dquote(c)) {
            uint16_t k = quote_kind(s, i, c, in_quote);
            f |= k;
            in_quote = (k == TOK_QOPEN);
        } else if (is_apostrophe(c)) {
            /* A lone single quote: plural possessive (allies') or a single-quoted span. */
            f = (uint16_t)(para | TOK_PUNCT);
        }
        size_t e = i + clen;
        /* Runs of the same ASCII punctuation (..., --) stay one token. */
        if (c < 128 && !is_dquote(c))
            while (e < s.len && s.text[e] == (char)c)
                e++;
        if (!push_tok(tv, (uint32_t)i, (uint32_t)e, f)) return -1;
        i = e;
    }
    (void)a;
    return 0;
}

/* Mark quotation spans: tokens between an opening and a closing mark. */
static void mark_quotes(token *t, uint32_t n) {
    int in = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (t[i].flags & TOK_PARA) in = 0;
        if (t[i].flags & TOK_QOPEN) {
            in = 1;
            continue;
        }
        if (t[i].flags & TOK_QCLOSE) {
            in = 0;
            continue;
        }
        if (in) t[i].flags |= TOK_INQUOTE;
    }
}

static int is_terminal(const token *t) {
    if (!(t->flags & TOK_PUNCT)) return 0;
    if (t->end == t->start) return 1; /* virtual end after an abbreviation */
    char c = t->norm[0];
    return c == '.' || c == '!' || c == '?';
}

static int is_closer(const token *t) {
    if (t->flags & TOK_QCLOSE) return 1;
    if (!(t->flags & TOK_PUNCT)) return 0;
    return t->norm[0] == ')' || t->norm[0] == ']' || t->norm[0] == '\'';
}

static int split_sentences(arena *a, src s, tokenized *out) {
    uint32_t cap = 64, n = 0, para = 0;
    sentence *v = arena_alloc(a, cap * sizeof *v);
    if (!v) return -1;
    uint32_t first = 0;
    for (uint32_t i = 0; i < out->ntoks; i++) {
        token *t = &out->toks[i];
        int end_here = 0;
        if (i + 1 < out->ntoks && (out->toks[i + 1].flags & TOK_PARA)) end_here = 1;
        if (i + 1 == out->ntoks) end_here = 1;
        if (is_terminal(t)) {
            while (i + 1 < out->ntoks && is_closer(&out->toks[i + 1]) &&
                   !(out->toks[i + 1].flags & TOK_PARA))
                i++;
            end_here = 1;
            /* "3.5 p.m. on Friday" etc.: no split if the next token is lower case */
            if (i + 1 < out->ntoks && !(out->toks[i + 1].flags & TOK_PARA)) {
                const token *nx = &out->toks[i + 1];
                if (!(nx->flags & (TOK_CAP | TOK_DIGIT | TOK_QOPEN | TOK_PUNCT))) end_here = 0;
            }
        }
        /* A run-on "sentence" (a table, a list, text without punctuation) is cut every
         * TEXT_MAX_SENTENCE_TOKENS tokens, so that the later layers stay linear in practice. */
        if (!end_here && i + 1 - first >= TEXT_MAX_SENTENCE_TOKENS) {
            end_here = 1;
            out->cut_sentences++;
        }
        if (!end_here) continue;
        if (n == cap) {
            sentence *nv = arena_alloc(a, (size_t)cap * 2 * sizeof *nv);
            if (!nv) return -1;
            memcpy(nv, v, (size_t)n * sizeof *nv);
            v = nv;
            cap *= 2;
        }
        if (out->toks[first].flags & TOK_PARA && n > 0) para++;
        v[n].first = first;
        v[n].count = i + 1 - first;
        v[n].start = out->toks[first].start;
        v[n].end = out->toks[i].end;
        v[n].paragraph = para;
        out->toks[first].flags |= TOK_SENT_START;
        n++;
        first = i + 1;
    }
    (void)s;
    out->sents = v;
    out->nsents = n;
    return 0;
}

int text_tokenize(arena *a, const char *text, size_t len, tokenized *out) {
    src s = {text, len};
    tokvec tv = {a, NULL, 0, 0};
    memset(out, 0, sizeof *out);
    if (tokenize_pass(s, &tv, a) < 0) return -1;
    if (normalise_all(a, s, tv.v, tv.n) < 0) return -1;
    mark_quotes(tv.v, tv.n);
    out->toks = tv.v;
    out->ntoks = tv.n;
    return split_sentences(a, s, out);
}

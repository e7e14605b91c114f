/* dict.c: the dictionary builder, freezing into indexes, and lookups; see dict.h. */
#include "dict.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VEC_PUSH(vec, item, fail)                                                                  \
    do {                                                                                           \
        if ((vec).n == (vec).cap) {                                                                \
            uint32_t ncap_ = (vec).cap ? (vec).cap * 2 : 64;                                       \
            void *nv_ = realloc((vec).v, (size_t)ncap_ * sizeof *(vec).v);                         \
            if (!nv_) {                                                                            \
                fail;                                                                              \
            }                                                                                      \
            (vec).v = nv_;                                                                         \
            (vec).cap = ncap_;                                                                     \
        }                                                                                          \
        (vec).v[(vec).n++] = (item);                                                               \
    } while (0)

int dict_init(dict *d) {
    memset(d, 0, sizeof *d);
    if (intern_init(&d->strings) < 0) return -1;
    if (intern_init(&d->stems) < 0) {
        intern_free(&d->strings);
        return -1;
    }
    if (intern_init(&d->endings) < 0 || intern_init(&d->verb_endings) < 0) {
        intern_free(&d->strings);
        intern_free(&d->stems);
        intern_free(&d->endings);
        return -1;
    }
    return 0;
}

void dict_free(dict *d) {
    if (!d) return;
    intern_free(&d->strings);
    intern_free(&d->stems);
    intern_free(&d->endings);
    intern_free(&d->verb_endings);
    free(d->words.v);
    free(d->phrases.v);
    free(d->actors.v);
    free(d->roles.v);
    free(d->agents.v);
    free(d->issues.v);
    free(d->elems.v);
    free(d->patterns.v);
    free(d->verbs.v);
    free(d->sets.v);
    free(d->set_items.v);
    free(d->codes.v);
    free(d->set_slots);
    free(d->set_next);
    free(d->set_loose);
    free(d->set_starts);
    free(d->pair_slots);
    free(d->pair_first);
    free(d->pair_list);
    free(d->phrase_heads);
    free(d->phrase_list);
    free(d->verb_heads);
    free(d->verb_list);
    memset(d, 0, sizeof *d);
}

uint32_t dict_word_id(dict *d, const char *s, size_t n) {
    char buf[256];
    if (n >= sizeof buf) n = sizeof buf - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)tolower((unsigned char)s[i]);
    return intern_add(&d->strings, buf, n);
}

void dict_warn(dict *d, const char *file, long line, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    d->warnings++;
    if (d->warn) d->warn(d->warn_user, file, line, msg);
}

static int code_char_ok(char c) {
    return isalnum((unsigned char)c) || c == '-';
}

int dict_parse_code(const char *s, size_t n, dict_code *out) {
    memset(out, 0, sizeof *out);
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0) return -1;
    const char *colon = memchr(s, ':', n);
    size_t n1 = colon ? (size_t)(colon - s) : n;
    if (n1 == 0 || n1 >= sizeof out->code) return -1;
    for (size_t i = 0; i < n1; i++)
        if (!code_char_ok(s[i])) return -1;
    if (!(n1 == 3 && memcmp(s, "---", 3) == 0)) memcpy(out->code, s, n1);
    if (colon) {
        size_t n2 = n - n1 - 1;
        if (n2 == 0 || n2 >= sizeof out->paired) return -1;
        for (size_t i = 0; i < n2; i++)
            if (!code_char_ok(colon[1 + i])) return -1;
        if (!(n2 == 3 && memcmp(colon + 1, "---", 3) == 0)) memcpy(out->paired, colon + 1, n2);
    }
    return 0;
}

static int all_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return n > 0;
}

static int32_t atoin(const char *s, size_t n) {
    int32_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static int32_t valid_ymd(int32_t y, int32_t m, int32_t dd) {
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || dd < 1 || dd > 31) return -1;
    return y * 10000 + m * 100 + dd;
}

int32_t dict_parse_date(const char *s, size_t n) {
    if (n == 6 && all_digits(s, 6)) { /* TABARI YYMMDD: 00-29 are 20xx, else 19xx */
        int32_t yy = atoin(s, 2);
        return valid_ymd(yy < 30 ? 2000 + yy : 1900 + yy, atoin(s + 2, 2), atoin(s + 4, 2));
    }
    if (n == 8 && all_digits(s, 8)) return valid_ymd(atoin(s, 4), atoin(s + 4, 2), atoin(s + 6, 2));
    if (n == 4 && all_digits(s, 4)) return valid_ymd(atoin(s, 4), 1, 1);
    if (n == 7 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2))
        return valid_ymd(atoin(s, 4), atoin(s + 5, 2), 1);
    if (n == 10 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2) && s[7] == '-' &&
        all_digits(s + 8, 2))
        return valid_ymd(atoin(s, 4), atoin(s + 5, 2), atoin(s + 8, 2));
    return -1;
}

/* Remember a word that takes TABARI's regular endings (see DW_ENDINGS). */
static int dict_add_ending_word(dict *d, uint32_t word) {
    const char *s = intern_str(&d->strings, word);
    return intern_add(&d->endings, s, strlen(s)) ? 0 : -1;
}

uint32_t dict_add_words(dict *d, const dict_word *w, uint32_t n) {
    uint32_t off = d->words.n;
    for (uint32_t i = 0; i < n; i++) {
        VEC_PUSH(d->words, w[i], return UINT32_MAX);
        if ((w[i].flags & DW_ENDINGS) && dict_add_ending_word(d, w[i].word) < 0) return UINT32_MAX;
        if (w[i].flags & DW_STEM) {
            const char *s = intern_str(&d->strings, w[i].word);
            size_t len = strlen(s);
            if (!intern_add(&d->stems, s, len)) return UINT32_MAX;
            if (len > d->max_stem_len) d->max_stem_len = (uint32_t)len;
            if (len < 3)
                d->short_stems = 1;
            else {
                uint32_t h = ((uint32_t)(unsigned char)s[0] * 31u + (unsigned char)s[1]) * 31u +
                             (unsigned char)s[2];
                h &= 0xffff;
                d->stem_prefix[h >> 3] |= (uint8_t)(1u << (h & 7));
            }
        }
    }
    return off;
}

uint32_t dict_add_actor(dict *d, uint32_t name, uint32_t file, uint32_t line) {
    dict_actor a = {
        .roles_off = d->roles.n, .roles_n = 0, .name = name, .file = file, .line = line};
    VEC_PUSH(d->actors, a, return UINT32_MAX);
    return d->actors.n - 1;
}

int dict_add_role(dict *d, uint32_t actor, const dict_role *r) {
    if (actor + 1 != d->actors.n) return -1;
    VEC_PUSH(d->roles, *r, return -1);
    d->actors.v[actor].roles_n++;
    return 0;
}

uint32_t dict_add_agent(dict *d, const char *code, int prefix) {
    dict_agent a;
    memset(&a, 0, sizeof a);
    snprintf(a.code, sizeof a.code, "%s", code);
    a.prefix = (uint8_t)(prefix != 0);
    VEC_PUSH(d->agents, a, return UINT32_MAX);
    return d->agents.n - 1;
}

uint32_t dict_add_issue(dict *d, const char *code) {
    uint32_t id = intern_add(&d->strings, code, strlen(code));
    if (!id) return UINT32_MAX;
    VEC_PUSH(d->issues, id, return UINT32_MAX);
    return d->issues.n - 1;
}

uint32_t dict_add_phrase(dict *d, const dict_word *w, uint32_t n, dict_phrase_kind kind,
                         uint32_t target, int story) {
    if (n == 0 || n > 0xffff) return UINT32_MAX;
    uint32_t off = dict_add_words(d, w, n);
    if (off == UINT32_MAX) return UINT32_MAX;
    dict_phrase p = {.words_off = off,
                     .n = (uint16_t)n,
                     .kind = (uint8_t)kind,
                     .story = (uint8_t)(story != 0),
                     .target = target};
    VEC_PUSH(d->phrases, p, return UINT32_MAX);
    return d->phrases.n - 1;
}

uint32_t dict_add_set(dict *d, uint32_t name) {
    dict_set s = {.items_off = d->set_items.n, .items_n = 0, .name = name};
    VEC_PUSH(d->sets, s, return UINT32_MAX);
    return d->sets.n - 1;
}

/* Set items of one set must be contiguous: they are added right after dict_add_set, or the
 * set's items are moved to the end when a later set was created in between. */
int dict_add_set_item(dict *d, uint32_t set, const dict_word *w, uint32_t n) {
    dict_set *s = &d->sets.v[set];
    if (s->items_off + s->items_n != d->set_items.n) {
        uint32_t old = s->items_off, cnt = s->items_n;
        s->items_off = d->set_items.n;
        for (uint32_t i = 0; i < cnt; i++) {
            dict_set_item it = d->set_items.v[old + i];
            VEC_PUSH(d->set_items, it, return -1);
        }
        s = &d->sets.v[set];
    }
    uint32_t off = dict_add_words(d, w, n);
    if (off == UINT32_MAX) return -1;
    dict_set_item it = {.words_off = off, .n = n};
    VEC_PUSH(d->set_items, it, return -1);
    d->sets.v[set].items_n++;
    return 0;
}

uint32_t dict_find_set(const dict *d, uint32_t name) {
    for (uint32_t i = d->sets.n; i-- > 0;)
        if (d->sets.v[i].name == name) return i;
    return UINT32_MAX;
}

uint32_t dict_add_verb(dict *d, const dict_word *anchor, uint32_t n, const dict_code *code,
                       int noun, uint32_t text, uint32_t file, uint32_t line) {
    if (n == 0) return UINT32_MAX;
    uint32_t off = dict_add_words(d, anchor, n);
    if (off == UINT32_MAX) return UINT32_MAX;
    for (uint32_t i = 0; i < n; i++)
        if (anchor[i].flags & DW_ENDINGS) {
            const char *s = intern_str(&d->strings, anchor[i].word);
            if (!intern_add(&d->verb_endings, s, strlen(s))) return UINT32_MAX;
        }
    dict_verb v = {.anchor_off = off,
                   .anchor_n = n,
                   .noun = (uint8_t)(noun != 0),
                   .code = *code,
                   .patterns_off = d->patterns.n,
                   .patterns_n = 0,
                   .text = text,
                   .file = file,
                   .line = line};
    VEC_PUSH(d->verbs, v, return UINT32_MAX);
    return d->verbs.n - 1;
}

void dict_begin_block(dict *d) {
    d->in_block = 1;
    d->block_first_verb = d->verbs.n;
    d->block_first_pattern = d->patterns.n;
}

void dict_end_block(dict *d) {
    for (uint32_t i = d->block_first_verb; i < d->verbs.n; i++) {
        d->verbs.v[i].patterns_off = d->block_first_pattern;
        d->verbs.v[i].patterns_n = d->patterns.n - d->block_first_pattern;
    }
    d->in_block = 0;
}

uint32_t dict_add_pattern(dict *d, const dict_elem *before, uint32_t nb, const dict_elem *after,
                          uint32_t na, const dict_code *code, uint32_t text, uint32_t file,
                          uint32_t line) {
    if (d->verbs.n == 0 && !d->in_block) return UINT32_MAX;
    if (!d->in_block) {
        dict_verb *v = &d->verbs.v[d->verbs.n - 1];
        if (v->patterns_off + v->patterns_n != d->patterns.n) return UINT32_MAX;
    }
    dict_pattern p = {.before_off = d->elems.n,
                      .before_n = nb,
                      .code = *code,
                      .text = text,
                      .file = file,
                      .line = line};
    for (uint32_t i = 0; i < nb + na; i++) {
        const dict_elem *e = i < nb ? &before[i] : &after[i - nb];
        if (e->kind == PE_WORD && (e->flags & DW_ENDINGS) && dict_add_ending_word(d, e->id) < 0)
            return UINT32_MAX;
    }
    for (uint32_t i = 0; i < nb; i++)
        VEC_PUSH(d->elems, before[i], return UINT32_MAX);
    p.after_off = d->elems.n;
    p.after_n = na;
    for (uint32_t i = 0; i < na; i++)
        VEC_PUSH(d->elems, after[i], return UINT32_MAX);
    VEC_PUSH(d->patterns, p, return UINT32_MAX);
    if (!d->in_block) d->verbs.v[d->verbs.n - 1].patterns_n++;
    return d->patterns.n - 1;
}

int dict_add_code_info(dict *d, const dict_code_info *ci) {
    VEC_PUSH(d->codes, *ci, return -1);
    return 0;
}

/* Build a CSR index: for each key (word id), the list of items whose key it is. */
static int build_index(uint32_t nkeys, uint32_t nitems, const uint32_t *keys, uint32_t **heads_out,
                       uint32_t **list_out) {
    uint32_t *heads = calloc((size_t)nkeys + 1, sizeof *heads);
    uint32_t *list = malloc(((size_t)nitems + 1) * sizeof *list);
    if (!heads || !list) {
        free(heads);
        free(list);
        return -1;
    }
    for (uint32_t i = 0; i < nitems; i++)
        heads[keys[i] + 1]++;
    for (uint32_t k = 0; k < nkeys; k++)
        heads[k + 1] += heads[k];
    uint32_t *fill = malloc(((size_t)nkeys + 1) * sizeof *fill);
    if (!fill) {
        free(heads);
        free(list);
        return -1;
    }
    memcpy(fill, heads, ((size_t)nkeys + 1) * sizeof *fill);
    for (uint32_t i = 0; i < nitems; i++)
        list[fill[keys[i]]++] = i;
    free(fill);
    *heads_out = heads;
    *list_out = list;
    return 0;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Phrases are tried longest first: sort one list by length, descending, keeping dictionary order
 * among equals (the sort key packs the inverted length above the phrase index). */
static void sort_by_length_desc(const dict *d, uint32_t *list, uint32_t n) {
    if (n < 2) return;
    uint64_t small[64];
    uint64_t *keys = n <= 64 ? small : malloc((size_t)n * sizeof *keys);
    if (!keys) return; /* unsorted lists still match, just not longest first */
    for (uint32_t i = 0; i < n; i++)
        keys[i] = ((uint64_t)(0xffffu - d->phrases.v[list[i]].n) << 32) | list[i];
    qsort(keys, n, sizeof *keys, cmp_u64);
    for (uint32_t i = 0; i < n; i++)
        list[i] = (uint32_t)keys[i];
    if (keys != small) free(keys);
}

/* Index every set by its items' first words, so matching a set at a token is one probe. */
static int index_sets(dict *d) {
    size_t total = 0;
    for (uint32_t k = 0; k < d->sets.n; k++) {
        uint32_t cap = 4;
        while (cap < d->sets.v[k].items_n * 2 + 2)
            cap *= 2;
        d->sets.v[k].slots_off = (uint32_t)total;
        d->sets.v[k].slots_cap = cap;
        total += cap;
    }
    d->set_slots = calloc(total * 2 + 2, sizeof *d->set_slots);
    d->set_next = calloc((size_t)d->set_items.n + 1, sizeof *d->set_next);
    d->set_loose = malloc(((size_t)d->set_items.n + 1) * sizeof *d->set_loose);
    d->set_starts = calloc((size_t)d->strings.count + 1, sizeof *d->set_starts);
    if (!d->set_slots || !d->set_next || !d->set_loose || !d->set_starts) return -1;
    uint32_t nloose = 0;
    for (uint32_t k = 0; k < d->sets.n; k++) {
        dict_set *st = &d->sets.v[k];
        st->loose_off = nloose;
        st->loose_n = 0;
        uint32_t *slots = d->set_slots + (size_t)st->slots_off * 2, mask = st->slots_cap - 1;
        /* insert in reverse so each chain lists items in their dictionary order */
        for (uint32_t j = st->items_n; j-- > 0;) {
            uint32_t item = st->items_off + j;
            const dict_set_item *it = &d->set_items.v[item];
            const dict_word *w = &d->words.v[it->words_off];
            if (it->n == 0 || (w->flags & (DW_STEM | DW_CAPS))) continue;
            uint32_t h = (w->word * 2654435761u) & mask;
            while (slots[h * 2 + 1] && slots[h * 2] != w->word)
                h = (h + 1) & mask;
            d->set_next[item] = slots[h * 2 + 1];
            d->set_starts[w->word] |= (uint64_t)1 << (k & 63);
            slots[h * 2] = w->word;
            slots[h * 2 + 1] = item + 1;
        }
        for (uint32_t j = 0; j < st->items_n; j++) {
            const dict_set_item *it = &d->set_items.v[st->items_off + j];
            if (it->n && (d->words.v[it->words_off].flags & (DW_STEM | DW_CAPS))) {
                d->set_loose[nloose++] = st->items_off + j;
                st->loose_n++;
            }
        }
    }
    return 0;
}

uint32_t dict_set_first(const dict *d, uint32_t set, uint32_t word) {
    const dict_set *st = &d->sets.v[set];
    if (!word || !st->slots_cap || !d->set_slots) return 0;
    const uint32_t *slots = d->set_slots + (size_t)st->slots_off * 2;
    uint32_t mask = st->slots_cap - 1, h = (word * 2654435761u) & mask;
    while (slots[h * 2 + 1]) {
        if (slots[h * 2] == word) return slots[h * 2 + 1];
        h = (h + 1) & mask;
    }
    return 0;
}

/* The sets a pattern needs: each set element must match some token, and an item of a set
 * without loose items can only start at a token that dict_set_starts() marks for the set. */
static void pattern_sets(dict *d) {
    for (uint32_t p = 0; p < d->patterns.n; p++) {
        dict_pattern *pt = &d->patterns.v[p];
        pt->need_sets = 0;
        uint32_t n = pt->before_n + pt->after_n;
        for (uint32_t i = 0; i < n; i++) {
            const dict_elem *e = &d->elems.v[pt->before_off + i];
            if (e->kind == PE_SET && !d->sets.v[e->id].loose_n)
                pt->need_sets |= (uint64_t)1 << (e->id & 63);
        }
    }
}

/* A pattern's key: a word the sentence must contain; the longest exact word, as longer words
 * are rarer ("negotiations" filters better than "to"). */
static void pattern_keys(dict *d) {
    for (uint32_t p = 0; p < d->patterns.n; p++) {
        dict_pattern *pt = &d->patterns.v[p];
        pt->key = 0;
        size_t best = 0;
        uint32_t n = pt->before_n + pt->after_n;
        for (uint32_t i = 0; i < n; i++) {
            const dict_elem *e = &d->elems.v[pt->before_off + i];
            if (e->kind != PE_WORD || (e->flags & DW_STEM)) continue;
            size_t len = strlen(intern_str(&d->strings, e->id));
            if (len > best) {
                best = len;
                pt->key = e->id;
            }
        }
        pt->need_words = pt->key ? dict_word_bit(pt->key) : 0;
    }
    for (uint32_t p = d->patterns.n; p-- > 0;) {
        dict_pattern *pt = &d->patterns.v[p];
        int same = p + 1 < d->patterns.n && d->patterns.v[p + 1].key == pt->key;
        pt->key_run = same ? d->patterns.v[p + 1].key_run + 1 : 1;
    }
}

static uint32_t pair_hash(uint32_t a, uint32_t b) {
    return (a * 2654435761u) ^ (b * 2246822519u + 0x9e3779b9u);
}

static struct dict_pair_slot *pair_slot(dict *d, uint32_t w0, uint32_t w1) {
    uint32_t mask = d->pair_cap - 1, h = pair_hash(w0, w1) & mask;
    while (d->pair_slots[h].w0 && (d->pair_slots[h].w0 != w0 || d->pair_slots[h].w1 != w1))
        h = (h + 1) & mask;
    return &d->pair_slots[h];
}

const uint32_t *dict_pair_probe(const dict *d, uint32_t w0, uint32_t w1, uint32_t *n) {
    *n = 0;
    uint32_t mask = d->pair_cap - 1, h = pair_hash(w0, w1) & mask;
    while (d->pair_slots[h].w0) {
        if (d->pair_slots[h].w0 == w0 && d->pair_slots[h].w1 == w1) {
            *n = d->pair_slots[h].n;
            return d->pair_list + d->pair_slots[h].off;
        }
        h = (h + 1) & mask;
    }
    return NULL;
}

/* Is the phrase found through its first two words? Not when its second word is a stem, nor when
 * other words may stand between them (a loose TABARI phrase). */
static int in_pair_index(const dict *d, const dict_phrase *p) {
    if (p->n < 2) return 0;
    uint8_t f = d->words.v[p->words_off + 1].flags;
    return !(f & DW_STEM) && !(p->loose && !(f & DW_ADJACENT));
}

/* Move the phrases whose second word is exact into the two-word index; their first-word key
 * becomes 0 so the first-word index leaves them out. */
static int index_pairs(dict *d, uint32_t *keys) {
    uint32_t npairs = 0;
    for (uint32_t i = 0; i < d->phrases.n; i++)
        npairs += in_pair_index(d, &d->phrases.v[i]);
    d->pair_cap = 16;
    while (d->pair_cap < npairs * 2 + 2)
        d->pair_cap *= 2;
    d->pair_slots = calloc(d->pair_cap, sizeof *d->pair_slots);
    d->pair_list = malloc(((size_t)npairs + 1) * sizeof *d->pair_list);
    d->pair_first = calloc((size_t)d->strings.count + 1, 1);
    if (!d->pair_slots || !d->pair_list || !d->pair_first) return -1;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) { /* offsets from the counts */
            uint32_t off = 0;
            for (uint32_t h = 0; h < d->pair_cap; h++) {
                d->pair_slots[h].off = off;
                off += d->pair_slots[h].n;
                d->pair_slots[h].n = 0;
            }
        }
        for (uint32_t i = 0; i < d->phrases.n; i++) {
            const dict_phrase *p = &d->phrases.v[i];
            if (!in_pair_index(d, p)) continue;
            uint32_t w0 = d->words.v[p->words_off].word, w1 = d->words.v[p->words_off + 1].word;
            struct dict_pair_slot *sl = pair_slot(d, w0, w1);
            sl->w0 = w0;
            sl->w1 = w1;
            d->pair_first[w0] = 1;
            if (pass == 1) d->pair_list[sl->off + sl->n] = i;
            sl->n++;
            keys[i] = 0;
        }
    }
    for (uint32_t h = 0; h < d->pair_cap; h++)
        if (d->pair_slots[h].n > 1)
            sort_by_length_desc(d, d->pair_list + d->pair_slots[h].off, d->pair_slots[h].n);
    return 0;
}

int dict_freeze(dict *d) {
    if (d->in_block) dict_end_block(d);
    pattern_keys(d);
    if (index_sets(d) < 0) return -1;
    pattern_sets(d);
    uint32_t nkeys = d->strings.count;
    uint32_t *keys = malloc(((size_t)d->phrases.n + d->verbs.n + 1) * sizeof *keys);
    if (!keys) return -1;
    for (uint32_t i = 0; i < d->phrases.n; i++)
        keys[i] = d->words.v[d->phrases.v[i].words_off].word;
    if (index_pairs(d, keys) < 0) {
        free(keys);
        return -1;
    }
    if (build_index(nkeys, d->phrases.n, keys, &d->phrase_heads, &d->phrase_list) < 0) {
        free(keys);
        return -1;
    }
    for (uint32_t i = 0; i < d->verbs.n; i++)
        keys[i] = d->words.v[d->verbs.v[i].anchor_off].word;
    int rc = build_index(nkeys, d->verbs.n, keys, &d->verb_heads, &d->verb_list);
    free(keys);
    if (rc < 0) return -1;
    for (uint32_t k = 0; k < nkeys; k++) {
        uint32_t a = d->phrase_heads[k], b = d->phrase_heads[k + 1];
        if (b - a > 1) sort_by_length_desc(d, d->phrase_list + a, b - a);
    }
    d->frozen = 1;
    return 0;
}

const dict_code_info *dict_code_lookup(const dict *d, const char *code) {
    /* The table is small (~300 rows) and looked up a few times per event: a linear scan, with
     * the first two bytes compared before the call (most rows differ there). */
    for (uint32_t i = 0; i < d->codes.n; i++) {
        const dict_code_info *c = &d->codes.v[i];
        if (c->code[0] != code[0] || (code[0] && c->code[1] != code[1])) continue;
        if (strcmp(c->code, code) == 0) return c;
    }
    return NULL;
}

const char *dict_actor_code(const dict *d, uint32_t actor, int32_t date) {
    const dict_actor *a = &d->actors.v[actor];
    const char *deflt = NULL, *latest = NULL;
    int32_t latest_from = -1;
    for (uint32_t i = 0; i < a->roles_n; i++) {
        const dict_role *r = &d->roles.v[a->roles_off + i];
        if (!r->from && !r->to) {
            if (!deflt) deflt = r->code;
            continue;
        }
        if (date && (!r->from || date >= r->from) && (!r->to || date < r->to)) return r->code;
        if (r->from > latest_from) {
            latest_from = r->from;
            latest = r->code;
        }
    }
    if (deflt) return deflt;
    return date ? NULL : latest;
}

/* wordcache.c: per-coder word cache; see wordcache.h. */
#include "wordcache.h"

#include <stdlib.h>
#include <string.h>

enum { CACHE_MAX = 1u << 16 }; /* entries before the cache is emptied (at most 2^17 slots, ~9 MB) */

void word_cache_init(word_cache *c) {
    memset(c, 0, sizeof *c);
}

void word_cache_free(word_cache *c) {
    free(c->slots);
    free(c->text);
    memset(c, 0, sizeof *c);
}

static int reset(word_cache *c, uint32_t cap) {
    free(c->slots);
    c->slots = calloc(cap, sizeof *c->slots);
    if (!c->slots) {
        c->cap = 0;
        return -1;
    }
    c->cap = cap;
    c->used = 0;
    c->text_len = 0;
    return 0;
}

/* Double the table, keeping its entries: emptying it instead would look every word up again. */
static int grow(word_cache *c) {
    uint32_t cap = c->cap * 2, mask = cap - 1;
    word_entry *slots = calloc(cap, sizeof *slots);
    if (!slots) return -1;
    for (uint32_t k = 0; k < c->cap; k++) {
        const word_entry *e = &c->slots[k];
        if (e->len == 0) continue;
        uint32_t i = e->hash & mask;
        while (slots[i].len)
            i = (i + 1) & mask;
        slots[i] = *e;
    }
    free(c->slots);
    c->slots = slots;
    c->cap = cap;
    return 0;
}

/* Make room for one more entry: the first table, a bigger one, or (when full) an empty one. */
static int make_room(word_cache *c) {
    if (!c->slots) return reset(c, 4096);
    if (c->used >= CACHE_MAX || c->text_len > ((size_t)1 << 30)) return reset(c, c->cap);
    if (c->used * 2 >= c->cap) return c->cap < CACHE_MAX * 2 ? grow(c) : reset(c, c->cap);
    return 0;
}

/* The dictionary id of the word's lemma: `self` when the word is its own lemma, 0 when the
 * lemma is not a dictionary word. */
static uint32_t lemma_id(const dict *d, const lex_table *lex, const token *t, char pos,
                         uint32_t self) {
    char buf[128];
    if (t->norm_len >= sizeof buf) return self;
    size_t l = lex_lemma(lex, t->norm, t->norm_len, pos, buf, sizeof buf);
    if (!l || (l == t->norm_len && memcmp(buf, t->norm, l) == 0)) return self;
    return intern_find(&d->strings, buf, l);
}

/* TABARI's regular endings: the word minus a verb's -ing, -es, -ed, -en, -s or -d when that is
 * a verb written "WORD_" in the dictionaries, or minus a noun's -s when that is any "WORD_"
 * (DW_ENDINGS); 0 when none. */
static uint32_t ending_id(const dict *d, const token *t) {
    static const char *const END[] = {"ing", "es", "ed", "en", "s", "d", NULL};
    for (int k = 0; END[k]; k++) {
        size_t l = strlen(END[k]);
        if (t->norm_len <= l + 1 || memcmp(t->norm + t->norm_len - l, END[k], l) != 0) continue;
        const intern_table *words = strcmp(END[k], "s") ? &d->verb_endings : &d->endings;
        if (intern_find(words, t->norm, t->norm_len - l))
            return intern_find(&d->strings, t->norm, t->norm_len - l);
    }
    return 0;
}

static int fill(word_cache *c, word_entry *e, uint32_t h, const dict *d, const lex_table *lex,
                const syntax_words *sw, const token *t) {
    if (c->text_len + t->norm_len + 1 > c->text_cap) {
        size_t cap = c->text_cap ? c->text_cap * 2 : 1 << 16;
        while (cap < c->text_len + t->norm_len + 1)
            cap *= 2;
        char *nt = realloc(c->text, cap);
        if (!nt) return -1;
        c->text = nt;
        c->text_cap = cap;
    }
    memcpy(c->text + c->text_len, t->norm, t->norm_len);
    e->hash = h;
    e->len = t->norm_len;
    e->str = (uint32_t)c->text_len;
    c->text_len += t->norm_len;
    e->info.tags = syntax_word_tags(lex, t, &e->info.best);
    e->info.wcls = syntax_token_class(sw, t);
    e->wid = intern_find(&d->strings, t->norm, t->norm_len);
    e->eid = d->endings.count > 1 ? ending_id(d, t) : 0;
    e->nstem = 0;
    if (d->stems.count > 1 && dict_may_have_stem(d, t->norm, t->norm_len)) {
        uint32_t maxl = t->norm_len < d->max_stem_len ? t->norm_len : d->max_stem_len;
        /* the prefixes' hashes one byte at a time */
        uint32_t h = intern_hash_step(INTERN_HASH_BASIS, t->norm[0]);
        for (uint32_t l = 2; l <= maxl && e->nstem < 4; l++) {
            h = intern_hash_step(h, t->norm[l - 1]);
            if (intern_find_hashed(&d->stems, t->norm, l, h))
                e->stem[e->nstem++] = intern_find_hashed(&d->strings, t->norm, l, h);
        }
    }
    e->vlem = lemma_id(d, lex, t, 'v', e->wid);
    e->nlem = lemma_id(d, lex, t, 'n', e->wid);
    c->used++;
    return 0;
}

const word_entry *word_cache_get(word_cache *c, const dict *d, const lex_table *lex,
                                 const syntax_words *sw, const token *t) {
    if (t->norm_len == 0 || t->norm_len > 60000) return NULL;
    if (make_room(c) < 0) return NULL;
    uint32_t h = intern_hash(t->norm, t->norm_len), mask = c->cap - 1, i = h & mask;
    for (;;) {
        word_entry *e = &c->slots[i];
        if (e->len == 0) return fill(c, e, h, d, lex, sw, t) < 0 ? NULL : e;
        if (e->hash == h && e->len == t->norm_len &&
            memcmp(c->text + e->str, t->norm, t->norm_len) == 0)
            return e;
        i = (i + 1) & mask;
    }
}

/* intern.c: string interning; see intern.h. */
#include "intern.h"

#include <stdlib.h>
#include <string.h>

int intern_init(intern_table *t) {
    memset(t, 0, sizeof *t);
    t->cap = 1024;
    t->slots = calloc(t->cap, sizeof *t->slots);
    t->strs_cap = 512;
    t->strs = calloc(t->strs_cap, sizeof *t->strs);
    t->lens = calloc(t->strs_cap, sizeof *t->lens);
    t->hashes = calloc(t->strs_cap, sizeof *t->hashes);
    if (!t->slots || !t->strs || !t->lens || !t->hashes) {
        intern_free(t);
        return -1;
    }
    t->count = 1;
    return 0;
}

void intern_free(intern_table *t) {
    if (t->strs)
        for (uint32_t i = 1; i < t->count; i++)
            free(t->strs[i]);
    free(t->strs);
    free(t->lens);
    free(t->hashes);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static size_t probe(const intern_table *t, const char *s, size_t n, uint32_t h) {
    size_t mask = t->cap - 1, i = h & mask;
    for (;;) {
        uint32_t v = t->slots[i];
        if (!v) return i;
        uint32_t id = v - 1;
        if (t->hashes[id] == h && t->lens[id] == n && memcmp(t->strs[id], s, n) == 0) return i;
        i = (i + 1) & mask;
    }
}

uint32_t intern_find(const intern_table *t, const char *s, size_t n) {
    return intern_find_hashed(t, s, n, intern_hash(s, n));
}

uint32_t intern_find_hashed(const intern_table *t, const char *s, size_t n, uint32_t h) {
    if (!t->slots) return 0;
    uint32_t v = t->slots[probe(t, s, n, h)];
    return v ? v - 1 : 0;
}

static int grow_slots(intern_table *t) {
    size_t ncap = t->cap * 2;
    uint32_t *ns = calloc(ncap, sizeof *ns);
    if (!ns) return -1;
    for (uint32_t id = 1; id < t->count; id++) {
        size_t i = t->hashes[id] & (ncap - 1);
        while (ns[i])
            i = (i + 1) & (ncap - 1);
        ns[i] = id + 1;
    }
    free(t->slots);
    t->slots = ns;
    t->cap = ncap;
    return 0;
}

static int grow_strs(intern_table *t) {
    uint32_t ncap = t->strs_cap * 2;
    char **s = realloc(t->strs, ncap * sizeof *s);
    if (!s) return -1;
    t->strs = s;
    uint32_t *l = realloc(t->lens, ncap * sizeof *l);
    if (!l) return -1;
    t->lens = l;
    uint32_t *h = realloc(t->hashes, ncap * sizeof *h);
    if (!h) return -1;
    t->hashes = h;
    t->strs_cap = ncap;
    return 0;
}

uint32_t intern_add(intern_table *t, const char *s, size_t n) {
    uint32_t h = intern_hash(s, n);
    size_t slot = probe(t, s, n, h);
    if (t->slots[slot]) return t->slots[slot] - 1;
    if ((size_t)(t->count + 1) * 2 > t->cap) {
        if (grow_slots(t) < 0) return 0;
        slot = probe(t, s, n, h);
    }
    if (t->count >= t->strs_cap && grow_strs(t) < 0) return 0;
    char *copy = malloc(n + 1);
    if (!copy) return 0;
    memcpy(copy, s, n);
    copy[n] = '\0';
    uint32_t id = t->count++;
    t->strs[id] = copy;
    t->lens[id] = (uint32_t)n;
    t->hashes[id] = h;
    t->slots[slot] = id + 1;
    return id;
}

const char *intern_str(const intern_table *t, uint32_t id) {
    return (id && id < t->count) ? t->strs[id] : "";
}

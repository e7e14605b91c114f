/* arena.c: bump allocator; see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
    arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a, size_t first_block) {
    a->head = NULL;
    a->block_size = first_block ? first_block : 65536;
}

static arena_block *block_new(size_t size) {
    arena_block *b = malloc(sizeof *b + size);
    if (!b) return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void *arena_alloc(arena *a, size_t size) {
    size = (size + 15u) & ~(size_t)15u;
    if (size == 0) size = 16;
    arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t want = a->block_size;
        while (want < size)
            want *= 2;
        arena_block *nb = block_new(want);
        if (!nb) return NULL;
        nb->next = b;
        a->head = nb;
        if (a->block_size < (size_t)1 << 26) a->block_size *= 2;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

void *arena_calloc(arena *a, size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) return NULL;
    void *p = arena_alloc(a, n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void arena_reset(arena *a) {
    arena_block *keep = NULL;
    for (arena_block *b = a->head; b; b = b->next)
        if (!keep || b->size > keep->size) keep = b;
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        if (b != keep) free(b);
        b = next;
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
    a->head = keep;
}

void arena_free(arena *a) {
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

/* arena.h: a bump allocator for per-article and per-load scratch memory.
 *
 * Everything allocated from an arena lives until arena_reset() or arena_free(); nothing is freed
 * one by one. The coder resets its arena after each article, so the hot path never calls malloc
 * once the arena has grown to the article size. Allocation failure returns NULL (never aborts). */
#ifndef PARLEY_ARENA_H
#define PARLEY_ARENA_H
#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct {
    arena_block *head; /* current block; older blocks chained behind it */
    size_t block_size; /* size of the next block to allocate */
} arena;

void arena_init(arena *a, size_t first_block);
void *arena_alloc(arena *a, size_t size);            /* 16-byte aligned, uninitialised */
void *arena_calloc(arena *a, size_t n, size_t size); /* zeroed, overflow-checked */
char *arena_strndup(arena *a, const char *s, size_t n);
/* Keep the largest block, drop the others, and make it empty again. */
void arena_reset(arena *a);
void arena_free(arena *a);

#endif

/* intern.h: a string -> small integer table (open addressing, FNV-1a).
 *
 * Dictionaries intern every word once at load; the coder maps each token to its id with one
 * lookup and then compares integers only. Id 0 means "not in the table". The table grows while
 * being built and is read-only (thread-safe for lookups) once loading is done. */
#ifndef PARLEY_INTERN_H
#define PARLEY_INTERN_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t *slots; /* id+1 per slot, 0 = empty; capacity is a power of two */
    size_t cap;
    char **strs; /* strs[id] owned copies; strs[0] unused */
    uint32_t *lens;
    uint32_t *hashes;
    uint32_t count; /* number of ids handed out, plus one for id 0 */
    uint32_t strs_cap;
} intern_table;

int intern_init(intern_table *t); /* 0 on success, -1 out of memory */
void intern_free(intern_table *t);
/* Returns the id of s (adding it when new), or 0 when out of memory. */
uint32_t intern_add(intern_table *t, const char *s, size_t n);
uint32_t intern_find(const intern_table *t, const char *s, size_t n); /* 0 when absent */
const char *intern_str(const intern_table *t, uint32_t id);
/* FNV-1a, one byte at a time: the hash of s[0..n+1) is intern_hash_step(hash of s[0..n), s[n]),
 * so the prefixes of a word hash in one pass. Inline: the coder hashes every token. */
#define INTERN_HASH_BASIS 2166136261u
static inline uint32_t intern_hash_step(uint32_t h, char c) {
    return (h ^ (unsigned char)c) * 16777619u;
}
static inline uint32_t intern_hash(const char *s, size_t n) {
    uint32_t h = INTERN_HASH_BASIS;
    for (size_t i = 0; i < n; i++)
        h = intern_hash_step(h, s[i]);
    return h;
}
/* intern_find() with the hash of s[0..n) already computed (intern_hash). */
uint32_t intern_find_hashed(const intern_table *t, const char *s, size_t n, uint32_t h);

#endif

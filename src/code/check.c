/* check.c: parley_dicts_stats() and parley_dicts_check(), the linter behind `parley dict check`.
 * (Overlapping dated roles and malformed lines are reported while loading.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder.h"

void parley_dicts_stats(const parley_dicts *pd, parley_dict_stats *o) {
    const dict *d = &pd->d;
    o->actors = d->actors.n;
    o->roles = d->roles.n;
    o->agents = d->agents.n;
    o->verbs = d->verbs.n;
    o->patterns = d->patterns.n;
    o->phrases = d->phrases.n;
    o->codes = d->codes.n;
    o->words = d->strings.count - 1;
}

static int same_elems(const dict *d, const dict_pattern *a, const dict_pattern *b) {
    if (a->before_n != b->before_n || a->after_n != b->after_n) return 0;
    uint32_t n = a->before_n + a->after_n;
    for (uint32_t i = 0; i < n; i++) {
        const dict_elem *x = &d->elems.v[a->before_off + i];
        const dict_elem *y = &d->elems.v[b->before_off + i];
        if (x->kind != y->kind || x->id != y->id || x->flags != y->flags) return 0;
    }
    return 1;
}

/* Actor phrases keyed by a hash of their words, so that equal names sort side by side. */
typedef struct {
    uint64_t key;
    uint32_t phrase;
} keyed_phrase;

static int cmp_keyed(const void *pa, const void *pb) {
    const keyed_phrase *a = pa, *b = pb;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->phrase < b->phrase ? -1 : a->phrase > b->phrase;
}

static uint64_t phrase_key(const dict *d, const dict_phrase *p) {
    uint64_t h = 1469598103934665603ull ^ p->n; /* FNV-1a over word ids and flags */
    for (uint16_t i = 0; i < p->n; i++) {
        h = (h ^ d->words.v[p->words_off + i].word) * 1099511628211ull;
        h = (h ^ d->words.v[p->words_off + i].flags) * 1099511628211ull;
    }
    return h;
}

static int same_words(const dict *d, const dict_phrase *a, const dict_phrase *b) {
    if (a->n != b->n) return 0;
    for (uint16_t i = 0; i < a->n; i++)
        if (d->words.v[a->words_off + i].word != d->words.v[b->words_off + i].word ||
            d->words.v[a->words_off + i].flags != d->words.v[b->words_off + i].flags)
            return 0;
    return 1;
}

/* The same name given to two actor entries: only one of them can ever match, so the other's
 * roles are dead (two entries for one person, or a place named like a person). */
static unsigned check_duplicate_names(const dict *d,
                                      void (*warn)(void *, const char *, long, const char *),
                                      void *user) {
    keyed_phrase *ix = malloc((d->phrases.n + 1) * sizeof *ix);
    uint32_t n = 0;
    if (!ix) return 0;
    for (uint32_t p = 0; p < d->phrases.n; p++)
        if (d->phrases.v[p].kind == PH_ACTOR) {
            ix[n].key = phrase_key(d, &d->phrases.v[p]);
            ix[n++].phrase = p;
        }
    qsort(ix, n, sizeof *ix, cmp_keyed);
    unsigned problems = 0;
    char msg[320];
    for (uint32_t k = 1; k < n; k++) {
        const dict_phrase *a = &d->phrases.v[ix[k - 1].phrase], *b = &d->phrases.v[ix[k].phrase];
        if (a->target == b->target || !same_words(d, a, b)) continue;
        const dict_actor *x = &d->actors.v[a->target], *y = &d->actors.v[b->target];
        if (y->line < x->line && y->file == x->file) {
            const dict_actor *t = x;
            x = y;
            y = t;
        }
        char name[160] = "";
        for (uint16_t i = 0, len = 0; i < b->n && (size_t)len + 1 < sizeof name; i++)
            len += (uint16_t)snprintf(name + len, sizeof name - len, "%s%s", i ? " " : "",
                                      intern_str(&d->strings, d->words.v[b->words_off + i].word));
        snprintf(msg, sizeof msg, "the name '%s' also names the actor at %s:%u", name,
                 intern_str(&d->strings, x->file), x->line);
        warn(user, intern_str(&d->strings, y->file), y->line, msg);
        problems++;
    }
    free(ix);
    return problems;
}

unsigned parley_dicts_check(const parley_dicts *pd,
                            void (*warn)(void *, const char *, long, const char *), void *user) {
    const dict *d = &pd->d;
    unsigned problems = 0;
    char msg[256];
    uint32_t last_off = UINT32_MAX;
    for (uint32_t v = 0; v < d->verbs.n; v++) {
        const dict_verb *vb = &d->verbs.v[v];
        if (vb->patterns_off == last_off) continue; /* block already checked via its first verb */
        last_off = vb->patterns_off;
        const char *file = intern_str(&d->strings, vb->file);
        if (d->codes.n && vb->code.code[0] && !dict_code_lookup(d, vb->code.code)) {
            snprintf(msg, sizeof msg, "event code %s is not in the CAMEO code table",
                     vb->code.code);
            warn(user, file, vb->line, msg);
            problems++;
        }
        for (uint32_t p = 0; p < vb->patterns_n; p++) {
            const dict_pattern *pt = &d->patterns.v[vb->patterns_off + p];
            const char *pfile = intern_str(&d->strings, pt->file);
            const char *codes[2] = {pt->code.code, pt->code.paired};
            for (int k = 0; k < 2; k++)
                if (d->codes.n && codes[k][0] && !dict_code_lookup(d, codes[k])) {
                    snprintf(msg, sizeof msg, "event code %s is not in the CAMEO code table",
                             codes[k]);
                    warn(user, pfile, pt->line, msg);
                    problems++;
                }
            for (uint32_t q = 0; q < p; q++) {
                const dict_pattern *earlier = &d->patterns.v[vb->patterns_off + q];
                int unconditional = earlier->before_n == 0 && earlier->after_n == 0;
                if (unconditional || same_elems(d, earlier, pt)) {
                    snprintf(msg, sizeof msg,
                             "pattern can never fire: the pattern at line %u matches first",
                             earlier->line);
                    warn(user, pfile, pt->line, msg);
                    problems++;
                    break;
                }
            }
        }
    }
    problems += check_duplicate_names(d, warn, user);
    return problems;
}

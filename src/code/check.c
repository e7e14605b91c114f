/* check.c: parley_dicts_stats() and parley_dicts_check(), the linter behind `parley dict check`.
 * (Overlapping dated roles and malformed lines are reported while loading.) */
#include <stdio.h>
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
    return problems;
}

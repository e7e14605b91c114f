/* patterns.c: verb and event-noun lookup, pattern matching, and the default choice of source
 * (the clause's subject) and target (the anchor's object); see coder.h.
 *
 * A pattern's words before '*' are searched leftwards from the anchor, those after it rightwards;
 * a word marked adjacent must be the very next token, others may be up to GAP tokens on. '$' and
 * '+' take the nearest coded mention at that point. */
#include <string.h>

#include "coder.h"

/* How far a pattern word may be from the previous one: forwards within the anchor's clause (and
 * the clauses it contains), backwards within the anchor's clause. */
enum {
    GAP = 10,
    BACK_GAP = 6,
    SET_ITEM_MAX = 4, /* tokens of a set item looked back over */
    ITEM_GAP = 3      /* TABARI: tokens between two words of a set item */
};

static int elem_word_at(const sent_ctx *s, const dict_elem *e, uint32_t i) {
    if (e->flags & DW_EXACT) return s->ids[i].wid == e->id;
    dict_word w = {e->id, (uint8_t)(e->flags & (DW_STEM | DW_CAPS | DW_ENDINGS | DW_NOSUFFIX))};
    return word_matches(&s->pd->d, &s->toks[i], &s->ids[i], &w);
}

/* Does set item (a word sequence) match at i (forwards)? Returns the tokens it spans or 0. In
 * TABARI, words of an item not joined by '_' may have others between them ("LOUDLY INCLUDED" in
 * "loudly boldly included"). */
static uint32_t item_at(const sent_ctx *s, const dict_set_item *it, uint32_t i) {
    const dict *d = &s->pd->d;
    if (!s->tabari) { /* consecutive words */
        if (i + it->n > s->n) return 0;
        for (uint32_t j = 0; j < it->n; j++)
            if (!word_matches(d, &s->toks[i + j], &s->ids[i + j], &d->words.v[it->words_off + j]))
                return 0;
        return it->n;
    }
    uint32_t at = i;
    for (uint32_t j = 0; j < it->n; j++, i++) {
        const dict_word *w = &d->words.v[it->words_off + j];
        uint32_t limit = (j > 0 && !(w->flags & DW_ADJACENT)) ? i + ITEM_GAP : i;
        while (i <= limit && i < s->n && !word_matches(d, &s->toks[i], &s->ids[i], w))
            i++;
        if (i > limit || i >= s->n) return 0;
    }
    return i - at;
}

/* Does the sentence contain the word (as a form or a lemma)? One probe in its word set. */
static int sentence_has(const sent_ctx *s, uint32_t word) {
    uint32_t mask = s->wordset_cap - 1, h = (word * 2654435761u) & mask;
    while (s->wordset[h]) {
        if (s->wordset[h] == word) return 1;
        h = (h + 1) & mask;
    }
    return 0;
}

/* set_at() without its filter. Items are found through the set's first-word index (exact form,
 * verb and noun lemma, ending), then the stem items. */
static uint32_t probe_set_at(const sent_ctx *s, uint32_t set, uint32_t i) {
    const dict *d = &s->pd->d;
    const tok_ids *id = &s->ids[i];
    uint32_t keys[4] = {id->wid, id->vlem != id->wid ? id->vlem : 0,
                        id->nlem != id->wid && id->nlem != id->vlem ? id->nlem : 0, id->eid};
    uint32_t best = 0;
    for (int k = 0; k < 4; k++)
        for (uint32_t it = keys[k] ? dict_set_first(d, set, keys[k]) : 0; it;
             it = d->set_next[it - 1]) {
            const dict_set_item *x = &d->set_items.v[it - 1];
            if (!s->tabari && x->n <= best) continue; /* spans n tokens: cannot be longer */
            uint32_t len = item_at(s, x, i);
            if (len > best) best = len;
        }
    const dict_set *st = &d->sets.v[set];
    for (uint32_t k = 0; k < st->loose_n; k++) {
        const dict_set_item *x = &d->set_items.v[d->set_loose[st->loose_off + k]];
        if (!s->tabari && x->n <= best) continue;
        uint32_t len = item_at(s, x, i);
        if (len > best) best = len;
    }
    return best;
}

/* Does an item of the set match at token i? Returns its length or 0. Sets are tried at every
 * token of a window and nearly always fail: the first-word filter answers most of those in a
 * few instructions, without the four hash probes. */
static inline uint32_t set_at(const sent_ctx *s, uint32_t set, uint32_t i) {
    if (!((s->ids[i].sets >> (set & 63)) & 1) && !s->pd->d.sets.v[set].loose_n) return 0;
    return probe_set_at(s, set, i);
}

void pattern_filters(sent_ctx *s, tok_ids *ids) {
    const dict *d = &s->pd->d;
    s->sets = s->words = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        const tok_ids *id = &ids[i];
        ids[i].sets = dict_set_starts(d, id->wid) | dict_set_starts(d, id->vlem) |
                      dict_set_starts(d, id->nlem) | dict_set_starts(d, id->eid);
        s->sets |= ids[i].sets;
        /* the ids build_wordset() puts in the word set; also the bit of id 0 (none), which
         * only makes the summary a little less selective */
        s->words |= dict_word_bit(id->wid) | dict_word_bit(id->vlem) | dict_word_bit(id->nlem) |
                    dict_word_bit(id->eid);
    }
}

static int32_t mention_starting_from(const sent_ctx *s, uint32_t pos, uint32_t limit) {
    for (uint32_t k = 0; k < s->nm; k++)
        if (s->m[k].first >= pos && s->m[k].first <= limit) return (int32_t)k;
    return -1;
}

static int32_t mention_ending_before(const sent_ctx *s, uint32_t pos, uint32_t lowest) {
    for (uint32_t k = s->nm; k-- > 0;)
        if (s->m[k].last < pos && s->m[k].first >= lowest) return (int32_t)k;
    return -1;
}

/* Match the after-part forwards from pos. */
static int match_after(const sent_ctx *s, const dict_elem *el, uint32_t n, uint32_t pos,
                       verb_match *vm) {
    for (uint32_t k = 0; k < n; k++) {
        const dict_elem *e = &el[k];
        uint32_t limit = (e->flags & DW_ADJACENT) ? pos : pos + GAP;
        if (limit >= s->n) limit = s->n ? s->n - 1 : 0;
        if (pos >= s->n) return 0;
        switch (e->kind) {
        case PE_WORD: {
            uint32_t i = pos;
            while (i <= limit && !elem_word_at(s, e, i))
                i++;
            if (i > limit) return 0;
            pos = i + 1;
            break;
        }
        case PE_SET: {
            uint32_t i = pos, len = 0;
            while (i <= limit && !(len = set_at(s, e->id, i)))
                i++;
            if (!len) return 0;
            pos = i + len;
            break;
        }
        case PE_SOURCE:
        case PE_TARGET:
        case PE_COMPOUND: {
            int32_t m = mention_starting_from(s, pos, pos + 3);
            if (m < 0) return 0;
            /* after the verb, '%' is a compound target ("agrees with the Philippines and
             * France"); in TABARI the compound's members act on each other ("has exchanged
             * prisoners with Gondor and Osgiliath") */
            if (e->kind == PE_SOURCE) {
                vm->source = m;
            } else if (e->kind == PE_COMPOUND && s->tabari) {
                vm->source = m;
                vm->reciprocal = 1;
            } else {
                vm->target = m;
            }
            pos = s->m[m].last + 1;
            break;
        }
        case PE_SKIP: {
            uint32_t i = pos;
            while (i < s->n && !tag_is_noun(s->syn->tag[i]))
                i++;
            while (i < s->n && tag_is_noun(s->syn->tag[i]))
                i++;
            pos = i;
            break;
        }
        default: return 0;
        }
    }
    return 1;
}

/* Match the before-part backwards from pos (the token just before the anchor). */
static int match_before(const sent_ctx *s, const dict_elem *el, uint32_t n, int64_t pos,
                        int64_t floor, verb_match *vm) {
    for (uint32_t k = n; k-- > 0;) {
        const dict_elem *e = &el[k];
        /* adjacency of element k+1 (or the anchor) to element k */
        int adjacent =
            (k + 1 < n) ? (el[k + 1].flags & DW_ADJACENT) != 0 : (e->flags & DW_ANCHOR_NEXT) != 0;
        int64_t lowest = adjacent ? pos : pos - BACK_GAP;
        if (lowest < floor) lowest = floor;
        if (pos < 0) return 0;
        switch (e->kind) {
        case PE_WORD: {
            int64_t i = pos;
            while (i >= lowest && !elem_word_at(s, e, (uint32_t)i))
                i--;
            if (i < lowest) return 0;
            pos = i - 1;
            break;
        }
        case PE_SET: {
            /* the item must end between lowest and pos: an adjacent several-token item
             * ("won't" = wo + n't) starts before lowest */
            int64_t i = pos, stop = adjacent ? lowest - (SET_ITEM_MAX - 1) : lowest;
            if (stop < floor) stop = floor;
            uint32_t len = 0;
            for (; i >= stop; i--) {
                len = set_at(s, e->id, (uint32_t)i);
                if (len && i + len - 1 <= pos && i + len - 1 >= lowest) break;
                len = 0;
            }
            if (!len) return 0;
            pos = i - 1;
            break;
        }
        case PE_SOURCE:
        case PE_TARGET:
        case PE_COMPOUND: {
            int32_t m = mention_ending_before(s, (uint32_t)pos + 1, (uint32_t)lowest);
            if (m < 0) return 0;
            if (e->kind == PE_TARGET)
                vm->target = m;
            else
                vm->source = m;
            if (e->kind == PE_COMPOUND)
                vm->reciprocal = 1; /* '%' before the verb: the
                                       members act on each other */
            pos = (int64_t)s->m[m].first - 1;
            break;
        }
        case PE_SKIP: pos -= 1; break;
        default: return 0;
        }
    }
    return 1;
}

/* Does the anchor of verb v match at token h? Sets *last to the anchor's last token. */
static int anchor_at(const sent_ctx *s, const dict_verb *v, uint32_t h, uint32_t *last) {
    const dict *d = &s->pd->d;
    const dict_word *w = &d->words.v[v->anchor_off];
    dict_word first = w[0];
    const tok_ids *id = &s->ids[h];
    int ok = word_matches(d, &s->toks[h], id, &first) ||
             (id->vlem && first.word == id->vlem && !(first.flags & DW_NOSUFFIX));
    if (!ok) return 0;
    uint32_t i = h;
    for (uint32_t k = 1; k < v->anchor_n; k++) {
        /* particles may follow a short object: "cordoned the area off" is rare; keep adjacent,
         * but let one adverb or determiner intervene for phrasal verbs */
        uint32_t j = i + 1;
        if (j < s->n && !word_matches(d, &s->toks[j], &s->ids[j], &w[k]) && j + 1 < s->n &&
            (s->syn->tag[j] == LEX_RB || s->syn->tag[j] == LEX_DT))
            j++;
        if (j >= s->n || !word_matches(d, &s->toks[j], &s->ids[j], &w[k])) return 0;
        i = j;
    }
    *last = i;
    return 1;
}

static int try_verb(const sent_ctx *s, const dict_verb *v, uint32_t h, verb_match *out) {
    uint32_t last;
    if (!anchor_at(s, v, h, &last)) return 0;
    const dict *d = &s->pd->d;
    verb_match best;
    uint32_t best_size = 0;
    int best_found = 0;
    for (uint32_t p = 0; p < v->patterns_n; p++) {
        const dict_pattern *pt = &d->patterns.v[v->patterns_off + p];
        /* a set it needs starts nowhere in the sentence, or its key word is absent */
        if (pt->key && (!(pt->need_words & s->words) || !sentence_has(s, pt->key))) {
            p += pt->key_run - 1; /* the next patterns with the same key fail too */
            continue;
        }
        if (pt->need_sets & ~s->sets) continue;
        verb_match vm = {.source = -1, .target = -1};
        if (!match_after(s, &d->elems.v[pt->after_off], pt->after_n, last + 1, &vm)) continue;
        int64_t floor = v->clause_scoped ? s->syn->clauses[s->syn->clause_of[h]].first : 0;
        if (!match_before(s, &d->elems.v[pt->before_off], pt->before_n, (int64_t)h - 1, floor, &vm))
            continue;
        vm.pattern = pt;
        vm.code = pt->code;
        vm.anchor_first = h;
        vm.anchor_last = last;
        vm.verb = v;
        /* the most specific pattern wins: the one with most elements (first among equals) */
        uint32_t size = pt->before_n + pt->after_n;
        if (!best_found || size > best_size) {
            best = vm;
            best_size = size;
            best_found = 1;
        }
    }
    if (best_found) {
        *out = best;
        return 1;
    }
    /* no pattern matched: the block's default code (a null code blocks weaker matches but
     * codes nothing) */
    verb_match vm = {.source = -1,
                     .target = -1,
                     .code = v->code,
                     .anchor_first = h,
                     .anchor_last = last,
                     .verb = v};
    *out = vm;
    return (!v->code.code[0] && !v->code.paired[0]) ? 2 : 1;
}

static int scan_list(const sent_ctx *s, uint32_t key, uint32_t h, int want_noun, verb_match *best,
                     int *found) {
    const dict *d = &s->pd->d;
    if (!key || key >= d->strings.count) return 0;
    for (uint32_t k = d->verb_heads[key]; k < d->verb_heads[key + 1]; k++) {
        const dict_verb *v = &d->verbs.v[d->verb_list[k]];
        if (v->noun != want_noun) continue;
        verb_match vm;
        int r = try_verb(s, v, h, &vm);
        if (!r) continue;
        /* prefer longer anchors, then a pattern match over a default */
        uint32_t len = vm.anchor_last - vm.anchor_first;
        uint32_t blen = *found ? best->anchor_last - best->anchor_first : 0;
        if (!*found || len > blen || (len == blen && vm.pattern && !best->pattern)) {
            *best = vm;
            *found = r;
        }
    }
    return 0;
}

int match_verb_at(const sent_ctx *s, uint32_t h, int want_noun, verb_match *out) {
    const tok_ids *id = &s->ids[h];
    int found = 0;
    scan_list(s, id->wid, h, want_noun, out, &found);
    if (id->vlem != id->wid) scan_list(s, id->vlem, h, want_noun, out, &found);
    if (id->nlem != id->wid && id->nlem != id->vlem)
        scan_list(s, id->nlem, h, want_noun, out, &found);
    for (uint32_t k = 0; k < id->nstem; k++)
        if (id->stem[k] != id->wid) scan_list(s, id->stem[k], h, want_noun, out, &found);
    if (id->eid && id->eid != id->vlem && id->eid != id->nlem)
        scan_list(s, id->eid, h, want_noun, out, &found);
    return found;
}

/* fuzz_dict_petr.c: the PETRARCH-2 dictionary readers (verbs, actors with and without TABARI
 * stems, agents, discards, issues); the first byte picks the reader, then the dictionary is
 * frozen so the indexes are built from whatever was read. */
#include "../src/dict/petr_reader.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    dict d;
    if (dict_init(&d) < 0) return 0;
    char err[256];
    const char *t = (const char *)data + 1;
    size_t n = size - 1;
    switch (data[0] % 6) {
    case 0: petr_read_verbs_mem(&d, "v", t, n, err, sizeof err); break;
    case 1: petr_read_actors_mem(&d, "a", t, n, 0, err, sizeof err); break;
    case 2: petr_read_actors_mem(&d, "a", t, n, PETR_TABARI_STEMS, err, sizeof err); break;
    case 3: petr_read_agents_mem(&d, "g", t, n, PETR_TABARI_STEMS, err, sizeof err); break;
    case 4: petr_read_discards_mem(&d, "d", t, n, err, sizeof err); break;
    default: petr_read_issues_mem(&d, "i", t, n, err, sizeof err); break;
    }
    dict_freeze(&d);
    dict_free(&d);
    return 0;
}

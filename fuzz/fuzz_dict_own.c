/* fuzz_dict_own.c: parley's own dictionary readers (codes TSV, actors, agents, verbs) and the
 * format detector; the first byte picks the reader. */
#include "../src/dict/detect.h"
#include "../src/dict/own_reader.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    dict_detect_format_mem("x.txt", (const char *)data + 1, size - 1);
    const char *path = fuzz_tmpfile(data + 1, size - 1, ".txt");
    if (!path) return 0;
    dict d;
    if (dict_init(&d) < 0) return 0;
    char err[256];
    switch (data[0] % 4) {
    case 0: own_read_codes(&d, path, err, sizeof err); break;
    case 1: own_read_actors(&d, path, err, sizeof err); break;
    case 2: own_read_agents(&d, path, lex_builtin(), err, sizeof err); break;
    default: own_read_verbs(&d, path, lex_builtin(), err, sizeof err); break;
    }
    dict_freeze(&d);
    dict_free(&d);
    return 0;
}

/* fuzz_dict_tabari.c: the TABARI readers (.verbs with <TIME>, .actors, .agents, .options,
 * .project); the first byte picks the reader. */
#include "../src/dict/tabari_reader.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    char err[256];
    const char *t = (const char *)data + 1;
    size_t n = size - 1;
    int which = data[0] % 5;
    if (which == 3) {
        tabari_options o;
        if (tabari_read_options_mem(t, n, &o, err, sizeof err) == 0) tabari_options_free(&o);
        return 0;
    }
    if (which == 4) {
        const char *path = fuzz_tmpfile(data + 1, n, ".project");
        tabari_project p;
        if (path && tabari_read_project(path, &p, err, sizeof err) == 0) tabari_project_free(&p);
        return 0;
    }
    dict d;
    if (dict_init(&d) < 0) return 0;
    if (which == 0) {
        tabari_time_list times;
        memset(&times, 0, sizeof times);
        tabari_read_verbs_mem(&d, "v", t, n, &times, err, sizeof err);
        tabari_time_free(&times);
    } else if (which == 1) {
        tabari_read_actors_mem(&d, "a", t, n, err, sizeof err);
    } else {
        tabari_read_agents_mem(&d, "g", t, n, err, sizeof err);
    }
    dict_freeze(&d);
    dict_free(&d);
    return 0;
}

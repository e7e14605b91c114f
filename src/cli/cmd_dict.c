/* cmd_dict.c: `parley dict check`: load a dictionary set, report every problem as FILE:LINE. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char HELP[] =
    "usage: parley dict check [--verbs F] [--actors F[,F...]] [--agents F] [--discards F]\n"
    "                         [--issues F] [--codes F] [--data DIR]\n"
    "\n"
    "Load a dictionary set (the bundled one when no file is named) and lint it: malformed lines,\n"
    "overlapping dated roles, event codes missing from the CAMEO code table, patterns that can\n"
    "never fire. Every problem is printed as FILE:LINE: problem.\n"
    "\n"
    "exit status: 0 clean, 1 problems found, 2 usage error, 3 dictionaries unusable\n";

static void print_problem(void *user, const char *file, long line, const char *msg) {
    unsigned *n = user;
    fprintf(stdout, "%s:%ld: %s\n", file, line, msg);
    (*n)++;
}

int cmd_dict(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(HELP, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    if (strcmp(argv[1], "check") != 0) {
        fprintf(stderr, "parley dict: unknown action '%s' (only 'check')\n", argv[1]);
        return EXIT_USAGE;
    }
    dict_opts o;
    memset(&o, 0, sizeof o);
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(HELP, stdout);
            return EXIT_OK;
        }
        int r = dict_opts_parse(&o, argc, argv, &i);
        if (r <= 0) {
            if (r == 0) fprintf(stderr, "parley dict check: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        }
    }
    parley_dict_paths p;
    dict_opts_fill(&o, &p);
    unsigned load_warnings = 0;
    parley_dicts *d = cli_load_dicts(&p, &load_warnings);
    if (!d) return EXIT_CANNOT;
    unsigned problems = 0;
    parley_dicts_check(d, print_problem, &problems);
    parley_dict_stats st;
    parley_dicts_stats(d, &st);
    printf("%u actors (%u roles), %u agents, %u verbs, %u patterns, %u phrases, %u event codes\n",
           st.actors, st.roles, st.agents, st.verbs, st.patterns, st.phrases, st.codes);
    printf("%u problems\n", problems + load_warnings);
    parley_dicts_free(d);
    return (problems + load_warnings) ? EXIT_SKIPPED : EXIT_OK;
}

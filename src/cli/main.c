/* main.c: the parley command: dispatch to subcommands. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char USAGE[] =
    "usage: parley <command> [options]\n"
    "\n"
    "Political event coding of news text (CAMEO), with evidence, quotes and dates.\n"
    "\n"
    "commands:\n"
    "  code       code articles (JSON lines or plain text) into events and quotes;\n"
    "             --db FILE stores them in an event database\n"
    "  ingest     store coded JSON lines in an event database (SQLite)\n"
    "  query      list stored events or quotes, filtered (table, JSON lines, CSV, TSV)\n"
    "  stats      counts by root, dyad and month, Goldstein sums per dyad and month\n"
    "  export     stored events as GDELT 2.0, Phoenix, PLOVER or JSON lines\n"
    "  serve      HTTP JSON API and web dashboard over an event database\n"
    "  validate   run a PETRARCH-2 unit-test file or a TABARI .project validation suite\n"
    "  dict       check dictionaries (parley dict check)\n"
    "  version    print the version\n"
    "\n"
    "Run 'parley <command> --help' for a command's options; 'man parley' for the manual.\n";

int main(int argc, char **argv) {
    /* A closed pipe (parley code | head -1) must end the run quietly: writes then fail with
     * EPIPE and the command stops, instead of being killed by SIGPIPE. */
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(USAGE, stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("parley %s\n", PARLEY_VERSION);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "code")) return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict")) return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "ingest")) return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "query")) return cmd_query(argc - 1, argv + 1);
    if (!strcmp(cmd, "stats")) return cmd_stats(argc - 1, argv + 1);
    if (!strcmp(cmd, "export")) return cmd_export(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve")) return cmd_serve(argc - 1, argv + 1);
    if (!strcmp(cmd, "validate")) return cmd_validate(argc - 1, argv + 1);
    fprintf(stderr, "parley: unknown command '%s'\n\n%s", cmd, USAGE);
    return EXIT_USAGE;
}

/* cli.h: shared pieces of the parley command-line tool. The CLI owns all I/O and exit codes;
 * the library never prints. Exit codes (docs/cli.md):
 *   0  everything read was processed
 *   1  some input was skipped (bad lines, bad dictionary entries reported on stderr)
 *   2  usage error
 *   3  cannot run (unreadable file, unusable dictionary, out of memory) */
#ifndef PARLEY_CLI_H
#define PARLEY_CLI_H

#include <stdio.h>

#include "../../include/parley.h"
#include "../store/store.h"

enum { EXIT_OK = 0, EXIT_SKIPPED = 1, EXIT_USAGE = 2, EXIT_CANNOT = 3 };

/* Dictionary options common to code/validate/dict: --verbs --actors --agents --discards --issues
 * --codes --data. Returns 1 if argv[*i] was one of them (consuming its value), 0 if not, -1 on a
 * missing value. */
typedef struct {
    const char *verbs, *agents, *discards, *issues, *codes, *data;
    const char *actors[33];
    int nactors;
    char actor_buf[4096];
} dict_opts;

int dict_opts_parse(dict_opts *o, int argc, char **argv, int *i);
void dict_opts_fill(const dict_opts *o, parley_dict_paths *p);
/* Load dictionaries, printing warnings as FILE:LINE: message. NULL on failure (message printed). */
parley_dicts *cli_load_dicts(const parley_dict_paths *p, unsigned *warnings);

/* Progress on stderr while storing, only when stderr is a terminal (progress.c). */
typedef struct {
    int on, shown;
    double start, last;
    long long total_bytes; /* 0 when unknown (no ETA) */
    FILE *in;              /* the input being read (its position gives the bytes done) */
    long long base;        /* bytes of the inputs already read */
} progress;
void progress_start(progress *p, long long total_bytes);
void progress_update(progress *p, long articles, long events, long long bytes_done);
void progress_end(progress *p, long articles, long skipped, long events, long mentions);

/* Store one coded JSON line (cmd_ingest.c): 0 stored or skipped, 1 malformed (reported as
 * FILE:LINE: problem), -1 database failure (reported). */
int ingest_line(store *s, const char *line, size_t len, const char *file, long lineno);

int cmd_code(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_dict(int argc, char **argv);

#endif

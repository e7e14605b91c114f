/* cmd_serve.c: `parley serve`: the HTTP API and dashboard over an event database
 * (src/serve, docs/api.md). Runs until SIGINT or SIGTERM, then stops cleanly. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../serve/server.h"
#include "cli.h"

static const char SERVE_HELP[] =
    "usage: parley serve [--db FILE] [--listen HOST:PORT] [--threads N] [--time-limit MS]\n"
    "\n"
    "Serve the event database over HTTP: a JSON API (/api/events, /api/events/{id},\n"
    "/api/quotes, /api/series, /api/actors; docs/api.md) and a dashboard at / (timeline by\n"
    "QuadClass, dyads, event list with evidence and quotes). The database is opened read-only.\n"
    "Stops on Ctrl-C (SIGINT) or SIGTERM.\n"
    "\n"
    "options:\n"
    "  --db FILE          the database (default parley.db; build it with parley code --db or\n"
    "                     parley ingest)\n"
    "  --listen ADDR      HOST:PORT, [IPv6]:PORT or :PORT (default 127.0.0.1:8080: this machine\n"
    "                     only); port 0 picks a free port\n"
    "  --threads N        worker threads (default: the number of processors, at least 2)\n"
    "  --time-limit MS    stop a query after MS milliseconds with 503 (default 2000)\n"
    "\n"
    "On start it prints 'parley serve: listening on URL' on stderr.\n"
    "exit status: 0 stopped by a signal, 2 usage error, 3 cannot run (database missing or not a\n"
    "parley database, address in use)\n";

static int number(const char *v, long lo, long hi, long *out) {
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < lo || n > hi) return -1;
    *out = n;
    return 0;
}

/* Returns -1 to go on, else the exit code. */
static int parse_serve(server_config *c, int argc, char **argv) {
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    *c = (server_config){"parley.db", "127.0.0.1:8080", ncpu > 2 ? (int)ncpu : 2, 2000};
    for (int i = 1; i < argc; i += 2) { /* every option takes a value */
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        long n;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(SERVE_HELP, stdout);
            return EXIT_OK;
        }
        if (!v) {
            fprintf(stderr, "parley serve: unknown or incomplete option '%s' (see --help)\n", a);
            return EXIT_USAGE;
        }
        if (!strcmp(a, "--db"))
            c->db = v;
        else if (!strcmp(a, "--listen"))
            c->listen = v;
        else if (!strcmp(a, "--threads") && number(v, 1, 256, &n) == 0)
            c->threads = (int)n;
        else if (!strcmp(a, "--time-limit") && number(v, 1, 600000, &n) == 0)
            c->time_limit_ms = n;
        else if (!strcmp(a, "--threads") || !strcmp(a, "--time-limit")) {
            fprintf(stderr, "parley serve: %s takes a number (%s), got '%s'\n", a,
                    a[2] == 't' && a[3] == 'h' ? "1..256" : "1..600000 ms", v);
            return EXIT_USAGE;
        } else {
            fprintf(stderr, "parley serve: unknown option '%s' (see --help)\n", a);
            return EXIT_USAGE;
        }
    }
    return -1;
}

int cmd_serve(int argc, char **argv) {
    server_config c;
    int r = parse_serve(&c, argc, argv);
    if (r >= 0) return r;
    /* The workers inherit this mask: only the main thread takes SIGINT and SIGTERM. */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);
    char err[600];
    server *srv = server_start(&c, err, sizeof err);
    if (!srv) {
        fprintf(stderr, "parley serve: %s\n", err);
        return EXIT_CANNOT;
    }
    fprintf(stderr, "parley serve: listening on %s (database %s, %d threads; Ctrl-C stops)\n",
            server_url(srv), c.db, c.threads);
    int sig = 0;
    sigwait(&stop_signals, &sig);
    fprintf(stderr, "parley serve: stopping (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    server_stop(srv);
    return EXIT_OK;
}

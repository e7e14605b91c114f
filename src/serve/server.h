/* server.h: `parley serve`'s HTTP server (libmicrohttpd): the JSON API (api.h) and the embedded
 * dashboard (assets.h) over one event database, opened read-only. */
#ifndef PARLEY_SERVER_H
#define PARLEY_SERVER_H

#include <stddef.h>

typedef struct {
    const char *db;     /* the event database (docs/store.md) */
    const char *listen; /* "HOST:PORT", "[V6]:PORT" or ":PORT"; port 0 picks a free one */
    int threads;        /* worker threads, each with its own read-only connection */
    long time_limit_ms; /* a query that runs longer is stopped with 503 */
} server_config;

typedef struct server server;

/* Check the database (it must exist and be a parley store of this version), bind and start
 * serving in the background. NULL with a message in err. */
server *server_start(const server_config *c, char *err, size_t cap);
/* The port it listens on and the address as a URL ("http://127.0.0.1:8080/"). */
int server_port(const server *s);
const char *server_url(const server *s);
/* Stop accepting, finish the requests under way, close every connection and free. */
void server_stop(server *s);

#endif

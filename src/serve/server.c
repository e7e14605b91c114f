/* server.c: the HTTP side of `parley serve`; see server.h and docs/api.md.
 *
 * libmicrohttpd runs a pool of worker threads; each worker opens its own read-only connection
 * to the database the first time it answers an API request (SQLite connections are not shared
 * between threads) and closes it when the pool stops. Requests are GET/HEAD only; everything
 * else is refused before any body is read. */
#include "server.h"

#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "api.h"
#include "assets.h"

struct server {
    struct MHD_Daemon *daemon;
    char db[1024];
    long time_limit_ms;
    pthread_key_t store_key; /* each worker thread's store */
    int port;
    char url[300];
};

/* The security headers every answer carries: nothing is loaded from elsewhere, nothing runs
 * inline, the types are not guessed, the pages are not framed. */
static void add_common_headers(struct MHD_Response *r) {
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; style-src 'self'; "
                            "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                            "base-uri 'none'; form-action 'self'");
}

static enum MHD_Result send_buffer(struct MHD_Connection *c, int status, const char *type,
                                   const void *data, size_t len, enum MHD_ResponseMemoryMode mode,
                                   const char *allow) {
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)data, mode);
    if (!r) return MHD_NO;
    MHD_add_response_header(r, "Content-Type", type);
    add_common_headers(r);
    if (allow) MHD_add_response_header(r, "Allow", allow);
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result send_json(struct MHD_Connection *c, int status, char *body, size_t len,
                                 const char *allow) {
    if (!body) {
        static const char OOM[] = "{\"error\":\"out of memory\"}";
        return send_buffer(c, 500, "application/json; charset=utf-8", OOM, sizeof OOM - 1,
                           MHD_RESPMEM_PERSISTENT, NULL);
    }
    /* MHD frees the body with free() once it is sent */
    return send_buffer(c, status, "application/json; charset=utf-8", body, len,
                       MHD_RESPMEM_MUST_FREE, allow);
}

/* This worker's read-only store, opened on its first request; NULL with a message. */
static store *worker_store(server *srv, char *err, size_t cap) {
    store *s = pthread_getspecific(srv->store_key);
    if (s) return s;
    s = store_open(srv->db, STORE_READONLY, err, cap);
    if (!s) return NULL;
    store_set_time_limit(s, srv->time_limit_ms);
    if (pthread_setspecific(srv->store_key, s) != 0) {
        store_close(s, NULL, 0);
        snprintf(err, cap, "cannot keep the worker's database connection");
        return NULL;
    }
    return s;
}

static void close_worker_store(void *s) {
    store_close(s, NULL, 0);
}

typedef struct {
    api_param params[API_MAX_PARAMS];
    int n, too_many;
} param_list;

static enum MHD_Result add_param(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value) {
    (void)kind;
    param_list *l = cls;
    if (l->n == API_MAX_PARAMS) {
        l->too_many = 1;
        return MHD_NO;
    }
    l->params[l->n++] = (api_param){key, value ? value : ""};
    return MHD_YES;
}

static enum MHD_Result answer_api(server *srv, struct MHD_Connection *c, const char *url,
                                  const char *method) {
    param_list l = {.n = 0};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_param, &l);
    api_response out = {0};
    if (l.too_many) {
        char *body = strdup("{\"error\":\"too many parameters\"}");
        return send_json(c, 400, body, body ? strlen(body) : 0, NULL);
    }
    char err[512];
    store *s = worker_store(srv, err, sizeof err);
    if (!s) {
        fprintf(stderr, "parley serve: %s\n", err);
        char *body = strdup("{\"error\":\"the database cannot be opened\"}");
        return send_json(c, 500, body, body ? strlen(body) : 0, NULL);
    }
    api_request req = {method, url, l.params, l.n};
    api_handle(s, &req, &out);
    return send_json(c, out.status, out.body, out.len, out.allow);
}

static enum MHD_Result answer_file(struct MHD_Connection *c, const char *url, const char *method) {
    asset a;
    static const char NOT_FOUND[] = "not found\n";
    static const char NOT_ALLOWED[] = "only GET and HEAD are allowed\n";
    if (!asset_find(url, &a))
        return send_buffer(c, 404, "text/plain; charset=utf-8", NOT_FOUND, sizeof NOT_FOUND - 1,
                           MHD_RESPMEM_PERSISTENT, NULL);
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return send_buffer(c, 405, "text/plain; charset=utf-8", NOT_ALLOWED, sizeof NOT_ALLOWED - 1,
                           MHD_RESPMEM_PERSISTENT, "GET, HEAD");
    return send_buffer(c, 200, a.content_type, a.data, a.len, MHD_RESPMEM_PERSISTENT, NULL);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **req_cls) {
    (void)version;
    (void)upload_data;
    static int headers_seen;
    int reading = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    /* GET and HEAD are answered on the second call, once the request is complete, so that the
     * connection stays open for the next request (keep-alive). Other methods are refused on the
     * first call: their body is never read and the connection is closed. */
    if (reading && !*req_cls) {
        *req_cls = &headers_seen;
        return MHD_YES;
    }
    if (reading && *upload_data_size) {
        *upload_data_size = 0; /* a body sent with GET is dropped */
        return MHD_YES;
    }
    if (api_owns(url)) return answer_api(cls, c, url, method);
    return answer_file(c, url, method);
}

/* Split "HOST:PORT", "[V6]:PORT" or ":PORT" (host 127.0.0.1). */
static int split_listen(const char *listen, char *host, size_t hcap, char *port, size_t pcap) {
    const char *colon = strrchr(listen, ':');
    if (!colon || !colon[1] || strlen(colon + 1) >= pcap) return -1;
    const char *h = listen;
    size_t hn = (size_t)(colon - listen);
    if (hn >= 2 && h[0] == '[' && h[hn - 1] == ']') h++, hn -= 2;
    if (hn >= hcap) return -1;
    if (hn == 0) h = "127.0.0.1", hn = 9;
    memcpy(host, h, hn);
    host[hn] = '\0';
    snprintf(port, pcap, "%s", colon + 1);
    for (const char *p = port; *p; p++)
        if (*p < '0' || *p > '9') return -1;
    return atoi(port) <= 65535 ? 0 : -1;
}

static int resolve(const char *listen, struct sockaddr_storage *addr, char *err, size_t cap) {
    char host[256], port[8];
    if (split_listen(listen, host, sizeof host, port, sizeof port) < 0) {
        snprintf(err, cap, "--listen must be HOST:PORT (127.0.0.1:8080, [::1]:8080), got '%s'",
                 listen);
        return -1;
    }
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *res;
    int rc = getaddrinfo(host, port, &hints, &res);
    if (rc != 0) {
        snprintf(err, cap, "--listen %s: %s", listen, gai_strerror(rc));
        return -1;
    }
    memcpy(addr, res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    return 0;
}

/* Open the database once here so that a missing file or an old schema stops the start. */
static int check_db(const char *path, char *err, size_t cap) {
    if (access(path, F_OK) != 0) {
        snprintf(err, cap, "%s: no such database", path);
        return -1;
    }
    store *s = store_open(path, STORE_READONLY, err, cap);
    if (!s) return -1;
    store_close(s, NULL, 0);
    return 0;
}

static void describe(server *srv, const struct sockaddr_storage *addr) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
    srv->port = info ? (int)info->port : 0;
    char host[INET6_ADDRSTRLEN + 2] = "";
    getnameinfo((const struct sockaddr *)addr, sizeof *addr, host, sizeof host, NULL, 0,
                NI_NUMERICHOST);
    int v6 = addr->ss_family == AF_INET6;
    snprintf(srv->url, sizeof srv->url, "http://%s%s%s:%d/", v6 ? "[" : "", host, v6 ? "]" : "",
             srv->port);
}

server *server_start(const server_config *c, char *err, size_t cap) {
    struct sockaddr_storage addr;
    if (check_db(c->db, err, cap) < 0 || resolve(c->listen, &addr, err, cap) < 0) return NULL;
    server *srv = calloc(1, sizeof *srv);
    if (!srv || strlen(c->db) >= sizeof srv->db) {
        snprintf(err, cap, srv ? "%s: path too long" : "out of memory", c->db);
        free(srv);
        return NULL;
    }
    snprintf(srv->db, sizeof srv->db, "%s", c->db);
    srv->time_limit_ms = c->time_limit_ms;
    if (pthread_key_create(&srv->store_key, close_worker_store) != 0) {
        snprintf(err, cap, "cannot create the workers' connection slots");
        free(srv);
        return NULL;
    }
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
    if (addr.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
    srv->daemon = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, srv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(c->threads > 0 ? c->threads : 1),
        MHD_OPTION_CONNECTION_LIMIT, 512u, MHD_OPTION_CONNECTION_TIMEOUT, 15u, MHD_OPTION_END);
    if (!srv->daemon) {
        snprintf(err, cap, "cannot listen on %s (address in use, or not an address of this host)",
                 c->listen);
        pthread_key_delete(srv->store_key);
        free(srv);
        return NULL;
    }
    describe(srv, &addr);
    return srv;
}

int server_port(const server *s) {
    return s->port;
}

const char *server_url(const server *s) {
    return s->url;
}

void server_stop(server *s) {
    if (!s) return;
    /* the pool's threads end here, each closing its store (close_worker_store) */
    MHD_stop_daemon(s->daemon);
    pthread_key_delete(s->store_key);
    free(s);
}

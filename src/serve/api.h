/* api.h: the JSON API of `parley serve` (docs/api.md), independent of HTTP: a request is a
 * method, a path and its query parameters; the answer is a status and a JSON body. The HTTP
 * server (server.c) only moves these in and out of the connection, so the API is tested
 * without a socket (tests/test_serve.c). */
#ifndef PARLEY_API_H
#define PARLEY_API_H

#include <stddef.h>

#include "../store/store.h"

#define API_DEFAULT_LIMIT 50
#define API_MAX_LIMIT     500  /* events, quotes, actors per page */
#define API_MAX_SERIES    5000 /* rows of a series */
#define API_MAX_PARAMS    24

typedef struct {
    const char *name, *value;
} api_param;

typedef struct {
    const char *method; /* "GET", "HEAD", ... */
    const char *path;   /* without the query string, URL-decoded */
    const api_param *params;
    int nparams;
} api_request;

typedef struct {
    int status; /* HTTP status: 200, 400, 404, 405, 500, 503 */
    char *body; /* malloc'd JSON text (an object), NULL only when out of memory */
    size_t len;
    const char *allow; /* for 405: the methods the path allows */
} api_response;

/* 1 when path is one of the API's (starts with /api). */
int api_owns(const char *path);

/* Answer one request from the store s (opened read-only). Never fails: errors are answered as
 * {"error": "..."} with their status. */
void api_handle(store *s, const api_request *req, api_response *out);

#endif

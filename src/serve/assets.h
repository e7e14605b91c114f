/* assets.h: the dashboard's files (src/serve/dashboard/), embedded in the binary at build time
 * so that `parley serve` needs nothing beside itself: no build step, no CDN. */
#ifndef PARLEY_ASSETS_H
#define PARLEY_ASSETS_H

#include <stddef.h>

typedef struct {
    const char *path;         /* as requested: "/", "/app.js", ... */
    const char *content_type; /* with charset */
    const unsigned char *data;
    size_t len;
} asset;

/* The file served at path into *out: 1, or 0 when there is none. */
int asset_find(const char *path, asset *out);

#endif

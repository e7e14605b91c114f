/* assets.c: the embedded dashboard files; see assets.h. The bytes come from assets_blob.S. */
#include "assets.h"

#include <string.h>

extern const unsigned char parley_index_html_start[], parley_index_html_end[];
extern const unsigned char parley_app_js_start[], parley_app_js_end[];
extern const unsigned char parley_style_css_start[], parley_style_css_end[];

int asset_find(const char *path, asset *out) {
    if (!strcmp(path, "/") || !strcmp(path, "/index.html"))
        *out = (asset){path, "text/html; charset=utf-8", parley_index_html_start,
                       (size_t)(parley_index_html_end - parley_index_html_start)};
    else if (!strcmp(path, "/app.js"))
        *out = (asset){path, "text/javascript; charset=utf-8", parley_app_js_start,
                       (size_t)(parley_app_js_end - parley_app_js_start)};
    else if (!strcmp(path, "/style.css"))
        *out = (asset){path, "text/css; charset=utf-8", parley_style_css_start,
                       (size_t)(parley_style_css_end - parley_style_css_start)};
    else
        return 0;
    return 1;
}

/* rows_json.c: store rows as JSON text; see rows_json.h. */
#include "rows_json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void json_text_raw(json_text *t, const char *s, size_t n) {
    textbuf_put(t, s, n);
}

void json_text_cstr(json_text *t, const char *s) {
    json_text_raw(t, s, strlen(s));
}

/* Runs of bytes that need no escape are copied whole. */
void json_text_string(json_text *t, const char *s) {
    static const char HEX[] = "0123456789abcdef";
    json_text_raw(t, "\"", 1);
    const char *run = s;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        json_text_raw(t, run, (size_t)(s - run));
        if (!c) break;
        char esc[6] = {'\\', (char)c, 0, 0, 0, 0};
        size_t n = 2;
        if (c == '\n')
            esc[1] = 'n';
        else if (c == '\r')
            esc[1] = 'r';
        else if (c == '\t')
            esc[1] = 't';
        else if (c < 0x20) {
            memcpy(esc, "\\u00", 4);
            esc[4] = HEX[c >> 4];
            esc[5] = HEX[c & 15];
            n = 6;
        }
        json_text_raw(t, esc, n);
        run = s + 1;
    }
    json_text_raw(t, "\"", 1);
}

void json_text_long(json_text *t, long long v) {
    char b[24];
    json_text_raw(t, b, (size_t)snprintf(b, sizeof b, "%lld", v));
}

void json_text_real(json_text *t, double v) {
    if (!isfinite(v)) {
        json_text_cstr(t, "null");
        return;
    }
    char b[40];
    int n = snprintf(b, sizeof b, "%.10g", v);
    if (!strpbrk(b, ".e")) n += snprintf(b + n, sizeof b - (size_t)n, ".0");
    json_text_raw(t, b, (size_t)n);
}

void json_text_row(json_text *t, const store_row *row) {
    json_text_raw(t, "{", 1);
    for (int i = 0; i < row->ncols; i++) {
        if (i) json_text_raw(t, ",", 1);
        json_text_string(t, row->names[i]);
        json_text_raw(t, ":", 1);
        const store_value *v = &row->values[i];
        switch (v->type) {
        case STORE_INT: json_text_long(t, v->i); break;
        case STORE_REAL: json_text_real(t, v->d); break;
        case STORE_TEXT: json_text_string(t, v->s); break;
        default: json_text_raw(t, "null", 4);
        }
    }
    json_text_raw(t, "}", 1);
}

void json_text_free(json_text *t) {
    textbuf_free(t);
}

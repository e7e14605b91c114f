/* articles.c: JSON-lines article reader on jansson; see articles.h. */
#include "articles.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static const char *get_str(json_t *o, const char *key, int *bad) {
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v)) return NULL;
    if (!json_is_string(v)) {
        *bad = 1;
        return NULL;
    }
    return json_string_value(v);
}

int article_parse_json(const char *line, size_t len, owned_article *out, char *msg, size_t cap) {
    memset(out, 0, sizeof *out);
    json_error_t je;
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        snprintf(msg, cap, "not valid JSON (column %d: %s)", je.column, je.text);
        return -1;
    }
    if (!json_is_object(root)) {
        snprintf(msg, cap, "expected a JSON object");
        json_decref(root);
        return -1;
    }
    int bad = 0;
    out->a.id = get_str(root, "id", &bad);
    out->a.date = get_str(root, "date", &bad);
    out->a.title = get_str(root, "title", &bad);
    out->a.text = get_str(root, "text", &bad);
    out->a.source = get_str(root, "source", &bad);
    if (bad) {
        snprintf(msg, cap, "id, date, title, text and source must be strings");
        json_decref(root);
        return -1;
    }
    if (!out->a.text) {
        snprintf(msg, cap, "missing \"text\"");
        json_decref(root);
        return -1;
    }
    json_t *t = json_object_get(root, "text");
    out->a.text_len = json_string_length(t);
    if (out->a.date && article_date_ok(out->a.date) == 0) {
        snprintf(msg, cap, "\"date\" must be YYYY-MM-DD, got \"%.40s\"", out->a.date);
        json_decref(root);
        return -1;
    }
    out->json = root;
    return 0;
}

void article_free(owned_article *a) {
    if (a->json) json_decref(a->json);
    a->json = NULL;
}

int article_date_ok(const char *s) {
    int y, m, d;
    char tail;
    if (strlen(s) < 10) return 0;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) < 3) return 0;
    return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && s[4] == '-' && s[7] == '-';
}

long jsonl_next_line(FILE *f, char **line, size_t *cap, size_t *len) {
    ssize_t got = getline(line, cap, f);
    if (got < 0) return -1;
    size_t n = (size_t)got;
    while (n && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r'))
        n--;
    *len = n;
    return (long)got;
}

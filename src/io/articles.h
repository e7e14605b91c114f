/* articles.h: parley's input format: one JSON article a line
 * {"id","date","title","text","source"}; or a plain-text file coded as one article. */
#ifndef PARLEY_ARTICLES_H
#define PARLEY_ARTICLES_H

#include <stdio.h>

#include <stddef.h>

#include "../../include/parley.h"

/* 1 when s is a valid YYYY-MM-DD date (or a longer ISO timestamp starting with one). */
int article_date_ok(const char *s);

/* Parse one JSON line into an article whose strings are owned by *owner (free with
 * article_free). Returns 0, or -1 with a message naming the problem in msg. */
typedef struct {
    parley_article a;
    void *json; /* the parsed JSON document that owns the strings */
} owned_article;

int article_parse_json(const char *line, size_t len, owned_article *out, char *msg, size_t cap);
void article_free(owned_article *a);

/* Read the next line of a JSON-lines stream into *line (grown as getline does); *len is its
 * length without the trailing CR/LF. Returns the bytes read, or -1 at the end. */
long jsonl_next_line(FILE *f, char **line, size_t *cap, size_t *len);

#endif

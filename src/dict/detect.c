/* detect.c: dictionary format detection; see detect.h. */
#include "detect.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DETECT_BYTES 65536
#define DETECT_LINES 5000

static int has_ext(const char *name, const char *ext) {
    if (!name) return 0;
    const char *slash = strrchr(name, '/');
    const char *base = slash ? slash + 1 : name;
    const char *dot = strrchr(base, '.');
    if (!dot) return 0;
    dot++;
    size_t n = strlen(ext);
    if (strlen(dot) != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)dot[i]) != ext[i]) return 0;
    return 1;
}

static int starts(const char *s, size_t n, const char *p) {
    size_t m = strlen(p);
    if (n < m) return 0;
    for (size_t i = 0; i < m; i++)
        if (toupper((unsigned char)s[i]) != toupper((unsigned char)p[i])) return 0;
    return 1;
}

static const char *memfind(const char *s, size_t n, const char *p) {
    size_t m = strlen(p);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, p, m) == 0) return s + i;
    return NULL;
}

int dict_detect_format_mem(const char *name, const char *text, size_t len) {
    static const char *const tabari_ext[] = {"verbs", "actors", "agents", "options", "project"};
    for (size_t i = 0; i < sizeof tabari_ext / sizeof tabari_ext[0]; i++)
        if (has_ext(name, tabari_ext[i])) return DICT_FMT_TABARI;
    if (has_ext(name, "tsv")) return DICT_FMT_PARLEY;
    int petr = 0, tab = 0, own = 0, plain = 0, in_synsets = 0, after_syn = 0;
    if (has_ext(name, "xml")) petr += 5;
    if (len > DETECT_BYTES) len = DETECT_BYTES;
    size_t pos = 0;
    int lines = 0;
    while (pos < len && lines < DETECT_LINES) {
        const char *s = text + pos;
        const char *e = memchr(s, '\n', len - pos);
        size_t n = e ? (size_t)(e - s) : len - pos;
        pos += n + 1;
        lines++;
        while (n && isspace((unsigned char)s[n - 1]))
            n--;
        size_t lead = 0;
        while (lead < n && isspace((unsigned char)s[lead]))
            lead++;
        const char *t = s + lead;
        size_t tn = n - lead;
        if (tn == 0) continue;
        if (lines == 1 && starts(s, n, "code\t")) own += 10;
        if (t[0] == '#' || t[0] == '+') plain = 1;
        /* a PETRARCH synset ("&NAME" then "+WORD" lines) outside a TABARI <SYNSETS> section */
        if (after_syn && t[0] == '+' && !in_synsets) petr += 1;
        after_syn = t[0] == '&';
        if (starts(t, tn, "<SYNSETS>")) in_synsets = 1;
        if (starts(t, tn, "</SYNSETS>")) in_synsets = 0;
        if (t[0] == '#') continue;
        const char *br = memchr(t, '[', tn);
        const char *bar = memchr(t, '|', tn);
        /* PETRARCH */
        if (tn > 6 && starts(t, tn, "---") && t[3] != '-' && br && n >= 3 &&
            memcmp(s + n - 3, "---", 3) == 0)
            petr += 3;
        if (starts(t, tn, "<!--")) petr += 2;
        if (starts(t, tn, "<ISSUE")) petr += 3;
        if (t[0] == '!' && memchr(t + 1, '!', tn - 1) && memchr(t, '=', tn)) petr += 3;
        if (br && memchr(br, '#', tn - (size_t)(br - t))) petr += 1;
        /* TABARI */
        if (starts(t, tn, "<SYNSETS>") || starts(t, tn, "<TIME>") || starts(t, tn, "<NOUN>") ||
            starts(t, tn, "<ADJECTIVE>") || starts(t, tn, "<actorsfile>") ||
            starts(t, tn, "<verbsfile>") || starts(t, tn, "<optionsfile>") ||
            starts(t, tn, "~~FINISH"))
            tab += 3;
        if (starts(t, tn, "COMPLEX:") || starts(t, tn, "LABEL:") || starts(t, tn, "SET:") ||
            starts(t, tn, "OUTPUT:") || starts(t, tn, "FORWARD:"))
            tab += 2;
        if (br && memchr(br, ';', tn - (size_t)(br - t))) tab += 1;
        /* parley */
        if ((starts(t, tn, "verb ") || starts(t, tn, "noun ")) && bar) own += 3;
        if (t[0] == '@' && tn > 1 && isspace((unsigned char)t[1])) own += 3;
        if (t[0] == '&') {
            size_t k = 1;
            while (k < tn && (isalnum((unsigned char)t[k]) || t[k] == '_'))
                k++;
            while (k < tn && isspace((unsigned char)t[k]))
                k++;
            if (k < tn && t[k] == '=') own += 3;
        }
        if (bar && !br && !memfind(t, tn, "{") && t[0] != '-' && t[0] != '+') own += 2;
    }
    /* Nothing but phrases, '#' comments and '+' lines: a PETRARCH discards-style list (TABARI's
     * files carry their own extensions). */
    if (petr == 0 && tab == 0 && own == 0) return plain ? DICT_FMT_PETR : DICT_FMT_UNKNOWN;
    if (own > petr && own > tab) return DICT_FMT_PARLEY;
    if (tab > petr) return DICT_FMT_TABARI;
    return DICT_FMT_PETR;
}

int dict_detect_format(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    char *buf = malloc(DETECT_BYTES);
    if (!buf) {
        fclose(f);
        return -1;
    }
    size_t n = fread(buf, 1, DETECT_BYTES, f);
    int bad = ferror(f);
    fclose(f);
    int r = bad ? -1 : dict_detect_format_mem(path, buf, n);
    free(buf);
    return r;
}

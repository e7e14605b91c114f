/* petr_records.c: PETRARCH XML validation records through libxml2; see petr_records.h. */
#include "petr_records.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../dict/dict.h"

static int name_is(const xmlNode *n, const char *name) {
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Attribute value copied into the arena (blanks trimmed), or NULL when absent. */
static const char *attr(petr_record_set *s, xmlNode *n, const char *name, int *oom) {
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v) return NULL;
    const char *p = (const char *)v;
    size_t len = strlen(p);
    while (len && isspace((unsigned char)*p))
        p++, len--;
    while (len && isspace((unsigned char)p[len - 1]))
        len--;
    char *r = arena_strndup(&s->mem, p, len);
    xmlFree(v);
    if (!r) *oom = 1;
    return r;
}

/* Element text with white space runs collapsed to one blank, trimmed. */
static const char *text_of(petr_record_set *s, xmlNode *n, int *oom) {
    xmlChar *v = xmlNodeGetContent(n);
    if (!v) return NULL;
    const char *p = (const char *)v;
    size_t len = strlen(p);
    char *r = arena_alloc(&s->mem, len + 1);
    if (!r) {
        xmlFree(v);
        *oom = 1;
        return NULL;
    }
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        if (isspace((unsigned char)p[i])) {
            space = 1;
            continue;
        }
        if (space && k) r[k++] = ' ';
        space = 0;
        r[k++] = p[i];
    }
    r[k] = '\0';
    xmlFree(v);
    return r;
}

static const char *resolve(petr_record_set *s, const char *base, const char *name, int *oom) {
    if (!name || !*name) return NULL;
    size_t n = strlen(name);
    const char *slash = strrchr(base, '/');
    size_t dn = (name[0] == '/' || !slash) ? 0 : (size_t)(slash - base) + 1;
    char *r = arena_alloc(&s->mem, dn + n + 1);
    if (!r) {
        *oom = 1;
        return NULL;
    }
    memcpy(r, base, dn);
    memcpy(r + dn, name, n + 1);
    return r;
}

static size_t count_sentences(xmlNode *n) {
    size_t k = 0;
    for (xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (name_is(c, "Sentence"))
            k++;
        else
            k += count_sentences(c->children);
    }
    return k;
}

static void read_environment(petr_record_set *s, xmlNode *env, const char *path, int *oom) {
    size_t n_act = 0;
    for (xmlNode *c = env->children; c; c = c->next)
        if (name_is(c, "Actorfile")) n_act++;
    if (n_act) {
        s->actors = arena_calloc(&s->mem, n_act, sizeof *s->actors);
        if (!s->actors) {
            *oom = 1;
            return;
        }
    }
    for (xmlNode *c = env->children; c && !*oom; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const char *v = text_of(s, c, oom);
        if (!v) continue;
        if (name_is(c, "Verbfile"))
            s->verbs = resolve(s, path, v, oom);
        else if (name_is(c, "Actorfile")) {
            const char *r = resolve(s, path, v, oom);
            if (r) s->actors[s->n_actors++] = r;
        } else if (name_is(c, "Agentfile"))
            s->agents = resolve(s, path, v, oom);
        else if (name_is(c, "Discardfile"))
            s->discards = resolve(s, path, v, oom);
        else if (name_is(c, "Issuefile"))
            s->issues = resolve(s, path, v, oom);
        else if (name_is(c, "Errorfile"))
            s->errors = resolve(s, path, v, oom);
        else if (name_is(c, "Include")) {
            size_t words = 0;
            for (const char *p = v; *p;) {
                while (*p == ' ')
                    p++;
                if (!*p) break;
                words++;
                while (*p && *p != ' ')
                    p++;
            }
            s->include = arena_calloc(&s->mem, words ? words : 1, sizeof *s->include);
            if (!s->include) {
                *oom = 1;
                return;
            }
            s->n_include = 0;
            for (const char *p = v; *p;) {
                while (*p == ' ')
                    p++;
                if (!*p) break;
                const char *b = p;
                while (*p && *p != ' ')
                    p++;
                const char *w = arena_strndup(&s->mem, b, (size_t)(p - b));
                if (!w) {
                    *oom = 1;
                    return;
                }
                s->include[s->n_include++] = w;
            }
        }
    }
}

static int is_true(const char *v) {
    return v && (strcmp(v, "true") == 0 || strcmp(v, "True") == 0 || strcmp(v, "TRUE") == 0);
}

static void read_sentence(petr_record_set *s, xmlNode *sn, int *oom) {
    petr_record *r = &s->records[s->n++];
    memset(r, 0, sizeof *r);
    r->line = xmlGetLineNo(sn);
    r->id = attr(s, sn, "id", oom);
    r->category = attr(s, sn, "category", oom);
    const char *date = attr(s, sn, "date", oom);
    const char *sent = attr(s, sn, "sentence", oom);
    r->sentence = sent ? is_true(sent) : -1;
    int32_t dt = date ? dict_parse_date(date, strlen(date)) : -1;
    r->date = dt > 0 ? dt : 0;
    if (dt <= 0 || !r->id) s->warnings++;
    size_t nev = 0;
    for (xmlNode *c = sn->children; c; c = c->next)
        if (name_is(c, "EventCoding")) nev++;
    petr_event *ev = nev ? arena_calloc(&s->mem, nev, sizeof *ev) : NULL;
    if (nev && !ev) {
        *oom = 1;
        return;
    }
    for (xmlNode *c = sn->children; c && !*oom; c = c->next) {
        if (name_is(c, "EventCoding")) {
            const char *ne = attr(s, c, "noevents", oom);
            const char *er = attr(s, c, "error", oom);
            if (is_true(ne)) {
                r->noevents = 1;
            } else if (er) {
                r->error = er;
            } else {
                petr_event *e = &ev[r->n_events++];
                e->source = attr(s, c, "sourcecode", oom);
                e->target = attr(s, c, "targetcode", oom);
                e->code = attr(s, c, "eventcode", oom);
                if (!e->source || !e->target || !e->code) s->warnings++;
            }
        } else if (name_is(c, "Text")) {
            r->text = text_of(s, c, oom);
        }
    }
    r->events = ev;
    if (!r->text) s->warnings++;
    r->included = 1;
    if (s->include) {
        r->included = 0;
        for (size_t i = 0; i < s->n_include; i++)
            if (r->category && strcmp(s->include[i], r->category) == 0) r->included = 1;
    }
    if (r->sentence == 0) s->n_disabled++;
    if (r->noevents) s->n_noevents++;
    if (r->error) s->n_error++;
    if (!r->included) s->n_not_included++;
}

static void walk(petr_record_set *s, xmlNode *n, const char *path, int *oom) {
    for (xmlNode *c = n; c && !*oom; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (name_is(c, "Environment"))
            read_environment(s, c, path, oom);
        else if (name_is(c, "Sentence"))
            read_sentence(s, c, oom);
        else
            walk(s, c->children, path, oom);
    }
}

int petr_records_read(const char *path, petr_record_set *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    arena_init(&out->mem, 1 << 16);
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (err && errlen) snprintf(err, errlen, "cannot open %s", path);
        return -1;
    }
    fclose(f);
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        if (err && errlen) snprintf(err, errlen, "out of memory");
        return -1;
    }
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE;
#ifdef XML_PARSE_BIG_LINES
    opts |= XML_PARSE_BIG_LINES;
#endif
    xmlDocPtr doc = xmlCtxtReadFile(ctxt, path, NULL, opts);
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        if (err && errlen)
            snprintf(err, errlen, "%s:%d: not readable XML: %s", path, e ? e->line : 0,
                     e && e->message ? e->message : "parse error");
        if (err && errlen) { /* libxml2 messages end with a newline */
            size_t n = strlen(err);
            while (n && (err[n - 1] == '\n' || err[n - 1] == ' '))
                err[--n] = '\0';
        }
        xmlFreeParserCtxt(ctxt);
        return -1;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    size_t cap = root ? count_sentences(root) : 0;
    int oom = 0;
    if (cap) {
        out->records = arena_calloc(&out->mem, cap, sizeof *out->records);
        if (!out->records) oom = 1;
    }
    if (!oom && root) walk(out, root, path, &oom);
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    if (oom) {
        petr_records_free(out);
        if (err && errlen) snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* <Include> may come after sentences in odd files: recompute the flags once at the end */
    if (out->include) {
        out->n_not_included = 0;
        for (size_t i = 0; i < out->n; i++) {
            petr_record *r = &out->records[i];
            r->included = 0;
            for (size_t k = 0; k < out->n_include; k++)
                if (r->category && strcmp(out->include[k], r->category) == 0) r->included = 1;
            if (!r->included) out->n_not_included++;
        }
    }
    return 0;
}

void petr_records_free(petr_record_set *s) {
    if (!s) return;
    arena_free(&s->mem);
    memset(s, 0, sizeof *s);
}

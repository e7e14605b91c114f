/* records.c: record -> JSON line, with jansson; see records.h. */
#include "records.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *span_json(parley_span s) {
    if (s.end <= s.start) return json_null();
    return json_pack("[ii]", (json_int_t)s.start, (json_int_t)s.end);
}

static json_t *text_of(const parley_article *a, parley_span s) {
    if (s.end <= s.start || s.end > a->text_len) return json_string("");
    return json_stringn(a->text + s.start, s.end - s.start);
}

char *record_to_json(const parley_record *r, const parley_article *a) {
    json_t *o = json_object();
    if (!o) return NULL;
    if (r->kind == PARLEY_RECORD_QUOTE) {
        json_object_set_new(o, "type", json_string("quote"));
        json_object_set_new(o, "doc", json_string(r->doc));
        json_object_set_new(o, "sentence", json_integer(r->sentence));
        json_object_set_new(o, "text", text_of(a, r->quote_span));
        json_object_set_new(o, "speaker", json_string(r->speaker));
        json_object_set_new(o, "speaker_code", json_string(r->speaker_code));
        json_object_set_new(o, "span", span_json(r->quote_span));
    } else {
        json_object_set_new(o, "type", json_string("event"));
        json_object_set_new(o, "doc", json_string(r->doc));
        json_object_set_new(o, "sentence", json_integer(r->sentence));
        json_object_set_new(o, "date", json_string(r->date));
        json_object_set_new(o, "date_source", json_string(r->date_source));
        json_object_set_new(o, "source", json_string(r->source));
        json_object_set_new(o, "target", json_string(r->target));
        json_object_set_new(o, "code", json_string(r->code));
        json_object_set_new(o, "root", json_string(r->root));
        json_object_set_new(o, "quad_class", json_integer(r->quad_class));
        json_object_set_new(o, "goldstein", json_real(r->goldstein));
        json_object_set_new(o, "plover", json_string(r->plover));
        json_object_set_new(o, "source_text", text_of(a, r->source_span));
        json_object_set_new(o, "target_text", text_of(a, r->target_span));
        json_object_set_new(o, "verb_text", text_of(a, r->verb_span));
        json_object_set_new(o, "source_span", span_json(r->source_span));
        json_object_set_new(o, "verb_span", span_json(r->verb_span));
        json_object_set_new(o, "target_span", span_json(r->target_span));
        json_object_set_new(o, "evidence", text_of(a, r->sentence_span));
        json_object_set_new(o, "evidence_span", span_json(r->sentence_span));
        json_object_set_new(o, "pattern", json_string(r->pattern));
        json_object_set_new(o, "negated", json_boolean(r->negated));
        json_object_set_new(o, "modality", json_string(r->modality));
        json_object_set_new(o, "reported_by", json_string(r->reported_by));
    }
    return json_line(o);
}

char *json_line(json_t *o) {
    char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(o);
    if (!s) return NULL;
    size_t n = strlen(s);
    char *line = realloc(s, n + 2);
    if (!line) {
        free(s);
        return NULL;
    }
    line[n] = '\n';
    line[n + 1] = '\0';
    return line;
}

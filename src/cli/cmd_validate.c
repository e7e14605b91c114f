/* cmd_validate.c: `parley validate FILE`: run a peer's validation suite from plain text.
 *
 * A PETRARCH-2 XML unit-test file (its <Environment> names the dictionaries, paths relative to
 * the file; the <Parse> trees are ignored) or a TABARI .project (its .actors/.verbs/.agents and
 * .text records). Only the suite's own dictionaries are loaded (plus parley's CAMEO code table).
 * A record passes when the set of (source, target, code) events parley codes equals the expected
 * set exactly; a record that expects no event passes when nothing is coded. Counting rules are in
 * docs/validation.md. The last line printed is exactly "N passed, M failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../dict/tabari_reader.h"
#include "../io/petr_records.h"
#include "../io/tabari_records.h"
#include "cli.h"

static const char HELP[] =
    "usage: parley validate [-v] [--asserted] FILE\n"
    "\n"
    "Run a validation suite: a PETRARCH-2 XML unit-test file (e.g. PETR.UnitTest.records.xml) or\n"
    "a TABARI .project (e.g. Validate.project). Prints a table of passes per category; -v lists\n"
    "every failure with the expected and the coded events. The last line is 'N passed, M failed'.\n"
    "\n"
    "options:\n"
    "  -v, --verbose   list failures\n"
    "  --asserted      drop negated events, as 'parley code' does; by default they are kept,\n"
    "                  as PETRARCH and TABARI code them (their dictionaries express negation\n"
    "                  in patterns). Hypothetical events are dropped either way.\n"
    "\n"
    "exit status: 0 all passed, 1 some failed, 2 usage error, 3 cannot run\n";

#define MAX_EV 64

typedef struct {
    char src[32], tgt[32], code[12];
} ev;

typedef struct {
    ev v[MAX_EV];
    int n;
} ev_set;

static void ev_add(ev_set *s, const char *src, const char *tgt, const char *code) {
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].src, src) && !strcmp(s->v[i].tgt, tgt) && !strcmp(s->v[i].code, code))
            return;
    if (s->n == MAX_EV) return;
    snprintf(s->v[s->n].src, sizeof s->v[s->n].src, "%s", src);
    snprintf(s->v[s->n].tgt, sizeof s->v[s->n].tgt, "%s", tgt);
    snprintf(s->v[s->n].code, sizeof s->v[s->n].code, "%s", code);
    s->n++;
}

static int ev_equal(const ev_set *a, const ev_set *b) {
    if (a->n != b->n) return 0;
    for (int i = 0; i < a->n; i++) {
        int found = 0;
        for (int j = 0; j < b->n && !found; j++)
            found = !strcmp(a->v[i].src, b->v[j].src) && !strcmp(a->v[i].tgt, b->v[j].tgt) &&
                    !strcmp(a->v[i].code, b->v[j].code);
        if (!found) return 0;
    }
    return 1;
}

static void ev_print(const char *label, const ev_set *s) {
    printf("      %s:", label);
    if (!s->n) printf(" (none)");
    for (int i = 0; i < s->n; i++)
        printf(" %s/%s/%s", s->v[i].src, s->v[i].tgt[0] ? s->v[i].tgt : "---", s->v[i].code);
    printf("\n");
}

static int collect(void *user, const parley_record *r) {
    if (r->kind == PARLEY_RECORD_EVENT) ev_add(user, r->source, r->target, r->code);
    return 0;
}

/* Per-category tally. */
typedef struct {
    char name[32];
    int pass, fail;
} category;

typedef struct {
    category c[64];
    int n;
} tally;

static void count(tally *t, const char *cat, int ok) {
    int i = 0;
    while (i < t->n && strcmp(t->c[i].name, cat))
        i++;
    if (i == t->n && t->n < 64) {
        snprintf(t->c[t->n].name, sizeof t->c[t->n].name, "%s", cat);
        t->n++;
    }
    if (i < 64) {
        if (ok)
            t->c[i].pass++;
        else
            t->c[i].fail++;
    }
}

static int report(const tally *t) {
    int pass = 0, fail = 0;
    printf("%-24s %6s %6s\n", "category", "passed", "failed");
    for (int i = 0; i < t->n; i++) {
        printf("%-24s %6d %6d\n", t->c[i].name, t->c[i].pass, t->c[i].fail);
        pass += t->c[i].pass;
        fail += t->c[i].fail;
    }
    printf("%d passed, %d failed\n", pass, fail);
    return fail ? EXIT_SKIPPED : EXIT_OK;
}

/* Code one text with a date (YYYYMMDD) into a set of events. */
static int code_text(parley_coder *c, const char *id, int32_t date, const char *text, ev_set *got) {
    char d[16] = "";
    if (date)
        snprintf(d, sizeof d, "%04d-%02d-%02d", (int)(date / 10000), (int)(date / 100 % 100),
                 (int)(date % 100));
    parley_article a = {.id = id, .date = date ? d : NULL, .text = text, .text_len = strlen(text)};
    parley_error err;
    memset(&err, 0, sizeof err);
    memset(got, 0, sizeof *got);
    return parley_code_article(c, &a, collect, got, &err) == PARLEY_OK ? 0 : -1;
}

/* A category key from a record id: "DEMO-01" -> "DEMO". */
static void category_of(const char *id, char *out, size_t cap) {
    size_t n = strcspn(id, "-");
    if (n >= cap) n = cap - 1;
    memcpy(out, id, n);
    out[n] = '\0';
}

/* What every suite run shares: the suite's dictionaries, a coder, the tally. */
typedef struct {
    parley_dicts *dicts;
    parley_coder *coder;
    tally t;
    int verbose;
    parley_options opt; /* the coder's options, changed by TABARI option records */
} suite;

/* Load only the named dictionaries (actors: up to 16 files) and make a coder. */
static int suite_open(suite *su, parley_dict_paths *p, const char *const *actors, size_t nactors,
                      int verbose, int all, int null_agents) {
    const char *list[17] = {0};
    for (size_t i = 0; i < nactors && i < 16; i++)
        list[i] = actors[i];
    p->only_named = 1;
    p->actors = nactors ? list : NULL;
    memset(su, 0, sizeof *su);
    su->verbose = verbose;
    unsigned warnings;
    su->dicts = cli_load_dicts(p, &warnings);
    if (!su->dicts) return -1;
    su->opt = (parley_options){.emit_negated = all, .require_dyad = 1, .null_agents = null_agents};
    parley_options opt = su->opt;
    parley_error e;
    memset(&e, 0, sizeof e);
    su->coder = parley_coder_new(su->dicts, &opt, &e);
    if (!su->coder) {
        fprintf(stderr, "parley validate: %s\n", e.message);
        parley_dicts_free(su->dicts);
        return -1;
    }
    return 0;
}

static void suite_close(suite *su) {
    parley_coder_free(su->coder);
    parley_dicts_free(su->dicts);
}

/* Code one record and count it; `where` names it in failure reports. */
static void suite_record(suite *su, const char *id, const char *category, int32_t date,
                         const char *text, const ev_set *want, const char *file, long line) {
    ev_set got;
    code_text(su->coder, id, date, text, &got);
    int ok = ev_equal(want, &got);
    count(&su->t, category, ok);
    if (!ok && su->verbose) {
        printf("FAIL %s (%s:%ld) %s\n", id, file, line, text);
        ev_print("expected", want);
        ev_print("coded   ", &got);
    }
}

static int run_petr(const char *path, int verbose, int all) {
    petr_record_set rs;
    char err[512];
    if (petr_records_read(path, &rs, err, sizeof err) < 0) {
        fprintf(stderr, "parley validate: %s\n", err);
        return EXIT_CANNOT;
    }
    parley_dict_paths p;
    memset(&p, 0, sizeof p);
    p.verbs = rs.verbs;
    p.agents = rs.agents;
    p.discards = rs.discards;
    p.issues = rs.issues;
    suite su;
    /* PETRARCH codes an agent without a country as ---AGENT */
    if (suite_open(&su, &p, rs.actors, rs.n_actors, verbose, all, 1) < 0) {
        petr_records_free(&rs);
        return EXIT_CANNOT;
    }
    for (size_t i = 0; i < rs.n; i++) {
        const petr_record *r = &rs.records[i];
        ev_set want;
        memset(&want, 0, sizeof want);
        for (size_t k = 0; k < r->n_events; k++)
            ev_add(&want, r->events[k].source, r->events[k].target, r->events[k].code);
        suite_record(&su, r->id, r->category ? r->category : "?", r->date, r->text ? r->text : "",
                     &want, path, r->line);
    }
    suite_close(&su);
    petr_records_free(&rs);
    return report(&su.t);
}

/* Apply TABARI option lines (an .options file's text, or one option record's lines) to the
 * suite's coder. */
static void apply_tabari_options(suite *su, const char *text) {
    tabari_options o;
    char err[128];
    if (tabari_read_options_mem(text, strlen(text), &o, err, sizeof err) < 0) return;
    tabari_options_apply(&o, &su->opt.tabari);
    tabari_options_free(&o);
    parley_coder_set_options(su->coder, &su->opt);
}

/* TABARI's own defaults, then the project's .options file. */
static void tabari_initial_options(suite *su, const char *options_path) {
    su->opt.tabari.enabled = 1;
    su->opt.tabari.min_words = 8; /* TABARI's defaults: MINIMUM WORDS, COMMA: */
    su->opt.tabari.comma_min = su->opt.tabari.comma_emin = 2;
    su->opt.tabari.comma_max = su->opt.tabari.comma_emax = 10;
    su->opt.tabari.comma_bmin = 255;
    su->opt.tabari.comma_bmax = 0;
    parley_coder_set_options(su->coder, &su->opt);
    if (!options_path) return;
    tabari_options o;
    char err[512];
    if (tabari_read_options(options_path, &o, err, sizeof err) < 0) {
        fprintf(stderr, "parley validate: %s (options not applied)\n", err);
        return;
    }
    tabari_options_apply(&o, &su->opt.tabari);
    tabari_options_free(&o);
    parley_coder_set_options(su->coder, &su->opt);
}

/* The story a record belongs to under TABARI's FORWARD mask: the id's characters at the
 * mask's 'N' positions (leading '^' of the mask left out). */
static void story_of(const char *mask, const char *id, char *out, size_t cap) {
    while (*mask == '^')
        mask++;
    size_t k = 0;
    for (size_t i = 0; mask[i] && id[i] && k + 1 < cap; i++)
        if (mask[i] == 'N') out[k++] = id[i];
    out[k] = '\0';
}

/* Before a record is coded: with FORWARD on, a record of the same story as the previous one
 * gets that record's first actor for its pronouns. */
static void forward_actor_for(suite *su, const char *id, char *story, size_t cap,
                              const char *prev_actor) {
    char cur[32];
    parley_tabari_options *t = &su->opt.tabari;
    if (!t->forward_mask[0]) {
        story[0] = t->forward_actor[0] = '\0';
        return;
    }
    story_of(t->forward_mask, id, cur, sizeof cur);
    if (story[0] && !strcmp(cur, story))
        snprintf(t->forward_actor, sizeof t->forward_actor, "%s", prev_actor);
    else
        t->forward_actor[0] = '\0';
    snprintf(story, cap, "%s", cur);
    parley_coder_set_options(su->coder, &su->opt);
}

static int run_tabari(const char *path, int verbose, int all) {
    tabari_project pr;
    char err[512];
    if (tabari_read_project(path, &pr, err, sizeof err) < 0) {
        fprintf(stderr, "parley validate: %s\n", err);
        return EXIT_CANNOT;
    }
    parley_dict_paths p;
    memset(&p, 0, sizeof p);
    p.verbs = pr.verbs;
    p.agents = pr.agents;
    suite su;
    if (suite_open(&su, &p, (const char *const *)pr.actors, pr.n_actors, verbose, all, 0) < 0) {
        tabari_project_free(&pr);
        return EXIT_CANNOT;
    }
    tabari_initial_options(&su, pr.options);
    char story[32] = "", prev_actor[32] = "";
    int rc = EXIT_OK;
    for (size_t f = 0; f < pr.n_texts; f++) {
        tabari_record_set rs;
        if (tabari_records_read(pr.texts[f], &rs, err, sizeof err) < 0) {
            fprintf(stderr, "parley validate: %s\n", err);
            rc = EXIT_CANNOT;
            continue;
        }
        for (size_t i = 0; i < rs.n; i++) {
            const tabari_record *r = &rs.records[i];
            if (r->after_end) break;
            for (size_t k = 0; k < r->n_options; k++)
                apply_tabari_options(&su, r->options[k]);
            if (!r->scoreable) continue;
            ev_set want;
            memset(&want, 0, sizeof want);
            for (size_t k = 0; k < r->n_events; k++)
                ev_add(&want, r->events[k].source,
                       strcmp(r->events[k].target, "---") ? r->events[k].target : "",
                       r->events[k].code);
            char cat[32];
            category_of(r->id ? r->id : "?", cat, sizeof cat);
            forward_actor_for(&su, r->id ? r->id : "", story, sizeof story, prev_actor);
            suite_record(&su, r->id ? r->id : "?", cat, r->date, r->text ? r->text : "", &want,
                         pr.texts[f], r->line);
            snprintf(prev_actor, sizeof prev_actor, "%s", parley_coder_first_actor(su.coder));
        }
        tabari_records_free(&rs);
    }
    suite_close(&su);
    tabari_project_free(&pr);
    int r = report(&su.t);
    return rc ? rc : r;
}

int cmd_validate(int argc, char **argv) {
    int verbose = 0, all = 1;
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(HELP, stdout);
            return EXIT_OK;
        } else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose"))
            verbose = 1;
        else if (!strcmp(argv[i], "--asserted"))
            all = 0;
        else if (argv[i][0] == '-') {
            fprintf(stderr, "parley validate: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        } else if (!file)
            file = argv[i];
        else {
            fprintf(stderr, "parley validate: one suite at a time\n");
            return EXIT_USAGE;
        }
    }
    if (!file) {
        fputs(HELP, stderr);
        return EXIT_USAGE;
    }
    size_t n = strlen(file);
    if (n > 8 && !strcmp(file + n - 8, ".project")) return run_tabari(file, verbose, all);
    return run_petr(file, verbose, all);
}

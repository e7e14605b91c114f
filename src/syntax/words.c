/* words.c: the cue-word classes; see words.h. */
#include "words.h"

#include <stdlib.h>
#include <string.h>

#include "../util/intern.h"

struct syntax_words {
    intern_table t;
    uint32_t *cls; /* indexed by id */
};

typedef struct {
    uint32_t cls;
    const char *words; /* space-separated */
} word_list;

static const word_list LISTS[] = {
    {W_BE, "be is are was were been being am 's 're 'm"},
    {W_HAVE, "have has had having 've 'd"},
    {W_DO, "do does did"},
    {W_MODAL, "would could might may should must can ca ought"},
    {W_FUTURE, "will shall wo 'll"},
    {W_NEG, "not n't never"},
    {W_GET, "get got gets getting"},
    {W_REPORT,
     "say said says saying tell told tells telling add added adds adding state stated states "
     "announce announced announces note noted notes claim claimed claims insist insisted insists "
     "warn warned warns argue argued argues believe believed believes report reported reports "
     "acknowledge acknowledged acknowledges suggest suggested suggests write wrote writes "
     "indicate indicated indicates confirm confirmed confirms assert asserted asserts declare "
     "declared declares explain explained explains stress stressed stresses reiterate "
     "reiterated reiterates think thought thinks assess assessed continued asked ask asks "
     "replied reply replies recalled recall recalls predicted predict predicts comment "
     "commented comments remarked remark remarks"},
    {W_SPEECH,
     "vow vowed vows pledge pledged pledges promise promised promises threaten threatened "
     "threatens call called calls calling urge urged urges describe described describes deem "
     "deemed deems term termed terms label labelled labeled dub dubbed welcome welcomed "
     "welcomes condemn condemned condemns criticize criticized criticise criticised accuse "
     "accused accuses denounce denounced denounces praise praised praises dismiss dismissed "
     "dismisses reject rejected rejects spoke speak speaks spoken hail hailed hails salute "
     "saluted demand demanded demands ask asked asks express expressed expresses voice "
     "voiced voices"},
    {W_ACCORDING, "according"},
    {W_PRON_PERSON, "he she him her"},
    {W_PRON_OTHER, "it they them"},
    {W_TIME, "week weeks month months year years day days weekend morning afternoon evening "
             "night time spring summer autumn fall winter quarter decade century"},
    {W_CONTENT,
     "hope hopes fear fears belief beliefs concern concerns assurance assurances "
     "claim claims warning warnings view expectation expectations confidence "
     "optimism pessimism doubt doubts suspicion suspicions report reports "
     "allegation allegations statement assertion insistence conviction sign signs evidence "
     "indication indications"},
    {W_IRREALIS, "effort efforts attempt attempts plan plans bid bids proposal proposals threat "
                 "threats intention intentions ambition ambitions goal goals aim aims hope hopes "
                 "desire plot plots scheme schemes campaign push drive pressure"},
    {W_HEDGE, "inclined likely unlikely reluctant unwilling hesitant loath loth poised "
              "tempted"},
    {W_SUBORD, "because although though while whereas after before since until unless when "
               "whenever once as"},
    {W_COND, "if unless whether"},
    {W_RELATIVE, "who which whom whose where"},
    {W_TITLE, "mr. mrs. ms. dr. gen. sen. rep. gov. president prime minister secretary lt. col. "
              "adm. prof. sir lord senator governor ambassador chancellor king queen prince "
              "princess sheikh emir mayor cardinal pope archbishop bishop general colonel "
              "admiral commander lieutenant premier congressman congresswoman spokesman "
              "spokeswoman chairman envoy"},
    {W_INTENDV, "threaten threatens threatened threatening vow vows vowed vowing pledge pledges "
                "pledged pledging promise promises promised promising plan plans planned planning "
                "want wants wanted seek seeks sought seeking offer offers offered offering propose "
                "proposes proposed refuse refuses refused refusing decline declines declined "
                "intend intends intended hope hopes hoped aim aims aimed try tries tried attempt "
                "attempts attempted agree agrees agreed commit commits committed"},
    {W_DENY, "deny denies denied denying refute refutes refuted dismiss dismisses dismissed "
             "reject rejects rejected"},
    {W_OFFICE, "state foreign affairs defence defense interior home finance economy justice "
               "health trade commerce energy treasury security information communications "
               "international development external internal relations deputy vice chief "
               "general senior acting"},
    {W_NOTNAME, "monday tuesday wednesday thursday friday saturday sunday january february march "
                "april may june july august september october november december jan. feb. aug. "
                "sept. oct. nov. dec."},
    {W_STARTER, "he she they we i"},
    {W_TO, "to"},
    {W_THAT, "that"},
    {W_CONJ, "and but or"},
    {W_SEMI, ";"},
    {W_DATE, "yesterday today tonight night after"},
};

syntax_words *syntax_words_new(void) {
    syntax_words *w = calloc(1, sizeof *w);
    if (!w || intern_init(&w->t) < 0) {
        free(w);
        return NULL;
    }
    size_t cap = 1024;
    w->cls = calloc(cap, sizeof *w->cls);
    if (!w->cls) goto fail;
    for (size_t l = 0; l < sizeof LISTS / sizeof LISTS[0]; l++) {
        const char *p = LISTS[l].words;
        while (*p) {
            while (*p == ' ')
                p++;
            const char *e = p;
            while (*e && *e != ' ')
                e++;
            if (e > p) {
                uint32_t id = intern_add(&w->t, p, (size_t)(e - p));
                if (!id || id >= cap) goto fail;
                w->cls[id] |= LISTS[l].cls;
            }
            p = e;
        }
    }
    return w;
fail:
    syntax_words_free(w);
    return NULL;
}

void syntax_words_free(syntax_words *w) {
    if (!w) return;
    intern_free(&w->t);
    free(w->cls);
    free(w);
}

uint32_t syntax_word_class(const syntax_words *w, const char *s, size_t n) {
    if (n > 16) return 0;
    uint32_t id = intern_find(&w->t, s, n);
    return id ? w->cls[id] : 0;
}

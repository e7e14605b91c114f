/* petr_records.h: read a PETRARCH XML validation / unit-test file (PETR.UnitTest.records.xml).
 *
 * Layout: <Environment> names the dictionaries (<Verbfile>, <Actorfile> (repeatable),
 * <Agentfile>, <Discardfile>, <Issuefile>, <Errorfile>) and the categories to run (<Include>);
 * each <Sentence date="YYYYMMDD" id category sentence="true|false"> holds its expected
 * <EventCoding sourcecode targetcode eventcode> elements, or <EventCoding noevents="True">, or
 * <EventCoding error="dateline|bad_input_parse|storydiscard|sentencediscard">, then <Text> and a
 * <Parse> tree (ignored: parley codes from the text). XML comments are skipped, so a
 * <Sentence> inside <!-- --> is not a record.
 *
 * Counting. Every <Sentence> element is one record: 284 in PETR.UnitTest.records.xml, all
 * scoreable (each states its expectation; PETRARCH-2's own 91/284 is measured over the same
 * 284). Within them:
 *   - sentence="false" (5 records: DEMO-04, AGENT-08, AGENTS-18, AGENTS-19, COMPOUND-28) marks
 *     tests of features PETRARCH does not implement ("14.04.26: currently not implemented",
 *     "This is a TABARI feature that may or may not get implemented"): they keep expected events
 *     that PETRARCH is not expected to produce; record.sentence = 0 lets a scorer report them
 *     apart. (PETRARCH-2's input reader uses the same attribute for "one sentence vs a whole
 *     story", hence the name.)
 *   - 19 records expect no event (noevents), 7 expect an error / discard instead of events, and
 *     1 (PATTERN-06) has no <EventCoding> at all, which also means no event expected.
 *   - categories outside <Include> (AGENTS x2, COMPOUNDx x1) have record.included = 0;
 *     PETRARCH's validation would skip them.
 * The text is the <Text> content with runs of white space collapsed to one blank.
 */
#ifndef PARLEY_PETR_RECORDS_H
#define PARLEY_PETR_RECORDS_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

typedef struct {
    const char *source, *target, *code; /* as written (new-actor codes keep their quotes) */
} petr_event;

typedef struct {
    const char *id, *category;
    int32_t date; /* YYYYMMDD, 0 when missing or malformed */
    const char *text;
    const petr_event *events;
    size_t n_events;
    int noevents;      /* <EventCoding noevents="True"> */
    const char *error; /* <EventCoding error="...">, or NULL */
    int sentence;      /* sentence="true" 1, "false" 0, absent -1 */
    int included;      /* category listed in <Include> (1 when there is no <Include>) */
    long line;         /* line of the <Sentence> element */
} petr_record;

typedef struct {
    petr_record *records;
    size_t n;
    /* <Environment>, file names resolved relative to the XML file (NULL when absent) */
    const char *verbs, *agents, *discards, *issues, *errors;
    const char **actors;
    size_t n_actors;
    const char **include; /* <Include> words */
    size_t n_include;
    size_t n_disabled; /* sentence="false" */
    size_t n_noevents, n_error, n_not_included;
    unsigned warnings; /* records with a malformed date or missing text / id */
    arena mem;         /* owns every string and array above */
} petr_record_set;

/* Returns 0, or -1 with a message in err (file unreadable, not XML, out of memory). */
int petr_records_read(const char *path, petr_record_set *out, char *err, size_t errlen);
void petr_records_free(petr_record_set *s);

#endif

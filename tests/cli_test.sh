#!/usr/bin/env bash
# End-to-end tests of the parley CLI: seed articles, plain text, bad lines, exit codes, help,
# thread-order stability. Needs PARLEY (the binary) and SHARED (../shared).
set -u
fail=0
pass=0
check() { # name, condition result
    if [ "$2" = 0 ]; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. the seed articles code to events and quotes
"$PARLEY" code --json < "$SHARED/eval/dev/articles.jsonl" > "$tmp/seeds.jsonl" 2> "$tmp/err"
check "code seeds exit 0" $?
grep -q '"type":"quote"' "$tmp/seeds.jsonl"; check "seeds have quotes" $?
grep -q '"type":"event"' "$tmp/seeds.jsonl"; check "seeds have events" $?
grep -q '"speaker":"John F. Kirby"' "$tmp/seeds.jsonl"; check "Kirby quote attributed in full" $?

# 2. a bad line is reported with its line number, the good ones are still coded
{ head -1 "$SHARED/eval/dev/articles.jsonl"; echo '{"id": "broken", "text": '; \
  sed -n 2p "$SHARED/eval/dev/articles.jsonl"; echo '{"id":"x","date":"yesterday","text":"a"}'; } > "$tmp/mixed.jsonl"
"$PARLEY" code --json "$tmp/mixed.jsonl" > "$tmp/mixed.out" 2> "$tmp/mixed.err"
check "mixed input exits 1" $([ $? = 1 ]; echo $?)
grep -q "mixed.jsonl:2: not valid JSON" "$tmp/mixed.err"; check "bad JSON reported with line" $?
grep -q "mixed.jsonl:4: \"date\" must be YYYY-MM-DD" "$tmp/mixed.err"; check "bad date reported" $?
docs=$(grep -o '"doc":"[^"]*"' "$tmp/mixed.out" | sort -u | wc -l)
check "both good articles coded" $([ "$docs" = 2 ]; echo $?)

# 3. plain text with --date
printf 'Russia condemned Ukraine on Monday.\n' | "$PARLEY" code --json --date 2022-03-01 --id plain > "$tmp/plain.out"
check "plain text exit 0" $?
grep -q '"doc":"plain"' "$tmp/plain.out"; check "plain text coded" $?

# 4. usage errors exit 2, help exits 0
"$PARLEY" code --threads zero < /dev/null 2> /dev/null; check "bad --threads exits 2" $([ $? = 2 ]; echo $?)
"$PARLEY" frobnicate 2> /dev/null; check "unknown command exits 2" $([ $? = 2 ]; echo $?)
for c in code dict; do "$PARLEY" $c --help > /dev/null; check "$c --help" $?; done
"$PARLEY" --help | grep -q "commands:"; check "top-level help" $?

# 5. output identical whatever --threads
"$PARLEY" code --json --threads 2 < "$SHARED/eval/dev/wikinews-articles.jsonl" > "$tmp/t2"
"$PARLEY" code --json --threads 1 < "$SHARED/eval/dev/wikinews-articles.jsonl" > "$tmp/t1"
cmp -s "$tmp/t1" "$tmp/t2"; check "same output with 1 and 2 threads" $?

# 6. a closed pipe ends the run quietly
"$PARLEY" code --json < "$SHARED/eval/dev/wikinews-articles.jsonl" 2> "$tmp/pipe.err" | head -1 > /dev/null
check "closed pipe: no error message" $([ ! -s "$tmp/pipe.err" ]; echo $?)

# 6b. a full disk is an error with a message, exit 3
if [ -w /dev/full ]; then
    "$PARLEY" code --json < "$SHARED/eval/dev/articles.jsonl" > /dev/full 2> "$tmp/full.err"
    check "full disk exits 3" $([ $? = 3 ]; echo $?)
    grep -q "cannot write the output" "$tmp/full.err"; check "full disk: message" $?
fi

# 7. real news: the whole corpus (3,889 articles) codes with no error in the release build, and
#    a 500-article sample under the sanitizers (ASAN_OPTIONS is set for that run); the output
#    does not depend on the thread count
CORPUS="$SHARED/corpus/wikinews-politics-2004-2009.jsonl"
if [ -f "$CORPUS" ]; then
    if [ -n "${ASAN_OPTIONS:-}" ]; then head -500 "$CORPUS"; else cat "$CORPUS"; fi > "$tmp/corpus.jsonl"
    "$PARLEY" code --json --threads 1 "$tmp/corpus.jsonl" > "$tmp/c1" 2> "$tmp/c1.err"
    check "corpus exits 0" $?
    check "corpus: no message" $([ ! -s "$tmp/c1.err" ]; echo $?)
    "$PARLEY" code --json --threads 2 "$tmp/corpus.jsonl" > "$tmp/c2" 2>/dev/null
    cmp -s "$tmp/c1" "$tmp/c2"; check "corpus: same output on 1 and 2 threads" $?
fi

# 8. validate: help and the last line format
"$PARLEY" validate --help > /dev/null; check "validate --help" $?
"$PARLEY" validate "$SHARED/reference/petrarch2/PETR.UnitTest.records.xml" 2>/dev/null | tail -1 | grep -Eq '^[0-9]+ passed, [0-9]+ failed$'
check "validate ends with N passed, M failed" $?

# 9. the bundled dictionaries lint clean
"$PARLEY" dict check > "$tmp/check.out"; check "dict check exits 0" $?
grep -q "^0 problems" "$tmp/check.out"; check "dict check: 0 problems" $?

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

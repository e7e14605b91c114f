#!/usr/bin/env bash
# Benchmarks of the event database (docs/benchmarks.md, "Event database"):
#  1. ingest speed: the Wikinews corpus coded once (parley code --json --articles), replicated
#     with new doc ids and text hashes to N articles, stored by `parley ingest` into a new
#     database on one core (coding excluded);
#  2. queries over a generated database of 1 million events (100,000 articles of 10 events):
#     actor prefix + date range (a month, a year), with and without --limit; a dyad-month series.
# Build first (cmake --build build). Work files go to build/bench-store (the 1M-event database is
# kept and reused; delete the folder to rebuild it).
set -euo pipefail
cd "$(dirname "$0")/.."
B=${BUILD:-build}
P=$B/parley
CORPUS=${CORPUS:-../shared/corpus/wikinews-politics-2004-2009.jsonl}
N=${ARTICLES:-40000}
W=$B/bench-store
[ -x "$P" ] || { echo "build first: cmake --build $B" >&2; exit 3; }
mkdir -p "$W"
cp "$P" "$W/parley" # a private copy: a rebuild during the run must not change the binary
P=$W/parley

ms() { # command... -> wall milliseconds of one run, output discarded
    local s e
    s=$(date +%s%N)
    "$@" > /dev/null
    e=$(date +%s%N)
    echo $(((e - s) / 1000000))
}
best() { # runs, command... -> the fastest of the runs, in ms
    local runs=$1 b=999999 t
    shift
    for _ in $(seq 1 "$runs"); do
        t=$(ms "$@")
        [ "$t" -lt "$b" ] && b=$t
    done
    echo "$b"
}

echo "== ingest of coded lines ($N articles replicated from the Wikinews corpus, one core)"
[ -s "$W/coded.jsonl" ] || "$P" code --json --articles --threads "$(nproc)" "$CORPUS" > "$W/coded.jsonl"
python3 bench/store_gen.py replicate "$W/coded.jsonl" "$N" > "$W/replicated.jsonl"
echo "input: $(wc -l < "$W/replicated.jsonl") lines, $(du -m "$W/replicated.jsonl" | cut -f1) MB"
for run in 1 2 3; do
    rm -f "$W/ingest.db" "$W/ingest.db-wal" "$W/ingest.db-shm"
    t=$(ms "$P" ingest --db "$W/ingest.db" "$W/replicated.jsonl")
    echo "run $run: $t ms, $((N * 60000 / t)) articles/min"
done
python3 - "$W/ingest.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = lambda s: db.execute(s).fetchone()[0]
print("stored: %d articles, %d events, %d mentions, %d quotes, %d quote mentions" % tuple(
    q("select count(*) from " + t) for t in
    ("articles", "events", "mentions", "quotes", "quote_mentions")))
PY

echo
echo "== queries over 1 million generated events"
DB=$W/events-1m.db
if [ ! -s "$DB" ]; then
    python3 bench/store_gen.py synthetic 100000 > "$W/synthetic.jsonl"
    t=$(ms "$P" ingest --db "$DB" "$W/synthetic.jsonl")
    echo "built in $t ms ($((100000 * 60000 / t)) articles/min of 10 events each)"
    rm -f "$W/synthetic.jsonl"
fi
echo "events: $(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from events").fetchone()[0])' "$DB")"
q() { # label, args...
    local label=$1
    shift
    local rows t
    rows=$("$P" query --db "$DB" --format tsv "$@" | tail -n +2 | wc -l)
    t=$(best 5 "$P" query --db "$DB" --format tsv "$@")
    printf '%-58s %6d rows %5d ms\n' "$label" "$rows" "$t"
}
q "--actor RUS --from 2020-03-01 --to 2020-03-31" --actor RUS --from 2020-03-01 --to 2020-03-31
q "--actor RUS --from 2020-01-01 --to 2020-12-31" --actor RUS --from 2020-01-01 --to 2020-12-31
q "--actor RUS --from 2020-01-01 --to 2020-12-31 --limit 100" --actor RUS --from 2020-01-01 --to 2020-12-31 --limit 100
q "--actor RUSGOV --from 2019-01-01 --to 2020-12-31" --actor RUSGOV --from 2019-01-01 --to 2020-12-31
q "--source ISR --target LBN --root 19" --source ISR --target LBN --root 19
t=$(best 5 "$P" stats --db "$DB" --by dyad-month --source ISR --target LBN --format tsv)
printf '%-58s %17d ms\n' "stats --by dyad-month --source ISR --target LBN" "$t"

#!/usr/bin/env bash
# Load test of parley serve (docs/benchmarks.md, "HTTP API"): the Wikinews corpus coded into a
# database (kept in build/bench-serve; DB=FILE serves another database instead, such as the
# 1-million-event one of bench/store.sh, migrated first), parley serve on a loopback port, and wrk (Debian package
# wrk) against the events endpoint and three other reads, each for DURATION seconds with
# CONNECTIONS keep-alive connections. Prints requests/s, latency and the count of errors and
# non-200 answers. Bounded: loopback only, fixed duration. Build first (cmake --build build).
set -euo pipefail
cd "$(dirname "$0")/.."
B=${BUILD:-build}
CORPUS=${CORPUS:-../shared/corpus/wikinews-politics-2004-2009.jsonl}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${SERVE_THREADS:-2}
W=$B/bench-serve
command -v wrk > /dev/null || { echo "bench/serve.sh needs wrk: apt-get install wrk" >&2; exit 3; }
[ -x "$B/parley" ] || { echo "build first: cmake --build $B" >&2; exit 3; }
mkdir -p "$W"
cp "$B/parley" "$W/parley"
P=$W/parley
DB=${DB:-$W/corpus.db}
if [ ! -s "$DB" ]; then
    echo "coding $CORPUS into $DB ..."
    "$P" code --db "$DB" "$CORPUS"
fi
"$P" ingest --db "$DB" < /dev/null > /dev/null # migrates an older schema, stores nothing
echo "database: $DB, $(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from events").fetchone()[0])' "$DB") events," \
    "$(du -h "$DB" | cut -f1)"
"$P" serve --db "$DB" --listen 127.0.0.1:0 --threads "$THREADS" 2> "$W/serve.log" &
server=$!
trap 'kill $server 2> /dev/null' EXIT
url=""
for _ in $(seq 100); do
    url=$(grep -o 'http://[^ ]*' "$W/serve.log" | head -1 || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { cat "$W/serve.log" >&2; exit 3; }
echo "parley serve --threads $THREADS at $url; wrk -t2 -c$CONNECTIONS -d${DURATION}s; $(nproc) cores shared by both"
for path in ${PATHS:-"api/events" "api/events?limit=25" "api/events?actor=USA&from=2006-01-01&to=2006-12-31" \
    "api/events/1000" "api/series?by=month-quad&from=2006-01-01&to=2006-12-31"}; do
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url$path")
    rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | awk '/Socket errors/ {print}' | tr -s ' ')
    non200=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    printf '%-70s %9s req/s  p50 %-8s p99 %-8s non-2xx %s %s\n' "/$path" "$rps" "$p50" "$p99" \
        "${non200:-0}" "${errors:-socket errors 0}"
done

#!/usr/bin/env bash
# parley serve over HTTP (curl): start-up errors and exit codes, the dashboard's files and their
# headers, the API's statuses, content types and error bodies, HEAD, keep-alive, 400 requests
# from 16 clients at once, the database left unchanged (read-only), article markup returned as
# JSON text, a second server on a port in use, and SIGTERM / SIGINT ending it with exit 0.
# Needs PARLEY (the binary) and SHARED (../shared).
set -u
fail=0
pass=0
check() { # name, condition result
    if [ "$2" = 0 ]; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi
}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
pids=""
trap 'for p in $pids; do kill "$p" 2> /dev/null; done; rm -rf "$tmp"' EXIT

start() { # db, log, extra args... -> sets pid and url
    "$PARLEY" serve --db "$1" --listen 127.0.0.1:0 --time-limit 30000 "${@:3}" 2> "$2" &
    pid=$!
    pids="$pids $pid"
    url=""
    for _ in $(seq 300); do
        url=$(grep -o 'http://[^ ]*' "$2" | head -1)
        [ -n "$url" ] && return 0
        kill -0 "$pid" 2> /dev/null || return 1
        sleep 0.1
    done
    return 1
}
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
header() { # name url -> the header's value
    curl -s -D - -o /dev/null "$2" | tr -d '\r' | grep -i "^$1:" | head -1 | cut -d' ' -f2-
}

# 1. options and start-up errors
"$PARLEY" serve --help | grep -q "/api/events"
check "serve --help" $?
"$PARLEY" serve --threads many > /dev/null 2>&1
check "bad --threads: exit 2" $([ $? = 2 ]; echo $?)
"$PARLEY" serve --db "$tmp/none.db" 2> "$tmp/err"
check "missing database: exit 3" $([ $? = 3 ]; echo $?)
grep -q "none.db: no such database" "$tmp/err"
check "missing database: message names it" $?
db="$tmp/seeds.db"
"$PARLEY" code --db "$db" "$SHARED/eval/dev/articles.jsonl" "$here/data/serve-hostile.jsonl"
check "database built" $?
"$PARLEY" serve --db "$db" --listen nowhere 2> "$tmp/err"
check "bad --listen: exit 3" $([ $? = 3 ]; echo $?)
grep -q "listen must be HOST:PORT" "$tmp/err"
check "bad --listen: message" $?
cp "$db" "$tmp/old.db"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("alter table mentions drop column evidence_start"); c.execute("drop index events_date_quad"); c.execute("drop index events_dyad"); c.execute("pragma user_version=1"); c.commit()' "$tmp/old.db"
"$PARLEY" serve --db "$tmp/old.db" 2> "$tmp/err"
check "old schema: exit 3" $([ $? = 3 ]; echo $?)
grep -q "run parley ingest to migrate" "$tmp/err"
check "old schema: says how to migrate" $?

# 2. the server
sum_before=$(cat "$db" "$db-wal" 2> /dev/null | sha256sum)
start "$db" "$tmp/log"
check "serve starts and prints its URL" $?
main_pid=$pid
base=$url
check "listens on loopback" $(echo "$base" | grep -q '^http://127.0.0.1:'; echo $?)

check "GET / 200" $([ "$(status "$base")" = 200 ]; echo $?)
check "/ is HTML" $([ "$(header Content-Type "$base")" = "text/html; charset=utf-8" ]; echo $?)
curl -s "$base" | grep -q '<script src="/app.js" defer></script>'
check "/ loads the embedded script" $?
check "/app.js type" $([ "$(header Content-Type "${base}app.js")" = "text/javascript; charset=utf-8" ]; echo $?)
check "/style.css type" $([ "$(header Content-Type "${base}style.css")" = "text/css; charset=utf-8" ]; echo $?)
header Content-Security-Policy "$base" | grep -q "default-src 'self'"
check "CSP: nothing from elsewhere" $?
check "nosniff" $([ "$(header X-Content-Type-Options "${base}api/events")" = nosniff ]; echo $?)
check "unknown file 404" $([ "$(status "${base}etc/passwd")" = 404 ]; echo $?)
check "dot-dot 404" $([ "$(status --path-as-is "${base}../../etc/passwd")" = 404 ]; echo $?)

check "/api/events 200" $([ "$(status "${base}api/events")" = 200 ]; echo $?)
check "/api/events JSON" $([ "$(header Content-Type "${base}api/events")" = "application/json; charset=utf-8" ]; echo $?)
n=$(curl -s "${base}api/events?limit=500" | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
m=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from events").fetchone()[0])' "$db")
check "/api/events lists every event ($n of $m)" $([ "$n" = "$m" ]; echo $?)
check "bad parameter 400" $([ "$(status "${base}api/events?quad=9")" = 400 ]; echo $?)
curl -s "${base}api/events?quad=9" | python3 -c 'import json,sys; assert json.load(sys.stdin) == {"error": "quad takes 1..4, got '"'"'9'"'"'"}'
check "400 body names the problem" $?
check "unknown parameter 400" $([ "$(status "${base}api/events?colour=red")" = 400 ]; echo $?)
check "encoded parameter" $([ "$(status "${base}api/events?text=%22Ukraine%22")" = 200 ]; echo $?)
check "no such event 404" $([ "$(status "${base}api/events/999999")" = 404 ]; echo $?)
check "no such endpoint 404" $([ "$(status "${base}api/nothing")" = 404 ]; echo $?)
check "POST 405" $([ "$(status -X POST -d 'x=1' "${base}api/events")" = 405 ]; echo $?)
check "405 Allow" $([ "$(curl -s -D - -o /dev/null -X DELETE "${base}api/events" | tr -d '\r' | grep -i '^Allow:' | cut -d' ' -f2-)" = "GET, HEAD" ]; echo $?)
check "HEAD 200" $([ "$(status -I "${base}api/series")" = 200 ]; echo $?)
check "HEAD no body" $([ -z "$(curl -s -I "${base}api/series" | tr -d '\r' | sed '1,/^$/d')" ]; echo $?)
for ep in events quotes series actors; do
    curl -s "${base}api/$ep" | python3 -c 'import json,sys; json.load(sys.stdin)'
    check "/api/$ep parses as JSON" $?
done
id=$(curl -s "${base}api/events?doc=hostile-1&root=19" | python3 -c 'import json,sys; print(json.load(sys.stdin)["events"][0]["id"])')
curl -s "${base}api/events/$id" | python3 -c '
import json,sys
d = json.load(sys.stdin)
parts = d["mentions"][0]["evidence_parts"]
assert "".join(p["text"] for p in parts) == d["mentions"][0]["evidence"]
assert "<script>window.__pwned = 1</script>" in d["mentions"][0]["evidence"]
assert [p["role"] for p in parts if "role" in p] == ["source", "verb", "target"]'
check "markup comes back as JSON text, spans marked" $?
curl -sv "${base}api/actors" "${base}api/series" 2>&1 | grep -q "Re-using existing connection"
check "keep-alive" $?

# 400 requests from 16 clients at once, all answered
seq 400 | xargs -P 16 -I{} curl -s -o /dev/null -w '%{http_code}\n' "${base}api/events?limit=20&offset={}" > "$tmp/codes"
check "400 concurrent requests all 200" $([ "$(grep -c '^200$' "$tmp/codes")" = 400 ]; echo $?)

# a second server on the same port
port=${base##*:}
port=${port%/}
"$PARLEY" serve --db "$db" --listen "127.0.0.1:$port" 2> "$tmp/err2"
check "port in use: exit 3" $([ $? = 3 ]; echo $?)
grep -q "cannot listen" "$tmp/err2"
check "port in use: message" $?

kill -TERM "$main_pid"
wait "$main_pid"
check "SIGTERM: exit 0" $?
sum_after=$(cat "$db" "$db-wal" 2> /dev/null | sha256sum)
check "database unchanged (read-only)" $([ "$sum_before" = "$sum_after" ]; echo $?)
start "$db" "$tmp/log2" --threads 1
kill -INT "$pid"
wait "$pid"
check "SIGINT: exit 0" $?
grep -q "stopping (SIGINT)" "$tmp/log2"
check "SIGINT: says it stops" $?

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

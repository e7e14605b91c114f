#!/usr/bin/env bash
# End-to-end tests of the event database: parley code --db on the seed articles, re-runs that
# change nothing, ingest of coded lines, SIGKILL in the middle of an ingest (the database opens,
# passes integrity_check, holds whole batches, and a re-run completes it), malformed lines,
# query/stats formats and filters, and every export format parsed with Python's csv and json
# modules. Needs PARLEY (the binary) and SHARED (../shared); python3 reads the database.
set -u
fail=0
pass=0
check() { # name, condition result
    if [ "$2" = 0 ]; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SEEDS="$SHARED/eval/dev/articles.jsonl"
WIKI="$SHARED/eval/dev/wikinews-articles.jsonl"
sql() { # db, statement -> first column of the first row
    python3 -c 'import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print(r[0] if r else "")' "$1" "$2"
}
counts() { # db -> "articles events mentions quotes quote_mentions"
    echo "$(sql "$1" 'select count(*) from articles') $(sql "$1" 'select count(*) from events')" \
        "$(sql "$1" 'select count(*) from mentions') $(sql "$1" 'select count(*) from quotes')" \
        "$(sql "$1" 'select count(*) from quote_mentions')"
}

# 1. code the seed articles (and the Wikinews sample) into a database
db="$tmp/seeds.db"
"$PARLEY" code --db "$db" "$SEEDS" "$WIKI" > "$tmp/code.out" 2> "$tmp/code.err"
check "code --db exits 0" $?
check "code --db writes nothing to stdout" $([ ! -s "$tmp/code.out" ]; echo $?)
check "code --db: no progress when stderr is not a terminal" $([ ! -s "$tmp/code.err" ]; echo $?)
first=$(counts "$db")
set -- $first
check "14 articles stored ($1)" $([ "$1" = 14 ]; echo $?)
check "events stored ($2)" $([ "$2" -gt 20 ]; echo $?)
check "quotes stored ($4)" $([ "$4" -gt 10 ]; echo $?)
check "schema version 2" $([ "$(sql "$db" 'pragma user_version')" = 2 ]; echo $?)
check "WAL mode" $([ "$(sql "$db" 'pragma journal_mode')" = wal ]; echo $?)
check "integrity_check ok" $([ "$(sql "$db" 'pragma integrity_check')" = ok ]; echo $?)
check "seed-1 metadata stored" $([ "$(sql "$db" "select date || '|' || outlet from articles where doc='seed-1'")" = "2022-12-02|seed:000_d48fd0e43ddd7616.txt" ]; echo $?)
check "the Kirby quote is stored" $([ "$(sql "$db" "select count(*) from quotes where speaker='John F. Kirby'")" -ge 1 ]; echo $?)

# 2. re-runs change nothing: the same file again, and the same text under a new id
"$PARLEY" code --db "$db" "$SEEDS" "$WIKI" 2> /dev/null
check "re-run exits 0" $?
check "re-run: same counts" $([ "$(counts "$db")" = "$first" ]; echo $?)
sed 's/"id": *"seed-1"/"id":"seed-1-copy"/' "$SEEDS" > "$tmp/copy.jsonl"
"$PARLEY" code --db "$db" "$tmp/copy.jsonl" 2> /dev/null
check "same text under a new id: same counts" $([ "$(counts "$db")" = "$first" ]; echo $?)

# 3. ingest of coded lines gives the same database as code --db
"$PARLEY" code --json --articles "$SEEDS" "$WIKI" > "$tmp/coded.jsonl"
check "code --articles writes article records" $([ "$(grep -c '"type":"article"' "$tmp/coded.jsonl")" = 14 ]; echo $?)
"$PARLEY" ingest --db "$tmp/ingest.db" "$tmp/coded.jsonl"
check "ingest exits 0" $?
check "ingest: same counts as code --db" $([ "$(counts "$tmp/ingest.db")" = "$first" ]; echo $?)
"$PARLEY" ingest --db "$tmp/ingest.db" < "$tmp/coded.jsonl"
check "ingest again from stdin: same counts" $([ "$(counts "$tmp/ingest.db")" = "$first" ]; echo $?)

# 4. malformed lines are reported with their line number, skipped, the rest stored
{ head -3 "$tmp/coded.jsonl"; echo '{"type":"event","doc":'; echo '{"type":"event","doc":"z","date":"2024-13","code":"01"}'; \
  echo '{"type":"sighting","doc":"z"}'; sed -n '4,$p' "$tmp/coded.jsonl"; } > "$tmp/bad.jsonl"
"$PARLEY" ingest --db "$tmp/bad.db" "$tmp/bad.jsonl" 2> "$tmp/bad.err"
check "malformed input exits 1" $([ $? = 1 ]; echo $?)
grep -q "bad.jsonl:4: not valid JSON" "$tmp/bad.err"; check "bad JSON reported as FILE:4" $?
grep -q 'bad.jsonl:5: event "date" must be YYYY-MM-DD' "$tmp/bad.err"; check "bad date reported as FILE:5" $?
grep -q 'bad.jsonl:6: unknown record "type"' "$tmp/bad.err"; check "bad type reported as FILE:6" $?
check "exactly three lines reported" $([ "$(wc -l < "$tmp/bad.err")" = 3 ]; echo $?)
check "the rest is stored" $([ "$(counts "$tmp/bad.db")" = "$first" ]; echo $?)

printf '{"date":"2024-01-01","text":"Russia condemned Ukraine on Monday."}\n{"id":"ok","date":"2024-01-01","text":"Russia condemned Ukraine on Monday."}\n' > "$tmp/noid.jsonl"
"$PARLEY" code --db "$tmp/noid.db" "$tmp/noid.jsonl" 2> "$tmp/noid.err"
check "code --db: an article without id exits 1" $([ $? = 1 ]; echo $?)
grep -q 'noid.jsonl:1: missing "id"' "$tmp/noid.err"; check "article without id reported as FILE:1" $?
check "the article with an id is stored" $([ "$(sql "$tmp/noid.db" 'select group_concat(doc) from articles')" = ok ]; echo $?)

# 4b. damaged input: lines cut short, fields of the wrong type, bytes flipped (seeded): every
#     damaged line is reported or stored, nothing crashes, the database stays consistent
python3 - "$tmp/coded.jsonl" > "$tmp/damaged.jsonl" <<'EOF'
import json, random, sys
rnd = random.Random(5)
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    k = rnd.randrange(4)
    if k == 0:
        line = line[: rnd.randrange(len(line))]
    elif k == 1:
        r = json.loads(line)
        key = rnd.choice(sorted(r))
        r[key] = rnd.choice([None, 7, 2.5, [], {}, "", "x" * 300, True])
        line = json.dumps(r)
    elif k == 2:
        b = bytearray(line.encode("utf-8"))
        for _ in range(3):
            b[rnd.randrange(len(b))] = rnd.randrange(1, 256)
        line = b.decode("utf-8", "replace")
    print(line)
EOF
"$PARLEY" ingest --db "$tmp/damaged.db" "$tmp/damaged.jsonl" 2> "$tmp/damaged.err"
rc=$?
check "damaged input: exit 1 (rc $rc)" $([ $rc = 1 ]; echo $?)
check "damaged input: every report names FILE:LINE" $([ "$(grep -vc '^.*damaged.jsonl:[0-9]*: ' "$tmp/damaged.err")" = 0 ]; echo $?)
check "damaged input: integrity_check ok" $([ "$(sql "$tmp/damaged.db" 'pragma integrity_check')" = ok ]; echo $?)

# 5. SIGKILL in the middle of a large ingest: whole batches survive, a re-run completes it
total=6000
python3 - "$tmp/coded.jsonl" "$tmp/big.jsonl" $total > "$tmp/big.mentions" <<'EOF'
import json, sys
groups, cur = [], None
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["type"] == "article":
        cur = [r]; groups.append(cur)
    else:
        cur.append(r)
mentions = 0
with open(sys.argv[2], "w") as out:
    for i in range(int(sys.argv[3])):
        for r in groups[i % len(groups)]:
            r = dict(r, doc="gen-%d" % i)
            if r["type"] == "article":
                r["text_hash"] = "%016x" % i
            mentions += r["type"] == "event"
            out.write(json.dumps(r) + "\n")
print(mentions)
EOF
"$PARLEY" ingest --db "$tmp/kill.db" --batch 100 "$tmp/big.jsonl" 2> /dev/null &
pid=$!
for _ in $(seq 1 100); do # wait until some batches are committed, then kill
    sleep 0.1
    n=$(sql "$tmp/kill.db" 'select count(*) from articles' 2> /dev/null || echo 0)
    [ "${n:-0}" -ge 300 ] && break
done
kill -KILL $pid 2> /dev/null
wait $pid 2> /dev/null
killed=$(sql "$tmp/kill.db" 'select count(*) from articles')
check "killed mid-run ($killed of $total articles)" $([ "$killed" -ge 300 ] && [ "$killed" -lt $total ]; echo $?)
check "after SIGKILL: integrity_check ok" $([ "$(sql "$tmp/kill.db" 'pragma integrity_check')" = ok ]; echo $?)
check "after SIGKILL: whole batches of 100" $([ $((killed % 100)) = 0 ]; echo $?)
check "after SIGKILL: mentions match the articles" $([ "$(sql "$tmp/kill.db" 'select count(*) from mentions m join articles a on a.id=m.article_id')" = "$(sql "$tmp/kill.db" 'select count(*) from mentions')" ]; echo $?)
"$PARLEY" ingest --db "$tmp/kill.db" --batch 100 "$tmp/big.jsonl" 2> /dev/null
check "re-run after SIGKILL exits 0" $?
check "re-run stores every article" $([ "$(sql "$tmp/kill.db" 'select count(*) from articles')" = $total ]; echo $?)
check "re-run: no mention lost or doubled" $([ "$(sql "$tmp/kill.db" 'select count(*) from mentions')" = "$(cat "$tmp/big.mentions")" ]; echo $?)
check "re-run: events de-duplicated across copies" $([ "$(sql "$tmp/kill.db" 'select count(*) from events')" = "$(sql "$tmp/ingest.db" 'select count(*) from events')" ]; echo $?)
check "num_articles counts the copies" $([ "$(sql "$tmp/kill.db" 'select max(num_articles) from events')" -ge $(( total / 14 )) ]; echo $?)

# 5b. progress on a terminal: articles, rate, events, ETA (script(1) gives stderr a terminal)
if command -v script > /dev/null; then
    script -qc "'$PARLEY' ingest --db '$tmp/tty.db' '$tmp/big.jsonl' > /dev/null" /dev/null < /dev/null > "$tmp/tty.out" 2>&1
    grep -q "articles ([0-9]*/s), [0-9]* events, [0-9]*%, ETA [0-9]*:[0-9][0-9]" "$tmp/tty.out"
    check "progress on a terminal: rate, events, ETA" $?
    grep -q "parley: $total articles stored (0 already stored)" "$tmp/tty.out"
    check "summary on a terminal" $?
fi
"$PARLEY" ingest --db "$tmp/quiet.db" "$tmp/coded.jsonl" 2> "$tmp/quiet.err"
check "ingest piped: no progress" $([ ! -s "$tmp/quiet.err" ]; echo $?)

# 6. query: formats and filters
"$PARLEY" query --db "$db" --format csv > "$tmp/q.csv"
check "query csv exits 0" $?
python3 - "$tmp/q.csv" "$(sql "$db" 'select count(*) from events')" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0][:5] == ["id", "date", "source", "target", "code"], rows[0]
assert len(rows) - 1 == int(sys.argv[2]), (len(rows), sys.argv[2])
assert all(len(r) == len(rows[0]) for r in rows)
assert [r[1] for r in rows[1:]] == sorted(r[1] for r in rows[1:])
EOF
check "query csv: header, one row an event, by date" $?
"$PARLEY" query --db "$db" --format tsv --actor RUS --from 2022-01-01 --to 2022-12-31 > "$tmp/q.tsv"
python3 - "$tmp/q.tsv" "$(sql "$db" "select count(*) from events where (source like 'RUS%' or target like 'RUS%') and date between '2022-01-01' and '2022-12-31'")" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=""), delimiter="\t"))
assert len(rows) - 1 == int(sys.argv[2]) > 0, (len(rows), sys.argv[2])
for r in rows[1:]:
    assert r[2].startswith("RUS") or r[3].startswith("RUS"), r
    assert "2022-01-01" <= r[1] <= "2022-12-31", r
EOF
check "query --actor RUS --from --to (tsv)" $?
n=$("$PARLEY" query --db "$db" --format jsonl --root 04 --limit 3 | python3 -c 'import json,sys; rs=[json.loads(l) for l in sys.stdin]; assert all(r["root"]=="04" for r in rs); print(len(rs))')
check "query --root --limit (jsonl)" $([ "$n" = 3 ]; echo $?)
n=$("$PARLEY" query --db "$db" --format jsonl --text Ukraine | wc -l)
check "query --text finds evidence ($n)" $([ "$n" -gt 0 ]; echo $?)
n=$("$PARLEY" query --db "$db" --format jsonl --quotes --actor "Kirby" | python3 -c 'import json,sys; rs=[json.loads(l) for l in sys.stdin]; assert all("Kirby" in r["speaker"] for r in rs); print(len(rs))')
check "query --quotes --actor Kirby ($n)" $([ "$n" -ge 1 ]; echo $?)
n=$("$PARLEY" query --db "$db" --format jsonl --outlet "seed:001_a224c177ad173853.txt" | wc -l)
check "query --outlet ($n)" $([ "$n" = "$(sql "$db" "select count(distinct m.event_id) from mentions m join articles a on a.id=m.article_id where a.outlet='seed:001_a224c177ad173853.txt'")" ]; echo $?)
"$PARLEY" query --db "$tmp/none.db" 2> "$tmp/none.err"
check "query on a missing database exits 3" $([ $? = 3 ]; echo $?)
grep -q "none.db: no such database" "$tmp/none.err"; check "missing database named" $?
"$PARLEY" query --db "$db" --quad 7 2> /dev/null
check "bad --quad exits 2" $([ $? = 2 ]; echo $?)

"$PARLEY" query --db "$db" --text 'talks AND' 2> "$tmp/fts.err"
check "unparsable --text exits 2" $([ $? = 2 ]; echo $?)
grep -q "parley query: --text: .*fts5: syntax error" "$tmp/fts.err"; check "unparsable --text: message" $?

# 7. stats
"$PARLEY" stats --db "$db" --by root --format csv > "$tmp/s.csv"
python3 - "$tmp/s.csv" "$(sql "$db" 'select count(*) from events')" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert sum(int(r["events"]) for r in rows) == int(sys.argv[2])
EOF
check "stats --by root sums to the events" $?
"$PARLEY" stats --db "$db" --by dyad-month --format tsv > "$tmp/dm.tsv"
python3 - "$tmp/dm.tsv" "$(sql "$db" 'select round(sum(goldstein),2) from events')" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline=""), delimiter="\t"))
assert list(rows[0].keys()) == ["month", "source", "target", "events", "mentions", "goldstein_sum", "goldstein_mentions"]
assert abs(sum(float(r["goldstein_sum"]) for r in rows) - float(sys.argv[2])) < 0.1
EOF
check "stats --by dyad-month: Goldstein sums add up" $?
"$PARLEY" stats --db "$db" --format csv 2> /dev/null
check "stats csv without --by exits 2" $([ $? = 2 ]; echo $?)

# 8. exports: every row of each tab-separated format has its column count
for spec in gdelt:61 gdelt-mentions:16 phoenix:26; do
    f=${spec%%:*} cols=${spec##*:}
    "$PARLEY" export --db "$db" --format "$f" > "$tmp/$f.tsv"
    check "export $f exits 0" $?
    python3 - "$tmp/$f.tsv" "$cols" "$f" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=""), delimiter="\t"))
cols, fmt = int(sys.argv[2]), sys.argv[3]
assert len(rows) > 0
for r in rows:
    assert len(r) == cols, (len(r), r)
    int(r[0])
    if fmt == "gdelt":
        assert len(r[1]) == 8 and int(r[1]) and int(r[2]) == int(r[1]) // 100
        float(r[4]); float(r[30]); int(r[29]); int(r[31]); int(r[32]); int(r[33])
        assert r[26].startswith(r[28]) and len(r[59]) == 14
    if fmt == "gdelt-mentions":
        int(r[6]); assert r[3] == "1"
    if fmt == "phoenix":
        assert int(r[15]) in range(5); float(r[16])
EOF
    check "export $f: $cols columns on every row, typed" $?
done
n=$(sql "$db" 'select count(*) from events')
check "gdelt: one row an event" $([ "$(wc -l < "$tmp/gdelt.tsv")" = "$n" ]; echo $?)
check "gdelt-mentions: one row a mention" $([ "$(wc -l < "$tmp/gdelt-mentions.tsv")" = "$(sql "$db" 'select count(*) from mentions')" ]; echo $?)
"$PARLEY" export --db "$db" --format plover | python3 -c '
import json, sys
rs = [json.loads(l) for l in sys.stdin]
assert rs and all(r["event"] and r["date"] and r["source"]["code"] for r in rs)'
check "export plover: JSON records with a PLOVER type" $?
"$PARLEY" export --db "$db" --format jsonl | python3 -c '
import json, sys
rs = [json.loads(l) for l in sys.stdin]
assert all(len(r["mentions"]) == r["num_mentions"] for r in rs)'
check "export jsonl: every mention nested" $?
n=$("$PARLEY" export --db "$db" --format gdelt --actor USA --code 04 | wc -l)
check "export filters ($n)" $([ "$n" = "$(sql "$db" "select count(*) from events where (source like 'USA%' or target like 'USA%') and code like '04%'")" ]; echo $?)
"$PARLEY" export --db "$db" 2> /dev/null
check "export without --format exits 2" $([ $? = 2 ]; echo $?)

# 9. a closed pipe ends a read quietly; a full disk is an error (exit 3)
"$PARLEY" export --db "$db" --format gdelt 2> "$tmp/pipe.err" | head -1 > /dev/null
check "export | head -1: exit 0" $([ "${PIPESTATUS[0]}" = 0 ]; echo $?)
"$PARLEY" query --db "$db" --format jsonl 2>> "$tmp/pipe.err" | head -1 > /dev/null
check "query | head -1: exit 0" $([ "${PIPESTATUS[0]}" = 0 ]; echo $?)
check "closed pipe: no message" $([ ! -s "$tmp/pipe.err" ]; echo $?)
if [ -w /dev/full ]; then
    "$PARLEY" export --db "$db" --format phoenix > /dev/full 2> "$tmp/full.err"
    check "export to a full disk exits 3" $([ $? = 3 ]; echo $?)
    grep -q "cannot write the output: No space left" "$tmp/full.err"; check "full disk: message" $?
fi

# 10. help
for c in ingest query stats export; do "$PARLEY" $c --help > /dev/null; check "$c --help" $?; done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

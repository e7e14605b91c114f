#!/usr/bin/env bash
# Build the fuzz harnesses with clang (libFuzzer + ASan + UBSan) and run each for a bounded
# time on seed corpora made from ../shared at run time. A crash stops the run with the
# reproducer saved under build-fuzz/crashes/ (see docs/testing.md).
#   FUZZ_SECONDS=20 (per harness)  FUZZ_ONLY="code articles" (a subset)
#   FUZZ_RUNS=1000000 (stop a harness after that many executions, even before FUZZ_SECONDS)
#   FUZZ_BUILD=build-fuzz (the build directory)  FUZZ_NOBUILD=1 (reuse it: parallel lanes)
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-20}
B=${FUZZ_BUILD:-build-fuzz}
SHARED=${SHARED:-../shared}
command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang)"; exit 3; }
if [ -z "${FUZZ_NOBUILD:-}" ]; then # FUZZ_NOBUILD=1: reuse the build (parallel lanes)
    CC=clang cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLEY_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null || exit 3
    cmake --build "$B" -j"$(nproc)" >/dev/null || { echo "fuzz: build failed"; exit 3; }
fi
python3 - "$B" "$SHARED" <<'PY'
import json, os, sys
b, shared = sys.argv[1], sys.argv[2]
def put(h, name, data):
    d = os.path.join(b, "corpus", h); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f: f.write(data)
def chunks(path, size=6000, most=6):
    data = open(path, "rb").read()
    return [data[i:i + size] for i in range(0, min(len(data), size * most), size)]
ref = os.path.join(shared, "reference")
arts = open(os.path.join(shared, "eval/dev/articles.jsonl"), "rb").read().splitlines()
wiki = open(os.path.join(shared, "eval/dev/wikinews-articles.jsonl"), "rb").read().splitlines()
for i, line in enumerate(arts + wiki[:6]):
    put("articles", "a%d" % i, line + b"\n")
    put("code", "t%d" % i, bytes([i]) + json.loads(line)["text"].encode()[:6000])
for i, c in enumerate(chunks(os.path.join(ref, "petrarch2/PETR.UnitTest.records.xml"), 8000)):
    put("petr_records", "x%d" % i, (b"<Validation><Sentences>" if i else b"") + c)
for i, c in enumerate(chunks(os.path.join(ref, "tabari/Validate.text"))):
    put("tabari_records", "t%d" % i, c)
for sel, name in enumerate(["PETR.Validate.verbs.txt", "PETR.Validate.actors.txt",
                            "Phoenix.Countries.actors.txt", "PETR.Validate.agents.txt",
                            "PETR.Validate.discards.txt", "Phoenix.IssueCoding.txt"]):
    for i, c in enumerate(chunks(os.path.join(ref, "petrarch2", name), most=2)):
        put("dict_petr", "%d_%d" % (sel, i), bytes([sel]) + c)
for sel, name in enumerate(["TABARI.Demo.verbs", "TABARI.Demo.actors", "Validate.agents",
                            "Validate.options", "Validate.project"]):
    for i, c in enumerate(chunks(os.path.join(ref, "tabari", name), most=2)):
        put("dict_tabari", "%d_%d" % (sel, i), bytes([sel]) + c)
for sel, name in enumerate(["cameo/codes.tsv", "actors/people-europe.txt", "agents.txt",
                            "verbs/19-fight.txt"]):
    for i, c in enumerate(chunks(os.path.join("data", name), most=2)):
        put("dict_own", "%d_%d" % (sel, i), bytes([sel]) + c)
# the store's ingest: coded lines (an article, an event, a quote) as parley writes them
art = {"type": "article", "doc": "d1", "date": "2024-02-09", "title": "Talks", "source": "wire",
       "text_hash": "00112233445566ff", "text_len": 120}
ev = {"type": "event", "doc": "d1", "sentence": 0, "date": "2024-02-09", "date_source": "text",
      "source": "RUSGOV", "target": "USAGOV", "code": "036", "root": "03", "quad_class": 1,
      "goldstein": 4.0, "plover": "CONSULT", "source_text": "Putin", "target_text": "Carlson",
      "verb_text": "negotiate", "source_span": [0, 5], "verb_span": [20, 29],
      "target_span": [40, 47], "evidence": "Putin said he was willing to negotiate peace talks.",
      "pattern": "- willing to *", "negated": False, "modality": "modal", "reported_by": ""}
qu = {"type": "quote", "doc": "d1", "sentence": 1, "text": "We are willing to negotiate",
      "speaker": "Vladimir Putin", "speaker_code": "RUSGOV", "span": [50, 77]}
lines = [json.dumps(x) for x in (art, ev, qu)]
put("ingest", "s0", b"\x01" + "\n".join(lines).encode() + b"\n")
ev2 = dict(ev, doc="d2"); art2 = dict(art, doc="d2", text_hash="ffeeddccbbaa9988")
put("ingest", "s1", b"\x02" + "\n".join(json.dumps(x) for x in (art, ev, art2, ev2, qu)).encode())
PY
mkdir -p "$B/crashes"
fail=0
for h in ${FUZZ_ONLY:-code articles petr_records tabari_records dict_petr dict_tabari dict_own ingest}; do
    log="$B/fuzz_$h.log"
    ASAN_OPTIONS=detect_leaks=1 "$B/fuzz_$h" "$B/corpus/$h" -max_total_time="$SECONDS_EACH" \
        -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$B/crashes/$h-" \
        -print_final_stats=1 ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} > "$log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    if [ $rc -eq 0 ]; then
        secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*')
        echo "fuzz_$h: ${execs:-?} executions in ${secs:-$SECONDS_EACH}s, coverage ${cov:-?} edges, no crash"
    else
        echo "fuzz_$h: FAILED (exit $rc), see $log"; tail -20 "$log"; fail=$((fail + 1))
    fi
done
[ $fail -eq 0 ]

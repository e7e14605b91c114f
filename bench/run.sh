#!/usr/bin/env bash
# Benchmarks: speed of parley on the Wikinews corpus (../shared/corpus), one core, with the
# bundled dictionaries and with the PETRARCH-2 Phoenix production set; the tokenize-only floor;
# thread scaling of `parley code`; dictionary load time. Prints the figures recorded in
# docs/benchmarks.md. Build first (cmake --build build).
set -euo pipefail
cd "$(dirname "$0")/.."
B=${BUILD:-build}
CORPUS=${CORPUS:-../shared/corpus/wikinews-politics-2004-2009.jsonl}
R=../shared/reference/petrarch2
[ -x "$B/bench_code" ] || { echo "build first: cmake --build $B" >&2; exit 3; }

echo "== bundled dictionaries"
"$B/bench_code" "$CORPUS" --repeat 5
echo
echo "== Phoenix production dictionaries (CAMEO.2.0 + Phoenix actors, agents, discards)"
"$B/bench_code" "$CORPUS" --repeat 5 --verbs $R/CAMEO.2.0.txt \
    --actors $R/Phoenix.Countries.actors.txt,$R/Phoenix.International.actors.txt,$R/Phoenix.MilNonState.actors.txt \
    --agents $R/Phoenix.agents.txt --discards $R/Phoenix.discards.txt
echo
echo "== parley code end to end (JSON in and out), wall time"
for t in 1 2; do
    start=$(date +%s.%N)
    "$B/parley" code --json --threads $t < "$CORPUS" > /dev/null
    end=$(date +%s.%N)
    echo "threads $t: $(echo "$end - $start" | bc) s"
done

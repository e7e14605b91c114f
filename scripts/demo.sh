#!/usr/bin/env bash
# The main job: install what is missing, build, and code the seed articles (../shared) with the
# bundled dictionaries, showing events and quotes on screen, and store them in the event database
# build/seeds.db (docs/store.md; re-running adds nothing twice).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
SEEDS=${1:-../shared/eval/dev/articles.jsonl}
build/parley code --table "$SEEDS"
DB=build/seeds.db
build/parley code --db "$DB" "$SEEDS"
echo
echo "stored in $DB: $(build/parley query --db "$DB" --format tsv | tail -n +2 | wc -l) events," \
    "$(build/parley query --db "$DB" --quotes --format tsv | tail -n +2 | wc -l) quotes"
echo "  build/parley query --db $DB --actor RUS        # events with a Russian source or target"
echo "  build/parley stats --db $DB --by dyad-month    # Goldstein sums per dyad and month"
echo "  build/parley export --db $DB --format gdelt    # GDELT 2.0 event table"
echo "  build/parley serve --db $DB                     # dashboard and API: http://127.0.0.1:8080/"

#!/usr/bin/env bash
# The main job: install what is missing, build, and code the seed articles (../shared) with the
# bundled dictionaries, showing events and quotes on screen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
SEEDS=${1:-../shared/eval/dev/articles.jsonl}
build/parley code --table "$SEEDS"

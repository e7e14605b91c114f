#!/usr/bin/env bash
# Build and run every test: the release build, then the same tests built with AddressSanitizer
# and UndefinedBehaviorSanitizer. Prints ctest's summaries and a final "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh --test || exit 1
jobs=$(nproc)
total_pass=0
total_fail=0
run_suite() { # build dir, extra cmake args...
    local dir=$1
    shift
    cmake -S . -B "$dir" "$@" >/dev/null || { total_fail=$((total_fail + 1)); return; }
    cmake --build "$dir" -j"$jobs" >/dev/null || { echo "build failed in $dir"; total_fail=$((total_fail + 1)); return; }
    (cd "$dir" && ctest --output-on-failure -j"$jobs") | tee "$dir/ctest.log"
    local line
    line=$(grep -E "tests passed, [0-9]+ tests failed out of" "$dir/ctest.log" | tail -1)
    local failed total
    failed=$(echo "$line" | sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/')
    total=$(echo "$line" | sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\2/')
    if [ -z "$line" ]; then total_fail=$((total_fail + 1)); return; fi
    total_pass=$((total_pass + total - failed))
    total_fail=$((total_fail + failed))
}
run_suite build -DCMAKE_BUILD_TYPE=Release
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    run_suite build-san -DCMAKE_BUILD_TYPE=Debug -DPARLEY_SANITIZE=ON
# Fuzzing, bounded (FUZZ_SECONDS per harness; 0 skips): each harness that ends without a crash
# counts as one passed test.
if [ "${FUZZ_SECONDS:-20}" != 0 ]; then
    FUZZ_SECONDS=${FUZZ_SECONDS:-20} bash fuzz/run.sh | tee build-fuzz.log
    total_pass=$((total_pass + $(grep -c 'no crash$' build-fuzz.log)))
    total_fail=$((total_fail + $(grep -c ': FAILED' build-fuzz.log)))
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

#!/usr/bin/env bash
# The peers' validation suites, run from plain text: fails if parley's pass count falls below
# the floors measured when they were last raised (docs/validation.md). Needs PARLEY and SHARED.
set -u
fail=0
run() { # suite, floor
    local line passed
    line=$("$PARLEY" validate "$SHARED/reference/$1" 2>/dev/null | tail -1)
    passed=${line%% passed*}
    echo "$1: $line (floor $2)"
    if ! [[ "$passed" =~ ^[0-9]+$ ]] || [ "$passed" -lt "$2" ]; then fail=$((fail + 1)); fi
}
run petrarch2/PETR.UnitTest.records.xml 230
run tabari/Validate.project 403
[ "$fail" = 0 ] && echo "2 passed, 0 failed" || echo "$((2 - fail)) passed, $fail failed"
[ "$fail" = 0 ]

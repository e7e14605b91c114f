#!/usr/bin/env bash
# The dashboard in headless Chromium (tests/browser/dashboard.mjs): builds a database from the
# seed articles and tests/data/serve-hostile.jsonl, starts parley serve on a free loopback port,
# runs the browser checks, and stops the server with SIGTERM (it must exit 0).
# Needs PARLEY (the binary), SHARED (../shared), BUILD (where playwright-core is installed, with
# npm ci, the first time); screenshots go to SCREENSHOTS (default $BUILD/screenshots; the
# README's images are made with SCREENSHOTS=docs/img).
set -u
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2> /dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    exit 1
}

[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM:-}" ] || fail "Chromium is not installed (apt-get install chromium; scripts/deps.sh --test does it)"
node_dir="$BUILD/browser-test"
if [ ! -d "$node_dir/node_modules/playwright-core" ]; then
    mkdir -p "$node_dir"
    cp "$here/browser/package.json" "$here/browser/package-lock.json" "$node_dir/"
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci of playwright-core"
fi
cp "$here/browser/dashboard.mjs" "$node_dir/"

"$PARLEY" code --db "$tmp/seeds.db" "$SHARED/eval/dev/articles.jsonl" "$here/data/serve-hostile.jsonl" ||
    fail "parley code --db"
# a generous query time limit: under the sanitizers on a loaded machine a read may be slow, and
# a 503 would fail the page for the wrong reason
"$PARLEY" serve --db "$tmp/seeds.db" --listen 127.0.0.1:0 --time-limit 30000 2> "$tmp/serve.err" &
server=$!
url=""
for _ in $(seq 300); do
    url=$(grep -o 'http://[^ ]*' "$tmp/serve.err" | head -1)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || fail "parley serve did not start: $(cat "$tmp/serve.err")"

node "$node_dir/dashboard.mjs" "$url" "${SCREENSHOTS:-$BUILD/screenshots}"
rc=$?
kill -TERM "$server"
wait "$server"
src=$?
server=""
[ "$src" = 0 ] || fail "parley serve exited $src after SIGTERM"
exit $rc

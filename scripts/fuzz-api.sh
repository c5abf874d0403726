#!/usr/bin/env bash
# Fuzzes /api/v1 with Schemathesis (from PyPI, in a venv under the cache directory,
# installed once) against the built app, the same server Playwright uses
# (scripts/e2e-server.sh), with a lead's, a viewer's and an outsider's token. Checks: no
# server error, responses match the OpenAPI document (schema and status codes).
# Bounded: FUZZ_MAX_EXAMPLES per operation and FUZZ_SECONDS per caller. Needs a prior
# `next build` and E2E_DATABASE_URL (or the embedded database). Writes
# $reports/schemathesis-<caller>.log and a summary line per caller.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/ensure.sh

SCHEMATHESIS_VERSION=4.32.5
venv="${SLIPWAY_CACHE:-$HOME/.cache/slipway}/schemathesis-$SCHEMATHESIS_VERSION"
if [[ ! -x $venv/bin/st ]]; then
  log "schemathesis $SCHEMATHESIS_VERSION: installing from PyPI into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --index-url https://pypi.org/simple "schemathesis==$SCHEMATHESIS_VERSION"
fi

reports=${FUZZ_REPORTS:-.data/test-reports}
mkdir -p "$reports"
export PORT=${FUZZ_PORT:-$(free_port)}
base="http://127.0.0.1:$PORT"
bash scripts/e2e-server.sh >"$reports/fuzz-server.log" 2>&1 &
server=$!
# The server exits 143 on our TERM; under set -e a failing wait in the trap would become this script's status.
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fsS "$base/api/healthz" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "$base/api/healthz" >/dev/null || { tail -20 "$reports/fuzz-server.log" >&2; exit 1; }

# The server-sent event streams are left out: a stream stays open until its release
# ends (or, for /live and /logs, until the client leaves), so a fuzzer's request would only end at
# the time budget. The authorization matrix and the integration tests cover them.
token_for() {
  DATABASE_URL=${E2E_DATABASE_URL:-} node dist/cli/slipway.mjs admin create-token --email "$1" --name fuzz --expires-days 1 | tail -n 1
}
status=0
for caller in lead:lead@slipway.test viewer:viewer@slipway.test outsider:new@slipway.test; do
  name=${caller%%:*}
  token=$(token_for "${caller#*:}")
  log "schemathesis as $name"
  timeout "${FUZZ_SECONDS:-90}" "$venv/bin/st" --config-file scripts/schemathesis.toml run "$base/api/v1/openapi.json" \
    --url "$base/api/v1" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance \
    --exclude-path-regex '/(events|live|logs)$' \
    --max-examples "${FUZZ_MAX_EXAMPLES:-15}" \
    --workers 1 --no-color >"$reports/schemathesis-$name.log" 2>&1 || status=1
  # The log's last lines, less Schemathesis's pytest-style rule ("=== 3 warnings in 34s ==="):
  # CI reads such a rule without "passed" in it as a test runner that ran nothing.
  grep -v -E '^=+ .* =+$' "$reports/schemathesis-$name.log" | tail -n 8 >&2
done
# Counts for scripts/lib/summarize-tests.mjs: test cases passed and failed, plus one
# failure per caller whose run ended in an error or without counts.
node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0;
  for (const name of ["lead", "viewer", "outsider"]) {
    const text = fs.readFileSync(process.argv[1] + "/schemathesis-" + name + ".log", "utf8");
    const generated = /(\d+) generated, /.exec(text);
    if (!generated) { failed += 1; continue; }
    const unique = Number(/found (\d+) unique failures?/.exec(text)?.[1] ?? 0);
    const errors = /\d+ errors?[ ,]/.test(text.split("\n").slice(-3).join(" ")) ? 1 : 0;
    passed += Number(/\d+ generated, (\d+) passed/.exec(text)?.[1] ?? 0);
    failed += unique + errors;
  }
  fs.writeFileSync(process.argv[1] + "/schemathesis.json", JSON.stringify({ passed, failed }));
' "$reports"
exit $status

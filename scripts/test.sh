#!/usr/bin/env bash
# npm test: installs what the suites need when missing (npm dependencies, PostgreSQL and
# Chromium from Debian, the Kubernetes control plane built from Go modules), starts a
# throwaway PostgreSQL on a free loopback port, and runs every suite: unit, integration
# (on PostgreSQL and on PGlite), Kubernetes, and Playwright. Ends with the counts.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/ensure.sh
source scripts/lib/throwaway-postgres.sh
export NEXT_TELEMETRY_DISABLED=1

set -e
ensure_node_modules
ensure_postgresql_binaries
ensure_debian_packages /usr/bin/chromium chromium fonts-liberation
generate_prisma_client
ensure_k8s_binaries

trap stop_throwaway_postgres EXIT
# bash runs no EXIT trap on a signal by itself; exiting on one runs it.
trap "exit 143" TERM
trap "exit 130" INT
start_throwaway_postgres
set +e

reports=.data/test-reports
rm -rf "$reports" && mkdir -p "$reports"
status=0

log "eslint"
npx --no-install eslint . || { log "eslint found problems (above)"; status=1; }

log "typecheck"
npx --no-install tsc --noEmit || { log "the typecheck failed (above)"; status=1; }

log "formatting (prettier --check; npm run format fixes it)"
npx --no-install prettier --check . >/dev/null || { npx --no-install prettier --list-different . >&2; log "files not formatted (above)"; status=1; }

log "vitest: unit, integration (PostgreSQL and PGlite), Kubernetes"
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json" || { log "vitest exited non-zero (a failed test, or an error outside the tests: above)"; status=1; }

log "playwright: building the app (and the slipway CLI the kubeconfig test runs)"
npm run -s build:cli >"$reports/build-cli.log" 2>&1 || { cat "$reports/build-cli.log" >&2; status=1; }
if npx --no-install next build >"$reports/next-build.log" 2>&1; then
  log "schemathesis: fuzzing /api/v1 as a lead, a viewer and an outsider"
  psql -q "$SLIPWAY_TEST_PG_URL" -c 'CREATE DATABASE slipway_fuzz' || status=1
  E2E_DATABASE_URL="${SLIPWAY_TEST_PG_URL%/postgres}/slipway_fuzz" FUZZ_REPORTS=$reports bash scripts/fuzz-api.sh ||
    { log "the schemathesis step exited non-zero (above; logs in $reports)"; status=1; }
  log "playwright: the built app in Chromium"
  export E2E_PORT=$(free_port)
  export E2E_DATABASE_URL="${SLIPWAY_TEST_PG_URL%/postgres}/slipway_e2e"
  psql -q "$SLIPWAY_TEST_PG_URL" -c 'CREATE DATABASE slipway_e2e' || status=1
  npx --no-install playwright test || { log "playwright exited non-zero (above)"; status=1; }
else
  cat "$reports/next-build.log" >&2
  log "next build failed; Playwright did not run"
  status=1
fi

node scripts/lib/summarize-tests.mjs "$reports" || status=1
exit "$status"

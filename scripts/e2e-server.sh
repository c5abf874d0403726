#!/usr/bin/env bash
# The server Playwright drives: a migrated and seeded database, the development IdP,
# then `next start` on 127.0.0.1:$PORT. Uses E2E_DATABASE_URL (scripts/test.sh makes one
# on its throwaway PostgreSQL) or else a fresh embedded PGlite. Needs a prior `next build`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/ensure.sh
source scripts/lib/dev-idp.sh
source scripts/lib/local-cluster.sh

if [[ -n ${E2E_DATABASE_URL:-} ]]; then
  export DATABASE_URL=$E2E_DATABASE_URL
else
  unset DATABASE_URL
  if [[ -z ${PGLITE_DIR:-} ]]; then
    PGLITE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/slipway-e2e-pglite.XXXXXX")
    scratch_pglite=$PGLITE_DIR
  fi
  export PGLITE_DIR
fi
export SLIPWAY_ADMIN_EMAILS=admin@slipway.test
# Every spec signs in from 127.0.0.1; the limits themselves are tested in tests/integration/rate-limits.test.ts.
export SLIPWAY_RATE_LIMIT_SIGN_IN=${SLIPWAY_RATE_LIMIT_SIGN_IN:-0} SLIPWAY_RATE_LIMIT_FAILED_TOKENS=${SLIPWAY_RATE_LIMIT_FAILED_TOKENS:-0}
# A control plane of its own, in a scratch DATA_DIR, with short rollout deadlines.
export DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/slipway-e2e-data.XXXXXX")
export SLIPWAY_PROGRESS_DEADLINE_SECONDS=${SLIPWAY_PROGRESS_DEADLINE_SECONDS:-10}
unset KUBECONFIG SLIPWAY_KUBECONFIG
# Under `set -e` a failing command ends the trap: the kill fails when the server has exited by itself (SIGTERM'd directly).
trap 'stop_dev_idp; [[ -z ${server_pid:-} ]] || kill "$server_pid" 2>/dev/null || true; stop_local_cluster; rm -rf "$DATA_DIR" ${scratch_pglite:+"$scratch_pglite"}; true' EXIT
trap 'exit 143' TERM INT
# The local API server reports kubectl writes to Slipway (README, "kubectl in the audit log").
export SLIPWAY_AUDIT_WEBHOOK_URL=http://127.0.0.1:${PORT:?}/api/cluster/audit
use_cluster
npx --no-install tsx scripts/migrate.ts
npx --no-install tsx prisma/seed.ts

start_dev_idp "http://127.0.0.1:${PORT:?}"
NEXTAUTH_SECRET=$(random_secret)
SLIPWAY_AUDIT_SIGNING_KEY=$(random_secret)
export NEXTAUTH_SECRET SLIPWAY_AUDIT_SIGNING_KEY
# Webhooks (e2e/webhooks.spec.ts) go to a receiver the spec runs on loopback.
SLIPWAY_SECRET_KEY=$(random_secret)
SLIPWAY_WEBHOOK_ALLOWED_HOSTS=${SLIPWAY_WEBHOOK_ALLOWED_HOSTS:-127.0.0.1,localhost}
export SLIPWAY_SECRET_KEY SLIPWAY_WEBHOOK_ALLOWED_HOSTS
# Not exec: this shell stays to stop the IdP when the server ends or Playwright stops us.
# The bin itself, not npx, so that the pid we stop is the server and not a wrapper.
node_modules/.bin/next start -H 127.0.0.1 -p "$PORT" &
server_pid=$!
wait "$server_pid"

#!/usr/bin/env bash
# The server Playwright drives: a migrated and seeded database, then `next start` on
# 127.0.0.1:$PORT. Uses E2E_DATABASE_URL (scripts/test.sh makes one on its throwaway
# PostgreSQL) or else a fresh embedded PGlite. Needs a prior `next build`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -n ${E2E_DATABASE_URL:-} ]]; then
  export DATABASE_URL=$E2E_DATABASE_URL
else
  unset DATABASE_URL
  export PGLITE_DIR=${PGLITE_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/slipway-e2e-pglite.XXXXXX")}
fi
npx --no-install tsx scripts/migrate.ts
npx --no-install tsx prisma/seed.ts
exec npx --no-install next start -H 127.0.0.1 -p "${PORT:?}"

#!/usr/bin/env bash
# npm run demo: Slipway on its embedded defaults. Installs npm dependencies if missing,
# migrates and seeds the embedded PGlite database under .data/ (or DATABASE_URL when
# set), builds, and serves at http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/ensure.sh
export NEXT_TELEMETRY_DISABLED=1
port=${PORT:-3000}
mkdir -p .data

ensure_node_modules
generate_prisma_client
npx --no-install tsx scripts/migrate.ts
npx --no-install tsx prisma/seed.ts
log "building Slipway"
npx --no-install next build >.data/next-build.log 2>&1 || { cat .data/next-build.log >&2; exit 1; }
log "Slipway is starting at http://localhost:$port (Ctrl-C stops it)"
exec npx --no-install next start -p "$port"

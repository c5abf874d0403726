#!/usr/bin/env bash
# npm run bench: prints Slipway's performance figures next to their targets (figures,
# not timed tests). Installs what it needs when missing, as npm test does (npm
# dependencies, PostgreSQL from Debian, the Kubernetes control plane built from Go
# modules), starts a throwaway PostgreSQL, builds the app (`next build`; BENCH_SKIP_BUILD=1
# reuses .next), then scripts/bench/main.ts starts the local control plane and
# `next start` and measures. About 10-15 minutes on 2 cores.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/ensure.sh
source scripts/lib/throwaway-postgres.sh
export NEXT_TELEMETRY_DISABLED=1

set -e
ensure_node_modules
ensure_postgresql_binaries
generate_prisma_client
ensure_k8s_binaries

trap stop_throwaway_postgres EXIT
trap "exit 143" TERM
trap "exit 130" INT
start_throwaway_postgres

if [[ ${BENCH_SKIP_BUILD:-} == 1 && -f .next/BUILD_ID ]]; then
  log "reusing the build in .next (BENCH_SKIP_BUILD=1)"
else
  log "next build"
  mkdir -p .data/bench
  npx --no-install next build >.data/bench/next-build.log 2>&1 || { cat .data/bench/next-build.log >&2; log "next build failed"; exit 1; }
fi
set +e
# BENCH_ONLY=pages: the reads at the large size alone (scripts/bench/pages.ts), a few minutes.
# BENCH_ONLY=deploys: (b) at concurrency 50 and (f) alone (scripts/bench/deploys.ts), a few minutes.
# BENCH_ONLY=overhead: (a) alone (scripts/bench/overhead.ts), about a minute.
if [[ ${BENCH_ONLY:-} == pages ]]; then
  npx --no-install tsx scripts/bench/pages.ts
elif [[ ${BENCH_ONLY:-} == overhead ]]; then
  npx --no-install tsx scripts/bench/overhead.ts
elif [[ ${BENCH_ONLY:-} == deploys ]]; then
  npx --no-install tsx scripts/bench/deploys.ts
else
  npx --no-install tsx scripts/bench/main.ts
fi

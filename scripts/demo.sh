#!/usr/bin/env bash
# npm run demo: Slipway on its embedded defaults. Installs npm dependencies if missing,
# migrates and seeds the embedded PGlite database under .data/ (or DATABASE_URL when
# set), starts the local Kubernetes control plane (or uses KUBECONFIG), builds, starts
# the development IdP with its demo users, and serves at
# http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/ensure.sh
source scripts/lib/dev-idp.sh
source scripts/lib/local-cluster.sh
export NEXT_TELEMETRY_DISABLED=1
port=${PORT:-3000}
mkdir -p .data
export SLIPWAY_ADMIN_EMAILS=${SLIPWAY_ADMIN_EMAILS:-admin@slipway.test}
# One secret per checkout, kept with the demo data, so sessions survive restarts
# (`next dev` reads the same file: lib/auth/secret.ts).
[[ -s .data/nextauth-secret ]] || (umask 077 && random_secret >.data/nextauth-secret)
NEXTAUTH_SECRET=$(cat .data/nextauth-secret)
# The audit anchors' signing key, likewise (lib/audit/anchor/signing-key.ts reads it outside production).
[[ -s .data/audit-signing-key ]] || (umask 077 && random_secret >.data/audit-signing-key)
SLIPWAY_AUDIT_SIGNING_KEY=$(cat .data/audit-signing-key)
export NEXTAUTH_SECRET SLIPWAY_AUDIT_SIGNING_KEY
# Encrypts webhook signing secrets and registered clusters' credentials (read from the same file outside production).
[[ -s .data/secret-key ]] || (umask 077 && random_secret >.data/secret-key)
SLIPWAY_SECRET_KEY=$(cat .data/secret-key)
# Webhooks may go to loopback receivers only, unless said otherwise.
SLIPWAY_WEBHOOK_ALLOWED_HOSTS=${SLIPWAY_WEBHOOK_ALLOWED_HOSTS:-127.0.0.1,localhost}
export SLIPWAY_SECRET_KEY SLIPWAY_WEBHOOK_ALLOWED_HOSTS

ensure_node_modules
generate_prisma_client
trap 'stop_dev_idp; stop_local_cluster; [[ -n ${server_pid:-} ]] && kill "$server_pid" 2>/dev/null; true' EXIT
trap 'exit 130' INT TERM
# The local API server reports kubectl writes to Slipway (README, "kubectl in the audit log").
export SLIPWAY_AUDIT_WEBHOOK_URL=http://127.0.0.1:$port/api/cluster/audit
use_cluster
npx --no-install tsx scripts/migrate.ts
npx --no-install tsx prisma/seed.ts
log "building Slipway"
npx --no-install next build >.data/next-build.log 2>&1 || { cat .data/next-build.log >&2; exit 1; }

start_dev_idp "http://localhost:$port"
log "Slipway is starting at http://localhost:$port (Ctrl-C stops it)"
# The bin itself, not npx, so that the EXIT trap stops the server and not a wrapper.
node_modules/.bin/next start -p "$port" &
server_pid=$!
wait "$server_pid"

# Sourced by scripts/demo.sh and scripts/test.sh: install what is missing, idempotently.

log() { echo "[slipway] $*" >&2; }

as_root() {
  # -n: fail with a message rather than wait for a password nobody will type.
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@" || { log "needs root for: $* (run it once by hand, or give this user passwordless sudo)"; return 1; }; fi
}

# npm dependencies, reinstalled when package-lock.json is newer than the install.
ensure_node_modules() {
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "installing npm dependencies (npm ci)"
    npm ci --no-audit --no-fund
  fi
}

# ensure_debian_packages CHECK_PATH PACKAGE... : apt-get install when CHECK_PATH is absent.
ensure_debian_packages() {
  local check=$1
  shift
  if ! compgen -G "$check" >/dev/null; then
    log "installing Debian packages: $*"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
  fi
}

free_port() {
  node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

generate_prisma_client() {
  bash scripts/prisma-generate.sh >/dev/null
}

# PostgreSQL's server binaries from Debian, without the system cluster Debian would
# start on port 5432 (the suites and benchmarks start their own throwaway one).
ensure_postgresql_binaries() {
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    as_root mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | as_root tee -a /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  ensure_debian_packages "/usr/lib/postgresql/*/bin/initdb" postgresql
}

# The local control plane's binaries, built from Go modules once and cached; exports SLIPWAY_K8S_BIN.
ensure_k8s_binaries() {
  log "building or reusing the Kubernetes control plane binaries"
  SLIPWAY_K8S_BIN=$(bash scripts/build-k8s.sh)
  export SLIPWAY_K8S_BIN
}

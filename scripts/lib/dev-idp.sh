# Sourced by scripts/demo.sh and scripts/e2e-server.sh (after ensure.sh).
# start_dev_idp SLIPWAY_URL: the development IdP (tools/dev-idp) in the background on a
# free loopback port, for Slipway served at SLIPWAY_URL, and exports what Slipway needs
# to sign in through it. The caller stops it with stop_dev_idp (in its EXIT trap).

random_secret() {
  node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url"))'
}

start_dev_idp() {
  export NEXTAUTH_URL=$1
  export OIDC_CLIENT_ID=slipway-dev
  OIDC_CLIENT_SECRET=$(random_secret)
  export OIDC_CLIENT_SECRET
  DEV_IDP_LOG=$(mktemp "${TMPDIR:-/tmp}/slipway-dev-idp.XXXXXX")
  # Port 0: it binds a free port itself and prints its issuer URL (no race for the port).
  # node, not npx tsx, so that its parent is this shell and it notices if we die.
  DEV_IDP_PORT=0 node --import tsx tools/dev-idp/server.ts >"$DEV_IDP_LOG" 2>&1 &
  DEV_IDP_PID=$!
  local issuer=""
  for _ in $(seq 1 100); do
    issuer=$(sed -n 's/^dev IdP listening: //p' "$DEV_IDP_LOG")
    [[ -n $issuer ]] && break
    kill -0 "$DEV_IDP_PID" 2>/dev/null || break
    sleep 0.2
  done
  if [[ -z $issuer ]]; then
    cat "$DEV_IDP_LOG" >&2
    log "the development IdP did not start"
    return 1
  fi
  export OIDC_ISSUER=$issuer SLIPWAY_DEV_IDP=1
  # `next start` runs with NODE_ENV=production, where the dev IdP needs this explicit opt-in.
  export SLIPWAY_ALLOW_DEV_IDP_IN_PRODUCTION=1
  log "development IdP at $issuer (demo users, no passwords)"
}

stop_dev_idp() {
  if [[ -n ${DEV_IDP_PID:-} ]]; then
    kill "$DEV_IDP_PID" 2>/dev/null || true
    rm -f "$DEV_IDP_LOG"
    DEV_IDP_PID=
  fi
}

# Sourced by scripts/demo.sh and scripts/e2e-server.sh (after ensure.sh).
# use_cluster: the cluster named by KUBECONFIG (or SLIPWAY_KUBECONFIG) when set; else the
# local control plane in DATA_DIR/cluster, started here in the background unless one is
# already running (then it is reused and left running). Exports SLIPWAY_KUBECONFIG, and
# SLIPWAY_AUDIT_WEBHOOK_TOKEN when the local API server posts its audit events to
# SLIPWAY_AUDIT_WEBHOOK_URL (set by the caller before; a reused cluster keeps the URL it started with).
# stop_local_cluster (in the caller's EXIT trap) stops only a cluster this shell started.

use_cluster() {
  if [[ -n ${SLIPWAY_KUBECONFIG:-} || -n ${KUBECONFIG:-} ]]; then
    export SLIPWAY_KUBECONFIG=${SLIPWAY_KUBECONFIG:-$KUBECONFIG}
    log "using the cluster in $SLIPWAY_KUBECONFIG"
    return
  fi
  local data=${DATA_DIR:-.data}
  local kubeconfig
  mkdir -p "$data"
  kubeconfig=$(cd "$data" && pwd)/cluster/platform.kubeconfig
  if node --import tsx tools/cluster/cli.ts status >/dev/null 2>&1; then
    log "reusing the local control plane that is already running"
  else
    log "building or reusing the Kubernetes binaries (the first build takes several minutes)"
    bash scripts/build-k8s.sh >/dev/null
    CLUSTER_LOG=$(mktemp "${TMPDIR:-/tmp}/slipway-cluster.XXXXXX")
    node --import tsx tools/cluster/cli.ts up >"$CLUSTER_LOG" 2>&1 &
    CLUSTER_PID=$!
    for _ in $(seq 1 300); do
      [[ -s $kubeconfig ]] && break
      kill -0 "$CLUSTER_PID" 2>/dev/null || break
      sleep 0.2
    done
    if [[ ! -s $kubeconfig ]]; then
      cat "$CLUSTER_LOG" >&2
      log "the local control plane did not start"
      return 1
    fi
    log "local control plane up (logs: $data/cluster)"
  fi
  export SLIPWAY_KUBECONFIG=$kubeconfig
  if [[ -s $data/cluster/audit-webhook.token ]]; then
    SLIPWAY_AUDIT_WEBHOOK_TOKEN=$(cat "$data/cluster/audit-webhook.token")
    export SLIPWAY_AUDIT_WEBHOOK_TOKEN
  fi
}

stop_local_cluster() {
  if [[ -n ${CLUSTER_PID:-} ]]; then
    kill "$CLUSTER_PID" 2>/dev/null || true
    wait "$CLUSTER_PID" 2>/dev/null || true
    rm -f "$CLUSTER_LOG"
    CLUSTER_PID=
  fi
}

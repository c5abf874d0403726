#!/usr/bin/env bash
# Builds the local control plane (etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler, kubectl, kwok and its stages) from the Go modules pinned in tools/{k8s,etcd,kwok}
# into a version-keyed cache outside the repo, building only what is missing.
# Progress goes to stderr; stdout is only the bin directory, so callers can use
# bin=$(bash scripts/build-k8s.sh).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${SLIPWAY_CACHE:-$HOME/.cache/slipway}/k8s-bin
# Static binaries, built by this machine's Go only (never a downloaded toolchain).
export GOTOOLCHAIN=local CGO_ENABLED=0

log() { echo "$*" >&2; }

# GOTOOLCHAIN=local never downloads a newer Go, so say up front when ours is too old.
need=$(sed -n 's/^go //p' "$repo"/tools/*/go.mod | sort -V | tail -n 1)
have=$(go env GOVERSION | sed 's/^go//')
if [[ $(printf '%s\n%s\n' "$need" "$have" | sort -V | head -n 1) != "$need" ]]; then
  log "Go $need or newer is needed to build the control plane (tools/*/go.mod); this machine has Go $have."
  exit 1
fi
modinfo() { (cd "$repo/tools/$1" && go list -m -f "$3" "$2"); }

mkdir -p "$cache"
# Tests may run this concurrently; one builder at a time.
exec 9>"$cache/.lock"
flock 9

tmp=$(mktemp -d "$cache/.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# build OUTDIR NAME TOOLSDIR PACKAGE [go build flags...]
build() {
  local dir=$1 name=$2 mod=$3 pkg=$4
  shift 4
  [[ -x $dir/$name ]] && return
  log "building $name ($(basename "$dir")) ..."
  local start=$SECONDS
  (cd "$repo/tools/$mod" && go build -p 2 -trimpath -o "$tmp/$name" "$@" "$pkg")
  mkdir -p "$dir"
  # Renamed into place, so an interrupted build never leaves a half binary.
  mv "$tmp/$name" "$dir/$name"
  log "building $name ($(basename "$dir")) ... done in $((SECONDS - start))s"
}

k8s=$(modinfo k8s k8s.io/kubernetes '{{.Version}}')
etcd=$(modinfo etcd go.etcd.io/etcd/server/v3 '{{.Version}}')
kwok=$(modinfo kwok sigs.k8s.io/kwok '{{.Version}}')

# What upstream's hack/lib/version.sh stamps, so /version reports the release.
# The module proxy does not expose the tag's commit, so gitCommit stays empty;
# the build date is the tag's date, keeping builds reproducible.
IFS=. read -r major minor _ <<<"${k8s#v}"
stamp=(
  gitVersion="$k8s"
  gitMajor="$major"
  gitMinor="$minor"
  gitTreeState=clean
  buildDate="$(modinfo k8s k8s.io/kubernetes '{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}')"
)
ldflags="-s -w"
for kv in "${stamp[@]}"; do
  ldflags+=" -X k8s.io/component-base/version.$kv -X k8s.io/client-go/pkg/version.$kv"
done
k8sflags=(-tags=selinux,notest,grpcnotrace -ldflags="$ldflags")

build "$cache/etcd-$etcd" etcd etcd go.etcd.io/etcd/server/v3 -ldflags="-s -w"
for cmd in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
  build "$cache/kubernetes-$k8s" "$cmd" k8s "k8s.io/kubernetes/cmd/$cmd" "${k8sflags[@]}"
done
kdir=$cache/kwok-$kwok
build "$kdir" kwok kwok sigs.k8s.io/kwok/cmd/kwok -ldflags="-s -w"

# kwok has no built-in stages. These are its "fast" set (kustomize/stage/fast):
# nodes turn Ready and keep a lease, pods go Running and Ready at once, deleted
# pods disappear. Taken from the pinned module so they match the binary.
if [[ ! -f $kdir/stages.yaml ]]; then
  src=$(modinfo kwok sigs.k8s.io/kwok '{{.Dir}}')/kustomize/stage
  for f in node/fast/node-initialize node/heartbeat-with-lease/node-heartbeat-with-lease \
    pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete; do
    echo ---
    cat "$src/$f.yaml"
  done >"$tmp/stages.yaml"
  mv "$tmp/stages.yaml" "$kdir/stages.yaml"
fi

# One directory holding everything, as links into the per-component
# directories, so bumping one component does not rebuild the others.
bin=$cache/$k8s-etcd-$etcd-kwok-$kwok
mkdir -p "$bin"
ln -sfn "../etcd-$etcd/etcd" "../kwok-$kwok/kwok" "$bin/"
ln -sfn "../kwok-$kwok/stages.yaml" "$bin/kwok-stages.yaml"
for cmd in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
  ln -sfn "../kubernetes-$k8s/$cmd" "$bin/"
done
echo "$bin"

//go:build tools

// Pins the etcd server command that scripts/build-k8s.sh builds, so go.sum covers it.
package tools

import _ "go.etcd.io/etcd/server/v3"

//go:build tools

// Pins the kwok command that scripts/build-k8s.sh builds, so go.sum covers it.
package tools

import _ "sigs.k8s.io/kwok/cmd/kwok"

#!/usr/bin/env bash
# `prisma generate` needs no engine for the Rust-free `prisma-client` generator, but the
# CLI still looks for a schema-engine binary it cannot download on our machines: point
# it at any existing file.
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$(command -v node)}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
exec npx --no-install prisma generate "$@"

#!/usr/bin/env bash
# Lint: fails when a `[patch]` entry of Cargo.toml is no longer used. Cargo only warns
# ("patch `…` was not used in the crate graph"), for instance after a dependency update moves
# past the patched version, and the build silently goes on with the unpatched crate. Run by
# `make lint`; resolving the workspace (`cargo metadata`) is enough to get the warning.
set -euo pipefail
cd "$(dirname "$0")/.."

log="$(cargo metadata --format-version 1 2>&1 >/dev/null)" || { printf '%s\n' "$log" >&2; exit 1; }
unused="$(grep -i -A3 'was not used in the crate graph' <<<"$log" || true)"
if [[ -n "$unused" ]]; then
  printf 'check-patches: a [patch] entry is not used (remove it or fix its version):\n%s\n' "$unused" >&2
  exit 1
fi
echo "check-patches: every [patch] entry is used"

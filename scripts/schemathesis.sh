#!/usr/bin/env bash
# Runs schemathesis (PyPI, pinned) with all checks against the real `koban` server's
# /openapi.json and fails on any finding: a 5xx, a response that does not match the document, a
# valid request rejected or an invalid one accepted.
#
#   scripts/schemathesis.sh                 build the debug server, then test it
#   KOBAN_BIN=target/server/koban scripts/schemathesis.sh
#   SCHEMATHESIS_MAX_EXAMPLES=200 SCHEMATHESIS_SEED=1 scripts/schemathesis.sh
#
# The server runs on a free 127.0.0.1 port with a temporary SQLite database, the shipped
# content (its categories and custom fields shape the request schema), rate limits raised,
# min_fill_ms 0 and an admin token. schemathesis lives in a venv under the cargo target dir.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VERSION=4.32.5
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
VENV=$TARGET/schemathesis-venv
EXAMPLES=${SCHEMATHESIS_MAX_EXAMPLES:-40}

log() { echo "==> $*" >&2; }

if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$VERSION"; then
  log "installing schemathesis $VERSION into $VENV"
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    # Debian ships venv separately.
    if [[ $(id -u) -eq 0 ]]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; }
      rm -rf "$VENV"
      python3 -m venv "$VENV"
    else
      echo "schemathesis.sh: python3 -m venv failed (apt-get install python3-venv)" >&2
      exit 1
    fi
  fi
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION"
fi

KOBAN=${KOBAN_BIN:-}
if [[ -z "$KOBAN" ]]; then
  log "cargo build -p koban-server (debug)"
  cargo build --quiet -p koban-server --bin koban
  KOBAN=$TARGET/debug/koban
fi
KOBAN=$(realpath "$KOBAN")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/koban-schemathesis.XXXXXX")
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ADMIN_TOKEN=schemathesis-$RANDOM$RANDOM
BASE=http://127.0.0.1:$PORT
(
  cd "$WORK"
  exec env -u KOBAN_CONFIG \
    DATABASE_URL="sqlite://$WORK/koban.db" \
    KOBAN_MIN_FILL_MS=0 \
    KOBAN_RATE_LIMIT_IP_PER_MINUTE=1000000 \
    KOBAN_RATE_LIMIT_EMAIL_PER_HOUR=1000000 \
    KOBAN_RATE_LIMIT_FEEDBACK_PER_MINUTE=1000000 \
    KOBAN_ADMIN_TOKEN="$ADMIN_TOKEN" \
    RUST_LOG=koban_server=warn \
    "$KOBAN" serve --bind 127.0.0.1 --port "$PORT" --content "$ROOT/content" --assets "$WORK/no-assets"
) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
    "$BASE/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done

log "schemathesis $VERSION: $BASE/openapi.json, all checks, $EXAMPLES examples per operation"
start=$(date +%s)
status=0
# Run from the temp dir: schemathesis keeps a crash cache in ./.schemathesis.
(cd "$WORK" && PYTHONPATH="$ROOT/scripts" SCHEMATHESIS_HOOKS=schemathesis_hooks KOBAN_ADMIN_TOKEN="$ADMIN_TOKEN" \
  "$VENV/bin/schemathesis" run "$BASE/openapi.json" \
  --checks all \
  --max-examples "$EXAMPLES" \
  ${SCHEMATHESIS_SEED:+--seed "$SCHEMATHESIS_SEED"} \
  --generation-database none \
  --request-timeout 10 \
  --no-color) || status=$?
log "schemathesis finished in $(( $(date +%s) - start )) s with status $status"
if grep -qiE "panicked|internal error" "$WORK/server.log"; then
  echo "schemathesis.sh: the server logged errors:" >&2
  grep -iE "panicked|internal error" "$WORK/server.log" >&2
  status=1
fi
exit "$status"

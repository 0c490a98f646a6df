#!/usr/bin/env bash
# The benchmark command (`make bench`, not part of `make test`): runs every benchmark and rewrites
# BENCHMARKS.md from this run (bench/report.mjs), keeping its "Sizes" section (from `make size`).
#
#   bench/run.sh                   # ~10 minutes on the 2-core machine, plus builds if needed
#
# Parts, in order (each part's output is kept in $KOBAN_BENCH_LOGS, default a temp dir):
#   1. search engine on the host: KOBAN_BENCH_QUICK=1 cargo bench -p koban-core --profile server --bench search
#   2. HTTP under load: bench/wrk.sh (tickets on SQLite and PostgreSQL, content endpoint)
#   2b. live connections: node bench/live.mjs (1,000 idle streams on one process, memory, reply →
#       `changed` latency)
#   3. search in headless Chromium: node bench/search-browser.mjs
#   4. host page impact, open times, Lighthouse, bytes on the wire: node bench/page-browser.mjs
# and first the size report of dist/ (scripts/size.mjs).
# Needs the release server (target/server/koban, rebuilt here with cargo when the sources
# changed) and the widget bundle in dist/ (`make bundle`; `make bench` builds both first).
# KOBAN_BENCH_NO_BUILD=1 uses target/server/koban as it is.
# Exits non-zero if a part failed (BENCHMARKS.md is still written, naming what did not run).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_NET_OFFLINE=true CARGO_TERM_COLOR=never
LOGS="${KOBAN_BENCH_LOGS:-$(mktemp -d "${TMPDIR:-/tmp}/koban-bench.XXXXXX")}"
mkdir -p "$LOGS"
META="$LOGS/meta.env"
STATUS=0

meta() { printf '%s=%s\n' "$1" "$2" >>"$META"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

: >"$META"
meta date "$(date -u '+%Y-%m-%d %H:%M UTC')"
meta cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
meta cores "$(nproc)"
meta memory_gib "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)"
meta os "Debian $(cat /etc/debian_version 2>/dev/null), Linux $(uname -r)"
meta rustc "$(rustc -V 2>/dev/null | cut -d' ' -f2)"
meta chromium "$(/usr/bin/chromium --version 2>/dev/null | awk '{ print $2 }')"
meta wrk "$(wrk -v 2>&1 | head -n1 | awk '{ print $2 }')"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
meta postgres "$([[ -n "$PG_BIN" ]] && "$PG_BIN/postgres" --version | awk '{ print $3 }')"
meta load_start "$(load)"
echo "bench: logs in $LOGS; load average at start $(load)"

# The release server, rebuilt if its sources changed (a no-op otherwise).
if [[ "${KOBAN_BENCH_NO_BUILD:-0}" != 1 ]]; then
  echo "== building the server (cargo build --profile server -p koban-server)"
  if ! cargo build --profile server -p koban-server 2>&1 | tail -n 3; then
    echo "bench: server build failed" >&2
    [[ -x target/server/koban ]] || exit 1
    echo "bench: using the existing target/server/koban" >&2
    meta server_build "failed; existing binary used"
  fi
fi
[[ -x target/server/koban ]] || { echo "bench: no target/server/koban (make server)" >&2; exit 1; }
[[ -f dist/koban.js ]] || { echo "bench: no widget bundle in dist/ (make bundle)" >&2; exit 1; }
# The code measured: HEAD and the work tree as they are when the server has been built.
meta commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
meta dirty "$(git status --porcelain --untracked-files=no -- . ':!BENCHMARKS.md' ':!bench' 2>/dev/null | grep -c . || true)"
meta server_binary "$(date -u -r target/server/koban '+%Y-%m-%d %H:%M UTC')"
meta bundle "$(date -u -r "$(ls -d dist/v/*/koban-widget_bg.wasm | head -n1)" '+%Y-%m-%d %H:%M UTC')"

# part <name> <command...>: runs one part with a time bound, keeps its log and load average.
part() {
  local name="$1"; shift
  meta "load_$name" "$(load)"
  echo "== $name (load average $(load)): $*"
  timeout 3600 "$@" 2>&1 | tee "$LOGS/$name.log"
  local rc=${PIPESTATUS[0]}
  meta "rc_$name" "$rc"
  [[ $rc == 0 ]] || { echo "bench: $name failed (exit $rc)" >&2; STATUS=1; }
}

part size sh -c 'node scripts/size.mjs; cp target/size-report.json "$0/size.json"' "$LOGS"
part search env KOBAN_BENCH_QUICK=1 cargo bench -p koban-core --profile server --bench search
part wrk bench/wrk.sh
# 1,000 streams hold 1,000 sockets in the server and as many in node: raise the open-files limit.
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 8192 ]]; then
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 8192 2>/dev/null || true
fi
part live node bench/live.mjs
part browser node bench/search-browser.mjs
part page node bench/page-browser.mjs

meta load_end "$(load)"
echo "== writing BENCHMARKS.md"
node bench/report.mjs "$LOGS" || STATUS=1
exit "$STATUS"

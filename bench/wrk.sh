#!/usr/bin/env bash
# HTTP load on the real `koban` server (release build, `--profile server`) with wrk:
#   1. POST /api/v1/tickets (bench/wrk/tickets.lua: unique Idempotency-Key and body per request)
#      on a fresh SQLite database, then on a fresh PostgreSQL database; after each run the store's
#      ticket count (`koban tickets list --json`, same DATABASE_URL) must equal the 201s wrk saw.
#   2. GET /api/v1/content?locale=en without and with `Accept-Encoding: gzip`.
#
#   bench/wrk.sh                       # everything, 15 s per run
#   KOBAN_BENCH_DURATION=5 bench/wrk.sh
#
# Environment: KOBAN_BIN (default target/server/koban), KOBAN_BENCH_DURATION (seconds, default
# 15), KOBAN_BENCH_THREADS / KOBAN_BENCH_CONNECTIONS (2 / 32), KOBAN_BENCH_POSTGRES_URL (admin URL
# of a PostgreSQL server; default: the throwaway cluster of scripts/start-postgres.sh),
# KOBAN_BENCH_SKIP_POSTGRES=1 to skip the PostgreSQL run.
#
# Prints wrk's own output, then one summary line per run, e.g.
#   wrk-result name=tickets-sqlite rps=1234.5 p50_ms=12.3 p99_ms=45.6 created=18000 stored=18000 other=0 check=ok load=5.12
# and exits 1 if a store's count differs from the 201s (or a run could not be done).
# Rate limits are switched off for the run (KOBAN_RATE_LIMIT_IP_PER_MINUTE=0,
# KOBAN_RATE_LIMIT_EMAIL_PER_HOUR=0); the minimum fill time stays on (the bodies say 5.4 s).
# Everything listens on 127.0.0.1 only; every wait is bounded.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${KOBAN_BIN:-$ROOT/target/server/koban}"
DURATION="${KOBAN_BENCH_DURATION:-15}"
THREADS="${KOBAN_BENCH_THREADS:-2}"
CONNECTIONS="${KOBAN_BENCH_CONNECTIONS:-32}"
TAIL=2 # seconds at the end of a tickets run during which no new request is sent (see tickets.lua)

for tool in wrk jq curl; do
  command -v "$tool" >/dev/null || { echo "wrk.sh: $tool is missing (apt-get install -y $tool)" >&2; exit 1; }
done
[[ -x "$BIN" ]] || { echo "wrk.sh: no server binary at $BIN (make server)" >&2; exit 1; }
[[ -f "$ROOT/dist/koban.js" ]] || echo "wrk.sh: note: no widget bundle in dist/ (not needed for these runs)" >&2

WORK="$(mktemp -d "${TMPDIR:-/tmp}/koban-wrk.XXXXXX")"
SERVER_PID=""
PG_DBS=()
PG_ADMIN=""
FAILED=0

stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}

cleanup() {
  stop_server
  for db in "${PG_DBS[@]}"; do
    psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

load_avg() { cut -d' ' -f1 /proc/loadavg; }

# start_server <name> <database-url>: starts koban in its own directory; sets PORT and SERVER_PID.
start_server() {
  local name="$1" url="$2"
  PORT="$(free_port)"
  mkdir -p "$WORK/$name"
  (
    cd "$WORK/$name"
    exec env DATABASE_URL="$url" KOBAN_RATE_LIMIT_IP_PER_MINUTE=0 KOBAN_RATE_LIMIT_EMAIL_PER_HOUR=0 \
      RUST_LOG=warn "$BIN" serve --bind 127.0.0.1 --port "$PORT" --assets "$ROOT/dist" --content "$ROOT/content"
  ) >"$WORK/$name/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 200); do
    if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "wrk.sh: koban did not start ($name), log:" >&2
  cat "$WORK/$name/server.log" >&2
  return 1
}

# to_ms <wrk time>: "812.00us" | "5.56ms" | "1.02s" -> milliseconds.
to_ms() {
  awk -v t="$1" 'BEGIN {
    if (t ~ /us$/) { sub(/us$/, "", t); printf "%.3f", t / 1000 }
    else if (t ~ /ms$/) { sub(/ms$/, "", t); printf "%.2f", t }
    else if (t ~ /m$/) { sub(/m$/, "", t); printf "%.0f", t * 60000 }
    else { sub(/s$/, "", t); printf "%.1f", t * 1000 } }'
}

percentile() { # percentile <wrk output file> <50|99>
  to_ms "$(awk -v p="$2%" '$1 == p { print $2; exit }' "$1")"
}

# tickets_run <name> <database-url>
tickets_run() {
  local name="$1" url="$2" out="$WORK/$1.wrk" load
  start_server "$name" "$url" || { FAILED=1; echo "wrk-result name=$name check=not-run"; return; }
  load="$(load_avg)"
  echo "== $name: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency -s bench/wrk/tickets.lua (load average $load)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/wrk/tickets.lua" \
    "http://127.0.0.1:$PORT" -- "$name-$$" "$(date +%s.%N)" "$DURATION" "$TAIL" | tee "$out"
  local result created other in_flight phase answered statuses stored rps cps check
  result="$(grep '^tickets-result ' "$out" || true)"
  if [[ -z "$result" ]]; then
    stop_server
    FAILED=1
    echo "wrk-result name=$name check=not-run load=$load" | tee -a "$WORK/summary"
    return
  fi
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$result"; }
  created="$(field created)"; other="$(field other)"; in_flight="$(field in_flight)"
  phase="$(field send_phase_s)"; answered="$(field answered)"; statuses="$(field statuses)"
  # The server is still up: count what the store holds, through the CLI, on the same database.
  stored="$(cd "$WORK/$name" && DATABASE_URL="$url" "$BIN" tickets list --json | jq length || echo unknown)"
  rps="$(awk -v n="$answered" -v s="$phase" 'BEGIN { printf "%.1f", n / s }')"
  cps="$(awk -v n="$created" -v s="$phase" 'BEGIN { printf "%.1f", n / s }')"
  if [[ "$stored" == "$created" && "$in_flight" == 0 ]]; then
    check=ok
  elif [[ "$in_flight" != 0 && "$stored" =~ ^[0-9]+$ && "$stored" -ge "$created" && "$stored" -le $((created + in_flight)) ]]; then
    check="inexact($in_flight-in-flight)"
  else
    check=MISMATCH
    FAILED=1
  fi
  stop_server
  echo "wrk-result name=$name rps=$rps created_per_s=$cps p50_ms=$(percentile "$out" 50) p99_ms=$(percentile "$out" 99) created=$created stored=$stored other=$other statuses=$statuses send_phase_s=$phase check=$check load=$load" | tee -a "$WORK/summary"
}

# content_run <name> [header]: the content endpoint on a running server.
content_run() {
  local name="$1" header="${2:-}" out="$WORK/$1.wrk" load bytes rps
  local hargs=()
  [[ -n "$header" ]] && hargs=(-H "$header")
  load="$(load_avg)"
  bytes="$(curl -fsS "${hargs[@]}" -o /dev/null -w '%{size_download}' "http://127.0.0.1:$PORT/api/v1/content?locale=en")"
  echo "== $name: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency ${header:+-H '$header'} /api/v1/content?locale=en ($bytes bytes per response, load average $load)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${hargs[@]}" \
    "http://127.0.0.1:$PORT/api/v1/content?locale=en" | tee "$out"
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
  local errors
  errors="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")"
  echo "wrk-result name=$name rps=$rps p50_ms=$(percentile "$out" 50) p99_ms=$(percentile "$out" 99) bytes=$bytes non2xx=${errors:-0} load=$load" | tee -a "$WORK/summary"
  [[ -z "$errors" ]] || FAILED=1
}

# 1. Tickets on SQLite.
tickets_run tickets-sqlite "sqlite://$WORK/tickets-sqlite/data/koban.db"

# 2. Tickets on PostgreSQL, a fresh database in the local throwaway cluster.
if [[ "${KOBAN_BENCH_SKIP_POSTGRES:-0}" == 1 ]]; then
  echo "wrk-result name=tickets-postgres check=skipped" | tee -a "$WORK/summary"
else
  db="koban_bench_$$_$(date +%s)"
  if PG_ADMIN="${KOBAN_BENCH_POSTGRES_URL:-$("$ROOT/scripts/start-postgres.sh")}" &&
    psql -q "$PG_ADMIN" -c "CREATE DATABASE $db" >/dev/null; then
    PG_DBS+=("$db")
    tickets_run tickets-postgres "${PG_ADMIN%/*}/$db"
  else
    echo "wrk.sh: no PostgreSQL (scripts/start-postgres.sh failed)" >&2
    echo "wrk-result name=tickets-postgres check=not-run" | tee -a "$WORK/summary"
    FAILED=1
  fi
fi

# 3. The content endpoint (no database involved; SQLite server).
start_server content "sqlite://$WORK/content/data/koban.db" || { echo "wrk-result name=content check=not-run"; exit 1; }
content_run content-identity
content_run content-gzip "Accept-Encoding: gzip"
stop_server

echo
echo "== summary (wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; tickets: rps over the ${TAIL}s-shorter send phase)"
printf '%-18s %12s %9s %9s %8s %8s %s\n' name requests/s p50_ms p99_ms 201s stored check
while read -r line; do
  get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  printf '%-18s %12s %9s %9s %8s %8s %s\n' "$(get name)" "$(get rps)" "$(get p50_ms)" "$(get p99_ms)" \
    "$(get created)" "$(get stored)" "$(get check)"
done <"$WORK/summary"
exit "$FAILED"

#!/usr/bin/env bash
# Proposals benchmark: the staff's proposal list, the list searched for 养老, and proposal detail
# pages at random, on Shangliang (SQLite) with the demo data + N generated proposals.
#
#   bash bench/proposals.sh [N] [DURATION]      defaults: N=100000, DURATION=20s
#
# Environment (all optional):
#   BENCH_LOGIN, BENCH_PASSWORD   who the requests run as (default admin / Admin12345)
#   SERIAL_DURATION   length of the extra one-connection runs that time a request without queueing
#                     (default 10s; 0 skips them)
#   WRK_TIMEOUT       wrk's per-request timeout (default: DURATION, so slow answers still count)
#   SL_PORT                       loopback port (default: a free one)
#   BENCH_OUT                     a folder to copy the raw wrk outputs and the summary into
#   SHANGLIANG_HTTP_WORKERS, SHANGLIANG_LOG_LEVEL  passed to the server
#
# Everything runs on 127.0.0.1 from a fresh temporary folder that is removed on exit, together
# with the server this script started. See bench/README.md.
set -euo pipefail

N=${1:-100000}
DURATION=${2:-20s}
SERIAL_DURATION=${SERIAL_DURATION:-10s}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=$ROOT/build/server/shangliang
THREADS=2
CONNECTIONS=64
LOGIN=${BENCH_LOGIN:-admin}
PASSWORD=${BENCH_PASSWORD:-Admin12345}

die() { echo "proposals: $*" >&2; exit 1; }

# "20" -> "20s"; accepts Ns / Nm.
norm_duration() {
  local d=$1
  [[ $d =~ ^[0-9]+$ ]] && d=${d}s
  [[ $d =~ ^([0-9]+)([sm])$ ]] || die "duration must look like 20, 20s or 1m (got $1)"
  echo "$d"
}
to_seconds() { local d=$1; [[ $d == *m ]] && echo $(( ${d%m} * 60 )) || echo "${d%s}"; }

[[ $N =~ ^[0-9]+$ ]] || die "N must be a whole number (got $N)"
DURATION=$(norm_duration "$DURATION")
[[ $SERIAL_DURATION == 0 ]] || SERIAL_DURATION=$(norm_duration "$SERIAL_DURATION")
WRK_TIMEOUT=$(norm_duration "${WRK_TIMEOUT:-$DURATION}")
[[ -x $BIN ]] || die "no server binary at $BIN (run \`make server\` in $ROOT)"
for tool in wrk curl python3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

BENCH_NAME=proposals
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
TMP=$(mktemp -d /tmp/shangliang-bench.XXXXXX)
SERVER_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$SERVER_PID" TERM
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

SL_PORT=${SL_PORT:-$(free_port)}
SL_BASE=http://127.0.0.1:$SL_PORT

start_server() {
  # exec keeps the server's pid equal to $!; cwd is the repo as with `make run`.
  (cd "$ROOT" && exec env SHANGLIANG_DATABASE_URL="sqlite:$TMP/bench.db" SHANGLIANG_HTTP_LISTEN="127.0.0.1:$SL_PORT" \
    "$BIN" serve --demo) >>"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  local i
  for ((i = 0; i < 1200; i++)); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$TMP/server.log" >&2; die "the server exited during start-up"; }
    if curl -fsS -o /dev/null --max-time 2 "$SL_BASE/healthz" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "the server did not answer /healthz within 120 s"
}

stop_server() {
  stop_pid "$SERVER_PID" TERM
  SERVER_PID=""
}

hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status"; }

echo "== Shangliang proposals benchmark: N=$N, $DURATION per run, wrk -t$THREADS -c$CONNECTIONS, as $LOGIN"
echo "   temp folder $TMP; server on $SL_BASE"

# 1. Fresh database with the demo data (≈300 proposals), then N more written straight into the file.
start_server
stop_server
GEN_STARTED=$(date +%s.%N)
python3 "$HERE/gen_proposals.py" "$TMP/bench.db" "$N" --ids-out "$TMP/ids.txt"
GEN_SECONDS=$(awk -v a="$GEN_STARTED" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
DB_MB=$(( $(stat -c %s "$TMP/bench.db") / 1048576 ))
START_STARTED=$(date +%s.%N)
start_server
START_SECONDS=$(awk -v a="$START_STARTED" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
SERVER_RSS_IDLE_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")

# 2. Log in; keep the session token.
code=$(curl -sS -o "$TMP/login.json" -D "$TMP/login.headers" -w '%{http_code}' -X POST \
  -H 'Content-Type: application/json' -d "{\"login\":\"$LOGIN\",\"password\":\"$PASSWORD\"}" "$SL_BASE/api/v1/auth/login")
[[ $code == 200 ]] || { cat "$TMP/login.json" >&2; die "login answered HTTP $code"; }
TOKEN=$(sed -n 's/^[Ss]et-[Cc]ookie: *sl_session=\([^;]*\).*/\1/p' "$TMP/login.headers" | tr -d '\r' | head -n 1)
[[ -n $TOKEN ]] || die "login answer has no sl_session cookie"
COOKIE="Cookie: sl_session=$TOKEN"

# 3. Check each request once: HTTP 200, JSON, 20 items, plausible totals; keep the sizes.
LIST_PATH="/api/v1/proposals?page=1&page_size=20"
SEARCH_PATH="/api/v1/proposals?page=1&page_size=20&q=%E5%85%BB%E8%80%81"  # q=养老
check_json() {  # name path
  local name=$1 path=$2
  code=$(curl -sS -o "$TMP/$name.json" -w '%{http_code}' -H "$COOKIE" "$SL_BASE$path")
  [[ $code == 200 ]] || { head -c 500 "$TMP/$name.json" >&2; die "$name answered HTTP $code"; }
}
check_json list "$LIST_PATH"
check_json search "$SEARCH_PATH"
VISIBLE=$(wc -l <"$TMP/ids.txt")
python3 - "$TMP/list.json" "$TMP/search.json" "$VISIBLE" <<'EOF'
import json, sys
lst, srch, visible = json.load(open(sys.argv[1], "rb")), json.load(open(sys.argv[2], "rb")), int(sys.argv[3])
if len(lst["items"]) != 20 or lst["total"] < visible:
    sys.exit(f"list: {len(lst['items'])} items, total {lst['total']}; expected 20 items and at least {visible}")
if len(srch["items"]) != 20 or not all("养老" in i["title"] or "养老" in i["proposer_name"] for i in srch["items"]):
    sys.exit("search q=养老: expected 20 items that all mention 养老")
print(f"   list total {lst['total']}, search q=养老 total {srch['total']}")
EOF
# The detail run picks ids at random from the generated ones staff can see; try a few first.
for id in $(shuf -n 5 --random-source=<(yes) "$TMP/ids.txt"); do
  check_json detail "/api/v1/proposals/$id"
done
BYTES_LIST=$(stat -c %s "$TMP/list.json")
BYTES_SEARCH=$(stat -c %s "$TMP/search.json")
BYTES_DETAIL=$(stat -c %s "$TMP/detail.json")
cat >"$TMP/detail.lua" <<'EOF'
-- GET /api/v1/proposals/{id} with an id drawn at random from the file named after `--`.
local ids = {}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end
function init(args)
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  math.randomseed(seed or 1)
end
function request()
  return wrk.format("GET", "/api/v1/proposals/" .. ids[math.random(#ids)])
end
EOF

# 4. Load. wrk ends by itself after -d; `timeout` is a backstop should it hang. When wrk stops,
# the server may still hold queued requests of a slow run: wait until it has answered them all
# (it reports requests in flight on /metrics) so that the next run starts on an idle server.
declare -A HWM DRAIN
drain() {  # prints the seconds it took
  local started=$SECONDS n
  while ((SECONDS - started < 600)); do
    n=$(curl -s --max-time 5 "$SL_BASE/metrics" | awk '/^shangliang_http_requests_in_flight / {print $2}') || true
    [[ -n $n && $n -le 1 ]] && { echo $((SECONDS - started)); return 0; }
    sleep 1
  done
  die "the server still had requests in flight 600 s after the run"
}
run_wrk() {  # name threads connections duration path [lua]
  local name=$1 threads=$2 conns=$3 dur=$4 path=$5 lua=${6:-}
  local out=$TMP/wrk_$name.txt
  local extra=()
  [[ -n $lua ]] && extra=(-s "$lua")
  echo
  echo "== wrk $name (-t$threads -c$conns, $dur): $path"
  timeout --kill-after=5 $(( $(to_seconds "$dur") + 30 )) \
    wrk -t"$threads" -c"$conns" -d"$dur" --timeout "$WRK_TIMEOUT" --latency -H "$COOKIE" "${extra[@]}" \
    "$SL_BASE$path" ${lua:+-- "$TMP/ids.txt"} >"$out" 2>&1 || { cat "$out"; die "wrk failed or timed out ($name)"; }
  cat "$out"
  kill -0 "$SERVER_PID" 2>/dev/null || die "the server died during the $name run"
  HWM[$name]=$(hwm_kb)
  DRAIN[$name]=$(drain)
  ((DRAIN[$name] == 0)) || echo "   (the server took ${DRAIN[$name]} s to answer the requests still queued)"
}
RUNS=(list search detail)
run_wrk list "$THREADS" "$CONNECTIONS" "$DURATION" "$LIST_PATH"
run_wrk search "$THREADS" "$CONNECTIONS" "$DURATION" "$SEARCH_PATH"
run_wrk detail "$THREADS" "$CONNECTIONS" "$DURATION" "/api/v1/proposals/1" "$TMP/detail.lua"
if [[ $SERIAL_DURATION != 0 ]]; then
  RUNS+=(list_1 search_1 detail_1)
  run_wrk list_1 1 1 "$SERIAL_DURATION" "$LIST_PATH"
  run_wrk search_1 1 1 "$SERIAL_DURATION" "$SEARCH_PATH"
  run_wrk detail_1 1 1 "$SERIAL_DURATION" "/api/v1/proposals/1" "$TMP/detail.lua"
fi
stop_server

# 5. Summary.
to_ms() { awk -v v="$1" 'BEGIN {
  n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
  if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
  printf "%.2f", n }'; }
field() {  # file what
  local f=$1
  case $2 in
    rps) awk '/^Requests\/sec:/ {print $2}' "$f" ;;
    p50) to_ms "$(awk '$1 == "50%" {print $2}' "$f")" ;;
    p99) to_ms "$(awk '$1 == "99%" {print $2}' "$f")" ;;
    requests) awk '/requests in/ {print $1}' "$f" ;;
    non2xx) awk -F': *' '/Non-2xx or 3xx responses/ {n = $2} END {print n + 0}' "$f" ;;
    sockerr) awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10; found = 1} END {if (!found) print 0}' "$f" ;;
  esac
}

SUMMARY=$TMP/summary.md
{
  echo "## proposals: list, search and detail"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, N=$N generated + the demo's proposals, SQLite ($DB_MB MiB file,"
  echo "generated in $GEN_SECONDS s, server start $START_SECONDS s), as $LOGIN, wrk --latency --timeout $WRK_TIMEOUT,"
  echo "-t$THREADS -c$CONNECTIONS for $DURATION each, then -t1 -c1 for ${SERIAL_DURATION} each (no queueing);"
  echo "responses: list $BYTES_LIST bytes, search $BYTES_SEARCH bytes, one detail $BYTES_DETAIL bytes;"
  echo "server: one network thread, workers=${SHANGLIANG_HTTP_WORKERS:-default}."
  echo
  echo "| request | connections | requests | requests/s | p50 ms | p99 ms | non-2xx | socket errors | queue drained after, s | server VmHWM after, MiB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for name in "${RUNS[@]}"; do
    f=$TMP/wrk_$name.txt
    case $name in
      list*) what="\`GET /api/v1/proposals?page=1&page_size=20\`" ;;
      search*) what="\`GET /api/v1/proposals?page=1&page_size=20&q=养老\`" ;;
      detail*) what="\`GET /api/v1/proposals/{random id}\`" ;;
    esac
    [[ $name == *_1 ]] && conns=1 || conns=$CONNECTIONS
    echo "| $what | $conns | $(field "$f" requests) | $(field "$f" rps) | $(field "$f" p50) | $(field "$f" p99) | $(field "$f" non2xx) | $(field "$f" sockerr) | ${DRAIN[$name]} | $(( ${HWM[$name]} / 1024 )) |"
  done
  echo
  echo "Server resident memory: $((SERVER_RSS_IDLE_KB / 1024)) MiB after start-up (VmRSS), peak $(( ${HWM[${RUNS[-1]}]} / 1024 )) MiB (VmHWM)."
} >"$SUMMARY"

finish_report
((problems == 0))

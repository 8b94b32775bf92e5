#!/usr/bin/env bash
# Members list benchmark: GET /api/v1/members?page=1&page_size=20 on Shangliang (SQLite, demo
# data + N generated members) against nginx serving the very same response bytes from a file.
#
#   bash bench/members_list.sh [N] [DURATION]      defaults: N=10000, DURATION=20s
#
# Environment (all optional):
#   SHORT_DURATION   length of the extra page_size=100 runs (default 5s)
#   SL_PORT, NGINX_PORT   loopback ports (default: two free ones)
#   BENCH_OUT        a folder to copy the raw wrk outputs and the summary into
#   SHANGLIANG_HTTP_WORKERS, SHANGLIANG_LOG_LEVEL  passed to the server
#
# Everything runs on 127.0.0.1 from a fresh temporary folder that is removed on exit, together
# with the server and nginx this script started. See bench/README.md.
set -euo pipefail

N=${1:-10000}
DURATION=${2:-20s}
SHORT_DURATION=${SHORT_DURATION:-5s}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=$ROOT/build/server/shangliang
THREADS=2
CONNECTIONS=64

die() { echo "members_list: $*" >&2; exit 1; }

# "20" -> "20s"; accepts Ns / Nm. Prints the wrk duration; seconds go to the second arg's variable.
norm_duration() {
  local d=$1
  [[ $d =~ ^[0-9]+$ ]] && d=${d}s
  [[ $d =~ ^([0-9]+)([sm])$ ]] || die "duration must look like 20, 20s or 1m (got $1)"
  echo "$d"
}
to_seconds() { local d=$1; [[ $d == *m ]] && echo $(( ${d%m} * 60 )) || echo "${d%s}"; }

[[ $N =~ ^[0-9]+$ ]] || die "N must be a whole number (got $N)"
DURATION=$(norm_duration "$DURATION")
SHORT_DURATION=$(norm_duration "$SHORT_DURATION")
[[ -x $BIN ]] || die "no server binary at $BIN (run \`make server\` in $ROOT)"
for tool in wrk nginx curl python3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

BENCH_NAME=members_list
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
TMP=$(mktemp -d /tmp/shangliang-bench.XXXXXX)
SERVER_PID=""
NGINX_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$NGINX_PID" QUIT
  stop_pid "$SERVER_PID" TERM
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

SL_PORT=${SL_PORT:-$(free_port)}
NGINX_PORT=${NGINX_PORT:-$(free_port)}
[[ $SL_PORT != "$NGINX_PORT" ]] || NGINX_PORT=$(free_port)
SL_BASE=http://127.0.0.1:$SL_PORT
NGINX_BASE=http://127.0.0.1:$NGINX_PORT

start_server() {
  # exec keeps the server's pid equal to $!; cwd is the repo as with `make run`.
  (cd "$ROOT" && exec env SHANGLIANG_DATABASE_URL="sqlite:$TMP/bench.db" SHANGLIANG_HTTP_LISTEN="127.0.0.1:$SL_PORT" \
    "$BIN" serve --demo) >>"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  local i
  for ((i = 0; i < 600; i++)); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$TMP/server.log" >&2; die "the server exited during start-up"; }
    if curl -fsS -o /dev/null --max-time 2 "$SL_BASE/healthz" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "the server did not answer /healthz within 60 s"
}

stop_server() {
  stop_pid "$SERVER_PID" TERM
  SERVER_PID=""
}

echo "== Shangliang members list benchmark: N=$N, $DURATION (page_size=100: $SHORT_DURATION), wrk -t$THREADS -c$CONNECTIONS"
echo "   temp folder $TMP; server on $SL_BASE, nginx on $NGINX_BASE"

# 1. Fresh database with the demo data, then N more members written straight into the file.
start_server
stop_server
python3 "$HERE/gen_members.py" "$TMP/bench.db" "$N"
start_server

# 2. Log in; keep the session token.
code=$(curl -sS -o "$TMP/login.json" -D "$TMP/login.headers" -w '%{http_code}' -X POST \
  -H 'Content-Type: application/json' -d '{"login":"admin","password":"Admin12345"}' "$SL_BASE/api/v1/auth/login")
[[ $code == 200 ]] || { cat "$TMP/login.json" >&2; die "login answered HTTP $code"; }
TOKEN=$(sed -n 's/^[Ss]et-[Cc]ookie: *sl_session=\([^;]*\).*/\1/p' "$TMP/login.headers" | tr -d '\r' | head -n 1)
[[ -n $TOKEN ]] || die "login answer has no sl_session cookie"
COOKIE="Cookie: sl_session=$TOKEN"

# 3. Save the exact response bytes for nginx; check they are what we expect.
mkdir -p "$TMP/www"
CONTENT_TYPE=""
for size in 20 100; do
  code=$(curl -sS -o "$TMP/www/members_$size.json" -D "$TMP/members_$size.headers" -w '%{http_code}' \
    -H "$COOKIE" "$SL_BASE/api/v1/members?page=1&page_size=$size")
  [[ $code == 200 ]] || { head -c 500 "$TMP/www/members_$size.json" >&2; die "members list (page_size=$size) answered HTTP $code"; }
  ct=$(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$TMP/members_$size.headers" | tr -d '\r')
  [[ $ct == "application/json; charset=utf-8" ]] || die "unexpected Content-Type from the server: $ct"
  CONTENT_TYPE=$ct
  python3 - "$TMP/www/members_$size.json" "$size" "$((N + 250))" <<'EOF'
import json, sys
path, size, want = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
doc = json.load(open(path, "rb"))
if len(doc["items"]) != size or doc["total"] != want:
    sys.exit(f"members list: got {len(doc['items'])} items, total {doc['total']}; expected {size} items, total {want}")
EOF
done
BYTES_20=$(stat -c %s "$TMP/www/members_20.json")
BYTES_100=$(stat -c %s "$TMP/www/members_100.json")
echo "   members list: total $((N + 250)); page_size=20 is $BYTES_20 bytes, page_size=100 is $BYTES_100 bytes"

# 4. nginx on loopback, from its own prefix, serving those files at the same path.
NGX=$TMP/nginx
mkdir -p "$NGX/tmp"
# nginx workers drop to 'nobody' when started as root: let them reach the files (not the rest).
chmod 711 "$TMP"
chmod 755 "$TMP/www"
chmod 644 "$TMP/www/"*.json
cat >"$NGX/nginx.conf" <<EOF
daemon off;
worker_processes 2;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_timeout 75s;
  keepalive_requests 1000000;
  client_body_temp_path $NGX/tmp/body;
  proxy_temp_path $NGX/tmp/proxy;
  fastcgi_temp_path $NGX/tmp/fastcgi;
  uwsgi_temp_path $NGX/tmp/uwsgi;
  scgi_temp_path $NGX/tmp/scgi;
  map \$arg_page_size \$members_file { default members_20.json; 100 members_100.json; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $TMP/www;
    location = /api/v1/members {
      default_type "$CONTENT_TYPE";
      try_files /\$members_file =404;
    }
    location / { return 404; }
  }
}
EOF
nginx -t -q -p "$NGX/" -c "$NGX/nginx.conf" -e "$NGX/error.log" || die "nginx rejected its config ($NGX/nginx.conf)"
nginx -p "$NGX/" -c "$NGX/nginx.conf" -e "$NGX/error.log" >>"$NGX/stdout.log" 2>&1 &
NGINX_PID=$!
for ((i = 0; i < 100; i++)); do
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$NGX/error.log" >&2; die "nginx exited during start-up"; }
  curl -fsS -o /dev/null --max-time 2 "$NGINX_BASE/api/v1/members?page=1&page_size=20" 2>/dev/null && break
  sleep 0.1
done
for size in 20 100; do
  curl -fsS -o "$TMP/nginx_$size.json" -D "$TMP/nginx_$size.headers" "$NGINX_BASE/api/v1/members?page=1&page_size=$size" ||
    die "nginx does not serve page_size=$size"
  cmp -s "$TMP/nginx_$size.json" "$TMP/www/members_$size.json" || die "nginx's page_size=$size body differs from the server's"
  grep -qi "^content-type: $CONTENT_TYPE" "$TMP/nginx_$size.headers" || die "nginx's Content-Type differs: $(grep -i '^content-type' "$TMP/nginx_$size.headers")"
done

SERVER_RSS_IDLE_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")

# 5. Load. Same request (path, query, Cookie header) to both; wrk ends by itself after -d, and
# `timeout` is a backstop should it hang.
run_wrk() {  # name size duration
  local name=$1 size=$2 dur=$3 base
  [[ $name == shangliang ]] && base=$SL_BASE || base=$NGINX_BASE
  local out=$TMP/wrk_${name}_$size.txt
  echo
  echo "== wrk $name page_size=$size ($dur)"
  timeout --kill-after=5 $(( $(to_seconds "$dur") + 30 )) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$dur" --latency -H "$COOKIE" "$base/api/v1/members?page=1&page_size=$size" \
    >"$out" 2>&1 || { cat "$out"; die "wrk failed or timed out ($name page_size=$size)"; }
  cat "$out"
}
run_wrk shangliang 20 "$DURATION"
run_wrk nginx 20 "$DURATION"
run_wrk shangliang 100 "$SHORT_DURATION"
run_wrk nginx 100 "$SHORT_DURATION"

# 6. Peak memory, then stop everything (the trap also does this on errors).
kill -0 "$SERVER_PID" 2>/dev/null || die "the server died during the load (see the log above)"
SERVER_HWM_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
stop_pid "$NGINX_PID" QUIT
NGINX_PID=""
stop_server

# 7. Summary.
# wrk prints latencies as 812.00us / 1.23ms / 1.02s / 1.10m; give milliseconds.
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
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }

SUMMARY=$TMP/summary.md
{
  echo "## members list: Shangliang vs nginx (static copy of the same response)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, N=$N generated + 250 demo members ($((N + 250)) total), SQLite,"
  echo "wrk -t$THREADS -c$CONNECTIONS --latency; response $BYTES_20 bytes (page_size=20), $BYTES_100 bytes (page_size=100);"
  echo "server: one network thread, workers=${SHANGLIANG_HTTP_WORKERS:-default}."
  echo
  echo "| target | page_size | duration | requests | requests/s | p50 ms | p99 ms | non-2xx | socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for size in 20 100; do
    [[ $size == 20 ]] && dur=$DURATION || dur=$SHORT_DURATION
    for name in shangliang nginx; do
      f=$TMP/wrk_${name}_$size.txt
      echo "| $name | $size | $dur | $(field "$f" requests) | $(field "$f" rps) | $(field "$f" p50) | $(field "$f" p99) | $(field "$f" non2xx) | $(field "$f" sockerr) |"
    done
  done
  echo
  echo "| page_size | requests/s shangliang / nginx | p50 shangliang / nginx | p99 shangliang / nginx |"
  echo "|---:|---:|---:|---:|"
  for size in 20 100; do
    s=$TMP/wrk_shangliang_$size.txt
    g=$TMP/wrk_nginx_$size.txt
    echo "| $size | $(ratio "$(field "$s" rps)" "$(field "$g" rps)") | $(ratio "$(field "$s" p50)" "$(field "$g" p50)") | $(ratio "$(field "$s" p99)" "$(field "$g" p99)") |"
  done
  echo
  echo "Server resident memory: $((SERVER_RSS_IDLE_KB / 1024)) MiB after start-up (VmRSS), peak $((SERVER_HWM_KB / 1024)) MiB (VmHWM, read just before stopping)."
} >"$SUMMARY"

finish_report

#!/usr/bin/env bash
# Search benchmark (issue #5): full-text search and similar proposals over N generated proposals,
# on SQLite and on PostgreSQL, plus Decidim's pg_trgm similar query for comparison.
#
#   bash bench/search.sh [N]        default N=1000000
#
# Environment (all optional):
#   PG_N             proposals for the PostgreSQL part (default N; 0 skips PostgreSQL). When it differs
#                    from N, a second SQLite file with PG_N proposals (same seed) is generated to copy from.
#   PG_SOURCE        an SQLite file that already holds the demo + generated proposals, to copy into
#                    PostgreSQL instead of generating them (its proposals count, whatever PG_N says)
#   SQLITE=0         skip the SQLite part (generation, reindex and load runs on SQLite)
#   SQLITE_DB        measure on this already generated and indexed SQLite file instead (used in place)
#   PG_URL_EXISTING  measure on this already loaded and indexed PostgreSQL database (not stopped or removed)
#   DURATION         length of each wrk run (default 15s); CONNECTIONS (16), THREADS (2)
#   TRGM_BUDGET      seconds the pg_trgm comparison may take in all (default 900): the texts are timed one
#                    after the other until the budget is spent; TRGM_TIMEOUT caps one query (default 300 s)
#   READY_TIMEOUT    seconds to wait for the in-memory similar index and the full-text replica (default 3600)
#   REPLICA_DIR      PostgreSQL: where the server keeps its full-text replica (default the temp folder, so
#                    it is built at start; an existing replica of the same database is reused)
#   SL_BIN           server binary (default build/server/shangliang; copied into the temp folder first)
#   BENCH_OUT        a folder to copy the raw wrk outputs, per-query timings and the summary into
#   KEEP_TMP=1       keep the temp folder (databases included) instead of removing it
#
# Everything runs on 127.0.0.1 from fresh temporary folders that are removed on exit, together with
# the servers (Shangliang, PostgreSQL) this script started. Generation and indexing run under
# `nice -n 10`. See bench/README.md.
set -euo pipefail
{ # the whole script is read before it runs, so editing the file during a run does not disturb it

N=${1:-1000000}
PG_N=${PG_N:-$N}
SQLITE=${SQLITE:-1}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
TRGM_BUDGET=${TRGM_BUDGET:-900}
TRGM_TIMEOUT=${TRGM_TIMEOUT:-300}
READY_TIMEOUT=${READY_TIMEOUT:-3600}
LOGIN=tianwei
PASSWORD=Staff12345

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SRC_BIN=${SL_BIN:-$ROOT/build/server/shangliang}
DATA=$ROOT/tests/data

die() { echo "search: $*" >&2; exit 1; }
[[ $N =~ ^[0-9]+$ && $N -gt 0 ]] || die "N must be a positive whole number (got $N)"
[[ $PG_N =~ ^[0-9]+$ ]] || die "PG_N must be a whole number (got $PG_N)"
[[ $DURATION =~ ^[0-9]+$ ]] && DURATION=${DURATION}s
[[ $DURATION =~ ^[0-9]+s$ ]] || die "DURATION must look like 15 or 15s"
[[ -x $SRC_BIN ]] || die "no server binary at $SRC_BIN (run \`make server\` in $ROOT)"
[[ -f $DATA/similar_pairs.json && -f $DATA/search_queries.json ]] || die "tests/data/ lacks the query texts"
for tool in wrk curl python3 sqlite3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

BENCH_NAME=search
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
TMP=$(mktemp -d /tmp/shangliang-bench-search.XXXXXX)
PGDIR=""
PGBIN=""
SERVER_PID=""
AS_PG=()

pg_stop() {
  if [[ -n $PGDIR && -f $PGDIR/data/postmaster.pid ]]; then
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -t 60 stop >/dev/null 2>&1 ||
      "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$SERVER_PID" TERM
  pg_stop
  if [[ ${KEEP_TMP:-0} == 1 ]]; then
    echo "search: kept $TMP ${PGDIR:+and $PGDIR}" >&2
  else
    rm -rf "$TMP"
    [[ -n $PGDIR ]] && rm -rf "$PGDIR"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

BIN=$TMP/shangliang
REPLICA=${REPLICA_DIR:-$TMP/replica}
cp "$SRC_BIN" "$BIN"  # a rebuild of the source binary during the run does not change what is measured
SL_PORT=$(free_port)
SL_BASE=http://127.0.0.1:$SL_PORT
SUMMARY=$TMP/summary.md
: >"$TMP/server.log"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
mib() { echo $(( $1 / 1024 )); }
status_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }

# ---------- the queries: ~50 searches and 20 proposal texts, from the hand-written test data ----------

python3 -B - "$DATA" "$TMP" "$HERE" <<'EOF'
import json, random, sys, urllib.parse
data, tmp = sys.argv[1], sys.argv[2]
sys.path.insert(0, sys.argv[3])
import gen_proposals as gen
qs = json.load(open(f"{data}/search_queries.json", encoding="utf-8"))["queries"]
want = {"bigram": 12, "phrase": 9, "latin": 7, "number": 3, "fullwidth": 2, "traditional": 4, "trap": 2, "zero": 2}
picked, seen = [], set()
for q in qs:
    k = q["kind"]
    if want.get(k, 0) > 0 and q["q"].strip() not in seen:
        want[k] -= 1
        picked.append((k, q["q"].strip()))
        seen.add(q["q"].strip())
# Terms that are common in the generated corpus (templates), an AND of two words, an exclusion and
# a quoted phrase.
for q in ["养老服务", "营商环境", "社区", "老旧小区改造", "政务服务", "家庭医生签约", "灵活就业 社保", "养老 -助餐",
          "\"加装电梯\"", "5G基站 充电桩"]:
    picked.append(("generated", q))
with open(f"{tmp}/search_paths.txt", "w") as f, open(f"{tmp}/search_queries.tsv", "w") as g:
    for k, q in picked:
        path = "/api/v1/search?q=" + urllib.parse.quote(q)
        f.write(path + "\n")
        g.write(f"{k}\t{q}\t{path}\n")
pairs = json.load(open(f"{data}/similar_pairs.json", encoding="utf-8"))
# The 20 longest rewritten sides of the pairs and novel proposals (never mixed into the corpus).
texts = sorted([p["b"] for p in pairs["pairs"]] + pairs["novel"], key=lambda t: -len(t["body"]))[:20]
with open(f"{tmp}/similar_bodies.txt", "w") as f:
    for t in texts:
        f.write(json.dumps({"title": t["title"], "body": t["body"]}, ensure_ascii=False) + "\n")
json.dump([{"title": t["title"], "body": t["body"]} for t in texts], open(f"{tmp}/similar_texts.json", "w"),
          ensure_ascii=False)
lens = [len(t["body"]) for t in texts]
# The hand-written texts match nothing in the generated corpus above the editor's threshold, so a
# second set, drafts in the generator's own style (another seed), exercises the path with matches.
rng, vocab, match = random.Random(5), gen.RichVocabulary(f"{data}/similar_pairs.json"), []
while len(match) < 8:
    topic = rng.choice(gen.TOPICS)
    core = rng.choice(topic[1])
    body = "\n".join(gen.body(rng, topic, core, 2025, rng.randint(300, 800), vocab))
    if len(body) > 800:
        body = body[:body.rfind("。", 0, 800) + 1]
    if len(body) >= 300:
        match.append({"title": rng.choice(gen.TITLE_FORMS).format(core), "body": body})
with open(f"{tmp}/similar_match_bodies.txt", "w") as f:
    for t in match:
        f.write(json.dumps(t, ensure_ascii=False) + "\n")
mlens = [len(t["body"]) for t in match]
print(f"   {len(picked)} search queries, {len(texts)} hand-written proposal texts (bodies {min(lens)}-{max(lens)} "
      f"characters), {len(match)} generated-style ones ({min(mlens)}-{max(mlens)})")
EOF
SEARCH_QUERIES=$(wc -l <"$TMP/search_paths.txt")
SIMILAR_TEXTS=$(wc -l <"$TMP/similar_bodies.txt")

# One request after another from the file given after `--` (per thread, from different offsets);
# `done` prints the percentiles wrk's --latency table leaves out.
cat >"$TMP/rotate.lua" <<'EOF'
local lines, reqs = {}, {}
local threads, mode = 0, "GET"
local i = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7)
end
function init(args)
  mode = args[2] or "GET"
  for line in io.lines(args[1]) do lines[#lines + 1] = line end
  for k, line in ipairs(lines) do
    if mode == "POST" then
      wrk.headers["Content-Type"] = "application/json"
      reqs[k] = wrk.format("POST", "/api/v1/proposals/similar", nil, line)
    else
      reqs[k] = wrk.format("GET", line)
    end
  end
  i = offset or 0
end
function request()
  i = i + 1
  return reqs[(i % #reqs) + 1]
end
function done(summary, latency, requests)
  io.write(string.format("PCTL p50=%.2f p90=%.2f p95=%.2f p99=%.2f max=%.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
EOF

# ---------- helpers for one backend ----------

start_server() {  # database URL
  (cd "$ROOT" && exec env SHANGLIANG_DATABASE_URL="$1" SHANGLIANG_HTTP_LISTEN="127.0.0.1:$SL_PORT" \
    SHANGLIANG_SEARCH_REPLICA_DIR="$REPLICA" "$BIN" serve) >>"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  local i
  for ((i = 0; i < 6000; i++)); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$TMP/server.log" >&2; die "the server exited during start-up"; }
    if curl -fsS -o /dev/null --max-time 2 "$SL_BASE/healthz" 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  die "the server did not answer /healthz within 5 minutes"
}
stop_server() { stop_pid "$SERVER_PID" TERM; SERVER_PID=""; }

login() {
  local code
  code=$(curl -sS -o "$TMP/login.json" -D "$TMP/login.headers" -w '%{http_code}' -X POST \
    -H 'Content-Type: application/json' -d "{\"login\":\"$LOGIN\",\"password\":\"$PASSWORD\"}" "$SL_BASE/api/v1/auth/login")
  [[ $code == 200 ]] || { cat "$TMP/login.json" >&2; die "login answered HTTP $code"; }
  TOKEN=$(sed -n 's/^[Ss]et-[Cc]ookie: *sl_session=\([^;]*\).*/\1/p' "$TMP/login.headers" | tr -d '\r' | head -n 1)
  CSRF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$TMP/login.json")
  [[ -n $TOKEN && -n $CSRF ]] || die "login answer lacks the session cookie or the CSRF token"
}

drain() {  # waits until the server has answered what wrk left queued; prints the seconds it took
  local started=$SECONDS n
  while ((SECONDS - started < 600)); do
    n=$(curl -s --max-time 5 "$SL_BASE/metrics" | awk '/^shangliang_http_requests_in_flight / {print $2}') || true
    [[ -n $n && $n -le 1 ]] && { echo $((SECONDS - started)); return 0; }
    sleep 1
  done
  die "the server still had requests in flight 600 s after the run"
}

# Each query once, one after the other: HTTP status, total, time; and the texts for similar.
probe() {  # tag
  local tag=$1 kind q path code t i=0
  mkdir -p "$TMP/probe_$tag"
  : >"$TMP/probe_times_$tag.txt"
  while IFS=$'\t' read -r kind q path; do
    i=$((i + 1))
    curl -sS -o "$TMP/probe_$tag/s$i.json" -w '%{http_code} %{time_total}\n' -H "Cookie: sl_session=$TOKEN" \
      --max-time 120 "$SL_BASE$path" >>"$TMP/probe_times_$tag.txt" || echo "000 0" >>"$TMP/probe_times_$tag.txt"
  done <"$TMP/search_queries.tsv"
  i=0
  while IFS= read -r body; do
    i=$((i + 1))
    curl -sS -o "$TMP/probe_$tag/m$i.json" -w '%{http_code} %{time_total}\n' -X POST \
      -H "Cookie: sl_session=$TOKEN" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
      --data-binary "$body" --max-time 120 "$SL_BASE/api/v1/proposals/similar" >>"$TMP/probe_times_$tag.txt" ||
      echo "000 0" >>"$TMP/probe_times_$tag.txt"
  done < <(cat "$TMP/similar_bodies.txt" "$TMP/similar_match_bodies.txt")
  python3 - "$TMP" "$tag" <<'PY' || die "some probe requests failed ($tag)"
import json, sys
tmp, tag = sys.argv[1], sys.argv[2]
times = [l.split() for l in open(f"{tmp}/probe_times_{tag}.txt")]
queries = [l.rstrip("\n").split("\t") for l in open(f"{tmp}/search_queries.tsv", encoding="utf-8")]
texts = [json.loads(l) for f in ("similar_bodies", "similar_match_bodies")
         for l in open(f"{tmp}/{f}.txt", encoding="utf-8")]
bad = 0
def load(p):
    try:
        return json.load(open(p, encoding="utf-8"))
    except Exception:
        return {}
with open(f"{tmp}/probe_search_{tag}.tsv", "w", encoding="utf-8") as f:
    for i, (kind, q, _) in enumerate(queries):
        code, t = times[i]
        bad += code != "200"
        f.write(f"{kind}\t{q}\t{code}\t{load(f'{tmp}/probe_{tag}/s{i + 1}.json').get('total', '?')}\t{float(t) * 1000:.1f}\n")
with open(f"{tmp}/probe_similar_{tag}.tsv", "w", encoding="utf-8") as f:
    for i, text in enumerate(texts):
        code, t = times[len(queries) + i]
        bad += code != "200"
        d = load(f"{tmp}/probe_{tag}/m{i + 1}.json")
        it = d.get("items", [])
        best = it[0]["score"] if it else "-"
        f.write(f"{text['title']}\t{code}\t{len(it)} hits, best {best}, ready {d.get('ready')}\t{float(t) * 1000:.1f}\n")
if bad:
    print(open(f"{tmp}/probe_search_{tag}.tsv", encoding="utf-8").read(), file=sys.stderr)
    sys.exit(1)
PY
}

run_wrk() {  # name file GET|POST [connections threads]
  local name=$1 file=$2 mode=$3 out=$TMP/wrk_$1.txt path=/api/v1/search c=${4:-$CONNECTIONS} t=${5:-$THREADS}
  [[ $mode == POST ]] && path=/api/v1/proposals/similar
  echo
  echo "== wrk $name (-t$t -c$c, $DURATION): $mode $path, rotating over $(wc -l <"$file") requests"
  timeout --kill-after=5 $(( ${DURATION%s} + 60 )) \
    wrk -t"$t" -c"$c" -d"$DURATION" --timeout 30s --latency -H "Cookie: sl_session=$TOKEN" \
    -H "X-CSRF-Token: $CSRF" -s "$TMP/rotate.lua" "$SL_BASE$path" -- "$file" "$mode" >"$out" 2>&1 ||
    { cat "$out"; die "wrk failed or timed out ($name)"; }
  cat "$out"
  kill -0 "$SERVER_PID" 2>/dev/null || die "the server died during the $name run"
  DRAIN[$name]=$(drain)
}

to_ms() { awk -v v="$1" 'BEGIN {
  n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
  if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
  printf "%.2f", n }'; }
field() {  # file what
  local f=$1
  [[ -f $f ]] || { echo "-"; return 0; }
  case $2 in
    rps) awk '/^Requests\/sec:/ {print $2}' "$f" ;;
    p50 | p90 | p95 | p99 | max) awk -v k="$2" '/^PCTL/ {for (i = 2; i <= NF; i++) {split($i, a, "="); if (a[1] == k) print a[2]}}' "$f" ;;
    requests) awk '/requests in/ {print $1}' "$f" ;;
    non2xx) awk -F': *' '/Non-2xx or 3xx responses/ {n = $2} END {print n + 0}' "$f" ;;
    sockerr) awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10; found = 1} END {if (!found) print 0}' "$f" ;;
  esac
}

declare -A R DRAIN  # results by "<backend>.<what>"

# Start the server on a database already indexed; time start and the similar index; load it.
measure() {  # backend url
  local b=$1 url=$2 t0 st
  echo
  echo "== $b: starting the server"
  t0=$(now)
  start_server "$url"
  R[$b.start]=$(since "$t0")
  login
  while :; do
    st=$(curl -sS --max-time 5 -H "Cookie: sl_session=$TOKEN" "$SL_BASE/api/v1/search/status" || true)
    if [[ -z ${R[$b.replica_ready]:-} && $st == *'"replica":{'*'"ready":true'* ]]; then
      R[$b.replica_ready]=$(since "$t0")
      R[$b.replica_docs]=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["replica"]["documents"])' "$st")
    fi
    [[ $st == *'"similar_ready":true'* && ($st != *'"replica":{'* || -n ${R[$b.replica_ready]:-}) ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server died while building the similar index"
    awk -v a="$t0" -v b="$(now)" -v m="$READY_TIMEOUT" 'BEGIN { exit !(b - a > m) }' &&
      die "the similar index was not ready after $READY_TIMEOUT s"
    sleep 0.5
  done
  R[$b.ready]=$(since "$t0")
  R[$b.status]=$st
  R[$b.similar_docs]=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["similar_documents"])' "$st")
  R[$b.similar_mib]=$(python3 -c 'import json,sys; print(round(json.loads(sys.argv[1])["similar_memory_bytes"] / 1048576))' "$st")
  R[$b.ready_log]=$(grep -o 'similar index ready: .*' "$TMP/server.log" | tail -n 1 || true)
  R[$b.replica_log]=$(grep -o 'search replica ready: .*' "$TMP/server.log" | tail -n 1 || true)
  if [[ -n ${R[$b.replica_ready]:-} ]]; then
    R[$b.replica_mib]=$(du -sm "$REPLICA" | cut -f1)
    echo "   full-text replica ready after ${R[$b.replica_ready]} s: ${R[$b.replica_docs]} documents, ${R[$b.replica_mib]} MiB"
  fi
  R[$b.rss_ready]=$(mib "$(status_kb "$SERVER_PID" VmRSS)")
  R[$b.hwm_ready]=$(mib "$(status_kb "$SERVER_PID" VmHWM)")
  echo "   /healthz after ${R[$b.start]} s, similar index ready after ${R[$b.ready]} s: $st"
  echo "   ${R[$b.ready_log]}; VmRSS ${R[$b.rss_ready]} MiB, VmHWM ${R[$b.hwm_ready]} MiB"
  probe "$b"
  # Latency: one request at a time (what a user waits for on a server that is not saturated), then
  # throughput and queueing with CONNECTIONS clients asking without pause.
  run_wrk "${b}_search_1" "$TMP/search_paths.txt" GET 1 1
  run_wrk "${b}_similar_1" "$TMP/similar_bodies.txt" POST 1 1
  run_wrk "${b}_similar_match_1" "$TMP/similar_match_bodies.txt" POST 1 1
  run_wrk "${b}_search" "$TMP/search_paths.txt" GET
  run_wrk "${b}_similar" "$TMP/similar_bodies.txt" POST
  run_wrk "${b}_similar_match" "$TMP/similar_match_bodies.txt" POST
  R[$b.rss_end]=$(mib "$(status_kb "$SERVER_PID" VmRSS)")
  R[$b.hwm_end]=$(mib "$(status_kb "$SERVER_PID" VmHWM)")
  stop_server
}

nice_time() {  # out-file command... : runs niced, prints wall seconds to stdout-file .s, peak KiB to .kb
  local out=$1 t0
  shift
  t0=$(now)
  /usr/bin/time -f '%M' -o "$out.kb" nice -n 10 "$@" >"$out" 2>&1 || { cat "$out" >&2; die "failed: $*"; }
  since "$t0" >"$out.s"
}

echo "== Shangliang search benchmark: N=$N (PostgreSQL: ${PG_N}), wrk -t$THREADS -c$CONNECTIONS $DURATION per run"
echo "   temp folder $TMP; server on $SL_BASE; $SEARCH_QUERIES search queries, $SIMILAR_TEXTS proposal texts"

# ---------- SQLite ----------

DB=$TMP/bench.db
SQLITE_URL=sqlite:$DB
if [[ -n ${SQLITE_DB:-} ]]; then
  # An already generated and indexed database (e.g. kept by an earlier KEEP_TMP=1 run): measure only.
  [[ -f $SQLITE_DB ]] || die "no such file: $SQLITE_DB"
  DB=$SQLITE_DB
  SQLITE_URL=sqlite:$DB
  R[sqlite.docs]=$(sqlite3 "$DB" "SELECT COUNT(*) FROM search_docs")
  R[sqlite.proposals]=$(sqlite3 "$DB" "SELECT COUNT(*) FROM proposals")
  R[sqlite.db_mib]=$(( $(stat -c %s "$DB") / 1048576 ))
  echo
  echo "== SQLite: reusing $DB (${R[sqlite.proposals]} proposals; generation and reindex not timed in this run)"
  measure sqlite "$SQLITE_URL"
elif ((SQLITE)); then
echo
echo "== SQLite: demo data, then $N generated proposals (gen_proposals.py --vocabulary rich)"
env SHANGLIANG_DATABASE_URL="$SQLITE_URL" "$BIN" seed-demo >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log" >&2; die "seed-demo failed"; }
DEMO_MAX=$(sqlite3 "$DB" "SELECT MAX(id) FROM proposals")
nice_time "$TMP/gen.log" python3 "$HERE/gen_proposals.py" "$DB" "$N" --vocabulary rich
cat "$TMP/gen.log"
R[sqlite.gen]=$(cat "$TMP/gen.log.s")
echo "   generated in ${R[sqlite.gen]} s"
nice_time "$TMP/reindex.log" env SHANGLIANG_DATABASE_URL="$SQLITE_URL" "$BIN" search reindex
R[sqlite.reindex]=$(cat "$TMP/reindex.log.s")
R[sqlite.reindex_line]=$(grep -o 'indexed .*' "$TMP/reindex.log" | tail -n 1)
R[sqlite.reindex_mib]=$(mib "$(cat "$TMP/reindex.log.kb")")
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
R[sqlite.db_mib]=$(( $(stat -c %s "$DB") / 1048576 ))
R[sqlite.docs]=$(sqlite3 "$DB" "SELECT COUNT(*) FROM search_docs")
R[sqlite.proposals]=$(sqlite3 "$DB" "SELECT COUNT(*) FROM proposals")
echo "   search reindex: ${R[sqlite.reindex_line]} (wall ${R[sqlite.reindex]} s, peak ${R[sqlite.reindex_mib]} MiB);" \
  "${R[sqlite.docs]} search documents; database ${R[sqlite.db_mib]} MiB"
measure sqlite "$SQLITE_URL"
fi

# ---------- PostgreSQL ----------

if ((PG_N > 0)); then
if [[ -n ${PG_URL_EXISTING:-} ]]; then
  # A database that already holds the demo + generated proposals and their index (measure only).
  PG_URL=$PG_URL_EXISTING
  R[pg.proposals]=$(psql -X -At "$PG_URL" -c "SELECT COUNT(*) FROM proposals")
  R[pg.docs]=$(psql -X -At "$PG_URL" -c "SELECT COUNT(*) FROM search_docs")
  R[pg.db_mib]=$(psql -X -At "$PG_URL" -c "SELECT pg_database_size(current_database()) / 1048576")
  echo
  echo "== PostgreSQL: reusing $PG_URL (${R[pg.proposals]} proposals; load and reindex not timed in this run)"
else  # a throwaway cluster, loaded and indexed here (not indented: it holds here-documents)
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" ]] && { PGBIN=$d; break; }
  done
  [[ -n $PGBIN ]] || die "PostgreSQL server binaries not found (run scripts/bootstrap), or set PG_N=0"
  command -v psql >/dev/null || die "psql is not installed"
  PGDIR=$(mktemp -d /tmp/shangliang-bench-pg.XXXXXX)
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$PGDIR"
    AS_PG=(runuser -u postgres --)
  fi
  PG_PORT=$(free_port)
  echo
  echo "== PostgreSQL: throwaway cluster on 127.0.0.1:$PG_PORT in $PGDIR"
  "${AS_PG[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U sl_admin --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$TMP/initdb.log" 2>&1 || { cat "$TMP/initdb.log" >&2; die "initdb failed"; }
  "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB -c maintenance_work_mem=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min" \
    start >/dev/null || { cat "$PGDIR/server.log" >&2; die "PostgreSQL did not start"; }
  PG_ADMIN=postgresql://sl_admin@127.0.0.1:$PG_PORT
  PG_URL=$PG_ADMIN/sl_bench
  psql -q -X -v ON_ERROR_STOP=1 "$PG_ADMIN/postgres" -c "CREATE DATABASE sl_bench TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"
  env SHANGLIANG_DATABASE_URL="$PG_URL" "$BIN" seed-demo >"$TMP/seed_pg.log" 2>&1 || { cat "$TMP/seed_pg.log" >&2; die "seed-demo on PostgreSQL failed"; }

  DEMO_MAX=$(psql -X -At "$PG_URL" -c "SELECT MAX(id) FROM proposals")
  PG_SRC=${PG_SOURCE:-$DB}
  if [[ -n ${PG_SOURCE:-} ]]; then
    [[ -f $PG_SOURCE ]] || die "no such file: $PG_SOURCE"
    echo "   copying from $PG_SOURCE"
  elif ((PG_N != N || ! SQLITE)); then
    PG_SRC=$TMP/pg_source.db
    echo "   generating a second SQLite file with $PG_N proposals to copy from"
    env SHANGLIANG_DATABASE_URL="sqlite:$PG_SRC" "$BIN" seed-demo >/dev/null 2>&1 || die "seed-demo (PG source) failed"
    nice_time "$TMP/gen_pg.log" python3 "$HERE/gen_proposals.py" "$PG_SRC" "$PG_N" --vocabulary rich
    cat "$TMP/gen_pg.log"
  fi
  # Copy the generated rows (ids after the demo's) straight into PostgreSQL with COPY; foreign keys
  # and triggers off during the copy (session_replication_role = replica). The demo's own rows must
  # have the same ids on both sides, which is checked first.
  t0=$(now)
  nice -n 10 python3 - "$PG_SRC" "$PG_URL" "$DEMO_MAX" <<'EOF'
import sqlite3, subprocess, sys
src, url, demo_max = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = sqlite3.connect(src)

def psql(sql, stdin=None):
    r = subprocess.run(["psql", "-X", "-q", "-At", "-F", "|", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                       input=stdin, capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"psql failed: {r.stderr.strip()}\n{sql[:300]}")
    return r.stdout

# What the generated rows refer to must have the same ids on both sides. (The demo's own proposals
# may differ in order; the generated ones only need ids above the demo's on both sides.)
for table, cols in [("committees", "id, name"), ("sessions", "id, name"), ("units", "id, name"),
                    ("members", "id, name"), ("users", "id, name"), ("parties", "id, name")]:
    a = "\n".join("|".join("" if v is None else str(v) for v in r) for r in db.execute(f"SELECT {cols} FROM {table} ORDER BY id"))
    b = psql(f"SELECT {cols} FROM {table} ORDER BY id").rstrip("\n")
    if a != b:
        sys.exit(f"the demo's {table} differ between SQLite and PostgreSQL; cannot copy rows by id")
if db.execute("SELECT COUNT(*) FROM proposals WHERE id <= ?", (demo_max,)).fetchone()[0] != demo_max:
    sys.exit(f"the SQLite file does not start with {demo_max} demo proposals")

def text_field(v):  # COPY's text format
    if v is None:
        return "\\N"
    return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")

def columns(table):
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]

for table, key in [("proposals", "id"), ("proposal_cosigners", "proposal_id"), ("proposal_assignments", "proposal_id"),
                   ("proposal_consultations", "proposal_id"), ("proposal_replies", "proposal_id"),
                   ("proposal_feedback", "proposal_id")]:
    cols = columns(table)
    if table != "proposals" and "id" in cols:
        cols.remove("id")  # PostgreSQL numbers them
    cur = db.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE {key} > ? ORDER BY rowid", (demo_max,))
    proc = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c",
                             "SET session_replication_role = replica",
                             "-c", f"\\copy {table} ({', '.join(cols)}) FROM STDIN"],
                            stdin=subprocess.PIPE, text=True)
    n = 0
    while True:
        rows = cur.fetchmany(5000)
        if not rows:
            break
        proc.stdin.write("".join("\t".join(text_field(v) for v in r) + "\n" for r in rows))
        n += len(rows)
    proc.stdin.close()
    if proc.wait():
        sys.exit(f"copying {table} failed")
    print(f"   copied {n} rows of {table}")
psql("SELECT setval(pg_get_serial_sequence('proposals', 'id'), (SELECT MAX(id) FROM proposals))")
for sid, last in db.execute("SELECT session_id, last_number FROM proposal_number_counters"):
    psql(f"INSERT INTO proposal_number_counters (session_id, last_number) VALUES ({int(sid)}, {int(last)}) "
         f"ON CONFLICT (session_id) DO UPDATE SET last_number = excluded.last_number")
psql("ANALYZE")
EOF
  R[pg.load]=$(since "$t0")
  R[pg.proposals]=$(psql -X -At "$PG_URL" -c "SELECT COUNT(*) FROM proposals")
  echo "   loaded in ${R[pg.load]} s; ${R[pg.proposals]} proposals"
  nice_time "$TMP/reindex_pg.log" env SHANGLIANG_DATABASE_URL="$PG_URL" "$BIN" search reindex
  R[pg.reindex]=$(cat "$TMP/reindex_pg.log.s")
  R[pg.reindex_line]=$(grep -o 'indexed .*' "$TMP/reindex_pg.log" | tail -n 1)
  R[pg.reindex_mib]=$(mib "$(cat "$TMP/reindex_pg.log.kb")")
  psql -X -q "$PG_URL" -c "VACUUM ANALYZE search_docs"
  R[pg.docs]=$(psql -X -At "$PG_URL" -c "SELECT COUNT(*) FROM search_docs")
  R[pg.db_mib]=$(psql -X -At "$PG_URL" -c "SELECT pg_database_size(current_database()) / 1048576")
  echo "   search reindex: ${R[pg.reindex_line]} (wall ${R[pg.reindex]} s, peak ${R[pg.reindex_mib]} MiB);" \
    "${R[pg.docs]} search documents; database ${R[pg.db_mib]} MiB"
fi
  measure pg "$PG_URL"

  # Decidim's similar-proposal query through pg_trgm, for the same texts, one after the other.
  echo
  echo "== pg_trgm: Decidim's similar query for the $SIMILAR_TEXTS texts (budget $TRGM_BUDGET s)"
  psql -X -q -v ON_ERROR_STOP=1 "$PG_URL" -c "CREATE EXTENSION IF NOT EXISTS pg_trgm"
  python3 - "$TMP/similar_texts.json" "$TMP/trgm" <<'EOF'
import json, sys
texts = json.load(open(sys.argv[1], encoding="utf-8"))
for i, t in enumerate(texts):
    lit = lambda s: "'" + s.replace("'", "''") + "'"
    sim = f"GREATEST(similarity(title, {lit(t['title'])}), similarity(situation, {lit(t['body'])}))"
    with open(f"{sys.argv[2]}_{i:02d}.sql", "w", encoding="utf-8") as f:
        f.write(f"SELECT id FROM proposals WHERE {sim} >= 0.25 ORDER BY {sim} DESC LIMIT 10;\n")
EOF
  : >"$TMP/trgm_ms.txt"
  TRGM_STARTED=$SECONDS
  for f in "$TMP"/trgm_*.sql; do
    ((SECONDS - TRGM_STARTED < TRGM_BUDGET)) || break
    out=$(psql -X -q -v ON_ERROR_STOP=1 "$PG_URL" -c "SET statement_timeout = '${TRGM_TIMEOUT}s'" -c '\timing on' -f "$f" 2>&1) ||
      { echo "$out" | tail -n 3; echo "timeout" >>"$TMP/trgm_ms.txt"; continue; }
    ms=$(echo "$out" | awk '/^Time:/ {print $2}' | tail -n 1)
    hits=$(echo "$out" | grep -cE '^ *[0-9]+$' || true)
    echo "   $(basename "$f" .sql): $ms ms, $hits matches"
    echo "$ms $hits" >>"$TMP/trgm_ms.txt"
  done
  R[trgm.runs]=$(grep -c . "$TMP/trgm_ms.txt" || true)
  R[trgm.timeouts]=$(grep -c timeout "$TMP/trgm_ms.txt" || true)
  read -r R[trgm.p50] R[trgm.p95] R[trgm.max] R[trgm.hits] < <(grep -v timeout "$TMP/trgm_ms.txt" | sort -n | awk '
    {v[NR] = $1; h += ($2 > 0)} END {
      if (NR == 0) { print "- - - 0"; exit }
      i50 = int(0.5 * NR + 0.999); i95 = int(0.95 * NR + 0.999)
      printf "%.0f %.0f %.0f %d\n", v[i50 < 1 ? 1 : i50], v[i95 < 1 ? 1 : i95], v[NR], h }')
  pg_stop
fi

# ---------- report ----------

{
  echo "## search: full-text search and similar proposals (#5)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end),"
  echo "demo data + generated proposals (gen_proposals.py --vocabulary rich), as $LOGIN (staff), wrk -t$THREADS"
  echo "-c$CONNECTIONS for $DURATION per run, rotating over $SEARCH_QUERIES search queries / $SIMILAR_TEXTS proposal texts."
  echo
  echo "| | SQLite | PostgreSQL | target |"
  echo "|---|---:|---:|---:|"
  row() {  # label sqlite-value pg-value target
    echo "| $1 | $2 | ${3:--} | ${4:-} |"
  }
  pgv() { ((PG_N > 0)) && echo "${R[pg.$1]:-}" || echo "-"; }
  pgf() { ((PG_N > 0)) && field "$TMP/wrk_pg_$1.txt" "$2" || echo "-"; }
  row "proposals in the database" "${R[sqlite.proposals]:--}" "$(pgv proposals)"
  row "search documents (proposals + released replies)" "${R[sqlite.docs]:--}" "$(pgv docs)"
  row "database size, MiB" "${R[sqlite.db_mib]:--}" "$(pgv db_mib)"
  row "generate (SQLite) / load by COPY (PostgreSQL), s" "${R[sqlite.gen]:--}" "$(pgv load)"
  row "\`search reindex\` (full-text index build), s" "${R[sqlite.reindex]:--}" "$(pgv reindex)"
  row "\`search reindex\` peak memory, MiB" "${R[sqlite.reindex_mib]:--}" "$(pgv reindex_mib)"
  row "server start until /healthz answers, s" "${R[sqlite.start]:--}" "$(pgv start)" "≤ 2"
  row "start until the similar index is ready, s" "${R[sqlite.ready]:--}" "$(pgv ready)"
  row "start until the full-text replica is ready (PostgreSQL; built in the background), s" "-" "$(pgv replica_ready)"
  row "full-text replica: documents / size on disk, MiB" "-" \
    "$( ((PG_N > 0)) && echo "${R[pg.replica_docs]:--} / ${R[pg.replica_mib]:--}" || echo -)"
  row "similar index: proposals / its own estimate, MiB" "${R[sqlite.similar_docs]:--} / ${R[sqlite.similar_mib]:--}" \
    "$( ((PG_N > 0)) && echo "${R[pg.similar_docs]} / ${R[pg.similar_mib]}" || echo -)"
  row "server VmRSS when ready / VmHWM when ready, MiB" "${R[sqlite.rss_ready]:--} / ${R[sqlite.hwm_ready]:--}" \
    "$( ((PG_N > 0)) && echo "${R[pg.rss_ready]} / ${R[pg.hwm_ready]}" || echo -)" "≤ 512"
  row "server VmRSS / VmHWM after the load, MiB" "${R[sqlite.rss_end]:--} / ${R[sqlite.hwm_end]:--}" \
    "$( ((PG_N > 0)) && echo "${R[pg.rss_end]} / ${R[pg.hwm_end]}" || echo -)" "≤ 512"
  for w in search_1 similar_1 similar_match_1 search similar similar_match; do
    local_c=$CONNECTIONS
    [[ $w == *_1 ]] && local_c=1
    row "$w ($local_c connection(s)): requests/s" "$(field "$TMP/wrk_sqlite_$w.txt" rps)" "$(pgf $w rps)"
    row "$w ($local_c connection(s)): p50 / p95 / p99 ms" \
      "$(field "$TMP/wrk_sqlite_$w.txt" p50) / $(field "$TMP/wrk_sqlite_$w.txt" p95) / $(field "$TMP/wrk_sqlite_$w.txt" p99)" \
      "$( ((PG_N > 0)) && echo "$(pgf $w p50) / $(pgf $w p95) / $(pgf $w p99)" || echo -)" \
      "$([[ $w == search* ]] && echo "p95 ≤ 30" || echo "p95 ≤ 20")"
    [[ $w == similar_match* ]] && row "(similar_match: the $(wc -l <"$TMP/similar_match_bodies.txt") generated-style drafts, which have matches)" "" ""
    row "$w: non-2xx / socket errors" "$(field "$TMP/wrk_sqlite_$w.txt" non2xx) / $(field "$TMP/wrk_sqlite_$w.txt" sockerr)" \
      "$( ((PG_N > 0)) && echo "$(pgf $w non2xx) / $(pgf $w sockerr)" || echo -)"
  done
  if ((PG_N > 0)); then
    row "pg_trgm (Decidim) similar query, one at a time: p50 / p95 / max ms" "-" \
      "${R[trgm.p50]} / ${R[trgm.p95]} / ${R[trgm.max]} (${R[trgm.runs]} texts, ${R[trgm.timeouts]} timeouts, ${R[trgm.hits]} with matches)"
  fi
  echo
  echo "SQLite: ${R[sqlite.reindex_line]:--}; ${R[sqlite.ready_log]:--}."
  ((PG_N > 0)) && echo "PostgreSQL (N=$PG_N): ${R[pg.reindex_line]:--}; ${R[pg.ready_log]:--}; ${R[pg.replica_log]:--}."
  echo
  echo "Each query once, one connection, idle server (curl time_total, ms), the slowest first:"
  echo
  echo "| kind | query | SQLite total | SQLite ms | PostgreSQL total | PostgreSQL ms |"
  echo "|---|---|---:|---:|---:|---:|"
  python3 - "$TMP/probe_search_sqlite.tsv" "$TMP/probe_search_pg.tsv" <<'EOF'
import os, sys
def load(p):
    return [l.rstrip("\n").split("\t") for l in open(p, encoding="utf-8")] if os.path.exists(p) else []
a, b = load(sys.argv[1]), load(sys.argv[2])
rows = []
for i, r in enumerate(a or b):
    sq = a[i] if a else ["", "", "", "-", "-"]
    pg = b[i] if i < len(b) else ["", "", "", "-", "-"]
    rows.append((max(float(x[4]) for x in (sq, pg) if x[4] != "-"), r[0], r[1], sq[3], sq[4], pg[3], pg[4]))
rows.sort(reverse=True)
for _, kind, q, t1, ms1, t2, ms2 in rows[:15]:
    print(f"| {kind} | `{q}` | {t1} | {ms1} | {t2} | {ms2} |")
med = lambda xs: f"{sorted(float(r[4]) for r in xs)[len(xs) // 2]:.1f} ms" if xs else "-"
print(f"\n(median over the {len(a or b)} queries: SQLite {med(a)}, PostgreSQL {med(b)})")
EOF
} >"$SUMMARY"

finish_report
if [[ -n ${BENCH_OUT:-} ]]; then
  cp "$TMP"/probe_*.tsv "$TMP"/gen*.log "$TMP"/reindex*.log "$BENCH_OUT"/ 2>/dev/null || true
  [[ -f $TMP/trgm_ms.txt ]] && cp "$TMP/trgm_ms.txt" "$BENCH_OUT"/
fi
((problems == 0))
exit
}

#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and runs each for SECONDS,
# starting from the committed seeds in server/fuzz/corpus/<target>/ (never written to).
#   server/fuzz/run.sh SECONDS [TARGET...]     targets: json_validator multipart sheet tokenizer docx
# New inputs go to a throwaway folder, or with FUZZ_KEEP_CORPUS=1 to build-fuzz/corpus/<target>/,
# which then grows from run to run (bench/fuzz.sh does that). Crash inputs are written to
# build-fuzz/artifacts/, logs to build-fuzz/logs/. Exits non-zero when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:?usage: server/fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
((${#targets[@]})) || targets=(json_validator multipart sheet tokenizer docx)
build=${FUZZ_BUILD_DIR:-build-fuzz}

if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S server/fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
fi
cmake --build "$build" -j "$(nproc)" >"$build/build.log" 2>&1 || { tail -40 "$build/build.log"; exit 1; }

mkdir -p "$build/artifacts" "$build/logs"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Largest input per target: room for deep JSON and for whole small workbooks, little else.
declare -A max_len=([json_validator]=8192 [multipart]=4096 [sheet]=16384 [tokenizer]=4096 [docx]=4096)

passed=0 failed=0 total_runs=0
for t in "${targets[@]}"; do
  [[ -x "$build/${t}_fuzz" ]] || { echo "fuzz: no target $t" >&2; exit 2; }
  work="$scratch/$t"
  [[ "${FUZZ_KEEP_CORPUS:-0}" == 1 ]] && work="$build/corpus/$t"
  mkdir -p "$work"
  log="$build/logs/$t.log"
  dict=()
  [[ -f "server/fuzz/$t.dict" ]] && dict=(-dict="server/fuzz/$t.dict")
  status=0
  # -rss_limit_mb / -malloc_limit_mb: a memory blow-up is a finding, not a machine in trouble.
  # -timeout: one input that takes more than 10 s (with sanitizers) is a finding too.
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
    "$build/${t}_fuzz" "$work" "server/fuzz/corpus/$t" -max_total_time="$seconds" -max_len="${max_len[$t]}" \
    -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 -print_final_stats=1 "${dict[@]}" \
    -artifact_prefix="$build/artifacts/$t-" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(find "$work" -type f | wc -l)
  total_runs=$((total_runs + ${runs:-0}))
  if ((status == 0)); then
    passed=$((passed + 1))
    printf 'fuzz %-15s %9s runs in %ss, coverage %s, %s new inputs, no crash\n' "$t" "${runs:-?}" "$seconds" \
      "${cov:-?}" "$corpus"
  else
    failed=$((failed + 1))
    printf 'fuzz %-15s CRASH after %s runs (exit %s); log %s\n' "$t" "${runs:-?}" "$status" "$log"
    grep -E 'ERROR: |SUMMARY: |fuzz property violated|runtime error|out-of-memory|Test unit written' "$log" | head -12 |
      sed 's/^/    /'
  fi
done
echo "fuzz: $total_runs executions in all"
echo "fuzz: $passed passed, $failed failed"
((failed == 0))

# Shared by the benchmark scripts (sourced): stopping what they started, and free loopback ports.
# Callers set BENCH_NAME for messages.

# Stop one process we started: polite signal, then wait up to 15 s, then SIGKILL.
stop_pid() {
  local pid=$1 sig=$2 i
  [[ -n $pid ]] || return 0
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill "-$sig" "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "${BENCH_NAME:-bench}: pid $pid did not stop after SIG$sig, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Prints $SUMMARY, then warns about server warnings/errors in $TMP/server.log and about wrk runs
# ($TMP/wrk_*.txt, read with the caller's `field`) that had non-2xx answers or socket errors;
# copies the raw outputs to $BENCH_OUT when set.
finish_report() {
  local f
  problems=0  # read by callers after the report
  SERVER_COMPLAINTS=$(grep -v '^{' "$TMP/server.log" | grep -Eic ' (warn|warning|error|critical) ' || true)

  for f in "$TMP"/wrk_*.txt; do
    if [[ $(field "$f" non2xx) != 0 || $(field "$f" sockerr) != 0 ]]; then problems=1; fi
  done

  echo
  cat "$SUMMARY"
  if ((SERVER_COMPLAINTS > 0)); then
    echo
    echo "WARNING: the server logged $SERVER_COMPLAINTS warning/error lines; the first ones:"
    grep -v '^{' "$TMP/server.log" | grep -Ei ' (warn|warning|error|critical) ' | head -n 20
  fi
  if ((problems)); then
    echo
    echo "WARNING: some runs had non-2xx responses or socket errors; see the wrk output above."
  fi

  if [[ -n ${BENCH_OUT:-} ]]; then
    mkdir -p "$BENCH_OUT"
    cp "$SUMMARY" "$TMP"/wrk_*.txt "$BENCH_OUT"/
    grep -v '^{' "$TMP/server.log" >"$BENCH_OUT/server-messages.log" || true
    echo "(raw wrk outputs and summary copied to $BENCH_OUT)"
  fi
}

#!/usr/bin/env bash
# Runs the libFuzzer targets of server/fuzz/ for longer than `make test` does: each for SECONDS
# (default 300), one after the other, keeping what they find in build-fuzz/corpus/<target>/ so
# that the next run goes on from there. Prints executions, coverage and crashes per target.
#   bash bench/fuzz.sh [SECONDS] [TARGET...]     targets: json_validator multipart sheet tokenizer docx
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
(($# > 0)) && shift
FUZZ_KEEP_CORPUS=1 exec bash server/fuzz/run.sh "$seconds" "$@"

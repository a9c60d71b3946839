#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ for SECONDS each, one after the other,
# each from a temporary copy of its checked-in seeds (fuzz/corpus/<target>/), so
# the growing corpus never lands in the work tree. Crashes, timeouts and
# out-of-memory inputs are written to fuzz/artifacts/<target>/ (git-ignored)
# and make the script fail; turn each into a regression test in tests/hostile.rs.
#
#   scripts/fuzz.sh SECONDS [TARGET...]     # default: every target
#   make fuzz-short                         # 20 s per target (part of make test)
#   make fuzz-long FUZZ_SECONDS=600         # long runs
#
# Toolchain: nightly when rustup has it, else the stable toolchain with
# RUSTC_BOOTSTRAP=1 (cargo-fuzz passes -Z flags; nothing else is fetched).
# Set FUZZ_KEEP_CORPUS=DIR to keep the grown corpora under DIR/<target>/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 SECONDS [TARGET...]" >&2
  exit 2
fi
SECONDS_EACH="$1"
shift
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(summarize timeline decode_object_data views json_validator graph fast_path)
fi

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz missing: run scripts/install-tools.sh (cargo install cargo-fuzz)" >&2
  exit 1
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  CARGO=(cargo +nightly)
  TOOLCHAIN="nightly"
else
  export RUSTC_BOOTSTRAP=1
  CARGO=(cargo)
  TOOLCHAIN="stable with RUSTC_BOOTSTRAP=1"
fi
LOG_DIR="${FUZZ_LOG_DIR:-${TMPDIR:-/tmp}}"
DICT="$PWD/fuzz/execscope.dict"

echo "fuzz: building the targets ($TOOLCHAIN, address sanitizer)"
if ! (cd fuzz && nice "${CARGO[@]}" fuzz build) >"$LOG_DIR/execscope-fuzz-build.log" 2>&1; then
  echo "fuzz: build failed; last lines of $LOG_DIR/execscope-fuzz-build.log:" >&2
  tail -n 30 "$LOG_DIR/execscope-fuzz-build.log" >&2
  exit 1
fi

status=0
for t in "${TARGETS[@]}"; do
  corpus="$(mktemp -d "${TMPDIR:-/tmp}/execscope-fuzz-$t.XXXXXX")"
  cp fuzz/corpus/"$t"/* "$corpus"/
  seeds=$(ls "$corpus" | wc -l)
  log="$LOG_DIR/execscope-fuzz-$t.log"
  rc=0
  (cd fuzz && nice "${CARGO[@]}" fuzz run "$t" "$corpus" -- \
      -max_total_time="$SECONDS_EACH" -dict="$DICT" -max_len=65536 \
      -timeout=10 -rss_limit_mb=4096 -print_final_stats=1) >"$log" 2>&1 || rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1)
  units=$(ls "$corpus" | wc -l)
  if [ $rc -eq 0 ]; then
    echo "fuzz: $t: ${SECONDS_EACH} s, ${runs:-?} executions, corpus $seeds -> $units inputs, no crash, timeout or oom"
  else
    status=1
    echo "fuzz: $t: FAILED (exit $rc) after ${runs:-?} executions; artifacts in fuzz/artifacts/$t/; log $log:" >&2
    grep -E 'ERROR|panicked|SUMMARY|Test unit written|artifact' "$log" | head -n 20 >&2 || true
  fi
  if [ -n "${FUZZ_KEEP_CORPUS:-}" ]; then
    mkdir -p "$FUZZ_KEEP_CORPUS/$t" && cp "$corpus"/* "$FUZZ_KEEP_CORPUS/$t"/
  fi
  rm -rf "$corpus"
done
exit $status

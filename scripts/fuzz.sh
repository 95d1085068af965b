#!/usr/bin/env bash
# Builds the libFuzzer harnesses (preset `fuzz`: clang-14, AddressSanitizer + UBSan) and fuzzes each
# for a bounded time, seeded from configs/, tests/data/ and fuzz/seeds/. Prints the executions run
# and fails when a harness finds a crash (the input is kept in build-fuzz/crashes/: add it to
# tests/data/bad/ or fuzz/seeds/ as a regression case once fixed).
#   scripts/fuzz.sh [SECONDS_PER_HARNESS]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
jobs="${FUZZ_BUILD_JOBS:-$(nproc)}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"

work=build-fuzz/fuzzing
mkdir -p "$work/crashes" "$work/corpus/scenario_loader" "$work/corpus/result_reader"
# Seeds: every shipped and test scenario (good and bad); small result and checkpoint files.
find configs tests/data -name '*.yaml' -exec cp {} "$work/corpus/scenario_loader/" \;
cp fuzz/seeds/*.h5 "$work/corpus/result_reader/"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
export TMPDIR="$PWD/$work"

status=0
for harness in scenario_loader result_reader; do
  log="$work/$harness.log"
  max_len=16384
  [ "$harness" = result_reader ] && max_len=131072  # the seed files are 60-110 kB
  if ! build-fuzz/fuzz/fuzz_$harness -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=2048 \
      -artifact_prefix="$work/crashes/$harness-" "$work/corpus/$harness" >"$log" 2>&1; then
    status=1
    echo "fuzz: $harness found a crash:" >&2
    grep -E "ERROR|SUMMARY|Test unit written" "$log" >&2 || tail -n 30 "$log" >&2
  fi
  runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' || echo "?")
  echo "fuzz: $harness: $runs executions in ${seconds} s, corpus $(ls "$work/corpus/$harness" | wc -l) inputs"
done
rm -f "$work"/icbsim_fuzz_*.h5
exit "$status"

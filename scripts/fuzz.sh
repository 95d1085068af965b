#!/usr/bin/env bash
# Builds the libFuzzer harnesses (preset `fuzz`: clang-14, AddressSanitizer + UBSan) and fuzzes each
# for a bounded time, seeded from configs/, tests/data/ and fuzz/seeds/. Prints the executions run
# and fails when a harness finds a crash, leak, hang or undefined behaviour that is not a known HDF5
# fault (fuzz/hdf5_known_faults.txt); the inputs are kept in build-fuzz/fuzzing/crashes/ (once fixed,
# each becomes a regression case: tests/data/bad/ for scenarios, a Catch2 test for files).
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
# A request for more memory than there is returns null (as from the C library) instead of stopping
# the run: HDF5 reports that as an error of the damaged file.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:allocator_may_return_null=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
export TMPDIR="$PWD/$work"

status=0
known=fuzz/hdf5_known_faults.txt
for harness in scenario_loader result_reader; do
  log="$work/$harness.log"
  max_len=16384
  [ "$harness" = result_reader ] && max_len=131072  # the seed files are 60-110 kB
  # Fork mode keeps fuzzing past a finding for the whole time; every finding is triaged below.
  build-fuzz/fuzz/fuzz_$harness -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$work/crashes/$harness-" "$work/corpus/$harness" >"$log" 2>&1 || true
  runs=$(grep -Eo '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')
  findings=0 known_faults=0
  for input in "$work/crashes/$harness-"*; do
    [ -e "$input" ] || continue
    findings=$((findings + 1))
    report=$(ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0" build-fuzz/fuzz/fuzz_$harness -timeout=20 -rss_limit_mb=2048 "$input" 2>&1 || true)
    if grep -Eq -f <(grep -v '^#' "$known") <<<"$report"; then
      known_faults=$((known_faults + 1))
      continue
    fi
    status=1
    echo "fuzz: $harness found a fault ($input):" >&2
    grep -E "ERROR|SUMMARY|#[0-9]+ .* in " <<<"$report" | head -n 20 >&2
  done
  echo "fuzz: $harness: ${runs:-?} executions in ${seconds} s, corpus $(ls "$work/corpus/$harness" | wc -l) inputs," \
    "$findings finding(s), $known_faults of them known HDF5 faults ($known)"
done
rm -f "$work"/icbsim_fuzz_*.h5
exit "$status"

#!/usr/bin/env bash
# Runs examples/snakemake on a 12-point sweep in three shards with the built icbsim, then checks
# the merged file against a single-process sweep of the same scenario and the plots it drew.
#   snakemake_sweep_test.sh ICBSIM SOURCE_DIR WORK_DIR
set -euo pipefail
icbsim=$1
source_dir=$2
work=$3
scenario=$source_dir/tests/data/sweeps/snakemake_tiny.yaml

rm -rf "$work"
mkdir -p "$work"
snakemake -s "$source_dir/examples/snakemake/Snakefile" --cores 2 --directory "$work" --quiet \
  --config icbsim="$icbsim" scenario="$scenario" shards=3 outdir=out

merged=$work/out/snakemake_tiny.h5
test -s "$merged" || { echo "no merged file $merged"; exit 1; }
for png in all_final_T.png all_best_change_pct.png; do
  test -s "$work/out/snakemake_tiny_plots/$png" || { echo "missing plot $png"; exit 1; }
done
# The shards are temporary: gone once merged.
if ls "$work"/out/snakemake_tiny.shard*.h5 >/dev/null 2>&1; then echo "shard files left behind"; exit 1; fi

# The merged sweep equals one run of the whole sweep: every task row, the design and the indices.
"$icbsim" sweep "$scenario" -q -o "$work/whole.h5"
# h5diff cannot compare a dataset of empty strings (failure_reason when no task failed); any other
# object it cannot compare fails the test.
for group in /tasks /parameters /outcomes /scans /trajectories /sweep/values /sweep/outputs /sweep/sensitivity; do
  report=$(h5diff -c "$work/whole.h5" "$merged" "$group" "$group") || { echo "merged $group differs from one run"; exit 1; }
  if printf '%s\n' "$report" | grep 'Not comparable' | grep -v '/outcomes/failure_reason>'; then
    echo "h5diff could not compare $group"; exit 1
  fi
done
echo "snakemake sweep: 3 shards merged equal one run; plots drawn"

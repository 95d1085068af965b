#!/usr/bin/env bash
# Regenerates docs/validation.md and docs/validation/*.png from scratch: runs every trial scenario
# of configs/trials (calibration and held-out trials, the calibrated population), the default
# cohort and the nivolumab-vs-pembrolizumab scenario, then compares them with the published values
# (scripts/validation_report.py). Usage: bash scripts/make_validation_report.sh [BUILD_DIR | ICBSIM]
# (default: build); OMP_NUM_THREADS sets the threads (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s.%N)
build=${1:-build}
icbsim="$build/engine/cli/icbsim"
[ -f "$build" ] && icbsim="$build"
[ -x "$icbsim" ] || { echo "no icbsim executable at $icbsim: build first (cmake --build $build)" >&2; exit 2; }
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
out=results/validation
mkdir -p "$out"
for scenario in configs/trials/*.yaml configs/scenarios/default_cohort.yaml configs/scenarios/nivolumab_vs_pembrolizumab.yaml; do
  name=$(basename "$scenario" .yaml)
  echo "running $scenario"
  "$icbsim" run "$scenario" -q --overwrite -o "$out/$name.h5"
done
/usr/bin/python3 scripts/validation_report.py --results "$out" --config configs/calibration/nsclc.yaml \
  --config configs/calibration/nsclc_second_line.yaml \
  --unfitted configs/calibration/docetaxel_targets.yaml --held-out configs/validation/held_out.yaml --output docs/validation.md --started "$started"
echo "wrote docs/validation.md and docs/validation/*.png"

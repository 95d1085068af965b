#!/usr/bin/env bash
# Regenerates docs/validation.md and docs/validation/*.png from scratch: runs every trial scenario
# of configs/trials (the calibrated population) and compares each calibration target with its
# published value (scripts/validation_report.py). Usage: bash scripts/make_validation_report.sh
# [BUILD_DIR] (default: build); OMP_NUM_THREADS sets the threads (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s.%N)
build=${1:-build}
icbsim="$build/engine/cli/icbsim"
[ -x "$icbsim" ] || { echo "no icbsim executable at $icbsim: build first (cmake --build $build)" >&2; exit 2; }
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
out=results/validation
mkdir -p "$out"
for trial in keynote024 oak checkmate017 untreated; do
  echo "running configs/trials/$trial.yaml"
  "$icbsim" run "configs/trials/$trial.yaml" -q -o "$out/$trial.h5"
done
/usr/bin/python3 scripts/validation_report.py --results "$out" --config configs/calibration/nsclc.yaml \
  --config configs/calibration/nsclc_squamous.yaml \
  --output docs/validation.md --notes docs/validation/notes.md --started "$started"
echo "wrote docs/validation.md and docs/validation/*.png"

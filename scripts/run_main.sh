#!/usr/bin/env bash
# Sets up a Debian 12 machine (packages), builds icbsim and runs the main job: the default virtual
# trial (configs/scenarios/default_cohort.yaml: pembrolizumab vs carboplatin-paclitaxel in 1,000
# paired virtual NSCLC patients carrying resistance mechanisms at their published prevalences).
# Leaves results/default_cohort.h5, prints the trial report, and writes the plots to
# results/default_cohort_plots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
mkdir -p results
build/engine/cli/icbsim run configs/scenarios/default_cohort.yaml -o results/default_cohort.h5
PYTHONPATH=build/python /usr/bin/python3 -m icbsim.plots cohort results/default_cohort.h5 -o results/default_cohort_plots

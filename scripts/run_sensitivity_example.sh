#!/usr/bin/env bash
# The documented sensitivity example (docs/sensitivity.md): Sobol' indices of the NSCLC model's
# response to anti-PD-1 over nine parameters (configs/sweeps/nsclc_anti_pd1_sobol.yaml). Builds
# icbsim if needed, runs the sweep into results/nsclc_anti_pd1_sobol.h5, prints the indices and
# draws them to results/nsclc_anti_pd1_sobol_plots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
mkdir -p results
build/engine/cli/icbsim sweep configs/sweeps/nsclc_anti_pd1_sobol.yaml -o results/nsclc_anti_pd1_sobol.h5
/usr/bin/python3 scripts/plot_sensitivity.py results/nsclc_anti_pd1_sobol.h5 -o results/nsclc_anti_pd1_sobol_plots

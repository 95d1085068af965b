#!/usr/bin/env bash
# Sets up a Debian 12 machine (packages), builds icbsim, runs the default scenario and plots it:
# leaves results/quickstart.h5 and results/quickstart.png and prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target icbsim
mkdir -p results
build/engine/cli/icbsim run -o results/quickstart.h5
/usr/bin/python3 scripts/plot_trajectories.py results/quickstart.h5 -o results/quickstart.png

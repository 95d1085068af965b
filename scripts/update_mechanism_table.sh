#!/usr/bin/env bash
# Regenerates the mechanism comparison table of docs/models/nsclc_icb.md from a fresh run of the
# phenotype panel (needs a built icbsim in build/).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p results
build/engine/cli/icbsim run -q configs/scenarios/phenotype_panel.yaml -o results/phenotype_panel.h5
/usr/bin/python3 scripts/mechanism_table.py results/phenotype_panel.h5 docs/models/nsclc_icb.md

#!/usr/bin/env bash
# Installs the Debian packages (scripts/setup.sh) and builds the icbsim executable in build/ with
# the release preset, with the build tree's copy of the Python package (build/python). The
# scripts that run icbsim call this first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target icbsim icbsim_python

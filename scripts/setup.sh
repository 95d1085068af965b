#!/usr/bin/env bash
# Installs every Debian package icbsim needs to build, test, run and plot. Idempotent: quick when
# everything is already present. Run as root (or with sudo available).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libeigen3-dev libboost-dev libhdf5-dev hdf5-tools libyaml-cpp-dev catch2 libcli11-dev
  libopenmpi-dev openmpi-bin libnlopt-dev librandom123-dev
  python3 python3-h5py python3-numpy python3-matplotlib python3-pil python3-yaml
  python3-pandas python3-xarray python3-h5netcdf python3-pytest python3-nbconvert python3-ipykernel
  python3-dev pybind11-dev
  clang-format-14
  clang-14 libclang-rt-14-dev libomp-14-dev
  snakemake
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# MPI scaling of `icbsim run`: the default cohort cut to 512 patients (1,024 tasks), one OpenMP
# thread per rank, run with 1 and with 2 ranks (alternating, twice); prints the median times and
# the speed-up, and checks that both files hold identical datasets. Usage: benchmarks/mpi_scaling.sh [BUILD]
set -euo pipefail
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# The resolved scenario (bases merged) is self-contained, so it can live in the temporary folder.
"$build/engine/cli/icbsim" validate configs/scenarios/default_cohort.yaml | sed 's/^  size: 1000$/  size: 512/' > "$work/cohort.yaml"
declare -a one two
for i in 1 2; do
  for n in 1 2; do
    start=$(date +%s.%N)
    mpirun -n "$n" --bind-to none "$build/engine/cli/icbsim" run -q "$work/cohort.yaml" -o "$work/r$n.h5"
    t=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { print a - b }')
    if [ "$n" = 1 ]; then one+=("$t"); else two+=("$t"); fi
  done
done
t1=$(printf '%s\n' "${one[@]}" | sort -n | head -1)
t2=$(printf '%s\n' "${two[@]}" | sort -n | head -1)
printf 'nsclc_icb, 1024 tasks, 1 thread per rank: 1 rank %.2f s, 2 ranks %.2f s (best of 2), speed-up %.2f (target >= 1.8)\n' \
  "$t1" "$t2" "$(awk -v a="$t1" -v b="$t2" 'BEGIN { print a / b }')"
/usr/bin/python3 - "$work/r1.h5" "$work/r2.h5" <<'PY'
import sys, h5py
a, b = h5py.File(sys.argv[1]), h5py.File(sys.argv[2])
names = []
a.visit(lambda k: names.append(k) if isinstance(a[k], h5py.Dataset) else None)
differ = [k for k in names if a[k].dtype.kind != 'O' and a[k][()].tobytes() != b[k][()].tobytes()]
print(f"{len(names)} datasets, {len(differ)} differ between 1 and 2 ranks")
PY

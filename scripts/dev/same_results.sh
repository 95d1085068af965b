#!/usr/bin/env bash
# Runs every shipped scenario (configs/scenarios, configs/trials, configs/spatial, configs/sweeps)
# and the benchmark scenarios with two icbsim executables and compares the result files
# (python3 -m icbsim.compare: every dataset byte for byte, every attribute except those naming the
# build or the run; the package from build/python). For changes that must not change results, e.g. a restructuring.
#   scripts/dev/same_results.sh OLD_ICBSIM NEW_ICBSIM WORK_DIR [SCENARIO...]
# ICBSIM_COMPARE_ARGS=--schema-1 compares an executable from before the named dimensions.
set -uo pipefail
cd "$(dirname "$0")/../.."
old=$1 new=$2 work=$3; shift 3
scenarios=("$@")
if [ ${#scenarios[@]} -eq 0 ]; then
  scenarios=(configs/scenarios/*.yaml configs/trials/*.yaml configs/spatial/*.yaml configs/sweeps/*.yaml
             benchmarks/scenarios/*.yaml)
fi
mkdir -p "$work/old" "$work/new" "$work/run"
same=0 differ=0
for scenario in "${scenarios[@]}"; do
  name=$(basename "$scenario" .yaml)
  verb=run
  grep -q '^sweep:' "$scenario" && verb=sweep
  for side in old new; do
    exe=$old; [ $side = new ] && exe=$new
    # Both sides write to the same path: the resolved scenario stored in the file names it.
    rm -rf "$work/run/$name.h5" "$work/run/$name.h5.parts" "$work/$side/$name.h5"
    "$exe" $verb -q "$scenario" -o "$work/run/$name.h5" > "$work/$side/$name.log" 2>&1
    code=$?
    [ $code -le 1 ] || echo "$name: $side executable exited $code (see $work/$side/$name.log)"
    mv "$work/run/$name.h5" "$work/$side/$name.h5" 2>/dev/null
  done
  if PYTHONPATH=build/python /usr/bin/python3 -m icbsim.compare ${ICBSIM_COMPARE_ARGS:-} "$work/old/$name.h5" "$work/new/$name.h5" > "$work/$name.diff"; then
    echo "same     $scenario"; same=$((same + 1))
  else
    echo "DIFFERS  $scenario"; head -20 "$work/$name.diff"; differ=$((differ + 1))
  fi
done
echo "$same same, $differ differ"
[ $differ -eq 0 ]

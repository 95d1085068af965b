#!/usr/bin/env python3
"""Per-call cost of a run from Python: one Kuznetsov 1994 patient (the built-in quickstart, two
years, daily output) run in-process with icbsim.run (result in memory) against the same run
through the icbsim executable (icbsim.cli.run: a process start, a file, then open_result), and the
engine's own time for it (the file's wall_seconds). Alternating batches, medians.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/python_overhead.py [--repeats 40]
"""
import argparse
import statistics
import tempfile
import time
from pathlib import Path

import icbsim
from icbsim import cli


def in_process(_):
    return icbsim.run()


def through_executable(folder):
    path = cli.run(None, Path(folder) / "q.h5")
    with icbsim.open_result(path) as ds:
        return ds.load()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()
    timings = {"in_process": [], "executable": []}
    engine = []
    with tempfile.TemporaryDirectory() as folder:
        in_process(folder), through_executable(folder)  # warm caches
        for _ in range(args.repeats):
            for name, call in (("in_process", in_process), ("executable", through_executable)):
                start = time.perf_counter()
                ds = call(folder)
                timings[name].append(time.perf_counter() - start)
                if name == "in_process":
                    engine.append(float(ds.attrs["wall_seconds"]))
    med = {k: statistics.median(v) * 1e3 for k, v in timings.items()}
    inner = statistics.median(engine) * 1e3
    print(f"one Kuznetsov patient, 731 daily outputs, {args.repeats} alternating repeats (medians)")
    print(f"  engine run itself (wall_seconds in the file): {inner:8.2f} ms")
    print(f"  icbsim.run in-process, result in memory:      {med['in_process']:8.2f} ms "
          f"(overhead {med['in_process'] - inner:.2f} ms)")
    print(f"  icbsim executable + open_result:              {med['executable']:8.2f} ms")
    print(f"  executable / in-process: {med['executable'] / med['in_process']:.1f}x")


if __name__ == "__main__":
    main()

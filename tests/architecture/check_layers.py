#!/usr/bin/env python3
"""The layers of docs/architecture.md hold in the build and in the sources.

1. The CMake target graph of the icbsim libraries (cmake --graphviz) equals the edge list in
   docs/architecture.md and has no cycle.
2. Every `#include "engine/<folder>/..."` or `"models/..."` in a library's sources names a library
   the including one links (directly or through others): the arrows are the real dependencies.
3. Only engine/io/h5 includes <hdf5.h>, only engine/io/config includes yaml-cpp, nothing in the
   libraries includes mpi.h, and no test compiles a source of engine/cli.

Usage: check_layers.py SOURCE_DIR   (configures the project in a scratch folder for the graph)
"""
import pathlib
import re
import subprocess
import sys
import tempfile

source = pathlib.Path(sys.argv[1]).resolve()
problems = []

# The libraries and their folders.
FOLDERS = {
    "core": "engine/core", "ode": "engine/ode", "pk": "engine/pk", "abm": "engine/abm",
    "readout": "engine/readout", "cohort": "engine/cohort", "sweep": "engine/sweep", "run": "engine/run",
    "calibrate": "engine/calibrate", "io_h5": "engine/io/h5", "io_config": "engine/io/config",
    "io_results": "engine/io/results", "io_checkpoint": "engine/io/checkpoint",
    "io_calibration": "engine/io/calibration", "app": "engine/app", "models": "models",
}

# 1. The documented edges: lines "a -> b, c" inside the ```layers block of docs/architecture.md.
doc = (source / "docs/architecture.md").read_text()
block = re.search(r"```layers\n(.*?)```", doc, re.S)
if not block:
    sys.exit("docs/architecture.md has no ```layers block")
documented = {}
for line in block.group(1).splitlines():
    if "->" in line:
        left, right = line.split("->")
        documented[left.strip()] = {d.strip() for d in right.split(",") if d.strip()}

with tempfile.TemporaryDirectory() as tmp:
    dot = pathlib.Path(tmp) / "targets.dot"
    subprocess.run(["cmake", "-S", str(source), "-B", str(pathlib.Path(tmp) / "build"), "-G", "Ninja",
                    "-DICBSIM_BUILD_TESTS=OFF", "-DICBSIM_BUILD_BENCHMARKS=OFF", f"--graphviz={dot}"],
                   check=True, capture_output=True)
    text = dot.read_text()
built = {}
for la, lb in re.findall(r"// (\S+) -> (\S+)", text):
    if la.startswith("icbsim_") and lb.startswith("icbsim_"):
        la, lb = la[len("icbsim_"):], lb[len("icbsim_"):]
        if la in FOLDERS and lb in FOLDERS:
            built.setdefault(la, set()).add(lb)
for name in sorted(set(documented) | set(built)):
    if documented.get(name, set()) != built.get(name, set()):
        problems.append(f"target {name}: CMake links {sorted(built.get(name, set()))}, "
                        f"docs/architecture.md says {sorted(documented.get(name, set()))}")

def closure(name, graph, seen=None):
    seen = set() if seen is None else seen
    for d in graph.get(name, ()):
        if d not in seen:
            seen.add(d)
            closure(d, graph, seen)
    return seen

for name in built:
    if name in closure(name, built):
        problems.append(f"target {name} depends on itself (a cycle)")

# 2. Includes follow the links.
def owner(path):
    best = None
    for name, folder in FOLDERS.items():
        if str(path).startswith(folder + "/") and (best is None or len(folder) > len(FOLDERS[best])):
            best = name
    return best

include = re.compile(r'#include\s+"((?:engine|models)/[^"]+)"')
for path in list((source / "engine").rglob("*.[ch]pp")) + list((source / "models").rglob("*.[ch]pp")):
    rel = path.relative_to(source)
    lib = owner(rel)
    if lib is None:
        continue
    allowed = closure(lib, built) | {lib}
    text = path.read_text()
    for target in include.findall(text):
        used = owner(pathlib.Path(target))
        if used is not None and used not in allowed:
            problems.append(f"{rel} ({lib}) includes {target} ({used}), which {lib} does not link")
    if re.search(r"#include\s+<hdf5", text) and lib != "io_h5":
        problems.append(f"{rel} includes the HDF5 headers outside engine/io/h5")
    if re.search(r"#include\s+<yaml-cpp", text) and lib != "io_config":
        problems.append(f"{rel} includes yaml-cpp outside engine/io/config")
    if re.search(r"#include\s+<mpi\.h>", text):
        problems.append(f"{rel} includes mpi.h (the libraries are MPI-free)")

# 3. No test compiles the executable's sources.
for cmake in (source / "tests").rglob("CMakeLists.txt"):
    if re.search(r"engine/cli/\S+\.cpp", re.sub(r"#.*", "", cmake.read_text())):
        problems.append(f"{cmake.relative_to(source)} compiles a source of engine/cli into the tests")

for p in problems:
    print("layers:", p)
print(f"layers: {len(built)} libraries checked, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)

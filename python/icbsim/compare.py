"""Two result files compared object by object: every dataset's type, shape and bytes, and every
attribute except those that describe the build or the run rather than the results (git_commit,
icbsim_version, created_utc, wall_seconds, threads, ranks) and the dimension scales' references. For checking that a change of the
engine, a thread count or a split of a run leaves results unchanged.

    python3 -m icbsim.compare [--schema-1] A.h5 B.h5     prints each difference; exit status 1 if any

--schema-1 leaves out what schema 2 added (the /task coordinate, bare netCDF dimensions,
dimension-scale and CF flag attributes, schema_version), to compare a file of today's engine with
one of an engine before it.
"""
import sys

import h5py
import numpy as np

VOLATILE = {"git_commit", "icbsim_version", "wall_seconds", "threads", "mpi_ranks", "ranks", "created_utc"}
# Dimension-scale bookkeeping: object references into the file itself (the scales they name are
# compared as datasets).
REFERENCES = {"REFERENCE_LIST", "DIMENSION_LIST"}
# What schema 2 added to schema 1 (docs/hdf5-layout.md, "Named dimensions").
SCHEMA_2_ATTRIBUTES = {"CLASS", "NAME", "flag_values", "flag_meanings", "schema_version"}
_NOT_A_VARIABLE = b"This is a netCDF dimension but not a netCDF variable."


def _schema_2_only(name, obj):
    if name in ("task", "sweep/axis"):  # the coordinates schema 2 added
        return True
    label = obj.attrs.get("NAME", b"") if isinstance(obj, h5py.Dataset) else b""
    return (label.encode() if isinstance(label, str) else bytes(label)).startswith(_NOT_A_VARIABLE)


def items(f):
    out = {}
    f.visititems(lambda name, obj: out.__setitem__(name, obj))
    out["/"] = f
    return out


def same_array(a, b):
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.dtype.kind == "O":
        return all(x == y for x, y in zip(a.ravel().tolist(), b.ravel().tolist()))
    return a.tobytes() == b.tobytes()


def differences(a_path, b_path, schema_1=False):
    """The differences between two result files, one line each (empty when they hold the same);
    schema_1: leave out what schema 2 added."""
    problems = []
    skipped = VOLATILE | REFERENCES | (SCHEMA_2_ATTRIBUTES if schema_1 else set())
    with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
        ia, ib = items(a), items(b)
        if schema_1:
            ia = {k: v for k, v in ia.items() if not _schema_2_only(k, v)}
            ib = {k: v for k, v in ib.items() if not _schema_2_only(k, v)}
        for name in sorted(set(ia) | set(ib)):
            if name not in ia or name not in ib:
                problems.append(f"{name}: only in {'first' if name in ia else 'second'} file")
                continue
            oa, ob = ia[name], ib[name]
            if isinstance(oa, h5py.Dataset) != isinstance(ob, h5py.Dataset):
                problems.append(f"{name}: a dataset in one file only")
                continue
            if isinstance(oa, h5py.Dataset):
                if oa.dtype != ob.dtype or oa.shape != ob.shape:
                    problems.append(f"{name}: type/shape {oa.dtype}{oa.shape} vs {ob.dtype}{ob.shape}")
                elif not same_array(np.asarray(oa[()]), np.asarray(ob[()])):
                    problems.append(f"{name}: values differ")
            for key in sorted(set(oa.attrs) | set(ob.attrs)):
                if key in skipped:
                    continue
                if key not in oa.attrs or key not in ob.attrs:
                    problems.append(f"{name}@{key}: attribute in one file only")
                elif not same_array(np.asarray(oa.attrs[key]), np.asarray(ob.attrs[key])):
                    problems.append(f"{name}@{key}: attribute differs")
    return problems


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    schema_1 = "--schema-1" in args
    args = [a for a in args if a != "--schema-1"]
    if len(args) != 2:
        print("usage: python3 -m icbsim.compare [--schema-1] A.h5 B.h5", file=sys.stderr)
        return 2
    problems = differences(args[0], args[1], schema_1)
    for p in problems:
        print(f"  {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

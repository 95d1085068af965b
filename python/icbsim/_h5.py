"""The result file's layout (docs/hdf5-layout.md) as h5py sees it: the one module of the package that
names its groups and datasets, decodes its enums and reads its attributes."""
import h5py
import numpy as np

TIME = "time"
TRAJECTORIES = "trajectories"
PARAMETERS = "parameters"
OUTCOMES = "outcomes"
STATUS = "outcomes/status"
FAILURE_REASON = "outcomes/failure_reason"
TASKS = "tasks"
TASK_ID = "tasks/id"
PATIENT = "tasks/patient"
ARM = "tasks/arm"
POINT = "tasks/point"
CARRIES = "tasks/carries"
SCANS = "scans"
SCAN_TIME = "scans/time"
DOSES = "doses"
SPATIAL = "spatial"
SNAPSHOTS = "snapshots"
SWEEP = "sweep"
SWEEP_UNIT = "sweep/unit"
SWEEP_VALUES = "sweep/values"
SWEEP_OUTPUTS = "sweep/outputs"
SWEEP_SENSITIVITY = "sweep/sensitivity"

# The {FALSE, TRUE} enum the engine writes for booleans.
_BOOL_MEMBERS = {"FALSE", "TRUE"}


def text(value):
    """An attribute value as str (h5py returns bytes or str depending on how it was written)."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray) and value.shape == ():
        return text(value[()])
    return value if isinstance(value, str) else value


# HDF5 dimension-scale and netCDF bookkeeping attributes (object references, ids): not metadata.
_BOOKKEEPING = {"DIMENSION_LIST", "REFERENCE_LIST", "CLASS", "NAME", "_Netcdf4Dimid", "_Netcdf4Coordinates",
                "_nc3_strict"}


def attrs(obj):
    """Every attribute of a dataset or group, strings decoded (dimension-scale bookkeeping left out)."""
    return {name: text(value) for name, value in obj.attrs.items() if name not in _BOOKKEEPING}


def enum_mapping(ds):
    """name -> stored integer of an HDF5 enum dataset, or None for a plain one."""
    return h5py.check_enum_dtype(ds.dtype)


def is_bool_enum(mapping):
    return mapping is not None and set(mapping) == _BOOL_MEMBERS


def decode(ds, rows=slice(None)):
    """A dataset's rows with enums decoded: {FALSE, TRUE} as numpy bool (h5py gives bool or int8),
    other enums as an array of member names ('?' for a value outside the mapping), strings as str,
    numbers as they are."""
    values = ds[rows]
    mapping = enum_mapping(ds)
    if mapping is None:
        if h5py.check_string_dtype(ds.dtype) is not None:
            return np.array([text(v) for v in np.ravel(values)], dtype=object).reshape(np.shape(values)).astype(str)
        return values
    if is_bool_enum(mapping):
        return values == mapping["TRUE"] if values.dtype != bool else values
    low = min(mapping.values())
    table = np.full(max(mapping.values()) - low + 2, "?", dtype=f"<U{max(len(n) for n in mapping)}")
    for name, value in mapping.items():
        table[value - low] = name
    codes = np.asarray(values).astype(np.int64) - low
    codes[(codes < 0) | (codes >= len(table) - 1)] = len(table) - 1  # outside the mapping: '?'
    return table[codes]


def enum_members(mapping):
    """Member names of an enum in the order of their stored values."""
    return [name for name, _ in sorted(mapping.items(), key=lambda kv: kv[1])]


def cf_flags(mapping):
    """CF-convention flag attributes (flag_values, flag_meanings) of an enum mapping."""
    ordered = sorted(mapping.items(), key=lambda kv: kv[1])
    return {"flag_values": np.array([v for _, v in ordered]), "flag_meanings": " ".join(k for k, _ in ordered)}


def members(group):
    """Names of a group's datasets in creation order (the model's declaration order)."""
    return list(group.keys())

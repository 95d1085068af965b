"""Result files as xarray and pandas objects: `open_result` (an xarray.Dataset with dimensions task
and time, enums decoded, units as attributes) and `outcomes` (a pandas.DataFrame, one row per
task). Both read through one task table, so they agree on arms, patients and carried mechanisms."""
import os

import h5py
import numpy as np
import pandas as pd
import xarray as xr
from xarray.backends import BackendArray
from xarray.core import indexing

from . import _h5


class _LazyColumn(BackendArray):
    """An h5py dataset that xarray reads only where indexed (trajectories can be large)."""

    def __init__(self, file, path):
        ds = file[path]
        self._file, self._path = file, path
        self.shape, self.dtype = ds.shape, ds.dtype

    def __getitem__(self, key):
        return indexing.explicit_indexing_adapter(key, self.shape, indexing.IndexingSupport.OUTER_1VECTOR, self._read)

    def _read(self, key):
        return self._file[self._path][key]

    def __deepcopy__(self, memo):  # read-only: copies of a Dataset share the open file
        return self


def _lazy(file, path, dims):
    ds = file[path]
    return xr.Variable(dims, indexing.LazilyIndexedArray(_LazyColumn(file, path)), _variable_attrs(ds, path))


def _variable_attrs(ds, path):
    attrs = _h5.attrs(ds)
    attrs["hdf5_path"] = "/" + path
    mapping = _h5.enum_mapping(ds)
    if mapping is not None and not _h5.is_bool_enum(mapping):
        attrs.update(_h5.cf_flags(mapping))
    return attrs


def _decoded(file, path, dims):
    ds = file[path]
    return xr.Variable(dims, _h5.decode(ds), _variable_attrs(ds, path))


def _task_table(f):
    """The per-task columns every view shares: id, patient, arm (names, in enum order), status,
    failure reason, and the carried mechanisms (name -> bool array), as numpy arrays."""
    n = f[_h5.STATUS].shape[0]
    table = {"task": f[_h5.TASK_ID][()] if _h5.TASK_ID in f else np.arange(n)}
    table["patient"] = f[_h5.PATIENT][()] if _h5.PATIENT in f else np.arange(n)
    if _h5.ARM in f:
        table["arm"] = _h5.decode(f[_h5.ARM])
        arms = _h5.enum_members(_h5.enum_mapping(f[_h5.ARM]))
    else:
        table["arm"] = np.full(n, "all")
        arms = ["all"]
    table["status"] = _h5.decode(f[_h5.STATUS])
    statuses = _h5.enum_members(_h5.enum_mapping(f[_h5.STATUS]))
    carries = {name: _h5.decode(ds) for name, ds in f[_h5.CARRIES].items()} if _h5.CARRIES in f else {}
    return table, arms, statuses, carries


def open_result(path):
    """A result file as an xarray.Dataset.

    Dimensions: `task` (coordinate: the global task id, with `arm` and `patient` as coordinates
    on it), `time` [day], and where present `scan`, `dose`, `mechanism`, `parameter`.
    Variables: every trajectory (task, time) and spatial metric under its own name; every outcome
    (task) under its field name; `status`, `failure_reason`; `carries` (task, mechanism);
    `parameters` (task, parameter) with each parameter's units, default, range and source as
    coordinates on `parameter`; scans as `sld_mm`, `recist`, ... (task, scan) with `scan_time`;
    doses as `dose_<field>` (dose). Enums are decoded to their member names (with CF
    `flag_values`/`flag_meanings` attributes), booleans to bool; every variable keeps the
    file's attributes (`units`, `description`, `kind`, ...) and its `hdf5_path`. A name used twice
    (a model variable called like an outcome) keeps the first and prefixes the later one with its
    group. Trajectories are read lazily: close the Dataset (or use it in a `with` block) when done.
    """
    f = h5py.File(os.fspath(path), "r")
    try:
        return _build(f)
    except Exception:
        f.close()
        raise


def _build(f):
    table, arms, statuses, carries = _task_table(f)
    variables = {}

    reserved = {"task", "arm", "patient", "time", "point", "scan_time", "mechanism", "mechanism_description",
                "parameter"}  # coordinates

    def add(name, variable, group):
        key = name if name not in variables and name not in reserved else f"{group}_{name}"
        variables[key] = variable

    for name in _h5.members(f[_h5.TRAJECTORIES]) if _h5.TRAJECTORIES in f else []:
        add(name, _lazy(f, f"{_h5.TRAJECTORIES}/{name}", ("task", "time")), "trajectories")
    if _h5.SPATIAL in f:
        for name in _h5.members(f[_h5.SPATIAL]):
            path = f"{_h5.SPATIAL}/{name}"
            make = _decoded if _h5.enum_mapping(f[path]) is not None else _lazy
            add(name, make(f, path, ("task", "time")), "spatial")
    for name in _h5.members(f[_h5.OUTCOMES]):
        add(name, _decoded(f, f"{_h5.OUTCOMES}/{name}", ("task",)), "outcomes")
    if _h5.SCANS in f:
        for name in _h5.members(f[_h5.SCANS]):
            if name != "time":
                add(name, _decoded(f, f"{_h5.SCANS}/{name}", ("task", "scan")), "scans")
    if _h5.DOSES in f:
        for name in _h5.members(f[_h5.DOSES]):
            add(f"dose_{name}", _decoded(f, f"{_h5.DOSES}/{name}", ("dose",)), "doses")
    if carries:
        ds = f[_h5.CARRIES]
        add("carries", xr.Variable(("task", "mechanism"), np.column_stack([carries[m] for m in carries]),
                                   {"description": "mechanisms and host factors the patient carries",
                                    "hdf5_path": "/" + _h5.CARRIES, "units": "1"}), "tasks")
        mechanism_descriptions = [_h5.attrs(ds[m]).get("description", "") for m in carries]
    if _h5.PARAMETERS in f and len(f[_h5.PARAMETERS]):
        names = _h5.members(f[_h5.PARAMETERS])
        group = f[_h5.PARAMETERS]
        values = np.column_stack([group[n][()] for n in names])
        add("parameters", xr.Variable(("task", "parameter"), values,
                                      {"description": "model parameters as resolved for each task",
                                       "hdf5_path": "/" + _h5.PARAMETERS}), "parameters")
        meta = [_h5.attrs(group[n]) for n in names]

    coords = {
        "task": ("task", table["task"], {"description": "global task id", "hdf5_path": "/" + _h5.TASK_ID}),
        "arm": ("task", table["arm"], {"description": "arm (or panel entry) of the task", "arms": arms,
                                       "hdf5_path": "/" + _h5.ARM}),
        "patient": ("task", table["patient"], {"description": "virtual patient", "hdf5_path": "/" + _h5.PATIENT}),
    }
    if _h5.TIME in f:
        coords["time"] = ("time", f[_h5.TIME][()], _variable_attrs(f[_h5.TIME], _h5.TIME))
    if _h5.POINT in f:
        coords["point"] = ("task", f[_h5.POINT][()], _variable_attrs(f[_h5.POINT], _h5.POINT))
    if _h5.SCAN_TIME in f:
        coords["scan_time"] = ("scan", f[_h5.SCAN_TIME][()], _variable_attrs(f[_h5.SCAN_TIME], _h5.SCAN_TIME))
    if carries:
        coords["mechanism"] = ("mechanism", list(carries))
        coords["mechanism_description"] = ("mechanism", mechanism_descriptions)
    if "parameters" in variables:
        coords["parameter"] = ("parameter", names)
        for key in ("units", "description", "source", "default", "min", "max"):
            coords[f"parameter_{key}"] = ("parameter", [m.get(key, np.nan if key in ("default", "min", "max") else "")
                                                        for m in meta])
    root = {k: v for k, v in _h5.attrs(f).items()}
    dataset = xr.Dataset(variables, coords=coords, attrs=root)
    dataset.attrs["statuses"] = statuses
    dataset.set_close(f.close)
    return dataset


def outcomes(path):
    """One row per task (index: the global task id), columns: `arm`, `patient`, `status`
    (categoricals in the file's enum order), `failure_reason`, one bool column per carried
    mechanism (`carries_<name>`), `mechanisms` (the carried ones joined by '+', '' for none), and
    every outcome field, enums as categoricals (best_response, sitc_class, ...), flags as bool."""
    with h5py.File(os.fspath(path), "r") as f:
        table, arms, statuses, carries = _task_table(f)
        columns = {
            "arm": pd.Categorical(table["arm"], categories=arms, ordered=True),
            "patient": table["patient"],
        }
        for name, flags in carries.items():
            columns[f"carries_{name}"] = flags
        names = list(carries)
        columns["mechanisms"] = ["+".join(n for n, c in zip(names, row) if c)
                                 for row in (np.column_stack([carries[n] for n in names]) if names
                                             else np.zeros((len(table["task"]), 0), bool))]
        columns["status"] = pd.Categorical(table["status"], categories=statuses, ordered=True)
        for name in _h5.members(f[_h5.OUTCOMES]):
            if name == "status":
                continue
            ds = f[f"{_h5.OUTCOMES}/{name}"]
            values = _h5.decode(ds)
            mapping = _h5.enum_mapping(ds)
            if mapping is not None and not _h5.is_bool_enum(mapping):
                values = pd.Categorical(values, categories=_h5.enum_members(mapping), ordered=True)
            columns[name] = values
        if _h5.POINT in f:
            columns["point"] = f[_h5.POINT][()]
        frame = pd.DataFrame(columns, index=pd.Index(table["task"], name="task"))
        frame.attrs["units"] = {name: _h5.attrs(f[f"{_h5.OUTCOMES}/{name}"]).get("units", "1")
                                for name in _h5.members(f[_h5.OUTCOMES])}
    return frame


def root_attributes(path):
    """The root attributes of a result file (model, seed, scenario, report, ...), strings decoded."""
    with h5py.File(os.fspath(path), "r") as f:
        return _h5.attrs(f)

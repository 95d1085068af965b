"""Lattice snapshots of spatial runs (/snapshots/task<k>/t<day>, docs/hdf5-layout.md "Spatial
scenarios"): agents with their columns and the diffusion fields of each snapshot time."""
import os
from dataclasses import dataclass

import h5py

from . import _h5


@dataclass
class Snapshot:
    """One task's lattice at one time: `agents` (column name -> array; `position` [agent, 3] in um,
    `type` codes named by `type_names`), `fields` (name -> [z, y, x] array), `field_units`."""
    task: int
    label: str
    time: float
    voxel_um: float
    agents: dict
    type_names: dict
    fields: dict
    field_units: dict


def _type_names(ds):
    """Type code -> name, from the `names` attribute ("0 tumour, 1 cd8, ...")."""
    names = {}
    for item in str(_h5.text(ds.attrs.get("names", ""))).split(","):
        code, _, name = item.strip().partition(" ")
        if code:
            names[int(code)] = name
    return names


def snapshot_tasks(path):
    """Global ids of the tasks with snapshots, in increasing order (empty without snapshots)."""
    with h5py.File(os.fspath(path), "r") as f:
        if _h5.SNAPSHOTS not in f:
            return []
        return sorted(int(name[len("task"):]) for name in f[_h5.SNAPSHOTS])


def snapshots(path, task):
    """The snapshots of one task, ordered by time (KeyError when the task has none)."""
    with h5py.File(os.fspath(path), "r") as f:
        key = f"{_h5.SNAPSHOTS}/task{task}"
        if key not in f:
            raise KeyError(f"task {task} has no snapshots")
        out = []
        for label, g in f[key].items():
            agents = {name: ds[()] for name, ds in g["agents"].items()}
            fields = {name: ds[()] for name, ds in g["fields"].items()}
            units = {name: _h5.attrs(ds).get("units", "") for name, ds in g["fields"].items()}
            out.append(Snapshot(task, label, float(g.attrs["time"]), float(g.attrs["voxel_um"]), agents,
                                _type_names(g["agents/type"]), fields, units))
    return sorted(out, key=lambda s: s.time)

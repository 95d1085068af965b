"""Sweep results (`icbsim sweep`, docs/sensitivity.md) in SALib's terms: a `problem` dict, the samples
and each output in SALib's row order (so `SALib.analyze.sobol.analyze(problem, Y)` or
`morris.analyze(problem, X, Y)` take them as they are), and the engine's own indices as tables."""
import os
from dataclasses import dataclass, field

import h5py
import numpy as np
import pandas as pd

from . import _h5


@dataclass
class Sweep:
    """A sweep's design and results.

    `problem`: {'num_vars', 'names', 'bounds', 'units'}; the bounds are those of the design's
    unit-cube coordinates ([0, 1] per axis: each axis value is its distribution's quantile of the
    coordinate, docs/sensitivity.md §2). `unit_samples` and `samples` [point, axis]: coordinates
    and axis values, rows in SALib's order; `order[k]` is the file's point (row of /sweep/unit) of
    SALib row k. `outputs[arm][output]`: each point's output in the same order. `indices[arm]
    [output]`: the engine's indices as a DataFrame indexed by axis (empty with `not_computed` in
    `attrs` when the engine could not compute them)."""
    design: str
    problem: dict
    unit_samples: np.ndarray
    samples: np.ndarray
    order: np.ndarray
    outputs: dict = field(default_factory=dict)
    indices: dict = field(default_factory=dict)
    attrs: dict = field(default_factory=dict)
    second_order: bool = False

    def output(self, arm, name):
        return self.outputs[arm][name]


def salib_order(design, points, num_vars):
    """File rows in SALib's order. Saltelli designs are stored A, B, A_B^(1..d) in blocks of N
    rows (docs/sensitivity.md §3); SALib's `saltelli.sample(..., calc_second_order=False)` and
    `sobol.analyze` interleave them per base sample j: A_j, A_B^(1)_j, ..., A_B^(d)_j, B_j. Morris
    trajectories (d + 1 consecutive rows each), grids, Latin hypercubes and Sobol' sequences are
    stored in SALib's order already."""
    if design != "saltelli":
        return np.arange(points)
    if points % (num_vars + 2):
        raise ValueError(f"a Saltelli design of {num_vars} axes needs a multiple of {num_vars + 2} points, "
                         f"the file has {points}")
    n = points // (num_vars + 2)
    order = np.empty((n, num_vars + 2), dtype=int)
    order[:, 0] = np.arange(n)                          # A
    for i in range(num_vars):
        order[:, 1 + i] = (2 + i) * n + np.arange(n)    # A_B^(i)
    order[:, num_vars + 1] = n + np.arange(n)           # B
    return order.ravel()


def read_sweep(path):
    """The sweep of a result file (ValueError when the file holds none)."""
    with h5py.File(os.fspath(path), "r") as f:
        if _h5.SWEEP not in f:
            raise ValueError(f"{os.fspath(path)}: no /{_h5.SWEEP} (not a sweep result)")
        group = f[_h5.SWEEP]
        attrs = _h5.attrs(group)
        attrs["scenario_file"] = _h5.text(f.attrs.get("scenario_file", ""))
        names = [a.strip() for a in str(attrs["axes"]).split(",")]
        units = [u.strip() for u in str(attrs.get("axis_units", ",".join("1" for _ in names))).split(",")]
        unit = f[_h5.SWEEP_UNIT][()]
        values = f[_h5.SWEEP_VALUES][()]
        design = str(attrs["design"])
        order = salib_order(design, unit.shape[0], len(names))
        outputs = {}
        if _h5.SWEEP_OUTPUTS in f:
            for arm, group_arm in f[_h5.SWEEP_OUTPUTS].items():
                outputs[arm] = {name: ds[()][order] for name, ds in group_arm.items()}
        indices = {}
        if _h5.SWEEP_SENSITIVITY in f:
            for arm, group_arm in f[_h5.SWEEP_SENSITIVITY].items():
                indices[arm] = {}
                for name, g in group_arm.items():
                    frame = pd.DataFrame({k: ds[()] for k, ds in g.items()},
                                         index=pd.Index(names, name="axis") if len(g) else None)
                    frame.attrs.update(_h5.attrs(g))
                    indices[arm][name] = frame
    problem = {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0] for _ in names], "units": units}
    return Sweep(design, problem, unit[order], values[order], order, outputs, indices, attrs)

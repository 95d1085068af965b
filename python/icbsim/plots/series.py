"""Time courses of a result file: trajectories with a variable selection, and drug exposure (PK).
Series are chosen by their declared attributes (`kind`, `units`) or by name when the caller lists
them, never by patterns in their names."""
import numpy as np

from ..results import open_result
from ..units import parse
from ._common import plt, save


def select(ds, variables=None, kind=None, unit=None, concentration=False):
    """Names of the trajectories of `ds` (variables with a declared `kind`, in the file's order):
    those listed in `variables` (KeyError for an unknown one), else all, narrowed to `kind`
    ('state' or 'observable'), to `unit` (same dimensions and scale as this unit expression), and
    with `concentration`, to units of mass or amount per volume."""
    series = [name for name, v in ds.data_vars.items() if v.dims == ("task", "time") and "kind" in v.attrs]
    if variables:
        unknown = [v for v in variables if v not in series]
        if unknown:
            raise KeyError(f"no trajectory {', '.join(unknown)}; the file has: {', '.join(series)}")
        series = [v for v in variables]
    if kind:
        series = [s for s in series if ds[s].attrs["kind"] == kind]
    if unit:
        wanted = parse(unit)
        series = [s for s in series if _same_unit(parse(ds[s].attrs.get("units", "1")), wanted)]
    if concentration:
        series = [s for s in series if parse(ds[s].attrs.get("units", "1")).is_concentration()]
    return series


def _same_unit(a, b):
    return a.dimensions == b.dimensions and np.isclose(a.scale, b.scale)


def trajectories(path, output, variables=None, kind=None, unit=None, tasks=5):
    """One panel per selected trajectory (select()), the first `tasks` tasks as lines; log scale
    when a positive series spans more than two decades. Returns the path written."""
    with open_result(path) as ds:
        names = select(ds, variables, kind, unit)
        if not names:
            raise ValueError(f"{path}: no trajectory matches the selection")
        time = ds["time"].values
        time_unit = ds["time"].attrs.get("units", "day")
        status = ds["status"].values[:tasks]
        columns = [(n, ds[n].attrs.get("units", ""), ds[n].attrs.get("kind", ""), ds[n][:tasks].values) for n in names]
        model = ds.attrs.get("model", "")
    n = len(columns)
    ncols = min(3, n)
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.5 * ncols, 3.2 * nrows), squeeze=False)
    for ax, (name, unit_text, kind_text, values) in zip(axes.flat, columns):
        for task, row in enumerate(values):
            ok = status[task] == "ok"
            ax.plot(time, row, lw=1.2, label=f"task {task}" + ("" if ok else f" ({status[task]})"))
        finite = values[np.isfinite(values)]
        if finite.size and finite.min() > 0 and finite.max() / finite.min() > 100:
            ax.set_yscale("log")
        ax.set_title(f"{name} ({kind_text})" if kind_text else name, fontsize=10)
        ax.set_xlabel(f"time [{time_unit}]")
        ax.set_ylabel(f"{name} [{unit_text}]" if unit_text and unit_text != "1" else name)
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    if len(columns[0][3]) > 1:
        axes.flat[0].legend(fontsize=8)
    fig.suptitle(f"{model}: {path}", fontsize=11)
    fig.tight_layout()
    return save(fig, output)


def pk(path, output, task=0, occupancy=(), concentrations=None):
    """Drug exposure of one task: the series named in `concentrations`, by default every
    observable whose unit is a concentration (mass or amount per volume; one panel per unit), and
    the series named in `occupancy` on a [0, 1] panel, with the task's given doses as grey lines.
    (No attribute marks a series as a drug's concentration: the default also takes other
    concentration observables, such as nikolopoulou2018's receptor densities P, L, Q, and misses a
    drug held as a state variable, such as its antibody A.) Returns the path written."""
    with open_result(path) as ds:
        conc = select(ds, list(concentrations)) if concentrations else select(ds, kind="observable",
                                                                              concentration=True)
        occ = select(ds, list(occupancy)) if occupancy else []
        if not conc and not occ:
            raise ValueError(f"{path}: no observable in a concentration unit (mass or amount per volume); "
                             "name occupancy series to draw with occupancy=")
        row = int(np.flatnonzero(ds["task"].values == task)[0]) if task in ds["task"].values else None
        if row is None:
            raise KeyError(f"{path}: no task {task}")
        time = ds["time"].values
        time_unit = ds["time"].attrs.get("units", "day")
        series = {n: (ds[n][row].values, ds[n].attrs.get("units", "1")) for n in conc + occ}
        doses = None
        if "dose_time" in ds:
            mine = (ds["dose_task"].values == task) & ds["dose_given"].values.astype(bool)
            doses = ds["dose_time"].values[mine]
        title = f"{ds.attrs.get('model', '')}: {ds.attrs.get('scenario_file', path)} (task {task})"
    groups = {}
    for n in conc:
        groups.setdefault(series[n][1], []).append(n)
    panels = [("concentration", unit, names) for unit, names in groups.items()]
    if occ:
        panels.append(("occupancy", "1", occ))
    fig, axes = plt.subplots(len(panels), 1, figsize=(9, 1.0 + 2.8 * len(panels)), sharex=True, squeeze=False)
    for ax, (label, unit, names) in zip(axes[:, 0], panels):
        for n in names:
            ax.plot(time, series[n][0], lw=1.2, label=n)
        if label == "concentration":
            ax.set_ylabel(f"concentration [{unit}]")
        else:
            ax.set_ylabel("occupancy [1]")
            ax.set_ylim(0, 1.02)
        for t in doses if doses is not None else []:
            ax.axvline(t, color="grey", lw=0.4, alpha=0.5)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    marked = doses is not None and len(doses)
    axes[-1, 0].set_xlabel(f"time [{time_unit}]" + ("   (grey lines: doses given)" if marked else ""))
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    return save(fig, output)

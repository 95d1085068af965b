"""What every icbsim plot shares: the completed tasks of a cohort file with their arms and readout
(read through icbsim.outcomes / icbsim.open_result), the best-response colours, panel grids and
saving to PNG, SVG or PDF."""
import os

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from ..results import open_result, outcomes

RESPONSES = ["CR", "PR", "SD", "PD", "NE"]
RESPONSE_COLOURS = {"CR": "#1a7837", "PR": "#7fbf3f", "SD": "#e6a117", "PD": "#c0282d", "NE": "#9e9e9e"}
RESPONSE_NAMES = {"CR": "complete response", "PR": "partial response", "SD": "stable disease",
                  "PD": "progressive disease", "NE": "not evaluable"}
FORMATS = ("png", "svg", "pdf")


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class Cohort:
    """The completed (status ok) tasks of a result file, with their arm and readout. Arms keep the
    file's enum order; arms without a completed task are left out. Fields the file lacks are None."""

    def __init__(self, path):
        self.path = os.fspath(path)
        table = outcomes(path)
        ok = (table["status"] == "ok").to_numpy()
        self.failed = int((~ok).sum())
        self.n = int(ok.sum())
        done = table[ok]
        self.units = table.attrs["units"]
        with open_result(path) as ds:
            self.model = str(ds.attrs.get("model", ""))
            self.scenario = str(ds.attrs.get("scenario_file", os.path.basename(self.path)))
            self.report = ds.attrs.get("report")
            self.scan_time = ds["scan_time"].values if "scan_time" in ds.coords else None
            self.scan_unit = ds["scan_time"].attrs.get("units", "day") if "scan_time" in ds.coords else "day"
            self.sld = ds["sld_mm"].values[ok] if "sld_mm" in ds else None
        arm_names = [a for a in done["arm"].cat.categories if (done["arm"] == a).any()]
        self.arms = arm_names
        self.arm = np.array([arm_names.index(a) for a in done["arm"]], dtype=int)
        self.patient = done["patient"].to_numpy()
        self.carries = {c[len("carries_"):]: done[c].to_numpy(bool) for c in done.columns if c.startswith("carries_")}

        def column(name, kind=float):
            if name not in done:
                return None
            return done[name].to_numpy(kind) if kind is not str else done[name].astype(str).to_numpy()

        self.best = column("best_response", str)
        self.best_change = column("best_change_pct")
        self.pfs, self.pfs_event = column("pfs_days"), column("pfs_event", bool)
        self.os, self.os_event = column("os_days"), column("os_event", bool)
        self.response_day, self.progression_day = column("response_day"), column("progression_day")
        self.sitc = column("sitc_class", str)

    def unit(self, field):
        return self.units.get(field, "1")

    def title(self, what):
        failed = f", {self.failed} failed task(s) left out" if self.failed else ""
        return f"{what} — {self.model}: {self.scenario} ({plural(self.n, 'task')}{failed})"

    def rows(self, arm_index):
        return np.flatnonzero(self.arm == arm_index)


def response_legend_below(fig, present):
    """The best-response colours as a one-row legend under the panels; lays the figure out."""
    handles = [Patch(color=RESPONSE_COLOURS[r], label=f"{r} ({RESPONSE_NAMES[r]})") for r in RESPONSES
               if r in present]
    fig.legend(handles=handles, title="best overall response (RECIST 1.1)", loc="lower center",
               ncol=max(len(handles), 1), fontsize=7, title_fontsize=7, frameon=False)
    fig.tight_layout(rect=(0, 0.55 / fig.get_figheight(), 1, 1))


def panels(n, width=6.0, height=4.8, sharey=True, extra_height=0.0):
    """One panel per arm, at most three to a row; returns the figure, the n panels in arm order and
    the panels of the first column (which carry the y label)."""
    ncols = min(n, 3)
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(width * ncols + 0.5, height * nrows + extra_height),
                             sharey=sharey, squeeze=False)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    return fig, list(axes.flat)[:n], list(axes[:, 0])


def save(fig, path, dpi=120):
    """Writes the figure to `path` (PNG, SVG or PDF by its extension), closes it and prints the
    path; returns it."""
    ext = os.path.splitext(path)[1].lstrip(".").lower()
    if ext not in FORMATS:
        raise ValueError(f"{path}: the format must be one of {', '.join(FORMATS)}")
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    fig.savefig(path, dpi=dpi)
    plt.close(fig)
    return path


def skip(name, reason):
    print(f"skipped {name}: {reason}")
    return None

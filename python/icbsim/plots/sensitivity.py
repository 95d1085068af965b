"""The sensitivity indices of a sweep result (icbsim.read_sweep), one figure per arm and output:
Sobol' first-order and total indices with their bootstrap intervals (Saltelli designs), Morris mu*
against sigma (Morris designs), or partial rank correlation coefficients (grid, LHS, Sobol')."""
import os

import numpy as np

from ..sweep import read_sweep
from ._common import plt, save


def _safe(name):
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)


def _sobol(ax, frame, axes):
    y = np.arange(len(axes))
    first, total = frame["first"].to_numpy(), frame["total"].to_numpy()
    first_err = np.vstack([first - frame["first_lower"], frame["first_upper"] - first])
    total_err = np.vstack([total - frame["total_lower"], frame["total_upper"] - total])
    level = float(frame.attrs["level"])
    ax.barh(y - 0.2, first, height=0.4, xerr=np.clip(first_err, 0, None), color="#4c72b0", label="first order S1")
    ax.barh(y + 0.2, total, height=0.4, xerr=np.clip(total_err, 0, None), color="#dd8452", label="total ST")
    ax.set_yticks(y, axes)
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel(f"Sobol' index (bars: {100 * level:.0f}% bootstrap intervals)")
    ax.legend(loc="lower right")


def _morris(ax, frame, axes):
    ax.scatter(frame["mu_star"], frame["sigma"], color="#4c72b0")
    for x, s, name in zip(frame["mu_star"], frame["sigma"], axes):
        ax.annotate(name, (x, s), textcoords="offset points", xytext=(4, 4), fontsize=8)
    ax.set_xlabel("mu* (mean |elementary effect|)")
    ax.set_ylabel("sigma (interactions and non-linearity)")


def _prcc(ax, frame, axes):
    y = np.arange(len(axes))
    values = frame["prcc"].to_numpy()
    ax.barh(y, values, color=np.where(values >= 0, "#4c72b0", "#c44e52"))
    ax.set_yticks(y, axes)
    ax.invert_yaxis()
    ax.set_xlim(-1, 1)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel("partial rank correlation coefficient")


def sensitivity(path, outdir, fmt="png"):
    """One figure per (arm, output) into `outdir` as `<arm>_<output>.<fmt>`; outputs the engine
    could not analyse are skipped with its reason. Returns the paths written."""
    sweep = read_sweep(path)
    if not sweep.indices:
        raise ValueError(f"{path}: no sensitivity indices (not a finished sweep)")
    axes = sweep.problem["names"]
    title = os.path.basename(str(sweep.attrs.get("scenario_file", path)))
    written = []
    for arm, outputs in sweep.indices.items():
        for output, frame in outputs.items():
            if "not_computed" in frame.attrs:
                print(f"skipped {output} ({arm}): {frame.attrs['not_computed']}")
                continue
            fig, ax = plt.subplots(figsize=(7, 0.45 * len(axes) + 1.8))
            if "first" in frame:
                _sobol(ax, frame, axes)
            elif "mu_star" in frame:
                _morris(ax, frame, axes)
            else:
                _prcc(ax, frame, axes)
            ax.set_title(f"{output} ({arm})\n{title}: {sweep.design} design, {int(sweep.attrs['points'])} points",
                         fontsize=10)
            fig.tight_layout()
            written.append(save(fig, os.path.join(outdir, f"{_safe(arm)}_{_safe(output)}.{fmt}")))
    return written

#!/usr/bin/python3
"""Draws the trajectories of any icbsim result file: one panel per state variable and
observable, for the first few tasks, saved as a PNG. Uses Debian's python3-h5py/matplotlib."""
import argparse
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("result", help="icbsim result file (.h5)")
    parser.add_argument("-o", "--output", help="PNG to write (default: RESULT with .png)")
    parser.add_argument("--tasks", type=int, default=5, help="how many tasks to draw (default 5)")
    args = parser.parse_args()
    output = args.output or args.result.rsplit(".", 1)[0] + ".png"

    with h5py.File(args.result, "r") as f:
        time = f["time"][:]
        names = list(f["trajectories"].keys())
        columns = []
        for name in names:
            ds = f["trajectories"][name]
            columns.append((name, ds.attrs.get("units", ""), ds.attrs.get("kind", ""), ds[: args.tasks, :]))
        model = f.attrs.get("model", "")
        status = f["outcomes/status"][: args.tasks] if "outcomes/status" in f else None
    if not columns:
        print("no trajectories in", args.result, file=sys.stderr)
        return 1

    n = len(columns)
    ncols = min(3, n)
    nrows = (n + ncols - 1) // ncols
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.5 * ncols, 3.2 * nrows), squeeze=False)
    for ax, (name, unit, kind, values) in zip(axes.flat, columns):
        for task, row in enumerate(values):
            ok = status is None or status[task] == 0
            ax.plot(time, row, lw=1.2, label=f"task {task}" + ("" if ok else " (failed)"))
        finite = values[np.isfinite(values)]
        if finite.size and finite.min() > 0 and finite.max() / finite.min() > 100:
            ax.set_yscale("log")
        ax.set_title(f"{name} ({kind})" if kind else name, fontsize=10)
        ax.set_xlabel("time [day]")
        ax.set_ylabel(f"{name} [{unit}]" if unit and unit != "1" else name)
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    if len(values) > 1:
        axes.flat[0].legend(fontsize=8)
    fig.suptitle(f"{model}: {args.result}", fontsize=11)
    fig.tight_layout()
    fig.savefig(output, dpi=120)
    print("wrote", output)
    return 0


if __name__ == "__main__":
    sys.exit(main())

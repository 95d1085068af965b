#!/usr/bin/python3
"""Draws drug exposure over time from an icbsim result file: plasma concentrations (observables
named C or ending in _conc) and target occupancies (observables containing "occupancy"), with the
dose times of /doses marked. Uses Debian's python3-h5py and python3-matplotlib."""
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
    parser.add_argument("-o", "--output", help="PNG to write (default: RESULT_pk.png)")
    parser.add_argument("--task", type=int, default=0, help="task (patient) to draw (default 0)")
    args = parser.parse_args()
    output = args.output or args.result.rsplit(".", 1)[0] + "_pk.png"

    with h5py.File(args.result, "r") as f:
        time = f["time"][:]
        traj = f["trajectories"]
        conc = [n for n in traj if n == "C" or n.endswith("_conc")]
        occ = [n for n in traj if "occupancy" in n]
        if not conc and not occ:
            print("no concentration or occupancy in", args.result, file=sys.stderr)
            return 1
        series = {n: (traj[n][args.task, :], traj[n].attrs.get("units", "")) for n in conc + occ}
        doses = None
        if "doses" in f:
            rows = f["doses/task"][:] == args.task
            given = f["doses/given"][:].astype(bool)
            doses = f["doses/time"][:][rows & given]
        title = f"{f.attrs.get('model', '')}: {f.attrs.get('scenario_file', args.result)}"

    fig, axes = plt.subplots(2 if occ and conc else 1, 1, figsize=(9, 6 if occ and conc else 3.5), sharex=True,
                             squeeze=False)
    panels = []
    if conc:
        panels.append(("concentration", conc))
    if occ:
        panels.append(("occupancy", occ))
    for ax, (label, names) in zip(axes[:, 0], panels):
        for n in names:
            values, unit = series[n]
            ax.plot(time, values, lw=1.2, label=n)
        if label == "concentration":
            ax.set_ylabel(f"concentration [{series[names[0]][1]}]")
        else:
            ax.set_ylabel("occupancy [-]")
            ax.set_ylim(0, 1.02)
        if doses is not None and len(doses):
            for t in doses:
                ax.axvline(t, color="grey", lw=0.4, alpha=0.5)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    axes[-1, 0].set_xlabel("time [day]" + ("   (grey lines: doses)" if doses is not None and len(doses) else ""))
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(output, dpi=120)
    print("wrote", output)
    return 0


if __name__ == "__main__":
    sys.exit(main())

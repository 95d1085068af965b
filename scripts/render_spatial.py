#!/usr/bin/python3
"""Renders the lattice snapshots of a spatial icbsim result (/snapshots/task<k>/t<day>): a 2-D
slice (agents coloured by type over a field) per snapshot time, the 3-D tumour (a scatter of tumour
cells), and an animation of the slices over the snapshot times as a GIF. Uses Debian's
python3-h5py, -numpy, -matplotlib and -pil (matplotlib's PillowWriter)."""
import argparse
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.animation import PillowWriter  # noqa: E402

COLOURS = {"tumour": "#8c564b", "cd8": "#d62728", "treg": "#9467bd", "mdsc": "#ff7f0e",
           "macrophage": "#2ca02c", "fibroblast": "#7f7f7f"}


def snapshot_times(task):
    """The snapshot groups of a task, ordered by time."""
    groups = [(task[name].attrs["time"], name) for name in task]
    return [name for _, name in sorted(groups)]


def type_names(ds):
    """Type code -> name, from the dataset's 'names' attribute ("0 tumour, 1 cd8, ...")."""
    names = {}
    for item in str(ds.attrs.get("names", "")).split(","):
        code, _, name = item.strip().partition(" ")
        if code:
            names[int(code)] = name
    return names


def draw_slice(ax, snap, field, z_index):
    """Agents in the z slice `z_index` coloured by type, over `field` of that slice."""
    values = snap["fields"][field][z_index]
    voxel = snap.attrs["voxel_um"]
    ny, nx = values.shape
    image = ax.imshow(values, origin="lower", extent=(0, nx * voxel, 0, ny * voxel), cmap="Blues")
    pos = snap["agents/position"][:]
    kinds = snap["agents/type"][:]
    names = type_names(snap["agents/type"])
    in_slice = np.floor(pos[:, 2] / voxel).astype(int) == z_index if len(pos) else np.zeros(0, bool)
    for code, name in sorted(names.items()):
        sel = in_slice & (kinds == code)
        if sel.any():
            ax.scatter(pos[sel, 0], pos[sel, 1], s=4 if name == "tumour" else 9, c=COLOURS.get(name, "k"),
                       label=name, linewidths=0)
    ax.set_xlabel("x [um]")
    ax.set_ylabel("y [um]")
    ax.set_title(f"day {snap.attrs['time']:g}, {field} (z slice {z_index})")
    return image


def draw_tumour_3d(fig, snap):
    """Viable and dead tumour cells as a 3-D scatter, coloured by PD-L1."""
    ax = fig.add_subplot(projection="3d")
    pos = snap["agents/position"][:]
    names = type_names(snap["agents/type"])
    tumour = [c for c, n in names.items() if n == "tumour"]
    sel = np.isin(snap["agents/type"][:], tumour)
    colour = snap["agents/pdl1"][:][sel] if "pdl1" in snap["agents"] else None
    points = ax.scatter(pos[sel, 0], pos[sel, 1], pos[sel, 2], c=colour, s=3, cmap="viridis", linewidths=0)
    if colour is not None:
        fig.colorbar(points, ax=ax, shrink=0.6, label="PD-L1 [relative]")
    ax.set_xlabel("x [um]")
    ax.set_ylabel("y [um]")
    ax.set_zlabel("z [um]")
    ax.set_title(f"tumour cells, day {snap.attrs['time']:g}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("result", help="spatial icbsim result file (.h5) with /snapshots")
    parser.add_argument("-o", "--output", help="output prefix (default: RESULT without .h5)")
    parser.add_argument("--task", type=int, help="snapshotted task to draw (default: the first)")
    parser.add_argument("--field", default="oxygen", help="field under the agents (default oxygen)")
    args = parser.parse_args()
    prefix = args.output or args.result.rsplit(".", 1)[0]

    with h5py.File(args.result, "r") as f:
        if "snapshots" not in f or not len(f["snapshots"]):
            print("no snapshots in", args.result, "(add spatial: {snapshots: ...} to the scenario)", file=sys.stderr)
            return 1
        tasks = sorted(f["snapshots"], key=lambda n: int(n[4:]))
        name = f"task{args.task}" if args.task is not None else tasks[0]
        if name not in f["snapshots"]:
            print(f"{name} has no snapshots; snapshotted: {', '.join(tasks)}", file=sys.stderr)
            return 1
        task = f["snapshots"][name]
        times = snapshot_times(task)
        first = task[times[0]]
        if args.field not in first["fields"]:
            print(f"no field '{args.field}'; fields: {', '.join(first['fields'])}", file=sys.stderr)
            return 1
        z_mid = first["fields"][args.field].shape[0] // 2

        written = []
        for t in times:
            fig, ax = plt.subplots(figsize=(6, 5))
            image = draw_slice(ax, task[t], args.field, z_mid)
            fig.colorbar(image, ax=ax, label=f"{args.field} [{task[t]['fields'][args.field].attrs.get('units', '')}]")
            ax.legend(loc="upper right", fontsize=7, markerscale=2)
            path = f"{prefix}_{name}_{t}_slice.png"
            fig.savefig(path, dpi=110, bbox_inches="tight")
            plt.close(fig)
            written.append(path)

        fig = plt.figure(figsize=(6, 5))
        draw_tumour_3d(fig, task[times[-1]])
        path = f"{prefix}_{name}_tumour3d.png"
        fig.savefig(path, dpi=110, bbox_inches="tight")
        plt.close(fig)
        written.append(path)

        fig, ax = plt.subplots(figsize=(6, 5))
        gif = f"{prefix}_{name}.gif"
        writer = PillowWriter(fps=2)
        with writer.saving(fig, gif, dpi=80):
            for t in times:
                ax.clear()
                draw_slice(ax, task[t], args.field, z_mid)
                writer.grab_frame()
        plt.close(fig)
        written.append(gif)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

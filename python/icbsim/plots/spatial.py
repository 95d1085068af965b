"""Renders the lattice snapshots of a spatial result (icbsim.snapshots): a 2-D slice per snapshot
time (agents coloured by type over a field), the 3-D tumour at the last time (tumour cells coloured
by PD-L1) and an animation of the slices as a GIF (matplotlib's PillowWriter, python3-pil)."""
import numpy as np
from matplotlib.animation import PillowWriter

from ..snapshots import snapshot_tasks, snapshots
from ._common import plt

COLOURS = {"tumour": "#8c564b", "cd8": "#d62728", "treg": "#9467bd", "mdsc": "#ff7f0e",
           "macrophage": "#2ca02c", "fibroblast": "#7f7f7f"}


def draw_slice(ax, snap, field, z_index):
    """Agents in the z slice `z_index` coloured by type, over `field` of that slice."""
    values = snap.fields[field][z_index]
    voxel = snap.voxel_um
    ny, nx = values.shape
    image = ax.imshow(values, origin="lower", extent=(0, nx * voxel, 0, ny * voxel), cmap="Blues")
    pos = snap.agents["position"]
    kinds = snap.agents["type"]
    in_slice = np.floor(pos[:, 2] / voxel).astype(int) == z_index if len(pos) else np.zeros(0, bool)
    for code, name in sorted(snap.type_names.items()):
        sel = in_slice & (kinds == code)
        if sel.any():
            ax.scatter(pos[sel, 0], pos[sel, 1], s=4 if name == "tumour" else 9, c=COLOURS.get(name, "k"),
                       label=name, linewidths=0)
    ax.set_xlabel("x [um]")
    ax.set_ylabel("y [um]")
    ax.set_title(f"day {snap.time:g}, {field} (z slice {z_index})")
    return image


def draw_tumour_3d(fig, snap):
    """Tumour cells as a 3-D scatter, coloured by PD-L1 when the agents carry it."""
    ax = fig.add_subplot(projection="3d")
    pos = snap.agents["position"]
    tumour = [c for c, n in snap.type_names.items() if n == "tumour"]
    sel = np.isin(snap.agents["type"], tumour)
    colour = snap.agents["pdl1"][sel] if "pdl1" in snap.agents else None
    points = ax.scatter(pos[sel, 0], pos[sel, 1], pos[sel, 2], c=colour, s=3, cmap="viridis", linewidths=0)
    if colour is not None:
        fig.colorbar(points, ax=ax, shrink=0.6, label="PD-L1 [relative]")
    ax.set_xlabel("x [um]")
    ax.set_ylabel("y [um]")
    ax.set_zlabel("z [um]")
    ax.set_title(f"tumour cells, day {snap.time:g}")


def spatial(path, prefix, task=None, field="oxygen"):
    """Writes PREFIX_task<k>_<t>_slice.png per snapshot, PREFIX_task<k>_tumour3d.png and
    PREFIX_task<k>.gif; returns the paths. ValueError without snapshots or field."""
    tasks = snapshot_tasks(path)
    if not tasks:
        raise ValueError(f"no snapshots in {path} (add spatial: {{snapshots: ...}} to the scenario)")
    task = tasks[0] if task is None else task
    if task not in tasks:
        raise ValueError(f"task{task} has no snapshots; snapshotted: {', '.join(f'task{t}' for t in tasks)}")
    snaps = snapshots(path, task)
    if field not in snaps[0].fields:
        raise ValueError(f"no field '{field}'; fields: {', '.join(snaps[0].fields)}")
    z_mid = snaps[0].fields[field].shape[0] // 2
    name = f"task{task}"
    written = []
    for snap in snaps:
        fig, ax = plt.subplots(figsize=(6, 5))
        image = draw_slice(ax, snap, field, z_mid)
        fig.colorbar(image, ax=ax, label=f"{field} [{snap.field_units.get(field, '')}]")
        ax.legend(loc="upper right", fontsize=7, markerscale=2)
        out = f"{prefix}_{name}_{snap.label}_slice.png"
        fig.savefig(out, dpi=110, bbox_inches="tight")
        plt.close(fig)
        written.append(out)
    fig = plt.figure(figsize=(6, 5))
    draw_tumour_3d(fig, snaps[-1])
    out = f"{prefix}_{name}_tumour3d.png"
    fig.savefig(out, dpi=110, bbox_inches="tight")
    plt.close(fig)
    written.append(out)
    fig, ax = plt.subplots(figsize=(6, 5))
    gif = f"{prefix}_{name}.gif"
    writer = PillowWriter(fps=2)
    with writer.saving(fig, gif, dpi=80):
        for snap in snaps:
            ax.clear()
            draw_slice(ax, snap, field, z_mid)
            writer.grab_frame()
    plt.close(fig)
    written.append(gif)
    for out in written:
        print(out)
    return written

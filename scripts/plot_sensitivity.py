#!/usr/bin/python3
"""Draws the sensitivity indices of an icbsim sweep result file (/sweep/sensitivity) into one PNG
per (arm, output): Sobol' first-order and total indices with their bootstrap intervals (Saltelli
designs), Morris mu* against sigma (Morris designs), or partial rank correlation coefficients
(grid, Latin hypercube and Sobol' designs). Uses Debian's python3-numpy, python3-h5py and
python3-matplotlib only; docs/sensitivity.md describes the datasets."""
import argparse
import os
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def text_attr(obj, name):
    value = obj.attrs[name]
    return value.decode() if isinstance(value, bytes) else str(value)


def safe(name):
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)


def plot_sobol(ax, group, axes):
    y = np.arange(len(axes))
    first, total = group["first"][()], group["total"][()]
    first_err = np.vstack([first - group["first_lower"][()], group["first_upper"][()] - first])
    total_err = np.vstack([total - group["total_lower"][()], group["total_upper"][()] - total])
    level = float(group.attrs["level"])
    ax.barh(y - 0.2, first, height=0.4, xerr=np.clip(first_err, 0, None), color="#4c72b0", label="first order S1")
    ax.barh(y + 0.2, total, height=0.4, xerr=np.clip(total_err, 0, None), color="#dd8452", label="total ST")
    ax.set_yticks(y, axes)
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel(f"Sobol' index (bars: {100 * level:.0f}% bootstrap intervals)")
    ax.legend(loc="lower right")


def plot_morris(ax, group, axes):
    mu_star, sigma = group["mu_star"][()], group["sigma"][()]
    ax.scatter(mu_star, sigma, color="#4c72b0")
    for x, s, name in zip(mu_star, sigma, axes):
        ax.annotate(name, (x, s), textcoords="offset points", xytext=(4, 4), fontsize=8)
    ax.set_xlabel("mu* (mean |elementary effect|)")
    ax.set_ylabel("sigma (interactions and non-linearity)")


def plot_prcc(ax, group, axes):
    y = np.arange(len(axes))
    values = group["prcc"][()]
    ax.barh(y, values, color=np.where(values >= 0, "#4c72b0", "#c44e52"))
    ax.set_yticks(y, axes)
    ax.invert_yaxis()
    ax.set_xlim(-1, 1)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel("partial rank correlation coefficient")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("result", help="sweep result file (.h5)")
    parser.add_argument("-o", "--output", required=True, help="folder for the PNGs")
    args = parser.parse_args()
    with h5py.File(args.result, "r") as f:
        if "sweep" not in f or "sensitivity" not in f["sweep"]:
            sys.exit(f"{args.result}: no /sweep/sensitivity (not a finished sweep)")
        sweep = f["sweep"]
        axes = text_attr(sweep, "axes").split(",")
        title = text_attr(f, "scenario_file")
        os.makedirs(args.output, exist_ok=True)
        for arm, outputs in sweep["sensitivity"].items():
            for output, group in outputs.items():
                if "not_computed" in group.attrs:
                    print(f"skipped {output} ({arm}): {text_attr(group, 'not_computed')}")
                    continue
                fig, ax = plt.subplots(figsize=(7, 0.45 * len(axes) + 1.8))
                if "first" in group:
                    plot_sobol(ax, group, axes)
                elif "mu_star" in group:
                    plot_morris(ax, group, axes)
                else:
                    plot_prcc(ax, group, axes)
                design = text_attr(sweep, "design")
                points = int(sweep.attrs["points"])
                ax.set_title(f"{output} ({arm})\n{os.path.basename(title)}: {design} design, {points} points", fontsize=10)
                fig.tight_layout()
                path = os.path.join(args.output, f"{safe(arm)}_{safe(output)}.png")
                fig.savefig(path, dpi=120)
                plt.close(fig)
                print(f"wrote {path}")


if __name__ == "__main__":
    main()

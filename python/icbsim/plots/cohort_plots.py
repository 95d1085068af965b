#!/usr/bin/python3
"""Draws the trial-style plots of an icbsim cohort result file (one with a tumour/scans readout)
into a folder of PNGs: waterfall, spider, swimmer, Kaplan-Meier, carried mechanisms and the
phenotype panel. A plot whose data the file lacks is skipped with a message. Failed tasks are
left out of every plot. Uses Debian's python3-numpy, python3-h5py and python3-matplotlib only;
docs/plots.md describes each plot and the datasets it reads."""
import argparse
import os
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

RESPONSES = ["CR", "PR", "SD", "PD", "NE"]
RESPONSE_COLOURS = {"CR": "#1a7837", "PR": "#7fbf3f", "SD": "#e6a117", "PD": "#c0282d", "NE": "#9e9e9e"}
RESPONSE_NAMES = {"CR": "complete response", "PR": "partial response", "SD": "stable disease",
                  "PD": "progressive disease", "NE": "not evaluable"}
SPIDER_MAX = 200     # patients drawn per arm in the spider plot (the first ones)
SWIMMER_MAX = 40     # patients drawn per arm in the swimmer plot (the first ones)
SPIDER_YCUT = 200.0  # the spider plot's y axis ends here [%]; steeper lines leave the panel


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def enum_map(ds):
    """name -> value of an HDF5 enum dataset, or None for a plain one."""
    return h5py.check_enum_dtype(ds.dtype)


def read_bool(ds):
    """An enum {FALSE, TRUE} dataset as numpy bool, whether h5py maps it to bool or to int8."""
    values = ds[()]
    mapping = enum_map(ds)
    if mapping and "TRUE" in mapping:
        return values == mapping["TRUE"]
    return values.astype(bool)


def read_names(ds):
    """An enum dataset as an array of its member names."""
    mapping = enum_map(ds)
    inverse = {v: k for k, v in mapping.items()}
    return np.array([inverse.get(int(v), "?") for v in ds[()]], dtype=object)


class Cohort:
    """The completed (status ok) tasks of a result file, with their arm and readout."""

    def __init__(self, path):
        self.path = path
        with h5py.File(path, "r") as f:
            self.model = str(f.attrs.get("model", ""))
            self.scenario = str(f.attrs.get("scenario_file", os.path.basename(path)))
            status = f["outcomes/status"]
            ok = status[()] == enum_map(status)["ok"]
            self.failed = int((~ok).sum())
            self.n = int(ok.sum())

            if "tasks/arm" in f:
                arm_ds = f["tasks/arm"]
                mapping = enum_map(arm_ds)
                arm_values = arm_ds[()][ok]
                ordered = sorted(mapping.items(), key=lambda kv: kv[1])
                present = [(name, value) for name, value in ordered if np.any(arm_values == value)]
                self.arms = [name for name, _ in present]
                self.arm = np.zeros(self.n, dtype=int)
                for i, (_, value) in enumerate(present):
                    self.arm[arm_values == value] = i
            else:
                self.arms = ["all"]
                self.arm = np.zeros(self.n, dtype=int)
            self.patient = f["tasks/patient"][()][ok] if "tasks/patient" in f else np.arange(self.n)

            self.carries = {}
            if "tasks/carries" in f:
                for name, ds in f["tasks/carries"].items():
                    self.carries[name] = read_bool(ds)[ok]

            o = f["outcomes"]

            def num(name):
                return o[name][()][ok].astype(float) if name in o else None

            def flag(name):
                return read_bool(o[name])[ok] if name in o else None

            self.best = read_names(o["best_response"])[ok] if "best_response" in o else None
            self.best_change = num("best_change_pct")
            self.pfs, self.pfs_event = num("pfs_days"), flag("pfs_event")
            self.os, self.os_event = num("os_days"), flag("os_event")
            self.response_day, self.progression_day = num("response_day"), num("progression_day")
            self.sitc = read_names(o["sitc_class"])[ok] if "sitc_class" in o else None

            self.scan_time = f["scans/time"][()] if "scans/time" in f else None
            self.sld = f["scans/sld_mm"][()][ok] if "scans/sld_mm" in f else None

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


def save(fig, outdir, name):
    os.makedirs(outdir, exist_ok=True)
    path = os.path.join(outdir, name)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    print("wrote", path)
    return path


def skip(name, reason):
    print(f"skipped {name}: {reason}")
    return None


def plot_waterfall(c, outdir):
    name = "waterfall.png"
    if c.best_change is None or c.best is None:
        return skip(name, "no /outcomes/best_change_pct or /outcomes/best_response (no readout)")
    if not np.isfinite(c.best_change).any():
        return skip(name, "no patient has an evaluable best % change")
    fig, axes, first = panels(len(c.arms))
    present = set()
    for i, ax in enumerate(axes):
        rows = c.rows(i)
        change = c.best_change[rows]
        keep = np.isfinite(change)
        order = np.argsort(-change[keep], kind="stable")
        values = change[keep][order]
        classes = c.best[rows][keep][order]
        present.update(classes)
        x = np.arange(len(values))
        ax.set_axisbelow(True)
        ax.bar(x, values, width=1.0 if len(values) >= 20 else 0.8,
               color=[RESPONSE_COLOURS.get(r, "k") for r in classes],
               edgecolor="white", linewidth=0.3 if len(values) < 150 else 0)
        ax.axhline(20, color="k", ls="--", lw=0.8)
        ax.axhline(-30, color="k", ls="--", lw=0.8)
        ax.axhline(0, color="k", lw=0.6)
        ax.set_xlim(-0.5, max(len(values), 10) - 0.5)
        ax.set_xticks([])
        nev = int((~keep).sum())
        not_drawn = f"; {nev} not evaluable, not drawn" if nev else ""
        ax.set_xlabel(f"patients, sorted (n = {len(values)}{not_drawn})")
        ax.set_title(c.arms[i])
        ax.text(1.0, 20, " +20 %", transform=ax.get_yaxis_transform(), va="center", fontsize=7, clip_on=False)
        ax.text(1.0, -30, " −30 %", transform=ax.get_yaxis_transform(), va="center", fontsize=7, clip_on=False)
        ax.grid(axis="y", alpha=0.3)
    for ax in first:
        ax.set_ylabel("best change of SLD from baseline [%]")
    fig.suptitle(c.title("Waterfall"), fontsize=10)
    response_legend_below(fig, present)
    return save(fig, outdir, name)


def plot_spider(c, outdir):
    name = "spider.png"
    if c.sld is None or c.scan_time is None or c.best is None:
        return skip(name, "no /scans/sld_mm, /scans/time or /outcomes/best_response")
    with np.errstate(invalid="ignore", divide="ignore"):
        change = 100.0 * (c.sld / c.sld[:, :1] - 1.0)
    change[~np.isfinite(change)] = np.nan
    if not np.isfinite(change[:, 1:]).any():
        return skip(name, "no evaluable follow-up scan")
    fig, axes, first = panels(len(c.arms))
    present = set()
    top = -np.inf
    for i, ax in enumerate(axes):
        rows = c.rows(i)
        drawn = rows[:SPIDER_MAX]
        for r in drawn:
            y = change[r]
            keep = np.isfinite(y)
            if c.os is not None and c.os_event is not None and c.os_event[r]:
                keep &= c.scan_time <= c.os[r]   # no scans after death
            if keep.sum() < 1:
                continue
            colour = RESPONSE_COLOURS.get(c.best[r], "k")
            present.add(c.best[r])
            ax.plot(c.scan_time[keep], y[keep], color=colour, lw=0.8, alpha=0.7, marker="o", ms=1.5)
            top = max(top, np.nanmax(y[keep]))
        ax.axhline(20, color="k", ls="--", lw=0.8)
        ax.axhline(-30, color="k", ls="--", lw=0.8)
        ax.axhline(0, color="k", lw=0.6)
        shown = (f"first {len(drawn)} of {len(rows)} patients" if len(drawn) < len(rows)
                 else plural(len(rows), "patient"))
        ax.set_title(f"{c.arms[i]} ({shown})")
        ax.set_xlabel("time from baseline scan [day]")
        ax.grid(alpha=0.3)
    ylim_top = min(max(top, 25.0) + 5.0, SPIDER_YCUT)
    axes[0].set_ylim(-105, ylim_top)
    cut = f" (axis cut at +{SPIDER_YCUT:.0f} %)" if top > SPIDER_YCUT else ""
    for ax in first:
        ax.set_ylabel(f"change of SLD from baseline [%]{cut}")
    fig.suptitle(c.title("Spider plot"), fontsize=10)
    response_legend_below(fig, present)
    return save(fig, outdir, name)


def plot_swimmer(c, outdir):
    name = "swimmer.png"
    if c.pfs is None and c.os is None:
        return skip(name, "no /outcomes/pfs_days or /outcomes/os_days")
    n = len(c.arms)
    nmax = max(min(len(c.rows(i)), SWIMMER_MAX) for i in range(n))
    ncol_legend = 5 if n > 1 else 3
    legend_height = 0.3 + 0.2 * -(-9 // ncol_legend)
    fig, axes, _ = panels(n, width=6.0, height=max(1.4 + 0.2 * nmax, 3.0), sharey=False,
                          extra_height=legend_height)
    none = np.zeros(c.n, dtype=bool)
    os_event = c.os_event if c.os_event is not None else none
    pfs_event = c.pfs_event if c.pfs_event is not None else none
    drawn = set()
    xmax = np.nanmax([np.nanmax(v) for v in (c.pfs, c.os) if v is not None and np.isfinite(v).any()] + [1.0])
    arrow = 0.045 * xmax
    for i, ax in enumerate(axes):
        rows = c.rows(i)[:SWIMMER_MAX]
        # longest on top: sort by OS, then PFS (stable, so ties keep task order)
        key_os = c.os[rows] if c.os is not None else np.zeros(len(rows))
        key_pfs = c.pfs[rows] if c.pfs is not None else np.zeros(len(rows))
        rows = rows[np.lexsort((key_pfs, key_os))]
        for y, r in enumerate(rows):
            best = c.best[r] if c.best is not None else "NE"
            colour = RESPONSE_COLOURS.get(best, "k")
            if c.os is not None and np.isfinite(c.os[r]):
                drawn.add("os")
                ax.barh(y, c.os[r], height=0.8, color="#dddddd", edgecolor="#bbbbbb", lw=0.4)
                if os_event[r]:
                    drawn.add("death")
                    ax.plot(c.os[r], y, marker="s", color="k", ms=3.5, ls="none")
                else:
                    drawn.add("censored")
                    ax.annotate("", xy=(c.os[r] + arrow, y), xytext=(c.os[r], y),
                                arrowprops=dict(arrowstyle="->", color="#555555", lw=0.9))
            if c.pfs is not None and np.isfinite(c.pfs[r]):
                drawn.add(best)
                ax.barh(y, c.pfs[r], height=0.5, color=colour)
                # a censored PFS gets its own arrow unless the OS bar's arrow is right behind it
                os_close = (c.os is not None and np.isfinite(c.os[r]) and not os_event[r]
                            and c.os[r] - c.pfs[r] < 0.05 * xmax)
                if not pfs_event[r] and not os_close:
                    drawn.add("censored")
                    ax.annotate("", xy=(c.pfs[r] + arrow, y), xytext=(c.pfs[r], y),
                                arrowprops=dict(arrowstyle="->", color=colour, lw=1.1))
            if c.response_day is not None and np.isfinite(c.response_day[r]):
                drawn.add("response")
                ax.plot(c.response_day[r], y, marker="^", color="#2166ac", ms=5, ls="none", mec="white", mew=0.4)
            if c.progression_day is not None and np.isfinite(c.progression_day[r]):
                drawn.add("progression")
                ax.plot(c.progression_day[r], y, marker="X", color="#b2182b", ms=5, ls="none", mec="white",
                        mew=0.4)
        ax.set_yticks(np.arange(len(rows)))
        ax.set_yticklabels([str(int(p)) for p in c.patient[rows]], fontsize=6)
        ax.set_ylim(-0.7, max(len(rows), 1) - 0.3)
        ax.set_xlim(0, xmax * 1.1)
        ax.set_xlabel("time from treatment start [day]")
        ax.set_ylabel("patient")
        total = len(c.rows(i))
        ax.set_title(f"{c.arms[i]} (first {len(rows)} of {total} patients)" if len(rows) < total
                     else f"{c.arms[i]} ({plural(total, 'patient')})")
        ax.grid(axis="x", alpha=0.3)
    handles = [Patch(color=RESPONSE_COLOURS[r], label=f"PFS, best response {r}") for r in RESPONSES if r in drawn]
    markers = [("os", Patch(facecolor="#dddddd", edgecolor="#bbbbbb", label="OS")),
               ("response", Line2D([], [], marker="^", color="#2166ac", ls="none",
                                   label="response (first CR/PR scan)")),
               ("progression", Line2D([], [], marker="X", color="#b2182b", ls="none", label="progression")),
               ("death", Line2D([], [], marker="s", color="k", ls="none", label="death")),
               ("censored", Line2D([], [], marker=r"$\rightarrow$", color="#555555", ls="none", ms=9,
                                   label="censored (ongoing)"))]
    handles += [h for key, h in markers if key in drawn]
    # the legend's rows are known now: give the figure just the room they need
    needed = 0.3 + 0.2 * -(-len(handles) // ncol_legend)
    fig.set_figheight(fig.get_figheight() - legend_height + needed)
    legend_height = needed
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), ncol_legend), fontsize=7, frameon=False)
    fig.suptitle(c.title("Swimmer plot"), fontsize=10)
    fig.tight_layout(rect=(0, legend_height / fig.get_figheight(), 1, 1))
    return save(fig, outdir, name)


def kaplan_meier(times, events):
    """Product-limit estimate: step times (starting at 0) and S just after each, censored times and
    S at them, and the median (NaN when S never reaches 0.5)."""
    keep = np.isfinite(times)
    t, e = times[keep], events[keep].astype(bool)
    event_times = np.unique(t[e])
    at_risk = np.array([(t >= u).sum() for u in event_times])
    deaths = np.array([((t == u) & e).sum() for u in event_times])
    surv = np.cumprod(1.0 - deaths / np.maximum(at_risk, 1)) if len(event_times) else np.array([])
    step_t = np.concatenate(([0.0], event_times))
    step_s = np.concatenate(([1.0], surv))
    cens_t = np.sort(t[~e])
    idx = np.searchsorted(event_times, cens_t, side="right")  # events at or before each censoring
    cens_s = step_s[idx]
    below = np.flatnonzero(step_s <= 0.5)
    median = step_t[below[0]] if len(below) else np.nan
    return step_t, step_s, cens_t, cens_s, median


def plot_kaplan_meier(c, outdir):
    name = "kaplan_meier.png"
    endpoints = [(label, t, e) for label, t, e in (("Progression-free survival", c.pfs, c.pfs_event),
                                                   ("Overall survival", c.os, c.os_event))
                 if t is not None and e is not None and np.isfinite(t).any()]
    if not endpoints:
        return skip(name, "no /outcomes/pfs_days+pfs_event or os_days+os_event")
    narms = len(c.arms)
    colours = [plt.get_cmap("tab10")(i % 10) for i in range(narms)]
    table_h = 0.25 * (narms + 1)
    fig, grid = plt.subplots(2, len(endpoints), figsize=(6.5 * len(endpoints), 4.2 + table_h),
                             gridspec_kw=dict(height_ratios=[4.2, table_h]), squeeze=False)
    tmax = max(np.nanmax(t) for _, t, _ in endpoints)
    ticks = MaxNLocator(nbins=8, steps=[1, 2, 3, 5, 6, 10], integer=True).tick_values(0, tmax)
    ticks = ticks[(ticks >= 0) & (ticks <= tmax)]
    for col, (label, times, events) in enumerate(endpoints):
        ax, tab = grid[0, col], grid[1, col]
        for i, arm in enumerate(c.arms):
            rows = c.rows(i)
            st, ss, ct, cs, median = kaplan_meier(times[rows], events[rows])
            med = "not reached" if np.isnan(median) else f"{median:.0f} day"
            ax.step(np.append(st, np.nanmax(times[rows])), np.append(ss, ss[-1]), where="post",
                    color=colours[i], lw=1.5, label=f"{arm} (n = {len(rows)}, median {med})")
            ax.plot(ct, cs, marker="|", ls="none", color=colours[i], ms=7, mew=1.0)
        ax.axhline(0.5, color="grey", ls=":", lw=0.8)
        ax.set_ylim(-0.02, 1.03)
        ax.set_xlim(0, tmax * 1.02)
        ax.set_xticks(ticks)
        ax.set_ylabel(f"{label.lower()} [probability]")
        ax.set_xlabel("time from treatment start [day]")
        ax.set_title(label)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, loc="lower left", title="arm (| censored)", title_fontsize=7)
        # numbers at risk, aligned with the curve's x axis
        tab.set_xlim(ax.get_xlim())
        tab.set_ylim(narms - 0.5, -1.2)
        tab.axis("off")
        tab.text(0, -1, "number at risk", fontsize=7, fontweight="bold", ha="left", va="center",
                 transform=tab.get_yaxis_transform())
        for i, arm in enumerate(c.arms):
            t_arm = times[c.rows(i)]
            tab.annotate(arm, xy=(0, i), xycoords=tab.get_yaxis_transform(), xytext=(-14, 0),
                         textcoords="offset points", color=colours[i], fontsize=7, ha="right", va="center")
            for tick in ticks:
                tab.text(tick, i, str(int((t_arm >= tick).sum())), fontsize=7, ha="center", va="center",
                         color=colours[i])
    fig.suptitle(c.title("Kaplan–Meier"), fontsize=10)
    fig.tight_layout()
    return save(fig, outdir, name)


def plot_mechanisms(c, outdir):
    name = "mechanisms.png"
    if not c.carries:
        return skip(name, "no /tasks/carries (no mechanism carried at a prevalence)")
    if c.sitc is None:
        return skip(name, "no /outcomes/sitc_class")
    mechanisms = sorted(c.carries)
    evaluable = c.sitc != "not_evaluable"
    primary = c.sitc == "primary_resistance"
    ncols = min(len(mechanisms), 3)
    nrows = -(-len(mechanisms) // ncols)
    width = max(4.5, 1.3 * len(c.arms) + 1.5)
    fig, axes = plt.subplots(nrows, ncols, figsize=(max(width * ncols, 9.0), 4.0 * nrows + 0.4), sharey=True,
                             squeeze=False)
    x = np.arange(len(c.arms))
    w = 0.38
    for k, mech in enumerate(mechanisms):
        ax = axes.flat[k]
        carrier = c.carries[mech]
        for offset, group, label, colour in ((-w / 2, carrier, "carriers", "#762a83"),
                                             (w / 2, ~carrier, "non-carriers", "#a6dba0")):
            rates, notes = [], []
            for i in range(len(c.arms)):
                sel = (c.arm == i) & group & evaluable
                n, k_pr = int(sel.sum()), int((sel & primary).sum())
                rates.append(100.0 * k_pr / n if n else 0.0)
                notes.append(f"{k_pr}/{n}" if n else "n = 0")
            bars = ax.bar(x + offset, rates, width=w, color=colour, label=label, edgecolor="k", lw=0.4)
            for bar, note in zip(bars, notes):
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + 1.5, note, ha="center",
                        va="bottom", fontsize=7)
        ax.set_xticks(x)
        ax.set_xticklabels(c.arms, fontsize=8)
        ax.set_title(f"{mech} (carried by {int(carrier.sum())} of {c.n} tasks)", fontsize=9)
        ax.set_ylim(0, 112)
        ax.grid(axis="y", alpha=0.3)
        if k % ncols == 0:
            ax.set_ylabel("primary resistance [% of evaluable]")
        ax.legend(fontsize=7, loc="upper right")
        if not evaluable.any():
            ax.text(0.5, 0.5, "no SITC-evaluable patient\n(an untreated run is not evaluable)", ha="center",
                    va="center", transform=ax.transAxes, fontsize=8, color="grey")
    for ax in list(axes.flat)[len(mechanisms):]:
        ax.axis("off")
    fig.suptitle(c.title("Primary resistance (SITC) by carried mechanism") +
                 "\nbar labels: primary resistance / SITC-evaluable patients", fontsize=10)
    fig.tight_layout()
    return save(fig, outdir, name)


def plot_panel(c, outdir):
    name = "panel.png"
    if len(c.arms) < 2:
        return skip(name, "a single arm (the panel compares arms)")
    if c.best is None:
        return skip(name, "no /outcomes/best_response")
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(max(9.0, 1.6 * len(c.arms) + 5.0), 4.8))
    x = np.arange(len(c.arms))
    bottom = np.zeros(len(c.arms))
    for r in RESPONSES:
        share = np.array([100.0 * np.mean(c.best[c.rows(i)] == r) for i in range(len(c.arms))])
        if not share.any():
            continue
        ax.bar(x, share, bottom=bottom, color=RESPONSE_COLOURS[r], label=r, edgecolor="white", lw=0.5, width=0.6)
        for xi, (b, s) in enumerate(zip(bottom, share)):
            if s >= 4:
                ax.text(xi, b + s / 2, f"{s:.0f}", ha="center", va="center", fontsize=7,
                        color="white" if r in ("CR", "PD") else "k")
        bottom += share
    for i in range(len(c.arms)):
        best = c.best[c.rows(i)]
        orr = 100.0 * np.mean((best == "CR") | (best == "PR"))
        ax.text(i, 101, f"ORR {orr:.0f} %\nn = {len(best)}", ha="center", va="bottom", fontsize=7)
    ax.set_xticks(x)
    ax.set_xticklabels(c.arms, fontsize=8, rotation=20 if len(c.arms) > 4 else 0)
    ax.set_ylim(0, 115)
    ax.set_ylabel("patients [%]")
    ax.set_title("Best overall response (RECIST 1.1)", fontsize=9)
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5), title="best response", title_fontsize=7)

    if c.best_change is not None and np.isfinite(c.best_change).any():
        medians, lo, hi, ns = [], [], [], []
        for i in range(len(c.arms)):
            v = c.best_change[c.rows(i)]
            v = v[np.isfinite(v)]
            ns.append(len(v))
            if len(v):
                q1, q2, q3 = np.percentile(v, [25, 50, 75])
            else:
                q1 = q2 = q3 = np.nan
            medians.append(q2)
            lo.append(q2 - q1)
            hi.append(q3 - q2)
        medians = np.array(medians)
        colours = [RESPONSE_COLOURS["PR"] if m <= -30 else RESPONSE_COLOURS["PD"] if m >= 20
                   else RESPONSE_COLOURS["SD"] for m in medians]
        bx.bar(x, np.nan_to_num(medians), color=colours, width=0.6, edgecolor="k", lw=0.4,
               yerr=[np.nan_to_num(lo), np.nan_to_num(hi)], capsize=4, error_kw=dict(lw=0.8))
        bx.axhline(20, color="k", ls="--", lw=0.8)
        bx.axhline(-30, color="k", ls="--", lw=0.8)
        bx.axhline(0, color="k", lw=0.6)
        bx.set_xticks(x)
        bx.set_xticklabels([f"{arm}\nmedian {m:+.1f} %\n(n = {n})" if n else f"{arm}\n(n = 0)"
                            for arm, m, n in zip(c.arms, medians, ns)], fontsize=7)
        bx.set_ylabel("median best change of SLD [%]")
        bx.set_title("Median best % change (whiskers: interquartile range;\n"
                     "colour: the PR / SD / PD band the median falls in)", fontsize=9)
        bx.grid(axis="y", alpha=0.3)
    else:
        bx.axis("off")
        bx.text(0.5, 0.5, "no evaluable best % change", ha="center", va="center", transform=bx.transAxes)
    fig.suptitle(c.title("Phenotype panel"), fontsize=10)
    fig.tight_layout()
    return save(fig, outdir, name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("result", help="icbsim cohort result file (.h5)")
    parser.add_argument("-o", "--output", metavar="DIR",
                        help="folder for the PNGs (default: RESULT without .h5, plus _plots)")
    args = parser.parse_args()
    base = args.result[:-3] if args.result.endswith(".h5") else args.result
    outdir = args.output or base + "_plots"

    try:
        cohort = Cohort(args.result)
    except (OSError, KeyError) as err:
        print(f"cannot read {args.result}: {err}", file=sys.stderr)
        return 1
    if cohort.n == 0:
        print(f"{args.result}: no completed task to plot", file=sys.stderr)
        return 1
    written = [p for p in (plot_waterfall(cohort, outdir), plot_spider(cohort, outdir),
                           plot_swimmer(cohort, outdir), plot_kaplan_meier(cohort, outdir),
                           plot_mechanisms(cohort, outdir), plot_panel(cohort, outdir)) if p]
    if not written:
        print(f"{args.result}: nothing to plot (no tumour/scans readout?)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

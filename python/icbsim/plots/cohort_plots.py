"""The trial-style plots of a cohort result file (one with a tumour/scans readout): waterfall,
spider, swimmer, Kaplan-Meier, carried mechanisms and the phenotype panel, one file each. A plot
whose data the file lacks is skipped with a message; failed tasks are left out of every plot.
docs/plots.md describes each plot and the fields it reads."""
import os

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..proportion import wilson
from ..report import trial_report
from ..survival import kaplan_meier
from ..units import convert, parse
from ._common import (FORMATS, RESPONSE_COLOURS, RESPONSES, Cohort, panels, plt, plural, response_legend_below,
                      save, skip)

SPIDER_MAX = 200     # patients drawn per arm in the spider plot (the first ones)
SWIMMER_MAX = 40     # patients drawn per arm in the swimmer plot (the first ones)
SPIDER_YCUT = 200.0  # the spider plot's y axis ends here [%]; steeper lines leave the panel


def plot_waterfall(c, outdir, fmt="png"):
    name = "waterfall"
    if c.best_change is None or c.best is None:
        return skip(name, "no best_change_pct or best_response outcome (no readout)")
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
        ax.set_ylabel(f"best change of SLD from baseline [{c.unit('best_change_pct')}]")
    fig.suptitle(c.title("Waterfall"), fontsize=10)
    response_legend_below(fig, present)
    return save(fig, os.path.join(outdir, f"{name}.{fmt}"))


def plot_spider(c, outdir, fmt="png"):
    name = "spider"
    if c.sld is None or c.scan_time is None or c.best is None:
        return skip(name, "no scans (sld_mm, scan times) or best_response outcome")
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
        ax.set_xlabel(f"time from baseline scan [{c.scan_unit}]")
        ax.grid(alpha=0.3)
    ylim_top = min(max(top, 25.0) + 5.0, SPIDER_YCUT)
    axes[0].set_ylim(-105, ylim_top)
    cut = f" (axis cut at +{SPIDER_YCUT:.0f} %)" if top > SPIDER_YCUT else ""
    for ax in first:
        ax.set_ylabel(f"change of SLD from baseline [%]{cut}")
    fig.suptitle(c.title("Spider plot"), fontsize=10)
    response_legend_below(fig, present)
    return save(fig, os.path.join(outdir, f"{name}.{fmt}"))


def plot_swimmer(c, outdir, fmt="png"):
    name = "swimmer"
    if c.pfs is None and c.os is None:
        return skip(name, "no pfs_days or os_days outcome")
    n = len(c.arms)
    nmax = max(min(len(c.rows(i)), SWIMMER_MAX) for i in range(n))
    ncol_legend = 5 if n > 1 else 3
    legend_height = 0.3 + 0.2 * -(-9 // ncol_legend)
    fig, axes, _ = panels(n, width=6.0, height=max(1.4 + 0.2 * nmax, 3.0), sharey=False,
                          extra_height=legend_height)
    # The axis in the report's time unit (months) when the file has a report, else the file's.
    file_unit = c.unit("os_days" if c.os is not None else "pfs_days")
    axis_unit = report_time_unit(c) or file_unit

    def in_axis_unit(values, outcome):
        return None if values is None else convert(values, c.unit(outcome), axis_unit)

    pfs = in_axis_unit(c.pfs, "pfs_days")
    os_t = in_axis_unit(c.os, "os_days")
    response = in_axis_unit(c.response_day, "response_day")
    progression = in_axis_unit(c.progression_day, "progression_day")
    none = np.zeros(c.n, dtype=bool)
    os_event = c.os_event if c.os_event is not None else none
    pfs_event = c.pfs_event if c.pfs_event is not None else none
    drawn = set()
    xmax = np.nanmax([np.nanmax(v) for v in (pfs, os_t) if v is not None and np.isfinite(v).any()] + [1.0])
    arrow = 0.045 * xmax
    for i, ax in enumerate(axes):
        rows = c.rows(i)[:SWIMMER_MAX]
        # longest on top: sort by OS, then PFS (stable, so ties keep task order)
        key_os = os_t[rows] if os_t is not None else np.zeros(len(rows))
        key_pfs = pfs[rows] if pfs is not None else np.zeros(len(rows))
        rows = rows[np.lexsort((key_pfs, key_os))]
        for y, r in enumerate(rows):
            best = c.best[r] if c.best is not None else "NE"
            colour = RESPONSE_COLOURS.get(best, "k")
            if os_t is not None and np.isfinite(os_t[r]):
                drawn.add("os")
                ax.barh(y, os_t[r], height=0.8, color="#dddddd", edgecolor="#bbbbbb", lw=0.4)
                if os_event[r]:
                    drawn.add("death")
                    ax.plot(os_t[r], y, marker="s", color="k", ms=3.5, ls="none")
                else:
                    drawn.add("censored")
                    ax.annotate("", xy=(os_t[r] + arrow, y), xytext=(os_t[r], y),
                                arrowprops=dict(arrowstyle="->", color="#555555", lw=0.9))
            if pfs is not None and np.isfinite(pfs[r]):
                drawn.add(best)
                ax.barh(y, pfs[r], height=0.5, color=colour)
                # a censored PFS gets its own arrow unless the OS bar's arrow is right behind it
                os_close = (os_t is not None and np.isfinite(os_t[r]) and not os_event[r]
                            and os_t[r] - pfs[r] < 0.05 * xmax)
                if not pfs_event[r] and not os_close:
                    drawn.add("censored")
                    ax.annotate("", xy=(pfs[r] + arrow, y), xytext=(pfs[r], y),
                                arrowprops=dict(arrowstyle="->", color=colour, lw=1.1))
            if response is not None and np.isfinite(response[r]):
                drawn.add("response")
                ax.plot(response[r], y, marker="^", color="#2166ac", ms=5, ls="none", mec="white", mew=0.4)
            if progression is not None and np.isfinite(progression[r]):
                drawn.add("progression")
                ax.plot(progression[r], y, marker="X", color="#b2182b", ms=5, ls="none", mec="white",
                        mew=0.4)
        ax.set_yticks(np.arange(len(rows)))
        ax.set_yticklabels([str(int(p)) for p in c.patient[rows]], fontsize=6)
        ax.set_ylim(-0.7, max(len(rows), 1) - 0.3)
        ax.set_xlim(0, xmax * 1.1)
        ax.set_xlabel(f"time from treatment start [{axis_unit}]")
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
    return save(fig, os.path.join(outdir, f"{name}.{fmt}"))


def report_time_unit(c):
    """The time unit of the file's trial report ('month'), or None without a report."""
    if not c.report:
        return None
    unit = trial_report(c.path).time_unit
    parse(unit)
    return unit


def plot_kaplan_meier(c, outdir, fmt="png"):
    name = "kaplan_meier"
    endpoints = [(label, t, e) for label, t, e in (("Progression-free survival", c.pfs, c.pfs_event),
                                                   ("Overall survival", c.os, c.os_event))
                 if t is not None and e is not None and np.isfinite(t).any()]
    if not endpoints:
        return skip(name, "no pfs_days+pfs_event or os_days+os_event outcomes")
    # The axis in the report's time unit (months) when the file has a report, else the file's.
    file_unit = c.unit("pfs_days") if c.pfs is not None else c.unit("os_days")
    axis_unit = report_time_unit(c) or file_unit
    endpoints = [(label, convert(t, file_unit, axis_unit), e) for label, t, e in endpoints]
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
            keep = np.isfinite(times[rows])
            km = kaplan_meier(times[rows][keep], events[rows][keep])
            median = km.median().median
            med = "not reached" if np.isnan(median) else f"{median:.1f} {axis_unit}"
            st, ss = km.steps()
            ax.step(np.append(st, np.nanmax(times[rows])), np.append(ss, ss[-1]), where="post",
                    color=colours[i], lw=1.5, label=f"{arm} (n = {len(rows)}, median {med})")
            ct, cs = km.censored_points()
            ax.plot(ct, cs, marker="|", ls="none", color=colours[i], ms=7, mew=1.0)
        ax.axhline(0.5, color="grey", ls=":", lw=0.8)
        ax.set_ylim(-0.02, 1.03)
        ax.set_xlim(0, tmax * 1.02)
        ax.set_xticks(ticks)
        ax.set_ylabel(f"{label.lower()} [probability]")
        ax.set_xlabel(f"time from treatment start [{axis_unit}]")
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
    return save(fig, os.path.join(outdir, f"{name}.{fmt}"))


def plot_mechanisms(c, outdir, fmt="png"):
    name = "mechanisms"
    if not c.carries:
        return skip(name, "no carried mechanisms (none drawn at a prevalence)")
    if c.sitc is None:
        return skip(name, "no sitc_class outcome")
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
            rates, low, high, notes = [], [], [], []
            for i in range(len(c.arms)):
                sel = (c.arm == i) & group & evaluable
                n, k_pr = int(sel.sum()), int((sel & primary).sum())
                p, lo, hi = wilson(k_pr, n)
                rates.append(100.0 * p if n else 0.0)
                low.append(100.0 * (p - lo) if n else 0.0)
                high.append(100.0 * (hi - p) if n else 0.0)
                notes.append(f"{k_pr}/{n}" if n else "n = 0")
            bars = ax.bar(x + offset, rates, width=w, color=colour, label=label, edgecolor="k", lw=0.4,
                          yerr=[low, high], capsize=3, error_kw=dict(lw=0.8))
            for bar, note, up in zip(bars, notes, high):
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + up + 1.5, note, ha="center",
                        va="bottom", fontsize=7)
        ax.set_xticks(x)
        ax.set_xticklabels(c.arms, fontsize=8)
        ax.set_title(f"{mech} (carried by {int(carrier.sum())} of {c.n} tasks)", fontsize=9)
        ax.set_ylim(0, 118)
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
                 "\nbar labels: primary resistance / SITC-evaluable patients; whiskers: Wilson 95 % intervals", fontsize=10)
    fig.tight_layout()
    return save(fig, os.path.join(outdir, f"{name}.{fmt}"))


def plot_panel(c, outdir, fmt="png"):
    name = "panel"
    if len(c.arms) < 2:
        return skip(name, "a single arm (the panel compares arms)")
    if c.best is None:
        return skip(name, "no best_response outcome")
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
    return save(fig, os.path.join(outdir, f"{name}.{fmt}"))




PLOTS = (plot_waterfall, plot_spider, plot_swimmer, plot_kaplan_meier, plot_mechanisms, plot_panel)


def cohort(path, outdir=None, fmt="png"):
    """Draws every cohort plot of a result file into `outdir` (default: the file's path without
    .h5, plus _plots) as `fmt` (png, svg or pdf); returns the paths written. ValueError when the
    file has no completed task."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    path = os.fspath(path)
    outdir = outdir or (path[:-3] if path.endswith(".h5") else path) + "_plots"
    c = Cohort(path)
    if c.n == 0:
        raise ValueError(f"{path}: no completed task to plot")
    return [p for p in (plot(c, outdir, fmt) for plot in PLOTS) if p]

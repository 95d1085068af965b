#!/usr/bin/python3
"""Writes docs/validation.md and its plots from result files of the trial scenarios.

Called by scripts/make_validation_report.sh after `icbsim run` of every scenario in
configs/trials. Published values, scales and sources come from the calibration configs
(configs/calibration/nsclc.yaml, nsclc_squamous.yaml) and from the held-out table below; simulated values are computed
here from the result files (read through the icbsim package, python/icbsim): proportions with
Wilson 95 % intervals, Kaplan-Meier medians with Brookmeyer-Crowley (log-log) 95 % intervals (the
estimators of the engine's trial report), the median volume-doubling time with a bootstrap
interval. Uses Debian's python3 with numpy, matplotlib and PyYAML besides the package.
"""
import argparse
import datetime
import math
import os
import sys

import matplotlib
import numpy as np
import yaml

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import icbsim  # noqa: E402
from icbsim.proportion import wilson  # noqa: E402

DAYS_PER_MONTH = 30.4375
TOLERANCE = {"orr": ("points", 5.0), "dcr": ("points", 5.0), "best_cr": ("points", 7.0), "best_pr": ("points", 7.0),
             "best_sd": ("points", 7.0), "best_pd": ("points", 7.0), "median_pfs": ("relative", 0.25),
             "median_os": ("relative", 0.25), "median_vdt": ("relative", 0.20)}
BEST = {"best_cr": [0], "best_pr": [1], "best_sd": [2], "best_pd": [3], "orr": [0, 1], "dcr": [0, 1, 2]}

# Held-out comparisons (not fitted): published values of the control arms (Rittmeyer 2017; Brahmer 2015).
HELD_OUT = [
    ("keynote024", "chemotherapy", "best_pd", "n/a", None, None),
    ("oak", "docetaxel", "orr", "13 %", "OAK, Rittmeyer Lancet 2017", None),
    ("oak", "docetaxel", "best_sd", "42 %", "OAK, Rittmeyer Lancet 2017 Table 2", None),
    ("oak", "docetaxel", "best_pd", "28 %", "OAK, Rittmeyer Lancet 2017 Table 2: 117/425", None),
    ("oak", "docetaxel", "median_pfs", "4.0 months", "OAK, Rittmeyer Lancet 2017", None),
    ("checkmate017", "docetaxel", "orr", "9 %", "CheckMate 017, Brahmer NEJM 2015", None),
    ("checkmate017", "docetaxel", "median_pfs", "2.8 months", "CheckMate 017, Brahmer NEJM 2015", None),
]
HAZARD_RATIOS = [("keynote024", "chemotherapy", 0.50, "0.37-0.68", "KEYNOTE-024 PFS HR pembrolizumab vs chemotherapy",
                  "KEYNOTE-024, Reck NEJM 2016"),
                 ("oak", "docetaxel", 0.95, "0.82-1.10", "OAK PFS HR atezolizumab vs docetaxel", "OAK, Rittmeyer Lancet 2017"),
                 ("checkmate017", "docetaxel", 0.62, "0.47-0.81", "CheckMate 017 PFS HR nivolumab vs docetaxel",
                  "CheckMate 017, Brahmer NEJM 2015")]


def quantity(text):
    """'44.8 %' -> 0.448, '10.3 months' -> days, '191 day' -> 191."""
    number, _, unit = str(text).strip().partition(" ")
    value = float(number)
    unit = unit.strip()
    if unit in ("%", "percent"):
        return value / 100.0
    if unit in ("month", "months"):
        return value * DAYS_PER_MONTH
    if unit in ("day", "days", "d", ""):
        return value
    raise ValueError("unknown unit in " + text)


def kaplan_meier(times, events):
    """Event times, S(t) and the log-log 95 % band at the event times, starting at (0, 1)."""
    km = icbsim.kaplan_meier(times, events)
    at = km.events > 0
    return (np.concatenate(([0.0], km.time[at])), np.concatenate(([1.0], km.survival[at])),
            np.concatenate(([1.0], km.lower[at])), np.concatenate(([1.0], km.upper[at])))


class Arm:
    def __init__(self, path, arm):
        table = icbsim.outcomes(path)
        in_arm = (table["arm"] == arm).to_numpy()
        ok = (table["status"] == "ok").to_numpy()
        mine = in_arm & ok
        self.n = int(mine.sum())
        self.failed = int((in_arm & ~ok).sum())
        best = table["best_response"][mine]
        self.best = np.array([(best == r).sum() for r in best.cat.categories])
        self.pfs = (table["pfs_days"].to_numpy()[mine], table["pfs_event"].to_numpy(bool)[mine])
        with icbsim.open_result(path) as ds:
            d = ds["tumour_diameter"].values[mine]
            time = ds["time"].values
            self.wall = float(ds.attrs["wall_seconds"])
        self.growth = 3.0 * np.log(d[:, -1] / d[:, 0]) / (time[-1] - time[0])
        report = icbsim.trial_report(path).comparisons
        self.comparison = report[report.arm == arm]

    def statistic(self, name, rng):
        """(value, low, high) in fractions or days."""
        if name in BEST:
            k = int(sum(self.best[i] for i in BEST[name]))
            return wilson(k, self.n)
        if name == "median_pfs":
            m = icbsim.kaplan_meier(*self.pfs).median()
            return m.median, m.lower, m.upper
        if name == "median_vdt":
            value = math.log(2) / np.median(self.growth)
            boot = [math.log(2) / np.median(rng.choice(self.growth, len(self.growth))) for _ in range(2000)]
            return value, float(np.percentile(boot, 2.5)), float(np.percentile(boot, 97.5))
        raise ValueError(name)

    def hazard_ratio(self):
        """PFS hazard ratio of this arm against the first arm, with its interval (the report's Cox fit)."""
        if self.comparison.empty:
            return (float("nan"),) * 3
        row = self.comparison.iloc[0]
        return row.pfs_hr, row.pfs_hr_lower, row.pfs_hr_upper


def shown(name, v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "NR"
    if name in BEST:
        return "%.1f %%" % (100 * v)
    if name == "median_vdt":
        return "%.0f d" % v
    return "%.1f mo" % (v / DAYS_PER_MONTH)


def compare(name, published, simulated):
    kind, tol = TOLERANCE[name]
    if math.isnan(simulated):
        return "n/a", False, ("±%g points" % tol if kind == "points" else "±%g %%" % (100 * tol))
    if kind == "points":
        diff = 100 * (simulated - published)
        return "%+.1f points" % diff, abs(diff) <= tol, "±%g points" % tol
    rel = simulated / published - 1
    return "%+.0f %%" % (100 * rel), abs(rel) <= tol, "±%g %%" % (100 * tol)


def km_plot(trials, results, figures):
    fig, axes = plt.subplots(1, len(trials), figsize=(5 * len(trials), 4), squeeze=False)
    for ax, (trial, arms) in zip(axes[0], trials.items()):
        for i, (arm, published) in enumerate(arms.items()):
            a = results[(trial, arm)]
            t, s, lo, hi = kaplan_meier(*a.pfs)
            colour = "C%d" % i
            ax.step(t / DAYS_PER_MONTH, s, where="post", color=colour, label="%s (simulated)" % arm)
            ax.fill_between(t / DAYS_PER_MONTH, lo, hi, step="post", color=colour, alpha=0.15)
            if published is not None:
                ax.plot([published / DAYS_PER_MONTH], [0.5], "o", color=colour, mec="k",
                        label="%s published median %.1f mo" % (arm, published / DAYS_PER_MONTH))
        ax.axhline(0.5, color="grey", lw=0.5, ls=":")
        ax.set_title(trial)
        ax.set_xlabel("months")
        ax.set_ylabel("progression-free survival")
        ax.set_xlim(0, 24)
        ax.set_ylim(0, 1.02)
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(os.path.join(figures, "kaplan_meier_pfs.png"), dpi=110)
    plt.close(fig)


def response_plot(bars, figures):
    fig, ax = plt.subplots(figsize=(9, 3.8))
    categories = ["CR", "PR", "SD", "PD"]
    width = 0.8 / len(bars)
    for i, (label, simulated, published) in enumerate(bars):
        x = np.arange(4) + i * width
        ax.bar(x, [100 * v for v in simulated], width, color="C%d" % i, alpha=0.8, label=label + " simulated")
        ax.plot(x, [100 * v if v is not None else np.nan for v in published], "k_", ms=14, mew=2)
    ax.plot([], [], "k_", ms=14, mew=2, label="published")
    ax.set_xticks(np.arange(4) + 0.4 - width / 2)
    ax.set_xticklabels(categories)
    ax.set_ylabel("% of patients (best overall response)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(os.path.join(figures, "best_response.png"), dpi=110)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", required=True, help="folder of <trial>.h5 result files")
    parser.add_argument("--config", required=True, action="append", help="calibration config(s) with the targets")
    parser.add_argument("--output", required=True, help="the markdown file to write")
    parser.add_argument("--started", type=float, required=True, help="epoch seconds when the script began")
    parser.add_argument("--notes", help="markdown appended verbatim (shortfalls and their reasons)")
    args = parser.parse_args()
    rng = np.random.default_rng(20240607)
    targets = [t for path in args.config for t in yaml.safe_load(open(path))["targets"]]
    figures = os.path.join(os.path.dirname(args.output), "validation")
    os.makedirs(figures, exist_ok=True)
    results = {}

    def arm(trial, name):
        if (trial, name) not in results:
            results[(trial, name)] = Arm(os.path.join(args.results, trial + ".h5"), name)
        return results[(trial, name)]

    rows, passed = [], 0
    for t in targets:
        published = quantity(t["value"])
        value, lo, hi = arm(t["scenario"], t["arm"]).statistic(t["statistic"], rng)
        diff, ok, tol = compare(t["statistic"], published, value)
        passed += ok
        rows.append("| %s %s %s | %s | %s | %s (%s-%s) | %s | %s | %s |" % (
            t["scenario"], t["arm"], t["statistic"], shown(t["statistic"], published), t["source"],
            shown(t["statistic"], value), shown(t["statistic"], lo), shown(t["statistic"], hi), diff, tol,
            "pass" if ok else "**FAIL**"))
    held = []
    for trial, name, statistic, text, source, _ in HELD_OUT:
        if source is None:
            continue
        published = quantity(text)
        value, lo, hi = arm(trial, name).statistic(statistic, rng)
        diff, ok, tol = compare(statistic, published, value)
        held.append("| %s %s %s | %s | %s | %s (%s-%s) | %s | %s | %s |" % (
            trial, name, statistic, shown(statistic, published), source, shown(statistic, value),
            shown(statistic, lo), shown(statistic, hi), diff, tol, "within" if ok else "outside"))
    for trial, name, published, interval, what, source in HAZARD_RATIOS:
        hr, lo, hi = arm(trial, name).hazard_ratio()
        # The report gives the control arm against the first (ICB) arm; the trials the ICB arm
        # against control: invert.
        held.append("| %s | %.2f (%s) | %s | %.2f (%.2f-%.2f) | | published CI | %s |" % (
            what, published, interval, source, 1 / hr, 1 / hi, 1 / lo,
            "within" if float(interval.split("-")[0]) <= 1 / hr <= float(interval.split("-")[1]) else "outside"))

    trials = {"keynote024": {}, "oak": {}, "checkmate017": {}}
    for t in targets:
        if t["statistic"] == "median_pfs":
            trials[t["scenario"]][t["arm"]] = quantity(t["value"])
    for trial, name, statistic, text, source, _ in HELD_OUT:
        if statistic == "median_pfs" and source:
            trials[trial][name] = quantity(text)
    for trial in trials:
        for name in list(trials[trial]):
            arm(trial, name)
    km_plot(trials, results, figures)
    share = lambda a: [a.best[i] / a.n for i in range(4)]  # noqa: E731
    response_plot([("OAK atezolizumab", share(arm("oak", "atezolizumab")), [0.014, 0.122, 0.35, 0.44]),
                   ("OAK docetaxel", share(arm("oak", "docetaxel")), [None, 0.13, 0.42, 0.28]),
                   ("KEYNOTE-024 pembrolizumab", share(arm("keynote024", "pembrolizumab")), [None, None, None, None]),
                   ("CheckMate 017 nivolumab", share(arm("checkmate017", "nivolumab")), [None, None, None, None])],
                  figures)

    runs = sum(a.wall for a in {id(a): a for a in results.values()}.values())
    populations = os.path.join(os.path.dirname(args.config[0]), "..", "populations")
    overlays = [(name, open(os.path.join(populations, name)).read()) for name in
                ("nsclc_fitted.yaml", "second_line.yaml", "second_line_squamous.yaml")]
    elapsed = datetime.datetime.now().timestamp() - args.started
    root = icbsim.root_attributes(os.path.join(args.results, "keynote024.h5"))
    version = "%s (%s)" % (root["icbsim_version"], root["git_commit"])
    out = []
    out.append("# Validation of the calibrated NSCLC population\n")
    out.append("Generated by `bash scripts/make_validation_report.sh` (do not edit: re-run it) on %s UTC with icbsim %s; "
               "the script ran for %.0f s on this machine (simulations and report; %d OpenMP threads).\n" % (
                   datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), version, elapsed,
                   int(os.environ.get("OMP_NUM_THREADS", "0") or 0)))
    out.append("It runs the trial scenarios of `configs/trials/` (KEYNOTE-024, OAK, CheckMate 017 and untreated growth), "
               "each with the population of `configs/populations/nsclc.yaml` and the values fitted by "
               "`icbsim calibrate configs/calibration/nsclc.yaml` and then `configs/calibration/nsclc_squamous.yaml` "
               "(docs/calibration.md), with the trials' own seeds and sizes (other virtual patients than the fit's), "
               "and compares every calibration target of the configs with its published value. Proportions are of all simulated patients (NE in the "
               "denominator) with Wilson 95 % intervals; medians are Kaplan–Meier medians with Brookmeyer–Crowley "
               "(log–log) 95 % intervals; the median volume-doubling time has a bootstrap 95 % interval (2,000 "
               "resamples). Tolerances are those of issue #7.\n")
    out.append("## Calibration targets: %d of %d met\n" % (passed, len(rows)))
    out.append("| target | published | source | simulated (95 % CI) | difference | tolerance | result |")
    out.append("|---|---|---|---|---|---|---|")
    out.extend(rows)
    out.append("\n## Held-out comparisons (not fitted)\n")
    out.append("Control arms and hazard ratios, which the fit did not see. Hazard ratios are the run's Cox estimates "
               "(Efron ties) inverted to experimental versus control; the virtual arms are paired digital twins, so "
               "their intervals are narrower than a randomised trial's.\n")
    out.append("| comparison | published | source | simulated (95 % CI) | difference | tolerance | result |")
    out.append("|---|---|---|---|---|---|---|")
    out.extend(held)
    out.append("\n## Plots\n")
    out.append("![Kaplan-Meier PFS of every arm against the published medians](validation/kaplan_meier_pfs.png)\n")
    out.append("Progression-free survival of the simulated arms (shaded: pointwise log–log 95 % band); dots: published "
               "medians at S = 0.5.\n")
    out.append("![Best overall response](validation/best_response.png)\n")
    out.append("Best overall response of the simulated arms (bars) and the published shares where the publication gives "
               "them (black marks; OAK Table 2).\n")
    out.append("## The fitted values\n")
    scope = {"nsclc_fitted.yaml": "every scenario", "second_line.yaml": "OAK",
             "second_line_squamous.yaml": "CheckMate 017"}
    for name, text in overlays:
        out.append("`configs/populations/%s` (%s):\n\n```yaml\n%s\n```\n" % (name, scope[name], text.strip()))
    if args.notes:
        out.append(open(args.notes).read().strip() + "\n")
    out.append("Simulation time of the runs: %.0f s (sum of the result files' wall times).\n" % runs)
    with open(args.output, "w") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()

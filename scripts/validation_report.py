#!/usr/bin/python3
"""Writes docs/validation.md and its plots from the result files of the trial scenarios.

Called by scripts/make_validation_report.sh after `icbsim run` of every scenario in configs/trials,
the default cohort and the nivolumab-vs-pembrolizumab scenario. Published values come from the
calibration config (its targets) and from configs/validation/held_out.yaml (never fitted);
simulated values are computed here from the per-patient outcomes of the result files (read through
the icbsim package, python/icbsim): proportions with Wilson 95 % intervals, Kaplan-Meier medians
with Brookmeyer-Crowley (log-log) intervals and landmarks with Greenwood (log-log) intervals (the
estimators of the engine's trial report), Cox hazard ratios (Efron ties) with Wald intervals, and
bootstrap intervals for the median volume-doubling time and restricted mean survival times.
"""
import argparse
import datetime
import math
import os
import re
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
Z95 = 1.959963984540054
BOOTSTRAP = 400
# Acceptance tolerance per statistic: ("points", x) absolute in percentage points, ("relative", x)
# a share of the published value, ("ci", None) the published interval (hazard ratios).
TOLERANCE = {"orr": ("points", 5.0), "dcr": ("points", 5.0), "best_cr": ("points", 7.0), "best_pr": ("points", 7.0),
             "best_sd": ("points", 7.0), "best_pd": ("points", 7.0), "median_pfs": ("relative", 0.25),
             "median_os": ("relative", 0.25), "median_vdt": ("relative", 0.20), "landmark_os": ("points", 5.0),
             "landmark_pfs": ("points", 5.0), "rmst_os": ("relative", 0.25), "rmst_pfs": ("relative", 0.25),
             "hr_os": ("ci", None), "hr_pfs": ("ci", None)}
BEST = {"best_cr": ["CR"], "best_pr": ["PR"], "best_sd": ["SD"], "best_pd": ["PD"], "orr": ["CR", "PR"],
        "dcr": ["CR", "PR", "SD"]}
TPS_CLASSES = [("<1 %", None, 1.0), ("1-49 %", 1.0, 50.0), (">=50 %", 50.0, None)]
# Screened NSCLC TPS classes <1 / 1-49 / >=50 % (Huang 2021).
TPS_SCREENED = [0.35, 0.35, 0.30]


# ---------------------------------------------------------------- statistics


def quantity(text):
    """'44.8 %' -> 0.448, '10.3 months' -> days, '191 day' -> 191, 0.81 -> 0.81."""
    number, _, unit = str(text).strip().partition(" ")
    value, unit = float(number), unit.strip()
    if unit in ("%", "percent"):
        return value / 100.0
    if unit in ("month", "months"):
        return value * DAYS_PER_MONTH
    if unit in ("week", "weeks"):
        return value * 7.0
    if unit in ("year", "years"):
        return value * 365.25
    if unit in ("day", "days", "d", ""):
        return value
    raise ValueError("unknown unit in " + str(text))


def cox_hazard_ratio(times, events, group, iterations=50):
    """Hazard ratio of group 1 against group 0 from the Cox partial likelihood with Efron's
    handling of tied event times (Newton-Raphson), with its Wald 95 % interval: (hr, lower, upper)."""
    times, events, group = np.asarray(times, float), np.asarray(events, bool), np.asarray(group, bool)
    event_times = np.unique(times[events])
    n1 = np.array([np.sum(group & (times >= t)) for t in event_times], float)
    n0 = np.array([np.sum(~group & (times >= t)) for t in event_times], float)
    d1 = np.array([np.sum(group & events & (times == t)) for t in event_times], float)
    d0 = np.array([np.sum(~group & events & (times == t)) for t in event_times], float)
    d = d0 + d1
    width = int(d.max()) if len(d) else 0
    # Efron: the l-th of the d tied deaths (l = 0..d-1) sees the risk set less l/d of the dying.
    frac = np.arange(width)[None, :] / np.maximum(d, 1)[:, None]
    live = np.arange(width)[None, :] < d[:, None]

    def derivatives(beta):
        r = math.exp(beta)
        s0 = (n0 + n1 * r)[:, None] - frac * (d0 + d1 * r)[:, None]
        s1 = (n1 * r)[:, None] - frac * (d1 * r)[:, None]
        ratio = np.where(live, s1 / np.where(live, s0, 1.0), 0.0)
        return d1.sum() - ratio.sum(), np.sum(np.where(live, ratio - ratio * ratio, 0.0))

    beta = 0.0
    for _ in range(iterations):
        score, information = derivatives(beta)
        if information <= 0:
            return math.nan, math.nan, math.nan
        step = max(-2.0, min(2.0, score / information))
        beta += step
        if abs(step) < 1e-10:
            break
    _, information = derivatives(beta)
    se = 1.0 / math.sqrt(information)
    return math.exp(beta), math.exp(beta - Z95 * se), math.exp(beta + Z95 * se)


def landmark(km, t):
    """S(t) with the pointwise log-log interval of Greenwood's variance: (S, lower, upper)."""
    k = int(np.searchsorted(km.time, t, side="right")) - 1
    if k < 0:
        return 1.0, 1.0, 1.0
    if t > km.time[-1] and km.survival[-1] > 0:
        return math.nan, math.nan, math.nan  # beyond the follow-up
    return float(km.survival[k]), float(km.lower[k]), float(km.upper[k])


def rmst(km, horizon):
    """Restricted mean survival time: the area under the Kaplan-Meier step function to horizon."""
    t, s = km.steps()
    edges = np.clip(np.append(t, horizon), 0, horizon)
    return float(np.sum(s * np.diff(edges)))


def bootstrap(function, samples, rng, *arrays):
    """Percentile 95 % interval of function(*resampled arrays)."""
    n = len(arrays[0])
    values = [function(*(a[idx] for a in arrays)) for idx in (rng.integers(0, n, n) for _ in range(samples))]
    return float(np.nanpercentile(values, 2.5)), float(np.nanpercentile(values, 97.5))


# ---------------------------------------------------------------- result files


class Results:
    """The result files of one folder, one outcomes table per scenario, read on first use."""

    def __init__(self, folder):
        self.folder = folder
        self.tables = {}

    def path(self, scenario):
        return os.path.join(self.folder, scenario + ".h5")

    def table(self, scenario):
        if scenario not in self.tables:
            self.tables[scenario] = icbsim.outcomes(self.path(scenario))
        return self.tables[scenario]

    def arm(self, scenario, arm, tps=None):
        """Boolean row mask of the completed tasks of an arm ('all': every arm), in a TPS stratum
        {min, max} of the measured baseline TPS (min inclusive, max exclusive)."""
        table = self.table(scenario)
        mask = (table["status"] == "ok").to_numpy()
        if arm != "all":
            mask &= (table["arm"] == arm).to_numpy()
        if tps:
            value = table["tps"].to_numpy(float)
            if "min" in tps:
                mask &= value >= 100 * quantity(tps["min"])
            if "max" in tps:
                mask &= value < 100 * quantity(tps["max"])
        return mask

    def survival(self, scenario, mask, endpoint):
        table = self.table(scenario)
        return (table[endpoint + "_days"].to_numpy(float)[mask], table[endpoint + "_event"].to_numpy(bool)[mask])

    def growth(self, scenario, mask):
        """Untreated growth rate of each patient's tumour volume [1/day] over the whole run."""
        with icbsim.open_result(self.path(scenario)) as ds:
            d = ds["tumour_diameter"].values[mask]
            time = ds["time"].values
        return 3.0 * np.log(d[:, -1] / d[:, 0]) / (time[-1] - time[0])

    def wall_seconds(self):
        return {name[:-3]: float(icbsim.root_attributes(os.path.join(self.folder, name))["wall_seconds"])
                for name in sorted(os.listdir(self.folder)) if name.endswith(".h5") and name.count(".") == 1}


def simulate(results, target, rng):
    """(value, lower, upper) of a target's statistic in the simulated trial: fractions or days, a
    plain ratio for hazard ratios."""
    name, scenario = target["statistic"], target["scenario"]
    mask = results.arm(scenario, target["arm"], target.get("tps"))
    table = results.table(scenario)
    if name in BEST:
        best = table["best_response"][mask].astype(str)
        return wilson(int(best.isin(BEST[name]).sum()), int(mask.sum()))
    if name == "median_vdt":
        growth = results.growth(scenario, mask)
        vdt = lambda g: math.log(2) / np.median(g)  # noqa: E731
        return (vdt(growth),) + bootstrap(vdt, 2000, rng, growth)
    endpoint = name.split("_")[1]
    times, events = results.survival(scenario, mask, endpoint)
    if name.startswith("median_"):
        m = icbsim.kaplan_meier(times, events).median()
        return m.median, m.lower, m.upper
    if name.startswith("landmark_"):
        return landmark(icbsim.kaplan_meier(times, events), quantity(target["at"]))
    if name.startswith("rmst_"):
        horizon = quantity(target["at"])
        area = lambda t, e: rmst(icbsim.kaplan_meier(t, e), horizon)  # noqa: E731
        return (area(times, events),) + bootstrap(area, BOOTSTRAP, rng, times, events)
    if name.startswith("hr_"):
        other = results.arm(scenario, target["against"], target.get("tps"))
        t2, e2 = results.survival(scenario, other, endpoint)
        group = np.concatenate((np.ones(len(times), bool), np.zeros(len(t2), bool)))
        return cox_hazard_ratio(np.concatenate((times, t2)), np.concatenate((events, e2)), group)
    raise ValueError("unknown statistic " + name)


# ---------------------------------------------------------------- comparisons


def shown(name, v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "NR"
    if name in BEST or name.startswith("landmark_"):
        return "%.1f %%" % (100 * v)
    if name.startswith("hr_"):
        return "%.2f" % v
    if name == "median_vdt":
        return "%.0f d" % v
    return "%.1f mo" % (v / DAYS_PER_MONTH)


def published_interval(target):
    """The published 95 % interval of a hazard ratio: `ci: [lo, hi]`, else the source text's
    'lo-hi', else +-2 scale (the calibration's half-tolerance scale)."""
    if "ci" in target:
        return float(target["ci"][0]), float(target["ci"][1])
    match = re.search(r"(\d\.\d+)\s*[-–]\s*(\d\.\d+)", str(target.get("source", "")))
    if match:
        return float(match.group(1)), float(match.group(2))
    value, scale = float(target["value"]), float(target.get("scale", "nan"))
    return value - 2 * scale, value + 2 * scale


def compare(target, published, simulated):
    """(difference text, within tolerance, tolerance text)."""
    name = target["statistic"]
    kind, tol = TOLERANCE[name]
    if kind == "ci":
        lo, hi = published_interval(target)
        within = lo <= simulated <= hi
        return "%+.2f" % (simulated - published), within, "%.2f-%.2f" % (lo, hi)
    text = "±%g points" % tol if kind == "points" else "±%g %%" % (100 * tol)
    if math.isnan(simulated):
        return "n/a", False, text
    if kind == "points":
        diff = 100 * (simulated - published)
        return "%+.1f points" % diff, abs(diff) <= tol, text
    rel = simulated / published - 1
    return "%+.0f %%" % (100 * rel), abs(rel) <= tol, text


def label(target):
    parts = [target["scenario"], target["arm"], target["statistic"]]
    if "against" in target:
        parts.append("vs " + target["against"])
    if "at" in target:
        parts.append("at " + str(target["at"]))
    tps = target.get("tps") or {}
    if "min" in tps:
        parts.append("TPS >= " + str(tps["min"]))
    if "max" in tps:
        parts.append("TPS < " + str(tps["max"]))
    return " ".join(parts)


def comparison_table(results, targets, rng, words):
    """Markdown rows comparing each target with the simulation; words = (met, not met)."""
    lines = ["| target | published | source | simulated (95 % CI) | difference | tolerance | result |",
             "|---|---|---|---|---|---|---|"]
    met = 0
    for t in targets:
        published = quantity(t["value"])
        value, lo, hi = simulate(results, t, rng)
        diff, ok, tol = compare(t, published, value)
        met += ok
        name = t["statistic"]
        lines.append("| %s | %s | %s | %s (%s-%s) | %s | %s | %s |" % (
            label(t), shown(name, published), t.get("source", ""), shown(name, value), shown(name, lo),
            shown(name, hi), diff, tol, words[0] if ok else words[1]))
    return met, lines


# ---------------------------------------------------------------- sections


def targets_section(results, targets, rng, title, intro):
    met, lines = comparison_table(results, targets, rng, ("pass", "**FAIL**"))
    return ["\n## %s: %d of %d met\n" % (title, met, len(targets)), intro + "\n"] + lines, (met, len(targets))


def held_out_section(results, held_out, rng):
    met, lines = comparison_table(results, held_out, rng, ("within", "outside"))
    return ["\n## Held-out trials: %d of %d within tolerance\n" % (met, len(held_out)),
            "KEYNOTE-042, KEYNOTE-407 and CheckMate 026 (`configs/validation/held_out.yaml`) were never fitted. "
            "Hazard ratios are Cox estimates (Efron ties) of the arm against the `vs` arm; the virtual arms are "
            "paired digital twins, so their intervals are narrower than a randomised trial's.\n"] + lines, (met, len(held_out))


def km_section(results, statements, figures):
    """One panel per two-arm trial, every arm with its log-log band; published medians (dots at
    S = 0.5) and landmarks (crosses) of the all-comer population marked."""
    trials = sorted({t["scenario"] for t in statements if t["scenario"] != "untreated"})
    lines = ["\n## Kaplan–Meier curves\n"]
    for endpoint, title in (("pfs", "progression-free survival"), ("os", "overall survival")):
        columns = 3
        rows = (len(trials) + columns - 1) // columns
        fig, axes = plt.subplots(rows, columns, figsize=(5 * columns, 3.8 * rows), squeeze=False)
        for ax, trial in zip(axes.flat, trials):
            arms = list(results.table(trial)["arm"].cat.categories)
            for i, arm in enumerate(arms):
                colour = "C%d" % i
                km = icbsim.kaplan_meier(*results.survival(trial, results.arm(trial, arm), endpoint))
                t, s = km.steps()
                ax.step(t / DAYS_PER_MONTH, s, where="post", color=colour, label=arm)
                ax.fill_between(t / DAYS_PER_MONTH, np.append(1.0, km.lower), np.append(1.0, km.upper), step="post",
                                color=colour, alpha=0.15)
                for t in statements:
                    if t["scenario"] != trial or t["arm"] != arm or t.get("tps"):
                        continue
                    if t["statistic"] == "median_" + endpoint:
                        ax.plot(quantity(t["value"]) / DAYS_PER_MONTH, 0.5, "o", color=colour, mec="k")
                    if t["statistic"] == "landmark_" + endpoint:
                        ax.plot(quantity(t["at"]) / DAYS_PER_MONTH, quantity(t["value"]), "X", color=colour, mec="k")
            ax.axhline(0.5, color="grey", lw=0.5, ls=":")
            ax.set_title(trial)
            ax.set_xlabel("months")
            ax.set_ylabel(title)
            ax.set_xlim(0, 24)
            ax.set_ylim(0, 1.02)
            ax.legend(fontsize=7)
        for ax in list(axes.flat)[len(trials):]:
            ax.axis("off")
        fig.tight_layout()
        name = "kaplan_meier_%s.png" % endpoint
        fig.savefig(os.path.join(figures, name), dpi=100)
        plt.close(fig)
        lines.append("![Kaplan-Meier %s of every simulated arm](validation/%s)\n" % (title, name))
    lines.append("Simulated arms with pointwise log–log 95 % bands; dots: published medians at S = 0.5; crosses: "
                 "published landmarks (calibration and held-out statistics of the whole enrolled population).\n")
    return lines


def distributions_section(results, cohort, config_dir, figures):
    """Baseline SLD, untreated VDT against the C1 log-normal, TPS classes against screened NSCLC
    (Huang 2021) and covariate prevalences against their published values."""
    table = results.table(cohort)
    first_arm = results.arm(cohort, str(table["arm"].cat.categories[0]))
    with icbsim.open_result(results.path(cohort)) as ds:
        sld = ds["sld_mm"].values[:, 0][first_arm]
    untreated = results.arm("untreated", "all")
    vdt = math.log(2) / results.growth("untreated", untreated)
    tps = table["tps"].to_numpy(float)[first_arm]
    classes = [np.mean((tps >= (lo or -1)) & (tps < (hi or 101))) for _, lo, hi in TPS_CLASSES]
    fitted = yaml.safe_load(open(os.path.join(config_dir, "populations", "nsclc_fitted.yaml")))
    cv = fitted["population"]["distributions"]["tumour_growth_rate"].get("cv", 0.6)
    sigma = math.sqrt(math.log(1 + cv * cv))

    fig, axes = plt.subplots(1, 3, figsize=(15, 3.8))
    axes[0].hist(sld[np.isfinite(sld)], bins=40, color="C0")
    axes[0].set_xlabel("baseline SLD [mm] (default cohort)")
    positive = vdt[vdt > 0]
    bins = np.logspace(np.log10(max(positive.min(), 10)), np.log10(min(positive.max(), 1e4)), 40)
    axes[1].hist(positive, bins=bins, density=True, color="C1", alpha=0.7, label="simulated (untreated)")
    grid = np.sqrt(bins[1:] * bins[:-1])
    pdf = np.exp(-(np.log(grid / 191.0)) ** 2 / (2 * sigma * sigma)) / (grid * sigma * math.sqrt(2 * math.pi))
    axes[1].plot(grid, pdf, "k-", label="log-normal, median 191 d")
    axes[1].set_xscale("log")
    axes[1].set_xlabel("volume-doubling time [day]")
    axes[1].legend(fontsize=7)
    x = np.arange(3)
    axes[2].bar(x - 0.2, [100 * c for c in classes], 0.4, label="simulated (default cohort)")
    axes[2].bar(x + 0.2, [100 * c for c in TPS_SCREENED], 0.4, label="screened NSCLC (Huang 2021)")
    axes[2].set_xticks(x)
    axes[2].set_xticklabels([c[0] for c in TPS_CLASSES])
    axes[2].set_ylabel("% of patients")
    axes[2].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(os.path.join(figures, "distributions.png"), dpi=100)
    plt.close(fig)

    lines = ["\n## Observed and simulated distributions\n",
             "![Baseline SLD, untreated VDT and TPS classes](validation/distributions.png)\n",
             "Baseline SLD of the default cohort (no published distribution is compared); volume-doubling times of "
             "the untreated scenario against a log-normal of median 191 days (Mackintosh 2014) with the fitted "
             "growth-rate spread (cv %.2f); measured baseline TPS classes of the default cohort against screened "
             "NSCLC (Huang 2021).\n" % cv,
             "| quantity | published | simulated |", "|---|---|---|",
             "| median baseline SLD (default cohort) | – | %.0f mm |" % np.nanmedian(sld),
             "| median VDT (untreated) | 191 d (Mackintosh 2014) | %.0f d |" % np.median(vdt)]
    for (name, _, _), share, published in zip(TPS_CLASSES, classes, TPS_SCREENED):
        lines.append("| TPS %s | %.0f %% (Huang 2021) | %.1f %% |" % (name, 100 * published, 100 * share))
    for column in [c for c in table.columns if c.startswith("carries_")]:
        name = column[len("carries_"):]
        published = "–"
        for folder in ("phenotypes", "host"):
            path = os.path.join(config_dir, folder, name + ".yaml")
            if os.path.exists(path):
                prevalence = yaml.safe_load(open(path)).get("prevalence") or {}
                if "value" in prevalence:
                    published = "%.1f %% (%s)" % (100 * prevalence["value"], prevalence.get("source", ""))
        lines.append("| %s prevalence | %s | %.1f %% |" % (name, published, 100 * table[column].to_numpy(bool)[first_arm].mean()))
    return lines


def counts(results, scenario, arm, field, tps=None):
    """(k, n): patients of an arm with best response in field's list or a true flag, of those for
    whom the field is defined."""
    mask = results.arm(scenario, arm, tps)
    table = results.table(scenario)
    if field in BEST:
        return int(table["best_response"][mask].astype(str).isin(BEST[field]).sum()), int(mask.sum())
    flags = table[field].to_numpy(float)[mask] if field in table else np.full(int(mask.sum()), np.nan)
    if field == "hyperprogression" and "tgr_pre" in table:
        # Undefined without a pre-treatment growth rate (no pre-baseline scan in the scenario).
        flags[~np.isfinite(table["tgr_pre"].to_numpy(float)[mask])] = np.nan
    defined = np.isfinite(flags)
    return int(np.sum(flags[defined] > 0.5)), int(defined.sum())


def rate(results, scenario, arm, field, tps=None):
    """(share, lower, upper) with the Wilson interval; NaNs when the field is defined for nobody."""
    return wilson(*counts(results, scenario, arm, field, tps))


def pooled_rate(results, pairs, field):
    k, n = np.sum([counts(results, scenario, arm, field) for scenario, arm in pairs], axis=0)
    return wilson(int(k), int(n))


def default_cohort_section(results, cohort):
    """The default cohort's plausibility ranges, hyperprogression and nivolumab vs pembrolizumab."""
    pct = lambda v: "n/a" if math.isnan(v[0]) else "%.1f %% (%.1f-%.1f)" % tuple(100 * x for x in v)  # noqa: E731
    checks = []

    def check(what, shown_value, expected, ok):
        result = "n/a" if "n/a" in shown_value else ("met" if ok else "**not met**")
        checks.append("| %s | %s | %s | %s |" % (what, shown_value, expected, result))

    orr = rate(results, cohort, "pembrolizumab", "orr")
    check("pembrolizumab ORR, all comers", pct(orr), "20–35 %", 0.20 <= orr[0] <= 0.35)
    pd_ = rate(results, cohort, "pembrolizumab", "best_pd")
    check("pembrolizumab best response PD", pct(pd_), "20–35 %", 0.20 <= pd_[0] <= 0.35)
    for endpoint, low, high in (("pfs", 4, 8), ("os", 14, 24)):
        m = icbsim.kaplan_meier(*results.survival(cohort, results.arm(cohort, "pembrolizumab"), endpoint)).median()
        check("pembrolizumab median %s" % endpoint.upper(), "%s (%s-%s)" % tuple(shown("median_os", v) for v in
              (m.median, m.lower, m.upper)), "%d–%d mo" % (low, high), low <= m.median / DAYS_PER_MONTH <= high)
    chemo = rate(results, cohort, "chemotherapy", "orr")
    check("chemotherapy ORR, all comers", pct(chemo), "22–35 %", 0.22 <= chemo[0] <= 0.35)
    strata = {arm: [rate(results, cohort, arm, "orr", {k: "%g %%" % v for k, v in (("min", lo), ("max", hi)) if v})
                    for _, lo, hi in TPS_CLASSES] for arm in ("pembrolizumab", "chemotherapy")}
    p = [s[0] for s in strata["pembrolizumab"]]
    check("pembrolizumab ORR by TPS <1 / 1-49 / >=50 %", " / ".join(pct(s) for s in strata["pembrolizumab"]),
          "rising with TPS", p[0] < p[1] < p[2])
    c = [s[0] for s in strata["chemotherapy"]]
    check("chemotherapy ORR by TPS <1 / 1-49 / >=50 %", " / ".join(pct(s) for s in strata["chemotherapy"]),
          "each within ±8 points of all comers", all(abs(x - chemo[0]) <= 0.08 for x in c))
    ici = pooled_rate(results, [("oak", "atezolizumab"), ("checkmate017", "nivolumab"), ("checkmate057", "nivolumab"),
                                ("keynote010", "pembrolizumab_2mgkg")], "hyperprogression")
    doc = pooled_rate(results, [("oak", "docetaxel"), ("checkmate017", "docetaxel"), ("checkmate057", "docetaxel"),
                                ("keynote010", "docetaxel")], "hyperprogression")
    check("hyperprogression (Ferrara 2018), second-line anti-PD-(L)1 vs docetaxel (OAK, CheckMate 017/057, "
          "KEYNOTE-010 arms pooled)", "%s vs %s" % (pct(ici), pct(doc)), "ICI ≥ 2× docetaxel (and > 0)", ici[0] > 0 and ici[0] >= 2 * doc[0])
    untreated = rate(results, "untreated", "all", "hyperprogression")
    check("hyperprogression without treatment (untreated scenario)", pct(untreated), "< 2 %", untreated[0] < 0.02)
    nivo = rate(results, "nivolumab_vs_pembrolizumab", "nivolumab", "orr")
    pembro = rate(results, "nivolumab_vs_pembrolizumab", "pembrolizumab", "orr")
    check("nivolumab 3 mg/kg q2w vs pembrolizumab 200 mg q3w ORR, same patients", "%s vs %s" % (pct(nivo), pct(pembro)),
          "within ±3 points", abs(nivo[0] - pembro[0]) <= 0.03)
    met = sum("| met |" in line for line in checks)
    evaluable = sum("| n/a |" not in line for line in checks)
    return ["\n## Default cohort and plausibility: %d of %d met\n" % (met, evaluable),
            "`configs/scenarios/default_cohort.yaml` (first-line pembrolizumab vs carboplatin-paclitaxel, all PD-L1 "
            "levels, paired), the second-line trial arms, the untreated scenario and "
            "`configs/scenarios/nivolumab_vs_pembrolizumab.yaml` against plausibility ranges (Wilson and "
            "Brookmeyer–Crowley 95 % intervals). Hyperprogression (Ferrara 2018) needs the tumour growth rate before "
            "treatment, i.e. a pre-baseline scan; where no scenario has one it is n/a and not counted.\n",
            "| quantity | simulated (95 % CI) | plausible | result |", "|---|---|---|---|"] + checks, (met, evaluable)


def overlays_section(config_dir):
    lines = ["\n## The fitted values\n"]
    folder = os.path.join(config_dir, "populations")
    for name in ("nsclc_fitted.yaml", "second_line.yaml"):
        lines.append("`configs/populations/%s`:\n\n```yaml\n%s\n```\n" % (name, open(os.path.join(folder, name)).read().strip()))
    return lines


def runtime_section(results, started):
    walls = results.wall_seconds()
    elapsed = datetime.datetime.now().timestamp() - started
    lines = ["\n## Run times\n", "| scenario | simulation wall time [s] |", "|---|---|"]
    lines += ["| %s | %.0f |" % item for item in walls.items()]
    lines.append("\nThis report was written %.0f s after the script started its simulations (%s UTC; %s OpenMP "
                 "threads).\n" % (elapsed, datetime.datetime.utcfromtimestamp(started).strftime("%Y-%m-%d %H:%M"),
                                   os.environ.get("OMP_NUM_THREADS", "?")))
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", required=True, help="folder of <scenario>.h5 result files")
    parser.add_argument("--config", required=True, action="append",
                        help="calibration config with fitted targets (repeat for each step)")
    parser.add_argument("--unfitted", required=True, help="calibration targets outside the fit (docetaxel arms)")
    parser.add_argument("--held-out", required=True, help="held-out table (configs/validation/held_out.yaml)")
    parser.add_argument("--output", required=True, help="the markdown file to write")
    parser.add_argument("--started", type=float, required=True, help="epoch seconds when the script began")
    args = parser.parse_args()
    rng = np.random.default_rng(20240607)
    config_dir = os.path.join(os.path.dirname(os.path.abspath(args.config[0])), "..")
    targets = [t for path in args.config for t in yaml.safe_load(open(path))["targets"]]
    unfitted = yaml.safe_load(open(args.unfitted))["targets"]
    held_out = yaml.safe_load(open(args.held_out))["held_out"]
    figures = os.path.join(os.path.dirname(args.output), "validation")
    os.makedirs(figures, exist_ok=True)
    results = Results(args.results)
    root = icbsim.root_attributes(results.path("keynote024"))
    out = ["# Validation of the calibrated NSCLC population\n",
           "Generated by `bash scripts/make_validation_report.sh` (do not edit: re-run it) on %s UTC with icbsim %s "
           "(%s). It runs every scenario of `configs/trials/` (the one population of `configs/populations/nsclc.yaml` "
           "with the fitted overlays, docs/calibration.md), the default cohort and the nivolumab-vs-pembrolizumab "
           "scenario. Proportions are of all simulated patients of an arm (NE in the denominator) with Wilson 95 %% "
           "intervals; medians are Kaplan–Meier medians with Brookmeyer–Crowley (log–log) intervals; landmarks "
           "S(t) with Greenwood (log–log) intervals; hazard ratios Cox (Efron ties) with Wald intervals; the median "
           "VDT (2,000 resamples) and restricted means (%d resamples) bootstrap intervals. Tolerances: ±5 points "
           "for rates and landmarks, ±7 points for best-response shares, ±25 %% for medians and restricted means, "
           "±20 %% for the VDT, the published 95 %% interval for hazard ratios. A TPS stratum is of the measured "
           "baseline TPS (min inclusive, max exclusive).\n" % (
               datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), root["icbsim_version"], root["git_commit"],
               BOOTSTRAP)]
    summary = []
    fitted_intro = ("Every target of the two calibration steps (`configs/calibration/nsclc.yaml`, the first-line "
                    "population; `nsclc_second_line.yaml`, the line-of-therapy covariate), each in its trial scenario "
                    "run with the trial's own seed and size (other virtual patients than the fit's).")
    unfitted_intro = ("The calibration targets of the docetaxel arms (`configs/calibration/docetaxel_targets.yaml`): "
                      "calibration targets, but outside this fit, since docetaxel's stiff PK makes its arms ~30 times "
                      "as costly to simulate (docs/calibration.md).")
    for section in (lambda: targets_section(results, targets, rng, "Calibration targets (fitted)", fitted_intro),
                    lambda: targets_section(results, unfitted, rng, "Calibration targets outside the fit", unfitted_intro),
                    lambda: held_out_section(results, held_out, rng),
                    lambda: default_cohort_section(results, "default_cohort")):
        lines, counts = section()
        out += lines
        summary.append(counts)
    out += km_section(results, targets + unfitted + held_out, figures)
    out += distributions_section(results, "default_cohort", config_dir, figures)
    out += overlays_section(config_dir)
    out += runtime_section(results, args.started)
    out.insert(2, "Summary: fitted calibration targets %d of %d met; docetaxel-arm calibration targets %d of %d met; "
                  "held-out statistics %d of %d within tolerance; "
                  "default-cohort plausibility %d of %d met.\n" % tuple(x for pair in summary for x in pair))
    with open(args.output, "w") as f:
        f.write("\n".join(out))
    print("calibration %d/%d, docetaxel arms %d/%d, held-out %d/%d, plausibility %d/%d" % tuple(x for pair in summary for x in pair))


if __name__ == "__main__":
    main()

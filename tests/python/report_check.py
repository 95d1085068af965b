"""Recomputes a result file's trial report from its outcomes with the package's estimators and
compares every number the report prints (same formatting), group by group."""
import numpy as np

import icbsim
from icbsim.proportion import wilson
from icbsim.units import convert


def _shown(value, fmt="%.1f"):
    return "NR" if np.isnan(value) else fmt % value


def recompute(path):
    """(report, list of (what, python text, report text)) for every comparable number, and the
    group names that cannot be recomputed from the file (report strata)."""
    report = icbsim.trial_report(path)
    table = icbsim.outcomes(path)
    ok = table[table["status"] == "ok"]
    pairs, skipped = [], []
    for _, row in report.groups.iterrows():
        rows = ok[ok["arm"] == row.arm]
        if row.group != "all":
            mechanism, _, side = row.group.partition(": ")
            column = f"carries_{mechanism}"
            if column not in rows:
                skipped.append(f"{row.arm} / {row.group}")
                continue
            rows = rows[rows[column] == (side == "carriers")]
        what = f"{row.arm} / {row.group}"
        pairs.append((f"{what}: n", str(len(rows)), str(row.n)))
        for response in ("CR", "PR", "SD", "PD", "NE"):
            pairs.append((f"{what}: {response}", str(int((rows["best_response"] == response).sum())),
                          str(row[response])))
        if len(rows):
            orr = wilson(int(rows["best_response"].isin(["CR", "PR"]).sum()), len(rows))
            pairs.append((f"{what}: ORR", " ".join(_shown(100 * v) for v in orr),
                          " ".join(_shown(row[k]) for k in ("orr", "orr_lower", "orr_upper"))))
        for endpoint in ("pfs", "os"):
            unit = table.attrs["units"][f"{endpoint}_days"]
            times = convert(rows[f"{endpoint}_days"].to_numpy(float), unit, report.time_unit)
            if not len(rows):
                continue
            m = icbsim.kaplan_meier(times, rows[f"{endpoint}_event"].to_numpy(bool)).median()
            key = f"median_{endpoint}"
            pairs.append((f"{what}: median {endpoint.upper()}",
                          " ".join(_shown(v) for v in (m.median, m.lower, m.upper)),
                          " ".join(_shown(row[k]) for k in (key, f"{key}_lower", f"{key}_upper"))))
    first = report.groups.arm.iloc[0]
    for _, row in report.comparisons.iterrows():
        both = ok[ok["arm"].isin([first, row.arm])]
        for endpoint in ("pfs", "os"):
            try:
                p = icbsim.log_rank(both[f"{endpoint}_days"].to_numpy(float), both[f"{endpoint}_event"].to_numpy(bool),
                                    (both["arm"] == row.arm).to_numpy()).p_value
            except ValueError:  # no event or no informative event time: the report prints nan
                p = float("nan")
            pairs.append((f"{row.arm} vs {first}: {endpoint.upper()} log-rank p", "%.3g" % p,
                          "%.3g" % row[f"{endpoint}_logrank_p"]))
    return report, pairs, skipped

"""The trial report stored in a result file (root attribute `report`, written by the engine's
engine/cohort/trial_report.cpp): its text, and its three tables parsed into pandas DataFrames."""
import math
import os
import re
from dataclasses import dataclass

import h5py
import pandas as pd

from . import _h5
from .units import parse

_NUMBER = r"[-+0-9.eEnaNinf]+"
_PROPORTION = rf"(?P<{{0}}>{_NUMBER}) \((?P<{{0}}_lower>{_NUMBER})-(?P<{{0}}_upper>{_NUMBER})\)"
_MEDIAN = r"(?P<{0}>\S+) \((?P<{0}_lower>[^-\s]+)-(?P<{0}_upper>[^)\s]+)\)"
_GROUP_ROW = re.compile(
    r"^  (?P<rest>.+?)\s+(?P<n>\d+)\s+(?P<CR>\d+)\s+(?P<PR>\d+)\s+(?P<SD>\d+)\s+(?P<PD>\d+)\s+(?P<NE>\d+)\s+"
    + _PROPORTION.format("orr") + r"\s+" + _PROPORTION.format("dcr") + r"\s+"
    + _MEDIAN.format("median_pfs") + r"\s+" + _MEDIAN.format("median_os") + r"\s+"
    + rf"(?P<primary_resistance>{_NUMBER})%\s+(?P<hyperprogression>{_NUMBER})%\s*$")
_COMPARISON_ROW = re.compile(
    rf"^  (?P<arm>.+?)\s+PFS HR (?P<pfs_hr>{_NUMBER}) \((?P<pfs_hr_lower>{_NUMBER})-(?P<pfs_hr_upper>{_NUMBER})\) "
    rf"p=(?P<pfs_logrank_p>{_NUMBER})\s+OS HR (?P<os_hr>{_NUMBER}) \((?P<os_hr_lower>{_NUMBER})-"
    rf"(?P<os_hr_upper>{_NUMBER})\) p=(?P<os_logrank_p>{_NUMBER})\s*$")
_ATTRIBUTION_ROW = re.compile(
    rf"^  (?P<rest>.+?)\s+carriers\s+(?P<carriers>\d+):\s+(?P<carriers_rate>{_NUMBER})%\s+non-carriers\s+"
    rf"(?P<non_carriers_rate>{_NUMBER})%\s+attributable\s+(?P<attributable_fraction>{_NUMBER})%\s*$")
_HEADER = re.compile(r"^trial report \((?P<unit>\w+) for survival")


@dataclass(frozen=True)
class TrialReport:
    """The engine's trial report. `groups`: one row per arm and group (all, strata, carriers /
    non-carriers) with counts, ORR/DCR in % with Wilson intervals, medians with Brookmeyer-Crowley
    intervals in `time_unit` (NaN: not reached), primary-resistance and hyperprogression rates in
    %; `comparisons`: hazard ratios and log-rank p of each arm against the first; `attributions`:
    primary resistance attributable to each mechanism (%)."""
    text: str
    time_unit: str
    groups: pd.DataFrame
    comparisons: pd.DataFrame
    attributions: pd.DataFrame

    def __str__(self):
        return self.text

    def median(self, arm, endpoint, group="all"):
        """(median, lower, upper) of 'pfs' or 'os' for an arm's group, in `time_unit`."""
        row = self.groups[(self.groups.arm == arm) & (self.groups.group == group)].iloc[0]
        key = f"median_{endpoint}"
        return row[key], row[f"{key}_lower"], row[f"{key}_upper"]


def _number(text):
    return math.nan if text in ("NR", "nan", "-nan") else float(text)


def _split_arm(rest, arms):
    """'<arm> <group>' with the arm printed in a 22-character column: the longest known arm name
    the text starts with."""
    for arm in sorted(arms, key=len, reverse=True):
        if rest.startswith(arm + " ") or rest == arm:
            return arm, rest[len(arm):].strip()
    raise ValueError(f"trial report: no arm of the file starts the row '{rest}'")


def parse_report(text, arms):
    """Parses the report text; `arms` are the file's arm names (they may contain spaces)."""
    header = _HEADER.match(text.splitlines()[0]) if text else None
    if not header:
        raise ValueError("trial report: unrecognised first line")
    time_unit = header.group("unit").rstrip("s")
    parse(time_unit)  # a unit the registry knows (months)
    groups, comparisons, attributions = [], [], []
    for line in text.splitlines()[2:]:
        if m := _GROUP_ROW.match(line):
            row = m.groupdict()
            arm, group = _split_arm(row.pop("rest"), arms)
            groups.append({"arm": arm, "group": group,
                           **{k: (int(v) if k in ("n", "CR", "PR", "SD", "PD", "NE") else _number(v))
                              for k, v in row.items()}})
        elif m := _COMPARISON_ROW.match(line):
            comparisons.append({k: (v.strip() if k == "arm" else _number(v)) for k, v in m.groupdict().items()})
        elif m := _ATTRIBUTION_ROW.match(line):
            row = m.groupdict()
            arm, mechanism = _split_arm(row.pop("rest"), arms)
            attributions.append({"arm": arm, "mechanism": mechanism, "carriers": int(row.pop("carriers")),
                                 **{k: _number(v) for k, v in row.items()}})
    # Columns named even when a section is empty (a one-arm trial has no comparisons).
    group_columns = ["arm", "group"] + [k for k in _GROUP_ROW.groupindex if k != "rest"]
    attribution_columns = ["arm", "mechanism", "carriers"] + [
        k for k in _ATTRIBUTION_ROW.groupindex if k not in ("rest", "carriers")]
    return TrialReport(text, time_unit, pd.DataFrame(groups, columns=group_columns),
                       pd.DataFrame(comparisons, columns=list(_COMPARISON_ROW.groupindex)),
                       pd.DataFrame(attributions, columns=attribution_columns))


def trial_report(path):
    """The trial report stored in a result file (ValueError when the file has none: runs without a
    readout, sweeps)."""
    with h5py.File(os.fspath(path), "r") as f:
        if "report" not in f.attrs:
            raise ValueError(f"{os.fspath(path)}: no trial report (a run without tumour:/scans: readout, or a sweep)")
        text = _h5.text(f.attrs["report"])
        arms = _h5.enum_members(_h5.enum_mapping(f[_h5.ARM])) if _h5.ARM in f else ["all"]
    return parse_report(text, arms)

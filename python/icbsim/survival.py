"""Kaplan-Meier with Greenwood variance and log-log intervals, the median with its Brookmeyer-Crowley
interval, and the log-rank test: the estimators of the engine's trial report (engine/readout/
survival.cpp), step for step, so that the medians and p-values here equal the report's."""
import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

# S(t) values within this of 0.5 count as 0.5 (products of fractions), as in the engine.
_HALF_TOLERANCE = 1e-12


@dataclass(frozen=True)
class Median:
    """Median survival and its interval, in the unit of the times (NaN: not reached)."""
    median: float
    lower: float
    upper: float


@dataclass(frozen=True)
class KaplanMeier:
    """A product-limit estimate: one entry per distinct observed time (event or censoring), in
    increasing time. `survival` is S just after each time; `lower`/`upper` the pointwise log-log
    interval at `confidence`; `variance` Greenwood's."""
    time: np.ndarray
    at_risk: np.ndarray
    events: np.ndarray
    censored: np.ndarray
    survival: np.ndarray
    variance: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    subjects: int
    confidence: float

    def survival_at(self, t):
        """S(t): the value of the last step at or before t (1 before the first)."""
        idx = np.searchsorted(self.time, np.asarray(t, dtype=float), side="right")
        return np.concatenate(([1.0], self.survival))[idx]

    def median(self):
        """First event time with S <= 0.5 (midpoint to the next event time when S is exactly 0.5,
        as R and SAS); interval: first event times where the lower / upper band is <= 0.5
        (Brookmeyer & Crowley 1982 with the log-log transform)."""
        events = np.flatnonzero(self.events > 0)
        median = lower = upper = math.nan
        for pos, k in enumerate(events):
            s = self.survival[k]
            if math.isnan(median) and s <= 0.5 + _HALF_TOLERANCE:
                median = float(self.time[k])
                if abs(s - 0.5) <= _HALF_TOLERANCE and pos + 1 < len(events):
                    median = 0.5 * (self.time[k] + self.time[events[pos + 1]])
            if math.isnan(lower) and self.lower[k] <= 0.5:
                lower = float(self.time[k])
            if math.isnan(upper) and self.upper[k] <= 0.5:
                upper = float(self.time[k])
        return Median(median, lower, upper)

    def steps(self):
        """(t, S) of the step function starting at (0, 1), for plotting with where='post'."""
        return np.concatenate(([0.0], self.time)), np.concatenate(([1.0], self.survival))

    def censored_points(self):
        """(t, S(t)) at every censored time (with multiplicity), for tick marks on the curve."""
        t = np.repeat(self.time, self.censored)
        return t, np.repeat(self.survival, self.censored)


def _z(confidence):
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence level must be in (0, 1)")
    return NormalDist().inv_cdf(0.5 + 0.5 * confidence)


def _check(times, events):
    times = np.asarray(times, dtype=float)
    events = np.asarray(events).astype(bool)
    if times.shape != events.shape or times.ndim != 1:
        raise ValueError("times and events must be 1-D arrays of the same length")
    if not np.all(np.isfinite(times)) or np.any(times < 0):
        raise ValueError("times must be finite and >= 0")
    return times, events


def kaplan_meier(times, events, confidence=0.95):
    """Product-limit estimate of `times` (any one unit) with `events` (True: event, False:
    censored)."""
    times, events = _check(times, events)
    z = _z(confidence)
    t, first, counts = np.unique(times, return_index=True, return_counts=True)
    idx = np.searchsorted(t, times)
    d = np.bincount(idx, weights=events, minlength=len(t)).astype(int)
    c = counts - d
    n = len(times) - np.concatenate(([0], np.cumsum(counts)[:-1]))
    survival = np.cumprod(np.where(d > 0, 1.0 - d / n, 1.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where((d > 0) & (d < n), d / (n * (n - d)), 0.0)
    greenwood = np.cumsum(terms)
    variance = np.where(survival > 0, survival * survival * greenwood, 0.0)
    lower = np.ones_like(survival)
    upper = np.ones_like(survival)
    band = (survival > 0) & (greenwood > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        sigma = np.sqrt(greenwood[band]) / np.abs(np.log(survival[band]))
        lower[band] = survival[band] ** np.exp(z * sigma)
        upper[band] = survival[band] ** np.exp(-z * sigma)
    lower[survival <= 0] = 0.0
    upper[survival <= 0] = 0.0
    return KaplanMeier(t, n, d, c, survival, variance, lower, upper, len(times), confidence)


@dataclass(frozen=True)
class LogRank:
    """Log-rank comparison of group 1 with group 0 (hypergeometric variance, ties allowed)."""
    observed: float   # events in group 1
    expected: float   # expected events in group 1 under H0
    variance: float   # variance of observed - expected
    chi_square: float
    p_value: float


def chi_square_1_p_value(chi_square):
    """Upper tail of the chi-square distribution with 1 degree of freedom."""
    return math.erfc(math.sqrt(0.5 * chi_square))


def log_rank(times, events, group):
    """Log-rank test of group 1 against group 0 (`group` holds 0 or 1, or booleans)."""
    times, events = _check(times, events)
    group = np.asarray(group).astype(int)
    if group.shape != times.shape or not np.isin(group, (0, 1)).all():
        raise ValueError("group must hold 0 or 1 for every subject")
    if not ((group == 0).any() and (group == 1).any()):
        raise ValueError("log-rank test: both groups need at least one subject")
    event_times = np.unique(times[events])
    at_risk = [len(times[group == g]) - np.searchsorted(np.sort(times[group == g]), event_times, side="left")
               for g in (0, 1)]
    dead = [np.bincount(np.searchsorted(event_times, times[events & (group == g)]), minlength=len(event_times))
            for g in (0, 1)]
    n = (at_risk[0] + at_risk[1]).astype(float)
    n1 = at_risk[1].astype(float)
    d = (dead[0] + dead[1]).astype(float)
    observed = float(dead[1].sum())
    expected = float(np.sum(d * n1 / n))
    informative = n > 1
    variance = float(np.sum((d * (n1 / n) * (1 - n1 / n) * (n - d) / np.where(informative, n - 1, 1))[informative]))
    if not variance > 0:
        raise ValueError("log-rank test: zero variance (no informative event time)")
    chi = (observed - expected) ** 2 / variance
    return LogRank(observed, expected, variance, chi, chi_square_1_p_value(chi))

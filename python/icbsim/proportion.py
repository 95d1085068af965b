"""Binomial proportions with the Wilson score interval, as the engine's trial report computes them
(engine/readout/proportion.cpp; Wilson 1927)."""
import math
from statistics import NormalDist


def wilson(successes, trials, confidence=0.95):
    """(estimate, lower, upper) of successes / trials; NaNs when trials is 0."""
    if trials <= 0:
        return math.nan, math.nan, math.nan
    if not 0 <= successes <= trials:
        raise ValueError("successes must be within 0..trials")
    z = NormalDist().inv_cdf(0.5 + 0.5 * confidence)
    n, p, z2 = float(trials), successes / trials, z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return p, max(0.0, centre - half), min(1.0, centre + half)

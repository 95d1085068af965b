"""Checks the statistics of scripts/validation_report.py (Cox with Efron ties, Kaplan-Meier median
and landmark with Greenwood's variance, restricted mean, Wilson) on small cases worked by hand."""
import math
import os
import sys
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
import validation_report as vr  # noqa: E402


def bisect(f, lo, hi):
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if (f(lo) < 0) == (f(mid) < 0):
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


class Statistics(unittest.TestCase):
    def test_cox_without_ties(self):
        # Group 0 dies at 1 and 3, group 1 at 2 and 4. Partial likelihood
        # L(r) = r / ((2 + 2r)(1 + 2r)(1 + r)); dlogL/dr = 0 gives 4r^2 + r - 1 = 0.
        hr, lo, hi = vr.cox_hazard_ratio([1, 3, 2, 4], [1, 1, 1, 1], [0, 0, 1, 1])
        self.assertAlmostEqual(hr, (math.sqrt(17) - 1) / 8, places=8)
        # Information at the maximum: sum over deaths of p(1 - p), p = group-1 share of the risk weight.
        r = hr
        info = sum(p * (1 - p) for p in (2 * r / (2 + 2 * r), 2 * r / (1 + 2 * r), r / (1 + r)))
        self.assertAlmostEqual(lo, hr * math.exp(-vr.Z95 / math.sqrt(info)), places=8)
        self.assertAlmostEqual(hi, hr * math.exp(vr.Z95 / math.sqrt(info)), places=8)

    def test_cox_efron_ties(self):
        # Group 0 dies at 1, 1; group 1 at 1 and 2. Three tied deaths at t = 1 (two of group 0),
        # four at risk (two per group); Efron's log-likelihood
        # b - log(2 + 2r) - log(2 + 2r - (2 + r)/3) - log(2 + 2r - 2(2 + r)/3) (+ 0 from t = 2).
        def score(b):
            r = math.exp(b)
            return 1 - 2 * r / (2 + 2 * r) - (5 * r / 3) / ((4 + 5 * r) / 3) - (4 * r / 3) / ((2 + 4 * r) / 3)
        expected = math.exp(bisect(score, -10, 10))
        hr, _, _ = vr.cox_hazard_ratio([1, 1, 1, 2], [1, 1, 1, 1], [0, 0, 1, 1])
        self.assertAlmostEqual(hr, expected, places=7)
        self.assertNotAlmostEqual(hr, 1.0, places=2)

    def test_cox_censoring_and_no_difference(self):
        # Identical groups give a hazard ratio of exactly 1.
        times = [1, 2, 3, 4, 5]
        events = [1, 0, 1, 1, 0]
        hr, lo, hi = vr.cox_hazard_ratio(times * 2, events * 2, [0] * 5 + [1] * 5)
        self.assertAlmostEqual(hr, 1.0, places=10)
        self.assertLess(lo, 1.0)
        self.assertGreater(hi, 1.0)

    def test_kaplan_meier_landmark_rmst(self):
        km = vr.icbsim.kaplan_meier([1, 2, 3, 4], [1, 1, 0, 1])
        # S = 3/4 after 1, 1/2 after 2 (exactly one half: median midway to the next death, 4).
        self.assertAlmostEqual(km.median().median, 3.0)
        s, lo, hi = vr.landmark(km, 2.5)
        self.assertAlmostEqual(s, 0.5)
        # Greenwood: S^2 (1/(4*3) + 1/(3*2)) = 0.0625; log-log interval S^exp(+-z sqrt(g)/|log S|).
        g = 1 / 12 + 1 / 6
        sigma = math.sqrt(g) / abs(math.log(0.5))
        self.assertAlmostEqual(lo, 0.5 ** math.exp(vr.Z95 * sigma), places=10)
        self.assertAlmostEqual(hi, 0.5 ** math.exp(-vr.Z95 * sigma), places=10)
        self.assertAlmostEqual(km.variance[1], 0.25 * g, places=12)
        self.assertAlmostEqual(vr.landmark(km, 0.5)[0], 1.0)
        # Area: 1 * 1 + 3/4 * 1 + 1/2 * 2 = 2.75 to t = 4; to 1.5: 1 + 0.75 * 0.5.
        self.assertAlmostEqual(vr.rmst(km, 4.0), 2.75)
        self.assertAlmostEqual(vr.rmst(km, 1.5), 1.375)

    def test_wilson_and_quantity(self):
        p, lo, hi = vr.wilson(5, 10)
        self.assertAlmostEqual(p, 0.5)
        self.assertAlmostEqual(lo, 0.2366, places=4)
        self.assertAlmostEqual(hi, 0.7634, places=4)
        self.assertAlmostEqual(vr.quantity("44.8 %"), 0.448)
        self.assertAlmostEqual(vr.quantity("12 months"), 12 * 30.4375)
        self.assertAlmostEqual(vr.quantity(0.81), 0.81)

    def test_tolerances(self):
        ok = vr.compare({"statistic": "hr_os", "value": 0.81, "ci": [0.71, 0.93]}, 0.81, 0.9)
        self.assertTrue(ok[1])
        self.assertFalse(vr.compare({"statistic": "hr_os", "value": 0.81, "ci": [0.71, 0.93]}, 0.81, 0.95)[1])
        self.assertTrue(vr.compare({"statistic": "orr"}, 0.448, 0.40)[1])
        self.assertFalse(vr.compare({"statistic": "orr"}, 0.448, 0.39)[1])
        self.assertTrue(vr.compare({"statistic": "median_os"}, 100.0, 124.0)[1])
        self.assertFalse(vr.compare({"statistic": "median_os"}, 100.0, 126.0)[1])


if __name__ == "__main__":
    unittest.main()

"""icbsim.kaplan_meier and icbsim.log_rank on the remission data of Freireich 1963 (6-MP
against placebo, 21 patients each), whose estimates are published: medians 23 and 8 weeks and a
log-rank statistic of 16.79 (Kleinbaum 2012, chapter 2); and the engine's median rules."""
import math

import numpy as np
import pytest

import icbsim

# weeks in remission; False: censored
MP6 = [(6, 1), (6, 1), (6, 1), (6, 0), (7, 1), (9, 0), (10, 1), (10, 0), (11, 0), (13, 1), (16, 1), (17, 0),
       (19, 0), (20, 0), (22, 1), (23, 1), (25, 0), (32, 0), (32, 0), (34, 0), (35, 0)]
PLACEBO = [(t, 1) for t in (1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23)]


def columns(data):
    t, e = zip(*data)
    return np.array(t, float), np.array(e, bool)


def test_freireich_medians_and_survival():
    km = icbsim.kaplan_meier(*columns(MP6))
    assert km.median().median == 23
    assert icbsim.kaplan_meier(*columns(PLACEBO)).median().median == 8
    # S(t) of 6-MP just after 6, 7, 10 weeks: 18/21, then x 16/17, then x 14/15 (product limit)
    s6 = 18 / 21
    assert km.survival_at(6) == pytest.approx(s6)
    assert km.survival_at(7) == pytest.approx(s6 * 16 / 17)
    assert km.survival_at(10) == pytest.approx(s6 * 16 / 17 * 14 / 15)
    assert km.survival_at(0.5) == 1.0
    assert km.subjects == 21 and km.censored.sum() == 12


def test_freireich_log_rank():
    t1, e1 = columns(MP6)
    t0, e0 = columns(PLACEBO)
    result = icbsim.log_rank(np.concatenate([t0, t1]), np.concatenate([e0, e1]), [0] * 21 + [1] * 21)
    assert result.observed == 9
    assert result.chi_square == pytest.approx(16.79, abs=0.005)
    assert result.p_value == pytest.approx(math.erfc(math.sqrt(result.chi_square / 2)))


def test_median_exactly_at_one_half_is_the_midpoint_to_the_next_event():
    # four events at 1, 2, 3, 4: S = 0.5 just after 2, so the median is (2 + 3) / 2, as R and SAS
    km = icbsim.kaplan_meier([1, 2, 3, 4], [1, 1, 1, 1])
    assert km.median().median == 2.5


def test_median_not_reached_is_nan():
    m = icbsim.kaplan_meier([5, 6, 7, 8], [1, 0, 0, 0]).median()
    assert math.isnan(m.median) and math.isnan(m.upper)


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="finite"):
        icbsim.kaplan_meier([1.0, float("nan")], [1, 0])
    with pytest.raises(ValueError, match="both groups"):
        icbsim.log_rank([1, 2], [1, 1], [0, 0])

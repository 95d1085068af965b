"""icbsim.trial_report parses the stored report, and the package's Kaplan-Meier medians, Wilson
intervals and log-rank p-values recomputed from the outcomes equal every number it prints."""
import report_check

import icbsim


def test_report_tables(cohort_file):
    report = icbsim.trial_report(cohort_file)
    assert report.time_unit == "month"
    assert str(report).startswith("trial report (months for survival")
    # per arm: all, b2m_loss carriers, b2m_loss non-carriers
    assert list(report.groups.group[:3]) == ["all", "b2m_loss: carriers", "b2m_loss: non-carriers"]
    assert list(report.groups.arm.unique()) == ["reference", "low_antigenicity"]
    assert (report.groups[report.groups.group == "all"].n == 60).all()
    assert list(report.comparisons.arm) == ["low_antigenicity"]
    assert list(report.attributions.mechanism) == ["b2m_loss", "b2m_loss"]


def test_python_estimates_equal_the_engine_report_on_a_small_cohort(cohort_file):
    _, pairs, skipped = report_check.recompute(cohort_file)
    assert not skipped
    assert len(pairs) > 20
    mismatches = [p for p in pairs if p[1] != p[2]]
    assert not mismatches, mismatches

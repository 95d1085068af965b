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


def test_a_one_arm_report_has_named_empty_sections():
    # One arm: no hazard ratios and no mechanisms, yet every table has its columns, so a filter by
    # arm works on any report.
    text = ("trial report (months for survival; 95% intervals: Wilson for rates, Brookmeyer-Crowley for medians)\n"
            "  arm                    group                             n    CR    PR    SD    PD    NE  ORR %\n")
    report = icbsim.report.parse_report(text, ["untreated"])
    assert report.comparisons[report.comparisons.arm == "untreated"].empty
    assert "hr" not in report.comparisons.columns and "pfs_hr" in report.comparisons.columns
    assert report.attributions[report.attributions.arm == "untreated"].empty
    assert list(report.groups.columns[:3]) == ["arm", "group", "n"]

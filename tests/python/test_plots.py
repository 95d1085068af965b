"""icbsim.plots: the cohort figures in every format, Kaplan-Meier in the report's months, series
chosen by declared kind and unit (nikolopoulou2018's cancer density C in g/cm^3, a state, is not a
drug concentration), and the `python3 -m icbsim.plots` command line."""
import os
import subprocess
import sys

import pytest

import icbsim
from icbsim import cli, plots
from icbsim.plots import cohort_plots as cohort_module

COHORT_PLOTS = ["waterfall", "spider", "swimmer", "kaplan_meier", "mechanisms", "panel"]


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_cohort_plots_in_every_format(cohort_file, tmp_path, fmt):
    written = plots.cohort(cohort_file, tmp_path, fmt)
    assert [os.path.basename(p) for p in written] == [f"{n}.{fmt}" for n in COHORT_PLOTS]
    assert all(os.path.getsize(p) > 1000 for p in written)


def test_kaplan_meier_is_drawn_in_the_report_months_with_its_medians(cohort_file, tmp_path, monkeypatch):
    figures = []
    monkeypatch.setattr(cohort_module, "save", lambda fig, path: figures.append(fig) or path)
    cohort_module.plot_kaplan_meier(plots.Cohort(cohort_file), tmp_path)
    pfs_axis = figures[0].axes[0]
    assert pfs_axis.get_xlabel() == "time from treatment start [month]"
    legend = [t.get_text() for t in pfs_axis.get_legend().get_texts()]
    report = icbsim.trial_report(cohort_file)
    for arm, text in zip(["reference", "low_antigenicity"], legend):
        median = report.median(arm, "pfs")[0]
        shown = "not reached" if median != median else f"median {median:.1f} month"
        assert shown in text, (text, shown)


def test_series_are_chosen_by_kind_and_unit(pk_file, results):
    with icbsim.open_result(pk_file) as ds:
        assert plots.select(ds, kind="observable", concentration=True) == ["C"]
        assert plots.select(ds, unit="ug/mL") == ["C"]  # mg/L under another name
        assert "C" not in plots.select(ds, kind="state")
        with pytest.raises(KeyError, match="no trajectory nope"):
            plots.select(ds, ["nope"])
    niko = cli.run("model: nikolopoulou2018\ntime: {end: 10 days, output_every: 1 day}\n", results / "niko.h5")
    with icbsim.open_result(niko) as ds:
        # the cancer density C is a state: not drawn as a concentration; the receptor densities
        # P, L, Q are observables in g/cm^3 and are (no attribute marks a drug's concentration)
        assert ds["C"].attrs["units"] == "g/cm^3" and ds["C"].attrs["kind"] == "state"
        assert plots.select(ds, kind="observable", concentration=True) == ["P", "L", "Q"]
    assert os.path.getsize(plots.pk(niko, os.path.join(results, "niko_pk.png"), concentrations=["A"])) > 1000
    quick = cli.run(None, results / "quick_for_pk.h5")
    with pytest.raises(ValueError, match="no observable in a concentration unit"):
        plots.pk(quick, os.path.join(results, "quick_pk.png"))


def test_pk_and_trajectory_plots(pk_file, tmp_path):
    assert os.path.getsize(plots.pk(pk_file, tmp_path / "pk.svg", occupancy=["occupancy_plasma"])) > 1000
    assert os.path.getsize(plots.trajectories(pk_file, tmp_path / "t.png", kind="observable")) > 1000


def test_command_line(cohort_file, saltelli_file, tmp_path):
    env = dict(os.environ)
    run = subprocess.run([sys.executable, "-m", "icbsim.plots", "cohort", cohort_file, "-o", str(tmp_path / "c")],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert sorted(os.listdir(tmp_path / "c")) == sorted(f"{n}.png" for n in COHORT_PLOTS)
    run = subprocess.run([sys.executable, "-m", "icbsim.plots", "sensitivity", saltelli_file, "-o",
                          str(tmp_path / "s")], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert os.listdir(tmp_path / "s") == ["all_final_T.png"]
    run = subprocess.run([sys.executable, "-m", "icbsim.plots", "cohort", str(tmp_path / "absent.h5")],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 1 and "absent.h5" in run.stderr

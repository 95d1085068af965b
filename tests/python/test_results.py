"""icbsim.open_result and icbsim.outcomes on files the engine writes: dimensions, decoded enums,
units as attributes, one row per task, and agreement between the two views."""
import numpy as np
import pytest

import icbsim


def test_dataset_has_task_and_time_dimensions_with_units(cohort_file):
    with icbsim.open_result(cohort_file) as ds:
        assert ds["T"].dims == ("task", "time")
        assert ds.sizes["task"] == int(ds.attrs["total_tasks"]) == 120
        assert ds["T"].attrs["units"] == "cells" and ds["T"].attrs["kind"] == "state"
        assert ds["time"].attrs["units"] == "day"
        assert ds["pfs_days"].attrs["units"] == "day"
        # a selection reads only what it needs and equals the same rows of the whole array
        np.testing.assert_array_equal(ds["T"].sel(task=[3, 4]).values, ds["T"].values[3:5])
        assert ds.attrs["model"] == "kuznetsov1994"


def test_enums_are_decoded_to_their_names_and_flags_to_bool(cohort_file):
    with icbsim.open_result(cohort_file) as ds:
        assert set(np.unique(ds["arm"].values)) == {"reference", "low_antigenicity"}
        assert ds["arm"].attrs["arms"] == ["reference", "low_antigenicity"]
        assert set(np.unique(ds["best_response"].values)) <= {"CR", "PR", "SD", "PD", "NE"}
        assert ds["best_response"].attrs["flag_meanings"] == "CR PR SD PD NE"
        assert ds["pfs_event"].dtype == bool and ds["os_event"].dtype == bool
        assert set(np.unique(ds["status"].values)) == {"ok"}
        assert ds["recist"].dims == ("task", "scan") and ds["scan_time"].dims == ("scan",)
        assert ds["carries"].dims == ("task", "mechanism") and list(ds["mechanism"].values) == ["b2m_loss"]
        assert ds["carries"].dtype == bool


def test_parameters_carry_their_declared_units_and_ranges(cohort_file):
    with icbsim.open_result(cohort_file) as ds:
        a = ds["parameters"].sel(parameter="a")
        assert ds["parameter_units"].sel(parameter="a").item() == "1/day"
        assert float(ds["parameter_min"].sel(parameter="a")) <= float(a.min())
        # a is drawn per patient: the two arms of a paired patient share it
        first = ds.where(ds.arm == "reference", drop=True)
        second = ds.where(ds.arm == "low_antigenicity", drop=True)
        np.testing.assert_array_equal(first["parameters"].sel(parameter="a").values,
                                      second["parameters"].sel(parameter="a").values)


def test_outcomes_one_row_per_task_with_arm_patient_mechanisms_and_classes(cohort_file):
    table = icbsim.outcomes(cohort_file)
    assert len(table) == 120 and table.index.name == "task"
    assert list(table["arm"].cat.categories) == ["reference", "low_antigenicity"]
    assert (table.groupby("arm", observed=True).size() == 60).all()
    assert table["patient"].nunique() == 60
    assert list(table["best_response"].cat.categories) == ["CR", "PR", "SD", "PD", "NE"]
    assert "primary_resistance" in list(table["sitc_class"].cat.categories)
    carriers = table["carries_b2m_loss"]
    assert carriers.dtype == bool and 0 < carriers.sum() < 120
    assert (table["mechanisms"] == np.where(carriers, "b2m_loss", "")).all()
    assert table.attrs["units"]["best_change_pct"] == "%"


def test_outcomes_and_dataset_agree(cohort_file):
    table = icbsim.outcomes(cohort_file)
    with icbsim.open_result(cohort_file) as ds:
        np.testing.assert_array_equal(ds["task"].values, table.index.values)
        np.testing.assert_array_equal(ds["arm"].values, table["arm"].astype(str).values)
        np.testing.assert_array_equal(ds["best_response"].values, table["best_response"].astype(str).values)
        np.testing.assert_array_equal(ds["carries"].sel(mechanism="b2m_loss").values, table["carries_b2m_loss"])


def test_a_run_without_arms_or_readout_is_one_arm_named_all(quickstart_file):
    with icbsim.open_result(quickstart_file) as ds:
        assert ds.sizes["task"] == 1 and list(ds["arm"].values) == ["all"]
        kinds = {ds[n].attrs["kind"] for n in ds.data_vars if "kind" in ds[n].attrs}
        assert kinds == {"state"} or kinds == {"state", "observable"}
    table = icbsim.outcomes(quickstart_file)
    assert list(table.columns[:3]) == ["arm", "patient", "mechanisms"]
    with pytest.raises(ValueError, match="no trial report"):
        icbsim.trial_report(quickstart_file)


def test_a_missing_file_raises(tmp_path):
    with pytest.raises(OSError):
        icbsim.open_result(tmp_path / "absent.h5")

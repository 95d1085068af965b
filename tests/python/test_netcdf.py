"""Result files open as netCDF: plain `xr.open_dataset(f, engine="h5netcdf", group=G)` gives named
dimensions for every group, no phony dimensions and no dropped dataset; enums carry CF flags;
merged files are labelled anew; schema-1 files still read."""
import subprocess

import numpy as np
import pytest
import xarray as xr

from conftest import source
from icbsim import cli, netcdf, open_result, units


def check_netcdf(path):
    for group in netcdf.groups(path):
        with netcdf.open_group(path, group) as ds:  # h5netcdf refuses an axis without a scale
            assert not [d for d in ds.dims if str(d).startswith("phony_dim")], (group, dict(ds.sizes))
            assert set(ds.variables) == netcdf.hdf5_variables(path, group), group


@pytest.mark.parametrize("fixture", ["cohort_file", "quickstart_file", "pk_file", "saltelli_file", "lhs_file"])
def test_every_group_opens_with_named_dimensions(fixture, request):
    check_netcdf(request.getfixturevalue(fixture))


def test_trajectories_are_task_by_time(cohort_file):
    with netcdf.open_group(cohort_file, "trajectories") as ds, netcdf.open_group(cohort_file) as root, \
            open_result(cohort_file) as package:
        assert ds["T"].dims == ("task", "time")
        assert ds.sizes == {"task": package.sizes["task"], "time": package.sizes["time"]}
        np.testing.assert_array_equal(root["task"].values, package["task"].values)
        np.testing.assert_array_equal(root["time"].values, package["time"].values)
        np.testing.assert_array_equal(ds["T"].values, package["T"].values)


def test_scans_use_their_own_time_axis(cohort_file):
    with netcdf.open_group(cohort_file, "scans") as ds, open_result(cohort_file) as package:
        assert ds["recist"].dims == ("task", "time")
        np.testing.assert_array_equal(ds["time"].values, package["scan_time"].values)


def test_enums_carry_cf_flags(cohort_file):
    with netcdf.open_group(cohort_file, "outcomes") as ds, open_result(cohort_file) as package:
        assert list(ds["best_response"].attrs["flag_values"]) == list(package["best_response"].attrs["flag_values"])
        assert ds["best_response"].attrs["flag_meanings"] == package["best_response"].attrs["flag_meanings"]
        assert "flag_values" not in ds["pfs_event"].attrs  # booleans are not categories
        assert ds["pfs_event"].dtype == bool


def test_sweep_axes_are_labelled(saltelli_file):
    with netcdf.open_group(saltelli_file, "sweep") as ds:
        assert list(ds["axis"].values) == ["a", "n", "s"]
        assert ds["unit"].dims == ("point", "axis")
    sensitivity = [g for g in netcdf.groups(saltelli_file) if g.startswith("sweep/sensitivity/") and g.count("/") == 3]
    with netcdf.open_group(saltelli_file, sensitivity[0]) as ds:
        assert ds["first"].dims == ("axis",) and ds.sizes["axis"] == 3


def test_merged_shards_are_labelled_anew(results):
    scenario = source("tests", "data", "kuznetsov_cohort.yaml")
    shards = [cli.run(scenario, results / f"shard{k}.h5", "--shard", f"{k}/2") for k in (0, 1)]
    merged = str(results / "merged.h5")
    subprocess.run([cli.executable(), "merge", merged, *shards], check=True, capture_output=True)
    check_netcdf(merged)
    with netcdf.open_group(merged) as whole, netcdf.open_group(shards[1]) as second:
        np.testing.assert_array_equal(whole["task"].values, np.arange(whole.sizes["task"]))
        np.testing.assert_array_equal(second["task"].values, whole["task"].values[-second.sizes["task"]:])


def test_schema_1_files_still_read(cohort_file, tmp_path):
    old = tmp_path / "old.h5"
    netcdf.without_named_dimensions(cohort_file, old)
    with pytest.raises(ValueError, match="no dimension scale"):
        netcdf.open_group(old, "trajectories").close()
    with open_result(cohort_file) as new, open_result(old) as legacy:
        xr.testing.assert_equal(new, legacy)


@pytest.mark.parametrize("fixture", ["cohort_file", "pk_file", "saltelli_file", "lhs_file"])
def test_every_unit_parses(fixture, request):
    path = request.getfixturevalue(fixture)
    for group in netcdf.groups(path):
        with netcdf.open_group(path, group) as ds:
            for name, variable in ds.variables.items():
                if "units" in variable.attrs:
                    units.parse(variable.attrs["units"])  # raises ValueError naming the expression

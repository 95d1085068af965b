"""The package is the only Python that reads result files: no Python file or notebook outside
python/icbsim imports h5py; the unit registry reads the engine's unit expressions; the package's
executable helper raises the engine's located error."""
import glob
import os
import re

import pytest
from conftest import SOURCE

from icbsim import IcbsimError, cli, units


def test_no_python_outside_the_package_reads_hdf5_directly():
    files = [p for pattern in ("**/*.py", "**/*.ipynb")
             for p in glob.glob(os.path.join(SOURCE, pattern), recursive=True)
             if not os.path.relpath(p, SOURCE).startswith(("python" + os.sep, "build"))]
    assert any(p.endswith("plot_pk.py") for p in files)
    imports = re.compile(r'^\s*"?(import|from)\s+h5py\b', re.MULTILINE)  # "?: a notebook's JSON source lines
    offenders = [os.path.relpath(p, SOURCE) for p in files if imports.search(open(p, encoding="utf-8").read())]
    assert offenders == [], offenders


@pytest.mark.parametrize("text, scale, dims", [
    ("mg/L", 1e-3 / 1e-3, {"mass": 1, "length": -3}),
    ("g/cm^3", 1.0 / 1e-6, {"mass": 1, "length": -3}),
    ("nM", 1e-9 * 1e3, {"amount": 1, "length": -3}),
    ("1/(cell*day)", 1.0, {"cells": -1, "time": -1}),
    ("cells/mm^2", 1e6, {"cells": 1, "length": -2}),
    ("%/month", 1e-2 / (365.25 / 12), {"time": -1}),
    ("1", 1.0, {}),
])
def test_unit_expressions(text, scale, dims):
    unit = units.parse(text)
    assert unit.scale == pytest.approx(scale) and unit.dims() == dims


def test_unit_conversion_and_errors():
    assert units.convert(30.4375, "day", "month") == pytest.approx(1.0)
    with pytest.raises(ValueError, match="different dimensions"):
        units.convert(1.0, "day", "mg")
    with pytest.raises(ValueError, match="unknown symbol 'furlong'"):
        units.parse("furlong/day")


def test_bad_scenario_raises_the_located_message(tmp_path):
    with pytest.raises(IcbsimError) as err:
        cli.run(os.path.join(SOURCE, "tests", "data", "bad", "parameter_nan.yaml"), tmp_path / "x.h5")
    assert "parameter_nan.yaml:5:6" in str(err.value) and err.value.returncode == 2
    assert not (tmp_path / "x.h5").exists()

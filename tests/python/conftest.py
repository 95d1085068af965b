"""Fixtures of the Python package tests: result files made by running the built icbsim executable
on small scenarios (once per session), never committed results. ctest sets ICBSIM_SOURCE_DIR,
ICBSIM_BINARY_DIR and PYTHONPATH=<build>/python (tests/python/CMakeLists.txt)."""
import os

import pytest

from icbsim import cli

SOURCE = os.environ.get("ICBSIM_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))

# A Saltelli design small enough to run in a second: three parameters of Kuznetsov 1994.
KUZNETSOV_SWEEP = """\
icbsim: 1
model: kuznetsov1994
initial: {E: 3.2e5 cells, T: 5e6 cells}
time: {end: 60 days, output_every: 60 days}
sweep:
  design: saltelli
  samples: 128
  axes:
    - {parameter: a, distribution: uniform, min: 0.1 1/day, max: 0.3 1/day}
    - {parameter: n, distribution: uniform, min: 5e-8 1/(cell*day), max: 2e-7 1/(cell*day)}
    - {parameter: s, distribution: uniform, min: 1e4 cells/day, max: 1.6e4 cells/day}
  outputs: [final:T]
  bootstrap: {resamples: 50, level: 0.95}
seed: 7
"""


def source(*parts):
    return os.path.join(SOURCE, *parts)


@pytest.fixture(scope="session")
def results(tmp_path_factory):
    return tmp_path_factory.mktemp("results")


@pytest.fixture(scope="session")
def cohort_file(results):
    """60 patients x 2 arms of Kuznetsov 1994 with RECIST readout and b2m_loss carried at 30 %."""
    return cli.run(source("tests", "data", "kuznetsov_cohort.yaml"), results / "cohort.h5")


@pytest.fixture(scope="session")
def quickstart_file(results):
    """The built-in quickstart: one Kuznetsov patient, no readout, no arms."""
    return cli.run(None, results / "quickstart.h5")


@pytest.fixture(scope="session")
def pk_file(results):
    return cli.run(source("configs", "scenarios", "pk_pembrolizumab.yaml"), results / "pk.h5")


@pytest.fixture(scope="session")
def saltelli_file(results):
    return cli.sweep(KUZNETSOV_SWEEP, results / "saltelli.h5")


@pytest.fixture(scope="session")
def lhs_file(results):
    return cli.sweep(source("tests", "data", "sweeps", "kuznetsov_cohort_sweep.yaml"), results / "lhs.h5")

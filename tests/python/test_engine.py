"""icbsim.run: the engine in the Python process gives the command line's arrays bit for bit, takes
scenarios as paths, text or dicts with overrides, raises located errors and releases the GIL."""
import subprocess
import threading
import time

import pytest
import xarray as xr
import yaml

import icbsim
from conftest import source
from icbsim import cli, compare

COHORT = source("tests", "data", "kuznetsov_cohort.yaml")


def cli_run(scenario, path):
    """The executable's result for `scenario`, written at `path` (the resolved scenario stores the
    output name, so both sides write the same name) and moved aside to PATH.cli."""
    cli.run(scenario, path)
    moved = path.with_suffix(".cli")
    path.rename(moved)
    return moved


def assert_same_datasets(a, b, allowed=()):
    """Every dataset and attribute of two result files equal bit for bit (compare.py), but for the
    root attributes in `allowed` (e.g. the scenario's own text, which overrides change)."""
    problems = [p for p in compare.differences(a, b) if p.split(":")[0] not in {f"/@{k}" for k in allowed}]
    assert problems == []


def test_quickstart_is_bit_identical_to_the_command_line(tmp_path):
    reference = cli_run(None, tmp_path / "q.h5")
    with icbsim.run(output=tmp_path / "q.h5") as ds:
        assert ds.sizes["task"] == 1
    assert_same_datasets(reference, tmp_path / "q.h5")


def test_in_memory_result_equals_the_file(tmp_path):
    reference = cli_run(COHORT, tmp_path / "r.h5")
    memory = icbsim.run(COHORT)
    with icbsim.open_result(reference) as on_disk:
        for name in on_disk.variables:
            xr.testing.assert_identical(memory[name].variable, on_disk[name].variable)
    assert memory.attrs["report"] == on_disk.attrs["report"]
    assert memory.sizes == {**on_disk.sizes}


def test_overrides_merge_like_a_later_base_file(tmp_path):
    derived = tmp_path / "derived.yaml"
    derived.write_text(f"base: {COHORT}\nseed: 12\npopulation: {{size: 20}}\n")
    reference = cli_run(derived, tmp_path / "r.h5")
    for overrides in ({"seed": 12, "population.size": 20}, {"seed": 12, "population": {"size": 20}}):
        icbsim.run(COHORT, overrides=overrides, output=tmp_path / "r.h5").close()
        # the scenario's own text differs; the resolved scenario does not
        assert_same_datasets(reference, tmp_path / "r.h5", allowed=("scenario", "scenario_file"))


def test_scenario_as_text_and_as_dict(tmp_path):
    text = open(COHORT, encoding="utf-8").read()
    reference = cli_run(COHORT, tmp_path / "r.h5")
    icbsim.run(text, output=tmp_path / "r.h5").close()
    assert_same_datasets(reference, tmp_path / "r.h5", allowed=("scenario_file",))
    icbsim.run(yaml.safe_load(text), output=tmp_path / "r.h5").close()
    assert_same_datasets(reference, tmp_path / "r.h5", allowed=("scenario", "scenario_file"))


def test_bad_scenario_gives_the_command_lines_message(tmp_path):
    bad = source("tests", "data", "bad", "misspelt_parameter.yaml")
    done = subprocess.run([cli.executable(), "validate", bad], capture_output=True, text=True)
    with pytest.raises(icbsim.ScenarioError) as raised:
        icbsim.run(bad, output=tmp_path / "never.h5")
    assert str(raised.value) in done.stderr
    assert f"{bad}:5:3" in str(raised.value)
    assert not (tmp_path / "never.h5").exists() and list(tmp_path.iterdir()) == []


def test_bad_overrides_are_located_in_the_overrides(tmp_path):
    with pytest.raises(icbsim.ScenarioError, match=r"<overrides>:2:3: .*has no parameter 'aa'"):
        icbsim.run(COHORT, overrides={"parameters.aa": 0.1}, output=tmp_path / "never.h5")
    with pytest.raises(icbsim.ScenarioError, match=r"<overrides>:1:7: "):
        icbsim.run(COHORT, overrides={"seed": "eleven"}, output=tmp_path / "never.h5")
    with pytest.raises(TypeError):
        icbsim.run(COHORT, overrides=["seed", 3])
    with pytest.raises(icbsim.IoError, match="cannot read scenario file"):
        icbsim.run(str(tmp_path / "missing.yaml"))
    assert list(tmp_path.iterdir()) == []


def test_resolve_fills_defaults_like_validate():
    done = subprocess.run([cli.executable(), "validate", COHORT], capture_output=True, text=True, check=True)
    resolved = icbsim.resolve(COHORT)
    assert resolved.strip() in done.stdout


def test_the_gil_is_released_while_simulating(tmp_path):
    """Python code keeps running while the engine simulates in another thread: this thread sees the
    run's half-written OUT.partial (created when the run starts, renamed into place as its last
    step) with no OUT beside it, which it could not if the engine held the GIL from start to end.
    An order of events, not a timing."""
    output = tmp_path / "gil.h5"
    partial = tmp_path / "gil.h5.partial"

    def simulate():
        icbsim.run(COHORT, overrides={"population.size": 600}, output=output).close()

    worker = threading.Thread(target=simulate)
    worker.start()
    seen_during_run = False
    while worker.is_alive() and not seen_during_run:
        seen_during_run = partial.exists() and not output.exists()
        time.sleep(0.001)
    worker.join()
    assert output.exists() and not partial.exists(), "the run did not complete"
    assert seen_during_run, "no Python code ran between the start and the end of the run"

"""In-process runs: `icbsim.run(scenario, overrides=..., output=...)` runs the engine inside this
Python process (the compiled `icbsim._engine` extension), with the scenario as a file, YAML text or
a dict, and returns the result as an xarray.Dataset (open_result's view of the file it wrote)."""
import os
import pathlib
import shutil
import tempfile

import yaml

from .results import open_result

try:
    from . import _engine
    from ._engine import Error, IoError, ScenarioError, SolverError
except ImportError as missing:  # the package without its compiled part (source tree, sanitizer build)
    _engine, _MISSING = None, missing

    class Error(RuntimeError):
        """An error of the engine."""

    class ScenarioError(Error):
        """The scenario or its overrides are invalid (file:line:column)."""

    class SolverError(Error):
        """An integration failed."""

    class IoError(Error):
        """A file could not be read or written."""

__all__ = ["Error", "IoError", "ScenarioError", "SolverError", "resolve", "run"]


def _source(scenario):
    """(text, name) of a scenario given as None (the built-in quickstart), a path, YAML text or a
    dict. A path's folder locates the scenario's relative paths (base:, output:); text and dicts
    resolve them from the working folder."""
    if scenario is None:
        return None, ""
    if isinstance(scenario, dict):
        return yaml.safe_dump(scenario, sort_keys=False), "<scenario dict>"
    if isinstance(scenario, os.PathLike) or (isinstance(scenario, str) and "\n" not in scenario):
        path = os.fspath(scenario)
        try:
            with open(path, encoding="utf-8") as f:
                return f.read(), path
        except OSError as e:
            raise IoError(f"cannot read scenario file '{path}': {e.strerror}") from None
    if isinstance(scenario, str):
        return scenario, "<scenario text>"
    raise TypeError(f"a scenario is a path, YAML text, a dict or None, not {type(scenario).__name__}")


def _nested(overrides):
    """Overrides with dotted keys ({"parameters.a": "0.2 1/day"}) as nested maps."""
    out = {}
    for key, value in overrides.items():
        if not isinstance(key, str):
            raise TypeError(f"override keys are strings, not {type(key).__name__}")
        node = out
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise ValueError(f"override '{key}' sets a key below '{part}', which is given a value")
        node[last] = _nested(value) if isinstance(value, dict) else value
    return out


def _overrides_text(overrides):
    if overrides is None:
        return None
    if not isinstance(overrides, dict):
        raise TypeError(f"overrides are a dict of scenario keys, not {type(overrides).__name__}")
    return yaml.safe_dump(_nested(overrides), sort_keys=False)


def _extension():
    if _engine is None:
        raise ImportError("in-process runs need the compiled extension icbsim._engine, built with the project "
                          f"(not in sanitizer builds); use icbsim.cli.run for the executable ({_MISSING})")
    return _engine


def resolve(scenario=None, overrides=None):
    """The scenario validated, with every default filled in (YAML text), as `icbsim validate`
    prints it; raises ScenarioError with file:line:column for bad input."""
    text, name = _source(scenario)
    return _extension().resolve(text, name, _overrides_text(overrides))


def run(scenario=None, overrides=None, output=None, *, sweep=False):
    """Runs `scenario` (None: the built-in quickstart; a path; YAML text; a dict) in this process,
    with `overrides` (a dict of scenario keys, nested or dotted: {"parameters.a": "0.2 1/day"}) on
    top, the way a later `base:` file would be merged.

    output=None: the result is written to a temporary file, loaded into memory and the file
    removed; the Dataset is the one `open_result` gives for the file. output=PATH: the result file
    is written there (replacing an earlier one, as `icbsim run -o PATH` does) and the Dataset reads
    it lazily (close it, or use `with`). The arrays equal those of the command line's file bit for
    bit; the file's root attributes (failed_tasks, threads, wall_seconds, report, ...) are
    `ds.attrs`.

    Bad input raises ScenarioError with the command line's message (file:line:column;
    "<overrides>" for the overrides), file problems IoError; nothing is written then. The GIL is released while the
    engine runs (OpenMP threads as OMP_NUM_THREADS says); Ctrl-C stops starting tasks, keeps the
    finished ones in OUTPUT.interrupted.h5 and raises KeyboardInterrupt."""
    engine = _extension()
    text, name = _source(scenario)
    overrides_text = _overrides_text(overrides)
    if output is not None:
        return open_result(engine.run(text, name, overrides_text, os.fspath(output), sweep)["output"])
    scratch = tempfile.mkdtemp(prefix="icbsim-run-")
    try:
        done = engine.run(text, name, overrides_text, str(pathlib.Path(scratch) / "result.h5"), sweep)
        with open_result(done["output"]) as ds:
            return ds.load()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

"""Runs the `icbsim` executable from Python (a scenario file or YAML text into a result file), with
its located error message raised as `IcbsimError`. `run(scenario, output)` has the shape an
in-process run keeps, so code written against it needs no change beyond the import."""
import os
import shutil
import subprocess
import tempfile

try:
    from ._location import EXECUTABLE as _CONFIGURED
except ImportError:  # the package run from the source tree
    _CONFIGURED = None


class IcbsimError(RuntimeError):
    """The executable refused the input or failed; the message is its own (file:line:column)."""

    def __init__(self, message, returncode):
        super().__init__(message)
        self.returncode = returncode


def executable():
    """The icbsim executable: $ICBSIM_EXECUTABLE, else the one this package was built or installed
    with, else `icbsim` on PATH."""
    for candidate in (os.environ.get("ICBSIM_EXECUTABLE"), _CONFIGURED):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("icbsim")
    if not found:
        raise FileNotFoundError("no icbsim executable: set ICBSIM_EXECUTABLE, build the project "
                                "(build/engine/cli/icbsim) or install it (cmake --install)")
    return found


def _command(verb, scenario, output, args):
    """Runs `icbsim VERB SCENARIO -o OUTPUT ARGS`; a scenario given as YAML text (it has a line
    break) is written to a temporary folder first, so relative paths in it (base:) would be
    resolved from there: give such scenarios as files."""
    scenario = os.fspath(scenario) if scenario is not None else None
    with tempfile.TemporaryDirectory() as scratch:
        if scenario is not None and "\n" in scenario:
            path = os.path.join(scratch, "scenario.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(scenario)
            scenario = path
        cmd = [executable(), verb] + ([scenario] if scenario else []) + ["-q", "-o", os.fspath(output)] + list(args)
        done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some tasks failed, recorded in the file
        raise IcbsimError((done.stderr or done.stdout).strip(), done.returncode)
    return os.fspath(output)


def run(scenario, output, *args):
    """`icbsim run SCENARIO -o OUTPUT` (scenario: a path, YAML text, or None for the built-in
    quickstart); returns the output path. Extra command-line arguments follow (e.g. '--tasks',
    '0:10')."""
    return _command("run", scenario, output, args)


def sweep(scenario, output, *args):
    """`icbsim sweep SCENARIO -o OUTPUT`; returns the output path."""
    return _command("sweep", scenario, output, args)

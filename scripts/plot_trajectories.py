#!/usr/bin/python3
"""Draws the trajectories of any icbsim result file, one panel per state variable and observable (or a selection: --var, --kind, --unit) for the first few tasks.
Same as `python3 -m icbsim.plots trajectories` (python/icbsim/plots, docs/plots.md)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from icbsim.plots.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["trajectories"] + sys.argv[1:]))

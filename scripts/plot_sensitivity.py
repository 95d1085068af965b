#!/usr/bin/python3
"""Draws the sensitivity indices of an icbsim sweep result file, one figure per arm and output (docs/sensitivity.md).
Same as `python3 -m icbsim.plots sensitivity` (python/icbsim/plots, docs/plots.md)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from icbsim.plots.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["sensitivity"] + sys.argv[1:]))

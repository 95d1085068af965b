#!/usr/bin/python3
"""Draws the drug exposure of one task of an icbsim result file: every observable in a concentration unit, named occupancy series (--occupancy), and the doses given.
Same as `python3 -m icbsim.plots pk` (python/icbsim/plots, docs/plots.md)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from icbsim.plots.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["pk"] + sys.argv[1:]))

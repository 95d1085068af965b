#!/usr/bin/python3
"""Renders the lattice snapshots of a spatial icbsim result: slices, the 3-D tumour and a GIF.
Same as `python3 -m icbsim.plots spatial` (python/icbsim/plots, docs/plots.md)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from icbsim.plots.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["spatial"] + sys.argv[1:]))

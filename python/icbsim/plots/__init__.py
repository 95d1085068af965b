"""Plots of icbsim result files (PNG, SVG or PDF by the output's extension or `fmt`): the cohort
figures, trajectories, drug exposure, sensitivity indices and spatial snapshots. Also a command
line: `python3 -m icbsim.plots {cohort,trajectories,pk,sensitivity,spatial} FILE ...`."""
from .cohort_plots import (cohort, plot_kaplan_meier, plot_mechanisms, plot_panel, plot_spider, plot_swimmer,
                     plot_waterfall)
from ._common import Cohort, save
from .sensitivity import sensitivity
from .series import pk, select, trajectories
from .spatial import spatial

__all__ = ["Cohort", "cohort", "pk", "plot_kaplan_meier", "plot_mechanisms", "plot_panel", "plot_spider",
           "plot_swimmer", "plot_waterfall", "save", "select", "sensitivity", "spatial", "trajectories"]

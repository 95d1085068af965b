"""icbsim from Python: in-process runs (icbsim.run), result files as xarray Datasets and pandas
DataFrames, the stored trial report, Kaplan-Meier and log-rank, sweeps in SALib's terms, and the
plots (icbsim.plots). docs/python.md describes the package."""
from .cli import IcbsimError
from .engine import Error, IoError, ScenarioError, SolverError, resolve, run
from .report import TrialReport, trial_report
from .results import open_result, outcomes, root_attributes
from .survival import KaplanMeier, LogRank, Median, kaplan_meier, log_rank
from .sweep import Sweep, read_sweep

__all__ = ["Error", "IcbsimError", "IoError", "KaplanMeier", "LogRank", "Median", "ScenarioError", "SolverError",
           "Sweep", "TrialReport", "kaplan_meier", "log_rank", "open_result", "outcomes", "read_sweep", "resolve",
           "root_attributes", "run", "trial_report"]

"""`python3 -m icbsim.plots COMMAND FILE ...`: draws the plots of a result file (docs/plots.md).
Exit status 0 when something was drawn, 1 when the file cannot be read or gives no plot."""
import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")  # files only, no window
from ._common import FORMATS  # noqa: E402


def _stem(path):
    return path[:-3] if path.endswith(".h5") else path


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m icbsim.plots", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("cohort", help="waterfall, spider, swimmer, Kaplan-Meier, mechanisms, panel")
    p.add_argument("result")
    p.add_argument("-o", "--output", metavar="DIR", help="folder (default: RESULT without .h5, plus _plots)")
    p.add_argument("--format", choices=FORMATS, default="png")

    p = sub.add_parser("trajectories", help="one panel per selected trajectory")
    p.add_argument("result")
    p.add_argument("-o", "--output", help="file to write (default: RESULT with .png)")
    p.add_argument("--var", nargs="+", metavar="NAME", help="trajectories to draw (default: all)")
    p.add_argument("--kind", choices=("state", "observable"), help="only states or only observables")
    p.add_argument("--unit", help="only trajectories in this unit (e.g. mg/L)")
    p.add_argument("--tasks", type=int, default=5, help="how many tasks to draw (default 5)")

    p = sub.add_parser("pk", help="drug concentrations (and named occupancies) of one task")
    p.add_argument("result")
    p.add_argument("-o", "--output", help="file to write (default: RESULT_pk.png)")
    p.add_argument("--task", type=int, default=0, help="task id to draw (default 0)")
    p.add_argument("--concentration", nargs="+", metavar="NAME",
                   help="concentration series to draw (default: every observable in a concentration unit)")
    p.add_argument("--occupancy", nargs="+", default=(), metavar="NAME",
                   help="dimensionless series to draw on a [0, 1] occupancy panel")

    p = sub.add_parser("sensitivity", help="sensitivity indices of a sweep, one figure per arm and output")
    p.add_argument("result")
    p.add_argument("-o", "--output", metavar="DIR", help="folder (default: RESULT without .h5, plus _plots)")
    p.add_argument("--format", choices=FORMATS, default="png")

    p = sub.add_parser("spatial", help="lattice slices, 3-D tumour and an animation of a spatial run")
    p.add_argument("result")
    p.add_argument("-o", "--output", help="output prefix (default: RESULT without .h5)")
    p.add_argument("--task", type=int, help="snapshotted task (default: the first)")
    p.add_argument("--field", default="oxygen", help="field under the agents (default oxygen)")

    args = parser.parse_args(argv)
    from . import cohort, pk, sensitivity, spatial, trajectories

    try:
        if args.command == "cohort":
            written = cohort(args.result, args.output, args.format)
        elif args.command == "trajectories":
            written = [trajectories(args.result, args.output or _stem(args.result) + ".png", args.var, args.kind,
                                    args.unit, args.tasks)]
        elif args.command == "pk":
            written = [pk(args.result, args.output or _stem(args.result) + "_pk.png", args.task, args.occupancy,
                          args.concentration)]
        elif args.command == "sensitivity":
            written = sensitivity(args.result, args.output or _stem(args.result) + "_plots", args.format)
        else:
            written = spatial(args.result, args.output or _stem(args.result), args.task, args.field)
    except (OSError, KeyError, ValueError) as err:
        message = err.args[0] if isinstance(err, KeyError) and err.args else err
        print(f"icbsim.plots: {args.result}: {message}", file=sys.stderr)
        return 1
    if not written:
        print(f"{args.result}: nothing to plot (no tumour/scans readout?)", file=sys.stderr)
        return 1
    folders = sorted({os.path.dirname(path) or "." for path in written})
    names = ", ".join(os.path.basename(path) for path in written)
    print(f"plots         {names} in {', '.join(folders)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

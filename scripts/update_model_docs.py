#!/usr/bin/env python3
"""The variable and parameter tables of the model documents (docs/**/*.md), generated from the models' declarations:
each block between

    <!-- BEGIN generated: icbsim models --describe NAME --format markdown -->
    <!-- END generated -->

is replaced by that command's output, so a table never disagrees with the code.

    scripts/update_model_docs.py [--icbsim EXE] [--check] [DOC.md ...]   (default: every docs/**/*.md)

--check changes nothing and exits 1 naming every stale block (the test suite runs it).
"""
import argparse
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Markers at the start of a line (an indented one is an example in a code block).
BLOCK = re.compile(r"^(<!-- BEGIN generated: icbsim models --describe (\S+) --format markdown -->\n)(.*?)"
                   r"^(<!-- END generated -->)", re.DOTALL | re.MULTILINE)


def regenerated(text, icbsim):
    def table(match):
        described = subprocess.run([icbsim, "models", "--describe", match.group(2), "--format", "markdown"],
                                   capture_output=True, text=True, check=True).stdout
        return match.group(1) + described.rstrip("\n") + "\n" + match.group(4)
    return BLOCK.sub(table, text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", nargs="*", type=pathlib.Path)
    parser.add_argument("--icbsim", default=str(ROOT / "build" / "engine" / "cli" / "icbsim"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    docs = args.docs or sorted((ROOT / "docs").glob("**/*.md"))
    stale = []
    for doc in docs:
        text = doc.read_text(encoding="utf-8")
        new = regenerated(text, args.icbsim)
        if new != text:
            stale.append(doc)
            if not args.check:
                doc.write_text(new, encoding="utf-8")
    if args.check and stale:
        print("stale model tables (run scripts/update_model_docs.py):", *map(str, stale), file=sys.stderr)
        return 1
    blocks = sum(len(BLOCK.findall(d.read_text(encoding="utf-8"))) for d in docs)
    print(f"{blocks} generated model tables in {len(docs)} documents"
          + (", all current" if args.check else f", {len(stale)} updated"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

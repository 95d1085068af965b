#!/usr/bin/python3
"""Checks the release files against the source tree: CITATION.cff is valid CFF 1.2.0 YAML with
the project's version, CHANGELOG.md's latest release is the project's version, LICENSE is
BSD-3-Clause, THIRD_PARTY.md names every package scripts/setup.sh installs, and the container
recipes install through scripts/setup.sh and build with the release preset.
Usage: check_release_files.py SOURCE_DIR PROJECT_VERSION CHECK   (CHECK: one of CHECKS below)"""
import datetime
import os
import re
import sys

import yaml

SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$")


def read(source, name):
    with open(os.path.join(source, name), encoding="utf-8") as f:
        return f.read()


def check_citation(source, version):
    cff = yaml.safe_load(read(source, "CITATION.cff"))
    problems = []
    if not isinstance(cff, dict):
        return ["CITATION.cff is not a YAML mapping"]
    # Required keys of CFF 1.2.0 (schema.json "required").
    for key in ("cff-version", "message", "title", "authors"):
        if key not in cff:
            problems.append(f"CITATION.cff: required key '{key}' is missing")
    if cff.get("cff-version") != "1.2.0":
        problems.append(f"CITATION.cff: cff-version is {cff.get('cff-version')!r}, expected '1.2.0'")
    authors = cff.get("authors")
    if not isinstance(authors, list) or not authors:
        problems.append("CITATION.cff: authors must be a non-empty list")
    else:
        for i, a in enumerate(authors):
            if not isinstance(a, dict) or not (a.get("name") or a.get("family-names")):
                problems.append(f"CITATION.cff: author {i + 1} needs 'name' (entity) or 'family-names' (person)")
    for key in ("message", "title"):
        if key in cff and (not isinstance(cff[key], str) or not cff[key].strip()):
            problems.append(f"CITATION.cff: '{key}' must be a non-empty string")
    if str(cff.get("version")) != version:
        problems.append(f"CITATION.cff: version {cff.get('version')!r} differs from project(VERSION) {version}")
    if cff.get("license") != "BSD-3-Clause":
        problems.append(f"CITATION.cff: license {cff.get('license')!r}, expected the SPDX id 'BSD-3-Clause'")
    if cff.get("type", "software") not in ("software", "dataset"):
        problems.append("CITATION.cff: type must be 'software' or 'dataset'")
    released = cff.get("date-released")
    if released is not None:
        try:
            datetime.date.fromisoformat(str(released))
        except ValueError:
            problems.append(f"CITATION.cff: date-released {released!r} is not YYYY-MM-DD")
    return problems


def changelog_releases(text):
    """The release headings '## [X.Y.Z] - YYYY-MM-DD' in file order."""
    return re.findall(r"^## \[(\d[^\]]*)\] - (\d{4}-\d{2}-\d{2})\s*$", text, flags=re.M)


def check_changelog(source, version):
    text = read(source, "CHANGELOG.md")
    problems = []
    if not re.search(r"^## \[Unreleased\]\s*$", text, flags=re.M):
        problems.append("CHANGELOG.md: no '## [Unreleased]' section")
    releases = changelog_releases(text)
    if not releases:
        return problems + ["CHANGELOG.md: no release heading '## [X.Y.Z] - YYYY-MM-DD'"]
    latest, date = releases[0]
    if latest != version:
        problems.append(f"CHANGELOG.md: latest release {latest} differs from project(VERSION) {version}")
    for v, d in releases:
        if not SEMVER.match(v):
            problems.append(f"CHANGELOG.md: '{v}' is not a semantic version")
        datetime.date.fromisoformat(d)
    cff = yaml.safe_load(read(source, "CITATION.cff"))
    if str(cff.get("date-released")) != date:
        problems.append(f"CHANGELOG.md: release date {date} differs from CITATION.cff date-released {cff.get('date-released')}")
    return problems


def check_license(source, version):
    text = read(source, "LICENSE")
    problems = []
    if not text.startswith("BSD 3-Clause License"):
        problems.append("LICENSE: not the BSD 3-Clause licence text")
    if "Copyright (c) 2026, The icbsim developers" not in text:
        problems.append("LICENSE: copyright line 'Copyright (c) 2026, The icbsim developers' missing")
    if "Neither the name of the copyright holder" not in text:
        problems.append("LICENSE: the third clause is missing")
    return problems


def setup_packages(source):
    """The Debian packages listed in scripts/setup.sh's packages=( ... ) array."""
    text = read(source, "scripts/setup.sh")
    match = re.search(r"^packages=\((.*?)^\)", text, flags=re.M | re.S)
    if not match:
        raise SystemExit("scripts/setup.sh: no packages=( ... ) list")
    return match.group(1).split()


def check_third_party(source, version):
    text = read(source, "THIRD_PARTY.md")
    missing = [p for p in setup_packages(source) if not re.search(r"(?<![\w-])" + re.escape(p) + r"(?![\w-])", text)]
    return [f"THIRD_PARTY.md: package '{p}' from scripts/setup.sh is not listed" for p in missing]


def check_containers(source, version):
    problems = []
    for name, base in (("Dockerfile", r"^FROM debian:12\s*$"), ("containers/icbsim.def", r"^From:\s*debian:12\s*$")):
        text = read(source, name)
        # Only instructions count, not comments.
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        if not re.search(base, code, flags=re.M):
            problems.append(f"{name}: base image is not debian:12")
        if not re.search(r"\bbash scripts/setup\.sh\b", code):
            problems.append(f"{name}: does not install packages through scripts/setup.sh")
        if not re.search(r"\bcmake --preset release\b", code):
            problems.append(f"{name}: does not configure with the release preset")
        if not re.search(r"\bcmake --build --preset release\b", code):
            problems.append(f"{name}: does not build with the release preset")
        if re.search(r"\b(pip3?|conda|curl|wget)\b", code):
            problems.append(f"{name}: installs something that is not a Debian package")
    docker = read(source, "Dockerfile")
    if not re.search(r'^ENTRYPOINT \["icbsim"\]', docker, flags=re.M):
        problems.append('Dockerfile: entry point is not ["icbsim"]')
    if not re.search(r"^%runscript\s*\n\s*exec icbsim \"\$@\"", read(source, "containers/icbsim.def"), flags=re.M):
        problems.append('containers/icbsim.def: %runscript does not exec icbsim "$@"')
    return problems


CHECKS = {"citation": check_citation, "changelog": check_changelog, "license": check_license,
          "third_party": check_third_party, "containers": check_containers}


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in CHECKS:
        raise SystemExit(f"usage: {sys.argv[0]} SOURCE_DIR PROJECT_VERSION {'|'.join(CHECKS)}")
    source, version, check = sys.argv[1:]
    problems = CHECKS[check](source, version)
    for p in problems:
        print("error:", p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"{check}: ok (version {version})")


if __name__ == "__main__":
    main()

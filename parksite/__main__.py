"""Command line: `python -m parksite check` and `python -m parksite build`."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys

from parksite.check import check
from parksite.errors import DataError
from parksite.notices import placeholder_notices
from parksite.paths import CONFIG_FILE, ROOT, SITE_DIR


def run_check() -> int:
    try:
        park = check()
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for line in placeholder_notices(park):
        print(f"NOTICE: {line}")
    print(f"OK: data/park.yml ({len(park.facts)} facts) and every page's fact references.")
    return 0


def run_build() -> int:
    """Check, build into a fresh folder, and only then replace site/: never half a site."""
    if run_check():
        print("Nothing was built; site/ is unchanged.", file=sys.stderr)
        return 1
    fresh = SITE_DIR.with_name(".site-new")
    old = SITE_DIR.with_name(".site-old")
    for folder in (fresh, old):
        shutil.rmtree(folder, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(CONFIG_FILE),
        "--site-dir",
        str(fresh),
    ]
    result = subprocess.run(command, cwd=ROOT, env=os.environ | {"PYTHONHASHSEED": "0"})
    if result.returncode:
        shutil.rmtree(fresh, ignore_errors=True)
        print("The build failed; site/ is unchanged.", file=sys.stderr)
        return result.returncode
    if SITE_DIR.exists():
        SITE_DIR.rename(old)
    fresh.rename(SITE_DIR)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parksite")
    parser.add_argument("command", choices=["check", "build"])
    args = parser.parse_args(argv)
    return run_check() if args.command == "check" else run_build()


if __name__ == "__main__":
    sys.exit(main())

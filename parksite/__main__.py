"""Command line: `python -m parksite check`, `... build` and `... schema`."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys

from parksite.checks.notices import all_notices
from parksite.checks.project import check
from parksite.model.errors import DataError
from parksite.model.jsonschema import write_schema
from parksite.project import CONFIG_FILE, PROJECT, ROOT, SCHEMA_FILE, SITE_DIR, shown


def run_check() -> int:
    try:
        site = check()
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    park = site.park
    for line in all_notices(park, site=site):
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
    result = subprocess.run(
        command, cwd=ROOT, env=os.environ | {"PYTHONHASHSEED": "0", "NO_MKDOCS_2_WARNING": "1"}
    )
    if result.returncode:
        shutil.rmtree(fresh, ignore_errors=True)
        print("The build failed; site/ is unchanged.", file=sys.stderr)
        return result.returncode
    if SITE_DIR.exists():
        SITE_DIR.rename(old)
    fresh.rename(SITE_DIR)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def run_schema() -> int:
    """Write data/park.schema.json from the model (run after changing parksite/model.py)."""
    changed = write_schema(PROJECT)
    print(f"{shown(SCHEMA_FILE)} {'written' if changed else 'is up to date'}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    commands = {"check": run_check, "build": run_build, "schema": run_schema}
    parser = argparse.ArgumentParser(prog="python -m parksite")
    parser.add_argument("command", choices=commands)
    args = parser.parse_args(argv)
    return commands[args.command]()


if __name__ == "__main__":
    sys.exit(main())

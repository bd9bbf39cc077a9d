"""Command line: `python -m parksite check`, `... build` and `... schema`."""

from __future__ import annotations

import argparse
import sys

from parksite.checks.notices import all_notices
from parksite.checks.project import check
from parksite.mkdocs.macros import engine_macros
from parksite.model.errors import DataError
from parksite.model.jsonschema import write_schema
from parksite.project import PROJECT, SCHEMA_FILE, shown
from parksite.tools import build


def run_check() -> int:
    try:
        park = check(macros=engine_macros()).park
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for line in all_notices(park):
        print(f"NOTICE: {line}")
    print(f"OK: data/park.yml ({len(park.facts)} facts) and every page's fact references.")
    return 0


def run_build() -> int:
    """Check, build into a fresh folder, and only then replace site/ (parksite.tools.build)."""
    return build.run_build(run_check)


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

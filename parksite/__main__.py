"""Command line: `python -m parksite check`, `... build`, `... serve` and `... schema`.

`--verbose` (or VERBOSE=1, as `make build VERBOSE=1` sets it) prints everything MkDocs and
its plugins say; without it a clean run prints a few lines.
"""

from __future__ import annotations

import argparse
import os
import sys

from parksite.model.jsonschema import write_schema
from parksite.project import PROJECT, SCHEMA_FILE, shown
from parksite.tools.logs import VERBOSE, verbose_wanted


def run_schema(verbose: bool) -> int:
    """Write data/park.schema.json from the model (run after changing parksite/model/park.py)."""
    changed = write_schema(PROJECT)
    print(f"{shown(SCHEMA_FILE)} {'written' if changed else 'is up to date'}.")
    return 0


def run_check(verbose: bool) -> int:
    from parksite.tools import build

    return build.run_check(verbose)


def run_build(verbose: bool) -> int:
    """Check, build into a fresh folder, and only then replace site/ (parksite.tools.build)."""
    from parksite.tools import build

    return build.run_build(lambda: build.run_check(verbose, summarise=False))


def run_serve(verbose: bool, host: str, port: int) -> int:
    from parksite.tools.serve import serve

    return serve(host, port, verbose)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parksite")
    parser.add_argument("command", choices=("check", "build", "serve", "schema"))
    parser.add_argument("--verbose", action="store_true", help="print everything (VERBOSE=1)")
    parser.add_argument("--host", default="127.0.0.1", help="serve: the address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="serve: the port to listen on")
    args = parser.parse_args(argv)
    verbose = args.verbose or verbose_wanted()
    if verbose:
        os.environ[VERBOSE] = "1"  # for the build's second process
    if args.command == "serve":
        return run_serve(verbose, args.host, args.port)
    return {"check": run_check, "build": run_build, "schema": run_schema}[args.command](verbose)


if __name__ == "__main__":
    sys.exit(main())

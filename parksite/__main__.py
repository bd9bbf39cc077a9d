"""Command line: `python -m parksite check`, `build [--site-dir DIR]`, `macros` and `headers`."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from parksite.catalogue import write_catalogue
from parksite.check import check
from parksite.errors import DataError
from parksite.notices import placeholder_notices
from parksite.paths import CONFIG_FILE, ROOT, SITE_DIR
from parksite.publish import site_headers
from parksite.reproducible import build_environment


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


def run_build(site_dir: Path = SITE_DIR) -> int:
    """Check, build into a fresh folder, and only then replace site/: never half a site."""
    if run_check():
        print("Nothing was built; site/ is unchanged.", file=sys.stderr)
        return 1
    fresh = site_dir.with_name(".site-new")
    old = site_dir.with_name(".site-old")
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
    result = subprocess.run(command, cwd=ROOT, env=build_environment())
    if result.returncode:
        shutil.rmtree(fresh, ignore_errors=True)
        print("The build failed; site/ is unchanged.", file=sys.stderr)
        return result.returncode
    if site_dir.exists():
        site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def run_macros() -> int:
    """Rewrite the macro catalogue in CONTRIBUTING.md from the macros' docstrings."""
    found = write_catalogue()
    for line in found:
        print(line, file=sys.stderr)
    if not found:
        print("OK: the macro catalogue in CONTRIBUTING.md is written from macros.py.")
    return 1 if found else 0


def run_headers(site_dir: Path) -> int:
    """Print each file of the built site with the headers to serve it with (tab-separated)."""
    if not site_dir.is_dir():
        print(f"{site_dir} does not exist: run `make build` first.", file=sys.stderr)
        return 1
    print("path\tcontent-type\tcache-control\tcompress")
    for h in site_headers(site_dir):
        print(f"{h.path}\t{h.content_type}\t{h.cache_control}\t{'yes' if h.compress else 'no'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parksite")
    parser.add_argument("command", choices=["check", "build", "macros", "headers"])
    parser.add_argument("--site-dir", type=Path, default=SITE_DIR, help="the built site")
    args = parser.parse_args(argv)
    if args.command == "macros":
        return run_macros()
    if args.command == "headers":
        return run_headers(args.site_dir.resolve())
    return run_check() if args.command == "check" else run_build(args.site_dir.resolve())


if __name__ == "__main__":
    sys.exit(main())

"""`make check` and `make build`: what they do and, above all, what they print.

Quiet by default: a clean check prints one line, a clean build a handful (what was checked,
the notices once, what was built and where). A problem always prints in full, with file,
line and how to fix it. VERBOSE=1 adds everything MkDocs and its plugins say.

The site itself is built in a second Python process (`python -m parksite.tools.build
--site-dir ...`) whose hash seed is fixed, so that two builds of one commit are identical.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from parksite.checks.notices import all_notices
from parksite.checks.project import check
from parksite.content.pages import read_pages
from parksite.model.errors import DataError
from parksite.model.park import Park
from parksite.model.review import review_date
from parksite.project import CONFIG_FILE, DATA_FILE, DOCS_DIR, ROOT, SITE_DIR, shown
from parksite.tools.logs import configure, verbose_wanted

SEE_NOTICES = "make check VERBOSE=1"
Builder = Callable[[Path], int]


def checked_line(park: Park, pages: int) -> str:
    return f"OK: {shown(DATA_FILE)} ({len(park.facts)} facts) and {pages} pages have no problem."


def notices_summary(park: Park, today: dt.date | None = None) -> str:
    """The notices in a few words: how many placeholders and facts due, and how to list them."""
    today = today or dt.date.today()
    parts = []
    holders = sum(1 for entry in park.placeholders.values() if entry.placeholder)
    if holders:
        parts.append(f"{holders} placeholder{'s' * (holders != 1)} to fill in")
    due = sum(1 for fact_id in park.facts if review_date(park, fact_id) < today)
    if due:
        parts.append(f"{due} fact{'s' * (due != 1)} due for review")
    if not parts:
        return ""
    return f"Still to do: {' and '.join(parts)} (`{SEE_NOTICES}` lists them)."


def run_check(verbose: bool = False, *, summarise: bool = True) -> int:
    """Check the data and the pages; print the problems, or one line (and the notices)."""
    try:
        park = check()
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    line = checked_line(park, len(read_pages(DOCS_DIR)))
    if verbose or not summarise:
        print(line)
        for notice in all_notices(park):
            print(f"Notice: {notice}")
    else:
        print(" ".join(filter(None, [line, notices_summary(park)])))
    return 0


def mkdocs_build(fresh: Path) -> int:
    """A strict MkDocs build of the project into `fresh`, in a second process whose hash
    seed is fixed (see the module's note); its exit code."""
    command = [sys.executable, "-m", "parksite.tools.build", "--site-dir", str(fresh)]
    env = os.environ | {"PYTHONHASHSEED": "0", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=ROOT, env=env).returncode


def run_build(
    check: Callable[[], int], build: Builder = mkdocs_build, site: Path = SITE_DIR
) -> int:
    """Check, build into a fresh folder, and only then replace site/: never half a site."""
    if check():
        print(f"Nothing was built; {site.name}/ is unchanged.", file=sys.stderr)
        return 1
    fresh, old = site.with_name(".site-new"), site.with_name(".site-old")
    for folder in (fresh, old):
        shutil.rmtree(folder, ignore_errors=True)
    started = time.monotonic()
    code = build(fresh)
    if code:
        shutil.rmtree(fresh, ignore_errors=True)
        print(
            f"The build stopped at the problem above; {site.name}/ is unchanged.", file=sys.stderr
        )
        return code
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    seconds = round(time.monotonic() - started)
    print(f"The site is in {shown(site)}/ (built in {seconds} s); `make serve` previews it.")
    return 0


# --- The second process: MkDocs itself ---------------------------------------------------


def language_folders(config) -> list[tuple[str, str]]:
    """(folder under the site, name) of each language built: the default one at the top."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [("", config.theme.get("language") or "")]
    built = [lang for lang in i18n.config.languages if lang.build]
    return [("" if lang.default else lang.locale, lang.name) for lang in built]


def count_pages(site_dir: Path, folders: list[tuple[str, str]]) -> list[tuple[str, int]]:
    """(language name, pages) for a built site: the index.html files in each language's folder,
    leaving out the other languages' folders."""
    others = {folder for folder, _ in folders if folder}
    counts = []
    for folder, name in folders:
        root = site_dir / folder
        pages = [
            p
            for p in root.rglob("index.html")
            if folder or p.relative_to(root).parts[0] not in others
        ]
        counts.append((name, len(pages)))
    return counts


def built_line(counts: list[tuple[str, int]]) -> str:
    total = sum(n for _, n in counts)
    if len(counts) == 1:
        return f"Built {total} pages."
    return f"Built {total} pages: " + ", ".join(f"{n} in {name}" for name, n in counts) + "."


def build_site(site_dir: Path, verbose: bool) -> int:
    """A strict MkDocs build of the project into site_dir, printing only what matters."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    configure(verbose)
    try:
        config = load_config(config_file=str(CONFIG_FILE), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        # An Abort comes after MkDocs has logged the warnings or errors: its last word
        # ("Aborted with 1 warnings in strict mode!") adds nothing for staff.
        if verbose or not isinstance(exc, Abort):
            print(exc, file=sys.stderr)
        return 1
    print(built_line(count_pages(site_dir, language_folders(config))))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parksite.tools.build")
    parser.add_argument("--site-dir", type=Path, required=True)
    args = parser.parse_args(argv)
    return build_site(args.site_dir, verbose_wanted())


if __name__ == "__main__":
    sys.exit(main())

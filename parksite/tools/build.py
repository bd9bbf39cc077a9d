"""`make check` and `make build`: what they do and, above all, what they print, and a build
that never publishes half a site.

Quiet by default: a clean check prints one line, a clean build a handful (what was checked,
the notices once, what was built and where). A problem always prints in full, with file,
line and how to fix it. VERBOSE=1 adds everything MkDocs and its plugins say.

One build at a time per folder: a lock file beside site/ (`.site.lock`, fcntl.flock) makes a
second build wait for the first. The site is built into .site-new/ in a second Python process
(`python -m parksite.tools.build --site-dir ...`) whose hash seed is fixed, so that two builds
of one commit are identical; site/ is then replaced by two renames (site/ -> .site-old/,
.site-new/ -> site/). A build killed between them leaves .site-old/, which the next build
puts back before anything else, so site/ is never lost. A message says "site/ is unchanged"
only when it is true.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from parksite.checks.notices import all_notices
from parksite.checks.project import check
from parksite.mkdocs.macros import engine_macros
from parksite.model.errors import DataError
from parksite.model.park import Park
from parksite.model.review import review_date
from parksite.project import CONFIG_FILE, PROJECT, ROOT, SITE_DIR, shown
from parksite.render.factsheet import fact_sheet_notice
from parksite.tools.logs import configure, verbose_wanted

SEE_NOTICES = "make check VERBOSE=1"
Builder = Callable[[Path], int]


def checked_line(park: Park, pages: int) -> str:
    return f"OK: {shown(PROJECT.data_file)} ({len(park.facts)} facts) and {pages} pages have no problem."


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
    """Check the project; print the problems, or one line (and the notices)."""
    try:
        site = check(macros=engine_macros())
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    park = site.park
    line = checked_line(park, len(site.pages))
    if verbose or not summarise:
        print(line)
        for notice in all_notices(park, site=site):
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
    """Check, build into .site-new/ and replace site/ with it; 0 when published."""
    try:
        with _locked(site):
            restored = _recover(site)
            if restored:
                print(restored, file=sys.stderr)
            return _check_build_publish(check, build, site)
    except OSError as exc:
        if not site.exists() and _old(site).is_dir():
            _old(site).rename(site)  # failed between the renames: the last site stays
        print(
            f"{site.name}/ could not be written ({exc.strerror or exc}: {exc.filename or site}); "
            f"{_state(site)}\n    How to fix: make sure the folder {site.parent} is writable and "
            "has free space, then build again.",
            file=sys.stderr,
        )
        return 1


def _check_build_publish(check: Callable[[], int], build: Builder, site: Path) -> int:
    if check():
        print(f"Nothing was built; {_state(site)}", file=sys.stderr)
        return 1
    fresh, old = _fresh(site), _old(site)
    shutil.rmtree(fresh, ignore_errors=True)
    started = time.monotonic()
    code = build(fresh)
    if code:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"The build stopped at the problem above; {_state(site)}", file=sys.stderr)
        return code
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    seconds = round(time.monotonic() - started)
    print(f"The site is in {shown(site)}/ (built in {seconds} s); `make serve` previews it.")
    return 0


def _fresh(site: Path) -> Path:
    return site.with_name(".site-new")


def _old(site: Path) -> Path:
    return site.with_name(".site-old")


@contextmanager
def _locked(site: Path) -> Iterator[None]:
    """Hold the folder's build lock; a second build waits here for the first to end."""
    site.parent.mkdir(parents=True, exist_ok=True)
    with open(site.with_name(".site.lock"), "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Another build of this folder is running: waiting for it.", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield  # the lock ends with the file, also when the process is killed


def _recover(site: Path) -> str | None:
    """Put back the site of a build that stopped between its two renames."""
    old, fresh = _old(site), _fresh(site)
    if old.is_dir() and not site.exists():
        old.rename(site)
        shutil.rmtree(fresh, ignore_errors=True)
        return f"A build stopped while publishing: {site.name}/ was put back as it was."
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(fresh, ignore_errors=True)
    return None


def _state(site: Path) -> str:
    """What a build that did not publish left: site/ as it was, or none at all."""
    if site.is_dir():
        return f"{site.name}/ is unchanged."
    return f"there is no {site.name}/ yet: nothing is published."


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
    # What the build could not make on this machine, in one line (verbose logs it already).
    site = getattr(config.plugins.get("parksite"), "site", None)
    notice = fact_sheet_notice(site) if site is not None else None
    if notice and not verbose:
        print(notice)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parksite.tools.build")
    parser.add_argument("--site-dir", type=Path, required=True)
    args = parser.parse_args(argv)
    return build_site(args.site_dir, verbose_wanted())


if __name__ == "__main__":
    sys.exit(main())

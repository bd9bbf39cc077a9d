"""`python -m parksite build` (`make build`): check, build into a fresh folder, and only then
put it in place of site/, so that a reader never meets half a site.

One build at a time per folder: a lock file beside site/ (`.site.lock`, fcntl.flock) makes a
second build wait for the first. site/ is replaced by two renames (site/ -> .site-old/,
.site-new/ -> site/); a build killed between them leaves .site-old/, which the next build
puts back before anything else, so site/ is never lost. A message says "site/ is
unchanged" only when it is true.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from parksite.project import CONFIG_FILE, ROOT, SITE_DIR

Builder = Callable[[Path], int]


def mkdocs_build(fresh: Path) -> int:
    """A strict MkDocs build of the project into `fresh`; its exit code."""
    command = [
        *(sys.executable, "-m", "mkdocs", "build", "--strict"),
        *("--config-file", str(CONFIG_FILE), "--site-dir", str(fresh)),
    ]
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
    code = build(fresh)
    if code:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"The build failed; {_state(site)}", file=sys.stderr)
        return code
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
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

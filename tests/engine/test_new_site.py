"""Starting a site for another park, exactly as README says, on a clean clone of the project:
`make new`, then `make check`, `make build` and `make test` with the site's tests (all but
the browser's) pass on the new park, and nothing of this park is left."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parksite.project import ROOT
from tests.conftest import REPO

VENV = Path(sys.executable).parent.parent
# What the skeleton may lack and its site tests skip: a second currency, and guide examples
# of this park's facts (CONTRIBUTING.md is this park's until a new park rewrites it).
MAY_SKIP = ("no second currency", "in a second currency", "CONTRIBUTING.md's examples")
# Committed as park staff would, with a fixed identity (the build dates itself from git).
GIT_ENV = {
    **{f"GIT_{who}_NAME": "Park staff" for who in ("AUTHOR", "COMMITTER")},
    **{f"GIT_{who}_EMAIL": "staff@example.invalid" for who in ("AUTHOR", "COMMITTER")},
}


def clean_copy(dest: Path) -> Path:
    """The project's files as a fresh clone has them (tracked, or new and not ignored), its
    history one commit, with this session's installed tools in place of `make`'s first
    install: the Python environment and the Node checkers of package.json."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    (dest / ".venv").symlink_to(VENV)
    if (REPO / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(REPO / "node_modules")
    commit(dest, "A clone of the project")
    return dest


def commit(project: Path, message: str) -> None:
    env = os.environ | GIT_ENV
    if not (project / ".git").exists():
        subprocess.run(["git", "init", "-q"], cwd=project, check=True, env=env)
    for args in (("add", "-A"), ("commit", "-q", "-m", message)):
        subprocess.run(["git", *args], cwd=project, check=True, env=env)


def make(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`make` in the copy, on this session's installed environment (never reinstalled)."""
    stamp = VENV / ".installed"
    return subprocess.run(
        ["make", "-o", str(stamp), f"VENV={VENV}", f"STAMP={stamp}", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=os.environ | {"PARKSITE_ROOT": str(project), "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="module")
def new_park(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clone with a new park in three languages, one the engine has no words for, and
    committed as its team would before CI runs."""
    project = clean_copy(tmp_path_factory.mktemp("new-park"))
    made = make(project, "new", "NAME=Harbour Test Park", "LANGUAGES=en,zh,fr")
    assert made.returncode == 0, made.stdout + made.stderr
    commit(project, "Start Harbour Test Park's site")
    return project


def test_a_new_park_checks_and_builds(new_park: Path) -> None:
    checked = make(new_park, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = make(new_park, "build")
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    site = new_park / "site"
    for prefix in ("", "zh/", "fr/"):
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert "Harbour Test Park" in home
    text = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.suffix in (".html", ".json", ".csv", ".xml")
    )
    for other in ("Taiyuan", "太原", "Yingze", "迎泽", "chinadaily"):
        assert other not in text, other


def test_the_new_parks_words_in_a_language_the_engine_lacks_are_marked_to_translate(
    new_park: Path,
) -> None:
    words = (new_park / "data" / "words" / "fr.yml").read_text(encoding="utf-8")
    assert words.startswith("# TRANSLATE")
    assert not (new_park / "data" / "words" / "zh.yml").exists()


def test_make_test_passes_on_the_new_park(new_park: Path, tmp_path: Path) -> None:
    """`make test` in the clone: lint, then the site's tests on the new park in one run (the
    browser's left out for time; they read the same pages), skipping only what a new park
    may lack."""
    args = f"-m 'not browser' -p no:cacheprovider -rs --basetemp {tmp_path / 'run'} tests/site"
    result = make(new_park, "test", f"PYTEST_ARGS={args}")
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    skipped = re.findall(r"^SKIPPED \[\d+\] [^:]+:\d+: (.*)$", result.stdout, re.M)
    assert all(any(may in reason for may in MAY_SKIP) for reason in skipped), skipped
    assert re.search(r"\d+ passed", result.stdout), result.stdout[-2000:]

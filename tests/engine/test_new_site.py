"""Starting a site for another park, exactly as README says, on a clean copy of the project:
`make new`, then `make check` and `make build` pass, and nothing of this park is left."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parksite.project import ROOT

VENV = Path(sys.executable).parent.parent


def clean_copy(dest: Path) -> Path:
    """The project's files as a fresh clone has them (tracked, or new and not ignored)."""
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
    return dest


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
    project = clean_copy(tmp_path_factory.mktemp("new-park"))
    made = make(project, "new", "NAME=Harbour Test Park", "LANGUAGES=en,zh,fr")
    assert made.returncode == 0, made.stdout + made.stderr
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

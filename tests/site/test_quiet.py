"""Quiet by default: a clean `make check` prints one line, a clean `make build` a handful, and
VERBOSE=1 gives maintainers everything; a failure still says file, line and how to fix."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from parksite.project import ROOT
from parksite.tools.build import built_line, count_pages, notices_summary
from tests.conftest import copy_project, parksite_build
from tests.site.conftest import PROSE

CHATTER = ("INFO", "[macros]", "Building prefix dict", "mkdocs_static_i18n", "Loading model")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A command as staff type it: not inside another make (`make test` sets these)."""
    outer = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")
    clean = {k: v for k, v in os.environ.items() if k not in outer}
    return subprocess.run(
        [*args], cwd=ROOT, capture_output=True, text=True, env=clean | (env or {})
    )


def test_a_clean_check_prints_one_line_with_the_notices_counted() -> None:
    result = run("make", "check", env={"VERBOSE": ""})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    (line,) = result.stdout.splitlines()
    assert line.startswith("OK: data/park.yml (")
    assert "make check VERBOSE=1" in line, "says how to see the notices"


def test_verbose_check_lists_each_notice() -> None:
    result = run("make", "check", env={"VERBOSE": "1"})
    assert result.returncode == 0
    assert "-m parksite check" in result.stdout, "VERBOSE=1 shows the commands make runs"
    assert any(line.startswith("Notice: ") for line in result.stdout.splitlines())


def test_a_clean_build_prints_a_handful_of_lines_and_the_notices_once(tmp_path: Path) -> None:
    result = parksite_build(tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    output = result.stdout + result.stderr
    lines = output.splitlines()
    assert len(lines) <= 8, output
    assert not [line for line in lines if line.startswith(CHATTER)], output
    notices = [line for line in lines if line.startswith("Notice: ")]
    assert len(notices) == len(set(notices)), "each notice once"
    assert any(re.match(r"Built \d+ pages[.:]", line) for line in lines)
    assert f"The site is in {tmp_path / 'site'}/" in output


def test_verbose_build_says_everything(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "parksite", "build", "--verbose"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ | {"PARKSITE_SITE_DIR": str(tmp_path / "site")},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "INFO    -  [macros]" in result.stderr
    assert "Building prefix dict" in result.stderr


def test_a_failed_build_keeps_the_warning_and_says_the_site_is_unchanged(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / PROSE
    page.write_text(
        page.read_text(encoding="utf-8") + "\nSee [the figures](key-figure.md).\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "parksite", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        env=os.environ | {"PARKSITE_ROOT": str(project)},
    )
    assert result.returncode == 1
    assert "key-figure.md" in result.stderr
    # The copy was never built: nothing is published, and the build says so.
    assert "Nothing was built; there is no site/ yet: nothing is published." in result.stderr
    assert "Traceback" not in result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith(CHATTER)]


def test_pages_are_counted_per_language(tmp_path: Path) -> None:
    for page in ("index.html", "about/index.html", "zh/index.html", "zh/about/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<p>page</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>missing</p>", encoding="utf-8")
    counts = count_pages(tmp_path, [("", "English"), ("zh", "中文")])
    assert counts == [("English", 2), ("中文", 2)]
    assert built_line(counts) == "Built 4 pages: 2 in English, 2 in 中文."


def test_notices_are_summarised_with_how_to_list_them() -> None:
    from parksite.checks.project import check

    summary = notices_summary(check().park)
    assert summary.startswith("Still to do: ") and "VERBOSE=1" in summary

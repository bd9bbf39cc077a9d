"""Never a traceback: every failure a page, a data value, a front matter or a file causes is
told with its file, line and a hint; and publishing cannot be half done (parksite/tools/
build.py): builds of one folder take turns, a crash between the renames loses nothing, and
"site/ is unchanged" is said only when it is true."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import copy_project
from tests.engine.test_attacks import run


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def story(project: Path, text: str) -> None:
    (project / "docs" / "stories" / "case.md").write_text(text, encoding="utf-8")


# (what is broken, how, the words of the problem expected)
CASES = {
    "unquoted colon in a title": (
        lambda p: story(p, "---\ntitle: Ruifei: exports\n---\n\nText.\n"),
        "docs/stories/case.md line 2",
    ),
    "order not a number": (
        lambda p: story(p, "---\ntitle: A\norder: first\n---\n\nText.\n"),
        "docs/stories/case.md line 3: order: expected a whole number",
    ),
    "invalid UTF-8 page": (
        lambda p: (p / "docs" / "stories" / "case.md").write_bytes(b"# A\n\n\xff\xfe text\n"),
        "docs/stories/case.md line 3: the file is not saved as UTF-8",
    ),
    "control character in the data": (
        lambda p: edit(p / "data" / "park.yml", "value: 713", 'value: 713\n    note: "a\x07b"'),
        "an invisible character (U+0007)",
    ),
    "400-digit number": (
        lambda p: edit(p / "data" / "park.yml", "value: 713", "value: " + "7" * 400),
        "this number has 400 digits",
    ),
    "deep nesting": (
        lambda p: edit(p / "data" / "park.yml", "value: 713", "value: " + "[" * 500 + "]" * 500),
        "blocks are nested more than",
    ),
    "runaway range in a page": (
        lambda p: story(p, "# A\n\n{% for i in range(10**10) %}x{% endfor %}\n"),
        "docs/stories/case.md line 3: template: `{% for %}` is template code",
    ),
    "recursion in a page": (
        lambda p: story(p, "# A\n\n{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}\n"),
        "docs/stories/case.md line 3: template: `{% macro %}` is template code",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_make_check_names_file_and_line_and_never_a_traceback(tmp_path: Path, case: str) -> None:
    project = copy_project(tmp_path / "project")
    breaks, expected = CASES[case]
    breaks(project)
    result = run(project, "-m", "parksite", "check")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert expected in output, output


def test_a_build_of_an_unreadable_page_names_it_without_a_traceback(tmp_path: Path) -> None:
    """The MkDocs build on its own (as `make serve` runs it) reads the pages the same way."""
    project = copy_project(tmp_path / "project")
    CASES["invalid UTF-8 page"][0](project)
    result = run(project, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s"))
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "docs/stories/case.md line 3: the file is not saved as UTF-8" in output


def test_an_unwritable_site_folder_is_told_without_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run(project, "-m", "parksite", "build", PARKSITE_SITE_DIR=str(blocker / "site"))
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "site/ could not be written (" in output
    assert "How to fix: make sure the folder" in output


# --- Publishing -----------------------------------------------------------------------------

# A build run in a process of its own: `builder` writes 40 files slowly, tagged with its name;
# CRASH=1 makes the process die between the two renames, as a killed build would.
BUILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from parksite.tools import build

    site, tag = Path(sys.argv[1]), sys.argv[2]

    def builder(fresh):
        fresh.mkdir()
        for n in range(40):
            (fresh / f"{n}.html").write_text(tag)
            time.sleep(0.01)
        return 0

    if os.environ.get("CRASH"):
        renames = []
        real = Path.rename
        def rename(self, target):
            renames.append(target)
            if len(renames) == 2:
                os._exit(9)
            return real(self, target)
        Path.rename = rename
    check = (lambda: 1) if os.environ.get("FAIL") else (lambda: 0)
    sys.exit(build.run_build(check, builder, site))
    """
)


def start(site: Path, tag: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", BUILD, str(site), tag],
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | env,
    )


def published(site: Path) -> set[str]:
    return {p.read_text() for p in site.iterdir()}


def test_two_builds_of_one_folder_take_turns_and_each_publishes_a_whole_site(tmp_path) -> None:
    site = tmp_path / "site"
    first, second = start(site, "first"), start(site, "second")
    codes = [first.wait(timeout=60), second.wait(timeout=60)]
    errors = first.stderr.read() + second.stderr.read()
    assert codes == [0, 0], errors
    assert "Another build of this folder is running: waiting for it." in errors
    assert len(list(site.iterdir())) == 40 and len(published(site)) == 1
    assert not (tmp_path / ".site-new").exists() and not (tmp_path / ".site-old").exists()


def test_a_build_killed_between_the_renames_loses_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert start(site, "good").wait(timeout=60) == 0
    crashed = start(site, "crashed", CRASH="1")
    assert crashed.wait(timeout=60) == 9
    assert not site.exists() and (tmp_path / ".site-old").is_dir()
    # The next build, even one whose check fails, puts the last site back first.
    failed = start(site, "never", FAIL="1")
    assert failed.wait(timeout=60) == 1
    errors = failed.stderr.read()
    assert "A build stopped while publishing: site/ was put back as it was." in errors
    assert "Nothing was built; site/ is unchanged." in errors
    assert published(site) == {"good"}


def test_a_failed_build_without_a_site_never_claims_one(tmp_path: Path) -> None:
    failed = start(tmp_path / "site", "never", FAIL="1")
    assert failed.wait(timeout=60) == 1
    errors = failed.stderr.read()
    assert "site/ is unchanged" not in errors
    assert "Nothing was built; there is no site/ yet: nothing is published." in errors

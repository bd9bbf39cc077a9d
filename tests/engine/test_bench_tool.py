"""The measuring tools on the fixture parks: the benchmark's side-by-side builds (each build's
own figures, a failed build named with its log), and the pages the benchmark weighs and
`make audit` audits, read from the site whatever its park and languages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from parksite.tools.audit import main_pages
from parksite.tools.bench import measure
from parksite.tools.bench.__main__ import weighed_pages
from parksite.tools.bench.measure import preview_edits
from tests.engine.conftest import PARKS, park_copy


def test_builds_started_together_each_report_their_own_run(tmp_path: Path) -> None:
    first, second = park_copy("minimal", tmp_path / "a"), park_copy("minimal", tmp_path / "b")
    page = second / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA longer page.\n" * 200, encoding="utf-8")
    runs = measure.side_by_side([(first, tmp_path / "site-a"), (second, tmp_path / "site-b")])
    assert len(runs) == 2
    assert all(run.cpu_seconds > 0 and run.peak_bytes > 0 and run.seconds > 0 for run in runs)
    assert (tmp_path / "site-a" / "index.html").is_file()
    assert "A longer page." in (tmp_path / "site-b" / "index.html").read_text(encoding="utf-8")


def test_a_failed_build_is_named_with_its_log(tmp_path: Path) -> None:
    good, bad = park_copy("minimal", tmp_path / "good"), park_copy("minimal", tmp_path / "bad")
    (bad / "data" / "park.yml").write_text("facts: [\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"build of .*bad failed:(.|\n)*park\.yml"):
        measure.side_by_side([(good, tmp_path / "site-good"), (bad, tmp_path / "site-bad")])


def test_counted_builds_report_each_build_s_own_count_and_name_a_failed_one(
    tmp_path: Path,
) -> None:
    """measure.counted_builds runs each build under the counter and reads its count as valgrind
    writes it; here a stand-in counter runs the build and writes a count of its own making
    (the length of the site folder's name), so that each build's count can be told apart."""
    counter = tmp_path / "counter.py"
    counter.write_text(
        "import subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:])\n"
        "site = sys.argv[sys.argv.index('--site-dir') + 1]\n"
        "print(f'==7== I   refs:      {len(site):,}000', file=sys.stderr)\n"
        "sys.exit(done.returncode)\n",
        encoding="utf-8",
    )
    fake = (sys.executable, str(counter))
    park = park_copy("minimal", tmp_path / "park")
    short, long = tmp_path / "s", tmp_path / "a-much-longer-site-folder"
    counts = measure.counted_builds([(park, short), (park, long)], counter=fake)
    assert counts == [len(str(short)) * 1000, len(str(long)) * 1000]
    assert (short / "index.html").is_file() and (long / "index.html").is_file()

    (park / "data" / "park.yml").write_text("facts: [\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"counted build of .*park failed:(.|\n)*park\.yml"):
        measure.counted_builds([(park, short)], counter=fake)
    assert measure.counted_builds([(park, short)], counter=("no-such-counter-here",)) is None


def test_the_pages_weighed_are_each_language_s_home_and_first_story() -> None:
    assert weighed_pages(PARKS / "trilingual") == [
        "",
        "stories/lakeside/",
        "de/",
        "de/stories/lakeside/",
        "zh/",
        "zh/stories/lakeside/",
    ]
    assert weighed_pages(PARKS / "minimal") == ["", "cases/harbour/"]  # its stories' folder


def test_the_pages_audited_are_the_navigation_s_first_in_every_language() -> None:
    assert main_pages(PARKS / "trilingual", count=2) == [
        "",
        "facts/",
        "de/",
        "de/facts/",
        "zh/",
        "zh/facts/",
    ]
    assert main_pages(PARKS / "minimal", count=2) == ["", "figures/"]


def test_the_preview_is_timed_on_edits_found_in_the_site() -> None:
    trilingual = preview_edits(PARKS / "trilingual")
    assert [(e.name, e.file, e.page) for e in trilingual] == [
        ("page", "docs/facts.md", "facts/"),
        ("data", "data/park.yml", "facts/"),
    ]
    for edit in trilingual:  # the text replaced is in its file, the marker after it
        assert edit.old in (PARKS / "trilingual" / edit.file).read_text(encoding="utf-8")
        assert edit.new.replace(" {marker}", "", 1) == edit.old
    assert [e.name for e in preview_edits(PARKS / "minimal")] == ["page", "data"]

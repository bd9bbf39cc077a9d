"""`make facts-diff`: what changed between two versions of the data, in words."""

from __future__ import annotations

import subprocess
import sys

from parksite.project import DATA_FILE, ROOT
from parksite.tools.factsdiff import report

DATA = DATA_FILE.read_text(encoding="utf-8")


def test_a_changed_value_reads_as_old_to_new_with_date_and_source() -> None:
    new = DATA.replace("    value: 713\n", "    value: 750\n")
    new = new.replace(
        "    unit: patents\n    as_of: 2022-01-30", "    unit: patents\n    as_of: 2022-06-30"
    )
    text = report("main", DATA, "working tree", new)
    assert "National patents obtained (patents.national): 713 → 750 national patents" in text
    assert "as of 2022-06-30 (was 2022-01-30)" in text
    assert "source: China Daily, Shanxi channel" in text
    assert "http://shanxi.chinadaily.com.cn/2022-01/30/c_704469.htm" in text
    assert text.count("\n- ") == 1  # nothing else is reported as changed


def test_added_and_removed_facts_and_the_rate_are_named() -> None:
    removed = DATA.replace("  platform.labs:\n", "  platform.laboratories:\n")
    rate = removed.replace("    value: 6.361\n", "    value: 7.2\n")
    text = report("main", DATA, "head", rate)
    assert "Added facts:\n- Technology laboratories (platform.laboratories): 10 technology" in text
    assert "Removed facts:\n- Technology laboratories (platform.labs)" in text
    assert "about 6.361 → about 7.2 yuan per US dollar" in text
    assert "every US dollar figure on the site changes with it" in text


def test_no_change_says_so() -> None:
    assert "No fact or source changed." in report("a", DATA, "b", DATA)


def factsdiff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parksite.tools.factsdiff", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_command_compares_with_a_git_revision() -> None:
    result = factsdiff("HEAD")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Facts in data/park.yml: HEAD → working tree")
    bad = factsdiff("no-such-ref")
    assert bad.returncode == 1 and "no-such-ref" in bad.stderr

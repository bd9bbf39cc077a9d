"""The guides stay what they promise: a staff guide read in five minutes, without the
maintainers' words; a README whose Quick start a newcomer can follow and whose folders exist."""

from __future__ import annotations

import re

import pytest

from parksite.project import ROOT

STAFF = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
# About 200 words a minute: five minutes.
MAX_WORDS = 1000
# Words that mean nothing to an office worker (they belong in MAINTAINING.md).
JARGON = ("not_in_nav", "hook", "Chromium", "artifact", "pytest", "Jinja", "PARKSITE_", "parksite/")


def test_the_staff_guide_reads_in_five_minutes() -> None:
    assert len(STAFF.split()) <= MAX_WORDS


@pytest.mark.parametrize("word", JARGON)
def test_the_staff_guide_speaks_without_jargon(word: str) -> None:
    assert word.lower() not in STAFF.lower()


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "README.md", "MAINTAINING.md"])
def test_links_between_the_guides_lead_somewhere(guide: str) -> None:
    text = (ROOT / guide).read_text(encoding="utf-8")
    for target, anchor in re.findall(r"\]\(([A-Z]+\.md)(?:#([\w-]+))?\)", text):
        assert (ROOT / target).is_file(), target
        if anchor:
            headings = re.findall(r"^#+ (.+)$", (ROOT / target).read_text("utf-8"), re.M)
            slugs = {re.sub(r"[^\w]+", "-", h.lower()).strip("-") for h in headings}
            assert anchor in slugs, f"{guide}: {target}#{anchor}"


def test_the_quick_start_names_what_to_install_and_how_to_preview() -> None:
    start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    for needed in ("`make`", "`git`", "Python 3.11", "`venv`", "Windows", "dev container"):
        assert needed in start, needed
    assert "make serve" in start and "http://127.0.0.1:8000" in start
    assert "site/data/" in README


def test_each_folder_in_the_layout_exists_and_is_listed_once() -> None:
    block = README.split("## Where things live", 1)[1].split("```", 2)[1]
    listed = [line.split()[0] for line in block.splitlines() if line and not line[0].isspace()]
    assert len(listed) == len(set(listed)), listed
    for path in listed:
        assert (ROOT / path.rstrip("/")).exists(), path
    assert "data/search-words.txt" in listed

"""The figures one page shows, numbered in the order they first appear: the page's list of
sources (render.footnotes_html) and the numbers a printout shows next to each figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageNotes:
    """The facts cited on one page so far, and how many figures carry a note."""

    facts: list[str] = field(default_factory=list)
    notes: int = 0
    dollars: bool = False

    def cite(self, fact_id: str, dollars: bool = False) -> tuple[int, str]:
        """The fact's footnote number, and a page-unique id for this figure's note."""
        self.dollars = self.dollars or dollars
        if fact_id not in self.facts:
            self.facts.append(fact_id)
        self.notes += 1
        return self.facts.index(fact_id) + 1, f"fact-note-{self.notes}"


# One entry per page being rendered, keyed by its source file (docs/about.zh.md).
_pages: dict[str, PageNotes] = {}


def start(page: str) -> None:
    """Start a page afresh, whatever an earlier, failed rendering of it left behind."""
    _pages[page] = PageNotes()


def for_page(page: str) -> PageNotes:
    """The notes of the page being rendered."""
    return _pages.setdefault(page, PageNotes())


def take(page: str) -> PageNotes | None:
    """The notes of a page that has finished rendering, forgotten for the next build."""
    return _pages.pop(page, None)

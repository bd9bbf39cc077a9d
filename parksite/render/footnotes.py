"""The figures one page shows, numbered in the order they first appear: the page's list of
sources (figures.footnotes_html) and the numbers a printout shows next to each figure; and
every fact the page shows at all (cards, tables too), for the line under its title saying
when they were reported (figures.dateline_html).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageNotes:
    """The facts cited on one page so far, and how many figures carry a note."""

    facts: list[str] = field(default_factory=list)
    notes: int = 0
    converted: bool = False
    # Every fact shown, cited or in a card, list or table: a dict as an ordered set.
    shown: dict[str, None] = field(default_factory=dict)
    # A page made to be printed (the fact sheet): figures are text with their footnote
    # numbers, not controls that open notes.
    plain: bool = False

    def cite(self, fact_id: str, converted: bool = False) -> tuple[int, str]:
        """The fact's footnote number, and a page-unique id for this figure's note."""
        self.converted = self.converted or converted
        if fact_id not in self.facts:
            self.facts.append(fact_id)
        self.show(fact_id)
        self.notes += 1
        return self.facts.index(fact_id) + 1, f"fact-note-{self.notes}"

    def show(self, *fact_ids: str) -> None:
        """Facts the page shows without a footnote of their own (cards, tables)."""
        self.shown.update(dict.fromkeys(fact_ids))

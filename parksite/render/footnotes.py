"""The figures one page shows, numbered in the order they first appear: the page's list of
sources (figures.footnotes_html) and the numbers a printout shows next to each figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageNotes:
    """The facts cited on one page so far, and how many figures carry a note."""

    facts: list[str] = field(default_factory=list)
    notes: int = 0
    converted: bool = False

    def cite(self, fact_id: str, converted: bool = False) -> tuple[int, str]:
        """The fact's footnote number, and a page-unique id for this figure's note."""
        self.converted = self.converted or converted
        if fact_id not in self.facts:
            self.facts.append(fact_id)
        self.notes += 1
        return self.facts.index(fact_id) + 1, f"fact-note-{self.notes}"

"""The landing page's layout (front matter `template: landing.html`) from plain Markdown: each `##` section is a full-width band and
each `###` section inside it a tile; what comes before the first `##` is the opening band.
The list of sources the build appends is a band of its own.

Python-Markdown writes every heading of the page at the start of a line, while a macro's
HTML (the list of sources' own heading, a card's) never starts a line with `<h2` or `<h3`:
splitting at line starts cuts between sections, never inside an element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

_BAND = re.compile(r'^(?=<h2[ >])|^(?=<section class="fact-sources")', re.M)
_TILE = re.compile(r"^(?=<h3[ >])", re.M)


@dataclass(frozen=True)
class Band:
    """One full-width band: its opening (heading and text), then its tiles."""

    head: Markup
    tiles: tuple[Markup, ...]
    opening: bool  # before the first `##`: the page's title and introduction
    sources: bool  # the list of sources of the page's figures


def bands(html: str) -> list[Band]:
    """The landing page's content cut into bands and tiles, in order, nothing left out."""
    found = []
    for number, part in enumerate(_BAND.split(html)):
        if not part.strip():
            continue
        head, *tiles = _TILE.split(part)
        found.append(
            Band(
                head=Markup(head),
                tiles=tuple(Markup(tile) for tile in tiles),
                opening=number == 0,
                sources=part.startswith('<section class="fact-sources"'),
            )
        )
    return found

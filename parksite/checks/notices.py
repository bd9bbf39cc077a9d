"""Notices every build prints: placeholders still to fill in, facts due for review.

They never fail a strict build: they are logged at INFO level.
"""

from __future__ import annotations

import datetime as dt
import logging

from parksite.model.park import Park
from parksite.model.review import review_notices

log = logging.getLogger("mkdocs.plugins.parksite")

_reported: set[int] = set()


def placeholder_notices(park: Park) -> list[str]:
    """One line naming the values the sources lack and nobody has filled in yet."""
    open_ = [
        f"{key} ({entry.label.en})" for key, entry in park.placeholders.items() if entry.placeholder
    ]
    if not open_:
        return []
    s = "s" * (len(open_) != 1)
    return [f"placeholder{s} still to fill in, in data/park.yml: {', '.join(open_)}"]


def all_notices(park: Park, today: dt.date | None = None) -> list[str]:
    """Everything a build or `make check` tells editors without stopping."""
    return [*placeholder_notices(park), *review_notices(park, today or dt.date.today())]


def report_notices(park: Park) -> None:
    """Log the notices once per version of the data (a build runs once per language)."""
    if id(park) in _reported:
        return
    _reported.add(id(park))
    for line in all_notices(park):
        log.info(line)

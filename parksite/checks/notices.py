"""Notices every build prints: placeholders still to fill in, facts due for review.

They never fail a strict build: they are logged at INFO level.
"""

from __future__ import annotations

import datetime as dt
import logging

from parksite.model.park import Park
from parksite.model.review import review_notices

log = logging.getLogger("mkdocs.plugins.parksite")


def placeholder_notices(park: Park) -> list[str]:
    """One line naming the values the sources lack and nobody has filled in yet."""
    open_ = [
        f"{key} ({next(iter(entry.label.values()))})"
        for key, entry in park.placeholders.items()
        if entry.placeholder
    ]
    if not open_:
        return []
    s = "s" * (len(open_) != 1)
    return [f"placeholder{s} still to fill in, in data/park.yml: {', '.join(open_)}"]


def all_notices(park: Park, today: dt.date | None = None) -> list[str]:
    """Everything a build or `make check` tells editors without stopping."""
    return [*placeholder_notices(park), *review_notices(park, today or dt.date.today())]


def report_notices(park: Park) -> None:
    """Log the notices (once per build: the first language's build calls this)."""
    for line in all_notices(park):
        log.info(line)

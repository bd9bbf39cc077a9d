"""Notices every build prints for staff: details still to fill in (which the pages leave out
until then), facts due for review (and whether readers are told yet).

They never fail a strict build: they are logged at INFO level.
"""

from __future__ import annotations

import datetime as dt
import logging

from parksite.checks.project import PLACEHOLDER_MACROS
from parksite.content.citations import macro_calls
from parksite.content.site import Site
from parksite.model.park import Park
from parksite.model.review import review_notices
from parksite.project import shown

log = logging.getLogger("mkdocs.plugins.parksite")


def placeholder_notices(park: Park, site: Site | None = None) -> list[str]:
    """One line naming the values the sources lack and nobody has filled in yet, and the pages
    that leave them out until then."""
    open_ = [key for key, entry in park.placeholders.items() if entry.placeholder]
    if not open_:
        return []
    pages: dict[str, None] = {}
    for path, text in (site.pages if site else {}).items():
        for name, args, _ in macro_calls(text):
            if name in PLACEHOLDER_MACROS and set(args) & set(open_):
                pages[shown(path)] = None
    named = [f"{key} ({next(iter(park.placeholders[key].label.values()))})" for key in open_]
    s = "s" * (len(open_) != 1)
    where = f"; left out of {', '.join(pages)} until then" if pages else ""
    return [f"placeholder{s} still to fill in, in data/park.yml: {', '.join(named)}{where}"]


def all_notices(park: Park, today: dt.date | None = None, site: Site | None = None) -> list[str]:
    """Everything a build or `make check` tells editors without stopping."""
    return [*placeholder_notices(park, site), *review_notices(park, today or dt.date.today())]


def report_notices(site: Site) -> None:
    """Log the notices (once per build: the first language's build calls this), dated by the
    build's date, as the pages are."""
    for line in all_notices(site.park, site.built_on, site):
        log.info(line)

"""Notices every build prints for staff: details still to fill in (which the pages leave out
until then), facts due for review (and whether readers are told yet).

They never fail a strict build: they are logged at INFO level.
"""

from __future__ import annotations

import datetime as dt
import logging

from parksite.content.citations import macro_calls
from parksite.content.site import Site
from parksite.model.park import Park
from parksite.model.review import review_notices
from parksite.project import shown

log = logging.getLogger("mkdocs.plugins.parksite")
# Macros whose arguments name placeholders.
PLACEHOLDER_MACROS = {"placeholder", "details"}


def placeholder_notices(park: Park, site: Site | None = None) -> list[str]:
    """One line per value the sources lack and nobody has filled in yet, with the pages that
    leave it out until then."""
    left_out: dict[str, list[str]] = {}
    for path, text in (site.pages if site else {}).items():
        for name, args, _ in macro_calls(text):
            if name in PLACEHOLDER_MACROS:
                for key in args:
                    left_out.setdefault(key, []).append(shown(path))
    lines = []
    for key, entry in park.placeholders.items():
        if not entry.placeholder:
            continue
        pages = list(dict.fromkeys(left_out.get(key, [])))
        where = f"; left out of {', '.join(pages)} until then" if pages else ""
        lines.append(
            f"placeholder still to fill in: {key} ({next(iter(entry.label.values()))}) in "
            f"data/park.yml{where}"
        )
    return lines


def all_notices(park: Park, today: dt.date | None = None, site: Site | None = None) -> list[str]:
    """Everything a build or `make check` tells editors without stopping."""
    return [*placeholder_notices(park, site), *review_notices(park, today or dt.date.today())]


def report_notices(site: Site) -> None:
    """Log the notices (once per build: the first language's build calls this), dated by the
    build's date, as the pages are."""
    for line in all_notices(site.park, site.built_on, site):
        log.info(line)

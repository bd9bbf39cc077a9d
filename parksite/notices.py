"""Notices every build prints: placeholders still to fill in. They never fail a strict build."""

from __future__ import annotations

import logging

from parksite.model import Park

log = logging.getLogger("mkdocs.plugins.parksite")

_reported: set[int] = set()


def placeholder_notices(park: Park) -> list[str]:
    """One line per value the sources lack and nobody has filled in yet."""
    return [
        f"placeholder still to fill in: {key} ({entry.label.en}) in data/park.yml"
        for key, entry in park.placeholders.items()
        if entry.placeholder
    ]


def report_notices(park: Park) -> None:
    """Log the notices once per version of the data (a build runs once per language)."""
    if id(park) in _reported:
        return
    _reported.add(id(park))
    for line in placeholder_notices(park):
        log.info(line)

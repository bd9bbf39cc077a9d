"""When facts are due to be checked again, and the line that tells readers when they were.

Each fact's review date is its own `review_by:`, else its source's `review_by:`, else two
years after its `as_of:` (a park's figures are usually reported again within two years).
Facts past it are listed by every build as a notice; they do not fail the build, since
an old figure with its date shown is still true for that date. Past the site's
`overdue_note_after_days` more, pages also tell readers that it may have changed since.

What pages say about time is worked out from the build's date, not the clock: two builds of
one commit must be identical.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict

from parksite.model.park import Fact, Park

REVIEW_AFTER_YEARS = 2


def build_date() -> dt.date:
    """The day a build is dated: SOURCE_DATE_EPOCH's (the last commit's, which the plugin
    sets), else today."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH", "")
    if stamp.isdigit():
        return dt.datetime.fromtimestamp(int(stamp), dt.UTC).date()
    return dt.date.today()


def overdue(park: Park, fact_id: str, today: dt.date) -> bool:
    """Whether pages tell readers that a fact may have changed since: it is past its review
    date by more than the site's `overdue_note_after_days`."""
    days = park.site.overdue_note_after_days
    if days is None:
        return False
    return today > review_date(park, fact_id) + dt.timedelta(days=days)


def period_end(fact: Fact) -> int | None:
    """The last year a fact's period covers; None for an open one (since 2015) or none."""
    if fact.period is None:
        return None
    return fact.period.year if fact.period.year is not None else fact.period.end


def period_ended(fact: Fact, today: dt.date) -> bool:
    """Whether the period a fact covers (a plan's years) is over by the build's date."""
    end = period_end(fact)
    return end is not None and today.year > end


def review_date(park: Park, fact_id: str) -> dt.date:
    """The day a fact is due to be checked against its source again."""
    fact = park.facts[fact_id]
    explicit = fact.review_by or park.sources[fact.source].review_by
    if explicit:
        return explicit
    try:
        return fact.as_of.replace(year=fact.as_of.year + REVIEW_AFTER_YEARS)
    except ValueError:  # 29 February in a year without one
        return fact.as_of.replace(year=fact.as_of.year + REVIEW_AFTER_YEARS, day=28)


def review_notices(park: Park, today: dt.date) -> list[str]:
    """One line per source and review date, listing the facts past it."""
    due: dict[tuple[str, dt.date], list[str]] = defaultdict(list)
    for fact_id, fact in park.facts.items():
        when = review_date(park, fact_id)
        if when < today:
            due[(fact.source, when)].append(fact_id)
    days = park.site.overdue_note_after_days
    lines = []
    for (source, when), ids in sorted(due.items(), key=lambda item: item[0][1]):
        told = ""
        if days is not None:
            since = when + dt.timedelta(days=days)
            told = (
                f"; pages {'have told' if since < today else 'will tell'} readers "
                f"{'since' if since < today else 'from'} {since} that they may have changed"
            )
        lines.append(
            f"due for review since {when}: {len(ids)} fact{'s' * (len(ids) != 1)} from source "
            f"{source} ({', '.join(ids)}){told}; look for newer figures, then update them or set "
            "a later review_by: in data/park.yml"
        )
    return lines

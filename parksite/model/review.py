"""When facts are due to be checked again, and the line that tells readers when they were.

Each fact's review date is its own `review_by:`, else its source's `review_by:`, else two
years after its `as_of:` (a park's figures are usually reported again within two years).
Facts past it are listed by every build as a notice; they do not fail the build, since
an old figure with its date shown is still true for that date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from parksite.model.park import Park

REVIEW_AFTER_YEARS = 2


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
    return [
        f"due for review since {when}: {len(ids)} fact{'s' * (len(ids) != 1)} from source "
        f"{source} ({', '.join(ids)}); look for newer figures, then update them or set a later review_by: in data/park.yml"
        for (source, when), ids in sorted(due.items(), key=lambda item: item[0][1])
    ]

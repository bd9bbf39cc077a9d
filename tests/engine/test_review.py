"""Review dates: which facts are due, the notice every build prints, and what readers see."""

from __future__ import annotations

import datetime as dt

from parksite.model.load import parse_park
from parksite.model.review import review_date, review_notices
from tests.engine.conftest import DATA, TODAY

BASE = (DATA / "base.yml").read_text(encoding="utf-8")


def park_with(old: str = "", new: str = ""):
    return parse_park(BASE.replace(old, new, 1), "data/park.yml", ("en", "zh"), today=TODAY)


def test_a_fact_is_due_two_years_after_its_date() -> None:
    assert review_date(park_with(), "patents.national") == dt.date(2024, 1, 30)


def test_a_sources_review_by_applies_to_its_facts() -> None:
    park = park_with("    language: en\n", "    language: en\n    review_by: 2027-06-30\n")
    assert review_date(park, "patents.national") == dt.date(2027, 6, 30)


def test_a_facts_own_review_by_comes_first() -> None:
    old = "    unit: patents\n    as_of: 2022-01-30\n"
    park = park_with(old, old + "    review_by: 2028-01-01\n")
    assert review_date(park, "patents.national") == dt.date(2028, 1, 1)
    assert review_date(park, "revenue.total") == dt.date(2024, 1, 30)


def test_facts_past_review_are_listed_by_source() -> None:
    old = "    unit: patents\n    as_of: 2022-01-30\n"
    park = park_with(old, old + "    review_by: 2028-01-01\n")
    assert review_notices(park, dt.date(2026, 11, 29)) == [
        "due for review since 2024-01-30: 4 facts from source daily-2022 (revenue.total, "
        "revenue.2021, park.name, exchange_rate.yuan_per_usd); look for newer figures, then "
        "update them or set a later review_by: in data/park.yml"
    ]
    assert review_notices(park, dt.date(2024, 1, 30)) == []

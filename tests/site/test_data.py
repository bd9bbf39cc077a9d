"""The site's data file: valid for the site's languages and pages, every fact traceable to a
listed source, every amount in the second currency computed from one rate fact, every
placeholder shown. True of any valid edit, so staff edits keep it green."""

from __future__ import annotations

import pytest

from parksite.checks.project import cited_ids
from tests.site.conftest import LANGS, PARK, SITE


def test_the_project_passes_make_check() -> None:
    # tests/site/conftest.py reads the project with `check`, which raises on any problem.
    assert PARK.facts and PARK.sources and SITE.pages


def test_every_fact_names_listed_sources_a_topic_and_labels_in_every_language() -> None:
    for fid, fact in PARK.facts.items():
        assert {fact.source, *fact.also} <= set(PARK.sources), fid
        assert fact.topic in PARK.topics, fid
        assert all(fact.label[code].strip() for code in LANGS), fid
        for text in [fact.text, *(fact.items or [])]:
            assert text is None or all(text[code].strip() for code in LANGS), fid


def test_every_source_has_its_publisher_and_title_in_every_language() -> None:
    for sid, source in PARK.sources.items():
        assert all(source.publisher[code] and source.title[code] for code in LANGS), sid
        assert source.url.startswith(("http://", "https://")), sid


@pytest.mark.skipif(PARK.site.second_currency is None, reason="no second currency")
def test_the_second_currency_comes_from_one_dated_rate_fact() -> None:
    rate, unit = PARK.rate_fact(), PARK.rate_unit()
    assert rate is not None and unit is not None and unit.kind == "rate"
    assert rate.value > 0 and rate.source in PARK.sources and rate.as_of
    assert unit.currency != unit.per
    converting = [fid for fid, fact in PARK.facts.items() if PARK.converts(fact)]
    assert converting, f"no amount is in {unit.currency}, which the rate converts"
    for fid in converting:
        assert PARK.units[PARK.facts[fid].unit].currency == unit.currency, fid


def test_every_placeholder_is_marked_or_filled_and_shown() -> None:
    shown = {ref for text in SITE.pages.values() for name, ref, _ in cited_ids(text)}
    if PARK.site.icp_number:
        shown.add(PARK.site.icp_number)  # in every page's footer
    for key, entry in PARK.placeholders.items():
        assert entry.placeholder != (entry.value is not None), key
        assert all(entry.label[code] for code in LANGS), key
        assert key in shown, f"{key}: no page shows it"

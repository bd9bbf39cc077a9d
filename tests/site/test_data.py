"""The real data file loads, and its facts are what the sources say."""

from __future__ import annotations

from parksite.model.load import load_park
from parksite.model.park import EXCHANGE_RATE
from parksite.project import DATA_FILE


def test_the_data_file_loads() -> None:
    park = load_park(DATA_FILE)
    assert len(park.facts) >= 30
    # The sources the site began with (staff add newer ones).
    assert set(park.sources) >= {
        "chinadaily-2022-01-30",
        "tywb-2021-11-03",
        "chinadaily-2022-10-27",
    }


def test_every_fact_names_a_listed_source_and_both_labels() -> None:
    park = load_park(DATA_FILE)
    for fact in park.facts.values():
        assert fact.source in park.sources
        assert fact.label.en and fact.label.zh


def test_the_exchange_rate_is_the_one_the_article_implies() -> None:
    rate = load_park(DATA_FILE).facts[EXCHANGE_RATE]
    # A newer rate from a newer source is an update, not a mistake.
    if rate.source == "chinadaily-2022-01-30":
        assert rate.value == 6.361


def test_placeholders_are_marked_and_empty_or_filled_in() -> None:
    park = load_park(DATA_FILE)
    for key in ("contact.address", "contact.phone", "contact.email", "site.icp_number"):
        entry = park.placeholders[key]
        assert entry.placeholder == (entry.value is None), key

"""The engine on two small fixture parks of its own, built once each per session: one in a
single language without money (its stories in cases/, its table of facts on figures.md), one
in three languages with money in euros shown in US dollars too, and German words the site
gives itself. Nothing of the Taiyuan site may show on either."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

MINIMAL, TRILINGUAL = "minimal", "trilingual"


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def every_text_file(site: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml", ".txt", ".js")
    )


@pytest.mark.parametrize("park", [MINIMAL, TRILINGUAL])
def test_nothing_of_another_park_leaks_into_a_site(built_park, park: str) -> None:
    text = every_text_file(built_park(park))
    for other in ("Taiyuan", "太原", "Yingze", "迎泽", "chinadaily", "yuan"):
        assert other not in text, other


# --- One language, no money --------------------------------------------------------------


def test_a_one_language_site_has_no_other_language(built_park) -> None:
    site = built_park(MINIMAL)
    home = page(site, "")
    assert home.html["lang"] == "en"
    assert not home.select('link[rel="alternate"][hreflang]')
    assert not home.select('meta[property="og:locale:alternate"]')
    assert (site / "robots.txt").is_file() and (site / "sitemap.xml").is_file()
    assert not (site / "zh").exists()


def test_stories_live_where_their_index_page_is(built_park) -> None:
    site = built_park(MINIMAL)
    index = page(site, "cases/")
    [card] = index.select("a.story-card")
    assert card["href"] == "harbour/"
    story = page(site, "cases/harbour/")
    back = story.select_one(".story-back a")
    assert back is not None and back["href"] == "../"


def test_the_sources_page_links_the_sites_own_table_of_facts(built_park) -> None:
    sources = page(built_park(MINIMAL), "sources/")
    links = {a["href"] for a in sources.select("table.source-facts a")}
    assert "../figures/#fact-jobs-total" in links


def test_without_money_nothing_is_converted_and_json_ld_says_only_what_is_named(
    built_park,
) -> None:
    site = built_park(MINIMAL)
    home = page(site, "")
    assert not home.select(".fact-card__usd, .fact-rate-note")
    [ld] = home.select('script[type="application/ld+json"]')
    data = json.loads(ld.string)
    assert data["name"] == "Example Riverside Park"
    assert data["address"] == "Riverside, Exampleshire"
    assert "foundingDate" not in data and "alternateName" not in data
    assert not home.select(".park-footer__icp")


def test_the_downloads_have_one_column_per_language_and_no_converted_value(built_park) -> None:
    with (built_park(MINIMAL) / "data" / "facts.csv").open(encoding="utf-8-sig") as f:
        header = next(csv.reader(f))
    assert "label_en" in header and "label_zh" not in header
    assert not any(column.endswith("_value") for column in header)


# --- Three languages, euros and US dollars ----------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "html", "og", "money"),
    [
        ("", "en", "en_US", "more than 450 million euros (more than US$489 million)"),
        ("de/", "de", "de_DE", "mehr als 450 Millionen Euro (mehr als 489 Millionen US-Dollar)"),
        ("zh/", "zh", "zh_CN", "超过4.5亿欧元（折合逾4.89亿美元）"),
    ],
)
def test_each_language_is_written_as_it_reads(
    built_park, prefix: str, html: str, og: str, money: str
) -> None:
    home = page(built_park(TRILINGUAL), prefix)
    assert home.html["lang"] == html
    assert home.select_one('meta[property="og:locale"]')["content"] == og
    hreflangs = {link["hreflang"] for link in home.select('link[rel="alternate"][hreflang]')}
    assert hreflangs == {"en", "de", "zh", "x-default"}
    figures = [span.get_text(" ", strip=True) for span in home.select(".fact__figure")]
    assert any(figure.startswith(money) for figure in figures), figures


def test_german_dates_and_the_engines_own_sentence_for_the_rate(built_park) -> None:
    facts = page(built_park(TRILINGUAL), "de/facts/")
    text = facts.get_text(" ", strip=True)
    assert "Stand 15. März 2025" in text
    assert "Beträge in US-Dollar sind zum Kurs von 0,92 Euro je US-Dollar umgerechnet" in text


def test_every_language_has_its_sitemap_stories_and_a_404_in_all_three(built_park) -> None:
    site = built_park(TRILINGUAL)
    for prefix in ("de/", "zh/"):
        assert (site / prefix / "sitemap.xml").is_file()
        assert page(site, f"{prefix}stories/").select("a.story-card")
    not_found = (site / "404.html").read_text(encoding="utf-8")
    for words in ("Page not found", "Seite nicht gefunden", "页面未找到"):
        assert words in not_found


def test_the_downloads_have_every_language_and_the_converted_value(built_park) -> None:
    with (built_park(TRILINGUAL) / "data" / "facts.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    revenue = next(row for row in rows if row["id"] == "revenue.total")
    assert revenue["label_de"] == "Umsatz seit der Eröffnung"
    assert float(revenue["usd_value"]) == 489_000_000

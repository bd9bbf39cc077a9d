"""What search engines, link previews and Chinese hosting rules read in the built pages:
titles, descriptions, canonical and hreflang links, Open Graph, JSON-LD, sitemaps,
robots.txt, and the footer's ICP number and check date."""

from __future__ import annotations

import json
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from parksite.i18n.languages import i18n_languages
from parksite.project import PROJECT
from parksite.render.footer import MIIT_FILING_SITE
from tests.site.conftest import (
    HOME,
    LANGS,
    LANGUAGES,
    PAGES,
    PARK,
    page_file,
    pages_calling,
    soup,
    url_of,
)

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def page_url(site_url: str, lang: str, page: str) -> str:
    return site_url + url_of(lang, page)


def columns(text: str) -> int:
    """How wide a text is: a Chinese character takes two columns, a Latin letter one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def meta(page: BeautifulSoup, key: str) -> str:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    assert tag is not None, key
    return tag["content"]


@pytest.mark.parametrize("lang", LANGS)
def test_titles_and_descriptions_are_unique_per_language(site: Path, lang: str) -> None:
    heads = [soup(page_file(site, lang, page)) for page in PAGES]
    titles = [head.title.get_text() for head in heads]
    descriptions = [meta(head, "description") for head in heads]
    assert len(set(titles)) == len(PAGES), titles
    assert len(set(descriptions)) == len(PAGES), descriptions
    # A sentence, not a word: about as long in Chinese as in English.
    assert all(columns(d) >= 20 for d in descriptions), descriptions


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_canonical_and_language_alternates_are_absolute(
    site: Path, site_url: str, lang: str, page: str
) -> None:
    html = soup(page_file(site, lang, page))
    assert html.find("link", rel="canonical")["href"] == page_url(site_url, lang, page)
    alternates = {
        link["hreflang"]: link["href"] for link in html.select("head link[rel=alternate][hreflang]")
    }
    # A site in one language has no alternates to name.
    assert alternates == (
        {
            **{other.html: page_url(site_url, other.code, page) for other in LANGUAGES},
            "x-default": page_url(site_url, LANGUAGES.default.code, page),
        }
        if len(LANGUAGES) > 1
        else {}
    )
    assert meta(html, "og:url") == page_url(site_url, lang, page)
    assert meta(html, "og:title") == html.title.get_text()
    assert meta(html, "twitter:card") == "summary_large_image"
    # The share image each page names: tests/site/test_share_images.py.


def site_name(lang: str) -> str:
    """The site's name in a language: the i18n plugin's, else mkdocs.yml's."""
    entry = next(e for e in i18n_languages(PROJECT.config) if e.get("locale") == lang)
    return entry.get("site_name") or PROJECT.config["site_name"]


@pytest.mark.parametrize("lang", LANGS)
def test_json_ld_describes_the_park_from_the_data_only(site: Path, lang: str) -> None:
    settings = PARK.site
    script = soup(page_file(site, lang, HOME)).find("script", type="application/ld+json")
    expected: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": ["Organization", "Place"],
        "name": site_name(lang),
    }
    if settings.name:
        name = PARK.facts[settings.name].text
        others = [name[code] for code in LANGS if code != lang]
        expected["name"] = name[lang]
        if others:
            expected["alternateName"] = others[0] if len(others) == 1 else others
    if settings.location:
        expected["address"] = PARK.facts[settings.location].text[lang]
    if settings.founded:
        expected["foundingDate"] = str(PARK.facts[settings.founded].value)
    # Nothing the data lacks: no street, phone, e-mail or web address.
    assert json.loads(script.string) == expected


def test_sitemap_lists_every_page_in_both_languages(site: Path, site_url: str) -> None:
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")}
    assert locs == {page_url(site_url, lang, page) for lang in LANGS for page in PAGES}
    roots = {site / lang.prefix for lang in LANGUAGES}
    for root in roots:
        assert (root / "sitemap.xml").read_text() == (site / "sitemap.xml").read_text()
    # None per page folder: the theme's requests for them are never sent (test_browser.py).
    assert not [p for p in site.rglob("sitemap.xml") if p.parent not in roots]


def test_robots_txt_allows_crawling_and_names_the_sitemap(site: Path, site_url: str) -> None:
    robots = (site / "robots.txt").read_text()
    assert "User-agent: *" in robots
    assert "Disallow: /" not in robots
    assert f"Sitemap: {site_url}sitemap.xml" in robots


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", [HOME, *pages_calling("placeholder")])
def test_footer_shows_icp_number_and_check_date(site: Path, lang: str, page: str) -> None:
    footer = soup(page_file(site, lang, page)).select_one("footer .park-footer")
    icp = footer.select_one("a.park-footer__icp")
    key = PARK.site.icp_number
    entry = PARK.placeholders[key] if key else None
    if entry is None or entry.placeholder:  # no ICP line at all until the number is filled in
        assert icp is None
    else:
        assert icp["href"] == MIIT_FILING_SITE
        assert icp.get_text() == entry.value
    checked = footer.select_one("[data-last-checked]")
    assert checked["data-last-checked"] == PARK.last_checked.isoformat()
    assert str(PARK.last_checked.year) in checked.get_text()

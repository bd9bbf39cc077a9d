"""What search engines, link previews and Chinese hosting rules read in the built pages:
titles, descriptions, canonical and hreflang links, Open Graph, JSON-LD, sitemaps,
robots.txt, and the footer's ICP number and check date."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from parksite.checks.descriptions import MIN_DESCRIPTION, width
from parksite.model.load import load_park
from tests.conftest import LANGS, PAGES, page_file

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def page_url(site_url: str, lang: str, page: str) -> str:
    return site_url + ("zh/" if lang == "zh" else "") + page


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
    assert all(width(d) >= MIN_DESCRIPTION for d in descriptions), descriptions


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
    assert alternates == {
        "en": page_url(site_url, "en", page),
        "zh-Hans": page_url(site_url, "zh", page),
        "x-default": page_url(site_url, "en", page),
    }
    assert meta(html, "og:url") == page_url(site_url, lang, page)
    assert meta(html, "og:title") == html.title.get_text()
    assert meta(html, "twitter:card") == "summary_large_image"
    # The share image each page names: tests/test_share_images.py.


@pytest.mark.parametrize("lang", LANGS)
def test_json_ld_describes_the_park_from_the_data_only(site: Path, lang: str) -> None:
    park = load_park()
    script = soup(page_file(site, lang, "")).find("script", type="application/ld+json")
    data = json.loads(script.string)
    other = "zh" if lang == "en" else "en"
    assert data["@type"] == ["Organization", "Place"]
    assert data["name"] == park.facts["park.name"].text[lang]
    assert data["alternateName"] == park.facts["park.name"].text[other]
    assert data["address"] == park.facts["park.location"].text[lang]
    # Nothing the sources lack: no street, phone, e-mail or web address.
    assert not {"telephone", "email", "url", "streetAddress"} & set(data)


def test_sitemap_lists_every_page_in_both_languages(site: Path, site_url: str) -> None:
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = {url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")}
    # Every page, and the fact sheet's print view (outside the menu, linked from every footer).
    pages = (*PAGES, "fact-sheet/")
    assert locs == {page_url(site_url, lang, page) for lang in LANGS for page in pages}
    assert (site / "zh" / "sitemap.xml").read_text() == (site / "sitemap.xml").read_text()
    # None per page folder: the theme's requests for them are never sent (test_browser.py).
    assert not [p for p in site.rglob("sitemap.xml") if p.parent not in (site, site / "zh")]


def test_robots_txt_allows_crawling_and_names_the_sitemap(site: Path, site_url: str) -> None:
    robots = (site / "robots.txt").read_text()
    assert "User-agent: *" in robots
    assert "Disallow: /" not in robots
    assert f"Sitemap: {site_url}sitemap.xml" in robots


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["", "contact/"])
def test_footer_shows_icp_placeholder_and_check_date(site: Path, lang: str, page: str) -> None:
    park = load_park()
    footer = soup(page_file(site, lang, page)).select_one("footer .park-footer")
    icp = footer.select_one("a.park-footer__icp")
    entry = park.placeholders["site.icp_number"]
    if entry.placeholder:  # no ICP line at all until the number is filled in
        assert icp is None
    else:
        assert icp["href"] == "https://beian.miit.gov.cn/"
        assert entry.value in icp.get_text()
    checked = footer.select_one("[data-last-checked]")
    assert checked["data-last-checked"] == park.last_checked.isoformat()
    assert str(park.last_checked.year) in checked.get_text()

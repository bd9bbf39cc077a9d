"""The site in headless Chromium: every page in every language, search, the language switch."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest

from tests.conftest import OUTPUT
from tests.site.conftest import (
    KEY_FIGURES,
    LANGS,
    PAGES,
    STORIES,
    language,
    search_case,
    url_of,
)

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 390, "desktop": 1280}
SHOTS = OUTPUT / "screenshots"


def page_url(server: str, lang: str, page: str) -> str:
    return server + url_of(lang, page)


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_loads_only_from_this_host_and_is_photographed(browser, server, lang, page) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    host = urlparse(server).hostname
    for name, width in WIDTHS.items():
        ctx = browser.new_context(viewport={"width": width, "height": 900})
        tab = ctx.new_page()
        requests: list[str] = []
        tab.on("request", lambda request, seen=requests: seen.append(request.url))
        errors: list[str] = []
        tab.on("pageerror", lambda exc, seen=errors: seen.append(str(exc)))
        failed: list[str] = []
        tab.on(
            "response",
            lambda r, seen=failed: seen.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        response = tab.goto(page_url(server, lang, page), wait_until="networkidle")
        assert response is not None and response.ok
        assert tab.locator("h1").count() == 1
        slug = (page.strip("/") or "home").replace("/", "-")
        tab.screenshot(path=str(SHOTS / f"{lang}-{slug}-{name}.png"), full_page=True)
        ctx.close()
        outside = [url for url in requests if urlparse(url).hostname not in (host, None)]
        assert outside == [], outside
        assert errors == []
        assert failed == []
        # The theme's language handler would fetch a sitemap per alternate: never sent.
        assert [url for url in requests if url.endswith("sitemap.xml")] == []


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_words_in_every_language(context, site, server, lang) -> None:
    query, pages = search_case(site, lang)
    tab = context.new_page()
    tab.goto(page_url(server, lang, PAGES[0]), wait_until="networkidle")
    tab.keyboard.press("/")
    box = tab.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on key events, which fill() alone does not send
    results = tab.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    found = {urlparse(urljoin(tab.url, href)).path for href in hrefs}
    expected = {urlparse(page_url(server, lang, page)).path for page in pages}
    assert found & expected, f"{query}: {hrefs}"


@pytest.mark.parametrize(
    ("lang", "other"), [(lang, other) for lang in LANGS for other in LANGS if other != lang]
)
@pytest.mark.parametrize("page", [PAGES[1], KEY_FIGURES, *STORIES[:1]])
def test_language_switch_leads_to_the_same_page(context, server, lang, other, page) -> None:
    tab = context.new_page()
    tab.goto(page_url(server, lang, page), wait_until="networkidle")
    # A reader's way: open the language menu and click, so the theme's click handling runs.
    tab.locator(".md-header .md-select").first.hover()
    with tab.expect_navigation(wait_until="networkidle"):
        tab.locator(f'.md-select a[hreflang="{other}"]').first.click()
    assert urlparse(tab.url).path == urlparse(page_url(server, other, page)).path
    assert tab.locator("html").get_attribute("lang") == language(other).html

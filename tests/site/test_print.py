"""The Key figures page prints as a one-page A4 fact sheet in each language: no navigation,
every figure with its source."""

from __future__ import annotations

import re

import pytest

from tests.conftest import OUTPUT
from tests.site.conftest import KEY_FIGURES, LANGS, PARK, url_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGS)
def test_key_figures_print_on_one_a4_page_with_sources(browser, server, lang) -> None:
    tab = browser.new_page()
    tab.goto(server + url_of(lang, KEY_FIGURES), wait_until="load")
    tab.emulate_media(media="print")
    # What the sheet shows: no navigation, and each figure's row keeps its source.
    for selector in (".md-header", ".md-sidebar--primary", ".md-tabs", ".md-footer"):
        assert not tab.locator(selector).first.is_visible(), selector
    rows = tab.locator("table.fact-table tr[data-fact]")
    assert rows.count() == len(PARK.facts)
    assert rows.locator("td:nth-child(4) a").count() == rows.count()
    pdf = tab.pdf(format="A4", prefer_css_page_size=True)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / f"fact-sheet-{lang}.pdf").write_bytes(pdf)
    tab.close()
    pages = re.findall(rb"/Type\s*/Page\b", pdf)
    assert len(pages) == 1, f"the fact sheet prints on {len(pages)} pages"

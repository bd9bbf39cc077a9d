"""The weight budget: a first visit to any page, in any language, fetches at most 150 KB
(compressed as a static host sends it), as the browser itself records it."""

from __future__ import annotations

import pytest

from parksite.tools.weight import BUDGET, first_visit
from tests.site.conftest import LANGS, PAGES, url_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGS)
def test_first_visit_to_every_page_stays_within_budget(browser, server, lang) -> None:
    over = {}
    for page in PAGES:
        sizes = first_visit(browser, server + url_of(lang, page))
        assert any(url.endswith(".css") for url in sizes), sizes  # the record is complete
        assert not any("/assets/share/" in url for url in sizes), (
            "the share image is for WeChat only"
        )
        if sum(sizes.values()) > BUDGET:
            over[page] = {url: size for url, size in sizes.items() if size > 5000}
    assert over == {}, f"over {BUDGET} bytes: {over}"

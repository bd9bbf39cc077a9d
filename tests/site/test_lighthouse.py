"""Lighthouse on Home and Key figures in every language (mobile settings): accessibility,
best practices and SEO score 100. Performance is reported by `make audit`, not asserted."""

from __future__ import annotations

import pytest

from parksite.tools.audit import LIGHTHOUSE, lighthouse
from tests.site.conftest import HOME, KEY_FIGURES, LANGS, url_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "page", [url_of(lang, page) for lang in LANGS for page in (HOME, KEY_FIGURES)]
)
def test_lighthouse_scores_100_for_accessibility_best_practices_and_seo(
    browser, server, page
) -> None:
    # `browser` is asked for only for its rule: skip without Chromium, fail under CI=true.
    if not LIGHTHOUSE.exists():
        pytest.fail(f"{LIGHTHOUSE} is missing: run `make test` (it runs npm ci)")
    result = lighthouse(server + page)
    scores = result["scores"]
    assert (scores["accessibility"], scores["best-practices"], scores["seo"]) == (100, 100, 100), (
        result["failing"]
    )

"""Review dates on this site: readers see when the figures were last checked against their
sources (the engine's side: tests/engine/test_review.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parksite.i18n.numbers import format_date
from tests.site.conftest import LANGS, PARK, language, page_file, pages_calling, soup


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", pages_calling("data_checked"))
def test_the_site_says_when_the_data_were_last_checked(site: Path, lang: str, page: str) -> None:
    checked = PARK.last_checked
    line = soup(page_file(site, lang, page)).select_one("article .data-checked")
    assert line["data-checked"] == checked.isoformat()
    words = language(lang).words
    assert line.get_text() == words.format(
        "data_checked", date=format_date(checked, language(lang))
    )
    assert str(checked.year) in line.get_text()

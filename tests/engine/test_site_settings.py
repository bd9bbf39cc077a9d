"""What a site declares about itself in `site:` (the facts naming the park, a second currency,
the ICP number), what each missing piece degrades to, and pages in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from parksite.content.citations import twin_problems
from parksite.model.errors import DataError
from parksite.model.load import parse_park
from parksite.render.figures import converted_text, figure_text, money_html
from tests.engine.conftest import DATA, EN, TODAY, ZH, site_of

BASE = (DATA / "base.yml").read_text(encoding="utf-8")
SECOND = """site:
  second_currency:
    rate: exchange_rate.yuan_per_usd
    written: {en: 'US${}', zh: '{}美元'}
"""


def park(text: str = BASE, languages: tuple[str, ...] = ("en", "zh")):
    return parse_park(text, "data/park.yml", languages, today=TODAY)


def problems(text: str, languages: tuple[str, ...] = ("en", "zh")) -> list[str]:
    with pytest.raises(DataError) as caught:
        park(text, languages)
    return [str(p) for p in caught.value.problems]


def test_without_a_second_currency_money_is_shown_in_its_own_only() -> None:
    plain = park(BASE.replace(SECOND, ""))
    fact = plain.facts["revenue.total"]
    assert not plain.converts(fact)
    assert "US$" not in money_html(plain, "revenue.total", EN)
    assert figure_text(plain, fact, EN) == "6 billion yuan"


def test_with_one_amounts_are_converted_at_its_rate() -> None:
    converting = park()
    assert converted_text(converting, converting.facts["revenue.total"], ZH) == "约合9.43亿美元"


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("  name: park.nmae\n", "site.name: `park.nmae` is not a fact under `facts:`."),
        ("  name: revenue.total\n", "site.name: `revenue.total` is not a text."),
        ("  founded: park.name\n", "site.founded: `park.name` is not a year"),
        (
            "  icp_number: site.icp\n",
            "site.icp_number: `site.icp` is not listed under `placeholders:`.",
        ),
        (
            "  hosted_in_mainland_china: true\n",
            "site.hosted_in_mainland_china: a site hosted in mainland China must show its ICP",
        ),
    ],
)
def test_each_setting_names_something_that_fits(setting: str, expected: str) -> None:
    found = problems(BASE.replace("site:\n", "site:\n" + setting))
    assert len(found) == 1 and expected in found[0], found


def test_a_rate_without_its_currencies_is_refused_at_its_unit() -> None:
    text = BASE.replace("{kind: rate, currency: CNY, per: USD,", "{kind: rate,")
    [found] = problems(text)
    assert "units.yuan_per_usd" in found and "`per:`" in found


def test_a_third_language_is_asked_for_in_every_text() -> None:
    found = problems(BASE, ("en", "zh", "de"))
    assert found and all("`de:` is missing" in p or "`de:`" in p for p in found)
    assert any("facts[patents.national].label" in p for p in found)


def test_a_page_missing_in_a_language_names_the_file_to_add(tmp_path: Path) -> None:
    site = site_of(tmp_path, BASE, {"about.md": "# About\n", "x/story.zh.md": "# 故事\n"})
    found = [str(p) for p in twin_problems(site)]
    assert len(found) == 2
    assert (
        found[0].startswith(f"{tmp_path}/docs/about.zh.md: is missing")
        or "docs/about.zh.md" in found[0]
    )
    assert "add " in found[0] and "about.md" in found[0]
    assert any("x/story.md" in p for p in found)

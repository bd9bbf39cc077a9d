"""Figures as each language writes them: tables of cases for the pure formatting functions."""

from __future__ import annotations

import datetime as dt

import pytest

from parksite.i18n.languages import engine_language
from parksite.i18n.numbers import (
    format_converted,
    format_date,
    format_number,
    format_period,
    format_quantity,
    join_items,
    significant,
)

# The engine's two languages, as a site in British English and Simplified Chinese sets them.
L = {
    "en": engine_language("en", locale="en_GB"),
    "zh": engine_language("zh", html="zh-Hans", default=False),
    "en_US": engine_language("en"),
}
US_DOLLARS = {"en": "US${}", "zh": "{}美元"}


@pytest.mark.parametrize(
    ("value", "lang", "kind", "expected"),
    [
        (6_000_000_000, "en", "money", "6 billion"),
        (6_000_000_000, "zh", "money", "60亿"),
        (1_560_000_000, "en", "money", "1.56 billion"),
        (1_560_000_000, "zh", "money", "15.6亿"),
        (20_000_000, "en", "money", "20 million"),
        (20_000_000, "zh", "money", "2000万"),
        (4500, "en", "count", "4,500"),
        (4500, "zh", "count", "4500"),
        (287, "en", "count", "287"),
        (2000, "zh", "area", "2000"),
        (2015, "en", "year", "2015"),
        (2015, "zh", "year", "2015"),
        (6.361, "en", "rate", "6.361"),
        (6.361, "zh", "rate", "6.361"),
    ],
)
def test_format_number(value: float, lang: str, kind: str, expected: str) -> None:
    assert format_number(value, L[lang], kind) == expected


@pytest.mark.parametrize(
    ("value", "lang", "kind", "unit", "qualifier", "expected"),
    [
        (6_000_000_000, "en", "money", "yuan", "more_than", "more than 6 billion yuan"),
        (6_000_000_000, "zh", "money", "元", "more_than", "60余亿元"),
        (1_560_000_000, "en", "money", "yuan", "record", "a record 1.56 billion yuan"),
        (1_560_000_000, "zh", "money", "元", "record", "创纪录的15.6亿元"),
        (20_000_000, "en", "money", "yuan", "planned", "20 million yuan"),
        (20_000_000, "zh", "money", "元", "planned", "2000万元"),
        (4500, "en", "count", "people", "over", "over 4,500 people"),
        (4500, "zh", "count", "人", "over", "4500余人"),
        (713, "en", "count", "national patents", None, "713 national patents"),
        (713, "zh", "count", "项国家专利", None, "713项国家专利"),
        (100, "zh", "count", "个专业团队", "over", "100余个专业团队"),
        (450_000_000, "zh", "money", "欧元", "more_than", "超过4.5亿欧元"),
        (4_500, "en", "count", "firms", "more_than", "more than 4,500 firms"),
        (2015, "zh", "year", "年", None, "2015年"),
        (2015, "en", "year", "", None, "2015"),
        (6.361, "zh", "rate", "元人民币/美元", "about", "约6.361元人民币/美元"),
    ],
)
def test_format_quantity(
    value: float, lang: str, kind: str, unit: str, qualifier: str | None, expected: str
) -> None:
    assert format_quantity(value, L[lang], kind, unit, qualifier) == expected


@pytest.mark.parametrize(
    ("yuan", "lang", "expected"),
    [
        (6_000_000_000, "en", "US$943 million"),
        (6_000_000_000, "zh", "9.43亿美元"),
        (1_560_000_000, "en", "US$245 million"),
        (20_000_000, "en", "US$3.14 million"),
        (20_000_000, "zh", "314万美元"),
    ],
)
def test_converted_amounts_at_the_article_rate(yuan: int, lang: str, expected: str) -> None:
    assert format_converted(yuan, 6.361, L[lang], US_DOLLARS[lang]) == expected


def test_converted_amounts_follow_the_rate() -> None:
    assert format_converted(6_000_000_000, 7.0, L["en"], "US${}") == "US$857 million"


def test_a_unit_word_without_braces_follows_the_amount_as_the_language_writes_it() -> None:
    assert format_converted(6_000_000_000, 6.361, L["en"], "US dollars") == "943 million US dollars"
    assert format_converted(6_000_000_000, 6.361, L["zh"], "美元") == "9.43亿美元"


@pytest.mark.parametrize(
    ("value", "expected"), [(943_247_917, 943_000_000), (3_144_160, 3_140_000), (0, 0)]
)
def test_significant(value: float, expected: float) -> None:
    assert significant(value) == expected


@pytest.mark.parametrize(
    ("args", "lang", "expected"),
    [
        ((2021, None, None), "en", "2021"),
        ((2021, None, None), "zh", "2021年"),
        ((None, 2015, None), "en", "since 2015"),
        ((None, 2015, None), "zh", "2015年以来"),
        ((None, 2022, 2024), "en", "2022–2024"),
        ((None, 2022, 2024), "zh", "2022—2024年"),
    ],
)
def test_format_period(args: tuple, lang: str, expected: str) -> None:
    assert format_period(*args, L[lang]) == expected


@pytest.mark.parametrize(("lang", "expected"), [("en", "30 January 2022"), ("zh", "2022年1月30日")])
def test_format_date(lang: str, expected: str) -> None:
    assert format_date(dt.date(2022, 1, 30), L[lang]) == expected


@pytest.mark.parametrize(
    ("items", "lang", "expected"),
    [
        (["a"], "en", "a"),
        (["a", "b", "c"], "en", "a, b and c"),
        (["a", "b", "c"], "en_US", "a, b, and c"),
        (["甲", "乙", "丙"], "zh", "甲、乙和丙"),
    ],
)
def test_join_items(items: list[str], lang: str, expected: str) -> None:
    assert join_items(items, L[lang]) == expected

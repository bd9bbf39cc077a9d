"""Figures written the way each language writes them: 6 billion yuan, 60亿元, 4,500, 4500余人.

Pure functions of plain values; Babel does the number formatting.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache

from babel.dates import format_date as babel_date
from babel.numbers import format_compact_decimal, format_decimal

BABEL_LOCALE = {"en": "en", "zh": "zh_Hans_CN"}

# English writes large amounts in words from a million, Chinese from 万 (ten thousand).
_COMPACT_FROM = {"en": 1_000_000, "zh": 10_000}

_QUALIFIER_EN = {"more_than": "more than", "over": "over", "record": "a record", "about": "about"}
_ZH_MORE = ("more_than", "over")
_ZH_PREFIX = {"record": "创纪录的", "about": "约"}
_ZH_COMPACT = re.compile(r"^(?P<num>[\d.]+)(?P<suffix>[万亿]?)$")


@lru_cache(maxsize=4096)
def format_number(value: float, lang: str, kind: str = "count") -> str:
    """The bare number: '6 billion' / '60亿', '4,500' / '4500', '2015' for a year."""
    if kind == "year":
        return str(int(value))
    locale = BABEL_LOCALE[lang]
    if kind in ("count", "money", "area") and abs(value) >= _COMPACT_FROM[lang]:
        return format_compact_decimal(
            value, format_type="long" if lang == "en" else "short", locale=locale, fraction_digits=2
        )
    return format_decimal(value, locale=locale, group_separator=(lang == "en"))


@lru_cache(maxsize=4096)
def format_quantity(
    value: float, lang: str, kind: str, unit: str, qualifier: str | None = None
) -> str:
    """A number with its qualifier and unit: 'more than 6 billion yuan' / '60余亿元'."""
    number = format_number(value, lang, kind)
    if lang == "en":
        text = f"{number} {unit}".strip() if unit else number
        prefix = _QUALIFIER_EN.get(qualifier or "")
        return f"{prefix} {text}" if prefix else text
    if qualifier in _ZH_MORE:
        match = _ZH_COMPACT.match(number)
        number = f"{match['num']}余{match['suffix']}" if match else f"{number}余"
    return _ZH_PREFIX.get(qualifier or "", "") + number + unit


def significant(value: float, digits: int = 3) -> float:
    """Round to a few significant digits, as a converted amount deserves."""
    if value == 0:
        return 0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


@lru_cache(maxsize=1024)
def format_usd(yuan: float, yuan_per_usd: float, lang: str) -> str:
    """A yuan amount in US dollars at the given rate: 'US$943 million' / '9.43亿美元'."""
    usd = significant(yuan / yuan_per_usd)
    number = format_number(usd, lang, "money")
    return f"US${number}" if lang == "en" else f"{number}美元"


@lru_cache(maxsize=1024)
def format_date(date: dt.date, lang: str) -> str:
    """A date in words: '30 January 2022' / '2022年1月30日'."""
    pattern = "d MMMM y" if lang == "en" else "long"
    return babel_date(date, format=pattern, locale=BABEL_LOCALE[lang])


def format_period(year: int | None, start: int | None, end: int | None, lang: str) -> str:
    """The time a figure covers: '2021', 'since 2015', '2022–2024' / '2021年', '2015年以来'."""
    if year is not None:
        return str(year) if lang == "en" else f"{year}年"
    if end is None:
        return f"since {start}" if lang == "en" else f"{start}年以来"
    return f"{start}–{end}" if lang == "en" else f"{start}—{end}年"


def join_items(items: list[str], lang: str) -> str:
    """Items in running text: 'a, b and c' / 'a、b和c'."""
    if len(items) < 2:
        return "".join(items)
    if lang == "en":
        return ", ".join(items[:-1]) + " and " + items[-1]
    return "、".join(items[:-1]) + "和" + items[-1]

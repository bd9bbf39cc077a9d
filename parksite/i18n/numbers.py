"""Figures written the way each language writes them: 6 billion yuan, 60亿元, 4,500, 4500余人.

Pure functions of plain values and a Language (its Babel locale and words); Babel does the
number, date and list formatting.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache

from babel.dates import format_date as babel_date
from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_decimal

from parksite.i18n.languages import Language

# A compact number's digits and the word or sign of its magnitude: ('60', '亿'), ('6', ' billion').
_COMPACT = re.compile(r"^(?P<digits>[\d.,\s]*\d)(?P<magnitude>.*)$")


@lru_cache(maxsize=4096)
def format_number(value: float, lang: Language, kind: str = "count") -> str:
    """The bare number: '6 billion' / '60亿', '4,500' / '4500', '2015' for a year."""
    if kind == "year":
        return str(int(value))
    words = lang.words
    if kind in ("count", "money", "area") and abs(value) >= lang.compact_from:
        return format_compact_decimal(
            value,
            format_type=words["numbers.compact_style"],
            locale=lang.locale,
            fraction_digits=2,
        )
    grouped = bool(words.setting("numbers.group_digits"))
    return format_decimal(value, locale=lang.locale, group_separator=grouped)


@lru_cache(maxsize=4096)
def format_quantity(
    value: float, lang: Language, kind: str, unit: str, qualifier: str | None = None
) -> str:
    """A number with its qualifier and unit: 'more than 6 billion yuan' / '60余亿元'."""
    number = format_number(value, lang, kind)
    if qualifier in ("more_than", "over", "record", "about"):
        match = _COMPACT.match(number)
        digits, magnitude = (match["digits"], match["magnitude"]) if match else (number, "")
        key = f"qualifier.{qualifier}"
        # A language may word a qualifier differently for a number with a fraction
        # (Chinese: 60余亿, but 超过4.5亿).
        if not digits.isdigit() and lang.words.get(f"{key}_fraction"):
            key += "_fraction"
        number = lang.words.format(key, number=number, digits=digits, magnitude=magnitude)
    return with_unit(number, unit, lang)


def with_unit(amount: str, unit: str, lang: Language) -> str:
    """An amount with its unit word, where the language puts it; a unit word holding {}
    says itself where the amount goes ('US${}')."""
    if not unit:
        return amount
    if "{}" in unit:
        return unit.replace("{}", amount)
    return lang.words.format("quantity", number=amount, unit=unit)


def significant(value: float, digits: int = 3) -> float:
    """Round to a few significant digits, as a converted amount deserves."""
    if value == 0:
        return 0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


@lru_cache(maxsize=1024)
def format_converted(amount: float, rate: float, lang: Language, unit: str) -> str:
    """An amount in the second currency at the given rate (amount per one unit of it):
    'US$943 million' / '9.43亿美元'."""
    converted = significant(amount / rate)
    return with_unit(format_number(converted, lang, "money"), unit, lang)


@lru_cache(maxsize=1024)
def format_date(date: dt.date, lang: Language) -> str:
    """A date in words: '30 January 2022' / '2022年1月30日'."""
    return babel_date(date, format=lang.words["numbers.date"], locale=lang.locale)


@lru_cache(maxsize=1024)
def format_month(date: dt.date, lang: Language) -> str:
    """The month a figure was reported in: 'January 2022' / '2022年1月'."""
    return babel_date(date, format=lang.words["numbers.month"], locale=lang.locale)


def format_months(dates: list[dt.date], lang: Language) -> str:
    """The months of some dates, each once, in order: 'November 2021 and January 2022'."""
    months = sorted({date.replace(day=1) for date in dates})
    return join_items([format_month(month, lang) for month in months], lang)


def format_month_span(dates: list[dt.date], lang: Language) -> str:
    """When a set of figures was reported: 'in January 2022', or 'between November 2021 and
    October 2022' (the first and the last month)."""
    first, last = min(dates), max(dates)
    if (first.year, first.month) == (last.year, last.month):
        return lang.words.format("months.one", month=format_month(first, lang))
    return lang.words.format(
        "months.span", start=format_month(first, lang), end=format_month(last, lang)
    )


def format_period(year: int | None, start: int | None, end: int | None, lang: Language) -> str:
    """The time a figure covers: '2021', 'since 2015', '2022–2024' / '2021年', '2015年以来'."""
    if year is not None:
        return lang.words.format("period.year", year=year)
    if end is None:
        return lang.words.format("period.since", start=start)
    return lang.words.format("period.span", start=start, end=end)


def join_items(items: list[str], lang: Language) -> str:
    """Items in running text, as the language lists them: 'a, b and c' / 'a、b和c'."""
    return format_list(items, locale=lang.locale) if items else ""

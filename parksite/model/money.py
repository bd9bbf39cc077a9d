"""Amounts typed in the currency the site converts to, in any way a language writes them.

The site computes every converted amount from one exchange rate and states that rate beside
it; an amount typed into a text or a page ("US$943 million", "$943m", "943 million US
dollars", "USD 943", "9.43亿美元", "美元9.43亿", "943百万美元") would not follow the data. The
currency's symbols, names (every plural form) and code come from Babel (CLDR) for each of the
site's languages, and so do the words for thousand, million, 万 and 亿.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale
from babel.numbers import get_currency_name, get_currency_symbol

# Counts that pick each plural form of a currency's name in the languages CLDR knows.
_COUNTS = (0, 1, 2, 3, 5, 11, 21, 101, 1.5)
# Short words CLDR's compact formats lack, as newspapers write them.
_EXTRA_WORDS = ("mn", "mln", "bn", "bln", "tn", "百万", "千万", "十亿", "百亿", "千亿", "千")
# A number as written: 943, 9.43, 1,234.5, 1 234, with Chinese "about/over" words around.
_NUMBER = r"\d+(?:[.,\u00a0\u202f ]\d+)*"


def currency_words(code: str, languages: Iterable[str]) -> tuple[str, ...]:
    """The currency's code, symbols and names in the languages (and English, and CLDR's
    root), longest first: ('US dollars', 'US dollar', 'dollars', ..., 'US$', 'USD', '$')."""
    words = {code}
    for language in {*languages, "en", "root"}:
        words.add(get_currency_symbol(code, locale=language))
        for count in _COUNTS:
            name = get_currency_name(code, count=count, locale=language)
            words.add(name)
            # 'US dollars' is also written 'dollars': the name's last word, alone.
            if " " in name:
                words.add(name.rsplit(" ", 1)[1])
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def compact_words(languages: Iterable[str]) -> tuple[str, ...]:
    """Words for thousand, million, billion... in the languages: 'million', 'M', '万', '亿'."""
    words = set(_EXTRA_WORDS)
    for language in languages:
        formats = Locale.parse(language).compact_decimal_formats
        for length in formats.values():
            for plural in length.values():
                for pattern in plural.values():
                    word = re.sub(r"[0#.,\s\u00a0']", "", pattern.pattern)
                    if word:
                        words.add(word)
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=16)
def typed_money_pattern(code: str, languages: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of an amount in `code` typed in any of the languages' ways."""
    currency = "|".join(_word(w) for w in currency_words(code, languages))
    compact = "|".join(_word(w) for w in compact_words(languages))
    amount = rf"{_NUMBER}(?:\s*(?:{compact}))?"
    before = rf"(?:{currency})\s*[~≈约]?\s*{amount}"
    after = rf"{amount}\s*(?:{currency})"
    return re.compile(rf"(?<![\dA-Za-z.,])(?:{before}|{after})", re.IGNORECASE)


def typed_money(text: str, code: str, languages: Iterable[str]) -> list[str]:
    """Every amount in `code` typed into a text, as written: ['US$943 million']."""
    return [m[0] for m in typed_money_pattern(code, tuple(languages)).finditer(text)]


def _word(word: str) -> str:
    """A word of the pattern; letters must not run on into another word ('USDA', 'Mar')."""
    escaped = re.escape(word)
    if word[-1].isascii() and word[-1].isalpha():
        escaped += r"(?![A-Za-z])"
    if word[0].isascii() and word[0].isalpha():
        escaped = r"(?<![A-Za-z])" + escaped
    return escaped

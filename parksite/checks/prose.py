"""Figures typed straight into a page: a number in the prose that equals a fact's value, in
any way it can be written (713, 4,500, 4500, 4，500, ４５００, 1.56 billion, 15.6亿, 60余亿,
2000万), is a build error naming the page, the line and the macro to write instead; so is any
amount in the currency the site converts to ("US$943 million", "9.43亿美元": model/money.py).

Exempt: years, dates, ordinals (list numbers, a heading's leading number, 1st, 第3), code,
link targets, HTML, macro calls, and a line ending in `<!-- figure-ok: reason -->`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path

from parksite.content.code import blank_code
from parksite.i18n.languages import Language
from parksite.model.errors import Problem
from parksite.model.load import typed_money
from parksite.model.park import Park
from parksite.project import shown
from parksite.render.figures import figure_text

EXEMPT_MARK = "figure-ok"
# A line the editor has exempted, visibly and with a reason: `... <!-- figure-ok: why -->`.
_EXEMPT = re.compile(r"<!--\s*figure-ok:\s*\S.*?-->\s*$")

_MULTIPLIER = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "千": 1e3,
    "万": 1e4,
    "百万": 1e6,
    "千万": 1e7,
    "亿": 1e8,
}
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.,/#$\\-])"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]\d)"
    r"(?P<ordinal>st|nd|rd|th)?"
    r"(?:\s*(?:余|多|\+|-plus))?"
    r"(?:\s*(?P<mult>thousand|million|billion|bn|百万|千万|万|亿|千)(?![A-Za-z]))?"
)
_DIGIT = re.compile(r"\d")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MACRO_CALLS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")  # and template tags
# Whatever is not prose: blanked out (same length, so columns stay true) before the search.
_NOT_PROSE = [
    re.compile(r"`[^`]*`"),  # inline code
    _MACRO_CALLS,
    re.compile(r"<!--.*?-->"),  # HTML comments
    re.compile(r"<[^>\n]*>"),  # HTML tags and their attributes
    re.compile(r"\]\([^)]*\)|^\s*\[[^\]]+\]:\s*\S+"),  # link targets
    re.compile(r"https?://\S+"),  # bare addresses
    re.compile(r"\d{4}-\d{1,2}-\d{1,2}"),  # ISO dates
    re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日"),
    re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}\b"),
    re.compile(r"第\s*\d+"),  # Chinese ordinals
    re.compile(r"^\s*(?:[-*+]\s+)?\d+[.)]\s"),  # ordered-list numbers
    re.compile(r"^#{1,6}\s+\d+[.)]?\s"),  # a heading's leading number
]
# Front-matter keys whose values readers see; the others (figure, order) are not prose.
_SHOWN_KEYS = re.compile(r"^(title|description|summary):")


def written_value(number: str, multiplier: str | None) -> float:
    """'4,500' -> 4500, ('15.6', '亿') -> 1560000000."""
    return float(number.replace(",", "")) * _MULTIPLIER.get(multiplier or "", 1)


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of every line a reader sees as prose, code and markup blanked."""
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        for i in range(1, end):
            if _SHOWN_KEYS.match(lines[i]):
                yield i + 1, lines[i]
        start = end + 1
    # Code blocks and spans, emptied by the one code scanner (content/code.py), are not prose.
    body = blank_code("\n".join(lines[start:])).split("\n")
    for i, line in enumerate(body, start=start):
        if line:
            yield i + 1, line


def _blank(line: str) -> str:
    for pattern in _NOT_PROSE:
        line = pattern.sub(lambda m: " " * len(m.group()), line)
    return line


# Full-width digits (４５００) as ASCII, and a Chinese comma or full stop inside a figure
# (4，500 or 15．6亿) as the ASCII one: the same figure, one character for one, so the
# column and the text the message quotes stay those of the page.
_FULL_WIDTH = str.maketrans({chr(0xFF10 + d): str(d) for d in range(10)})
_WIDE_SEPARATOR = re.compile(r"(?<=\d)(?:，(?=\d{3}(?!\d))|．(?=\d))")


def _ascii_figures(line: str) -> str:
    line = line.translate(_FULL_WIDTH)
    return _WIDE_SEPARATOR.sub(lambda m: "," if m[0] == "，" else ".", line)


def _year_words(park: Park) -> tuple[str, ...]:
    """Unit words that make a year-like number a quantity instead: '2000 m²', '2000平方米'."""
    words = {
        w for u in park.units.values() if u.kind != "year" for w in u.words.values() if w.strip()
    }
    return tuple(sorted(words, key=len, reverse=True))


def _numbers(park: Park) -> list[tuple[str, float]]:
    """(id, value) of every fact a typed number could equal; years are told apart elsewhere."""
    return [
        (fid, float(f.value))
        for fid, f in park.facts.items()
        if f.value is not None and park.units[f.unit or ""].kind != "year"
    ]


# What a page types by hand: (line, the amount as written) of each amount in the converted
# currency, and (line, column, the number as written, ids of the facts it equals) of each figure.
Typed = tuple[list[tuple[int, str]], list[tuple[int, int, str, list[str]]]]


def typed_by_hand(text: str, park: Park) -> Typed:
    """The amounts and figures typed into a page's text, found in one pass over its prose and
    once per page and data load: `make check` asks for the figures twice (as problems, and as
    the citations a page lacks beside its twins)."""
    return park.memo(("typed by hand", text), lambda: _find_typed(text, park))


def _find_typed(text: str, park: Park) -> Typed:
    numbers, quantity_words = park.memo(
        "typed-figures: numbers and quantity words", lambda: (_numbers(park), _year_words(park))
    )
    amounts: list[tuple[int, str]] = []
    figures: list[tuple[int, int, str, list[str]]] = []
    for lineno, raw in _prose_lines(text):
        # Blanking never adds a digit: a line without one has no figure (most lines).
        if not _DIGIT.search(raw) or _EXEMPT.search(raw):
            continue
        # Most lines with a digit have it only in macro calls: nothing typed there. (Calls
        # are blanked right after code spans, so this holds on a line without a backtick.)
        if "`" not in raw and not _DIGIT.search(_MACRO_CALLS.sub("", raw)):
            continue
        blanked = _blank(raw)
        if not _DIGIT.search(blanked):
            continue
        amounts += ((lineno, amount) for amount in typed_money(park, blanked))
        line = _ascii_figures(blanked)
        for m in _NUMBER.finditer(line):
            if m["ordinal"]:
                continue
            num, mult = m["num"], m["mult"]
            after = line[m.end() :].lstrip()
            if (
                not mult
                and re.fullmatch(r"(19|20)\d\d", num)
                and not after.startswith(quantity_words)
            ):
                continue  # a year
            value = written_value(num, mult)
            ids = [fid for fid, v in numbers if _same(v, value)]
            if ids:
                figures.append((lineno, m.start() + 1, raw[m.start() : m.end()].strip(), ids))
    return amounts, figures


def typed_figures(text: str, park: Park) -> list[tuple[int, int, str, list[str]]]:
    """(line, column, the number as written, ids of the facts it equals) for a page's text."""
    return typed_by_hand(text, park)[1]


def _macro_for(park: Park, fact_id: str) -> str:
    fact = park.facts[fact_id]
    return f'{{{{ {"money" if park.is_money(fact) else "fact"}("{fact_id}") }}}}'


def typed_ids(park: Park, pages: dict[Path, str]) -> set[tuple[str, str]]:
    """(page, fact id) for each figure typed into a page: the page lacks that citation."""
    return {
        (shown(path), fact_id)
        for path, text in pages.items()
        for *_, ids in typed_figures(text, park)
        for fact_id in ids
    }


def prose_problems(park: Park, pages: dict[Path, str], lang: Language) -> Iterator[Problem]:
    """A problem for every figure or converted amount typed into a page instead of taken
    from the data (the figures it equals told in `lang`, the editors' language)."""
    for path, text in pages.items():
        amounts, figures = typed_by_hand(text, park)
        for line, amount in amounts:
            yield Problem(
                shown(path),
                line,
                None,
                "",
                f"'{amount}' is an amount typed by hand.",
                "state the amount in its own currency as a fact in data/park.yml and write "
                '{{ money("id") }}: the site computes the converted amount from the one '
                "exchange rate and states it.",
            )
        for line, column, written, ids in figures:
            what = "; ".join(f"{i} ({figure_text(park, park.facts[i], lang)})" for i in ids)
            macros = " or ".join(_macro_for(park, i) for i in ids)
            yield Problem(
                shown(path),
                line,
                column,
                "",
                f"'{written}' is typed by hand and equals the figure of {what}.",
                f"write {macros} instead, so it carries its source and follows the data; "
                f"if it really is another number, end the line with "
                f"<!-- {EXEMPT_MARK}: why -->.",
            )

"""Which page shows which facts, read from the pages' macro calls, and the check that a
page's English and Chinese versions show the same ones.

Read once per change of docs/ (the file times are the cache key), so the Sources page, the
build check and `make check` share one scan.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parksite.content.code import blank_code
from parksite.content.pages import language_of, page_text, read_pages
from parksite.content.stories import (
    front_matter,
    front_matter_line,
    list_stories,
    read_front_matter,
)
from parksite.model.errors import Problem
from parksite.model.park import EXCHANGE_RATE, Lang, Park
from parksite.project import DOCS_DIR, shown

# A macro call as editors write it: {{ fact("patents.national") }}, {{ cards("a", "b") }}.
MACRO_CALL = re.compile(r"\{\{-?\s*(?P<name>[a-z_]+)\s*\((?P<args>[^)]*)\)\s*-?\}\}")
# Macros whose arguments are fact ids (`period` is main's: the years a figure covers);
# money also shows the exchange rate behind dollars.
_ID_MACROS = {"fact", "money", "fact_list", "cards", "period"}


@dataclass(frozen=True)
class Citation:
    """A fact shown on a page: by which macro, at which line of the page's file."""

    page: str
    fact: str
    macro: str
    line: int


def outside_code(text: str) -> str:
    """The page with its code blocks and spans blanked (same lines), which render as text."""
    return blank_code(text)


@lru_cache(maxsize=8192)  # the reference check and the citations read the same pages
def macro_calls(text: str) -> tuple[tuple[str, tuple, int], ...]:
    """(name, arguments, line) of every macro call a page makes, leaving out code."""
    text = outside_code(text)
    found = []
    for match in MACRO_CALL.finditer(text):
        args = _arguments(match["args"])
        if args is not None:
            found.append((match["name"], args, text.count("\n", 0, match.start()) + 1))
    return tuple(found)


@lru_cache(maxsize=4096)  # pages repeat the same few ids, thousands of times on a big site
def _arguments(written: str) -> tuple | None:
    """The literal arguments of a macro call, or None when they are not literals."""
    try:
        return ast.literal_eval(f"({written},)") if written.strip() else ()
    except (SyntaxError, ValueError):
        return None


def _money_ids(park: Park, ids: tuple) -> bool:
    return any(
        isinstance(i, str)
        and i in park.facts
        and park.facts[i].value is not None
        and park.units.get(park.facts[i].unit or "") is not None
        and park.units[park.facts[i].unit or ""].kind == "money"
        for i in ids
    )


def scan_page(
    path: Path, park: Park, docs_dir: Path = DOCS_DIR, text: str | None = None
) -> list[Citation]:
    """Every fact a page shows, including those behind tables, story cards and dollars."""
    page = path.relative_to(docs_dir).as_posix()
    text = page_text(path) if text is None else text
    found: list[Citation] = []
    for name, args, line in macro_calls(text):
        ids: list[str] = []
        if name in _ID_MACROS:
            ids = [a for a in args if isinstance(a, str)]
            if name in ("money", "cards") and _money_ids(park, args):
                ids.append(EXCHANGE_RATE)
        elif name == "facts_table":
            topic = args[0] if args else None
            ids = [f for f, fact in park.facts.items() if topic is None or fact.topic == topic]
        elif name == "exchange_rate":
            ids = [EXCHANGE_RATE]
        elif name == "story_cards":
            stories = list_stories(language_of(page), docs_dir)
            ids = [s.figure for s in stories if s.figure]
        found.extend(Citation(page, fact_id, name, line) for fact_id in ids)
    figure = front_matter(text).get("figure")
    if figure:
        found.append(Citation(page, str(figure), "figure", front_matter_line(text, "figure")))
    return found


# The last scan: the data and the pages it read, and what they cite.
_last: list[tuple[Park, Path, tuple, tuple[Citation, ...]]] = []


def all_citations(
    park: Park, docs_dir: Path = DOCS_DIR, pages: dict[Path, str] | None = None
) -> tuple[Citation, ...]:
    """Every citation of every page, scanned again only when a page or the data changes."""
    texts = tuple((pages or read_pages(docs_dir)).items())
    if not (_last and _last[0][0] is park and _last[0][1] == docs_dir and _last[0][2] == texts):
        found = tuple(c for f, text in texts for c in scan_page(f, park, docs_dir, text))
        _last[:] = [(park, docs_dir, texts, found)]
    return _last[0][3]


def pages_showing(
    park: Park, lang: Lang, docs_dir: Path = DOCS_DIR, pages: dict[Path, str] | None = None
) -> dict[str, list[str]]:
    """For each fact, the pages of one language that show it, in the order of the files.

    The complete table of the Key figures page is left out: it shows every fact.
    """
    # Dicts as ordered sets: a fact may be shown by a thousand stories.
    shown_on: dict[str, dict[str, None]] = {}
    for c in all_citations(park, docs_dir, pages):
        if c.macro != "facts_table" and language_of(c.page) == lang:
            shown_on.setdefault(c.fact, {})[c.page] = None
    return {fact: list(on) for fact, on in shown_on.items()}


def twin(page: str) -> str:
    """The other language's file of a page: about.md <-> about.zh.md."""
    if page.endswith(".zh.md"):
        return page.removesuffix(".zh.md") + ".md"
    return page.removesuffix(".md") + ".zh.md"


def parity_problems(
    park: Park,
    docs_dir: Path = DOCS_DIR,
    pages: dict[Path, str] | None = None,
    told: frozenset[tuple[str, str]] = frozenset(),
) -> Iterator[Problem]:
    """A fact one language's version of a page shows and the other's does not, unless the
    other's lack is already told: (its file as shown, the fact id) is in `told`."""
    by_page: dict[str, dict[str, int]] = {}
    for c in all_citations(park, docs_dir, pages):
        by_page.setdefault(c.page, {}).setdefault(c.fact, c.line)
    for page in sorted(by_page.keys() | {twin(p) for p in by_page}):
        if page.endswith(".zh.md"):
            continue
        other = twin(page)
        if not (docs_dir / page).exists() or not (docs_dir / other).exists():
            continue
        en, zh = by_page.get(page, {}), by_page.get(other, {})
        for here, there, mine, theirs in ((page, other, en, zh), (other, page, zh, en)):
            for fact_id in sorted(mine.keys() - theirs.keys()):
                if (shown(docs_dir / there), fact_id) in told:
                    continue
                yield Problem(
                    shown(docs_dir / here),
                    mine[fact_id],
                    None,
                    "",
                    f"shows {fact_id}, but {shown(docs_dir / there)} does not.",
                    f"the English and Chinese versions show the same figures: cite {fact_id} "
                    f"in {shown(docs_dir / there)} too, or remove it from both.",
                )


def page_title(path: Path) -> str:
    """A page's title from its front matter, else its file name."""
    return str(read_front_matter(path).get("title") or path.stem)


def page_url(page: str) -> str:
    """The site address of a page file, from the site root: about.zh.md -> zh/about/."""
    lang = language_of(page)
    stem = page.removesuffix(".zh.md" if lang == "zh" else ".md")
    stem = stem.removesuffix("index").rstrip("/")
    url = f"{stem}/" if stem else ""
    return f"zh/{url}" if lang == "zh" else url

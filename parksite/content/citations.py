"""Which page shows which facts, read from the pages' macro calls; the check that every page
is written in each language and that its versions show the same facts.

Scanned once per build (the Site carries the result), so the Sources page, the build's
check and `make check` share one scan.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from parksite.content import frontmatter
from parksite.content.calls import Call, PageError, page_parts
from parksite.content.code import blank_code
from parksite.content.stories import front_matter, front_matter_line, read_front_matter
from parksite.i18n.languages import Language
from parksite.model.errors import Problem
from parksite.model.park import Park
from parksite.project import shown

if TYPE_CHECKING:
    from parksite.content.site import Site

# Macros whose arguments are fact ids; money and cards also show the rate behind converted
# amounts.
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
    """(name, arguments, line) of every macro call a page makes, leaving out code, as the one
    reader of pages' templates (content/calls.py) reads them; a page it cannot read cites
    nothing here (the template check tells its mistake)."""
    return tuple((call.name, call.args, call.line) for call in page_macro_calls(text))


def page_macro_calls(text: str) -> tuple[Call, ...]:
    """Every macro call of a page with its keyword arguments too, on the page file's lines."""
    return readable_calls(text) or ()


@lru_cache(maxsize=8192)  # the template check and the citations read the same pages
def readable_calls(text: str) -> tuple[Call, ...] | None:
    """A page's macro calls as page_macro_calls gives them, or None when its template cannot
    be read (the template check tells why)."""
    _, body, body_line = frontmatter.split(text)
    try:
        # Without the newline at its end, the body is the Markdown the build's sandbox reads
        # (mkdocs-static-i18n drops it): the build finds the page read already.
        parts = page_parts(body.removesuffix("\n"))
    except PageError:
        return None
    # Made anew rather than by dataclasses.replace, which costs twice as much per call.
    return tuple(
        Call(part.line + body_line - 1, part.name, part.args, part.kwargs)
        for part in parts
        if isinstance(part, Call)
    )


def _converted_ids(park: Park, ids: tuple) -> bool:
    return any(isinstance(i, str) and i in park.facts and park.converts(park.facts[i]) for i in ids)


def scan_page(page: str, text: str, site: Site) -> list[Citation]:
    """Every fact a page shows, including those behind tables, story cards and the rate
    behind converted amounts. `page` is the file inside docs/: 'about.zh.md'."""
    park = site.park
    rate = park.site.second_currency.rate if park.site.second_currency else None
    found: list[Citation] = []
    for name, args, line in macro_calls(text):
        ids: list[str] = []
        if name in _ID_MACROS:
            ids = [a for a in args if isinstance(a, str)]
            if name in ("money", "cards") and rate and _converted_ids(park, args):
                ids.append(rate)
        elif name == "facts_table":
            topic = args[0] if args else None
            ids = [f for f, fact in park.facts.items() if topic is None or fact.topic == topic]
        elif name == "exchange_rate" and rate:
            ids = [rate]
        elif name == "story_cards":
            ids = [s.figure for s in site.stories(site.language_of(page)) if s.figure]
        found.extend(Citation(page, fact_id, name, line) for fact_id in ids)
    figure = front_matter(text).get("figure")
    if figure:
        found.append(Citation(page, str(figure), "figure", front_matter_line(text, "figure")))
    return found


def all_citations(site: Site) -> tuple[Citation, ...]:
    """Every citation of every page of the build."""
    return site.memo(
        "citations",
        lambda: tuple(
            c
            for path, text in site.pages.items()
            for c in scan_page(site.page_files[path], text, site)
        ),
    )


def pages_showing(site: Site, lang: Language) -> dict[str, list[str]]:
    """For each fact, the pages of one language that show it, in the order of the files.

    The complete table of facts is left out: it shows every fact.
    """
    # Dicts as ordered sets: a fact may be shown by a thousand stories.
    shown_on: dict[str, dict[str, None]] = {}
    for c in all_citations(site):
        if c.macro != "facts_table" and site.language_of(c.page) is lang:
            shown_on.setdefault(c.fact, {})[c.page] = None
    return {fact: list(on) for fact, on in shown_on.items()}


def facts_page(site: Site) -> str | None:
    """The page of the default language with the complete table of facts (`facts_table()`
    without a topic), if the site has one: 'key-figures.md'."""
    for path, text in site.pages.items():
        page = site.page_files[path]
        if site.language_of(page).default and any(
            name == "facts_table" and not args for name, args, _ in macro_calls(text)
        ):
            return page
    return None


def stories_folder(site: Site) -> str | None:
    """The folder of the stories: that of the default language's page showing their cards
    (`story_cards()`): 'stories'; None when no page does (a site without stories)."""
    for path, text in site.pages.items():
        page = site.page_files[path]
        # Only the full index, `story_cards()`: the home page's `story_cards(limit=3)` is not it.
        if site.language_of(page).default and any(
            call.name == "story_cards" and not call.args and not call.kwargs
            for call in page_macro_calls(text)
        ):
            folder = Path(page).parent.as_posix()
            return None if folder == "." else folder
    return None


def twin_problems(site: Site, renamed: Collection[str] = ()) -> Iterator[Problem]:
    """A page missing in one of the languages: every page is written in each of them (a page
    told as renamed, in `renamed`, is not told again for its twins)."""
    languages = site.languages
    present = set(site.page_files.values())
    missing: dict[str, str] = {}
    for page in sorted(present):
        if languages.file_in(page, languages.default) in renamed:
            continue
        for lang in languages:
            other = languages.file_in(page, lang)
            if other not in present:
                missing.setdefault(other, page)
    for other, page in sorted(missing.items()):
        lang = languages.of_file(other)
        yield Problem(
            shown(site.docs_dir / other),
            None,
            None,
            "",
            f"is missing: {shown(site.docs_dir / page)} has no {lang.name} ({lang.code}) version.",
            f"add {shown(site.docs_dir / other)}, written in {lang.name} (copy "
            f"{shown(site.docs_dir / page)} and translate it), or remove the page in every language.",
        )


def parity_problems(
    site: Site, told: frozenset[tuple[str, str]] = frozenset()
) -> Iterator[Problem]:
    """A fact that one language's version of a page shows and the default language's does not,
    or the other way round; not told again where the lack is told already: a page citing an
    id the data lacks, or (its file as shown, the fact id) in `told` (a figure typed there)."""
    languages, facts = site.languages, site.park.facts
    by_page: dict[str, dict[str, int]] = {}
    # A page citing an id the data lacks is told that once; comparing it now would advise
    # removing the correct citation from its other languages.
    unknown: set[str] = set()
    for c in all_citations(site):
        if c.fact in facts:
            by_page.setdefault(c.page, {}).setdefault(c.fact, c.line)
        else:
            unknown.add(languages.file_in(c.page, languages.default))
    present = set(site.page_files.values())
    for page in sorted(p for p in present if languages.of_file(p).default and p not in unknown):
        for lang in languages.all[1:]:
            other = languages.file_in(page, lang)
            if other not in present:
                continue  # reported by twin_problems
            mine, theirs = by_page.get(page, {}), by_page.get(other, {})
            for here, there, shows, lacks in (
                (page, other, mine, theirs),
                (other, page, theirs, mine),
            ):
                for fact_id in sorted(shows.keys() - lacks.keys()):
                    if (shown(site.docs_dir / there), fact_id) in told:
                        continue
                    yield Problem(
                        shown(site.docs_dir / here),
                        shows[fact_id],
                        None,
                        "",
                        f"shows {fact_id}, but {shown(site.docs_dir / there)} does not.",
                        "every language's version of a page shows the same figures: cite "
                        f"{fact_id} in {shown(site.docs_dir / there)} too, or remove it from both.",
                    )


def page_title(path: Path) -> str:
    """A page's title from its front matter, else its file name."""
    return str(read_front_matter(path).get("title") or path.stem)

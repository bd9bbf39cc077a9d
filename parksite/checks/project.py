"""`make check`: the data file, every fact a page cites and every link, in about a second."""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import yaml

from parksite.checks.markup import HOW_TO_LINK, HOW_TO_MARKUP, MARKUP, unsafe_scheme
from parksite.checks.prose import prose_problems
from parksite.content.citations import (
    macro_calls,
    outside_code,
    parity_problems,
    twin_problems,
)
from parksite.content.site import Site
from parksite.content.stories import front_matter, front_matter_line
from parksite.model.errors import DataError, Problem
from parksite.model.park import Park
from parksite.model.yamlsource import syntax_problem
from parksite.project import PROJECT, Project, shown

FACT_MACROS = {"fact", "money", "fact_list", "cards", "period"}
# Where Markdown or HTML takes an address: [x](here), [x]: here, href="here", src="here".
LINK_TARGET = re.compile(
    r"""(\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|\b(?:href|src)\s*=\s*["']?)([^\s)"'>]+)""", re.M
)


def cited_ids(text: str) -> Iterator[tuple[str, str, int]]:
    """(macro, id, line) for every fact or placeholder id a page's text cites."""
    for name, args, line in macro_calls(text):
        if name not in FACT_MACROS and name != "placeholder":
            continue
        for arg in args:
            if isinstance(arg, str):
                yield name, arg, line


def page_problems(park: Park, pages: dict[Path, str]) -> Iterator[Problem]:
    """Every cited id that the data does not have, with the nearest known ids."""
    facts, holders = sorted(park.facts), sorted(park.placeholders)
    for path, text in pages.items():
        refs = list(cited_ids(text))
        try:
            figure = front_matter(text).get("figure")
        except yaml.MarkedYAMLError as exc:
            # MkDocs would quietly show a broken front matter as text at the top of the page.
            problem = syntax_problem(exc, shown(path))
            yield replace(problem, field="front matter")
            continue
        if figure:
            line = front_matter_line(text, "figure")
            refs.append(("figure", str(figure), line))
        for macro, ref, line in refs:
            known = holders if macro == "placeholder" else facts
            if ref in known:
                continue
            close = difflib.get_close_matches(ref, known, n=3, cutoff=0.7)
            hint = (
                f"did you mean {', '.join(close)}?"
                if close
                else "every id is a key in data/park.yml."
            )
            yield Problem(shown(path), line, None, macro, f"unknown id '{ref}'.", hint)


def link_problems(pages: dict[Path, str]) -> Iterator[Problem]:
    """Every link in a page to an address a browser would run (javascript: and the like)."""
    for path, text in pages.items():
        for match in LINK_TARGET.finditer(text):
            scheme = unsafe_scheme(html.unescape(match[2]))
            if scheme:
                line = text.count("\n", 0, match.start(2)) + 1
                yield Problem(
                    shown(path),
                    line,
                    None,
                    "link",
                    f"a link to a `{scheme}:` address is not allowed.",
                    HOW_TO_LINK,
                )


def markup_problems(pages: dict[Path, str]) -> Iterator[Problem]:
    """Every script, frame, form or `on...=` attribute an editor wrote in a page (not in code)."""
    for path, text in pages.items():
        text = outside_code(text)
        for match in MARKUP.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found = match[0].strip()
            found = found if len(found) <= 40 else found[:37] + "..."
            yield Problem(
                shown(path),
                line,
                None,
                "markup",
                f"`{found}` is not allowed in a page.",
                HOW_TO_MARKUP,
            )


def site_problems(site: Site) -> list[Problem]:
    """Every problem of a project's pages, given its languages and data (already valid)."""
    pages = site.pages
    return [
        *page_problems(site.park, pages),
        *link_problems(pages),
        *markup_problems(pages),
        *prose_problems(site.park, pages, site.languages.default),
        *twin_problems(site),
        *parity_problems(site),
    ]


def check(
    project: Project = PROJECT, docs_dir: Path | None = None, *, today: dt.date | None = None
) -> Site:
    """Read and validate the project: languages, data and pages; raise DataError with every
    problem. Also refused: figures typed by hand (prose.py), a page missing in a language, and
    versions of a page that show different facts (content/citations.py)."""
    site = Site.load(project, docs_dir, today=today)
    problems = site_problems(site)
    if problems:
        raise DataError(problems)
    return site

"""`make check`: the data file, the files of docs/ and data/, and every page: its front matter,
its template (plain macro calls only), its markup (the allowlist of parksite.checks.html),
the facts it cites and its typed figures, in about a second; each problem with its line."""

from __future__ import annotations

import ast
import datetime as dt
import difflib
import html
import re
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE

from parksite.checks import html as allowlist
from parksite.checks.descriptions import description_problems
from parksite.checks.files import committed_cache_problems, file_problems
from parksite.checks.prose import prose_problems, typed_ids
from parksite.checks.targets import ADDRESS, renamed_pages, scan, target_problems
from parksite.content import frontmatter
from parksite.content.calls import PageError, page_calls
from parksite.content.citations import (
    macro_calls,
    outside_code,
    parity_problems,
    readable_calls,
    twin_problems,
)
from parksite.content.code import protect_code
from parksite.content.site import Site
from parksite.model.errors import DataError, Problem
from parksite.model.park import Park
from parksite.model.yamlsource import invisible_problems
from parksite.project import PROJECT, Project, shown

FACT_MACROS = {"fact", "money", "fact_list", "cards", "period"}
# Macros whose arguments are placeholders (contact details, the ICP number).
PLACEHOLDER_MACROS = {"placeholder", "details"}
_OPEN_OR_CLOSE = re.compile(r"\{\{|\}\}")
_CALLED = re.compile(r"^-?\s*([A-Za-z_]\w*)\s*[(（]")
# Punctuation a Chinese keyboard types in place of the ASCII a macro call needs.
_WIDE = {"“": '"', "”": '"', "‘": "'", "’": "'", "（": "(", "）": ")", "，": ",", "＂": '"'}
# Where Markdown takes an address: [x](here), ![x](here), [x]: here (targets.scan). Only to
# name the line early: the build judges every address on its parse of the rendered page. An
# image is a link whose `[` follows a `!`.
LINK_FORMS = (
    (re.compile(r"\[[^\]\n]*\]\(\s*<?" + ADDRESS), ("](",)),
    (re.compile(r"^\s*\[[^\]]+\]:\s*<?" + ADDRESS, re.M), ("]:",)),
)
# What Markdown, not HTML, reads in a page's source: blanked before the HTML parse.
_MARKDOWN_NOT_HTML = re.compile(
    rf"\{{\{{.*?\}}\}}|\{{%\s*(?:end)?raw\s*%\}}|{AUTOLINK_RE}|{AUTOMAIL_RE}|\]\(\s*<[^>\n]*>", re.S
)


def cited_ids(text: str) -> Iterator[tuple[str, str, int]]:
    """(macro, id, line) for every fact or placeholder id a page's text cites."""
    for name, args, line in macro_calls(text):
        if name not in FACT_MACROS and name not in PLACEHOLDER_MACROS:
            continue
        for arg in args:
            if isinstance(arg, str):
                yield name, arg, line


def call_problems(text: str, file: str, macros: Collection[str]) -> Iterator[Problem]:
    """A macro call the build could not run: never closed, typed with Chinese punctuation,
    or naming no macro (told here, or the page would only seem to lack its figures)."""
    text = outside_code(text)
    marks = list(_OPEN_OR_CLOSE.finditer(text))
    for at, mark in enumerate(marks):
        if mark[0] != "{{":
            continue
        after = marks[at + 1] if at + 1 < len(marks) else None
        line = text.count("\n", 0, mark.start()) + 1
        if after is None or after[0] != "}}":
            yield Problem(
                file,
                line,
                None,
                "",
                "a macro opened here with `{{` is never closed with `}}`.",
                'end it with two closing braces: {{ fact("patents.national") }}.',
            )
            continue
        inside = text[mark.end() : after.start()]
        wide = sorted({c for c in inside if c in _WIDE})
        if wide:
            fixed = inside.translate(str.maketrans(_WIDE)).strip()
            yield Problem(
                file,
                line,
                None,
                "",
                f"this macro is typed with Chinese punctuation ({' '.join(wide)}).",
                f"write it with straight ASCII quotes, brackets and commas: {{{{ {fixed} }}}}.",
            )
            continue
        called = _CALLED.match(inside.strip())
        if called and called[1] in FACT_MACROS | PLACEHOLDER_MACROS:
            yield from _id_arguments(called[1], inside, file, line)
        if called and called[1] not in macros:
            close = difflib.get_close_matches(called[1], sorted(macros), n=1, cutoff=0.6)
            yield Problem(
                file,
                line,
                None,
                "",
                f"`{called[1]}` is not a macro a page can use.",
                f"did you mean {close[0]}?"
                if close
                else "the macros are listed in MAINTAINING.md (The macros).",
            )


def _id_arguments(name: str, inside: str, file: str, line: int) -> Iterator[Problem]:
    """A macro that shows facts, given something else than ids in quotes."""
    written = inside.strip().removeprefix("-").removesuffix("-").strip()
    arguments = written[written.index("(") + 1 :].rstrip().removesuffix(")")
    try:
        values = ast.literal_eval(f"({arguments},)") if arguments.strip() else ()
    except (SyntaxError, ValueError):
        values = None
    if values and all(isinstance(v, str) for v in values):
        return
    bare = [a.strip() for a in arguments.split(",") if a.strip()]
    if not all(re.fullmatch(r"[A-Za-z_][\w.]*", a) for a in bare):
        return  # not an id missing its quotes: the sandbox's words say what it is
    fallback = '"..."' if name in PLACEHOLDER_MACROS else '"patents.national"'
    example = ", ".join(f'"{a.strip(chr(39))}"' for a in bare) if bare else fallback
    yield Problem(
        file,
        line,
        None,
        name,
        "the id is written without quotes." if bare else "the id of a fact is missing.",
        f"write the id in straight quotes: {{{{ {name}({example}) }}}}.",
    )


def page_problems(park: Park, pages: dict[Path, str]) -> Iterator[Problem]:
    """Every cited id that the data does not have, with the nearest known ids."""
    facts, holders = sorted(park.facts), sorted(park.placeholders)
    for path, text in pages.items():
        refs = list(cited_ids(text))
        try:
            front = frontmatter.read(text, shown(path))
        except DataError:
            continue  # told by front_matter_problems
        figure = front.data.get("figure")
        if figure:
            refs.append(("figure", str(figure), front.lines["figure"]))
        for name, args, line in macro_calls(text):
            topic = args[0] if name == "facts_table" and args else None
            if isinstance(topic, str) and topic not in park.topics:
                yield Problem(
                    shown(path),
                    line,
                    None,
                    name,
                    f"unknown topic '{topic}'.",
                    _nearest(topic, sorted(park.topics), "the topics are listed under topics:"),
                )
        for macro, ref, line in refs:
            known = holders if macro in PLACEHOLDER_MACROS else facts
            if ref in known:
                continue
            if ref.strip() in known:
                yield Problem(
                    shown(path),
                    line,
                    None,
                    macro,
                    f"unknown id '{ref}': it has a space before or after it.",
                    f"delete the space: write {ref.strip()}.",
                )
                continue
            hint = _nearest(ref, known, "every id is a key in data/park.yml.")
            yield Problem(shown(path), line, None, macro, f"unknown id '{ref}'.", hint)


def _nearest(name: str, known: list[str], otherwise: str) -> str:
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.7)
    return f"did you mean {', '.join(close)}?" if close else otherwise


def front_matter_problems(pages: dict[Path, str]) -> Iterator[Problem]:
    """A front matter MkDocs could not read, keys a page does not use, and markup or
    template syntax in a title, description or summary (they are shown as plain text)."""
    for path, text in pages.items():
        try:
            front = frontmatter.read(text, shown(path))
        except DataError as exc:
            yield from exc.problems
            continue
        for key in frontmatter.TEXT_KEYS:
            value = front.data.get(key)
            why = allowlist.text_markup(value) if isinstance(value, str) else None
            if why:
                yield Problem(
                    shown(path),
                    front.lines[key],
                    None,
                    key,
                    f"{why} is written in the {key}, which is shown as plain text.",
                    "write the text alone: & < > and quotes are shown as written; for a link "
                    "or emphasis, use the page itself.",
                )


def template_problems(
    pages: dict[Path, str], macros: Collection[str] | None = None
) -> Iterator[Problem]:
    """Template syntax other than plain macro calls, as the build's sandbox refuses it: the
    slips staff make (a call never closed, typed with Chinese punctuation, an id without
    quotes, a misspelt macro) in their own words, anything else as the sandbox says it."""
    for path, text in pages.items():
        calls = readable_calls(text)
        if calls is not None and (macros is None or all(call.name in macros for call in calls)):
            continue  # read once for this check and the citations: calls of known macros only
        _, body, body_line = frontmatter.split(text)
        try:
            page_calls(protect_code(body), macros)
        except PageError as exc:
            line = None if exc.line is None else exc.line + body_line - 1
            # The sandbox decides; a slip in a macro call on the same line (no template code
            # there) is told in words for staff.
            written = text.split("\n")[line - 1] if line else ""
            slips = [
                p
                for p in call_problems(text, shown(path), macros or ())
                if p.line == line and "{%" not in written and "{##" not in written
            ]
            yield (
                slips[0]
                if slips
                else Problem(shown(path), line, None, "template", exc.message, exc.hint)
            )


def character_problems(pages: dict[Path, str]) -> Iterator[Problem]:
    """Control and direction characters, which make a page show other than it reads."""
    for path, text in pages.items():
        yield from invisible_problems(text, shown(path))


def link_problems(pages: dict[Path, str]) -> Iterator[Problem]:
    """Every Markdown link to an address a browser would run, and every Markdown image from
    another host (raw HTML: markup_problems)."""
    for path, text in pages.items():
        text = outside_code(text)
        for match in scan(text, LINK_FORMS):
            url = html.unescape(match[1])
            if match.re is LINK_FORMS[0][0] and text[match.start() - 1 : match.start()] == "!":
                why, hint = allowlist.resource_refusal(url), allowlist.HOW_TO_IMAGE
                what = f"an image from {why} is not allowed."
            else:
                why, hint = allowlist.link_refusal(url), allowlist.HOW_TO_LINK
                what = f"a link to {why} is not allowed."
            if why:
                line = text.count("\n", 0, match.start(1)) + 1
                yield Problem(shown(path), line, None, "link", what, hint)


def page_html(text: str) -> str:
    """The HTML a page's source writes, its lines kept: front matter, code, macro calls, raw
    markers and Markdown's autolinks blanked (the macros' own HTML is the engine's)."""
    _, _, body_line = frontmatter.split(text)
    lines = outside_code(text).split("\n")
    lines[: body_line - 1] = [""] * (body_line - 1)
    return _MARKDOWN_NOT_HTML.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), "\n".join(lines))


def markup_problems(pages: dict[Path, str]) -> Iterator[Problem]:
    """Everything the allowlist refuses in the HTML a page's source writes (not in code)."""
    for path, text in pages.items():
        if "<" not in text:
            continue  # no tag, no comment: most pages
        source = page_html(text)
        for refusal in allowlist.refusals(source, source=True):
            line = allowlist.line_of(source, refusal, source=True)
            yield Problem(shown(path), line, None, "markup", refusal.what, refusal.hint)


def rendered_problems(
    file: str, source: Callable[[], str], html: str, titles: list[str]
) -> list[Problem]:
    """What the allowlist refuses in a page's rendered content and in the titles the theme
    writes from it (headings in the table of contents), each at its line of the page's
    source where that can be found: the line the source check gives, else the first line
    holding what was refused (an address, an attribute's name)."""
    # Without a `<` no tag or comment can start: most titles need no parse.
    marked = [text for text in titles if "<" in text]
    found = allowlist.refusals(html) + [r for text in marked for r in allowlist.refusals(text)]
    if not found:
        return []
    text = page_html(source())
    lines = [
        (r.what, allowlist.line_of(text, r, source=True))
        for r in allowlist.refusals(text, source=True)
    ]
    problems = []
    for refusal in found:
        line = next((n for what, n in lines if what == refusal.what), None)
        if line is None and refusal.written:
            at = text.find(refusal.written)
            line = text.count("\n", 0, at) + 1 if at >= 0 else None
        problems.append(Problem(file, line, None, "markup", refusal.what, refusal.hint))
    return problems


def check(
    project: Project = PROJECT,
    docs_dir: Path | None = None,
    *,
    macros: Collection[str] | None = None,
    today: dt.date | None = None,
) -> Site:
    """Read and validate the project (its files, languages, data and pages); raise DataError
    with every problem, and return the build's Site.

    `macros`: the names a page may call (None checks the calls' syntax only). Refused in turn,
    so that one mistake is told once: files docs/ and data/ must not hold (never read);
    the languages' words and the data; a page that cannot be read (its front matter,
    template, characters, markup, links); then figures typed by hand (prose.py), an id the
    data lacks, a page missing in a language and versions showing different facts.
    """
    docs = docs_dir or project.docs_dir
    found = [
        *committed_cache_problems(project.root),
        *file_problems(docs, project.root / "data"),
    ]
    if found:
        raise DataError(found)
    site = Site.load(project, docs, today=today)
    pages = site.pages
    found = [
        *front_matter_problems(pages),
        *template_problems(pages, macros),
        *character_problems(pages),
        *markup_problems(pages),
        *link_problems(pages),
    ]
    if found:
        raise DataError(found)
    cited = list(page_problems(site.park, pages))
    # One mistake, one message. A page that cites a wrong id seems to show other figures than
    # its twin: the twins are compared once it is right. A figure typed by hand is told as
    # such, not again as a figure missing beside its twin's.
    wrong = {problem.file for problem in cited}
    told = frozenset(typed_ids(site.park, pages))
    languages = site.languages
    problems = [
        *cited,
        *prose_problems(site.park, pages, languages.default),
        *target_problems(site),
        *description_problems(site),
        *twin_problems(site, renamed=renamed_pages(site)),
        *(
            problem
            for problem in parity_problems(site, told)
            if problem.file not in wrong
            and not any(shown(site.docs_dir / twin) in wrong for twin in _twins(site, problem))
        ),
    ]
    if problems:
        raise DataError(problems)
    return site


def _twins(site: Site, problem: Problem) -> list[str]:
    """The page's files in the other languages, inside docs/, of a problem's page."""
    page = Path(problem.file).as_posix().split("docs/", 1)[-1]
    return [site.languages.file_in(page, lang) for lang in site.languages]

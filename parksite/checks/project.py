"""`make check`: the data file, every fact a page cites and every link, in about a second."""

from __future__ import annotations

import ast
import difflib
import html
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import yaml

from parksite.checks.descriptions import description_problems
from parksite.checks.markup import HOW_TO_LINK, HOW_TO_MARKUP, MARKUP, unsafe_scheme
from parksite.checks.prose import prose_problems, typed_ids
from parksite.checks.targets import LINK_TARGET, target_problems
from parksite.content.citations import macro_calls, outside_code, parity_problems, twin
from parksite.content.pages import read_pages
from parksite.content.stories import front_matter, front_matter_line
from parksite.model.errors import DataError, Problem
from parksite.model.load import load_park
from parksite.model.park import Park
from parksite.model.yamlsyntax import syntax_problem
from parksite.project import CONFIG_FILE, DATA_FILE, DOCS_DIR, shown

FACT_MACROS = {"fact", "money", "fact_list", "cards", "period"}
# Every macro a page may call: those parksite/mkdocs/macros.py registers (a test holds the
# two equal). A call to any other name is a slip, told before the build.
PAGE_MACROS = frozenset(
    {
        *FACT_MACROS,
        "facts_table",
        "placeholder",
        "exchange_rate",
        "data_checked",
        "sources_list",
        "story_cards",
        "sources_index",
        "downloads",
        "figure_history",
    }
)
# Where a page's `{{` opens and `}}` closes; and a name called in it: {{ fact(...) }}.
_OPEN_OR_CLOSE = re.compile(r"\{\{|\}\}")
_CALLED = re.compile(r"^-?\s*([A-Za-z_]\w*)\s*[(（]")
# Punctuation a Chinese keyboard types in place of the ASCII a macro call needs.
_WIDE = {"“": '"', "”": '"', "‘": "'", "’": "'", "（": "(", "）": ")", "，": ",", "＂": '"'}


def cited_ids(text: str) -> Iterator[tuple[str, str, int]]:
    """(macro, id, line) for every fact or placeholder id a page's text cites."""
    for name, args, line in macro_calls(text):
        if name not in FACT_MACROS and name != "placeholder":
            continue
        for arg in args:
            if isinstance(arg, str):
                yield name, arg, line


def call_problems(text: str, file: str) -> Iterator[Problem]:
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
        if called and called[1] in FACT_MACROS | {"placeholder"}:
            yield from _id_arguments(called[1], inside, file, line)
        if called and called[1] not in PAGE_MACROS:
            close = difflib.get_close_matches(called[1], sorted(PAGE_MACROS), n=1, cutoff=0.6)
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
    fallback = '"..."' if name == "placeholder" else '"patents.national"'
    example = ", ".join(f'"{a.strip(chr(39))}"' for a in bare) if bare else fallback
    yield Problem(
        file,
        line,
        None,
        name,
        "the id is written without quotes." if bare else "the id of a fact is missing.",
        f"write the id in straight quotes: {{{{ {name}({example}) }}}}.",
    )


def page_problems(
    park: Park, docs_dir: Path = DOCS_DIR, pages: dict[Path, str] | None = None
) -> Iterator[Problem]:
    """Every cited id that the data does not have, with the nearest known ids, and every
    macro call the build could not run."""
    facts, holders = sorted(park.facts), sorted(park.placeholders)
    for path, text in (pages or read_pages(docs_dir)).items():
        yield from call_problems(text, shown(path))
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
            known = holders if macro == "placeholder" else facts
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


def link_problems(
    docs_dir: Path = DOCS_DIR, pages: dict[Path, str] | None = None
) -> Iterator[Problem]:
    """Every link in a page to an address a browser would run (javascript: and the like)."""
    for path, text in (pages or read_pages(docs_dir)).items():
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


def markup_problems(
    docs_dir: Path = DOCS_DIR, pages: dict[Path, str] | None = None
) -> Iterator[Problem]:
    """Every script, frame, form or `on...=` attribute an editor wrote in a page (not in code)."""
    for path, text in (pages or read_pages(docs_dir)).items():
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


# The data, the docs folder's files and texts, and mkdocs.yml at the last check that passed.
_passed: dict[Path, tuple[Park, tuple]] = {}


def check(
    data_file: Path = DATA_FILE,
    docs_dir: Path = DOCS_DIR,
    pages: dict[Path, str] | None = None,
    config_file: Path = CONFIG_FILE,
) -> Park:
    """Validate the data and the pages' references; raise DataError with every problem.

    Also refused: figures typed by hand (prose.py), a page whose English and Chinese
    versions show different facts (citations.py), and a page the navigation or a link
    names that docs/ does not have (targets.py).
    """
    park = load_park(data_file)
    # Every check reads the same listing and texts, each file read once.
    pages = read_pages(docs_dir) if pages is None else pages
    # A build checks once per language: the second finds the same data and texts (and
    # the same navigation, which the preview may see changed).
    nav = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    texts = (*pages.items(), nav)
    passed = _passed.get(docs_dir)
    if passed and passed[0] is park and passed[1] == texts:
        return park
    cited = list(page_problems(park, docs_dir, pages))
    # One mistake, one message. A page that cites a wrong id or a broken macro seems to
    # show other figures than its twin: the twins are compared once it is right. A figure
    # typed by hand is told as such, not again as a figure missing beside its twin's.
    wrong = {problem.file for problem in cited}
    told = frozenset(typed_ids(park, docs_dir, pages))
    problems = [
        *cited,
        *prose_problems(park, docs_dir, pages),
        *link_problems(docs_dir, pages),
        *target_problems(docs_dir, pages, config_file),
        *description_problems(pages),
        *markup_problems(docs_dir, pages),
        *(
            problem
            for problem in parity_problems(park, docs_dir, pages, told)
            if problem.file not in wrong and twin(problem.file) not in wrong
        ),
    ]
    if problems:
        raise DataError(problems)
    _passed[docs_dir] = (park, texts)
    return park

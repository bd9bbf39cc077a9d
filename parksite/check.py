"""`make check`: the data file and every fact a page cites, in about a second, without building."""

from __future__ import annotations

import ast
import difflib
from collections.abc import Iterator
from pathlib import Path

from parksite.citations import MACRO_CALL, parity_problems
from parksite.data import load_park
from parksite.errors import DataError, Problem
from parksite.model import Park
from parksite.paths import DATA_FILE, DOCS_DIR, shown
from parksite.prose import prose_problems
from parksite.stories import read_front_matter

FACT_MACROS = {"fact", "money", "fact_list", "cards"}


def cited_ids(text: str) -> Iterator[tuple[str, str, int]]:
    """(macro, id, line) for every fact or placeholder id a page's text cites."""
    for match in MACRO_CALL.finditer(text):
        name = match["name"]
        if name not in FACT_MACROS and name != "placeholder":
            continue
        line = text.count("\n", 0, match.start()) + 1
        try:
            args = ast.literal_eval(f"({match['args']},)") if match["args"].strip() else ()
        except (SyntaxError, ValueError):
            continue
        for arg in args:
            if isinstance(arg, str):
                yield name, arg, line


def page_problems(park: Park, docs_dir: Path = DOCS_DIR) -> Iterator[Problem]:
    """Every cited id that the data does not have, with the nearest known ids."""
    facts, holders = sorted(park.facts), sorted(park.placeholders)
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        refs = list(cited_ids(text))
        figure = read_front_matter(path).get("figure")
        if figure:
            line = next(
                (n for n, t in enumerate(text.splitlines(), 1) if t.startswith("figure:")), 1
            )
            refs.append(("figure", str(figure), line))
        for macro, ref, line in refs:
            known = holders if macro == "placeholder" else facts
            if ref in known:
                continue
            close = difflib.get_close_matches(ref, known, n=3, cutoff=0.5)
            hint = (
                f"did you mean {', '.join(close)}?"
                if close
                else "every id is a key in data/park.yml."
            )
            yield Problem(shown(path), line, None, macro, f"unknown id '{ref}'.", hint)


def check(data_file: Path = DATA_FILE, docs_dir: Path = DOCS_DIR) -> Park:
    """Validate the data and the pages' references; raise DataError with every problem.

    Also refused: figures typed by hand (prose.py), and a page whose English and Chinese
    versions show different facts (citations.py).
    """
    park = load_park(data_file)
    problems = list(page_problems(park, docs_dir))
    problems += prose_problems(park, docs_dir)
    problems += parity_problems(park, docs_dir)
    if problems:
        raise DataError(problems)
    return park

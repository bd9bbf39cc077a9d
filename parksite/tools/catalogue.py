"""The macro catalogue in MAINTAINING.md, written from the first docstring line of each macro.

The line reads "what it shows: {{ usage }}"; `python -m parksite.tools.catalogue` rewrites the
table between the markers, and a test fails when the table and macros.py disagree.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from parksite.project import ROOT

MACROS_FILE = Path(__file__).parent.parent / "mkdocs" / "macros.py"
# The guide that holds the catalogue (the staff guide links to it).
GUIDE = ROOT / "MAINTAINING.md"
START = "<!-- macros:start (written by `python -m parksite.tools.catalogue` from macros.py) -->"
END = "<!-- macros:end -->"
USAGE = re.compile(r"\{\{.*?\}\}")


@dataclass(frozen=True)
class MacroDoc:
    name: str
    shows: str
    examples: tuple[str, ...]


def _is_macro(decorator: ast.expr) -> bool:
    return isinstance(decorator, ast.Attribute) and decorator.attr == "macro"


def macro_docs(source: str) -> list[MacroDoc]:
    """Every function decorated with `@env.macro`, in the order of the file, read without running it."""
    docs = []
    nodes = sorted(ast.walk(ast.parse(source)), key=lambda node: getattr(node, "lineno", 0))
    for node in nodes:
        if isinstance(node, ast.FunctionDef) and any(map(_is_macro, node.decorator_list)):
            first = (ast.get_docstring(node) or "").strip().splitlines()
            line = first[0] if first else ""
            usage = line.find("{{")
            shows = (line[:usage] if usage >= 0 else line).strip().rstrip(":").strip()
            docs.append(MacroDoc(node.name, shows, tuple(USAGE.findall(line))))
    return docs


def problems(docs: list[MacroDoc]) -> list[str]:
    """What an editor would miss in the catalogue: a macro without a description or a usage."""
    found = []
    for doc in docs:
        call = "{{ " + doc.name + "("
        if not doc.shows:
            found.append(
                f"macros.py: {doc.name}() needs a first docstring line saying what it shows"
            )
        if not any(example.startswith(call) for example in doc.examples):
            found.append(
                f"macros.py: {doc.name}() needs a usage on its first docstring line: {call}...) }}}}"
            )
    return found


def table(docs: list[MacroDoc]) -> str:
    rows = ["| macro | what it shows | example |", "|---|---|---|"]
    for doc in docs:
        examples = " or ".join(f"`{example}`" for example in doc.examples)
        cells = (f"`{doc.name}`", doc.shows, examples)
        rows.append("| " + " | ".join(cell.replace("|", r"\|") for cell in cells) + " |")
    return "\n".join(rows)


def with_catalogue(text: str, docs: list[MacroDoc]) -> str:
    """The guide's text with the table between the markers replaced."""
    start, end = text.find(START), text.find(END)
    return text[: start + len(START)] + "\n" + table(docs) + "\n" + text[end:]


def write_catalogue(macros_file: Path = MACROS_FILE, target: Path = GUIDE) -> list[str]:
    """Rewrite the catalogue; return the problems that stop it (nothing is written then)."""
    docs = macro_docs(macros_file.read_text(encoding="utf-8"))
    text = target.read_text(encoding="utf-8")
    found = problems(docs)
    if not 0 <= text.find(START) < text.find(END):
        found.append(f"{target.name} needs the two lines, in this order:\n{START}\n{END}")
    if not found:
        target.write_text(with_catalogue(text, docs), encoding="utf-8")
    return found


def main() -> int:
    """Rewrite the catalogue in MAINTAINING.md, or say which macro lacks its editors' line."""
    found = write_catalogue()
    for line in found:
        print(line, file=sys.stderr)
    if not found:
        print("OK: the macro catalogue in MAINTAINING.md is written from macros.py.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

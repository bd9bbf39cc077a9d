"""Every page the navigation in mkdocs.yml names, and every page a page links to, exists.

MkDocs finds these too, but late and once per reference: a page renamed without its links
gives a warning for the navigation, one per link to it and one for the page missing from the
navigation, none with a line number. Here a missing page is one problem: at the renamed file
when one looks like it (what to change is its name), else at the first line that names it.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from parksite.content.citations import outside_code, twin
from parksite.content.pages import language_of
from parksite.model.errors import Problem
from parksite.project import CONFIG_FILE, DOCS_DIR, shown

# Where a reference is written: (file as shown, line).
Where = tuple[str, int]
# Where Markdown or HTML takes an address: [x](here), [x]: here, href="here", src="here".
LINK_TARGET = re.compile(
    r"""(\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|\b(?:href|src)\s*=\s*["']?)([^\s)"'>]+)""", re.M
)
# The language whose page files carry no language in their names (about.md).
_PLAIN = language_of("index.md")


def nav_pages(config_file: Path = CONFIG_FILE) -> list[tuple[str, int]]:
    """(page file under docs/, line) of each page the navigation names, in its order."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return []  # MkDocs reports an unreadable configuration itself, in its own words.
    nav = next(
        (value for key, value in getattr(root, "value", []) if key.value == "nav"),
        None,
    )
    found: list[tuple[str, int]] = []

    def walk(node: yaml.Node | None) -> None:
        if isinstance(node, yaml.ScalarNode):
            if node.value.endswith(".md") and "://" not in node.value:
                found.append((node.value, node.start_mark.line + 1))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for _, value in node.value:
                walk(value)

    walk(nav)
    return found


def linked_pages(page: str, text: str) -> Iterator[tuple[str, int]]:
    """(page file under docs/, line) of each other page a page links to by its file."""
    text = outside_code(text)
    for match in LINK_TARGET.finditer(text):
        target = match[2].split("#", 1)[0].split("?", 1)[0]
        if not target.endswith(".md") or "://" in target or target.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
        yield resolved, text.count("\n", 0, match.start(2)) + 1


def target_problems(
    docs_dir: Path = DOCS_DIR,
    pages: dict[Path, str] | None = None,
    config_file: Path = CONFIG_FILE,
) -> Iterator[Problem]:
    """One problem per page the navigation or a link names and docs/ does not have."""
    pages = pages if pages is not None else {p: "" for p in docs_dir.rglob("*.md")}
    present = {p.relative_to(docs_dir).as_posix() for p in pages}
    wanted: dict[str, list[Where]] = {}
    for page, line in nav_pages(config_file):
        wanted.setdefault(page, []).append((shown(config_file), line))
    for path, text in pages.items():
        for page, line in linked_pages(path.relative_to(docs_dir).as_posix(), text):
            wanted.setdefault(page, []).append((shown(path), line))
    missing = {page: where for page, where in wanted.items() if page not in present}
    # Pages no line leads to: where a renamed page is found.
    unled = sorted(
        page
        for page in present - wanted.keys()
        if language_of(page) == _PLAIN and page.rsplit("/", 1)[-1] != "index.md"
    )
    for page, where in sorted(missing.items()):
        yield _missing(docs_dir, page, where, unled)


def _missing(docs_dir: Path, page: str, where: list[Where], unled: list[str]) -> Problem:
    lines = [f"{file} line {line}" for file, line in where]
    renamed = _renamed(page, unled)
    if renamed:
        new = renamed
        moves = [(new, page)]
        if (docs_dir / twin(new)).is_file() and not (docs_dir / twin(page)).is_file():
            moves.append((twin(new), twin(page)))
        renames = " and ".join(f"docs/{old} to docs/{back}" for old, back in moves)
        return Problem(
            shown(docs_dir / new),
            None,
            None,
            "",
            f"this page looks renamed from {page}: {_listed(lines)} still lead to {page}.",
            f"give it back its name (rename {renames}), or change those lines to {new}.",
        )
    file, line = where[0]
    close = difflib.get_close_matches(page, sorted(_all_pages(docs_dir)), n=1, cutoff=0.6)
    also = f" (so do {_listed(lines[1:])})" if len(lines) > 1 else ""
    return Problem(
        file,
        line,
        None,
        "",
        f"leads to {page}, which is not a page in docs/{also}.",
        f"did you mean {close[0]}?" if close else "write the file name of a page in docs/.",
    )


def _renamed(page: str, unled: list[str]) -> str | None:
    """The page no line leads to, in the same folder, whose name is nearest the missing one's."""
    folder, name = posixpath.split(page)
    names = {
        posixpath.basename(p).removesuffix(".md"): p
        for p in unled
        if posixpath.dirname(p) == folder
    }
    close = difflib.get_close_matches(name.removesuffix(".md"), sorted(names), n=1, cutoff=0.6)
    return names[close[0]] if close else None


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _all_pages(docs_dir: Path) -> list[str]:
    return [
        p.relative_to(docs_dir).as_posix()
        for p in docs_dir.rglob("*.md")
        if language_of(p.name) == _PLAIN
    ]

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

from parksite.content.citations import outside_code
from parksite.content.site import Site
from parksite.model.errors import Problem
from parksite.project import shown

# Where a reference is written: (file as shown, line).
Where = tuple[str, int]
# libyaml's reader when PyYAML has it (the configuration is read for its lines only).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# An address, as Markdown and HTML end it.
ADDRESS = r"""([^\s)"'>]+)"""
# Where Markdown or HTML takes an address: [x](here), [x]: here, href="here", src="here".
# One pattern for each form, each starting with the characters it needs, so that the regex
# engine skips to them (one pattern of the three forms tried at every character of every page
# took fifteen times as long); a form is looked for only in a page holding its characters.
LINK_FORMS = (
    (re.compile(r"\]\(\s*<?" + ADDRESS), ("](",)),
    (re.compile(r"^\s*\[[^\]]+\]:\s*<?" + ADDRESS, re.M), ("]:",)),
    (re.compile(r"""\b(?:href|src)\s*=\s*["']?""" + ADDRESS), ("href", "src")),
)


def scan(text: str, forms) -> list[re.Match[str]]:
    """The matches of `forms` ((pattern, characters a match holds), in order of preference) left
    to right, each searched for from the end of the one before: what one pattern of all the
    forms would find (the first form that matches at the leftmost place)."""
    patterns = [pattern for pattern, needs in forms if any(need in text for need in needs)]
    ahead = [pattern.search(text) for pattern in patterns]
    kept: list[re.Match[str]] = []
    while True:
        found = [(match.start(), n) for n, match in enumerate(ahead) if match]
        if not found:
            return kept
        match = ahead[min(found)[1]]
        kept.append(match)
        for n, other in enumerate(ahead):
            if other and other.start() < match.end():
                ahead[n] = patterns[n].search(text, match.end())


def nav_pages(config_file: Path) -> list[tuple[str, int]]:
    """(page file under docs/, line) of each page the navigation names, in its order."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=_LOADER)
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
    for match in scan(text, LINK_FORMS):
        target = match[1].split("#", 1)[0].split("?", 1)[0]
        if not target.endswith(".md") or "://" in target or target.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
        yield resolved, text.count("\n", 0, match.start(1)) + 1


def _wanted_and_unled(site: Site) -> tuple[dict[str, list[Where]], list[str]]:
    """Each page file the navigation or a link names, with where; and the pages of the
    default language no line leads to (where a renamed page is found). Once per build."""
    return site.memo("wanted and unled", lambda: _find_wanted_and_unled(site))


def _find_wanted_and_unled(site: Site) -> tuple[dict[str, list[Where]], list[str]]:
    config_file = site.project.config_file
    present = set(site.page_files.values())
    wanted: dict[str, list[Where]] = {}
    for page, line in nav_pages(config_file):
        wanted.setdefault(page, []).append((shown(config_file), line))
    for path, text in site.pages.items():
        for page, line in linked_pages(site.page_files[path], text):
            wanted.setdefault(page, []).append((shown(path), line))
    unled = sorted(
        page
        for page in present - wanted.keys()
        if site.language_of(page).default and page.rsplit("/", 1)[-1] != "index.md"
    )
    return wanted, unled


def target_problems(site: Site) -> Iterator[Problem]:
    """One problem per page the navigation or a link names and docs/ does not have."""
    present = set(site.page_files.values())
    wanted, unled = _wanted_and_unled(site)
    for page, where in sorted(wanted.items()):
        if page not in present:
            yield _missing(site, page, where, unled)


def renamed_pages(site: Site) -> set[str]:
    """The pages told as renamed, by their new and their old names (in the default
    language): neither is told again as a page missing in another language."""
    present = set(site.page_files.values())
    wanted, unled = _wanted_and_unled(site)
    pairs = [(page, _renamed(page, unled)) for page in wanted if page not in present]
    return {name for old, new in pairs if new for name in (old, new)}


def _missing(site: Site, page: str, where: list[Where], unled: list[str]) -> Problem:
    docs_dir, languages = site.docs_dir, site.languages
    lines = [f"{file} line {line}" for file, line in where]
    renamed = _renamed(page, unled)
    if renamed:
        new = renamed
        moves = [(new, page)]
        for lang in languages.all[1:]:
            twin_new, twin_old = languages.file_in(new, lang), languages.file_in(page, lang)
            if (docs_dir / twin_new).is_file() and not (docs_dir / twin_old).is_file():
                moves.append((twin_new, twin_old))
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
    close = difflib.get_close_matches(page, sorted(_all_pages(site)), n=1, cutoff=0.6)
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


def _all_pages(site: Site) -> list[str]:
    return [page for path, page in site.page_files.items() if site.language_of(path.name).default]

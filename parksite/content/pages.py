"""Page files and their addresses: read once per build, each in the language its file name
says (about.zh.md), with its twins in the other languages and its URL as MkDocs makes it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from parksite.content.code import blank_code
from parksite.i18n.languages import Languages
from parksite.model.errors import DataError
from parksite.model.load import decoded, read_text


def page_source(page: Any) -> str:
    """The page's file as editors know it: docs/about.zh.md."""
    return f"docs/{page.file.src_uri}"


def page_text(path: Path) -> str:
    """A page file's text, read again only when the file changes: the checks, the citations
    and the story list all read every page, and a big site has thousands."""
    stat = path.stat()
    return _read(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8192)
def _read(path: Path, mtime_ns: int, size: int) -> str:
    return _normalised(read_text(path))


def _normalised(text: str) -> str:
    """A page's text as MkDocs reads it: a byte-order mark dropped, line ends made "\n"."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_pages(docs_dir: Path) -> dict[Path, str]:
    """Every page under docs_dir, in order, with its text: one listing and one read for all
    the checks of a build. DataError names every page that cannot be read (not UTF-8)."""
    pages, problems = {}, []
    for path in sorted(_page_files(docs_dir)):
        try:
            pages[path] = _normalised(decoded(path, path.read_bytes()))
        except DataError as exc:
            problems += exc.problems
    if problems:
        raise DataError(problems)
    return pages


def _page_files(folder: Path) -> Iterator[Path]:
    """The .md files under a folder, neither a link nor inside one (parksite.checks.files
    tells those), from the folder's listing alone."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_symlink():
                continue
            if entry.is_dir():
                yield from _page_files(folder / entry.name)
            elif entry.name.endswith(".md") and entry.is_file():
                yield folder / entry.name


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one page's URL to another's, both relative to the site root (MkDocs'
    own rule, so our links match the theme's)."""
    return get_relative_url(to_url, from_url)


def page_key(src_uri: str, languages: Languages) -> str:
    """A page, the same in every language: 'stories/index.zh.md' is 'stories', 'about.md'
    is 'about', 'index.md' is 'index'."""
    stem = languages.file_in(src_uri, languages.default).removesuffix(".md")
    return stem.removesuffix("/index") if "/" in stem else stem


def page_url(src_uri: str, languages: Languages) -> str:
    """The address of a page file from the site root, as MkDocs and mkdocs-static-i18n make
    it: 'about.zh.md' -> 'zh/about/', 'index.md' -> ''."""
    base = languages.file_in(src_uri, languages.default)
    url = File(base, "", "", use_directory_urls=True).url.removeprefix("./")
    return languages.of_file(src_uri).prefix + url


def with_intro_block(markdown: str, block: str) -> str:
    """A page's Markdown with a block of HTML at the end of its introduction: before its first
    `## ` section, else after its `# ` title, else first. Code is never read as a heading."""
    lines = markdown.split("\n")
    scan = blank_code(markdown).split("\n")
    at = next((n for n, line in enumerate(scan) if line.startswith("## ")), None)
    if at is None:
        title = next((n for n, line in enumerate(scan) if line.startswith("# ")), None)
        at = 0 if title is None else title + 1
    lines[at:at] = ["", block, ""]
    return "\n".join(lines)

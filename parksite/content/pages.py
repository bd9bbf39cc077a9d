"""What a page says about itself: its language (from its file name) and its source path."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from parksite.model.errors import DataError
from parksite.model.load import read_text
from parksite.model.park import Lang


def language_of(src_uri: str) -> Lang:
    """'index.zh.md' is Chinese; every other page is English."""
    return "zh" if src_uri.endswith(".zh.md") else "en"


def page_language(page: Any) -> Lang:
    """The language of a MkDocs page, from its own file name."""
    return language_of(page.file.src_uri)


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
    # Read as MkDocs reads a page: a byte-order mark dropped, line ends made "\n".
    return read_text(path).removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_pages(docs_dir: Path) -> dict[Path, str]:
    """Every page under docs_dir, in order, with its text: one listing and one read for all
    the checks of a build. DataError names every page that cannot be read (not UTF-8)."""
    pages, problems = {}, []
    for path in sorted(docs_dir.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue  # told by parksite.checks.files
        try:
            pages[path] = page_text(path)
        except DataError as exc:
            problems += exc.problems
    if problems:
        raise DataError(problems)
    return pages


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one page's URL to another's, both relative to the site root (MkDocs'
    own rule, so our links match the theme's)."""
    return get_relative_url(to_url, from_url)


def page_key(src_uri: str) -> str:
    """The page an image belongs to, the same in both languages: 'stories/index.zh.md' is
    'stories', 'about.md' is 'about', 'index.md' is 'index'."""
    stem = src_uri.removesuffix(".md").removesuffix(".zh")
    return stem.removesuffix("/index") if "/" in stem else stem

"""The success stories: one Markdown file each in docs/stories/, listed from their front matter."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parksite.content import frontmatter
from parksite.content.pages import page_text
from parksite.project import DOCS_DIR, shown

STORIES_DIR = "stories"
# Cards per page of the story index: every index page stays the same size however many
# stories there are.
PER_PAGE = 24


@dataclass(frozen=True)
class Story:
    """What a story card shows, read from the story page's front matter."""

    slug: str
    title: str
    summary: str
    figure: str | None
    order: int


def story_files(lang: str, docs_dir: Path = DOCS_DIR) -> list[Path]:
    """The story pages of one language, without the stories' index page."""
    folder = docs_dir / STORIES_DIR
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    # Names, not paths: listed for every build and every story index, with 2,000 stories.
    return [
        folder / name
        for name in sorted(names)
        if name.endswith(".md")
        and not name.startswith(".")
        and name.split(".")[0] != "index"
        and (lang == "zh") == name.endswith(".zh.md")
    ]


def read_front_matter(path: Path) -> dict:
    """A page's front matter, read again only when the file changes (a copy: callers may edit)."""
    return front_matter(page_text(path), shown(path))


def front_matter(text: str, file: str = "the page") -> dict:
    """The front matter of a page's text (a copy: callers may edit); DataError if it cannot
    be read (`make check` and the build tell every such mistake before anything reads it)."""
    return dict(frontmatter.read(text, file).data)


def front_matter_line(text: str, key: str) -> int:
    """The line of a page on which its front matter's `key:` is written (1 if none is)."""
    return frontmatter.read(text, "the page").lines.get(key, 1)


@lru_cache(maxsize=8)
def _stories(lang: str, docs_dir: Path, stamp: tuple) -> tuple[Story, ...]:
    stories = []
    for path in story_files(lang, docs_dir):
        meta = read_front_matter(path)
        stories.append(
            Story(
                slug=path.name.split(".")[0],
                title=str(meta.get("title", path.stem)),
                summary=str(meta.get("summary", "")),
                figure=meta.get("figure"),
                order=int(meta.get("order", 999)),
            )
        )
    return tuple(sorted(stories, key=lambda s: (s.order, s.title)))


def list_stories(lang: str, docs_dir: Path = DOCS_DIR) -> tuple[Story, ...]:
    """Every story of a language, in order; read again only when a story file changes."""
    files = story_files(lang, docs_dir)
    stamp = tuple((f.name, os.stat(f).st_mtime_ns) for f in files)
    return _stories(lang, docs_dir, stamp)


# --- The story index, in pages of PER_PAGE cards ----------------------------------------


def page_count(stories: int) -> int:
    """How many index pages the stories fill: at least one, even with no story."""
    return max(1, -(-stories // PER_PAGE))


def page_of(stories: tuple[Story, ...], number: int) -> tuple[Story, ...]:
    """The stories shown on index page `number` (1 is docs/stories/index.md)."""
    start = (number - 1) * PER_PAGE
    return stories[start : start + PER_PAGE]


def index_url(number: int, lang: str) -> str:
    """The address of an index page: stories/ for the first, stories/page-2/ after it."""
    prefix = "zh/" if lang == "zh" else ""
    return f"{prefix}{STORIES_DIR}/" + ("" if number == 1 else f"page-{number}/")


INDEX_TITLES = {"en": "Success stories, page {n}", "zh": "成功案例（第{n}页）"}


def index_page_markdown(number: int, lang: str) -> str:
    """The Markdown of a further index page: its title and that page's cards."""
    title = INDEX_TITLES["zh" if lang == "zh" else "en"].format(n=number)
    return f"---\ntitle: {title}\n---\n\n# {title}\n\n{{{{ story_cards(page={number}) }}}}\n"


_INDEX_PAGE = re.compile(rf"{STORIES_DIR}/page-\d+")


def is_story(key: str) -> bool:
    """Whether a page (by its key, pages.page_key: 'stories/ruifei') is one story, not the
    stories' index or one of its further pages."""
    return key.startswith(f"{STORIES_DIR}/") and not _INDEX_PAGE.fullmatch(key)

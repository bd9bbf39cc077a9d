"""The success stories: one Markdown file each in the folder of the page that shows their cards
(`{{ story_cards() }}`, e.g. docs/stories/index.md), listed from their front matter."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from parksite.content import frontmatter
from parksite.content.pages import page_text
from parksite.i18n.languages import Language, Languages
from parksite.project import shown

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


def story_files(lang: Language, languages: Languages, folder: Path) -> list[Path]:
    """The story pages of one language in the stories' folder, without its index page."""
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
        and languages.of_file(name) is lang
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


def list_stories(
    lang: Language, languages: Languages, folder: Path, pages: Mapping[Path, str]
) -> tuple[Story, ...]:
    """Every story of a language, in their `order:`, then by title; each page's text taken
    from `pages` (the build's, read once), else from its file."""
    stories = []
    for path in story_files(lang, languages, folder):
        # A name the build read no page of (a folder named like a page) is told missing.
        text = pages[path] if path in pages else page_text(path)
        meta = front_matter(text, shown(path))
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


# --- The story index, in pages of PER_PAGE cards ----------------------------------------


def page_count(stories: int) -> int:
    """How many index pages the stories fill: at least one, even with no story."""
    return max(1, -(-stories // PER_PAGE))


def page_of(stories: tuple[Story, ...], number: int) -> tuple[Story, ...]:
    """The stories shown on index page `number` (1 is docs/stories/index.md)."""
    start = (number - 1) * PER_PAGE
    return stories[start : start + PER_PAGE]


def index_url(number: int, lang: Language, folder: str) -> str:
    """The address of an index page: stories/ for the first, stories/page-2/ after it."""
    return f"{lang.prefix}{folder}/" + ("" if number == 1 else f"page-{number}/")


def index_page_markdown(number: int, lang: Language) -> str:
    """The Markdown of a further index page: its title and that page's cards."""
    title = lang.words.format("stories.index_title", n=number)
    return f"---\ntitle: {title}\n---\n\n# {title}\n\n{{{{ story_cards(page={number}) }}}}\n"


def is_story(key: str, folder: str | None) -> bool:
    """Whether a page (by its key, pages.page_key: 'stories/case') is one story, not the
    stories' index or one of its further pages."""
    if folder is None or not key.startswith(f"{folder}/"):
        return False
    return re.fullmatch(r"page-\d+", key.removeprefix(f"{folder}/")) is None

"""The success stories: one Markdown file each in docs/stories/, listed from their front matter."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from parksite.paths import DOCS_DIR

STORIES_DIR = "stories"


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
    files = sorted(folder.glob("*.zh.md" if lang == "zh" else "*.md"))
    return [
        f
        for f in files
        if f.name.split(".")[0] != "index" and (lang == "zh") == f.name.endswith(".zh.md")
    ]


def read_front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    head = text.split("---", 2)[1]
    data = yaml.safe_load(head)
    return data if isinstance(data, dict) else {}


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
    stamp = tuple((f.name, f.stat().st_mtime_ns) for f in files)
    return _stories(lang, docs_dir, stamp)


def is_story_entry(entry: object) -> bool:
    """A nav entry that names a story page (a bare path or a `title: path` pair)."""
    path = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry
    return (
        isinstance(path, str)
        and path.startswith(f"{STORIES_DIR}/")
        and path.endswith(".md")
        and path.count("/") == 1
        and path != f"{STORIES_DIR}/index.md"
    )


def stories_nav(nav: list | None, docs_dir: Path = DOCS_DIR) -> list | None:
    """The nav with its stories section (the one holding stories/index.md) listing every story.

    Editors add a story by copying one file: the section is filled from docs/stories/, in the
    stories' `order:` like the cards, so that mkdocs.yml never has to be edited for a story.
    """
    if nav is None:
        return None
    index = f"{STORIES_DIR}/index.md"
    stories = [f"{STORIES_DIR}/{story.slug}.md" for story in list_stories("en", docs_dir)]
    filled: list = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            title, section = next(iter(entry.items()))
            if isinstance(section, list):
                if index in section:
                    section = [e for e in section if not is_story_entry(e)] + stories
                else:
                    section = stories_nav(section, docs_dir)
                entry = {title: section}
        filled.append(entry)
    return filled

"""One build's view of a project: its languages, its validated data and its pages, read once
and passed to every check, macro and hook of that build (never parked in module globals).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from parksite.content.citations import stories_folder
from parksite.content.pages import read_pages
from parksite.content.stories import Story, list_stories
from parksite.i18n.languages import Language, Languages, build_languages
from parksite.model.load import load_park
from parksite.model.park import Park
from parksite.model.review import build_date
from parksite.project import Project, shown

T = TypeVar("T")


@dataclass
class Site:
    """The project as one build reads it."""

    project: Project
    languages: Languages
    park: Park
    docs_dir: Path
    # Every page's text, by path, in order: one listing and one read for every check.
    pages: dict[Path, str]
    # The build's date (the last commit's): what pages say about time (a plan's period has
    # ended, a figure may have changed since) follows it, so two builds of a commit agree.
    built_on: dt.date = field(default_factory=build_date)
    _memo: dict = field(default_factory=dict, repr=False)

    @classmethod
    def load(
        cls,
        project: Project,
        docs_dir: Path | None = None,
        *,
        today: dt.date | None = None,
        built_on: dt.date | None = None,
    ) -> Site:
        """Read the languages, the data and the pages; raise DataError on any mistake.
        `today` is the day dates are checked against (the clock's by default), `built_on` the
        build's date (build_date()'s by default)."""
        languages = build_languages(project.config, shown(project.config_file), project.words_dir)
        park = load_park(project.data_file, languages.codes, today=today)
        docs = docs_dir or project.docs_dir
        return cls(project, languages, park, docs, read_pages(docs), built_on or build_date())

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()` once for this build: what every page and check of it shares."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    @property
    def page_files(self) -> dict[Path, str]:
        """Each page's file inside docs/ ('stories/case.zh.md'), by its path: named once per
        build, as the checks of links, twins and citations all look every page up by it."""
        return self.memo("page files", self._page_files)

    def _page_files(self) -> dict[Path, str]:
        # The listing's paths start with docs/'s own (read_pages): cut it off rather than ask
        # pathlib to compare every part of each path.
        folder = str(self.docs_dir) + os.sep
        return {
            path: str(path)[len(folder) :].replace(os.sep, "/")
            if str(path).startswith(folder)
            else path.relative_to(self.docs_dir).as_posix()
            for path in self.pages
        }

    def page_text(self, abs_src_path: str | None) -> str | None:
        """The text of the page MkDocs reads from this file (File.abs_src_path), as the checks
        read it; None for a file the build did not read (one a plugin made)."""
        if abs_src_path is None:
            return None
        by_file = self.memo("pages by file", lambda: {str(p): t for p, t in self.pages.items()})
        return by_file.get(abs_src_path)

    @property
    def stories_folder(self) -> str | None:
        """The stories' folder inside docs/ ('stories'), or None for a site without stories."""
        return self.memo("stories folder", lambda: stories_folder(self))

    def stories(self, lang: Language) -> tuple[Story, ...]:
        """The stories of one language, in order, read once per build."""
        folder = self.stories_folder
        if folder is None:
            return ()
        return self.memo(
            ("stories", lang.code),
            lambda: list_stories(lang, self.languages, self.docs_dir / folder, self.pages),
        )

    def language_of(self, src_uri: str) -> Language:
        """The language of a page file, from its name: about.zh.md is zh."""
        return self.languages.of_file(src_uri)

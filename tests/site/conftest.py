"""This site's tests read what they expect from the project, never a pinned value: its
languages from mkdocs.yml, its facts from data/park.yml (checked as `make check` checks them),
its pages from the navigation and docs/, its stories as the engine finds them.

The project is this repository, or the folder PARKSITE_ROOT names: a copy with a staff edit
runs the same tests (`PARKSITE_ROOT=/tmp/copy .venv/bin/python -m pytest tests/site`).
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from parksite.checks.project import check
from parksite.content.citations import Citation, all_citations, facts_page, macro_calls
from parksite.content.landmarks import fact_sheet_page
from parksite.content.pages import page_url
from parksite.content.stories import front_matter, index_url, page_count
from parksite.i18n.languages import Language, i18n_languages
from parksite.model.yamlsource import load_text
from parksite.project import PROJECT
from parksite.render.head import nav_files

SITE = check(PROJECT)
PARK = SITE.park
LANGUAGES = SITE.languages
DEFAULT = LANGUAGES.default
# Tests are parametrized by language code: the ids read "en", "zh".
LANGS = LANGUAGES.codes


def docs_file(path: Path) -> str:
    """A page file as MkDocs names it, inside docs/: 'stories/index.zh.md'."""
    return path.relative_to(SITE.docs_dir).as_posix()


def _pages() -> tuple[str, ...]:
    """Every page of the site, as its address inside each language: the navigation's in its
    order, then the stories in theirs, then any other page file, then the story index's
    further pages ('stories/page-2/')."""
    nav = [f for f in nav_files(PROJECT.config.get("nav")) if (SITE.docs_dir / f).is_file()]
    folder = SITE.stories_folder
    stories = [f"{folder}/{story.slug}.md" for story in SITE.stories(DEFAULT)] if folder else []
    others = [
        docs_file(path) for path in SITE.pages if LANGUAGES.of_file(docs_file(path)) is DEFAULT
    ]
    files = list(dict.fromkeys([*nav, *stories, *others]))
    further = [index_url(n, DEFAULT, folder) for n in range(2, page_count(len(stories)) + 1)]
    return (*(page_url(f, LANGUAGES) for f in files), *further)


PAGES = _pages()


def language(code: str) -> Language:
    return LANGUAGES[code]


def url_of(lang: str, page: str) -> str:
    """A page's address in a language, from the site root: 'zh/about/'."""
    return language(lang).prefix + page


def page_file(site: Path, lang: str, page: str) -> Path:
    return site / url_of(lang, page) / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def page_of_file(src: str) -> str:
    """The address inside a language of a page file in any language: 'about.zh.md' -> 'about/'."""
    return LANGUAGES.base_url(page_url(src, LANGUAGES))


def pages_calling(*macros: str) -> list[str]:
    """The pages whose default-language file calls one of these macros, in the order of PAGES."""
    calling = {
        page_of_file(docs_file(path))
        for path, text in SITE.pages.items()
        if LANGUAGES.of_file(docs_file(path)) is DEFAULT
        and any(name in macros for name, _, _ in macro_calls(text))
    }
    return [page for page in PAGES if page in calling]


def citations(lang: str) -> list[Citation]:
    """Every fact the pages of a language show, by which macro (content/citations.py)."""
    return [c for c in all_citations(SITE) if LANGUAGES.of_file(c.page).code == lang]


# The pages the tests single out, found by what they show.
KEY_FIGURES = page_of_file(facts_page(SITE))  # the complete table of facts
HOME = PAGES[0]
# The fact sheet, a page made for paper without the theme's menus (template: fact-sheet.html),
# and the pages in the theme's frame; the pages of the menu.
SHEET = page_of_file(fact_sheet_page(SITE)) if fact_sheet_page(SITE) else None
SCREEN_PAGES = tuple(page for page in PAGES if page != SHEET)
NAV_PAGES = tuple(page_url(f, LANGUAGES) for f in nav_files(PROJECT.config.get("nav")))
STORIES = [f"{SITE.stories_folder}/{story.slug}/" for story in SITE.stories(DEFAULT)]
STORY_INDEX = index_url(1, DEFAULT, SITE.stories_folder) if SITE.stories_folder else None


def _prose_file() -> str:
    """The page tests edit as an editor would: the first page of the menu written as plain
    prose in the theme's frame (not the home page, the table of facts or the stories' index,
    and no template of its own), else the home page."""
    singled_out = (HOME, KEY_FIGURES, STORY_INDEX)
    files = [f for f in nav_files(PROJECT.config.get("nav")) if SITE.docs_dir / f in SITE.pages]
    for src in files:
        text = SITE.pages[SITE.docs_dir / src]
        if page_url(src, LANGUAGES) not in singled_out and not front_matter(text, src).get(
            "template"
        ):
            return src
    return next(f for f in files if page_url(f, LANGUAGES) == HOME)


# The page tests edit, as its file in the default language ('about.md') and its address.
PROSE = _prose_file()
PROSE_PAGE = page_of_file(PROSE)


def nav_title(src: str, lang: str) -> str:
    """A page's title in the navigation, in a language (the i18n plugin's nav_translations)."""
    titles: dict[str, str] = {}

    def walk(nav: object) -> None:
        for item in nav if isinstance(nav, list) else []:
            if isinstance(item, dict):
                for title, target in item.items():
                    if isinstance(target, str):
                        titles[target] = title
                    walk(target)

    walk(PROJECT.config.get("nav"))
    entry = next(e for e in i18n_languages(PROJECT.config) if e.get("locale") == lang)
    return (entry.get("nav_translations") or {}).get(titles[src], titles[src])


def with_value(text: str, path: tuple[str, ...], value: str) -> str:
    """The data file's text with one value changed as an editor changes it, on its own line
    (`value: 713` -> `value: 750`), the rest of the file as it was."""
    located = load_text(text, "data/park.yml")
    assert path in located.values, f"{path} is not a value in the data file"
    line, column = located.values[path]
    lines = text.splitlines(keepends=True)
    lines[line - 1] = lines[line - 1][: column - 1] + value + "\n"
    return "".join(lines)


def with_key(text: str, path: tuple[str, ...], key: str) -> str:
    """The data file's text with the key at `path` renamed (a fact's id), on its own line."""
    located = load_text(text, "data/park.yml")
    assert path in located.keys, f"{path} is not a key in the data file"
    line, column = located.keys[path]
    lines = text.splitlines(keepends=True)
    old = lines[line - 1]
    start = column - 1
    assert old[start:].startswith(path[-1]), old
    lines[line - 1] = old[:start] + key + old[start + len(path[-1]) :]
    return "".join(lines)


def with_block(text: str, path: tuple[str, ...], value: str) -> str:
    """The data file's text with the whole value at `path` (on its key's line, or a block
    below it) rewritten as `value` on the key's line: `label: {en: ..., zh: ...}`."""
    located = load_text(text, "data/park.yml")
    assert path in located.keys, f"{path} is not a key in the data file"
    line, column = located.keys[path]
    lines = text.splitlines(keepends=True)
    end = line
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) >= column
    ):
        end += 1
    while end > line and not lines[end - 1].strip():
        end -= 1
    lines[line - 1 : end] = [f"{' ' * (column - 1)}{path[-1]}: {value}\n"]
    return "".join(lines)


def _search_settings() -> dict:
    for plugin in PROJECT.config.get("plugins") or []:
        if isinstance(plugin, dict) and "search" in plugin:
            return dict(plugin["search"] or {})
    return {}


def search_case(site: Path, lang: str) -> tuple[str, set[str]]:
    """A word to search for in a language, and the pages one of which it must find.

    Part of a compound word the search splits (listed with frequency 0 in the search
    plugin's `jieba_dict_user`), so that 专利 finds 国家专利; else the longest word of the
    pages' titles.
    """
    # Imported here: only the search tests need jieba, and loading it takes a second.
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    texts = {page: soup(page_file(site, lang, page)).article.get_text(" ") for page in PAGES}
    user_dict = _search_settings().get("jieba_dict_user")
    if user_dict:
        jieba.load_userdict(str(PROJECT.root / user_dict))
        lines = (PROJECT.root / user_dict).read_text(encoding="utf-8").splitlines()
        for compound, *rest in (line.split() for line in lines if line.strip()):
            pages = {page for page, text in texts.items() if compound in text}
            if rest[:1] == ["0"] and pages:
                return list(jieba.cut(compound))[-1], pages
    titles = {page: soup(page_file(site, lang, page)).h1.get_text() for page in PAGES}
    words = [(len(w), w) for title in titles.values() for w in jieba.cut(title) if w.isalpha()]
    word = max(words)[1]
    return word, {page for page, title in titles.items() if word in title}

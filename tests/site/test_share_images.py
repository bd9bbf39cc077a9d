"""The link-preview images: drawn by every build from the data and the pages (never committed,
never stale), one per page of the navigation and language, the one each built page names in
its head and body; a generic image where no font can draw a page's text."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from parksite.checks.project import check
from parksite.content.pages import page_key, page_text
from parksite.content.stories import read_front_matter
from parksite.mkdocs import shareimages
from parksite.model.load import load_park
from parksite.model.yamlsource import load_text
from parksite.project import DOCS_DIR
from parksite.render.figures import card_value
from parksite.render.fonts import FAMILIES
from parksite.render.head import SHARE_SIZE
from parksite.render.shareimage import page_figures
from tests.conftest import copy_project, mkdocs_build
from tests.site.conftest import (
    DEFAULT,
    HOME,
    LANGS,
    LANGUAGES,
    NAV_PAGES,
    PAGES,
    PROSE,
    PROSE_PAGE,
    STORY_INDEX,
    page_file,
    url_of,
)

SITE = check()
PARK = SITE.park
L = {lang.code: lang for lang in SITE.languages}
FOLDER = SITE.stories_folder
needs_stories = pytest.mark.skipif(FOLDER is None, reason="this site has no stories")
# The title of the story the edited copy adds, in each language (English where none is here).
NEW_STORY = {"en": "A new story", "zh": "新的案例"}
NO_FONT_LINE = "Link-preview images: no font on this machine"
CJK = next(name for name, _ in FAMILIES if "CJK" in name)


def og(html: BeautifulSoup, key: str) -> str:
    return html.find("meta", property=key)["content"]


def head(site: Path, lang: str, page: str) -> BeautifulSoup:
    return BeautifulSoup(page_file(site, lang, page).read_text(encoding="utf-8"), "lxml")


def nav_pages() -> list[str]:
    """The pages of the navigation, as addresses: '', 'about/', 'stories/' (a page outside
    it, such as the Sources page, shares its section's image or the home page's)."""
    return list(NAV_PAGES)


# --- The built site -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_each_page_shares_an_image_that_exists_at_the_size_it_states(
    site: Path, site_url: str, lang: str, page: str
) -> None:
    html = head(site, lang, page)
    image = og(html, "og:image")
    assert image.startswith(site_url + "assets/share/")
    assert html.find("meta", attrs={"name": "twitter:image"})["content"] == image
    with Image.open(site / image.removeprefix(site_url)) as drawn:
        assert (drawn.format, drawn.size) == ("PNG", SHARE_SIZE)
    assert og(html, "og:image:width") == str(SHARE_SIZE[0])
    assert og(html, "og:image:height") == str(SHARE_SIZE[1])
    alt = og(html, "og:image:alt")
    assert alt and html.find("meta", attrs={"name": "twitter:image:alt"})["content"] == alt
    # WeChat previews a link with the page's first large image: the same one, never fetched.
    first = html.find("img")
    page_address = site_url + url_of(lang, page)
    assert urljoin(page_address, first["src"]) == image
    assert (int(first["width"]), int(first["height"])) == SHARE_SIZE
    assert first.has_attr("hidden") and first["loading"] == "lazy"


@pytest.mark.parametrize("lang", LANGS)
def test_each_navigation_page_has_its_own_image_saying_its_title(
    site: Path, site_url: str, lang: str, cjk_fonts: dict[str, Path]
) -> None:
    images = set()
    for page in nav_pages():
        html = head(site, lang, page)
        image = og(html, "og:image")
        assert image.startswith(f"{site_url}assets/share/{lang}/"), page
        images.add(image)
        title = html.find("meta", property="og:title")["content"].rsplit(" - ", 1)[0]
        assert og(html, "og:image:alt").startswith(title), page
    assert len(images) == len(nav_pages())


@needs_stories
@pytest.mark.parametrize("lang", LANGS)
def test_stories_share_their_index_image(site: Path, lang: str) -> None:
    index = og(head(site, lang, STORY_INDEX), "og:image")
    for story in SITE.stories(L[lang]):
        assert og(head(site, lang, f"{FOLDER}/{story.slug}/"), "og:image") == index
    assert not (site / "assets" / "share" / lang / FOLDER).exists()


def test_the_build_wrote_no_generic_image(site: Path, cjk_fonts: dict[str, Path]) -> None:
    assert not (site / "assets" / "share" / shareimages.GENERIC).exists()


# --- Staff edits redraw what they change --------------------------------------------------


def _set_value(data: Path, fact_id: str, value: int) -> None:
    text = data.read_text(encoding="utf-8")
    line, _ = load_text(text, str(data)).values[("facts", fact_id, "value")]
    lines = text.splitlines(keepends=True)
    lines[line - 1] = re.sub(r"value: *\S+", f"value: {value}", lines[line - 1])
    data.write_text("".join(lines), encoding="utf-8")


def _retitle(page: Path, title: str) -> None:
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1), encoding="utf-8")


STORY = """---
title: {title}
description: {title}, a story added to test that its image is drawn from the data.
summary: {title}
figure: {figure}
order: 0
---

# {title}

{{{{ fact("{figure}") }}}}
"""


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory, cjk_fonts: dict[str, Path]) -> dict:
    """One build of a copy with three staff edits: a figure the home page's image shows
    (doubled), the title of a page of the menu in the default language, and a new first
    story with another figure."""
    if FOLDER is None:
        pytest.skip("this site has no stories")
    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    home = page_figures(PARK, page_text(source_of(HOME, DEFAULT.code)), SITE.stories(DEFAULT))
    figure = next(f for f in home if PARK.units[PARK.facts[f].unit or ""].kind == "count")
    _set_value(project / "data" / "park.yml", figure, int(PARK.facts[figure].value * 2))
    title = read_front_matter(DOCS_DIR / PROSE)["title"] + " and its people"
    _retitle(project / "docs" / PROSE, title)
    shown = {s.figure for s in SITE.stories(DEFAULT)}
    story_figure = next(
        f
        for f, fact in PARK.facts.items()
        if fact.value and f not in shown and PARK.units[fact.unit or ""].kind == "count"
    )
    for lang in SITE.languages:
        story = project / "docs" / LANGUAGES.file_in(f"{FOLDER}/a-new-story.md", lang)
        story_title = NEW_STORY.get(lang.code, NEW_STORY["en"])
        story.write_text(STORY.format(title=story_title, figure=story_figure), encoding="utf-8")
    site = project / "built"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-4000:]
    assert NO_FONT_LINE not in result.stderr
    return {
        "site": site,
        "park": load_park(project / "data" / "park.yml", SITE.languages.codes),
        "figure": figure,
        "title": title,
        "story_figure": story_figure,
    }


def _image(site: Path, lang: str, page: str) -> tuple[bytes, str]:
    html = head(site, lang, page)
    url = og(html, "og:image")
    path = site / "assets" / url.split("/assets/", 1)[1]
    return path.read_bytes(), og(html, "og:image:alt")


@pytest.mark.parametrize("lang", LANGS)
def test_a_changed_figure_redraws_the_images_that_show_it(
    site: Path, edited: dict, lang: str
) -> None:
    before, after = _image(site, lang, ""), _image(edited["site"], lang, "")
    assert before[0] != after[0]
    park, fact = edited["park"], edited["park"].facts[edited["figure"]]
    assert card_value(park, fact, L[lang]) in after[1]
    assert card_value(PARK, PARK.facts[edited["figure"]], L[lang]) not in after[1]


def test_a_changed_title_redraws_its_page(site: Path, edited: dict) -> None:
    before = _image(site, DEFAULT.code, PROSE_PAGE)
    after = _image(edited["site"], DEFAULT.code, PROSE_PAGE)
    assert before[0] != after[0]
    assert after[1].startswith(edited["title"])


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_story_redraws_the_story_index_image_and_shares_it(
    site: Path, edited: dict, lang: str
) -> None:
    before, after = _image(site, lang, STORY_INDEX), _image(edited["site"], lang, STORY_INDEX)
    assert before[0] != after[0]
    assert edited["park"].facts[edited["story_figure"]].label[lang] in after[1]
    assert _image(edited["site"], lang, f"{FOLDER}/a-new-story/") == after


def source_of(page: str, lang: str) -> Path:
    """The Markdown file of a page of the navigation: 'stories/' is docs/stories/index.zh.md."""
    stem = page.rstrip("/") or "index"
    src = f"{stem}.md" if (DOCS_DIR / f"{stem}.md").exists() else f"{stem}/index.md"
    return DOCS_DIR / SITE.languages.file_in(src, L[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_images_nothing_changed_on_are_not_redrawn(site: Path, edited: dict, lang: str) -> None:
    kept = []
    for page in nav_pages():
        shows = page_figures(PARK, page_text(source_of(page, lang)), SITE.stories(L[lang]))
        retitled = (page, lang) == (PROSE_PAGE, DEFAULT.code)
        if edited["figure"] not in shows and page != STORY_INDEX and not retitled:
            assert _image(site, lang, page) == _image(edited["site"], lang, page), page
            kept.append(page)
    assert kept, "every page changed: the test would prove nothing"


# --- A machine without the fonts ----------------------------------------------------------


@pytest.fixture(scope="module")
def fontless(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site built where no font is found (PARKSITE_FONT_DIRS: an empty folder)."""
    project = copy_project(tmp_path_factory.mktemp("fontless") / "project")
    empty = tmp_path_factory.mktemp("no-fonts")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PARKSITE_FONT_DIRS", str(empty))
        result = mkdocs_build(project, project / "built")
    assert result.returncode == 0, result.stderr[-4000:]
    return project / "built", result.stdout + result.stderr


def test_without_fonts_the_build_says_so_once(fontless: tuple[Path, str]) -> None:
    _, output = fontless
    told = [line for line in output.splitlines() if NO_FONT_LINE in line]
    assert len(told) == 1, output[-3000:]
    assert "fonts-noto-cjk" in told[0]


@pytest.mark.parametrize("lang", LANGS)
def test_without_fonts_every_page_shares_the_generic_image(
    fontless: tuple[Path, str], lang: str
) -> None:
    site, _ = fontless
    generic = site / "assets" / "share" / shareimages.GENERIC
    with Image.open(generic) as image:
        assert image.size == SHARE_SIZE
    for page in PAGES:
        html = head(site, lang, page)
        assert og(html, "og:image").endswith("/assets/share/" + shareimages.GENERIC), page
        assert og(html, "og:image:alt")
    assert not (site / "assets" / "share" / lang).exists()


@needs_stories
def test_page_keys_are_the_same_in_every_language() -> None:
    keys = {
        page_key(SITE.languages.file_in(f"{FOLDER}/index.md", lang), SITE.languages)
        for lang in SITE.languages
    }
    assert keys == {FOLDER}

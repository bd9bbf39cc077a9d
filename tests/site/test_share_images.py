"""The link-preview images: drawn by every build from the data and the pages (never committed,
never stale), one per page of the navigation and language, the one each built page names in
its head and body; a generic image where no font can draw a page's text."""

from __future__ import annotations

import io
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from parksite.content.pages import page_key, page_text
from parksite.content.stories import list_stories, read_front_matter
from parksite.mkdocs import shareimages
from parksite.model.load import load_park
from parksite.model.yamlsource import load_text
from parksite.project import DATA_FILE, DOCS_DIR, ROOT
from parksite.render import shareimage
from parksite.render.figures import card_value
from parksite.render.fonts import FAMILIES, drawable, find_family, font_files, writing
from parksite.render.head import SHARE_SIZE
from parksite.render.shareimage import (
    CardFigure,
    ShareCard,
    alt_text,
    digest,
    draw,
    page_figures,
    share_card,
    wrap,
)
from tests.conftest import LANGS, PAGES, copy_project, mkdocs_build, page_file

PARK = load_park(DATA_FILE)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
NO_FONT_LINE = "Link-preview images: no font on this machine"
CJK = next(name for name, _ in FAMILIES if "CJK" in name)


@pytest.fixture(scope="module")
def cjk_fonts() -> dict[str, Path]:
    """This machine's fonts, with Noto Sans CJK: a skip without it, a failure under CI."""
    files = font_files()
    if CJK not in files:
        message = f"no {CJK}: install Debian's fonts-noto-cjk to test drawing Chinese"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " — CI must draw the images")
        pytest.skip(message)
    return files


def og(html: BeautifulSoup, key: str) -> str:
    return html.find("meta", property=key)["content"]


def head(site: Path, lang: str, page: str) -> BeautifulSoup:
    return BeautifulSoup(page_file(site, lang, page).read_text(encoding="utf-8"), "lxml")


def nav_pages() -> list[str]:
    """The pages of the navigation, as addresses: '', 'about/', 'stories/'."""
    return [p for p in PAGES if not p.startswith("stories/") or p == "stories/"]


# --- What an image shows: pure functions -------------------------------------------------


def _number_facts(count: int) -> list[str]:
    return [f for f, fact in PARK.facts.items() if fact.value is not None][:count]


def test_an_image_shows_the_first_cards_of_its_page() -> None:
    a, b, c, d = _number_facts(4)
    text = f'{{{{ fact("{d}") }}}}\n\n{{{{ cards("{a}", "{b}", "{c}", "{d}") }}}}\n{{{{ cards("{d}") }}}}'
    assert page_figures(PARK, text, "en", DOCS_DIR) == (a, b, c)


def test_without_cards_an_image_shows_the_first_numbers_of_its_page() -> None:
    a, b = _number_facts(2)
    text_fact = next(f for f, fact in PARK.facts.items() if fact.value is None)
    text = f'{{{{ fact("{text_fact}") }}}} {{{{ money("{a}") }}}} {{{{ fact("{b}") }}}} {{{{ fact("{a}") }}}}'
    assert page_figures(PARK, text, "en", DOCS_DIR) == (a, b)


def test_the_story_index_shows_its_stories_figures() -> None:
    figures = tuple(s.figure for s in list_stories("en", DOCS_DIR) if s.figure)
    assert page_figures(PARK, "{{ story_cards() }}", "en", DOCS_DIR) == figures[:3]


def test_code_and_unknown_ids_show_no_figure() -> None:
    (a,) = _number_facts(1)
    text = f'`{{{{ cards("{a}") }}}}`\n\n```\n{{{{ fact("{a}") }}}}\n```\n{{{{ fact("no.such") }}}}'
    assert page_figures(PARK, text, "en", DOCS_DIR) == ()


@pytest.mark.parametrize("lang", LANGS)
def test_a_card_takes_its_words_from_the_page_and_the_data(lang: str) -> None:
    a, b = _number_facts(2)
    card = share_card(
        PARK,
        lang,
        site_name="Site  name",
        title="A\ntitle",
        description="Said here.",
        text=f'{{{{ cards("{a}", "{b}") }}}}',
        docs_dir=DOCS_DIR,
    )
    assert (card.site_name, card.title, card.description) == ("Site name", "A title", "")
    assert [f.label for f in card.figures] == [PARK.facts[a].label[lang], PARK.facts[b].label[lang]]
    alt = alt_text(card, lang)
    assert alt.startswith("A title") and "Site name" in alt
    for figure in card.figures:
        assert figure.label in alt and figure.value in alt and figure.note in alt
    # A page without figures shows, and says, its description.
    plain = share_card(
        PARK, lang, site_name="S", title="T", description="Said here.", text="", docs_dir=DOCS_DIR
    )
    assert plain.figures == () and "Said here." in alt_text(plain, lang)


def test_a_planned_figure_is_tagged_on_the_image_and_in_words() -> None:
    planned = next((f for f, fact in PARK.facts.items() if fact.qualifier == "planned"), None)
    if planned is None:
        pytest.skip("no planned figure in the data")
    for lang in LANGS:
        card = share_card(
            PARK,
            lang,
            site_name="S",
            title="T",
            description="",
            text=f'{{{{ cards("{planned}") }}}}',
            docs_dir=DOCS_DIR,
        )
        assert card.figures[0].tag
        words = shareimage.WORDS["planned"][lang].format(figure="")
        assert words in alt_text(card, lang)


class _Width:
    """A font stand-in: every character is 10 pixels wide, a wide (CJK) one 20."""

    def getlength(self, text: str) -> float:
        return sum(20 if ord(c) > 0x2E80 else 10 for c in text)


@pytest.mark.parametrize(
    ("text", "width", "lines", "expected"),
    [
        ("one two three four", 90, 3, ["one two", "three", "four"]),
        ("one two three four", 90, 2, ["one two", "three…"]),
        ("abcdefghijkl", 50, 3, ["abcde", "fghij", "kl"]),
        # Chinese breaks between characters, never before a closing mark.
        ("园区概览，关键数据", 80, 3, ["园区概", "览，关键", "数据"]),
        ("“一带一路”合作", 80, 2, ["“一带一", "路”合作"]),
        # A number stays with its unit and its date, not with the comma before it.
        ("来源：报道，2022年1月30日", 200, 3, ["来源：报道，", "2022年1月30日"]),
        ("", 80, 2, []),
    ],
)
def test_text_wraps_inside_its_box(text: str, width: int, lines: int, expected: list[str]) -> None:
    assert wrap(text, _Width(), width, lines) == expected


# --- Fonts ------------------------------------------------------------------------------


def test_without_fonts_nothing_is_drawn() -> None:
    assert font_files(()) == {}
    assert find_family("Overview", "en", {}) is None


def test_spaces_need_no_glyph() -> None:
    assert drawable("a b\u3000c\n") == {ord("a"), ord("b"), ord("c")}


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("zh-Hans", ("zh", "Hans")),
        ("zh_CN", ("zh", "Hans")),
        ("zh_TW", ("zh", "Hant")),
        ("en", ("en", "Latn")),
    ],
)
def test_a_language_tag_names_its_script(tag: str, expected: tuple[str, str]) -> None:
    assert writing(tag) == expected


def test_chinese_is_drawn_with_the_simplified_face_and_tofu_never(
    cjk_fonts: dict[str, Path],
) -> None:
    family = find_family("园区概览", "zh-Hans", cjk_fonts)
    assert family is not None and family.regular.path.endswith(CJK)
    from fontTools.ttLib import TTCollection

    face = TTCollection(family.regular.path, lazy=True).fonts[family.regular.index]
    assert face["name"].getDebugName(1).endswith(" SC")
    # A character no font has (a private-use one) gets no family at all, so no tofu.
    assert find_family("园区\ue000", "zh-Hans", cjk_fonts) is None


def test_the_character_maps_read_raw_agree_with_fonttools(cjk_fonts: dict[str, Path]) -> None:
    from parksite.render import fonts

    for path in sorted(set(cjk_fonts.values())):
        stamp = (path.stat().st_size, path.stat().st_mtime_ns)
        for index in range(len(fonts._languages(str(path), stamp)))[:3]:
            has = fonts._has(str(path), stamp, index)
            expected = {c for c in fonts._open(str(path))[index].getBestCmap() if c < 0x30000}
            assert {c for c in range(0x30000) if has(c)} == expected, (path, index)


def test_a_drawing_is_the_same_bytes_every_time(cjk_fonts: dict[str, Path]) -> None:
    card = ShareCard(
        site_name="迎泽 Site",
        title="A title long enough to wrap onto a second line of the image, and beyond it",
        figures=(CardFigure("4500余", "带动就业", "来源：报道，2022年1月30日", "计划"),),
        description="",
    )
    family = find_family(card.text(), "zh-Hans", cjk_fonts)
    first, second = draw(card, family), draw(card, family)
    assert first == second
    with Image.open(io.BytesIO(first)) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "P", SHARE_SIZE)


def test_a_cached_drawing_is_not_drawn_again(
    tmp_path: Path, cjk_fonts: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = ShareCard("Site", "Title", (), "Description.")
    images = shareimages.ShareImages(tmp_path, tmp_path / "cache", DOCS_DIR, cjk_fonts, ())
    drawn = shareimages._drawing(images, card, "en")
    assert drawn is not None and drawn.name == digest(card, "en", ()) + ".png"

    def no_drawing(*args: object) -> bytes:
        raise AssertionError("drawn again")

    monkeypatch.setattr(shareimages, "draw", no_drawing)
    assert shareimages._drawing(images, card, "en") == drawn
    # Another text is another drawing.
    with pytest.raises(AssertionError, match="drawn again"):
        shareimages._drawing(images, ShareCard("Site", "Other title", (), "Description."), "en")


# --- Nothing drawn beforehand -------------------------------------------------------------


def test_no_image_is_committed_in_the_package() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "parksite"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert [f for f in tracked if f.lower().endswith(IMAGE_SUFFIXES)] == []
    on_disk = [p for p in (ROOT / "parksite").rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES]
    assert on_disk == []


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
    page_address = site_url + ("zh/" if lang == "zh" else "") + page
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


@pytest.mark.parametrize("lang", LANGS)
def test_stories_share_their_index_image(site: Path, lang: str) -> None:
    index = og(head(site, lang, "stories/"), "og:image")
    for story in list_stories(lang, DOCS_DIR):
        assert og(head(site, lang, f"stories/{story.slug}/"), "og:image") == index
    assert not (site / "assets" / "share" / lang / "stories").exists()


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
description: {title}
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
    (doubled), the English About page's title, and a new first story with another figure."""
    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    home = page_figures(PARK, page_text(DOCS_DIR / "index.md"), "en", DOCS_DIR)
    figure = next(f for f in home if PARK.units[PARK.facts[f].unit or ""].kind == "count")
    _set_value(project / "data" / "park.yml", figure, int(PARK.facts[figure].value * 2))
    title = read_front_matter(DOCS_DIR / "about.md")["title"] + " and its people"
    _retitle(project / "docs" / "about.md", title)
    shown = {s.figure for s in list_stories("en", DOCS_DIR)}
    story_figure = next(
        f
        for f, fact in PARK.facts.items()
        if fact.value and f not in shown and PARK.units[fact.unit or ""].kind == "count"
    )
    for suffix, story_title in ((".md", "A new story"), (".zh.md", "新的案例")):
        (project / "docs" / "stories" / f"a-new-story{suffix}").write_text(
            STORY.format(title=story_title, figure=story_figure), encoding="utf-8"
        )
    site = project / "built"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-4000:]
    assert NO_FONT_LINE not in result.stderr
    return {
        "site": site,
        "park": load_park(project / "data" / "park.yml"),
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
    assert card_value(park, fact, lang) in after[1]
    assert card_value(PARK, PARK.facts[edited["figure"]], lang) not in after[1]


def test_a_changed_title_redraws_its_page(site: Path, edited: dict) -> None:
    before, after = _image(site, "en", "about/"), _image(edited["site"], "en", "about/")
    assert before[0] != after[0]
    assert after[1].startswith(edited["title"])


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_story_redraws_the_story_index_image_and_shares_it(
    site: Path, edited: dict, lang: str
) -> None:
    before, after = _image(site, lang, "stories/"), _image(edited["site"], lang, "stories/")
    assert before[0] != after[0]
    assert edited["park"].facts[edited["story_figure"]].label[lang] in after[1]
    assert _image(edited["site"], lang, "stories/a-new-story/") == after


def source_of(page: str, lang: str) -> Path:
    """The Markdown file of a page of the navigation: 'stories/' is docs/stories/index.zh.md."""
    stem = DOCS_DIR / (page.rstrip("/") or "index")
    stem = stem if stem.with_suffix(".md").exists() else stem / "index"
    return stem.with_name(stem.name + (".zh.md" if lang == "zh" else ".md"))


@pytest.mark.parametrize("lang", LANGS)
def test_images_nothing_changed_on_are_not_redrawn(site: Path, edited: dict, lang: str) -> None:
    kept = []
    for page in nav_pages():
        shows = page_figures(PARK, page_text(source_of(page, lang)), lang, DOCS_DIR)
        retitled = (page, lang) == ("about/", "en")
        if edited["figure"] not in shows and page != "stories/" and not retitled:
            assert _image(site, lang, page) == _image(edited["site"], lang, page), page
            kept.append(page)
    assert "contact/" in kept


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


def test_page_keys_are_the_same_in_every_language() -> None:
    assert page_key("stories/index.zh.md") == page_key("stories/index.md") == "stories"

"""Link-preview images, as the engine makes them: what an image shows (from a page's text and
the data), its words for the alt text, text that wraps in its box, the font that covers every
character, and a drawing that is the same bytes every time (tests/site checks the built site)."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from parksite.mkdocs import shareimages
from parksite.model.load import parse_park
from parksite.project import ROOT
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
from tests.engine.conftest import DATA, EN, TODAY, ZH

PARK = parse_park(
    (DATA / "figures.yml").read_text(encoding="utf-8"), "x", ("en", "zh"), today=TODAY
)
L = {"en": EN, "zh": ZH}
LANGS = tuple(L)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
CJK = next(name for name, _ in FAMILIES if "CJK" in name)
NO_STORIES: tuple = ()


# --- What an image shows: pure functions -------------------------------------------------


def _number_facts(count: int) -> list[str]:
    return [f for f, fact in PARK.facts.items() if fact.value is not None][:count]


def test_an_image_shows_the_first_cards_of_its_page() -> None:
    a, b, c, d = _number_facts(4)
    text = f'{{{{ fact("{d}") }}}}\n\n{{{{ cards("{a}", "{b}", "{c}", "{d}") }}}}\n{{{{ cards("{d}") }}}}'
    assert page_figures(PARK, text, NO_STORIES) == (a, b, c)


def test_without_cards_an_image_shows_the_first_numbers_of_its_page() -> None:
    a, b = _number_facts(2)
    text_fact = next(f for f, fact in PARK.facts.items() if fact.value is None)
    text = f'{{{{ fact("{text_fact}") }}}} {{{{ money("{a}") }}}} {{{{ fact("{b}") }}}} {{{{ fact("{a}") }}}}'
    assert page_figures(PARK, text, NO_STORIES) == (a, b)


def test_the_story_index_shows_its_stories_figures() -> None:
    from parksite.content.stories import Story

    a, b, c, d = _number_facts(4)
    stories = tuple(Story(f"s{n}", "T", "S", f, n) for n, f in enumerate((a, None, b, c, d)))
    assert page_figures(PARK, "{{ story_cards() }}", stories) == (a, b, c)


def test_code_and_unknown_ids_show_no_figure() -> None:
    (a,) = _number_facts(1)
    text = f'`{{{{ cards("{a}") }}}}`\n\n```\n{{{{ fact("{a}") }}}}\n```\n{{{{ fact("no.such") }}}}'
    assert page_figures(PARK, text, NO_STORIES) == ()


@pytest.mark.parametrize("lang", LANGS)
def test_a_card_takes_its_words_from_the_page_and_the_data(lang: str) -> None:
    a, b = _number_facts(2)
    card = share_card(
        PARK,
        L[lang],
        site_name="Site  name",
        title="A\ntitle",
        description="Said here.",
        text=f'{{{{ cards("{a}", "{b}") }}}}',
        stories=NO_STORIES,
    )
    assert (card.site_name, card.title, card.description) == ("Site name", "A title", "")
    assert [f.label for f in card.figures] == [PARK.facts[a].label[lang], PARK.facts[b].label[lang]]
    alt = alt_text(card, L[lang])
    assert alt.startswith("A title") and "Site name" in alt
    for figure in card.figures:
        assert figure.label in alt and figure.value in alt and figure.note in alt
    # A page without figures shows, and says, its description.
    plain = share_card(
        PARK,
        L[lang],
        site_name="S",
        title="T",
        description="Said here.",
        text="",
        stories=NO_STORIES,
    )
    assert plain.figures == () and "Said here." in alt_text(plain, L[lang])


def test_a_planned_figure_is_tagged_on_the_image_and_in_words() -> None:
    planned = next((f for f, fact in PARK.facts.items() if fact.qualifier == "planned"), None)
    if planned is None:
        pytest.skip("no planned figure in the data")
    for lang in LANGS:
        card = share_card(
            PARK,
            L[lang],
            site_name="S",
            title="T",
            description="",
            text=f'{{{{ cards("{planned}") }}}}',
            stories=NO_STORIES,
        )
        assert card.figures[0].tag
        words = L[lang].words.format("share.planned", figure="")
        assert words in alt_text(card, L[lang])


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
    images = shareimages.ShareImages(tmp_path, tmp_path / "cache", tmp_path, cjk_fonts, ())
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

"""The share images link previews and WeChat show: one per page of the navigation and language,
current with the data and the pages' titles (their manifest, not their pixels: fonts differ
between machines), small, and the one each built page names in its head and body."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from PIL import Image

from parksite.content.pages import page_key
from parksite.model.load import load_park
from parksite.render.head import (
    MANIFEST,
    SHARE_FOLDER,
    SHARE_SIZE,
    image_name,
    nav_files,
    read_manifest,
    share_image,
)
from parksite.tools.shareimage import alt_text, config_nav, digest, share_cards, share_page
from tests.conftest import LANGS, PAGES, copy_project, mkdocs_build, page_file

REDRAW = "run `make share-image`, look at the images and commit them with manifest.json"
# Each image stays small: 24 of them are committed, and every build publishes them.
MAX_BYTES = 45_000


def manifest() -> dict[str, dict[str, str]]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


# --- Which image a page uses --------------------------------------------------------------


@pytest.mark.parametrize(
    ("src_uri", "key"),
    [
        ("index.md", "index"),
        ("index.zh.md", "index"),
        ("about.zh.md", "about"),
        ("stories/index.md", "stories"),
        ("stories/index.zh.md", "stories"),
        ("stories/ruifei.zh.md", "stories/ruifei"),
        ("stories/page-2.md", "stories/page-2"),
    ],
)
def test_page_key_is_the_same_in_both_languages(src_uri: str, key: str) -> None:
    assert page_key(src_uri) == key


def test_the_navigation_is_read_from_mkdocs_yml() -> None:
    assert nav_files(config_nav())[:2] == ["index.md", "about.md"]
    assert "stories/index.md" in nav_files(config_nav())


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("stories/ruifei", "assets/share/zh/stories/ruifei.png"),  # its own image
        ("stories/a-new-story", "assets/share/zh/stories.png"),  # its section's
        ("stories/page-2", "assets/share/zh/stories.png"),
        ("elsewhere", "assets/share/zh/index.png"),  # the home page's
    ],
)
def test_a_page_outside_the_navigation_needs_no_image_of_its_own(key: str, expected: str) -> None:
    image, alt = share_image(MANIFEST, "zh", key, in_nav=False, source="docs/x.zh.md")
    assert image == expected
    assert alt == manifest()[expected.removeprefix("assets/share/")]["alt"]


def test_a_navigation_page_without_its_image_is_named_with_the_fix() -> None:
    with pytest.raises(PluginError) as error:
        share_image(MANIFEST, "en", "new-page", in_nav=True, source="docs/new-page.md")
    message = str(error.value)
    assert message.startswith("docs/new-page.md: this page has no link-preview image")
    assert "overrides/assets/share/en/new-page.png" in message
    assert "make share-image" in message


# --- The committed images and their manifest -----------------------------------------------


def test_every_page_of_the_navigation_has_an_image_in_each_language() -> None:
    drawn = read_manifest()
    for src in nav_files(config_nav()):
        for lang in LANGS:
            name = image_name(lang, page_key(src))
            assert name in drawn, f"overrides/assets/share/{name} is missing: {REDRAW}"


def test_each_image_is_current_with_the_data_and_the_page_titles() -> None:
    park = load_park()
    drawn = manifest()
    for card in share_cards(park):
        entry = drawn.get(card.name, {})
        assert entry.get("drawn_from") == digest(share_page(park, card)), (
            f"overrides/assets/share/{card.name} was drawn from other figures, titles or "
            f"layout than {card.page} and data/park.yml have now: {REDRAW}"
        )
        assert entry.get("alt") == alt_text(park, card), f"{card.name}: {REDRAW}"
        assert entry.get("page") == card.page


def test_no_image_is_left_from_a_page_that_is_gone() -> None:
    names = {card.name for card in share_cards(load_park())}
    assert set(manifest()) == names
    files = {p.relative_to(SHARE_FOLDER).as_posix() for p in SHARE_FOLDER.rglob("*.png")}
    assert files == names


def test_images_are_small_palette_pngs_of_the_preview_size() -> None:
    for name in manifest():
        path = SHARE_FOLDER / name
        with Image.open(path) as image:
            assert (image.format, image.size) == ("PNG", SHARE_SIZE), name
            assert image.mode == "P", f"{name}: not a palette PNG: {REDRAW}"
        assert path.stat().st_size <= MAX_BYTES, f"{name}: {path.stat().st_size} bytes"


@pytest.mark.parametrize("lang", LANGS)
def test_an_image_shows_its_page_title_and_figures_with_their_source(lang: str) -> None:
    park = load_park()
    card = next(c for c in share_cards(park) if c.lang == lang and c.key == "plans")
    page = share_page(park, card)
    assert card.title and card.title in page
    assert card.figures == ("plans.research_investment", "plans.incubation_funds")
    assert ("Planned" if lang == "en" else "计划") in page
    assert ("Source: China Daily" if lang == "en" else "来源：中国日报") in page
    assert card.title in alt_text(park, card)


# --- The built pages -----------------------------------------------------------------------


def _image_of(site: Path, site_url: str, lang: str, page: str) -> tuple[str, BeautifulSoup]:
    html = BeautifulSoup(page_file(site, lang, page).read_text(encoding="utf-8"), "lxml")
    og = html.find("meta", property="og:image")["content"]
    return og, html


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_each_page_shares_an_image_that_exists_at_the_size_it_states(
    site: Path, site_url: str, lang: str, page: str
) -> None:
    og, html = _image_of(site, site_url, lang, page)
    assert og.startswith(site_url + "assets/share/" + lang + "/")
    assert html.find("meta", attrs={"name": "twitter:image"})["content"] == og
    file = site / og.removeprefix(site_url)
    with Image.open(file) as image:
        size = image.size
    assert size == SHARE_SIZE
    assert html.find("meta", property="og:image:width")["content"] == str(size[0])
    assert html.find("meta", property="og:image:height")["content"] == str(size[1])
    # og:image:alt describes this page's image: the manifest's words for it, with its title.
    alt = html.find("meta", property="og:image:alt")["content"]
    assert alt == read_manifest()[og.removeprefix(site_url + "assets/share/")]["alt"]
    # WeChat previews a link with the page's first large image: the same one, never fetched.
    first = html.find("img")
    page_address = site_url + ("zh/" if lang == "zh" else "") + page
    assert urljoin(page_address, first["src"]) == og
    assert (int(first["width"]), int(first["height"])) == SHARE_SIZE
    assert first.has_attr("hidden") and first["loading"] == "lazy"


def test_navigation_pages_have_distinct_images_per_page_and_language(
    site: Path, site_url: str
) -> None:
    nav_pages = [p for p in PAGES if p.count("/") <= 1]
    images = {
        (lang, page): _image_of(site, site_url, lang, page)[0]
        for lang in LANGS
        for page in nav_pages
    }
    assert len(set(images.values())) == len(images), images


def test_the_manifest_is_not_published(site: Path) -> None:
    assert not (site / "assets" / "share" / "manifest.json").exists()


def test_a_navigation_page_without_an_image_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "overrides" / "assets" / "share" / "zh" / "about.png").unlink()
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/about.zh.md: this page has no link-preview image" in output
    assert "make share-image" in output

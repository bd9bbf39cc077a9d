"""The pure functions behind the head tags, the theme fixes and the crawlers' files."""

from __future__ import annotations

import pytest

from parksite.content.pages import relative_url
from parksite.i18n.languages import Languages
from parksite.mkdocs.sitemaps import robots_txt
from parksite.mkdocs.themefix import fix_theme_html
from parksite.model.load import parse_park
from parksite.render.head import park_json_ld
from tests.engine.conftest import DATA, EN, TODAY, ZH

LANGUAGES = Languages((EN, ZH))


@pytest.mark.parametrize(
    ("url", "lang", "expected"),
    [
        ("", "zh", "zh/"),
        ("zh/", "en", ""),
        ("about/", "zh", "zh/about/"),
        ("zh/stories/ruifei/", "en", "stories/ruifei/"),
        ("zh/about/", "zh", "zh/about/"),
    ],
)
def test_the_same_page_in_another_language(url: str, lang: str, expected: str) -> None:
    assert LANGUAGES.url_in(url, LANGUAGES[lang]) == expected


@pytest.mark.parametrize(
    ("src", "lang", "expected"),
    [("about.md", "zh", "about.zh.md"), ("stories/x.zh.md", "en", "stories/x.md")],
)
def test_the_same_page_file_in_another_language(src: str, lang: str, expected: str) -> None:
    assert LANGUAGES.file_in(src, LANGUAGES[lang]) == expected


def test_theme_fixes_make_toggles_and_labels_valid_and_name_the_search_dialog() -> None:
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_6" id="__nav_6_label" tabindex="">'
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )
    fixed = fix_theme_html(html, ZH)
    assert 'id="__drawer">' in fixed
    assert 'tabindex=""' not in fixed
    assert 'role="dialog" aria-label="搜索"' in fixed
    assert 'class="md-search__input" autocomplete="off"' in fixed  # a text box keeps it


def test_json_ld_names_only_what_the_site_names() -> None:
    park = parse_park(
        (DATA / "base.yml").read_text(encoding="utf-8"), "x", ("en", "zh"), today=TODAY
    )
    data = park_json_ld(park, EN, LANGUAGES, "Fallback name")
    assert '"name": "Fallback name"' in data
    assert "address" not in data and "foundingDate" not in data


def test_robots_txt_names_the_site_wide_sitemap() -> None:
    assert robots_txt("https://example.org/park/").endswith(
        "Sitemap: https://example.org/park/sitemap.xml\n"
    )


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("", "assets/share.png"),
        ("about/", "../assets/share.png"),
        ("zh/stories/ruifei/", "../../../assets/share.png"),
    ],
)
def test_relative_url_from_every_kind_of_page(page: str, expected: str) -> None:
    assert relative_url(page, "assets/share.png") == expected


def test_fill_makes_the_html_markup_format_makes() -> None:
    """figures.fill, the fast way to fill the engine's templates, escapes every value as
    Markup.format does and leaves Markup as it is."""
    from markupsafe import Markup

    from parksite.render.figures import fill

    template = '<a class="x" href="{href}" data-n="{n}">{text}</a>'
    values = [
        {"href": "a&b\"<c>'", "n": 3, "text": "plain <script>"},
        {"href": Markup("&amp;"), "n": -1.5, "text": Markup("<b>bold</b>")},
        {"href": None, "n": 0, "text": "{not a field}"},
    ]
    for given in values:
        filled = fill(template, **given)
        assert isinstance(filled, Markup)
        assert filled == Markup(template).format(**given)
    assert "<script>" not in fill(template, **values[0])

"""The languages registry: what each configured language is called in HTML, Open Graph and
Babel, where its pages live, and the words a site must give for a language the engine lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from parksite.i18n.languages import build_languages
from parksite.model.errors import DataError


def config(*languages: dict, locales: dict | None = None) -> dict:
    return {
        "plugins": [
            {"parksite": {"locales": locales or {}}},
            {"i18n": {"languages": list(languages)}},
        ]
    }


EN = {"locale": "en", "name": "English", "default": True}
ZH = {"locale": "zh", "name": "中文", "theme": {"language": "zh-Hans"}}
DE = {"locale": "de", "name": "Deutsch"}


def test_each_language_says_its_codes_and_where_its_pages_live() -> None:
    languages = build_languages(config(ZH, EN, locales={"en": "en_GB"}), "mkdocs.yml", None)
    en, zh = languages.all
    assert (en.code, en.default, en.html, en.locale, en.og, en.prefix) == (
        "en",
        True,
        "en",
        "en_GB",
        "en_US",
        "",
    )
    assert (zh.code, zh.html, zh.locale, zh.og, zh.prefix, zh.suffix) == (
        "zh",
        "zh-Hans",
        "zh_Hans_CN",
        "zh_CN",
        "zh/",
        ".zh",
    )
    assert languages.of_file("stories/x.zh.md") is zh
    assert languages.of_file("notes.v2.md") is en


def test_a_site_without_the_i18n_plugin_has_the_themes_one_language() -> None:
    languages = build_languages({"theme": {"name": "material", "language": "zh"}}, "x", None)
    assert languages.codes == ("zh",) and languages.default.prefix == ""


def test_a_language_the_engine_lacks_needs_every_word_from_the_site(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        build_languages(config(EN, DE), "mkdocs.yml", tmp_path)
    problems = caught.value.problems
    assert all(p.file.endswith("de.yml") for p in problems)
    first = next(p for p in problems if p.field == "source_note")
    assert "the de word for `source_note` is missing" in first.message
    assert "Source: {publisher}, {date}" in first.hint


def test_a_site_word_naming_a_part_the_engine_does_not_fill_is_refused(tmp_path: Path) -> None:
    (tmp_path / "en.yml").write_text('as_of: "as of {day}"\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_languages(config(EN), "mkdocs.yml", tmp_path)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (1, "as_of")
    assert "{day}" in problem.message and "{date}" in problem.hint


def test_a_site_may_reword_what_the_engine_says(tmp_path: Path) -> None:
    (tmp_path / "en.yml").write_text('source: "From"\n', encoding="utf-8")
    [en] = build_languages(config(EN), "mkdocs.yml", tmp_path).all
    assert en.words["source"] == "From"
    assert en.words["plan.tag"] == "Plan"


def test_an_unknown_locale_is_refused_with_its_setting() -> None:
    with pytest.raises(DataError, match=r"plugins\.parksite\.locales\.en"):
        build_languages(config(EN, locales={"en": "xx_NOPE"}), "mkdocs.yml", None)

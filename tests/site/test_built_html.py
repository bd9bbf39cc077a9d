"""What a reader gets: the built HTML of every language, from one strict build per session,
compared with what the data says each page shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parksite.content.citations import macro_calls, outside_code
from parksite.i18n.numbers import format_date, format_month, format_period
from parksite.model.park import Fact
from parksite.render.figures import (
    card_value,
    converted_text,
    figure_text,
    rate_text,
    source_note,
    when_text,
)
from tests.conftest import copy_project, mkdocs_build
from tests.site.conftest import (
    KEY_FIGURES,
    LANGS,
    PAGES,
    PARK,
    SITE,
    citations,
    docs_file,
    language,
    page_file,
    page_of_file,
    pages_calling,
    soup,
)

RATE = PARK.site.second_currency.rate if PARK.site.second_currency else None


def expected_texts(fact_id: str, macro: str, lang: str) -> list[str]:
    """What a page shows of a fact it cites with this macro, as the engine words it."""
    L, fact = language(lang), PARK.facts[fact_id]
    converted = [converted_text(PARK, fact, L)] if PARK.converts(fact) else []
    if fact_id == RATE and macro in ("money", "cards", "exchange_rate"):
        # Converted amounts state the rate they were computed at.
        return [rate_text(PARK, L).rstrip(".。")]
    if macro in ("fact", "facts_table"):
        return [figure_text(PARK, fact, L)]
    if macro == "money":
        return [figure_text(PARK, fact, L), *converted]
    if macro == "period":
        return [format_period(fact.period.year, fact.period.start, fact.period.end, L)]
    if macro == "fact_list":
        return [item[lang] for item in fact.items or [fact.text]]
    if macro == "cards":
        return [card_value(PARK, fact, L), fact.label[lang], *converted]
    if macro == "story_cards":
        return [card_value(PARK, fact, L)]
    raise AssertionError(f"no expectation for {macro}()")


@pytest.fixture(scope="module")
def shown(site: Path) -> dict[tuple[str, str, str], list[str]]:
    """(language, page, fact id) -> the texts of the elements showing that fact on the page
    (not counting its entry in the page's list of sources, which names it without its figure)."""
    found: dict[tuple[str, str, str], list[str]] = {}
    for lang in LANGS:
        for page in PAGES:
            html = soup(page_file(site, lang, page))
            for node in html.select("article [data-fact]:not(.fact-sources li)"):
                key = (lang, page, node["data-fact"])
                # As written, without spaces between elements: a card's unit is an element of
                # its own ("4500余" + "人").
                found.setdefault(key, []).append(node.get_text())
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_cited_fact_appears_on_its_page_as_the_data_says(shown: dict, lang: str) -> None:
    checked = 0
    for cite in citations(lang):
        if cite.macro == "figure":
            continue  # a story's card figure: on the story index (story_cards)
        page = page_of_file(cite.page)
        texts = shown.get((lang, page, cite.fact), [])
        expected = expected_texts(cite.fact, cite.macro, lang)
        assert any(all(e in text for e in expected) for text in texts), (
            f"{cite.page} line {cite.line}: {cite.macro}({cite.fact}) should show {expected}, "
            f"shows {texts or 'nothing'}"
        )
        checked += 1
    assert checked >= len(PARK.facts), "the pages cite fewer facts than the data has"


@pytest.mark.parametrize("lang", LANGS)
def test_key_figures_table_lists_every_fact_with_source_and_date(site: Path, lang: str) -> None:
    L = language(lang)
    rows = soup(page_file(site, lang, KEY_FIGURES)).select("table.fact-table tr[data-fact]")
    assert [row["data-fact"] for row in rows] == [
        fid for topic in PARK.topics for fid, f in PARK.facts.items() if f.topic == topic
    ]
    for row in rows:
        fact = PARK.facts[row["data-fact"]]
        cells = row.find_all("td")
        assert cells[0].get_text() == fact.label[lang]
        assert figure_text(PARK, fact, L) in cells[1].get_text(), row
        assert cells[2].get_text() == when_text(fact, L), row
        assert cells[3].a["href"] == PARK.sources[fact.source].url, row


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_figures_carry_source_and_date(site: Path, lang: str, page: str) -> None:
    html = soup(page_file(site, lang, page))
    printed = html.select_one("article.sheet") is not None  # the fact sheet: made for paper
    for node in html.select("span.fact"):
        fact = PARK.facts[node["data-fact"]]
        assert node["data-source"] == fact.source, node
        if printed or node["data-kind"] in ("text", "sentence"):
            # Names, places and sentences (and every figure of a sheet for paper) are plain
            # text with a footnote number: no control, no note.
            assert not node.select("[tabindex], .fact__note") and node.select(".fact__ref"), node
            continue
        figure = node.select_one(".fact__figure[tabindex='0'][aria-describedby]")
        note = html.find(id=figure["aria-describedby"])
        assert note.get_text().startswith(source_note(PARK, fact, language(lang))), node


def test_no_raw_template_syntax_reaches_a_page(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\{\{|\{%|\{#", text), path


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_show_their_value_or_are_left_out(site: Path, lang: str) -> None:
    """A detail nobody has confirmed is left out of the page (every build lists it for
    staff), never shown as "to be provided"; one filled in shows its value."""
    macros = ("placeholder", "details")
    pages = pages_calling(*macros)
    assert pages, "no page shows the contact details"
    for page in pages:
        cited = {
            key
            for path, text in SITE.pages.items()
            if page_of_file(docs_file(path)) == page
            for name, args, _ in macro_calls(text)
            if name in macros
            for key in args
        }
        html = soup(page_file(site, lang, page))
        assert not html.select(".placeholder"), page
        for key in cited:
            entry = PARK.placeholders[key]
            marks = html.select(f'article [data-placeholder="{key}"]')
            if entry.placeholder:
                assert marks == [], marks
            else:
                (mark,) = marks
                assert mark.get_text() == entry.value, mark


@pytest.mark.parametrize("page", PAGES)
def test_each_page_exists_in_every_language_with_its_language(site: Path, page: str) -> None:
    for lang in LANGS:
        assert soup(page_file(site, lang, page)).html["lang"] == language(lang).html


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    for path in site.rglob("*.html"):
        page = soup(path)
        for tag in page.select("script[src], link[rel=stylesheet], img[src], link[rel=preconnect]"):
            url = tag.get("src") or tag.get("href")
            assert not re.match(r"(https?:)?//", url), f"{path}: {url}"


def test_a_page_citing_an_unknown_fact_fails_the_build(tmp_path: Path) -> None:
    # The first fact the first page cites, misspelt by one letter.
    cite = next(c for c in citations(LANGS[0]) if c.macro == "fact")
    typo = cite.fact[:-2] + cite.fact[-1]
    assert typo not in PARK.facts
    project = copy_project(tmp_path / "project")
    page = project / "docs" / cite.page
    page.write_text(
        page.read_text(encoding="utf-8") + f'\n{{{{ fact("{typo}") }}}}\n', encoding="utf-8"
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"docs/{cite.page}" in output
    assert typo in output
    assert cite.fact in output  # the nearest known id


def slug(text: str) -> str:
    """A heading's anchor as the toc's slugify (pymdownx, lower case) makes it."""
    return re.sub(r"\s+", "-", re.sub(r"[^\w\s-]", "", text.lower()).strip())


@pytest.mark.parametrize("lang", LANGS)
def test_headings_get_anchors_of_their_own_words(site: Path, lang: str) -> None:
    """In every language: a Chinese heading keeps its characters in its anchor (never `_1`)."""
    checked = 0
    for path, text in SITE.pages.items():
        src = docs_file(path)
        if SITE.language_of(src).code != lang:
            continue
        written = re.findall(r"^#{2,3} ([^{}\[\]*_`<\n]+?)\s*$", outside_code(text), re.M)
        html = soup(page_file(site, lang, page_of_file(src)))
        ids = {h.get_text().replace("¶", "").strip(): h["id"] for h in html.select("h2, h3")}
        for heading in written:
            assert ids.get(heading) == slug(heading), (src, heading, ids.get(heading))
            checked += 1
    assert checked, f"no heading written in a {lang} page"


def _dates(fact: Fact) -> list:
    return [fact.as_of, *([fact.review_by] if fact.review_by else [])]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_number_in_page_content_is_a_fact_or_a_date(site: Path, lang: str, page: str) -> None:
    """Outside elements that carry data-fact, a page's content shows no figure: only dates."""
    L = language(lang)
    dates = {PARK.last_checked, *(s.date for s in PARK.sources.values())}
    dates |= {d for fact in PARK.facts.values() for d in _dates(fact)}
    article = soup(page_file(site, lang, page)).select_one("article")
    for node in article.select(
        "[data-fact], code, pre, .fact-sources, a[href^=http], time[datetime]"
    ):
        node.decompose()
    text = article.get_text(" ")
    for date in sorted(dates):
        text = text.replace(format_date(date, L), "")
    # When figures were reported is a month ("January 2022", "2022年1月").
    for date in sorted(dates):
        text = text.replace(format_month(date, L), "")
    assert not re.findall(r"\d", text), re.findall(r".{0,20}\d+.{0,10}", text)

"""Every figure traceable, on the built site: notes and page source lists, the Sources page,
the downloads, the amounts in the second currency and their rate, and when each figure last
changed."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest

from parksite.checks.project import check
from parksite.i18n.numbers import format_period
from parksite.model.history import fact_history
from parksite.model.park import Park
from parksite.project import PROJECT, Project
from parksite.render.exports import (
    CSV_NAME,
    EXPORT_DIR,
    EXPORT_SCHEMA_VERSION,
    JSON_NAME,
    fact_rows,
)
from parksite.render.figures import converted_text, rate_text
from parksite.render.sourcespage import STORIES_LISTED
from tests.conftest import copy_project, mkdocs_build
from tests.site.conftest import (
    KEY_FIGURES,
    LANGS,
    LANGUAGES,
    PAGES,
    PARK,
    STORIES,
    STORY_INDEX,
    citations,
    language,
    page_file,
    page_of_file,
    pages_calling,
    soup,
    with_value,
)

SECOND = PARK.site.second_currency
# The page with the table of when each figure last changed (the Sources page).
HISTORY = next(iter(pages_calling("figure_history")), None)
needs_history = pytest.mark.skipif(HISTORY is None, reason="no page calls figure_history()")
SOURCES = pages_calling("sources_index")
needs_sources = pytest.mark.skipif(not SOURCES, reason="no page calls sources_index()")
needs_second_currency = pytest.mark.skipif(
    SECOND is None, reason="this site shows no amount in a second currency"
)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_each_figure_has_a_numbered_entry_in_the_page_source_list(
    site: Path, lang: str, page: str
) -> None:
    html = soup(page_file(site, lang, page))
    figures = html.select("span.fact[data-fact]")
    # Each source once, then its figures, each numbered as the figures' marks.
    listed = {
        int(li["value"]): li["data-fact"]
        for li in html.select("section.fact-sources li[data-fact]")
    }
    assert sorted(listed) == list(range(1, len(listed) + 1))
    assert len(set(listed.values())) == len(listed)
    for node in figures:
        number = int(node.select_one(".fact__ref").get_text())
        assert listed[number] == node["data-fact"], node
    groups = html.select("section.fact-sources .fact-sources__group")
    assert len({g["data-source"] for g in groups}) == len(groups)
    for group in groups:
        assert group.p.a["href"] == PARK.sources[group["data-source"]].url
        for li in group.select("li[data-fact]"):
            assert PARK.facts[li["data-fact"]].source == group["data-source"], li


def shown_on(lang: str, fact_id: str) -> set[str]:
    """The pages of a language whose row for this fact the Sources page links: every page
    showing it, but stories beyond a few through the story index, and the facts table."""
    pages = {
        page_of_file(c.page)
        for c in citations(lang)
        if c.fact == fact_id and c.macro != "facts_table"
    }
    stories = pages & set(STORIES)
    if len(stories) > STORIES_LISTED:
        pages = (pages - stories) | {STORY_INDEX}
    return pages | {KEY_FIGURES}


@needs_sources
@pytest.mark.parametrize("lang", LANGS)
def test_sources_page_lists_each_source_its_facts_and_their_pages(site: Path, lang: str) -> None:
    L = language(lang)
    (sources_page,) = SOURCES
    here = page_file(site, lang, sources_page).parent
    html = soup(here / "index.html")
    for sid, source in PARK.sources.items():
        details = html.select_one(f'dl.source-details[data-source="{sid}"]')
        text = details.get_text(" ")
        assert source.publisher[lang] in text
        assert str(source.date.year) in text
        assert details.a["href"] == source.url
        rows = html.select(f'table.source-facts[data-source="{sid}"] tr[data-fact]')
        expected = [f for f, fact in PARK.facts.items() if sid in (fact.source, *fact.also)]
        assert [row["data-fact"] for row in rows] == expected
        for row in rows:
            targets = set()
            for a in row.select("a"):
                target = (here / a["href"].split("#")[0]).resolve()
                assert (target / "index.html").exists(), a["href"]
                targets.add(target.relative_to(site.resolve() / L.prefix).as_posix() + "/")
            targets = {"" if t == "./" else t for t in targets}
            assert targets == shown_on(lang, row["data-fact"]), row["data-fact"]
            anchor = "#fact-" + row["data-fact"].replace(".", "-")
            assert any(a["href"].endswith(anchor) for a in row.select("a")), row["data-fact"]


def test_downloads_match_the_data(site: Path) -> None:
    data = json.loads((site / EXPORT_DIR / JSON_NAME).read_text(encoding="utf-8"))
    assert data["schema_version"] == EXPORT_SCHEMA_VERSION
    assert [row["id"] for row in data["facts"]] == list(PARK.facts)
    text = (site / EXPORT_DIR / CSV_NAME).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["id"] for row in rows] == list(PARK.facts)
    default = LANGUAGES.default
    for row, jrow in zip(rows, data["facts"], strict=True):
        fact = PARK.facts[row["id"]]
        source = PARK.sources[fact.source]
        for code in LANGS:
            assert row[f"label_{code}"] == jrow[f"label_{code}"] == fact.label[code]
        assert jrow["value"] == fact.value
        assert row["value"] == ("" if fact.value is None else str(fact.value))
        assert row["unit"] == (fact.unit or "") and row["qualifier"] == (fact.qualifier or "")
        assert row["as_of"] == jrow["as_of"] == fact.as_of.isoformat()
        assert row["source_id"] == jrow["source_id"] == fact.source
        assert row["source_title"] == source.title[default.code]
        assert row["source_url"] == source.url
        period = fact.period
        assert jrow["period"] == (
            format_period(period.year, period.start, period.end, default) if period else None
        )
    assert fact_rows(PARK, LANGUAGES) == data["facts"]


@needs_second_currency
def test_downloads_convert_each_amount_at_the_rate(site: Path) -> None:
    data = json.loads((site / EXPORT_DIR / JSON_NAME).read_text(encoding="utf-8"))
    rate = PARK.rate_fact()
    column = f"{PARK.rate_unit().per.lower()}_value"
    assert data["exchange_rate_fact"] == SECOND.rate
    converting = [row for row in data["facts"] if PARK.converts(PARK.facts[row["id"]])]
    assert converting, "no amount is converted"
    for row in data["facts"]:
        if row in converting:
            # Three significant digits: within half a percent of the amount over the rate.
            assert row[column] == pytest.approx(row["value"] / rate.value, rel=0.005), row["id"]
        else:
            assert row[column] is None, row["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_key_figures_link_both_downloads(site: Path, lang: str) -> None:
    page = page_file(site, lang, KEY_FIGURES)
    links = soup(page).select("ul.downloads a[download]")
    assert [a.get_text() for a in links] == [JSON_NAME, CSV_NAME]
    for a in links:
        assert (page.parent / a["href"]).resolve() == (site / EXPORT_DIR / a.get_text()).resolve()


def converted_pattern(park: Park, lang: str) -> re.Pattern[str]:
    """An amount in the second currency as the data says to write it ('US${}': US$943
    million; '{}美元': 9.43亿美元), with or without a word for its magnitude."""
    before, after = park.site.second_currency.written[lang].split("{}")
    return re.compile(re.escape(before) + r"\d[\d.,]*(?:\s?[^\W\d_]+)?" + re.escape(after))


def page_language(html) -> str:
    return next(L.code for L in LANGUAGES if L.html == html.html["lang"])


def converted_figures(site: Path, park: Park) -> dict[str, list[str]]:
    """Every amount in the second currency on every page, in the order the pages show them
    (the sentence stating the rate is not one)."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        html = soup(path)
        lang = page_language(html)
        text = html.get_text(" ").replace(rate_text(park, language(lang)), "")
        found[str(path.relative_to(site))] = converted_pattern(park, lang).findall(text)
    return found


@needs_second_currency
def test_converted_amounts_appear_only_with_the_rate_stated_visibly(site: Path) -> None:
    for page, figures in converted_figures(site, PARK).items():
        if figures:
            html = soup(site / page)
            for note in html.select(".fact__note"):  # seen only when opened
                note.decompose()
            rate = rate_text(PARK, language(page_language(html))).rstrip(".。")
            assert rate in html.get_text(" "), page


@needs_second_currency
def test_changing_the_rate_changes_every_converted_amount(site: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    data = project / "data" / "park.yml"
    new_rate = round(PARK.rate_fact().value * 1.13, 3)
    data.write_text(
        with_value(data.read_text("utf-8"), ("facts", SECOND.rate, "value"), str(new_rate)),
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    changed = check(Project(project)).park
    before, after = converted_figures(site, PARK), converted_figures(tmp_path / "site", changed)
    cited = [c for lang in LANGS for c in citations(lang) if c.macro in ("money", "cards")]
    converting = [c for c in cited if PARK.converts(PARK.facts[c.fact])]
    assert sum(len(v) for v in before.values()) >= len(converting) > 0
    for page, figures in before.items():
        assert len(after[page]) == len(figures), page
        for old, new in zip(figures, after[page], strict=True):
            assert old != new, f"{page}: {old} did not change with the rate"
    for cite in converting:
        L = language(LANGUAGES.of_file(cite.page).code)
        page = page_file(tmp_path / "site", L.code, page_of_file(cite.page))
        assert converted_text(changed, changed.facts[cite.fact], L) in soup(page).get_text(" ")
    exported = json.loads((tmp_path / "site" / EXPORT_DIR / JSON_NAME).read_text("utf-8"))
    assert next(r for r in exported["facts"] if r["id"] == SECOND.rate)["value"] == new_rate
    # A copy without git history says so instead of showing dates.
    if HISTORY is not None:
        history = soup(page_file(tmp_path / "site", LANGS[0], HISTORY))
        table = history.select_one("table.fact-history")
        assert LANGUAGES.default.words["history.not_in_git"] in table.get_text()


@needs_history
@pytest.mark.parametrize("lang", LANGS)
def test_key_figures_show_when_each_fact_last_changed(site: Path, lang: str) -> None:
    rows = soup(page_file(site, lang, HISTORY)).select("table.fact-history tr[data-fact]")
    assert {row["data-fact"] for row in rows} == set(PARK.facts)
    history = fact_history(PROJECT.data_file)
    assert history is not None, "the tests run in a git checkout"
    for row in rows:
        change = history[row["data-fact"]]
        if change.date is not None:
            assert row.time["datetime"] == change.date.isoformat()


def git(folder: Path, *args: str, date: str = "2024-01-02T03:04:05+00:00") -> None:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "PATH": "/usr/bin:/bin",
        "HOME": str(folder),
    }
    subprocess.run(["git", "-C", str(folder), *args], check=True, env=env, capture_output=True)


def test_history_takes_commit_dates_per_fact(tmp_path: Path) -> None:
    data = tmp_path / "data" / "park.yml"
    data.parent.mkdir()
    git(tmp_path, "init", "-q")
    data.write_text("facts:\n  a.x: {value: 1}\n  a.y: {value: 2}\n", encoding="utf-8")
    assert fact_history(data) is None  # not committed yet
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "one", date="2024-01-02T03:04:05+00:00")
    data.write_text("facts:\n  a.x: {value: 1}\n  a.y: {value: 3}\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "two", date="2025-06-07T08:09:10+00:00")
    history = fact_history(data)
    assert str(history["a.x"].date) == "2024-01-02"
    assert str(history["a.y"].date) == "2025-06-07"
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{tmp_path}", str(shallow))
    assert fact_history(shallow / "data" / "park.yml") == {}  # no date rather than a wrong one
    data.write_text("facts:\n  a.x: {value: 9}\n  a.y: {value: 3}\n", encoding="utf-8")
    assert fact_history(data)["a.x"].date is None  # changed, not yet committed

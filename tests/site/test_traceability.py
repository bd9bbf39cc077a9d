"""Every figure traceable, on the built site: notes and page source lists, the Sources page,
the downloads, the dollar figures and their rate, and when each figure last changed."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from parksite.model.history import fact_history
from parksite.model.load import load_park
from parksite.model.park import EXCHANGE_RATE
from parksite.project import DATA_FILE
from parksite.render.exports import EXPORT_SCHEMA_VERSION, fact_rows
from tests.conftest import LANGS, PAGES, copy_project, mkdocs_build, page_file

PARK = load_park(DATA_FILE)
# A dollar figure as each language writes it: "US$943 million", "9.43亿美元".
DOLLARS = re.compile(r"US\$[\d.,]+(?: (?:million|billion|thousand))?|[\d.]+[万亿]?美元(?!兑)")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_each_figure_has_a_numbered_entry_in_the_page_source_list(
    site: Path, lang: str, page: str
) -> None:
    html = soup(page_file(site, lang, page))
    figures = html.select("span.fact[data-fact]")
    listed = [li["data-fact"] for li in html.select("section.fact-sources li[data-fact]")]
    assert len(listed) == len(set(listed))
    for node in figures:
        number = int(node.select_one(".fact__ref").get_text())
        assert listed[number - 1] == node["data-fact"], node
    for li in html.select("section.fact-sources li"):
        assert li.a["href"] == PARK.sources[PARK.facts[li["data-fact"]].source].url


@pytest.mark.parametrize("lang", LANGS)
def test_sources_page_lists_each_source_its_facts_and_their_pages(site: Path, lang: str) -> None:
    html = soup(page_file(site, lang, "sources/"))
    for sid, source in PARK.sources.items():
        details = html.select_one(f'dl.source-details[data-source="{sid}"]')
        text = details.get_text(" ")
        assert source.publisher[lang] in text
        assert str(source.date.year) in text
        assert details.a["href"] == source.url
        rows = html.select(f'table.source-facts[data-source="{sid}"] tr[data-fact]')
        expected = {f for f, fact in PARK.facts.items() if sid in (fact.source, *fact.also)}
        assert {row["data-fact"] for row in rows} == expected
    source = PARK.facts["patents.national"].source
    patents = html.select_one(
        f'table.source-facts[data-source="{source}"] tr[data-fact="patents.national"]'
    )
    hrefs = [a["href"] for a in patents.select("a")]
    assert "../services/" in hrefs
    assert "../key-figures/#fact-patents-national" in hrefs
    for href in hrefs:
        target = (page_file(site, lang, "sources/").parent / href.split("#")[0]).resolve()
        assert (target / "index.html").exists(), href


def test_downloads_match_the_data(site: Path) -> None:
    data = json.loads((site / "data" / "facts.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == EXPORT_SCHEMA_VERSION
    assert [row["id"] for row in data["facts"]] == list(PARK.facts)
    text = (site / "data" / "facts.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["id"] for row in rows] == list(PARK.facts)
    for row, jrow in zip(rows, data["facts"], strict=True):
        fact = PARK.facts[row["id"]]
        source = PARK.sources[fact.source]
        assert (row["label_en"], row["label_zh"]) == (fact.label.en, fact.label.zh)
        assert jrow["value"] == fact.value
        assert row["value"] == ("" if fact.value is None else str(fact.value))
        assert row["unit"] == (fact.unit or "") and row["qualifier"] == (fact.qualifier or "")
        assert row["as_of"] == jrow["as_of"] == fact.as_of.isoformat()
        assert row["source_id"] == jrow["source_id"] == fact.source
        assert row["source_title"] == source.title.en and row["source_url"] == source.url
    revenue = next(r for r in data["facts"] if r["id"] == "revenue.total")
    assert revenue["usd_value"] == 943_000_000
    assert revenue["period"] == "since 2015"
    assert fact_rows(PARK) == data["facts"]


@pytest.mark.parametrize("lang", LANGS)
def test_key_figures_link_both_downloads(site: Path, lang: str) -> None:
    page = page_file(site, lang, "key-figures/")
    links = soup(page).select("ul.downloads a[download]")
    assert [a.get_text() for a in links] == ["facts.json", "facts.csv"]
    for a in links:
        assert (page.parent / a["href"]).resolve() == (site / "data" / a.get_text()).resolve()


def dollar_figures(site: Path) -> dict[str, list[str]]:
    """Every dollar figure of every page, in the order the pages show them."""
    return {
        str(path.relative_to(site)): DOLLARS.findall(soup(path).get_text(" "))
        for path in sorted(site.rglob("*.html"))
    }


def test_dollars_appear_only_with_the_rate_stated_visibly(site: Path) -> None:
    for page, figures in dollar_figures(site).items():
        if figures:
            html = soup(site / page)
            for note in html.select(".fact__note"):  # seen only when opened
                note.decompose()
            text = html.get_text(" ")
            assert "6.361 yuan per US dollar" in text or "1美元兑6.361元人民币" in text, page


def test_changing_the_rate_changes_every_dollar_figure(site: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    data = project / "data" / "park.yml"
    text = data.read_text(encoding="utf-8")
    assert "    value: 6.361\n" in text
    data.write_text(text.replace("    value: 6.361\n", "    value: 7.2\n"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    before, after = dollar_figures(site), dollar_figures(tmp_path / "site")
    assert sum(len(v) for v in before.values()) >= 10
    for page, figures in before.items():
        assert len(after[page]) == len(figures), page
        for old, new in zip(figures, after[page], strict=True):
            assert old != new, f"{page}: {old} did not change with the rate"
    assert "US$833 million" in " ".join(after["index.html"])  # 6 billion yuan / 7.2
    exported = json.loads((tmp_path / "site" / "data" / "facts.json").read_text("utf-8"))
    assert next(r for r in exported["facts"] if r["id"] == EXCHANGE_RATE)["value"] == 7.2
    # A copy without git history says so instead of showing dates.
    history = soup(page_file(tmp_path / "site", "en", "key-figures/")).select("table.fact-history")
    assert "not in git" in history[0].get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_key_figures_show_when_each_fact_last_changed(site: Path, lang: str) -> None:
    rows = soup(page_file(site, lang, "key-figures/")).select("table.fact-history tr[data-fact]")
    assert {row["data-fact"] for row in rows} == set(PARK.facts)
    history = fact_history(DATA_FILE)
    assert history is not None
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

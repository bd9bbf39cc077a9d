"""What a reader gets: the built HTML of both languages, from one strict build per session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from parksite.model.load import load_park
from parksite.model.park import EXCHANGE_RATE
from parksite.render.figures import figure_text
from tests.conftest import LANGS, PAGES, copy_project, mkdocs_build, page_file

PARK = load_park()
# Every fact the foundation issue lists, as it must read on an English and a Chinese page
# while the data says what it said then (written_for); a figure staff have since changed
# reads as the engine writes it (figure_text, whose rules tests/test_numbers.py holds).
WRITTEN_FOR = {
    "park.opened": 2015,
    "employment.total": 4500,
    "revenue.total": 6000000000,
    "enterprises.incubated": 287,
    "revenue.2021": 1560000000,
    "universities.linked": 10,
    "talents.introduced": 216,
    "projects.incubated": 50,
    "problems.solved": 100,
    "achievements.total": 50,
    "patents.national": 713,
    "cooperation.park_enterprises": 110,
    "cooperation.outside_enterprises": 200,
    "cooperation.teams": 100,
    "ruifei.export_countries": 47,
    "plans.research_investment": 20000000,
    "plans.incubation_funds": 30000000,
    "platform.lab_area": 2000,
    "enterprises.technology": 140,
    "district.incubated": 287,
}
SPEC = {
    "park.opened": ("2015", "2015年"),
    "employment.total": ("over 4,500 people", "4500余人"),
    "revenue.total": ("more than 6 billion yuan", "60余亿元"),
    "enterprises.incubated": ("287 enterprises", "287家企业"),
    "revenue.2021": ("a record 1.56 billion yuan", "创纪录的15.6亿元"),
    "universities.linked": ("10 colleges and universities", "10所高校"),
    "talents.introduced": ("216 talents", "216名人才"),
    "projects.incubated": ("50 projects", "50个项目"),
    "problems.solved": ("more than 100 key technical problems", "100余项关键技术难题"),
    "achievements.total": ("over 50 scientific and technological achievements", "50余项科技成果"),
    "patents.national": ("713 national patents", "713项国家专利"),
    "cooperation.park_enterprises": ("110 enterprises", "110家企业"),
    "cooperation.outside_enterprises": ("200 enterprises", "200家企业"),
    "cooperation.teams": ("over 100 professional teams", "100余个专业团队"),
    "ruifei.export_countries": ("47 countries and regions", "47个国家和地区"),
    "plans.research_investment": ("20 million yuan", "2000万元"),
    "plans.incubation_funds": ("30 million yuan", "3000万元"),
    "plans.equipment_transfer": ("high-end equipment manufacturing", "高端装备制造业转移"),
    "park.designation": (
        "national entrepreneurial innovation demonstration base",
        "国家级创业创新示范基地",
    ),
    "park.focus": ("high-end medical equipment", "高端医疗装备"),
    "park.chairman": ("Ni Ribei", "倪日北"),
    "park.management": ("Taiyuan Intelligent Industrial Park Management Co",) * 2,
    "platform.shared_research": (
        "Taiyuan's first shared scientific research platform",
        "太原市首个科研共享平台",
    ),
    "park.services": ("investment and financing support", "投融资支持"),
    "park.platforms": ("achievement transformation", "成果转化"),
    "platform.lab_area": ("2,000 m²", "2000平方米"),
    "enterprises.technology": ("more than 140 technology enterprises", "140余家科技型企业"),
    "platform.partners": ("North University of China", "中北大学"),
    "district.incubated": ("287 companies", "287家企业"),
}


def expected(fact_id: str) -> tuple[str, ...]:
    """How the fact reads in each language: the issue's text, or the engine's for a figure
    that has changed since."""
    fact = PARK.facts[fact_id]
    if fact_id in WRITTEN_FOR and fact.value != WRITTEN_FOR[fact_id]:
        return tuple(figure_text(PARK, fact, lang) for lang in LANGS)
    return SPEC[fact_id]


EXPECTED = {fact_id: expected(fact_id) for fact_id in SPEC if fact_id in PARK.facts}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def figures(site: Path) -> dict[str, dict[str, set[str]]]:
    """For each language, each fact id and the texts it is shown as on the content pages."""
    found: dict[str, dict[str, set[str]]] = {lang: {} for lang in LANGS}
    for lang in LANGS:
        for page in PAGES:
            if page == "key-figures/":
                continue
            for node in soup(page_file(site, lang, page)).select(
                "span.fact[data-fact], div.fact-list[data-fact]"
            ):
                found[lang].setdefault(node["data-fact"], set()).add(node.get_text(" ", strip=True))
    return found


@pytest.mark.parametrize("fact_id", sorted(EXPECTED))
@pytest.mark.parametrize("lang", LANGS)
def test_every_fact_appears_formatted_on_a_page(figures: dict, fact_id: str, lang: str) -> None:
    expected = EXPECTED[fact_id][LANGS.index(lang)]
    shown = figures[lang].get(fact_id, set())
    assert any(expected in text for text in shown), f"{fact_id} in {lang}: {shown or 'on no page'}"


@pytest.mark.parametrize("lang", LANGS)
def test_key_figures_table_lists_every_fact_with_source_and_date(site: Path, lang: str) -> None:
    from parksite.model.load import load_park

    rows = soup(page_file(site, lang, "key-figures/")).select("table.fact-table tr[data-fact]")
    assert {row["data-fact"] for row in rows} == set(load_park().facts)
    for row in rows:
        cells = row.find_all("td")
        assert cells[3].a["href"].startswith("http"), row
        assert re.search(r"(as of|截至).*20\d\d", cells[2].get_text()), row


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_figures_carry_source_and_date(site: Path, lang: str, page: str) -> None:
    html = soup(page_file(site, lang, page))
    for node in html.select("span.fact"):
        assert node["data-source"], node
        if node["data-kind"] in ("text", "sentence"):
            # Names, places and sentences are plain text: no control, no note.
            assert not node.select("[tabindex], .fact__note"), node
            continue
        figure = node.select_one(".fact__figure[tabindex='0'][aria-describedby]")
        note = html.find(id=figure["aria-describedby"])
        assert re.search(r"(Source|来源).*20\d\d", note.get_text()), node


def test_no_dollar_figure_says_billion_for_943(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = soup(path).get_text(" ")
        assert not re.search(r"943(\.\d+)?\s*billion", text), path
        assert "$943.25" not in text, path


def test_dollars_are_shown_where_money_is(site: Path) -> None:
    home = {lang: soup(page_file(site, lang, "")).get_text(" ") for lang in LANGS}
    total = PARK.facts["revenue.total"]
    rate = PARK.facts[EXCHANGE_RATE].value
    # "More than 6 billion yuan" converts to more than, not about, 943 million dollars.
    if (total.value, rate, total.qualifier) == (6000000000, 6.361, "more_than"):
        assert "more than US$943 million" in home["en"]
        assert "折合逾9.43亿美元" in home["zh"]
    assert re.search(r"(about|more than|over) US\$[\d.,]+ (million|billion)", home["en"])
    assert re.search(r"(约合|折合逾)[\d.]+[万亿]?美元", home["zh"])


def test_no_raw_template_syntax_reaches_a_page(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\{\{|\{%|\{#", text), path


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_are_visible_as_such(site: Path, lang: str) -> None:
    page = soup(page_file(site, lang, "contact/"))
    assert not page.select(".placeholder")  # nothing is shown as "to be provided"
    shown = {m["data-placeholder"] for m in page.select("[data-placeholder]")}
    for key in ("contact.address", "contact.phone", "contact.email"):
        entry = PARK.placeholders[key]
        if entry.placeholder:  # not confirmed: left out of the page, listed by the build
            assert key not in shown
        else:  # filled in: its value shows
            assert key in shown and str(entry.value) in page.get_text()


@pytest.mark.parametrize("page", PAGES)
def test_each_page_exists_in_both_languages_with_its_language(site: Path, page: str) -> None:
    assert soup(page_file(site, "en", page)).html["lang"] == "en"
    assert soup(page_file(site, "zh", page)).html["lang"].startswith("zh")


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    for path in site.rglob("*.html"):
        page = soup(path)
        for tag in page.select("script[src], link[rel=stylesheet], img[src], link[rel=preconnect]"):
            url = tag.get("src") or tag.get("href")
            assert not re.match(r"(https?:)?//", url), f"{path}: {url}"


def test_a_page_citing_an_unknown_fact_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n{{ fact("patents.natonal") }}\n', encoding="utf-8"
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/about.md" in output
    assert "patents.natonal" in output
    assert "patents.national" in output


@pytest.mark.parametrize(("lang", "written"), [("en", "{year}"), ("zh", "{year}年")])
def test_period_shows_the_year_a_figure_covers(site: Path, lang: str, written: str) -> None:
    spans = soup(page_file(site, lang, "about/")).select(
        'span.fact[data-kind="period"][data-fact="revenue.2021"] .fact__figure'
    )
    year = PARK.facts["revenue.2021"].period.year
    assert [s.find(string=True) for s in spans] == [written.format(year=year)]


def test_chinese_headings_get_readable_anchors(site: Path) -> None:
    ids = [h["id"] for h in soup(page_file(site, "zh", "key-figures/")).select("h2[id]")]
    assert "按主题分类的全部数据" in ids, ids


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_number_in_page_content_is_a_fact_or_a_date(site: Path, lang: str, page: str) -> None:
    """Outside elements that carry data-fact, a page's content shows no figure: only dates."""
    article = soup(page_file(site, lang, page)).select_one("article")
    for node in article.select("[data-fact], code, pre, .fact-sources, a[href^=http]"):
        node.decompose()
    text = article.get_text(" ")
    text = re.sub(
        r"\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}",
        "",
        text,
    )
    text = re.sub(r"\d{4}年\d{1,2}月\d{1,2}日", "", text)
    # A month is a date too ("reported in January 2022", "2022年1月").
    text = re.sub(
        r"(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}",
        "",
        text,
    )
    text = re.sub(r"\d{4}年\d{1,2}月", "", text)
    assert not re.findall(r"\d", text), re.findall(r".{20}\d+.{10}", text)

"""What a reader gets: the built HTML of both languages, from one strict build per session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import LANGS, PAGES, copy_project, mkdocs_build, page_file

# Every fact the foundation issue lists, as it must read on an English and a Chinese page.
EXPECTED = {
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
    # "More than 6 billion yuan" converts to more than, not about, 943 million dollars.
    assert "more than US$943 million" in soup(page_file(site, "en", "")).get_text(" ")
    assert "折合逾9.43亿美元" in soup(page_file(site, "zh", "")).get_text(" ")


def test_no_raw_template_syntax_reaches_a_page(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\{\{|\{%|\{#", text), path


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_are_visible_as_such(site: Path, lang: str) -> None:
    """Details nobody has confirmed are left out of the page (the build lists them for staff);
    those filled in are shown."""
    from parksite.project import DATA_FILE

    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["placeholders"]
    html = soup(page_file(site, lang, "contact/"))
    shown = {node["data-placeholder"] for node in html.select("[data-placeholder]")}
    for key in ("contact.address", "contact.phone", "contact.email"):
        assert (key in shown) is (not data[key].get("placeholder", False)), key
    assert not html.select(".placeholder")
    assert "To be provided" not in html.get_text() and "待补充" not in html.get_text()


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


@pytest.mark.parametrize(("lang", "expected"), [("en", "2021"), ("zh", "2021年")])
def test_period_shows_the_year_a_figure_covers(site: Path, lang: str, expected: str) -> None:
    spans = soup(page_file(site, lang, "about/")).select(
        'span.fact[data-kind="period"][data-fact="revenue.2021"] .fact__figure'
    )
    assert [s.find(string=True) for s in spans] == [expected]


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
    # A month is a date too ("reported in January 2022", "2022年1月"), as is a year span.
    text = re.sub(
        r"(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}",
        "",
        text,
    )
    text = re.sub(r"\d{4}年\d{1,2}月", "", text)
    assert not re.findall(r"\d", text), re.findall(r".{20}\d+.{10}", text)

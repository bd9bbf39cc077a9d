"""The investor's way in, on the built site: the landing page (full width, made from the data,
with calls to action), a menu of pages named by their titles with Sources in the footer, the
fact sheet as a one-page PDF per language, honest dates and quiet provenance, and nothing
meant for editors. Expectations come from data/park.yml, the pages' sources and the build's
own date, so a staff edit never breaks them."""

from __future__ import annotations

import datetime as dt
import re
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from parksite.content.citations import macro_calls
from parksite.i18n.languages import i18n_languages
from parksite.mkdocs.reproducible import source_date_epoch
from parksite.model.review import overdue, period_end
from parksite.project import PROJECT
from parksite.tools.weight import BUDGET, first_visit
from tests.site.conftest import (
    HOME,
    KEY_FIGURES,
    LANGS,
    LANGUAGES,
    PAGES,
    PARK,
    SHEET,
    SITE,
    STORIES,
    language,
    page_file,
    pages_calling,
    soup,
    url_of,
)

needs_sheet = pytest.mark.skipif(SHEET is None, reason="this site has no fact sheet page")
# The Sources page (linked from every footer) and the contact page (showing the details).
SOURCES = next(iter(pages_calling("sources_index")), None)
CONTACT = next(iter(pages_calling("details", "placeholder")), None)
needs_sources = pytest.mark.skipif(SOURCES is None, reason="no page calls sources_index()")
# Chinese, Japanese and Korean characters, which a PDF sets in a font that has them.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def pdf_objects(data: bytes) -> bytes:
    """A PDF's objects as text, its compressed streams (object streams too) unpacked."""
    unpacked = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            unpacked.append(zlib.decompress(stream))
        except zlib.error:
            continue  # a font or an image, not objects
    return b"\n".join(unpacked)


def built_on() -> dt.date:
    """The build's date: the commit's, as the build takes it (SOURCE_DATE_EPOCH)."""
    return dt.datetime.fromtimestamp(int(source_date_epoch()), dt.UTC).date()


def site_name(lang: str) -> str:
    """The site's name in a language: mkdocs.yml's, or the i18n plugin's for that language."""
    entry = next(e for e in i18n_languages(PROJECT.config) if e.get("locale") == lang)
    return entry.get("site_name") or PROJECT.config["site_name"]


def home_source(lang: str) -> str:
    home = LANGUAGES.file_in("index.md", LANGUAGES[lang])
    return SITE.pages[SITE.docs_dir / home]


def target(site: Path, page: Path, href: str) -> Path:
    """The file a relative link of a built page leads to."""
    path = (page.parent / href.split("#")[0]).resolve()
    return path / "index.html" if path.is_dir() else path


# --- The landing page ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_landing_page_is_full_width_and_opens_with_the_park(site: Path, lang: str) -> None:
    html = soup(page_file(site, lang, HOME))
    for sidebar in html.select(".md-sidebar"):
        assert sidebar.has_attr("hidden"), sidebar.get("class")
    opening = html.select_one(".landing .landing-band--opening")
    assert opening.h1.get_text(strip=True) == site_name(lang)
    assert len(html.select("h1")) == 1
    assert opening.select_one("p.dateline")
    assert len(html.select(".landing section.landing-band")) >= 3


@pytest.mark.parametrize("lang", LANGS)
def test_the_landing_page_is_built_from_the_data(site: Path, lang: str) -> None:
    html = soup(page_file(site, lang, HOME))
    calls = macro_calls(home_source(lang))
    cards = [arg for name, args, _ in calls if name == "cards" for arg in args]
    assert cards, "the landing page shows key-figure cards"
    assert [c["data-fact"] for c in html.select(".fact-card")] == cards
    for name, args, _ in calls:
        if name == "fact":
            assert html.select(f'[data-fact="{args[0]}"]'), args[0]
    assert html.select("a.story-card")


@pytest.mark.parametrize("lang", LANGS)
def test_the_landing_page_calls_to_contact_and_to_the_fact_sheet(site: Path, lang: str) -> None:
    page = page_file(site, lang, HOME)
    buttons = soup(page).select(".landing-band--opening .park-actions a.park-button")
    assert len(buttons) >= 2
    for button in buttons:
        assert target(site, page, button["href"]).is_file(), button["href"]
    assert any(b["href"].endswith(".pdf") for b in buttons)


# --- The menu and the footer -----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_menu_label_is_its_pages_title(site: Path, lang: str) -> None:
    page = page_file(site, lang, KEY_FIGURES)
    tabs = soup(page).select(".md-tabs__list a.md-tabs__link")
    assert tabs
    for tab in tabs:
        title = soup(target(site, page, tab["href"])).title.get_text()
        assert title == f"{tab.get_text(strip=True)} - {site_name(lang)}", tab["href"]


@needs_sources
@pytest.mark.parametrize("lang", LANGS)
def test_sources_are_in_every_footer_not_in_the_menu(site: Path, lang: str) -> None:
    sources = page_file(site, lang, SOURCES).resolve()
    for name in (page for page in PAGES if page != SHEET):
        page = page_file(site, lang, name)
        html = soup(page)
        tabs = {target(site, page, a["href"]) for a in html.select(".md-tabs a")}
        footer = {target(site, page, a["href"]) for a in html.select("footer .park-footer a")}
        assert sources not in tabs and sources in footer, name


# --- The fact sheet --------------------------------------------------------------------------


@needs_sheet
@pytest.mark.parametrize("lang", LANGS)
def test_the_fact_sheet_is_one_a4_page_per_language(site: Path, lang: str) -> None:
    sheet = page_file(site, lang, SHEET)
    [pdf] = sheet.parent.glob("*.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    objects = pdf_objects(data)
    assert len(re.findall(rb"/Type\s*/Page\b", objects)) == 1
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+", objects), "A4 portrait"
    if CJK.search(soup(sheet).get_text()):  # set in a font that has it, not as empty boxes
        assert b"CJK" in objects
    # Linked from the landing page, Key figures and the contact page (and every footer).
    for name in (HOME, KEY_FIGURES, *([CONTACT] if CONTACT else [])):
        page = page_file(site, lang, name)
        links = {target(site, page, a["href"]) for a in soup(page).select("a[href$='.pdf']")}
        assert pdf.resolve() in links, name


@needs_sheet
def test_the_fact_sheet_pdf_is_named_for_its_language(site: Path) -> None:
    for lang in LANGS:
        [pdf] = page_file(site, lang, SHEET).parent.glob("*.pdf")
        assert pdf.name.endswith(f"-{lang}.pdf")


# --- Dates -----------------------------------------------------------------------------------


def shown_facts(html: BeautifulSoup) -> set[str]:
    article = html.select_one("article, main")
    return {node["data-fact"] for node in article.select("[data-fact]")} & set(PARK.facts)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_when_its_figures_were_reported(site: Path, lang: str, page: str) -> None:
    html = soup(page_file(site, lang, page))
    facts = shown_facts(html)
    dateline = html.select_one("p.dateline")
    if not facts or page == SOURCES:
        return
    assert dateline is not None, page
    text = dateline.get_text()
    for fact_id in facts:
        assert str(PARK.sources[PARK.facts[fact_id].source].date.year) in text, fact_id
    told = any(overdue(PARK, fact_id, built_on()) for fact_id in facts)
    assert told is (language(lang).words["dateline.changed"] in text), text


@pytest.mark.parametrize("lang", LANGS)
def test_the_footer_tells_when_figures_were_reported_from_when_they_were_checked(
    site: Path, lang: str
) -> None:
    footer = soup(page_file(site, lang, HOME)).select_one("footer .park-footer")
    reported = footer.select_one(".park-footer__reported").get_text()
    years = {PARK.sources[fact.source].date.year for fact in PARK.facts.values()}
    assert str(min(years)) in reported and str(max(years)) in reported
    checked = footer.select_one(".park-footer__checked")
    assert checked["data-last-checked"] == PARK.last_checked.isoformat()
    assert str(PARK.last_checked.year) in checked.get_text()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_plans_read_as_ended_once_their_period_is_over(site: Path, lang: str, page: str) -> None:
    for status in soup(page_file(site, lang, page)).select(".plan-status[data-fact]"):
        end = period_end(PARK.facts[status["data-fact"]])
        key = "plan.status_ended" if built_on().year > end else "plan.status_open"
        assert language(lang).words.format(key, end=end) in status.get_text(), status


# --- Quiet provenance ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_cards_and_source_lists_name_each_source_once(site: Path, lang: str, page: str) -> None:
    html = soup(page_file(site, lang, page))
    assert not html.select(".fact-card__source")
    for group in html.select(".fact-card-groups"):
        sources = [p["data-source"] for p in group.select(".fact-cards__source")]
        assert len(sources) == len(set(sources))
        for grid, note in zip(
            group.select(".fact-cards"), group.select(".fact-cards__source"), strict=True
        ):
            assert {c["data-source"] for c in grid.select(".fact-card")} == {note["data-source"]}
    groups = [g["data-source"] for g in html.select(".fact-sources__group")]
    assert len(groups) == len(set(groups))
    numbers = {int(li["value"]): li["data-fact"] for li in html.select(".fact-sources li[value]")}
    for node in html.select("span.fact[data-fact]"):
        ref = node.select_one(".fact__ref")
        if ref is not None:
            assert numbers[int(ref.get_text())] == node["data-fact"], node


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_public_pages_hold_nothing_for_editors(site: Path, lang: str, page: str) -> None:
    article = soup(page_file(site, lang, page)).select_one("article, main")
    for node in article.select("code, pre"):
        node.decompose()
    text = article.get_text(" ")
    for word in ("docs/", "data/park.yml", "schema", "placeholder", "To be provided", "待补充"):
        assert word not in text, (page, word)
    if language(lang).words["full_stop"] != ".":  # a full-width full stop, full-width brackets
        assert not re.search(r"[\u4e00-\u9fff][()\[\]]|[()\[\]][\u4e00-\u9fff]", text), page


# --- In the browser --------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_pages_fit_a_360_px_phone_without_scrolling_sideways(browser, server, lang) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    for page in (HOME, KEY_FIGURES, *STORIES[:1], *(p for p in (CONTACT, SHEET) if p)):
        tab.goto(server + url_of(lang, page), wait_until="load")
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{lang}/{page} is {width} px wide"
    context.close()


@needs_sheet
@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_fact_sheet_view_is_accessible_and_light(browser, server, lang) -> None:
    from tests.site.test_accessibility import AXE, AXE_TAGS

    url = server + url_of(lang, SHEET)
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        tab = context.new_page()
        tab.goto(url, wait_until="load")
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        found = [f"{v['id']}: {v['help']}" for v in result["violations"]]
        assert found == [], found
        context.close()
    sizes = first_visit(browser, url)
    assert sum(sizes.values()) <= BUDGET


@needs_sheet
@pytest.mark.parametrize("lang", LANGS)
def test_the_fact_sheet_page_loads_its_own_style_and_no_script(site: Path, lang: str) -> None:
    html = soup(page_file(site, lang, SHEET))
    sheets = [link["href"] for link in html.select('link[rel="stylesheet"]')]
    assert len(sheets) == 1 and sheets[0].endswith("assets/fact-sheet.css"), sheets
    assert not html.select("script[src]")
    assert html.select_one("main article.sheet h1")


# The contrast of a button's words with what is behind them (WCAG's relative luminance), as
# the browser computes its colours: axe leaves some backgrounds to a person to review.
CONTRAST = """() => [...document.querySelectorAll('a.park-button')].map(a => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => v / 255).map(
      v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let node = a, bg = null;
  while (node && !bg) { const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length < 4 || c[3] > 0) bg = c; node = node.parentElement; }
  const [l1, l2] = [lum(rgb(getComputedStyle(a).color)), lum(bg || [255, 255, 255])];
  return [a.textContent, (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)]; })"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_every_button_reads_against_its_background(browser, server, lang: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    for page in pages_calling("fact_sheet"):
        tab.goto(server + url_of(lang, page), wait_until="load")
        found = tab.evaluate(CONTRAST)
        assert found, page
        assert all(ratio >= 4.5 for _, ratio in found), (page, found)
    context.close()

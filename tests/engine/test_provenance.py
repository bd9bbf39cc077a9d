"""Provenance there when asked for and quiet otherwise: figures open a note, names and texts are
plain; cards and the page's list of sources name each source once; converted amounts keep
their qualifier; derived figures, our translations and other reports' wordings are told;
unconfirmed details are left out. And the landing page's bands."""

from __future__ import annotations

from bs4 import BeautifulSoup

from parksite.content.pages import with_intro_block
from parksite.model.load import parse_park
from parksite.render.figures import (
    cards_html,
    converted_text,
    details_html,
    fact_html,
    figure_text,
    footnotes_html,
    placeholder_html,
    story_cards_html,
)
from parksite.render.footnotes import PageNotes
from parksite.render.landing import bands
from tests.engine.conftest import EN, TODAY, ZH
from tests.engine.test_dates import MORE

# The rate worked out from a conversion; a name only the evening paper gives in Chinese; a
# title the site translated into Chinese itself.
DATA_TEXT = (
    MORE.replace(
        "    unit: yuan_per_usd\n",
        "    unit: yuan_per_usd\n    qualifier: about\n    derived: true\n",
    )
    .replace(
        "    text: {en: The park, zh: 园区}\n",
        "    text: {en: The park, zh: 园区}\n    also: [evening-2021]\n"
        "    wording: {zh: evening-2021}\n",
    )
    .replace(
        "placeholders:\n",
        """  park.title:
    topic: growth
    label: {en: Title, zh: 称号}
    text: {en: demonstration base, zh: 示范基地}
    own_translation: [zh]
    as_of: 2022-01-30
    source: daily-2022
placeholders:
  contact.phone:
    label: {en: Telephone, zh: 电话}
    value: "+86 351 000 0000"
""",
        1,
    )
    .replace("revenue.total:\n", "revenue.total:\n    qualifier: more_than\n", 1)
)
PARK = parse_park(DATA_TEXT, "data/park.yml", ("en", "zh"), today=TODAY)


def soup(html: object) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


def test_figures_open_a_note_and_names_are_plain_text() -> None:
    notes = PageNotes()
    figure = soup(fact_html(PARK, "patents.national", EN, "p", notes)).select_one(".fact")
    assert figure["data-kind"] == "number"
    assert figure.select_one(".fact__figure[role=button][tabindex='0'][aria-describedby]")
    name = soup(fact_html(PARK, "park.name", EN, "p", notes)).select_one(".fact")
    assert name["data-kind"] == "text" and name["data-fact"] == "park.name"
    assert not name.select("[tabindex], [role], .fact__note")
    assert name.select_one("sup.fact__ref").get_text() == "2"  # its footnote, for print


def test_a_page_made_for_print_shows_figures_as_text_with_their_numbers() -> None:
    notes = PageNotes(plain=True)
    html = soup(fact_html(PARK, "patents.national", EN, "p", notes))
    assert not html.select("[tabindex], .fact__note")
    assert html.get_text() == figure_text(PARK, PARK.facts["patents.national"], EN) + "1"


def test_converted_amounts_keep_more_than_and_say_about_otherwise() -> None:
    total, year = PARK.facts["revenue.total"], PARK.facts["revenue.2021"]
    assert converted_text(PARK, total, EN) == "more than US$943 million"
    assert converted_text(PARK, total, ZH) == "折合逾9.43亿美元"
    assert converted_text(PARK, year, EN) == "about US$245 million"


def test_our_translation_is_marked_as_ours_in_that_language_only() -> None:
    fact = PARK.facts["park.title"]
    assert figure_text(PARK, fact, ZH) == "示范基地（本站译名）"
    assert figure_text(PARK, fact, EN) == "demonstration base"


def test_cards_show_units_and_name_their_source_once_per_source() -> None:
    notes = PageNotes()
    html = soup(cards_html(PARK, ("patents.national", "revenue.total", "lab.area"), ZH, "p", notes))
    groups = html.select(".fact-cards")
    assert [len(g.select(".fact-card")) for g in groups] == [2, 1]
    assert [n.get_text() for n in html.select(".fact-cards__source")] == [
        "来源：日报，2022年1月30日",
        "来源：晚报，2021年11月3日",
    ]
    value = html.select_one('[data-fact="patents.national"] .fact-card__value')
    unit = PARK.units["patents"]["zh"]
    assert (
        value.get_text() == f"713{unit}" and value.select_one(".fact-card__unit").get_text() == unit
    )
    assert list(notes.shown) == ["patents.national", "revenue.total", "lab.area"]
    assert notes.facts == []  # cards carry no footnote numbers


def test_the_rate_is_listed_as_worked_out_from_its_report() -> None:
    table = soup(footnotes_html(PARK, _cited("exchange_rate.yuan_per_usd"), EN))
    assert "Exchange rate (worked out from this report)" in table.get_text(" ")


def _cited(*ids: str) -> PageNotes:
    notes = PageNotes()
    for fact_id in ids:
        notes.cite(fact_id)
    return notes


def test_the_list_of_sources_names_each_source_once_with_its_numbered_figures() -> None:
    notes = _cited("patents.national", "lab.area", "revenue.2021", "park.name")
    html = soup(footnotes_html(PARK, notes, ZH))
    groups = html.select(".fact-sources__group")
    assert [g["data-source"] for g in groups] == ["daily-2022", "evening-2021"]
    assert [(li["value"], li["data-fact"]) for li in groups[0].select("li")] == [
        ("1", "patents.national"),
        ("3", "revenue.2021"),
        ("4", "park.name"),
    ]
    assert groups[0].p.a["href"] == "http://example.com/report"
    # The Chinese form of the name is credited to the paper that gives it.
    assert "名称（中文写法据晚报，2021年11月3日）" in groups[0].get_text(" ")
    # A label naming its year is not followed by the year again.
    assert "2021年营业收入" in groups[0].get_text() and "（2021年）" not in groups[0].get_text()
    english = soup(footnotes_html(PARK, notes, EN)).get_text(" ")
    assert "Chinese form" not in english


def test_story_cards_credit_a_shared_source_once() -> None:
    from parksite.content.stories import Story

    stories = tuple(
        Story(slug, slug, "summary", figure, n)
        for n, (slug, figure) in enumerate([("a", "patents.national"), ("b", "revenue.total")])
    )
    html = soup(story_cards_html(PARK, stories, EN, "stories", "", limit=1))
    assert len(html.select("a.story-card")) == 1 and not html.select(".story-pager")
    assert html.select_one(".fact-cards__source").get_text() == "Source: Daily, 30 January 2022"
    assert not html.select(".story-card__source")


def test_unconfirmed_details_are_left_out_and_filled_ones_shown() -> None:
    assert str(placeholder_html(PARK, "contact.email", EN)) == ""
    assert soup(placeholder_html(PARK, "contact.phone", EN)).get_text() == "+86 351 000 0000"
    details = soup(details_html(PARK, ("contact.email", "contact.phone"), ZH))
    assert [dt.get_text() for dt in details.select("dt")] == ["电话"]
    assert details.select_one("dd a")["href"] == "tel:+863510000000"
    assert str(details_html(PARK, ("contact.email",), EN)) == ""


def test_the_dateline_goes_at_the_end_of_the_introduction() -> None:
    block = '<p class="dateline">x</p>'
    page = "# Title\n\nIntro.\n\n## First\n\nText.\n"
    assert with_intro_block(page, block).index(block) < with_intro_block(page, block).index(
        "## First"
    )
    assert with_intro_block(page, block).index("Intro.") < with_intro_block(page, block).index(
        block
    )
    code = "# Title\n\n```\n## not a heading\n```\n"
    assert with_intro_block(code, block).startswith(f"# Title\n\n{block}")


def test_the_landing_page_is_cut_into_bands_and_tiles() -> None:
    html = (
        '<p>Lead</p>\n<h2 id="a">Offers</h2>\n<p>Intro</p>\n<h3>One</h3>\n<p>1</p>\n'
        "<h3>Two</h3>\n<p>2</p>\n<h2>Figures</h2>\n<div><h2>inside</h2></div>\n\n"
        '<section class="fact-sources"><h2>Sources</h2></section>'
    )
    found = bands(html)
    assert [b.opening for b in found] == [True, False, False, False]
    assert [len(b.tiles) for b in found] == [0, 2, 0, 0]
    assert found[-1].sources and "<h2>inside</h2>" in found[2].head
    assert "".join(str(b.head) + "".join(b.tiles) for b in found) == html
    assert not bands('<h2 id="x">Only</h2>\n<p>t</p>')[0].opening

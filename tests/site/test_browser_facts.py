"""Source notes in the browser: by keyboard, by a tap on a phone, by mouse, and in print."""

from __future__ import annotations

import pytest

from parksite.content.landmarks import fact_sheet_page
from parksite.render.figures import source_note
from tests.conftest import OUTPUT
from tests.site.conftest import (
    LANGS,
    PAGES,
    PARK,
    SITE,
    citations,
    language,
    page_of_file,
    url_of,
)

pytestmark = pytest.mark.browser

SHOTS = OUTPUT / "screenshots"
# Pages with figures in running text (fact or money), in the order of the site; not the
# fact sheet, made for paper, whose figures are text.
SHEET = fact_sheet_page(SITE)
WITH_FIGURES = [
    page
    for page in PAGES
    if page in {page_of_file(c.page) for c in citations(LANGS[0]) if c.macro in ("fact", "money")}
    and (SHEET is None or page != page_of_file(SHEET))
]


def first_note(tab):
    figure = tab.locator("span.fact .fact__figure").first
    note = tab.locator(f"#{figure.get_attribute('aria-describedby')}")
    return figure, note


def expected_note(tab, lang: str) -> str:
    """The first figure's note as the data words it: 'Source: …, 30 January 2022' (names and
    texts before it are plain text, with no note)."""
    fact_id = tab.locator("span.fact:has(> .fact__figure)").first.get_attribute("data-fact")
    return source_note(PARK, PARK.facts[fact_id], language(lang))


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_focus_shows_the_note_and_escape_hides_it(browser, server, lang) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = ctx.new_page()
    tab.goto(server + url_of(lang, WITH_FIGURES[0]), wait_until="networkidle")
    figure, note = first_note(tab)
    assert not note.is_visible()
    for _ in range(120):  # Tab through the header and navigation to the first figure
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.classList.contains('fact__figure')"):
            break
    assert tab.evaluate("document.activeElement.getAttribute('aria-describedby')") == (
        figure.get_attribute("aria-describedby")
    )
    note.wait_for(state="visible", timeout=2000)
    assert note.inner_text().startswith(expected_note(tab, lang))
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{lang}-fact-note-keyboard-desktop.png"))
    tab.keyboard.press("Escape")
    note.wait_for(state="hidden", timeout=2000)
    tab.keyboard.press("Enter")  # Enter opens it again, as a button does
    note.wait_for(state="visible", timeout=2000)
    ctx.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_tap_on_a_phone_shows_the_note_on_screen(browser, server, lang) -> None:
    ctx = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    tab = ctx.new_page()
    tab.goto(server + url_of(lang, WITH_FIGURES[-1]), wait_until="networkidle")
    figure, note = first_note(tab)
    figure.scroll_into_view_if_needed()
    figure.tap()
    note.wait_for(state="visible", timeout=2000)
    box = note.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{lang}-fact-note-tap-phone.png"))
    tab.locator("h1").tap()  # a tap elsewhere closes it
    note.wait_for(state="hidden", timeout=2000)
    ctx.close()


def test_hover_shows_the_note_and_print_shows_numbers_and_sources(browser, server) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = ctx.new_page()
    tab.goto(server + url_of(LANGS[0], WITH_FIGURES[0]), wait_until="networkidle")
    figure, note = first_note(tab)
    figure.hover()
    note.wait_for(state="visible", timeout=2000)
    assert not tab.locator(".fact__ref").first.is_visible()
    tab.emulate_media(media="print")
    assert not note.is_visible()
    assert tab.locator(".fact__ref").first.is_visible()
    assert tab.locator("section.fact-sources li").first.is_visible()
    tab.pdf(path=str(OUTPUT / "figures-print.pdf"))
    ctx.close()

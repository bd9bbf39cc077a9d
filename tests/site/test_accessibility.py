"""Accessibility in the browser: axe-core on every page of every language at phone and desktop
widths, and a visible focus on everything the keyboard reaches."""

from __future__ import annotations

import pytest

from tests.conftest import REPO
from tests.site.conftest import HOME, KEY_FIGURES, LANGS, PAGES, language, pages_calling, url_of

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 levels A and AA (each version's own tags) and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="module", params=[390, 1280], ids=["phone", "desktop"])
def tab(request, browser):
    """One tab per width, reused for every page."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (it runs npm ci)")
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violation_on_any_page(tab, server, lang) -> None:
    found = []
    for page in PAGES:
        tab.goto(server + url_of(lang, page), wait_until="load")
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        found += [
            f"{lang}/{page}: {v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes'][:3]]}: {v['help']}"
            for v in result["violations"]
        ]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", dict.fromkeys([HOME, KEY_FIGURES, *pages_calling("placeholder")]))
def test_keyboard_reaches_every_link_with_a_visible_focus(tab, server, lang, page) -> None:
    tab.goto(server + url_of(lang, page), wait_until="load")
    # Number every link and control a reader can see now; Tab must reach each of them.
    count = tab.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, [tabindex="0"]')]
             .filter(e => e.checkVisibility({visibilityProperty: true}) && e.tabIndex >= 0 && !e.closest('[hidden]')
                          && e.getBoundingClientRect().width > 0)
             .map((e, i) => e.dataset.kbd = i).length"""
    )
    reached, unseen = set(), []
    for _ in range(count + 20):
        tab.keyboard.press("Tab")
        kbd, name, visible = tab.evaluate(
            """() => { const e = document.activeElement, s = getComputedStyle(e);
                 return [e.dataset.kbd ?? null, e.outerHTML.slice(0, 100),
                         s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1]; }"""
        )
        if name.startswith("<body"):
            break  # past the last control
        reached.add(kbd)
        if not visible:
            unseen.append(name)
    assert unseen == [], f"focus not visible on: {unseen[:5]}"
    missing = [
        tab.evaluate("i => document.querySelector(`[data-kbd='${i}']`).outerHTML.slice(0, 100)", i)
        for i in range(count)
        if str(i) not in reached
    ]
    assert missing == [], f"never reached by Tab: {missing}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_pages_say_their_language_in_the_browser(tab, server, lang, page) -> None:
    tab.goto(server + url_of(lang, page))
    assert tab.locator("html").get_attribute("lang") == language(lang).html

"""What frames the pages in the built site: the 404 page's head and languages, what blocks a
page's first render, and a story's way back to the index with its section's tab lit."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import material
import pytest

from parksite.project import PROJECT
from tests.site.conftest import (
    HOME,
    KEY_FIGURES,
    LANGS,
    LANGUAGES,
    NAV_PAGES,
    PARK,
    SCREEN_PAGES,
    SITE,
    STORIES,
    STORY_INDEX,
    language,
    nav_title,
    page_file,
    soup,
    url_of,
)

# --- The 404 page --------------------------------------------------------------------------


def test_the_404_page_has_a_title_description_and_noindex_but_no_canonical(site: Path) -> None:
    html = soup(site / "404.html")
    site_name = PROJECT.config["site_name"]
    titles = [lang.words["not_found.title"] for lang in LANGUAGES]
    assert html.title.get_text() == " · ".join(titles) + " - " + site_name
    description = html.find("meta", attrs={"name": "description"})["content"]
    for lang in LANGUAGES:
        assert lang.words.format("not_found.description", site_name=site_name) in description
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    # Shown at every missing address: it is no page's canonical copy (overrides/404.html).
    assert html.find("link", rel="canonical") is None
    assert html.find("meta", property="og:url") is None


def test_the_one_404_page_speaks_every_language(site: Path, site_url: str) -> None:
    # Hosts serve one error page for every address, so there is none per further language.
    default, *others = LANGUAGES
    for lang in others:
        assert not (site / lang.prefix / "404.html").exists()
    html = soup(site / "404.html")
    assert html.html["lang"] == default.html
    assert html.h1.get_text() == default.words["not_found.title"]
    for lang in others:
        text = html.select_one(f'article [lang="{lang.html}"]')
        assert lang.words["not_found.title"] in text.get_text()
        assert text.a["href"] == site_url + lang.prefix
    # Its footer still says when the figures were checked, shows the ICP number once it is
    # filled in (never a placeholder), and has no share image (it has no address of its own).
    assert html.select_one("footer .park-footer [data-last-checked]") is not None
    key = PARK.site.icp_number
    filled = key is not None and not PARK.placeholders[key].placeholder
    assert (html.select_one("footer .park-footer a.park-footer__icp") is not None) == filled
    assert html.select_one("img.park-share-image") is None


# --- What blocks the first render ------------------------------------------------------------

# The stylesheets a screen needs before it can show a page: Material's and the site's own.
FIRST_RENDER_CSS = re.compile(
    r"assets/(stylesheets/main\.[0-9a-f]+\.min|site|facts|readable)\.css$"
)
# Inline scripts allowed in the head: data for search engines, and Material's few bytes that
# must run before the body (its storage scope).
HEAD_INLINE = re.compile(r"^__md_scope=")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", SCREEN_PAGES)
def test_only_what_the_first_render_needs_blocks_it(site: Path, lang: str, page: str) -> None:
    head = soup(page_file(site, lang, page)).head
    sheets = head.select('link[rel="stylesheet"]')
    blocking = [s["href"] for s in sheets if s.get("media", "all") in ("all", "screen")]
    assert len(blocking) == 4 and all(FIRST_RENDER_CSS.search(h) for h in blocking), blocking
    assert [s["href"].rsplit("/", 1)[-1] for s in sheets if s.get("media") == "print"] == [
        "print.css"
    ]
    assert head.select("script[src]") == [], "an external script in the head blocks rendering"
    inline = [s for s in head.find_all("script") if s.get("type") != "application/ld+json"]
    assert len(inline) == 1 and HEAD_INLINE.match(inline[0].string), inline


def test_materials_palette_stylesheet_has_nothing_for_this_sites_colours(site: Path) -> None:
    # Why it can be left out: every rule in it is for another scheme or named colour.
    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    palette = next(theme.glob("palette.*.min.css")).read_text(encoding="utf-8")
    assert not list((site / "assets" / "stylesheets").glob("palette.*"))  # not published
    selectors = re.findall(r"([^{}]+)\{[^{}]*\}", palette)
    assert selectors and all("data-md-color-" in s for s in selectors)
    assert not re.search(r"data-md-color-(scheme=default|primary=custom|accent=custom)", palette)
    palette = PROJECT.config["theme"]["palette"]
    body = soup(page_file(site, LANGS[0], HOME)).body
    assert (body["data-md-color-primary"], body["data-md-color-accent"]) == (
        palette["primary"],
        palette["accent"],
    )


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_browser_waits_only_for_the_first_render_stylesheets(browser, server, lang) -> None:
    tab = browser.new_page()
    tab.goto(server + url_of(lang, KEY_FIGURES), wait_until="load")
    status = dict(
        tab.evaluate(
            "performance.getEntriesByType('resource').map(e => [e.name, e.renderBlockingStatus])"
        )
    )
    tab.close()
    blocking = [url for url, state in status.items() if state == "blocking"]
    assert len(blocking) == 4 and all(FIRST_RENDER_CSS.search(url) for url in blocking), status
    assert status[server + "assets/print.css"] == "non-blocking"


# --- Stories: the way back, and the section's tab -----------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("story", STORIES)
def test_a_story_links_back_to_all_stories_and_lights_its_tab(
    site: Path, site_url: str, lang: str, story: str
) -> None:
    html = soup(page_file(site, lang, story))
    address = site_url + url_of(lang, story)
    links = html.select("article .story-back a")
    assert len(links) == 2  # above the story and after it
    for link in links:
        assert link.get_text() == "← " + language(lang).words["stories.back"]
        assert urljoin(address, link["href"]) == site_url + url_of(lang, STORY_INDEX)
    active = html.select(".md-tabs__item--active a")
    index_file = f"{SITE.stories_folder}/index.md"
    assert [a.get_text(strip=True) for a in active] == [nav_title(index_file, lang)]
    # The sidebar still lists no story.
    sidebar = [a["href"] for a in html.select(".md-sidebar--primary a[href]")]
    assert not [href for href in sidebar if any(s.rstrip("/") in href for s in STORIES)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", [page for page in SCREEN_PAGES if page not in STORIES])
def test_other_pages_have_no_back_link_and_their_own_tab(site: Path, lang: str, page: str) -> None:
    html = soup(page_file(site, lang, page))
    assert html.select(".story-back") == []
    # A page of the menu, or a further page of the story index, lights its tab; a page
    # outside the menu (the Sources page, linked from every footer) lights none.
    in_menu = page in NAV_PAGES or (STORY_INDEX is not None and page.startswith(STORY_INDEX))
    assert len(html.select(".md-tabs__item--active")) == int(in_menu)

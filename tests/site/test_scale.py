"""The site at scale: the story index in pages, flat page size, the search index fetched on
demand, and the benchmark's own code (its synthetic stories, its floor, its report)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parksite.checks.project import cited_ids
from parksite.content.stories import PER_PAGE, index_url, page_count
from parksite.project import PROJECT
from parksite.render.sourcespage import STORIES_LISTED
from parksite.tools.bench import measure, report, safety
from parksite.tools.bench.synthetic import SYNTHETIC_PREFIX, add_stories, copy_project, make_floor
from tests.conftest import OUTPUT, mkdocs_build
from tests.site.conftest import (
    HOME,
    KEY_FIGURES,
    LANGS,
    LANGUAGES,
    PAGES,
    PARK,
    SCREEN_PAGES,
    SITE,
    STORY_INDEX,
    docs_file,
    language,
    page_file,
    page_of_file,
    pages_calling,
    search_case,
    soup,
    url_of,
)

# Enough synthetic stories, with the real ones, to fill one index page and start a second.
SYNTHETIC = PER_PAGE
FOLDER = SITE.stories_folder
pytestmark = pytest.mark.skipif(FOLDER is None, reason="this site has no stories")


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> tuple[Path, Path]:
    """A copy of the project with synthetic stories added, and its strict build (for the same
    address as the session's site, which its absolute links name)."""
    work = tmp_path_factory.mktemp("grown")
    project = copy_project(work / "project")
    add_stories(project, SYNTHETIC)
    result = mkdocs_build(project, work / "site", site_url)
    assert result.returncode == 0, result.stderr[-4000:]
    return project, work / "site"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", SCREEN_PAGES)
def test_the_sidebar_never_lists_a_story(site: Path, lang: str, page: str) -> None:
    links = soup(page_file(site, lang, page)).select("nav.md-nav--primary a[href]")
    assert links, "no navigation found"
    assert not [a["href"] for a in links if re.search(rf"{FOLDER}/[^/]+/", a["href"])]


@pytest.mark.parametrize("lang", LANGS)
def test_story_index_links_every_story_of_the_real_site(site: Path, lang: str) -> None:
    index = soup(page_file(site, lang, STORY_INDEX))
    cards = [card["href"] for card in index.select("a.story-card")]
    stories = SITE.stories(language(lang))
    assert cards == [f"{story.slug}/" for story in stories[:PER_PAGE]]
    assert bool(index.select("nav.story-pager")) == (page_count(len(stories)) > 1)


def index_pages(lang: str, stories: int) -> list[str]:
    return [index_url(n, language(lang), FOLDER) for n in range(1, page_count(stories) + 1)]


@pytest.mark.parametrize("lang", LANGS)
def test_story_index_is_paginated_and_reaches_every_story(grown, lang: str) -> None:
    project, site = grown
    L = language(lang)
    written = [
        path.name.split(".")[0]
        for path in sorted((project / "docs" / FOLDER).glob("*.md"))
        if LANGUAGES.of_file(path.name) is L and path.name.split(".")[0] != "index"
    ]
    pages = index_pages(lang, len(written))
    assert len(pages) >= 2
    reached = []
    for n, url in enumerate(pages):
        html = soup(site / url / "index.html")
        cards = html.select("a.story-card")
        assert len(cards) == min(PER_PAGE, len(written) - n * PER_PAGE), url
        here = site / url
        reached += [(here / card["href"]).resolve().name for card in cards]
        pager = html.select_one("nav.story-pager")
        if n + 1 < len(pages):
            next_page = (here / pager.select_one("a[rel=next]")["href"]).resolve()
            assert next_page == (site / pages[n + 1]).resolve(), url
        if n > 0:
            previous = (here / pager.select_one("a[rel=prev]")["href"]).resolve()
            assert previous == (site / pages[n - 1]).resolve(), url
    assert sorted(reached) == sorted(written)


@pytest.mark.parametrize("lang", LANGS)
def test_further_index_page_switches_language_to_its_twin(grown, lang: str) -> None:
    _, site = grown
    page = index_url(2, LANGUAGES.default, FOLDER)
    for other in LANGS:
        if other == lang:
            continue
        html = soup(page_file(site, lang, page))
        # The language switch's link (the head's alternates are absolute, for search engines).
        link = html.select_one(f'.md-select a[hreflang="{other}"]')["href"]
        target = (page_file(site, lang, page).parent / link / "index.html").resolve()
        assert target == page_file(site, other, page).resolve()


# Pages that list stories or facts' pages grow with them, by design: the story index, the
# Sources page (in a copy outside git, it says "not in git" in its history table), Key
# figures; the home page shows the first stories' cards (`story_cards(limit=3)`), whichever
# they are.
SHOWING_STORIES = [
    page_of_file(docs_file(p)) for p, text in SITE.pages.items() if "story_cards(" in text
]
STEADY = [
    page
    for page in PAGES
    if page
    not in (
        STORY_INDEX,
        KEY_FIGURES,
        *pages_calling("sources_index", "story_cards", "figure_history"),
        *SHOWING_STORIES,
    )
]
# The share image's alt text of a story is the story index's, which names its first three
# stories' figures: it changes with the first stories, not with their number.
_IMAGE_ALT = re.compile(r'(<meta (?:property="og|name="twitter):image:alt" content=")[^"]*')


def _without_image_alt(page: Path) -> str:
    return _IMAGE_ALT.sub(r"\1", page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", STEADY)
def test_a_page_does_not_grow_with_the_number_of_stories(
    site: Path, grown, lang: str, page: str
) -> None:
    _, bigger = grown
    assert len(_without_image_alt(bigger / url_of(lang, page) / "index.html")) == len(
        _without_image_alt(page_file(site, lang, page))
    )


def test_the_floor_builds_the_same_pages_without_macros(
    grown, site_url: str, tmp_path: Path
) -> None:
    project, site = grown
    floor = make_floor(project, tmp_path / "floor")
    config = (floor / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - macros:" not in config and "  - parksite.checks.markup" not in config
    assert "{{" not in (floor / "docs" / FOLDER / f"{SYNTHETIC_PREFIX}0001.md").read_text("utf-8")
    result = mkdocs_build(floor, tmp_path / "site", site_url)
    assert result.returncode == 0, result.stderr[-4000:]
    # The same content; the head tags, footer, theme fixes and a story's links back to the
    # index are our hooks', not the floor's.
    synthetic = f"{FOLDER}/{SYNTHETIC_PREFIX}0003/"
    for page in (STEADY[1], url_of(LANGS[-1], synthetic), index_url(2, LANGUAGES.default, FOLDER)):
        ours = soup(site / page / "index.html").select_one("article")
        for back in ours.select(".story-back"):
            back.decompose()
        floor_article = soup(tmp_path / "site" / page / "index.html").select_one("article")
        # Compared without the blank space between tags, where a removed link leaves its lines.
        assert re.sub(r">\s+<", "><", str(floor_article)) == re.sub(r">\s+<", "><", str(ours))


@pytest.mark.parametrize("lang", LANGS)
def test_sources_page_links_many_stories_through_the_story_index(grown, lang: str) -> None:
    """With many stories a fact's row names a few stories at most, then the story index."""
    _, site = grown
    (sources_page,) = pages_calling("sources_index")
    here = page_file(site, lang, sources_page).parent
    index = page_file(site, lang, STORY_INDEX).parent.resolve()
    rows = soup(here / "index.html").select("tr[data-fact]")
    for row in rows:
        targets = [(here / a["href"]).resolve() for a in row.select("a")]
        stories = [t for t in targets if t.parent == index]
        assert len(stories) <= STORIES_LISTED, row["data-fact"]
    more = [a for row in rows for a in row.select("a") if (here / a["href"]).resolve() == index]
    assert more and more[0].get_text() == language(lang).words["sources_page.more_stories"]


def test_synthetic_stories_cite_real_facts_only(grown) -> None:
    project, _ = grown
    known = set(PARK.facts)
    for path in (project / "docs" / FOLDER).glob(f"{SYNTHETIC_PREFIX}*.md"):
        ids = {ref for _, ref, _ in cited_ids(path.read_text(encoding="utf-8"))}
        assert ids and ids <= known, path


@pytest.mark.browser
def test_first_visit_counts_the_page_and_what_it_loads(browser, site: Path) -> None:
    weight = measure.first_visit_bytes(site, [HOME], browser)["home"]
    assert weight["files"] >= 4  # the page, Material's bundle and styles, the site's CSS
    assert weight["gzip_bytes"] < 150_000
    assert weight["gzip_bytes"] > weight["html_gzip_bytes"] > 0


def test_report_states_each_target_as_met_or_not() -> None:
    run = {"seconds": 2.0, "peak_bytes": 100 * report.MB, "cpu_seconds": 2.0}
    slow = {"seconds": 4.0, "peak_bytes": 100 * report.MB, "cpu_seconds": 3.0}
    html = {"html_bytes_mean": 30_000.0, "html_gzip_mean": 6_000.0}
    results = {
        "machine": "test",
        "finished": "now",
        "runs": {"N=0": 1},
        "builds": {
            "0": {"ours": [run], "floor": [run], "page_pairs": 10, "html": html},
            "100": {"ours": [slow], "floor": [run], "page_pairs": 110, "html": html},
            "1000": {
                "ours": [slow],
                "floor": [{**slow, "cpu_seconds": 2.5}],
                "page_pairs": 1010,
                "html": html,
            },
        },
        "html_10": html,
        "search": {"before_focus": 0, "after_focus": 1},
        "check": {"ours": [0.5], "baseline": [0.1]},
        "preview": {"page": [1.0], "data": [3.0], "floor_page": [1.0]},
        "page_weight": {"home": {"files": 5, "gzip_bytes": 80_000, "html_gzip_bytes": 5_000}},
        "profile": {"all": [], "ours": []},
        "side_by_side": {
            "stories": 1000,
            "pairs": [
                {"ours": {**slow, "cpu_seconds": c}, "floor": {**run, "cpu_seconds": 2.0}}
                for c in (2.1, 2.4, 2.15)
            ],
        },
        "instructions": {"stories": 1000, "ours": 122_500_000_000, "floor": 111_700_000_000},
    }
    results["targets"] = report.targets(results, report.build_rows(results["builds"]))
    met = {target["target"]: target["met"] for target in results["targets"]}
    assert met["Data layer at N = 1,000 vs the floor"] is True
    assert met["Data layer at N = 1,000 vs the floor, in CPU time"] is False  # 3.0 / 2.5
    assert met["Preview shows a saved data edit"] is False
    side = "Data layer at N = 1,000 vs the floor, the two built side by side (median of 3 pairs, CPU time)"
    assert met[side] is True  # the median pair, 2.15 / 2.0, not the mean
    text = report.markdown(results)
    assert "| Preview shows a saved data edit | ≤ 2 s | 3.00 s | **not met** |" in text
    assert "| 100 | 110 | 1 | 4.00 | 2.00 | 2.00× | 3.00 / 2.00 | 1.50× |" in text
    assert "ours / the floor: 2.1 / 2.0 (1.05×), 2.4 / 2.0 (1.20×), 2.1 / 2.0 (1.07×)." in text
    counted = "Data layer at N = 1,000 vs the floor, in instructions (valgrind, one build each)"
    assert f"| {counted} | ≤ 1.10× | 1.097× | met |" in text
    assert "ours 122.50 billion, the floor 111.70 billion (1.097×)." in text
    results["instructions"]["ours"] = 123_000_000_000  # 1.101×
    assert {
        t["target"]: t["met"] for t in report.targets(results, report.build_rows(results["builds"]))
    }[counted] is False
    results["instructions"] = None  # no valgrind on the machine
    assert counted not in {
        t["target"] for t in report.targets(results, report.build_rows(results["builds"]))
    }
    assert "Instructions: not counted" in report.markdown(results)


def test_safety_line_times_the_checks_over_every_rendered_page(site: Path) -> None:
    costs = safety.safety_costs(site, PROJECT.root)
    assert costs["pages"] == len(list(site.rglob("index.html")))
    assert costs["pages"] > 0
    assert "rendered pages" in safety.line(costs, build_s=10.0)


@pytest.mark.browser
def test_search_index_is_fetched_only_when_search_is_opened(browser, site, server) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = ctx.new_page()
    index_requests: list[str] = []
    tab.on(
        "request",
        lambda request: (
            index_requests.append(request.url) if "search_index.json" in request.url else None
        ),
    )
    tab.goto(server + url_of(LANGS[-1], STEADY[0]), wait_until="networkidle")
    tab.wait_for_timeout(500)
    assert index_requests == []
    with tab.expect_response(lambda response: "search_index.json" in response.url):
        tab.keyboard.press("/")
    box = tab.locator("input.md-search__input")
    box.fill(search_case(site, LANGS[-1])[0])
    box.press("End")
    tab.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
    assert len(index_requests) == 1
    ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_paginated_story_index_is_photographed(browser, grown, lang: str) -> None:
    _, site = grown
    shots = OUTPUT / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        ctx = browser.new_context(viewport={"width": width, "height": 900})
        tab = ctx.new_page()
        tab.goto(page_file(site, lang, index_url(2, LANGUAGES.default, FOLDER)).as_uri())
        assert tab.locator("nav.story-pager a[rel=prev]").is_visible()
        tab.screenshot(path=str(shots / f"{lang}-stories-page-2-{width}.png"), full_page=True)
        ctx.close()

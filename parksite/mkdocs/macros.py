"""The mkdocs-macros entry point: registers the macros editors write in pages.

Only glue lives here. The logic is in the parksite package, tested on its own. Each
macro's first docstring line is written for editors and makes the catalogue in
MAINTAINING.md (CONTRIBUTING.md, the staff guide, links to it).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from parksite.checks.notices import report_notices
from parksite.checks.project import check
from parksite.content.pages import page_language, page_source, read_pages
from parksite.content.stories import list_stories
from parksite.mkdocs.sandbox import use_sandbox
from parksite.model.errors import DataError
from parksite.model.history import fact_history
from parksite.model.load import load_park
from parksite.model.park import Park
from parksite.render import figures as render
from parksite.render import footnotes
from parksite.render.exports import downloads_html, write_exports
from parksite.render.footer import checked_html
from parksite.render.history import history_html
from parksite.render.sourcespage import sources_page_html

# The data define_env loaded and checked for the build under way.
_build: dict[str, Park] = {}


def _data_file(env) -> Path:
    # The project being built, which a test's copy of the project may be.
    return Path(env.project_dir) / "data" / "park.yml"


def define_env(env) -> None:
    """Load and check the data and the pages once for this build, and register the macros."""
    docs_dir = Path(env.conf["docs_dir"])
    # Every page's text, read once for the checks and the Sources page.
    pages = read_pages(docs_dir)
    try:
        park = check(_data_file(env), docs_dir, pages, Path(env.conf["config_file_path"]))
    except DataError as exc:
        raise PluginError(exc.report()) from None
    # Read once per build: every page of the story index shows a slice of the same list.
    stories = {lang: list_stories(lang, docs_dir) for lang in ("en", "zh")}
    report_notices(park)
    # For the page hooks below, which mkdocs-macros calls for every page.
    _build["park"] = park

    def notes() -> footnotes.PageNotes:
        return footnotes.for_page(where())

    def lang() -> str:
        return page_language(env.page)

    def where() -> str:
        return page_source(env.page)

    @env.macro
    def fact(fact_id: str) -> str:
        """A figure with its qualifier and unit; a tap, hover or focus shows its source and date: {{ fact("patents.national") }}"""
        return render.fact_html(park, fact_id, lang(), where(), notes())

    @env.macro
    def money(fact_id: str) -> str:
        """An amount in yuan with its US dollar value computed from the exchange rate: {{ money("revenue.total") }}"""
        return render.money_html(park, fact_id, lang(), where(), notes())

    @env.macro
    def fact_list(fact_id: str) -> str:
        """A bulleted list of a list fact's items, with its source: {{ fact_list("platform.partners") }}"""
        return render.list_html(park, fact_id, lang(), where())

    @env.macro
    def cards(*fact_ids: str) -> str:
        """Key-figure cards, one per fact, in the order given: {{ cards("employment.total", "patents.national") }}"""
        return render.cards_html(park, fact_ids, lang(), where())

    @env.macro
    def facts_table(topic: str | None = None) -> str:
        """Every fact (or one topic's) in a table with source and date: {{ facts_table() }} or {{ facts_table("plans") }}"""
        return render.table_html(park, lang(), topic, where())

    @env.macro
    def placeholder(key: str) -> str:
        """A contact detail or filing number, or a visible "to be provided" mark: {{ placeholder("contact.email") }}"""
        return render.placeholder_html(park, key, lang(), where())

    @env.macro
    def period(fact_id: str) -> str:
        """The year or years a figure covers, from its `period:`: {{ period("revenue.2021") }}"""
        return render.period_html(park, fact_id, lang(), where(), notes())

    @env.macro
    def exchange_rate() -> str:
        """The sentence stating the rate behind every US dollar figure: {{ exchange_rate() }}"""
        return render.rate_html(park, lang(), notes())

    @env.macro
    def data_checked() -> str:
        """The sentence saying when the figures were last checked against their sources: {{ data_checked() }}"""
        return checked_html(park, lang())

    @env.macro
    def sources_list() -> str:
        """The sources of the facts, with publisher, date and address: {{ sources_list() }}"""
        return render.sources_html(park, lang())

    @env.macro
    def story_cards(page: int = 1) -> str:
        """The success stories' cards, a page of them at a time, in their `order:`: {{ story_cards() }}"""
        return render.story_cards_html(park, stories[lang()], lang(), env.page.url, where(), page)

    @env.macro
    def sources_index() -> str:
        """Each source with publisher, date, address, its facts and the pages showing them: {{ sources_index() }}"""
        return sources_page_html(park, lang(), env.page.url, docs_dir, pages)

    @env.macro
    def downloads() -> str:
        """Links to every fact as facts.json and facts.csv, made by each build: {{ downloads() }}"""
        return downloads_html(lang(), env.page.url)

    @env.macro
    def figure_history() -> str:
        """A table of when each fact last changed in the data, from git: {{ figure_history() }}"""
        return history_html(park, fact_history(_data_file(env)), lang())


def on_pre_page_macros(env) -> None:
    """Render each page in the sandbox (no Python, no build objects); number its figures from 1."""
    use_sandbox(env)
    footnotes.start(page_source(env.page))


def on_post_page_macros(env) -> None:
    """End each page with the list of sources of the figures it shows (what a printout cites)."""
    notes = footnotes.take(page_source(env.page))
    if notes and notes.facts:
        html = render.footnotes_html(_build["park"], notes, page_language(env.page))
        env.markdown += f"\n\n{html}\n"


def on_post_build(env) -> None:
    """Write the downloads, data/facts.json and data/facts.csv, into the built site."""
    write_exports(load_park(_data_file(env)), Path(env.conf["site_dir"]))

"""The mkdocs-macros entry point: registers the macros editors write in pages.

Only glue lives here. The logic is in the parksite package, tested on its own. Each
macro's first docstring line is written for editors and makes the catalogue in
CONTRIBUTING.md.
"""

from __future__ import annotations

from pathlib import Path

from parksite import render
from parksite.data import load_park
from parksite.notices import report_notices
from parksite.pages import page_language, page_source
from parksite.stories import list_stories


def define_env(env) -> None:
    """Load the data once for this build and register the macros."""
    # The data and the stories of the project being built (a copy, in tests and benchmarks).
    park = load_park(Path(env.project_dir) / "data" / "park.yml")
    docs_dir = Path(env.conf["docs_dir"])
    # Read once per build: every page of the story index shows a slice of the same list.
    stories = {lang: list_stories(lang, docs_dir) for lang in ("en", "zh")}
    snippets = render.Snippets(park)
    report_notices(park)

    def lang() -> str:
        return page_language(env.page)

    def where() -> str:
        return page_source(env.page)

    @env.macro
    def fact(fact_id: str) -> str:
        """A figure with its qualifier and unit, its source and date on hover: {{ fact("patents.national") }}"""
        return snippets.get(render.fact_html, fact_id, lang(), where())

    @env.macro
    def money(fact_id: str) -> str:
        """An amount in yuan with its US dollar value computed from the exchange rate: {{ money("revenue.total") }}"""
        return snippets.get(render.money_html, fact_id, lang(), where())

    @env.macro
    def fact_list(fact_id: str) -> str:
        """A bulleted list of a list fact's items, with its source: {{ fact_list("platform.partners") }}"""
        return snippets.get(render.list_html, fact_id, lang(), where())

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
    def exchange_rate() -> str:
        """The sentence stating the rate behind every US dollar figure: {{ exchange_rate() }}"""
        return render.rate_html(park, lang())

    @env.macro
    def sources_list() -> str:
        """The sources of the facts, with publisher, date and address: {{ sources_list() }}"""
        return render.sources_html(park, lang())

    @env.macro
    def story_cards(page: int = 1) -> str:
        """The success stories' cards, a page of them at a time, in their `order:`: {{ story_cards() }}"""
        return render.story_cards_html(park, stories[lang()], lang(), env.page.url, where(), page)

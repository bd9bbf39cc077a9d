"""The mkdocs-macros entry point: registers the macros editors write in pages.

Only glue lives here. The logic is in the parksite package, tested on its own. Each
macro's first docstring line is written for editors and makes the catalogue in
CONTRIBUTING.md.
"""

from __future__ import annotations

from parksite import render
from parksite.data import load_park
from parksite.notices import report_notices
from parksite.pages import page_language, page_source
from parksite.review import checked_html
from parksite.sandbox import use_sandbox
from parksite.stories import list_stories


def define_env(env) -> None:
    """Load the data once for this build and register the macros."""
    park = load_park()
    report_notices(park)
    # For theme templates (the footer): {{ config.extra.data_last_checked }}, YYYY-MM-DD.
    env.conf["extra"]["data_last_checked"] = park.last_checked.isoformat()

    def lang() -> str:
        return page_language(env.page)

    def where() -> str:
        return page_source(env.page)

    @env.macro
    def fact(fact_id: str) -> str:
        """A figure with its qualifier and unit, its source and date on hover: {{ fact("patents.national") }}"""
        return render.fact_html(park, fact_id, lang(), where())

    @env.macro
    def money(fact_id: str) -> str:
        """An amount in yuan with its US dollar value computed from the exchange rate: {{ money("revenue.total") }}"""
        return render.money_html(park, fact_id, lang(), where())

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
        return render.period_html(park, fact_id, lang(), where())

    @env.macro
    def exchange_rate() -> str:
        """The sentence stating the rate behind every US dollar figure: {{ exchange_rate() }}"""
        return render.rate_html(park, lang())

    @env.macro
    def data_checked() -> str:
        """The sentence saying when the figures were last checked against their sources: {{ data_checked() }}"""
        return checked_html(park, lang())

    @env.macro
    def sources_list() -> str:
        """The sources of the facts, with publisher, date and address: {{ sources_list() }}"""
        return render.sources_html(park, lang())

    @env.macro
    def story_cards() -> str:
        """A card for every success story in docs/stories/, in their `order:`: {{ story_cards() }}"""
        return render.story_cards_html(park, list_stories(lang()), lang(), env.page.url, where())


def on_pre_page_macros(env) -> None:
    """Render every page in the sandbox: a page cannot run Python or reach the build's objects."""
    use_sandbox(env)

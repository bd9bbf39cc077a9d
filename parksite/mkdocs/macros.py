"""The mkdocs-macros entry point: registers the macros editors write in pages.

Only glue lives here. The logic is in the parksite package, tested on its own. Each
macro's first docstring line is written for editors and makes the catalogue in
MAINTAINING.md (CONTRIBUTING.md, the staff guide, links to it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parksite.content import frontmatter
from parksite.content.citations import facts_page
from parksite.content.frontmatter import FACT_SHEET_TEMPLATE
from parksite.content.pages import page_url, relative_url, with_intro_block
from parksite.content.site import Site
from parksite.mkdocs.plugin import collection_paused
from parksite.mkdocs.sandbox import PageEnvironment, use_sandbox
from parksite.model.history import fact_history
from parksite.render import figures as render
from parksite.render.exports import downloads_html, write_exports
from parksite.render.factsheet import sheet_link, sheet_link_html
from parksite.render.footer import checked_html
from parksite.render.footnotes import PageNotes
from parksite.render.history import history_html
from parksite.render.sourcespage import sources_page_html


def engine_macros() -> set[str]:
    """The names of the macros below: all a page may call."""
    from parksite.tools.catalogue import macro_docs

    return {doc.name for doc in macro_docs(Path(__file__).read_text(encoding="utf-8"))}


def site_of(env) -> Site:
    """The build's Site, read and checked by the parksite plugin (plugins: [parksite])."""
    return env.conf.plugins["parksite"].site


@dataclass
class Rendered:
    """A page the macros render: its file in docs/, its address, the figures it has cited so
    far; once made ahead (rendered_pages), the Markdown it was made from and what it became."""

    src_uri: str
    url: str
    notes: PageNotes
    source: str | None = None
    result: str | None = None


def _page(src_uri: str, url: str, meta) -> Rendered:
    """A page about to be rendered, its figures numbered from 1; a fact sheet's are plain."""
    return Rendered(src_uri, url, PageNotes(plain=meta.get("template") == FACT_SHEET_TEMPLATE))


def rendering(site: Site) -> list[Rendered]:
    """The page the macros are rendering in this build, last in the list."""
    return site.memo("rendering", list)


def define_env(env) -> None:
    """Register the macros, on the data and pages the parksite plugin checked for this build."""
    site = site_of(env)
    park = site.park
    current = rendering(site)

    def notes() -> PageNotes:
        return current[-1].notes

    def lang():
        return site.language_of(current[-1].src_uri)

    def where() -> str:
        return f"docs/{current[-1].src_uri}"

    def here() -> str:
        return current[-1].url

    @env.macro
    def fact(fact_id: str) -> str:
        """A figure with its qualifier and unit (a tap, hover or focus shows its source and date), or a name or text, plainly: {{ fact("patents.national") }}"""
        return render.fact_html(park, fact_id, lang(), where(), notes())

    @env.macro
    def money(fact_id: str) -> str:
        """An amount of money, with its value in the site's second currency computed from one rate: {{ money("revenue.total") }}"""
        return render.money_html(park, fact_id, lang(), where(), notes())

    @env.macro
    def fact_list(fact_id: str) -> str:
        """A bulleted list of a list fact's items, its source in the page's list of sources: {{ fact_list("platform.partners") }}"""
        return render.list_html(park, fact_id, lang(), where(), notes())

    @env.macro
    def cards(*fact_ids: str) -> str:
        """Key-figure cards, one per fact, in the order given, each source named once under its cards: {{ cards("employment.total", "patents.national") }}"""
        return render.cards_html(park, fact_ids, lang(), where(), notes(), site.built_on)

    @env.macro
    def facts_table(topic: str | None = None) -> str:
        """Every fact (or one topic's) in a table with source and date: {{ facts_table() }} or {{ facts_table("plans") }}"""
        return render.table_html(park, lang(), topic, where(), notes(), site.built_on)

    @env.macro
    def placeholder(key: str) -> str:
        """A contact detail or filing number once filled in, else nothing: {{ placeholder("contact.email") }}"""
        return render.placeholder_html(park, key, lang(), where())

    @env.macro
    def details(*keys: str) -> str:
        """The filled-in contact details among those named, each with its label; nothing until one is: {{ details("contact.address", "contact.email") }}"""
        return render.details_html(park, keys, lang(), where())

    @env.macro
    def period(fact_id: str) -> str:
        """The year or years a figure covers, from its `period:`: {{ period("revenue.2021") }}"""
        return render.period_html(park, fact_id, lang(), where(), notes())

    @env.macro
    def plan_status(fact_id: str) -> str:
        """Whether the period of a plan has ended, by the build's date: {{ plan_status("plans.incubation_funds") }}"""
        return render.plan_status_html(park, fact_id, lang(), site.built_on, where())

    @env.macro
    def fact_sheet() -> str:
        """A link to the one-page fact sheet (PDF, or its print view where the build cannot make PDFs): {{ fact_sheet() }}"""
        link = sheet_link(site, lang(), here())
        if link is None:
            raise ValueError(
                f"{where()}: fact_sheet(): the site has no fact sheet page (a page with "
                "`template: fact-sheet.html` in its front matter)."
            )
        return sheet_link_html(link)

    @env.macro
    def exchange_rate() -> str:
        """The sentence stating the rate behind every amount in the second currency: {{ exchange_rate() }}"""
        return render.rate_html(park, lang(), where(), notes())

    @env.macro
    def data_checked() -> str:
        """The sentence saying when the figures were last checked against their sources: {{ data_checked() }}"""
        return checked_html(park, lang())

    @env.macro
    def sources_list() -> str:
        """The sources of the facts, with publisher, date and address: {{ sources_list() }}"""
        return render.sources_html(park, lang())

    @env.macro
    def story_cards(page: int = 1, limit: int | None = None) -> str:
        """The success stories' cards, a page of them at a time, in their `order:` (`limit=3`: the first three): {{ story_cards() }}"""
        language = lang()
        folder = site.stories_folder or ""
        stories = site.stories(language)
        return render.story_cards_html(
            park, stories, language, folder, here(), where(), page, limit, notes()
        )

    @env.macro
    def sources_index() -> str:
        """Each source with publisher, date, address, its facts and the pages showing them: {{ sources_index() }}"""
        return sources_page_html(site, lang(), here())

    @env.macro
    def downloads() -> str:
        """Links to every fact as facts.json and facts.csv, made by each build: {{ downloads() }}"""
        return downloads_html(lang(), here())

    @env.macro
    def figure_history() -> str:
        """A table of when each fact last changed in the data, from git: {{ figure_history() }}"""
        table = facts_page(site)
        table_url = None
        if table is not None:
            own = page_url(site.languages.file_in(table, lang()), site.languages)
            table_url = relative_url(here(), own)
        return history_html(park, fact_history(site.project.data_file), lang(), table_url)


def on_pre_page_macros(env) -> None:
    """Render each page in the sandbox (no Python, no build objects); number its figures from 1.

    The first page of a language has every page of it rendered at once (rendered_pages): a
    page whose Markdown is the one rendered then is given that result."""
    use_sandbox(env)
    env.env.ready = None
    site, page = site_of(env), env.page
    lang = site.language_of(page.file.src_uri)
    made = rendered_pages(site, env.env, env.variables["files"], lang)
    ahead = made.get(page.file.src_uri)
    # One newline at the end is no part of a template (Jinja's way, and the sandbox's).
    source = env.markdown.removesuffix("\n")
    if ahead is not None and ahead.url == page.url and ahead.source == source:
        env.env.ready = (env.markdown, ahead.result)
        rendering(site)[:] = [ahead]
        return
    rendering(site)[:] = [_page(page.file.src_uri, page.url, page.meta)]


def on_post_page_macros(env) -> None:
    """Say under the page's title when its figures were reported, and end the page with the
    list of sources of the figures it shows (what a printout cites)."""
    page = rendering(site_of(env))[-1]
    if page.result is None:
        env.markdown = finished(site_of(env), page, env.markdown)


def finished(site: Site, page: Rendered, markdown: str) -> str:
    """A page's Markdown after its macros, with its dateline and its list of sources."""
    notes, lang = page.notes, site.language_of(page.src_uri)
    if notes.shown:
        dateline = render.dateline_html(site.park, notes.shown, lang, site.built_on)
        markdown = with_intro_block(markdown, str(dateline))
    if notes.facts:
        markdown += f"\n\n{render.footnotes_html(site.park, notes, lang)}\n"
    return markdown


def rendered_pages(site: Site, sandbox: PageEnvironment, files, lang) -> dict[str, Rendered]:
    """Every page file of the build, in a language, rendered together once per build: the
    same work runs about twice as fast in one loop as page by page, between MkDocs' own work
    on each. A page whose macros fail is left out, to be rendered (and its mistake told) in
    its turn."""
    return site.memo(("rendered pages", lang.code), lambda: _render_all(site, sandbox, files, lang))


def _render_all(site: Site, sandbox: PageEnvironment, files, lang) -> dict[str, Rendered]:
    # What the loop keeps lives to the end of the build: no garbage collection runs while it does.
    with collection_paused():
        return _render_each(site, sandbox, files, lang)


def _render_each(site: Site, sandbox: PageEnvironment, files, lang) -> dict[str, Rendered]:
    made: dict[str, Rendered] = {}
    current = rendering(site)
    for file in files.documentation_pages():
        text = site.page_text(file.abs_src_path)
        if text is None or site.language_of(file.src_uri) is not lang:
            continue  # a page a plugin made (the story index's further pages)
        front = frontmatter.read(text, f"docs/{file.src_uri}")
        url = "" if file.url in (".", "./") else file.url  # as MkDocs' Page.url
        page = _page(file.src_uri, url, front.data)
        current.append(page)
        # Without its last newline, as the checks read it (citations.readable_calls): its
        # calls are read already.
        source = front.body.removesuffix("\n")
        try:
            page.result = finished(site, page, sandbox.page_template(source).render())
            page.source = source
        except Exception:  # told when the page is rendered in its turn
            continue
        finally:
            current.pop()
        made[file.src_uri] = page
    return made


def on_post_build(env) -> None:
    """Write the downloads, data/facts.json and data/facts.csv, into the built site."""
    site = site_of(env)
    write_exports(site.park, site.languages, Path(env.conf["site_dir"]))

"""The Sources page: each source with its publisher, date and address, the facts taken
from it, and for each fact the pages that show it (found by content/citations.py)."""

from __future__ import annotations

from markupsafe import Markup, escape

from parksite.content.citations import facts_page, page_title, pages_showing
from parksite.content.pages import page_key, page_url, relative_url
from parksite.content.site import Site
from parksite.content.stories import index_url, is_story
from parksite.i18n.languages import Language
from parksite.i18n.numbers import format_date
from parksite.render.figures import figure_text, language_name, safe, when_text

# A fact shown by more stories than this links to the story index instead of to each: with
# a thousand stories the page would otherwise list a thousand links per fact.
STORIES_LISTED = 3


def listed_pages(pages: list[str], site: Site) -> list[str]:
    """The pages a fact's row links to: every page but stories beyond STORIES_LISTED."""
    folder = site.stories_folder
    stories = {p for p in pages if is_story(page_key(p, site.languages), folder)}
    return pages if len(stories) <= STORIES_LISTED else [p for p in pages if p not in stories]


def sources_page_html(site: Site, lang: Language, page_url_now: str) -> str:
    """Markdown and HTML of the whole list: a heading per source (so it is in the contents)."""
    park, words = site.park, lang.words
    pages = pages_showing(site, lang)
    table = facts_page(site)
    table_link = None
    if table is not None:
        own = site.languages.file_in(table, lang)
        table_link = (
            relative_url(page_url_now, page_url(own, site.languages)),
            page_title(site.docs_dir / own),
        )
    blocks: list[str] = []
    for sid, source in park.sources.items():
        rows = []
        for fid, fact in park.facts.items():
            if sid != fact.source and sid not in fact.also:
                continue
            shown_on = pages.get(fid, [])
            listed = listed_pages(shown_on, site)
            links = [
                Markup('<a href="{}">{}</a>').format(
                    relative_url(page_url_now, page_url(src, site.languages)),
                    safe(page_title(site.docs_dir / src)),
                )
                for src in listed
            ]
            if len(shown_on) > len(listed):
                links.append(
                    Markup('<a href="{}">{}</a>').format(
                        relative_url(page_url_now, index_url(1, lang, site.stories_folder or "")),
                        words["sources_page.more_stories"],
                    )
                )
            if table_link is not None:
                anchor = table_link[0] + "#fact-" + fid.replace(".", "-")
                links.append(Markup('<a href="{}">{}</a>').format(anchor, safe(table_link[1])))
            label = safe(fact.label[lang.code])
            if sid != fact.source:
                also = Markup("<em>{}</em>").format(words["sources_page.also"])
                label = Markup(escape(words["footnote_item"])).format(label=label, when=also)
            rows.append(
                Markup(
                    '<tr data-fact="{id}"><td>{label}</td><td>{figure}<br><small>{when}</small></td>'
                    "<td>{links}</td></tr>"
                ).format(
                    id=fid,
                    label=label,
                    figure=safe(figure_text(park, fact, lang)),
                    when=safe(when_text(fact, lang)),
                    links=Markup(words["separator"]).join(links),
                )
            )
        details = Markup(
            '<dl class="source-details" data-source="{sid}">'
            "<dt>{w_pub}</dt><dd>{publisher}</dd><dt>{w_date}</dt><dd>{date}</dd>"
            "<dt>{w_lang}</dt><dd>{language}</dd>"
            '<dt>{w_addr}</dt><dd><a href="{url}">{url}</a></dd></dl>'
        ).format(
            sid=sid,
            w_pub=words["sources_page.publisher"],
            publisher=safe(source.publisher[lang.code]),
            w_date=words["sources_page.published"],
            date=safe(format_date(source.date, lang)),
            w_lang=words["sources_page.language"],
            language=language_name(source.language, lang),
            w_addr=words["sources_page.address"],
            url=source.url,
        )
        facts = Markup(
            '<table class="source-facts" data-source="{sid}"><caption>{caption}</caption>'
            "<thead><tr><th>{w_fact}</th><th>{w_figure}</th><th>{w_shown}</th></tr></thead>"
            "<tbody>{rows}</tbody></table>"
        ).format(
            sid=sid,
            caption=words["sources_page.facts"],
            w_fact=words["fact"],
            w_figure=words["figure"],
            w_shown=words["sources_page.shown_on"],
            rows=Markup("").join(rows),
        )
        heading = safe(source.title[lang.code])
        blocks.append(f"## {heading} {{#source-{sid}}}\n\n{details}\n\n{facts}\n")
    return "\n".join(blocks)

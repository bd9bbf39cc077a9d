"""The Sources page: each source with its publisher, date and address, the facts taken
from it, and for each fact the pages that show it (found by citations.py)."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from parksite.content.citations import page_title, page_url, pages_showing
from parksite.content.pages import page_key, relative_url
from parksite.content.stories import index_url, is_story
from parksite.i18n.numbers import format_date
from parksite.model.park import Lang, Park
from parksite.project import DOCS_DIR
from parksite.render.figures import WORDS as FACT_WORDS
from parksite.render.figures import figure_text, safe, when_text

WORDS = {
    "publisher": {"en": "Publisher", "zh": "发布方"},
    "published": {"en": "Published", "zh": "发布日期"},
    "address": {"en": "Address", "zh": "网址"},
    "language": {"en": "Language", "zh": "语言"},
    "facts": {"en": "Facts taken from it", "zh": "引用的数据"},
    "shown_on": {"en": "Shown on", "zh": "所在页面"},
    "also": {"en": "also in this report", "zh": "本报道亦有记载"},
    "more_stories": {"en": "more success stories", "zh": "更多成功案例"},
    "table": {"en": "Key figures", "zh": "关键数据"},
    "languages": {"en": {"en": "English", "zh": "Chinese"}, "zh": {"en": "英文", "zh": "中文"}},
}


# A fact shown by more stories than this links to the story index instead of to each: with
# a thousand stories the page would otherwise list a thousand links per fact.
STORIES_LISTED = 3


def listed_pages(pages: list[str]) -> list[str]:
    """The pages a fact's row links to: every page but stories beyond STORIES_LISTED."""
    stories = {p for p in pages if is_story(page_key(p))}
    return pages if len(stories) <= STORIES_LISTED else [p for p in pages if p not in stories]


def sources_page_html(
    park: Park,
    lang: Lang,
    page_url_now: str,
    docs_dir: Path = DOCS_DIR,
    texts: dict[Path, str] | None = None,
) -> str:
    """Markdown and HTML of the whole list: a heading per source (so it is in the contents)."""
    pages = pages_showing(park, lang, docs_dir, texts)
    table_page = "key-figures.zh.md" if lang == "zh" else "key-figures.md"
    blocks: list[str] = []
    for sid, source in park.sources.items():
        rows = []
        for fid, fact in park.facts.items():
            if sid != fact.source and sid not in fact.also:
                continue
            links = [
                Markup('<a href="{}">{}</a>').format(
                    relative_url(page_url_now, page_url(src)), safe(page_title(docs_dir / src))
                )
                for src in listed_pages(pages.get(fid, []))
            ]
            if len(pages.get(fid, [])) > len(listed_pages(pages.get(fid, []))):
                links.append(
                    Markup('<a href="{}">{}</a>').format(
                        relative_url(page_url_now, index_url(1, lang)), WORDS["more_stories"][lang]
                    )
                )
            anchor = (
                relative_url(page_url_now, page_url(table_page)) + "#fact-" + fid.replace(".", "-")
            )
            links.append(Markup('<a href="{}">{}</a>').format(anchor, WORDS["table"][lang]))
            label = safe(fact.label[lang])
            if sid != fact.source:
                label += Markup(" <em>({})</em>").format(WORDS["also"][lang])
            rows.append(
                Markup(
                    '<tr data-fact="{id}"><td>{label}</td><td>{figure}<br><small>{when}</small></td>'
                    "<td>{links}</td></tr>"
                ).format(
                    id=fid,
                    label=label,
                    figure=safe(figure_text(park, fact, lang)),
                    when=safe(when_text(fact, lang)),
                    links=Markup(", " if lang == "en" else "、").join(links),
                )
            )
        details = Markup(
            '<dl class="source-details" data-source="{sid}">'
            "<dt>{w_pub}</dt><dd>{publisher}</dd><dt>{w_date}</dt><dd>{date}</dd>"
            "<dt>{w_lang}</dt><dd>{language}</dd>"
            '<dt>{w_addr}</dt><dd><a href="{url}">{url}</a></dd></dl>'
        ).format(
            sid=sid,
            w_pub=WORDS["publisher"][lang],
            publisher=safe(source.publisher[lang]),
            w_date=WORDS["published"][lang],
            date=safe(format_date(source.date, lang)),
            w_lang=WORDS["language"][lang],
            language=WORDS["languages"][lang][source.language],
            w_addr=WORDS["address"][lang],
            url=source.url,
        )
        table = Markup(
            '<table class="source-facts" data-source="{sid}"><caption>{caption}</caption>'
            "<thead><tr><th>{w_fact}</th><th>{w_figure}</th><th>{w_shown}</th></tr></thead>"
            "<tbody>{rows}</tbody></table>"
        ).format(
            sid=sid,
            caption=WORDS["facts"][lang],
            w_fact=FACT_WORDS["fact"][lang],
            w_figure=FACT_WORDS["figure"][lang],
            w_shown=WORDS["shown_on"][lang],
            rows=Markup("").join(rows),
        )
        blocks.append(f"## {safe(source.title[lang])} {{#source-{sid}}}\n\n{details}\n\n{table}\n")
    return "\n".join(blocks)

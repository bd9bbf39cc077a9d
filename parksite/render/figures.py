"""The HTML of every fact snippet the macros put in pages: figures, cards, tables, notes.

Every value from the data is escaped for HTML and for Markdown, so a label can never
become markup, a link or template syntax on a page.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from functools import partial

from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url

from parksite.content.stories import index_url, page_count, page_of
from parksite.i18n.numbers import (
    format_date,
    format_number,
    format_period,
    format_quantity,
    format_usd,
    join_items,
)
from parksite.model.load import derived
from parksite.model.park import EXCHANGE_RATE, Fact, Lang, Park
from parksite.render.footnotes import PageNotes

WORDS = {
    "source": {"en": "Source", "zh": "来源"},
    "as_of": {"en": "as of", "zh": "截至"},
    "planned": {"en": "Planned", "zh": "计划"},
    "placeholder": {"en": "To be provided", "zh": "待补充"},
    "fact": {"en": "Fact", "zh": "事项"},
    "figure": {"en": "Figure", "zh": "数据"},
    "period": {"en": "Period / as of", "zh": "时段/截至"},
    "footnotes": {"en": "Sources of the figures on this page", "zh": "本页数据来源"},
    "previous": {"en": "Previous stories", "zh": "上一页"},
    "next": {"en": "More stories", "zh": "下一页"},
    "page_of": {"en": "Page {n} of {total}", "zh": "第{n}页，共{total}页"},
    "rate": {
        "en": "US dollar figures are computed at {rate} yuan per US dollar ({source}, {date})",
        "zh": "美元数额按1美元兑{rate}元人民币换算（{source}，{date}）",
    },
}

# Characters Markdown or Jinja would read as syntax, written as HTML entities instead.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~<>&\"':]")


class UnknownFact(LookupError):
    """A page cites a fact id that data/park.yml does not have."""

    def __init__(self, fact_id: str, known: list[str], page: str = "") -> None:
        self.fact_id, self.page = fact_id, page
        close = difflib.get_close_matches(fact_id, known, n=3, cutoff=0.7)
        self.message = f"unknown fact id '{fact_id}'."
        self.hint = (
            f"did you mean {', '.join(close)}?"
            if close
            else "every id is a key under `facts:` in data/park.yml."
        )
        super().__init__(f"{page}: " * bool(page) + f"{self.message} {self.hint}")


def safe(text: str) -> Markup:
    """Text from the data, inert in HTML, Markdown and templates alike."""
    return Markup(_MD_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", str(text)))


def get_fact(park: Park, fact_id: str, page: str = "") -> Fact:
    try:
        return park.facts[fact_id]
    except KeyError:
        raise UnknownFact(fact_id, sorted(park.facts), page) from None


def source_note(park: Park, fact: Fact, lang: Lang) -> str:
    """'Source: China Daily, Shanxi channel, 30 January 2022' (plain text)."""
    source = park.sources[fact.source]
    date = format_date(fact.as_of, lang)
    if lang == "zh":
        return f"{WORDS['source'][lang]}：{source.publisher[lang]}，{date}"
    return f"{WORDS['source'][lang]}: {source.publisher[lang]}, {date}"


def figure_text(park: Park, fact: Fact, lang: Lang) -> str:
    """The figure as plain text: a number with qualifier and unit, a text, or a list."""
    if fact.value is not None:
        unit = park.units[fact.unit or ""]
        return format_quantity(fact.value, lang, unit.kind, getattr(unit, lang), fact.qualifier)
    if fact.text is not None:
        return fact.text[lang]
    return join_items([item[lang] for item in fact.items or []], lang)


def usd_text(park: Park, fact: Fact, lang: Lang) -> str:
    """The computed dollar value: 'about US$943 million' / '约合9.43亿美元'."""
    usd = format_usd(fact.value, park.facts[EXCHANGE_RATE].value, lang)
    return f"about {usd}" if lang == "en" else f"约合{usd}"


def rate_text(park: Park, lang: Lang) -> str:
    """The sentence stating the one exchange rate behind every dollar figure (plain text)."""
    fact = park.facts[EXCHANGE_RATE]
    return WORDS["rate"][lang].format(
        rate=format_number(fact.value, lang, "rate"),
        source=park.sources[fact.source].publisher[lang],
        date=format_date(fact.as_of, lang),
    )


def _rate_note(park: Park, lang: Lang) -> Markup:
    # A sentence of its own: one full stop, whether or not the words end with one.
    text = rate_text(park, lang).rstrip(".。") + ("." if lang == "en" else "。")
    # The rate is a figure too: it names its fact and source like every other.
    return Markup(
        '<p class="fact-rate-note" data-fact="{id}" data-source="{sid}">{text}</p>'
    ).format(id=EXCHANGE_RATE, sid=park.facts[EXCHANGE_RATE].source, text=safe(text))


def _is_money(park: Park, fact: Fact) -> bool:
    return fact.value is not None and park.units[fact.unit or ""].kind == "money"


def _span(
    fact_id: str,
    park: Park,
    fact: Fact,
    lang: Lang,
    body: Callable[[], str],
    notes: PageNotes | None = None,
    dollars: bool = False,
    kind: str | None = None,
) -> Markup:
    """A figure readers can open, by mouse, keyboard or touch, to see its source and date.

    `body()` makes the figure's text; it is called once per data load, fact, language and
    kind, since each macro makes one text from those.

    The figure is a focusable control described by its note (shown on hover, keyboard focus
    or a tap, by facts.js and site.css); the number in <sup> points to the page's list of
    sources, which is what a printout shows.
    """
    # data-kind lets figures stand out in running text while names and lists stay plain.
    kind = kind or ("number" if fact.value is not None else "text")
    number, note_id = (
        notes.cite(fact_id, dollars) if notes else (None, f"note-{fact_id.replace('.', '-')}")
    )
    head, middle, tail = derived(
        park,
        ("span", fact_id, lang, dollars, kind),
        lambda: _span_parts(park, fact_id, fact, lang, body(), dollars, kind),
    )
    ref = f'<sup class="fact__ref" aria-hidden="true">{number}</sup>' if number else ""
    nid = escape(note_id)
    return Markup(f"{head}{nid}{middle}{ref}{_NOTE_OPEN}{nid}{tail}")


_NOTE_OPEN = '</span><span class="fact__note" id="'


def _span_parts(
    park: Park, fact_id: str, fact: Fact, lang: Lang, body: str, dollars: bool, kind: str
) -> tuple[str, str, str]:
    """A figure's HTML around its note's id (twice) and its note number, which vary by page."""
    note = source_note(park, fact, lang)
    if dollars:
        note += " · " + rate_text(park, lang)
    head = Markup(
        '<span class="fact" data-fact="{id}" data-source="{sid}" data-kind="{kind}">'
        '<span class="fact__figure" role="button" tabindex="0" aria-describedby="'
    ).format(id=fact_id, sid=fact.source, kind=kind)
    middle = Markup('">{body}').format(body=safe(body))
    tail = Markup('" role="tooltip">{note}</span></span>').format(note=safe(note))
    return str(head), str(middle), str(tail)


def fact_html(
    park: Park, fact_id: str, lang: Lang, page: str = "", notes: PageNotes | None = None
) -> Markup:
    """An inline figure with its source and date in a note."""
    fact = get_fact(park, fact_id, page)
    return _span(fact_id, park, fact, lang, lambda: figure_text(park, fact, lang), notes)


def money_html(
    park: Park, fact_id: str, lang: Lang, page: str = "", notes: PageNotes | None = None
) -> Markup:
    """A yuan amount with its US dollar value computed from the one exchange rate."""
    fact = get_fact(park, fact_id, page)
    if fact.value is None or park.units[fact.unit or ""].kind != "money":
        raise ValueError(
            f"{page}: money('{fact_id}') needs a fact in yuan; use fact() for this one."
        )

    def text() -> str:
        usd = usd_text(park, fact, lang)
        figure = figure_text(park, fact, lang)
        return f"{figure} ({usd})" if lang == "en" else f"{figure}（{usd}）"

    return _span(fact_id, park, fact, lang, text, notes, dollars=True)


def list_html(park: Park, fact_id: str, lang: Lang, page: str = "") -> Markup:
    """A bulleted list of a list fact's items, with its source under it."""
    fact = get_fact(park, fact_id, page)
    items = fact.items or ([fact.text] if fact.text else [])
    lis = Markup("").join(Markup("<li>{}</li>").format(safe(item[lang])) for item in items)
    return Markup(
        '<div class="fact-list" data-fact="{id}" data-source="{sid}"><ul>{lis}</ul><p class="fact-note">{note}</p></div>'
    ).format(id=fact_id, sid=fact.source, lis=lis, note=safe(source_note(park, fact, lang)))


def card_value(park: Park, fact: Fact, lang: Lang) -> str:
    """What a card shows large: counts without their noun (the label says it)."""
    if fact.value is None:
        return figure_text(park, fact, lang)
    unit = park.units[fact.unit or ""]
    words = getattr(unit, lang) if unit.kind != "count" else ""
    return format_quantity(fact.value, lang, unit.kind, words, fact.qualifier)


def cards_html(park: Park, fact_ids: tuple[str, ...], lang: Lang, page: str = "") -> Markup:
    """A grid of key-figure cards: figure, label, dollar value for money, source and date."""
    cards = []
    for fact_id in fact_ids:
        fact = get_fact(park, fact_id, page)
        extra = Markup("")
        if fact.value is not None and park.units[fact.unit or ""].kind == "money":
            extra = Markup('<p class="fact-card__usd">{}</p>').format(
                safe(usd_text(park, fact, lang))
            )
        if fact.qualifier == "planned":
            extra += Markup('<p class="fact-card__tag">{}</p>').format(WORDS["planned"][lang])
        cards.append(
            Markup(
                '<div class="fact-card" data-fact="{id}" data-source="{sid}">'
                '<p class="fact-card__value">{value}</p><p class="fact-card__label">{label}</p>{extra}'
                '<p class="fact-card__source">{note}</p></div>'
            ).format(
                id=fact_id,
                sid=fact.source,
                value=safe(card_value(park, fact, lang)),
                label=safe(fact.label[lang]),
                extra=extra,
                note=safe(source_note(park, fact, lang)),
            )
        )
    grid = Markup('<div class="fact-cards">{}</div>').format(Markup("").join(cards))
    if any(_is_money(park, park.facts[i]) for i in fact_ids):
        grid += _rate_note(park, lang)
    return grid


def when_text(fact: Fact, lang: Lang) -> str:
    space = " " if lang == "en" else ""
    as_of = f"{WORDS['as_of'][lang]}{space}{format_date(fact.as_of, lang)}"
    if fact.period is None:
        return as_of
    period = format_period(fact.period.year, fact.period.start, fact.period.end, lang)
    return f"{period}; {as_of}" if lang == "en" else f"{period}；{as_of}"


def table_html(park: Park, lang: Lang, topic: str | None = None, page: str = "") -> Markup:
    """Every fact (or one topic's) in a table with its figure, period, source and date."""
    if topic is not None and topic not in park.topics:
        raise ValueError(f"{page}: unknown topic '{topic}'; known: {', '.join(park.topics)}.")
    sections = []
    for tid, title in park.topics.items():
        if topic is not None and tid != topic:
            continue
        rows = []
        for fact_id, fact in park.facts.items():
            if fact.topic != tid:
                continue
            source = park.sources[fact.source]
            figure = figure_text(park, fact, lang)
            if fact.value is not None and park.units[fact.unit or ""].kind == "money":
                figure += (
                    f" ({usd_text(park, fact, lang)})"
                    if lang == "en"
                    else f"（{usd_text(park, fact, lang)}）"
                )
            if fact.qualifier == "planned":
                figure += f" · {WORDS['planned'][lang]}"
            rows.append(
                Markup(
                    '<tr id="fact-{anchor}" data-fact="{id}" data-source="{sid}"><td>{label}</td><td class="fact-table__figure">{figure}</td>'
                    '<td>{when}</td><td><a href="{url}">{publisher}</a></td></tr>'
                ).format(
                    anchor=fact_id.replace(".", "-"),
                    id=fact_id,
                    sid=fact.source,
                    label=safe(fact.label[lang]),
                    figure=safe(figure),
                    when=safe(when_text(fact, lang)),
                    url=source.url,
                    publisher=safe(source.publisher[lang]),
                )
            )
        if not rows:
            continue
        head = Markup(
            "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
        ).format(
            WORDS["fact"][lang], WORDS["figure"][lang], WORDS["period"][lang], WORDS["source"][lang]
        )
        sections.append(
            Markup(
                '<table class="fact-table" data-topic="{tid}"><caption>{title}</caption>{head}<tbody>{rows}</tbody></table>'
            ).format(tid=tid, title=safe(title[lang]), head=head, rows=Markup("").join(rows))
        )
    tables = Markup("").join(sections)
    shown = [f for f in park.facts.values() if topic is None or f.topic == topic]
    if any(_is_money(park, f) for f in shown):
        tables += _rate_note(park, lang)
    return tables


def placeholder_html(park: Park, key: str, lang: Lang, page: str = "") -> Markup:
    """A value the sources lack: shown when filled in, else visibly marked as missing."""
    entry = park.placeholders.get(key)
    if entry is None:
        raise ValueError(
            f"{page}: unknown placeholder '{key}'; known: {', '.join(park.placeholders)}."
        )
    if entry.placeholder:
        return Markup(
            '<span class="placeholder" data-placeholder="{key}">[{word}: {label}]</span>'
        ).format(key=key, word=WORDS["placeholder"][lang], label=safe(entry.label[lang]))
    return Markup('<span data-placeholder="{key}">{value}</span>').format(
        key=key, value=safe(entry.value or "")
    )


def period_html(
    park: Park, fact_id: str, lang: Lang, page: str = "", notes: PageNotes | None = None
) -> Markup:
    """The time a fact covers, as a year or span: '2021', '2022–2024' / '2021年'."""
    fact = get_fact(park, fact_id, page)
    if fact.period is None:
        raise ValueError(
            f"{page}: period('{fact_id}'): this fact has no `period:` in data/park.yml."
        )
    span = fact.period
    return _span(
        fact_id,
        park,
        fact,
        lang,
        lambda: format_period(span.year, span.start, span.end, lang),
        notes,
        kind="period",
    )


def rate_html(park: Park, lang: Lang, notes: PageNotes | None = None) -> Markup:
    """The sentence that states the exchange rate behind every dollar figure."""
    fact = park.facts[EXCHANGE_RATE]
    return _span(
        EXCHANGE_RATE, park, fact, lang, lambda: rate_text(park, lang), notes, kind="sentence"
    )


def sources_html(park: Park, lang: Lang) -> Markup:
    """The sources with publisher, title, date and address."""
    items = [
        Markup(
            '<li id="source-{sid}" data-source="{sid}"><a href="{url}">{title}</a> — {publisher}, {date}</li>'
        ).format(
            sid=sid,
            url=source.url,
            title=safe(source.title[lang]),
            publisher=safe(source.publisher[lang]),
            date=safe(format_date(source.date, lang)),
        )
        for sid, source in park.sources.items()
    ]
    return Markup('<ul class="source-list">{}</ul>').format(Markup("").join(items))


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one page's URL to another's, both relative to the site root (MkDocs'
    own rule, so our links match the theme's)."""
    return get_relative_url(to_url, from_url)


def story_cards_html(
    park: Park, stories: tuple, lang: Lang, page_url: str, page: str = "", number: int = 1
) -> Markup:
    """One index page of story cards (title, figure, summary), and links to the other pages."""
    total = page_count(len(stories))
    if not 1 <= number <= total:
        raise ValueError(f"{page}: story_cards(page={number}) but there are {total} pages.")
    prefix = "zh/" if lang == "zh" else ""
    cards = []
    for story in page_of(stories, number):
        figure = Markup("")
        if story.figure:
            fact = get_fact(park, story.figure, f"{page} (story {story.slug}, `figure:`)")
            figure = derived(
                park,
                ("story figure", story.figure, lang),
                partial(_story_figure, park, story.figure, fact, lang),
            )
        href = relative_url(page_url, f"{prefix}stories/{story.slug}/")
        cards.append(
            Markup(
                '<a class="story-card" href="{href}">{figure}<span class="story-card__title">{title}</span><span class="story-card__summary">{summary}</span></a>'
            ).format(href=href, figure=figure, title=safe(story.title), summary=safe(story.summary))
        )
    grid = Markup('<div class="story-cards">{}</div>').format(Markup("").join(cards))
    return grid + pager_html(number, total, lang, page_url)


def _story_figure(park: Park, fact_id: str, fact: Fact, lang: Lang) -> Markup:
    # Inside a link a figure cannot be a control of its own: its source is written out.
    return Markup(
        '<span class="fact-card__value" data-fact="{id}" data-source="{sid}">{value}</span>'
        '<span class="story-card__source">{note}</span>'
    ).format(
        id=fact_id,
        sid=fact.source,
        note=safe(source_note(park, fact, lang)),
        value=safe(card_value(park, fact, lang)),
    )


def pager_html(number: int, total: int, lang: Lang, page_url: str) -> Markup:
    """Previous and next links between the story index pages; nothing when there is one."""
    if total == 1:
        return Markup("")

    def link(target: int, word: str, rel: str) -> Markup:
        return Markup('<a class="story-pager__{rel}" rel="{rel}" href="{href}">{word}</a>').format(
            rel=rel, href=relative_url(page_url, index_url(target, lang)), word=WORDS[word][lang]
        )

    parts = [
        link(number - 1, "previous", "prev") if number > 1 else Markup(""),
        Markup('<span class="story-pager__where">{}</span>').format(
            WORDS["page_of"][lang].format(n=number, total=total)
        ),
        link(number + 1, "next", "next") if number < total else Markup(""),
    ]
    return Markup('<nav class="story-pager">{}</nav>').format(Markup("").join(parts))


def footnotes_html(park: Park, notes: PageNotes, lang: Lang) -> Markup:
    """The page's list of sources, numbered as the figures' notes: what a printout cites."""
    key = ("footnotes", tuple(notes.facts), notes.dollars, lang)
    return derived(park, key, lambda: _footnotes_html(park, notes.facts, notes.dollars, lang))


def _footnotes_html(park: Park, facts: list[str], dollars: bool, lang: Lang) -> Markup:
    items = []
    for fact_id in facts:
        fact = park.facts[fact_id]
        source = park.sources[fact.source]
        # Chinese takes full-width brackets, colon and commas.
        pattern = (
            '<li data-fact="{id}">{label} ({when}): {publisher}, <a href="{url}">{title}</a>, {date}</li>'
            if lang == "en"
            else '<li data-fact="{id}">{label}（{when}）：{publisher}，<a href="{url}">{title}</a>，{date}</li>'
        )
        items.append(
            Markup(pattern).format(
                id=fact_id,
                label=safe(fact.label[lang]),
                when=safe(when_text(fact, lang)),
                publisher=safe(source.publisher[lang]),
                url=source.url,
                title=safe(source.title[lang]),
                date=safe(format_date(source.date, lang)),
            )
        )
    rate = _rate_note(park, lang) if dollars else Markup("")
    return Markup(
        '<section class="fact-sources" aria-labelledby="fact-sources-title">'
        '<h2 id="fact-sources-title">{head}</h2><ol>{items}</ol>{rate}</section>'
    ).format(head=WORDS["footnotes"][lang], items=Markup("").join(items), rate=rate)


BACK = {"en": "All success stories", "zh": "全部成功案例"}


def back_link_html(lang: Lang, page_url: str) -> Markup:
    """The link from a story to the first page of the story index, in the page's language."""
    return Markup(
        '<p class="story-back"><a href="{href}"><span aria-hidden="true">← </span>{text}</a></p>'
    ).format(href=relative_url(page_url, index_url(1, lang)), text=BACK[lang])

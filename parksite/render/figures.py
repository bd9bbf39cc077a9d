"""The HTML of every fact snippet the macros put in pages: figures, cards, tables, notes.

Every value from the data is escaped for HTML and for Markdown, so a label can never
become markup, a link or template syntax on a page. Every word around the facts comes from
the page's Language (parksite/i18n/words/).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from babel.numbers import get_currency_name
from markupsafe import Markup, escape

from parksite.content.pages import relative_url
from parksite.content.stories import Story, index_url, page_count, page_of
from parksite.i18n.languages import Language
from parksite.i18n.numbers import (
    format_converted,
    format_date,
    format_number,
    format_period,
    format_quantity,
    join_items,
)
from parksite.model.park import Fact, Park
from parksite.render.footnotes import PageNotes

# Characters Markdown or Jinja would read as syntax, written as HTML entities instead.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~<>&\"':]")


class UnknownFact(LookupError):
    """A page cites a fact id that the data does not have."""

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


def source_note(park: Park, fact: Fact, lang: Language) -> str:
    """'Source: China Daily, Shanxi channel, 30 January 2022' (plain text)."""
    source = park.sources[fact.source]
    return lang.words.format(
        "source_note", publisher=source.publisher[lang.code], date=format_date(fact.as_of, lang)
    )


def figure_text(park: Park, fact: Fact, lang: Language) -> str:
    """The figure as plain text: a number with qualifier and unit, a text, or a list."""
    if fact.value is not None:
        unit = park.units[fact.unit or ""]
        return format_quantity(fact.value, lang, unit.kind, unit[lang.code], fact.qualifier)
    if fact.text is not None:
        return fact.text[lang.code]
    return join_items([item[lang.code] for item in fact.items or []], lang)


def converted_text(park: Park, fact: Fact, lang: Language) -> str:
    """The amount in the second currency, computed: 'about US$943 million' / '约合9.43亿美元'."""
    second, rate = park.site.second_currency, park.rate_fact()
    amount = format_converted(fact.value, rate.value, lang, second.written[lang.code])
    return lang.words.format("approximately", amount=amount)


def rate_text(park: Park, lang: Language) -> str:
    """The sentence stating the one rate behind every converted amount (plain text)."""
    second, fact, unit = park.site.second_currency, park.rate_fact(), park.rate_unit()
    parts = {
        "rate": format_quantity(fact.value, lang, "rate", unit[lang.code], fact.qualifier),
        "rate_number": format_number(fact.value, lang, "rate"),
        "currency": get_currency_name(unit.per, count=1, locale=lang.locale),
        "source": park.sources[fact.source].publisher[lang.code],
        "date": format_date(fact.as_of, lang),
    }
    if second.sentence and lang.code in second.sentence:
        return second.sentence[lang.code].format(**parts)
    return lang.words.format("rate_sentence", **parts)


def _rate_note(park: Park, lang: Language) -> Markup:
    # A sentence of its own: one full stop, whether or not the words end with one.
    stop = lang.words["full_stop"]
    text = rate_text(park, lang).rstrip(".。") + stop
    # The rate is a figure too: it names its fact and source like every other.
    return Markup(
        '<p class="fact-rate-note" data-fact="{id}" data-source="{sid}">{text}</p>'
    ).format(id=park.site.second_currency.rate, sid=park.rate_fact().source, text=safe(text))


def _span(
    fact_id: str,
    park: Park,
    fact: Fact,
    lang: Language,
    body: Callable[[], str],
    notes: PageNotes | None = None,
    converted: bool = False,
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
        notes.cite(fact_id, converted) if notes else (None, f"note-{fact_id.replace('.', '-')}")
    )
    head, middle, tail = park.memo(
        ("span", fact_id, lang.code, converted, kind),
        lambda: _span_parts(park, fact_id, fact, lang, body(), converted, kind),
    )
    ref = f'<sup class="fact__ref" aria-hidden="true">{number}</sup>' if number else ""
    nid = escape(note_id)
    return Markup(f"{head}{nid}{middle}{ref}{_NOTE_OPEN}{nid}{tail}")


_NOTE_OPEN = '</span><span class="fact__note" id="'


def _span_parts(
    park: Park, fact_id: str, fact: Fact, lang: Language, body: str, converted: bool, kind: str
) -> tuple[str, str, str]:
    """A figure's HTML around its note's id (twice) and its note number, which vary by page."""
    note = source_note(park, fact, lang)
    if converted:
        note += lang.words["note_joiner"] + rate_text(park, lang)
    head = Markup(
        '<span class="fact" data-fact="{id}" data-source="{sid}" data-kind="{kind}">'
        '<span class="fact__figure" role="button" tabindex="0" aria-describedby="'
    ).format(id=fact_id, sid=fact.source, kind=kind)
    middle = Markup('">{body}').format(body=safe(body))
    tail = Markup('" role="tooltip">{note}</span></span>').format(note=safe(note))
    return str(head), str(middle), str(tail)


def fact_html(
    park: Park, fact_id: str, lang: Language, page: str = "", notes: PageNotes | None = None
) -> Markup:
    """An inline figure with its source and date in a note."""
    fact = get_fact(park, fact_id, page)
    return _span(fact_id, park, fact, lang, lambda: figure_text(park, fact, lang), notes)


def money_html(
    park: Park, fact_id: str, lang: Language, page: str = "", notes: PageNotes | None = None
) -> Markup:
    """An amount of money with, when the site has a second currency, its computed value."""
    fact = get_fact(park, fact_id, page)
    if not park.is_money(fact):
        raise ValueError(
            f"{page}: money('{fact_id}') needs an amount of money; use fact() for this one."
        )
    if not park.converts(fact):
        return _span(fact_id, park, fact, lang, lambda: figure_text(park, fact, lang), notes)

    def text() -> str:
        return lang.words.format(
            "with_converted",
            amount=figure_text(park, fact, lang),
            converted=converted_text(park, fact, lang),
        )

    return _span(fact_id, park, fact, lang, text, notes, converted=True)


def list_html(park: Park, fact_id: str, lang: Language, page: str = "") -> Markup:
    """A bulleted list of a list fact's items, with its source under it."""
    fact = get_fact(park, fact_id, page)
    items = fact.items or ([fact.text] if fact.text else [])
    lis = Markup("").join(Markup("<li>{}</li>").format(safe(item[lang.code])) for item in items)
    return Markup(
        '<div class="fact-list" data-fact="{id}" data-source="{sid}"><ul>{lis}</ul><p class="fact-note">{note}</p></div>'
    ).format(id=fact_id, sid=fact.source, lis=lis, note=safe(source_note(park, fact, lang)))


def card_value(park: Park, fact: Fact, lang: Language) -> str:
    """What a card shows large: counts without their noun (the label says it)."""
    if fact.value is None:
        return figure_text(park, fact, lang)
    unit = park.units[fact.unit or ""]
    words = unit[lang.code] if unit.kind != "count" else ""
    return format_quantity(fact.value, lang, unit.kind, words, fact.qualifier)


def cards_html(park: Park, fact_ids: tuple[str, ...], lang: Language, page: str = "") -> Markup:
    """A grid of key-figure cards: figure, label, converted amount, source and date."""
    cards = []
    for fact_id in fact_ids:
        fact = get_fact(park, fact_id, page)
        extra = Markup("")
        if park.converts(fact):
            extra = Markup('<p class="fact-card__usd">{}</p>').format(
                safe(converted_text(park, fact, lang))
            )
        if fact.qualifier == "planned":
            extra += Markup('<p class="fact-card__tag">{}</p>').format(lang.words["planned"])
        cards.append(
            Markup(
                '<div class="fact-card" data-fact="{id}" data-source="{sid}">'
                '<p class="fact-card__value">{value}</p><p class="fact-card__label">{label}</p>{extra}'
                '<p class="fact-card__source">{note}</p></div>'
            ).format(
                id=fact_id,
                sid=fact.source,
                value=safe(card_value(park, fact, lang)),
                label=safe(fact.label[lang.code]),
                extra=extra,
                note=safe(source_note(park, fact, lang)),
            )
        )
    grid = Markup('<div class="fact-cards">{}</div>').format(Markup("").join(cards))
    if any(park.converts(park.facts[i]) for i in fact_ids):
        grid += _rate_note(park, lang)
    return grid


def when_text(fact: Fact, lang: Language) -> str:
    as_of = lang.words.format("as_of", date=format_date(fact.as_of, lang))
    if fact.period is None:
        return as_of
    period = format_period(fact.period.year, fact.period.start, fact.period.end, lang)
    return lang.words.format("when", period=period, as_of=as_of)


def table_html(park: Park, lang: Language, topic: str | None = None, page: str = "") -> Markup:
    """Every fact (or one topic's) in a table with its figure, period, source and date."""
    if topic is not None and topic not in park.topics:
        raise ValueError(f"{page}: unknown topic '{topic}'; known: {', '.join(park.topics)}.")
    words = lang.words
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
            if park.converts(fact):
                figure = words.format(
                    "with_converted", amount=figure, converted=converted_text(park, fact, lang)
                )
            if fact.qualifier == "planned":
                figure += words["note_joiner"] + words["planned"]
            rows.append(
                Markup(
                    '<tr id="fact-{anchor}" data-fact="{id}" data-source="{sid}"><td>{label}</td><td class="fact-table__figure">{figure}</td>'
                    '<td>{when}</td><td><a href="{url}">{publisher}</a></td></tr>'
                ).format(
                    anchor=fact_id.replace(".", "-"),
                    id=fact_id,
                    sid=fact.source,
                    label=safe(fact.label[lang.code]),
                    figure=safe(figure),
                    when=safe(when_text(fact, lang)),
                    url=source.url,
                    publisher=safe(source.publisher[lang.code]),
                )
            )
        if not rows:
            continue
        head = Markup(
            "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
        ).format(words["fact"], words["figure"], words["period_heading"], words["source"])
        sections.append(
            Markup(
                '<table class="fact-table" data-topic="{tid}"><caption>{title}</caption>{head}<tbody>{rows}</tbody></table>'
            ).format(tid=tid, title=safe(title[lang.code]), head=head, rows=Markup("").join(rows))
        )
    tables = Markup("").join(sections)
    shown = [f for f in park.facts.values() if topic is None or f.topic == topic]
    if any(park.converts(f) for f in shown):
        tables += _rate_note(park, lang)
    return tables


def placeholder_html(park: Park, key: str, lang: Language, page: str = "") -> Markup:
    """A value the sources lack: shown when filled in, else visibly marked as missing."""
    entry = park.placeholders.get(key)
    if entry is None:
        raise ValueError(
            f"{page}: unknown placeholder '{key}'; known: {', '.join(park.placeholders)}."
        )
    if entry.placeholder:
        return Markup(
            '<span class="placeholder" data-placeholder="{key}">[{word}: {label}]</span>'
        ).format(key=key, word=lang.words["placeholder"], label=safe(entry.label[lang.code]))
    return Markup('<span data-placeholder="{key}">{value}</span>').format(
        key=key, value=safe(entry.value or "")
    )


def period_html(
    park: Park, fact_id: str, lang: Language, page: str = "", notes: PageNotes | None = None
) -> Markup:
    """The time a fact covers, as a year or span: '2021', '2022–2024' / '2021年'."""
    fact = get_fact(park, fact_id, page)
    if fact.period is None:
        raise ValueError(f"{page}: period('{fact_id}'): this fact has no `period:` in the data.")
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


def rate_html(park: Park, lang: Language, page: str = "", notes: PageNotes | None = None) -> Markup:
    """The sentence that states the rate behind every converted amount."""
    fact = park.rate_fact()
    if fact is None:
        raise ValueError(
            f"{page}: exchange_rate(): this site shows no second currency (`site: "
            "second_currency:` in the data)."
        )
    return _span(
        park.site.second_currency.rate,
        park,
        fact,
        lang,
        lambda: rate_text(park, lang),
        notes,
        kind="sentence",
    )


def sources_html(park: Park, lang: Language) -> Markup:
    """The sources with publisher, title, date and address."""
    items = [
        Markup(
            '<li id="source-{sid}" data-source="{sid}"><a href="{url}">{title}</a> — {publisher}, {date}</li>'
        ).format(
            sid=sid,
            url=source.url,
            title=safe(source.title[lang.code]),
            publisher=safe(source.publisher[lang.code]),
            date=safe(format_date(source.date, lang)),
        )
        for sid, source in park.sources.items()
    ]
    return Markup('<ul class="source-list">{}</ul>').format(Markup("").join(items))


def story_cards_html(
    park: Park,
    stories: tuple[Story, ...],
    lang: Language,
    folder: str,
    page_url: str,
    page: str = "",
    number: int = 1,
) -> Markup:
    """One index page of story cards (title, figure, summary), and links to the other pages."""
    total = page_count(len(stories))
    if not 1 <= number <= total:
        raise ValueError(f"{page}: story_cards(page={number}) but there are {total} pages.")
    cards = []
    for story in page_of(stories, number):
        figure = Markup("")
        if story.figure:
            fact = get_fact(park, story.figure, f"{page} (story {story.slug}, `figure:`)")
            figure = park.memo(
                ("story figure", story.figure, lang.code),
                lambda fid=story.figure, fact=fact: _story_figure(park, fid, fact, lang),
            )
        href = relative_url(page_url, f"{lang.prefix}{folder}/{story.slug}/")
        cards.append(
            Markup(
                '<a class="story-card" href="{href}">{figure}<span class="story-card__title">{title}</span><span class="story-card__summary">{summary}</span></a>'
            ).format(href=href, figure=figure, title=safe(story.title), summary=safe(story.summary))
        )
    grid = Markup('<div class="story-cards">{}</div>').format(Markup("").join(cards))
    return grid + pager_html(number, total, lang, folder, page_url)


def _story_figure(park: Park, fact_id: str, fact: Fact, lang: Language) -> Markup:
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


def pager_html(number: int, total: int, lang: Language, folder: str, page_url: str) -> Markup:
    """Previous and next links between the story index pages; nothing when there is one."""
    if total == 1:
        return Markup("")

    def link(target: int, word: str, rel: str) -> Markup:
        return Markup('<a class="story-pager__{rel}" rel="{rel}" href="{href}">{word}</a>').format(
            rel=rel,
            href=relative_url(page_url, index_url(target, lang, folder)),
            word=lang.words[f"stories.{word}"],
        )

    parts = [
        link(number - 1, "previous", "prev") if number > 1 else Markup(""),
        Markup('<span class="story-pager__where">{}</span>').format(
            lang.words.format("stories.page_of", n=number, total=total)
        ),
        link(number + 1, "next", "next") if number < total else Markup(""),
    ]
    return Markup('<nav class="story-pager">{}</nav>').format(Markup("").join(parts))


def back_link_html(lang: Language, folder: str, page_url: str) -> Markup:
    """The link from a story to the first page of the story index, in the page's language."""
    return Markup(
        '<p class="story-back"><a href="{href}"><span aria-hidden="true">← </span>{text}</a></p>'
    ).format(
        href=relative_url(page_url, index_url(1, lang, folder)), text=lang.words["stories.back"]
    )


def footnotes_html(park: Park, notes: PageNotes, lang: Language) -> Markup:
    """The page's list of sources, numbered as the figures' notes: what a printout cites."""
    key = ("footnotes", tuple(notes.facts), notes.converted, lang.code)
    return park.memo(key, lambda: _footnotes_html(park, notes.facts, notes.converted, lang))


def _footnotes_html(park: Park, facts: list[str], converted: bool, lang: Language) -> Markup:
    pattern = escape(lang.words["footnote"])
    items = []
    for fact_id in facts:
        fact = park.facts[fact_id]
        source = park.sources[fact.source]
        item = Markup(pattern).format(
            label=safe(fact.label[lang.code]),
            when=safe(when_text(fact, lang)),
            publisher=safe(source.publisher[lang.code]),
            title=Markup('<a href="{url}">{title}</a>').format(
                url=source.url, title=safe(source.title[lang.code])
            ),
            date=safe(format_date(source.date, lang)),
        )
        items.append(Markup('<li data-fact="{id}">{item}</li>').format(id=fact_id, item=item))
    rate = _rate_note(park, lang) if converted else Markup("")
    return Markup(
        '<section class="fact-sources" aria-labelledby="fact-sources-title">'
        '<h2 id="fact-sources-title">{head}</h2><ol>{items}</ol>{rate}</section>'
    ).format(head=lang.words["footnotes"], items=Markup("").join(items), rate=rate)

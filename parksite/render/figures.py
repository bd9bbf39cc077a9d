"""The HTML of every fact snippet the macros put in pages: figures, cards, tables, notes.

Every value from the data is escaped for HTML and for Markdown, so a label can never
become markup, a link or template syntax on a page. Every word around the facts comes from
the page's Language (parksite/i18n/words/).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable

from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_name
from markupsafe import Markup, escape

from parksite.content.pages import relative_url
from parksite.content.stories import Story, index_url, page_count, page_of
from parksite.i18n.languages import Language
from parksite.i18n.numbers import (
    format_converted,
    format_date,
    format_months,
    format_number,
    format_period,
    format_quantity,
    join_items,
)
from parksite.model.park import Fact, Park
from parksite.model.review import overdue, period_end, period_ended
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


def fill(template: str, **values: object) -> Markup:
    """Markup(template).format(**values), at str.format's speed (Markup.format runs Python's
    own Formatter): each value escaped by markupsafe, Markup left as it is. For the engine's
    templates, which have no format specifications; a language's words keep Markup.format."""
    return Markup(template.format_map({key: escape(value) for key, value in values.items()}))


def get_fact(park: Park, fact_id: str, page: str = "") -> Fact:
    try:
        return park.facts[fact_id]
    except KeyError:
        raise UnknownFact(fact_id, sorted(park.facts), page) from None


def source_note(park: Park, fact: Fact, lang: Language) -> str:
    """'Source: China Daily, Shanxi channel, 30 January 2022' (plain text); for a figure the
    source implies but does not state, 'Worked out from ...'."""
    source = park.sources[fact.source]
    return lang.words.format(
        "derived_note" if fact.derived else "source_note",
        publisher=source.publisher[lang.code],
        date=format_date(fact.as_of, lang),
    )


def language_name(code: str, lang: Language) -> str:
    """A source's language named in the page's: the site's word, else Babel's name."""
    word = lang.words.get(f"language_names.{code}")
    if word:
        return word
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(lang.locale) or code
    except (ValueError, UnknownLocaleError):
        return code


def wording_note(park: Park, fact: Fact, lang: Language) -> str | None:
    """Where a fact's wording in this language comes from, when another report than its
    source gives it: 'Chinese form as given by <source>, <its date>'."""
    sid = fact.wording.get(lang.code)
    if sid is None or sid == fact.source:
        return None
    source = park.sources[sid]
    return lang.words.format(
        "wording",
        language=language_name(lang.code, lang),
        publisher=source.publisher[lang.code],
        date=format_date(source.date, lang),
    )


def figure_text(park: Park, fact: Fact, lang: Language) -> str:
    """The figure as plain text: a number with qualifier and unit, a text, or a list; a name
    the site translated itself is marked as its own translation."""
    if fact.value is not None:
        unit = park.units[fact.unit or ""]
        return format_quantity(fact.value, lang, unit.kind, unit[lang.code], fact.qualifier)
    if fact.text is not None:
        text = fact.text[lang.code]
    else:
        text = join_items([item[lang.code] for item in fact.items or []], lang)
    if lang.code in fact.own_translation:
        return lang.words.format("own_translation", text=text)
    return text


def converted_text(park: Park, fact: Fact, lang: Language) -> str:
    """The amount in the second currency, computed: 'about US$245 million' / '约合2.45亿美元';
    an amount of "more than" or "over" keeps it: 'more than US$943 million' / '折合逾9.43亿美元'."""
    second, rate = park.site.second_currency, park.rate_fact()
    amount = format_converted(fact.value, rate.value, lang, second.written[lang.code])
    if fact.qualifier in ("more_than", "over"):
        return lang.words.format(f"converted.{fact.qualifier}", amount=amount)
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
    if notes is not None and notes.plain:
        text = park.memo(("plain", fact_id, lang.code, converted, kind), body)
        notes.converted = notes.converted or converted
        return _plain(fact_id, park, fact, lang, text, notes, kind)
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


def _plain(
    fact_id: str,
    park: Park,
    fact: Fact,
    lang: Language,
    text: str,
    notes: PageNotes | None = None,
    kind: str = "text",
) -> Markup:
    """A name, place, list or sentence from the data: plain text, not a control. Its footnote
    number shows in print; the page's list of sources gives its source on screen."""
    number = notes.cite(fact_id)[0] if notes else None
    ref = (
        Markup('<sup class="fact__ref" aria-hidden="true">{}</sup>').format(number)
        if number
        else ""
    )
    return fill(
        '<span class="fact" data-fact="{id}" data-source="{sid}" data-kind="{kind}">{text}{ref}</span>',
        id=fact_id,
        sid=fact.source,
        kind=kind,
        text=safe(text),
        ref=ref,
    )


def fact_html(
    park: Park, fact_id: str, lang: Language, page: str = "", notes: PageNotes | None = None
) -> Markup:
    """An inline figure with its source and date in a note; a name or text, plainly."""
    fact = get_fact(park, fact_id, page)
    if fact.value is None:
        return _plain(fact_id, park, fact, lang, figure_text(park, fact, lang), notes)
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


def list_html(
    park: Park, fact_id: str, lang: Language, page: str = "", notes: PageNotes | None = None
) -> Markup:
    """A bulleted list of a list fact's items; its source is in the page's list of sources
    (its footnote number shows in print)."""
    fact = get_fact(park, fact_id, page)
    items = fact.items or ([fact.text] if fact.text else [])
    number = notes.cite(fact_id)[0] if notes else None
    ref = (
        Markup('<sup class="fact__ref" aria-hidden="true">{}</sup>').format(number)
        if number
        else ""
    )
    mark = lang.code in fact.own_translation
    lis = Markup("").join(
        Markup("<li>{}</li>").format(
            safe(
                lang.words.format("own_translation", text=item[lang.code])
                if mark
                else item[lang.code]
            )
        )
        for item in items
    )
    return Markup(
        '<div class="fact-list" data-fact="{id}" data-source="{sid}"><ul>{lis}</ul>{ref}</div>'
    ).format(id=fact_id, sid=fact.source, lis=lis, ref=ref)


def card_value(park: Park, fact: Fact, lang: Language) -> str:
    """What a card shows large, as plain text: the figure with its qualifier and unit."""
    return figure_text(park, fact, lang)


def card_value_html(park: Park, fact: Fact, lang: Language) -> Markup:
    """What a card shows large: the number, and its unit word smaller ('4500余<span>人</span>')
    so that a card never shows a bare number."""
    unit = park.unit_of(fact)
    words = unit[lang.code] if unit is not None else ""
    if fact.value is None or not words or "{}" in words:
        return safe(figure_text(park, fact, lang))
    number = format_quantity(fact.value, lang, unit.kind, "", fact.qualifier)
    return Markup(escape(lang.words["quantity"])).format(
        number=safe(number),
        unit=Markup('<span class="fact-card__unit">{}</span>').format(safe(words)),
    )


def plan_tag(park: Park, fact: Fact, lang: Language, today: dt.date | None) -> str:
    """What a planned figure is: 'Plan for 2022–2024 · period ended' / '2022—2024年计划 · 期限已过'
    (ended by the build's date), or 'Plan' for a plan without a period."""
    words = lang.words
    if fact.period is None:
        return words["plan.tag"]
    span = fact.period
    tag = words.format("plan.period", period=format_period(span.year, span.start, span.end, lang))
    if today is not None and period_ended(fact, today):
        tag += words["note_joiner"] + words["plan.ended"]
    return tag


def _by_source(park: Park, fact_ids: Iterable[str]) -> dict[tuple[str, dt.date], list[str]]:
    """Facts grouped by source and date, in the order each group first appears."""
    groups: dict[tuple[str, dt.date], list[str]] = {}
    for fact_id in fact_ids:
        fact = park.facts[fact_id]
        groups.setdefault((fact.source, fact.as_of), []).append(fact_id)
    return groups


def _card(park: Park, fact_id: str, fact: Fact, lang: Language, today: dt.date | None) -> Markup:
    extra = Markup("")
    if park.converts(fact):
        extra = Markup('<p class="fact-card__usd">{}</p>').format(
            safe(converted_text(park, fact, lang))
        )
    if fact.qualifier == "planned":
        extra += Markup('<p class="fact-card__tag">{}</p>').format(
            plan_tag(park, fact, lang, today)
        )
    return Markup(
        '<div class="fact-card" data-fact="{id}" data-source="{sid}">'
        '<p class="fact-card__value">{value}</p><p class="fact-card__label">{label}</p>{extra}</div>'
    ).format(
        id=fact_id,
        sid=fact.source,
        value=card_value_html(park, fact, lang),
        label=safe(fact.label[lang.code]),
        extra=extra,
    )


def cards_html(
    park: Park,
    fact_ids: tuple[str, ...],
    lang: Language,
    page: str = "",
    notes: PageNotes | None = None,
    today: dt.date | None = None,
) -> Markup:
    """Key-figure cards (figure, label, converted amount), one grid per source and date with
    that source named once under it."""
    for fact_id in fact_ids:
        get_fact(park, fact_id, page)
    if notes is not None:
        notes.show(*fact_ids)
    groups = []
    for ids in _by_source(park, fact_ids).values():
        cards = Markup("").join(_card(park, i, park.facts[i], lang, today) for i in ids)
        first = park.facts[ids[0]]
        groups.append(
            Markup(
                '<div class="fact-cards">{cards}</div><p class="fact-cards__source" data-source="{sid}">{note}</p>'
            ).format(cards=cards, sid=first.source, note=safe(source_note(park, first, lang)))
        )
    grid = Markup('<div class="fact-card-groups">{}</div>').format(Markup("").join(groups))
    if any(park.converts(park.facts[i]) for i in fact_ids):
        grid += _rate_note(park, lang)
    return grid


def when_text(fact: Fact, lang: Language) -> str:
    as_of = lang.words.format("as_of", date=format_date(fact.as_of, lang))
    if fact.period is None:
        return as_of
    period = format_period(fact.period.year, fact.period.start, fact.period.end, lang)
    return lang.words.format("when", period=period, as_of=as_of)


def table_html(
    park: Park,
    lang: Language,
    topic: str | None = None,
    page: str = "",
    notes: PageNotes | None = None,
    today: dt.date | None = None,
) -> Markup:
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
                figure += words["note_joiner"] + plan_tag(park, fact, lang, today)
            if notes is not None:
                notes.show(fact_id)
            source_cell = safe(source.publisher[lang.code])
            if fact.derived:
                source_cell = safe(source_note(park, fact, lang))
            wording = wording_note(park, fact, lang)
            rows.append(
                Markup(
                    '<tr id="fact-{anchor}" data-fact="{id}" data-source="{sid}"><td>{label}</td><td class="fact-table__figure">{figure}</td>'
                    '<td>{when}</td><td><a href="{url}">{publisher}</a>{wording}</td></tr>'
                ).format(
                    anchor=fact_id.replace(".", "-"),
                    id=fact_id,
                    sid=fact.source,
                    label=safe(fact.label[lang.code]),
                    figure=safe(figure),
                    when=safe(when_text(fact, lang)),
                    url=source.url,
                    publisher=source_cell,
                    wording=Markup("<br><small>{}</small>").format(wording) if wording else "",
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


def _placeholder(park: Park, key: str, page: str):
    entry = park.placeholders.get(key)
    if entry is None:
        raise ValueError(
            f"{page}: unknown placeholder '{key}'; known: {', '.join(park.placeholders)}."
        )
    return entry


def placeholder_html(park: Park, key: str, lang: Language, page: str = "") -> Markup:
    """A value the sources lack, once someone has filled it in; until then nothing (a public
    page shows no unconfirmed detail: every build lists it for staff)."""
    entry = _placeholder(park, key, page)
    if entry.placeholder:
        return Markup("")
    return Markup('<span data-placeholder="{key}">{value}</span>').format(
        key=key, value=safe(entry.value or "")
    )


def details_html(park: Park, keys: tuple[str, ...], lang: Language, page: str = "") -> Markup:
    """The filled-in values among some details (contact details), each under its label;
    nothing at all while none is filled in."""
    rows = []
    for key in keys:
        entry = _placeholder(park, key, page)
        if entry.placeholder:
            continue
        text = entry.value or ""
        value = safe(text)
        # An e-mail address or a telephone number opens the reader's mail or phone.
        if re.fullmatch(r"[^@\s]+@[^@\s]+", text):
            value = Markup('<a href="mailto:{0}">{0}</a>').format(value)
        elif re.fullmatch(r"\+?[\d\s()-]{6,}", text):
            number = re.sub(r"[^\d+]", "", text)
            value = Markup('<a href="tel:{}">{}</a>').format(number, value)
        rows.append(
            Markup('<dt>{label}</dt><dd data-placeholder="{key}">{value}</dd>').format(
                label=safe(entry.label[lang.code]), key=key, value=value
            )
        )
    if not rows:
        return Markup("")
    return Markup('<dl class="details">{}</dl>').format(Markup("").join(rows))


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
    return _plain(
        park.site.second_currency.rate, park, fact, lang, rate_text(park, lang), notes, "sentence"
    )


def plan_status_html(
    park: Park, fact_id: str, lang: Language, today: dt.date, page: str = ""
) -> Markup:
    """Whether the period a plan covers has ended, by the build's date: 'That period ended in
    2024.' / 'That period runs until the end of 2024.'"""
    fact = get_fact(park, fact_id, page)
    end = period_end(fact)
    if end is None:
        raise ValueError(
            f"{page}: plan_status('{fact_id}'): this fact has no period with an end "
            "(`period: {year: 2022}` or `{from: 2022, to: 2024}` in the data)."
        )
    key = "plan.status_ended" if period_ended(fact, today) else "plan.status_open"
    return Markup(
        '<span class="plan-status" data-fact="{id}" data-source="{sid}">{text}</span>'
    ).format(id=fact_id, sid=fact.source, text=lang.words.format(key, end=end))


def dateline_html(park: Park, fact_ids: Iterable[str], lang: Language, today: dt.date) -> Markup:
    """Under a page's title: the months its figures were reported in, and, when one of them is
    past the site's threshold for telling readers, that they may have changed since."""
    ids = tuple(dict.fromkeys(fact_ids))
    if not ids:
        return Markup("")
    return park.memo(("dateline", ids, lang.code, today), lambda: _dateline(park, ids, lang, today))


def _dateline(park: Park, ids: tuple[str, ...], lang: Language, today: dt.date) -> Markup:
    months = format_months([park.sources[park.facts[i].source].date for i in ids], lang)
    text = lang.words.format("dateline.reported", months=months)
    if any(overdue(park, i, today) for i in ids):
        text += " " * (lang.words["full_stop"] == ".") + lang.words["dateline.changed"]
    return Markup('<p class="dateline">{}</p>').format(text)


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
    limit: int | None = None,
    notes: PageNotes | None = None,
) -> Markup:
    """One index page of story cards (title, figure, summary), and links to the other pages;
    with `limit`, the first stories only and no links to other pages. The cards' figures are
    credited once under the cards when they share a source and date, else on each card."""
    total = page_count(len(stories))
    if not 1 <= number <= total:
        raise ValueError(f"{page}: story_cards(page={number}) but there are {total} pages.")
    if limit is not None and limit < 1:
        raise ValueError(f"{page}: story_cards(limit={limit}) shows no story; write 1 or more.")
    shown = page_of(stories, number)[:limit]
    figures = []
    for story in shown:
        if story.figure:
            get_fact(park, story.figure, f"{page} (story {story.slug}, `figure:`)")
            figures.append(story.figure)
    if notes is not None:
        notes.show(*figures)
    groups = _by_source(park, figures)
    cards = []
    for story in shown:
        figure = Markup("")
        if story.figure:
            fact = park.facts[story.figure]
            figure = park.memo(
                ("story figure", story.figure, lang.code, len(groups) > 1),
                lambda fid=story.figure, fact=fact: _story_figure(
                    park, fid, fact, lang, own_note=len(groups) > 1
                ),
            )
        href = relative_url(page_url, f"{lang.prefix}{folder}/{story.slug}/")
        cards.append(
            fill(
                '<a class="story-card" href="{href}">{figure}<span class="story-card__title">{title}</span><span class="story-card__summary">{summary}</span></a>',
                href=href,
                figure=figure,
                title=safe(story.title),
                summary=safe(story.summary),
            )
        )
    grid = Markup('<div class="story-cards">{}</div>').format(Markup("").join(cards))
    if len(groups) == 1:
        first = park.facts[figures[0]]
        grid += Markup('<p class="fact-cards__source" data-source="{sid}">{note}</p>').format(
            sid=first.source, note=safe(source_note(park, first, lang))
        )
    if limit is not None:
        return grid
    return grid + pager_html(number, total, lang, folder, page_url)


def _story_figure(park: Park, fact_id: str, fact: Fact, lang: Language, own_note: bool) -> Markup:
    # Inside a link a figure cannot be a control of its own: its source is written out when
    # the cards do not share one.
    note = Markup("")
    if own_note:
        note = Markup('<span class="story-card__source">{}</span>').format(
            safe(source_note(park, fact, lang))
        )
    return Markup(
        '<span class="fact-card__value" data-fact="{id}" data-source="{sid}">{value}</span>{note}'
    ).format(id=fact_id, sid=fact.source, value=card_value_html(park, fact, lang), note=note)


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
    return fill(
        '<p class="story-back"><a href="{href}"><span aria-hidden="true">← </span>{text}</a></p>',
        href=relative_url(page_url, index_url(1, lang, folder)),
        text=lang.words["stories.back"],
    )


def footnotes_html(park: Park, notes: PageNotes, lang: Language) -> Markup:
    """The page's list of sources, each source once with the figures it gives, numbered as the
    figures' footnote marks: what a printout cites."""
    key = ("footnotes", tuple(notes.facts), notes.converted, lang.code)
    return park.memo(key, lambda: _footnotes_html(park, notes.facts, notes.converted, lang))


def _footnotes_html(park: Park, facts: list[str], converted: bool, lang: Language) -> Markup:
    pattern = escape(lang.words["footnote_source"])
    groups = []
    for sid, ids in _sources_of(park, facts).items():
        source = park.sources[sid]
        head = Markup(pattern).format(
            publisher=safe(source.publisher[lang.code]),
            title=Markup('<a href="{url}">{title}</a>').format(
                url=source.url, title=safe(source.title[lang.code])
            ),
            date=safe(format_date(source.date, lang)),
        )
        items = []
        for fact_id in ids:
            fact = park.facts[fact_id]
            item = safe(fact.label[lang.code])
            parts = [_when_beyond(fact, source.date, lang), wording_note(park, fact, lang)]
            if fact.derived:
                parts = [lang.words["derived"]]
            when = lang.words["separator"].join(part for part in parts if part)
            if when:
                item = Markup(escape(lang.words["footnote_item"])).format(
                    label=item, when=safe(when)
                )
            items.append(
                fill(
                    '<li value="{n}" data-fact="{id}"><b>{n}</b> {item}</li>',
                    n=facts.index(fact_id) + 1,
                    id=fact_id,
                    item=item,
                )
            )
        groups.append(
            Markup(
                '<div class="fact-sources__group" data-source="{sid}"><p>{head}</p><ol>{items}</ol></div>'
            ).format(sid=sid, head=head, items=Markup("").join(items))
        )
    rate = _rate_note(park, lang) if converted else Markup("")
    return Markup(
        '<section class="fact-sources" aria-labelledby="fact-sources-title">'
        '<h2 id="fact-sources-title">{head}</h2>{groups}{rate}</section>'
    ).format(head=lang.words["footnotes"], groups=Markup("").join(groups), rate=rate)


def _sources_of(park: Park, facts: list[str]) -> dict[str, list[str]]:
    """The facts of a page by source, sources in the order of their first figure."""
    by_source: dict[str, list[str]] = {}
    for fact_id in facts:
        by_source.setdefault(park.facts[fact_id].source, []).append(fact_id)
    return by_source


def _when_beyond(fact: Fact, published: dt.date, lang: Language) -> str:
    """What a fact's footnote adds to its source's date: the period it covers, and its own
    date when that is not the day the source was published."""
    parts = []
    if fact.period is not None:
        span = fact.period
        period = format_period(span.year, span.start, span.end, lang)
        # A label that names its period already ('Revenue ... in 2021') needs it once only.
        if period not in fact.label[lang.code]:
            parts.append(period)
    if fact.as_of != published:
        parts.append(lang.words.format("as_of", date=format_date(fact.as_of, lang)))
    if len(parts) == 2:
        return lang.words.format("when", period=parts[0], as_of=parts[1])
    return parts[0] if parts else ""

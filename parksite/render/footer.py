"""The footer line every page shows: when the figures were reported and when they were last
checked (two different dates), links to the sources and the fact sheet, and the ICP filing
number once there is one."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from parksite.i18n.languages import Language
from parksite.i18n.numbers import format_date, format_month_span
from parksite.model.park import Park
from parksite.render.figures import fill, safe
from parksite.render.head import SHARE_SIZE

# The public register of ICP filings, where a reader can verify the number.
MIIT_FILING_SITE = "https://beian.miit.gov.cn/"


def reported_dates(park: Park) -> list:
    """The publication dates of the sources the facts come from."""
    return [park.sources[fact.source].date for fact in park.facts.values()]


def footer_line(park: Park, lang: Language, links: Sequence[tuple[str, str]] = ()) -> Markup:
    """When the figures were reported, when they were checked, links (address, text) and the
    ICP number linked to the MIIT register: the same on every page of a language but for the
    links' addresses, which are relative to the page (so made once per language and folder
    depth)."""
    return park.memo(
        ("footer line", lang.code, tuple(links)), lambda: _footer_line(park, lang, links)
    )


def _footer_line(park: Park, lang: Language, links: Sequence[tuple[str, str]]) -> Markup:
    dates = park.memo(
        ("footer dates", lang.code),
        lambda: (
            lang.words.format(
                "footer_reported", when=format_month_span(reported_dates(park), lang)
            ),
            lang.words.format("footer_checked", date=format_date(park.last_checked, lang)),
        ),
    )
    reported, checked = dates
    parts = [
        Markup('<span class="park-footer__reported">{}</span>').format(reported),
        Markup('<span class="park-footer__checked" data-last-checked="{}">{}</span>').format(
            park.last_checked.isoformat(), checked
        ),
    ]
    parts += [Markup('<a href="{}">{}</a>').format(href, safe(text)) for href, text in links]
    number = icp_number(park)
    if number:
        parts.append(
            Markup('<a class="park-footer__icp" href="{}" rel="noopener">{}</a>').format(
                MIIT_FILING_SITE, number
            )
        )
    return Markup('<p class="park-footer">{}</p>').format(Markup("").join(parts))


def icp_number(park: Park) -> str | None:
    """The ICP filing number, once filled in (a mainland-China host without one is refused
    by the data's check): before that the footer shows no ICP line at all."""
    key = park.site.icp_number
    entry = park.placeholders.get(key) if key else None
    return entry.value if entry is not None and not entry.placeholder else None


def footer_html(
    park: Park,
    lang: Language,
    share_image: str | None,
    links: Sequence[tuple[str, str]] = (),
) -> Markup:
    """The footer line, then the page's share image for WeChat, which previews a link with the
    page's first large image. The image is hidden and lazy, so browsers never fetch it; the
    404 page, shown at any address, has none (None)."""
    line = footer_line(park, lang, links)
    if share_image is None:
        return line
    width, height = SHARE_SIZE
    return line + fill(
        '<img class="park-share-image" src="{src}" alt="" width="{width}" height="{height}" loading="lazy" hidden>',
        src=share_image,
        width=width,
        height=height,
    )


def checked_html(park: Park, lang: Language) -> Markup:
    """The sentence telling readers when the data were last checked against the sources."""
    return Markup('<span class="data-checked" data-checked="{iso}">{text}</span>').format(
        iso=park.last_checked.isoformat(),
        text=lang.words.format("data_checked", date=format_date(park.last_checked, lang)),
    )

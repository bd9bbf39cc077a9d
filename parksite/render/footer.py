"""The footer line every page shows: the ICP filing number and when the facts were checked."""

from __future__ import annotations

from markupsafe import Markup

from parksite.i18n.languages import Language
from parksite.i18n.numbers import format_date
from parksite.model.park import Park
from parksite.render.figures import placeholder_html
from parksite.render.head import SHARE_SIZE

# The public register of ICP filings, where a reader can verify the number.
MIIT_FILING_SITE = "https://beian.miit.gov.cn/"


def footer_line(park: Park, lang: Language) -> Markup:
    """The ICP number (when the site has one) linked to the MIIT register, and the check date:
    the same on every page of a language, so made once per language and data load."""
    return park.memo(("footer", lang.code), lambda: _footer_line(park, lang))


def _footer_line(park: Park, lang: Language) -> Markup:
    icp = Markup("")
    if park.site.icp_number:
        number = placeholder_html(park, park.site.icp_number, lang, "the footer")
        icp = Markup(
            '<a class="park-footer__icp" href="{site}" rel="noopener">{number}</a>'
        ).format(site=MIIT_FILING_SITE, number=number)
    checked = lang.words.format("footer_checked", date=format_date(park.last_checked, lang))
    return Markup(
        '<p class="park-footer">{icp}'
        '<span class="park-footer__checked" data-last-checked="{iso}">{checked}</span></p>'
    ).format(icp=icp, iso=park.last_checked.isoformat(), checked=checked)


def footer_html(park: Park, lang: Language, share_image: str | None) -> Markup:
    """The footer line, then the page's share image for WeChat, which previews a link with the
    page's first large image. The image is hidden and lazy, so browsers never fetch it; the
    404 page, shown at any address, has none (None)."""
    if share_image is None:
        return footer_line(park, lang)
    return footer_line(park, lang) + Markup(
        '<img class="park-share-image" src="{}" alt="" width="{}" height="{}" loading="lazy" hidden>'
    ).format(share_image, *SHARE_SIZE)


def checked_html(park: Park, lang: Language) -> Markup:
    """The sentence telling readers when the data were last checked against the sources."""
    return Markup('<span class="data-checked" data-checked="{iso}">{text}</span>').format(
        iso=park.last_checked.isoformat(),
        text=lang.words.format("data_checked", date=format_date(park.last_checked, lang)),
    )

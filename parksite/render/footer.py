"""The footer line every page shows: the ICP filing number and when the facts were checked."""

from __future__ import annotations

from markupsafe import Markup

from parksite.i18n.numbers import format_date
from parksite.model.load import per_data_load
from parksite.model.park import Lang, Park
from parksite.render.figures import placeholder_html
from parksite.render.head import SHARE_SIZE

# The public register of ICP filings, where a reader can verify the number.
MIIT_FILING_SITE = "https://beian.miit.gov.cn/"
ICP_KEY = "site.icp_number"
WORDS = {
    "checked": {"en": "Facts last checked on {date}", "zh": "数据核对日期：{date}"},
}


@per_data_load
def footer_line(park: Park, lang: Lang) -> Markup:
    """The ICP number (or its visible placeholder) linked to the MIIT register, and the check
    date: the same on every page of a language, so made once per language and data load."""
    icp = placeholder_html(park, ICP_KEY, lang, "the footer")
    checked = WORDS["checked"][lang].format(date=format_date(park.last_checked, lang))
    return Markup(
        '<p class="park-footer"><a class="park-footer__icp" href="{site}" rel="noopener">{icp}</a>'
        '<span class="park-footer__checked" data-last-checked="{iso}">{checked}</span></p>'
    ).format(site=MIIT_FILING_SITE, icp=icp, iso=park.last_checked.isoformat(), checked=checked)


def footer_html(park: Park, lang: Lang, share_image: str | None) -> Markup:
    """The footer line, then the page's share image for WeChat, which previews a link with the
    page's first large image. The image is hidden and lazy, so browsers never fetch it; the
    404 page, shown at any address, has none (None)."""
    if share_image is None:
        return footer_line(park, lang)
    return footer_line(park, lang) + Markup(
        '<img class="park-share-image" src="{}" alt="" width="{}" height="{}" loading="lazy" hidden>'
    ).format(share_image, *SHARE_SIZE)


_CHECKED = {
    "en": "The figures on this site were last checked against their sources on {date}.",
    "zh": "本站数据最近一次于{date}与来源核对。",
}


def checked_html(park: Park, lang: Lang) -> Markup:
    """The sentence telling readers when the data were last checked against the sources."""
    return Markup('<span class="data-checked" data-checked="{iso}">{text}</span>').format(
        iso=park.last_checked.isoformat(),
        text=_CHECKED[lang].format(date=format_date(park.last_checked, lang)),
    )

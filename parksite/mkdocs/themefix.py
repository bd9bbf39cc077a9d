"""Corrections to the HTML Material for MkDocs writes, so that every page is valid HTML and
accessible: each fix names the checker that asked for it."""

from __future__ import annotations

import re

from parksite.i18n.languages import Language

_FIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    # Nu Html Checker: autocomplete is not allowed on checkboxes (Material's drawer and
    # search toggles). The cost: Firefox may show an open menu again after Back.
    (re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"'), r"\1"),
    # Nu Html Checker: an empty tabindex is not an integer (section labels in the navigation).
    (re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""'), r"\1"),
)
# What blocks a page's first render (reviewed for issue 4, held by tests/site/test_page_chrome.py):
# Material's main stylesheet and the site's three small ones, fetched in parallel; every script
# is at the end of the body or inline. Material's palette stylesheet is dropped: each of its
# rules is for a colour scheme or named colour (slate, indigo ...) this site does not use (ours
# are `custom`, set in site.css), so it only delayed the first render. The print sheet is
# linked with media="print" (overrides/main.html). The three small files stay separate files,
# not inlined: they arrive before the much larger main stylesheet, and inlining them would
# add to every page instead of being cached once.
# Literal first: a leading \s* would make the regex engine try at every character of the page.
_PALETTE = re.compile(
    r'<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">\n?'
)
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def fix_theme_html(html: str, lang: Language) -> str:
    """The page with the theme's invalid or unnamed markup corrected."""
    for pattern, replacement in _FIXES:
        html = pattern.sub(replacement, html)
    # Nu Html Checker: a page outside the nav (a story) has the table of contents' label but
    # not its toggle, and a label's `for` must name a control.
    if 'id="__toc"' not in html:
        html = html.replace(
            '<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">'
        )
    html = _PALETTE.sub("", html, count=1)
    # axe aria-dialog-name: a dialog needs an accessible name.
    return html.replace(
        _SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{lang.words["search"]}">'
    )

"""Corrections to the HTML Material for MkDocs writes, so that every page is valid HTML and
accessible: each fix names the checker that asked for it."""

from __future__ import annotations

import re

from parksite.i18n.languages import Language

# What blocks a page's first render (reviewed for issue 4, held by tests/site/test_page_chrome.py):
# Material's main stylesheet and the site's three small ones, fetched in parallel; every script
# is at the end of the body or inline. Material's palette stylesheet is dropped: each of its
# rules is for a colour scheme or named colour (slate, indigo ...) this site does not use (ours
# are `custom`, set in site.css), so it only delayed the first render. The print sheet is
# linked with media="print" (overrides/main.html). The three small files stay separate files,
# not inlined: they arrive before the much larger main stylesheet, and inlining them would
# add to every page instead of being cached once.
#
# The theme's tags that need a correction, found in one pass over the page (each a literal
# start, so the regex engine only tries where a `<` stands).
_THEME_TAGS = re.compile(
    r'<input class="md-toggle"[^>]*>'
    r'|<label class="md-nav__(?:link|title)[^>]*>'
    r'|<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">\n?'
    r'|<div class="md-search" data-md-component="search" role="dialog">'
)
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'
# Where the page's own content starts: every tag above is written before it (the header, the
# navigation and the table of contents), so the rest of the page is not searched.
_CONTENT = '<div class="md-content"'


def fix_theme_html(html: str, lang: Language) -> str:
    """The page with the theme's invalid or unnamed markup corrected."""

    def fix(match: re.Match[str]) -> str:
        tag = match[0]
        if tag.startswith("<input"):
            # Nu Html Checker: autocomplete is not allowed on checkboxes (Material's drawer and
            # search toggles). The cost: Firefox may show an open menu again after Back.
            return tag.replace(' autocomplete="off"', "") if 'type="checkbox"' in tag else tag
        if tag.startswith('<label class="md-nav__link'):
            # Nu Html Checker: an empty tabindex is not an integer (section labels in the nav).
            return tag.replace(' tabindex=""', "")
        if tag == _TOC_LABEL:
            # Nu Html Checker: a page outside the nav (a story) has the table of contents'
            # label but not its toggle, and a label's `for` must name a control.
            return '<label class="md-nav__title">' if 'id="__toc"' not in html else tag
        if tag.startswith("<link"):
            return ""  # the palette stylesheet (see above)
        if tag.startswith("<div"):
            # axe aria-dialog-name: a dialog needs an accessible name.
            return tag[:-1] + f' aria-label="{lang.words["search"]}">'
        return tag

    end = html.find(_CONTENT)
    if end < 0:
        return _THEME_TAGS.sub(fix, html)
    return _THEME_TAGS.sub(fix, html[:end]) + html[end:]

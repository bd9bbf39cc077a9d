"""A Markdown extension that refuses links and images a reader's browser would run as code.

An editor's `[x](javascript:alert(1))`, a raw `<a href="javascript:...">` or an entity-
encoded variant must never become a link. The check runs on each page's final HTML, so it
sees every way of writing a link, and stops the build with a message naming the address.
Registered in mkdocs.yml as `parksite.checks.markup`; `make check` finds the same links with line
numbers before a build (parksite.checks.project.link_problems).
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from mkdocs.exceptions import PluginError

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers ignore spaces and control characters inside a scheme: "java\tscript:" runs.
_IGNORED = re.compile(r"[\x00-\x20]")
# Markup that runs code or pulls in another page: never written in a page, only by the theme.
FORBIDDEN_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "base", "form"}
MARKUP = re.compile(
    r"<\s*(?:script|iframe|frame|frameset|object|embed|base|form)\b|<[a-zA-Z][^>]*?\son[a-z]+\s*=",
    re.IGNORECASE,
)
HOW_TO_MARKUP = (
    "a page holds text, Markdown and the site's macros; scripts, frames, forms and `on...=` "
    "attributes are not allowed: delete them (ask a maintainer if the page needs a feature)."
)
HOW_TO_LINK = (
    "link to a web page (https://...), an e-mail address (mailto:...) or another page of "
    "the site (about.md); nothing else becomes a link."
)


def unsafe_scheme(url: str) -> str | None:
    """The scheme of an address unless it is http, https, mailto or tel: 'javascript'."""
    match = _SCHEME.match(_IGNORED.sub("", url))
    return match[1].lower() if match and match[1].lower() not in SAFE_SCHEMES else None


class _Addresses(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.markup: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [v for k, v in attrs if k in URL_ATTRIBUTES and v and unsafe_scheme(v)]
        self.markup += [f"<{tag}>"] if tag in FORBIDDEN_TAGS else []
        self.markup += [f"{k}=" for k, _ in attrs if k.startswith("on")]

    handle_startendtag = handle_starttag


# Attribute values that could hold an address: a quick look before the full parse. The
# names' first letters come first as a class, which the regex engine skips ahead to (twice
# as fast on every page as the plain alternation); lookbehinds then match the rest.
_VALUES = re.compile(
    r"""[hsafxpd](?<![\w:-].)"""
    r"""(?:(?<=h)ref|(?<=s)rc|(?<=a)ction|(?<=f)ormaction|(?<=x)link:href|(?<=p)oster|(?<=d)ata)"""
    r"""\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""",
    re.IGNORECASE,
)


def unsafe_urls(html: str) -> list[str]:
    """Every address in the HTML that must not become a link (entities already decoded)."""
    # Most pages have no suspect address at all: only those are parsed in full. A scheme needs
    # a colon, written as such or as an entity: other addresses are not even decoded.
    if not any(
        unsafe_scheme(unescape(v.strip("\"'")))
        for v in _VALUES.findall(html)
        if ":" in v or "&" in v
    ):
        return []
    parser = _Addresses()
    parser.feed(html)
    parser.close()
    return parser.found


def unsafe_markup(html: str) -> list[str]:
    """Every tag or attribute in the HTML that would run code: '<script>', 'onerror='."""
    if not MARKUP.search(html):
        return []
    parser = _Addresses()
    parser.feed(html)
    parser.close()
    return parser.markup


class _RefuseUnsafeLinks(Postprocessor):
    def run(self, text: str) -> str:
        markup = unsafe_markup(text)
        if markup:
            shown = ", ".join(f"`{m}`" for m in markup)
            raise PluginError(f"{shown} is not allowed in a page.\n    How to fix: {HOW_TO_MARKUP}")
        found = unsafe_urls(text)
        if found:
            shown = ", ".join(f"`{url}`" for url in found)
            raise PluginError(f"a link to {shown} is not allowed.\n    How to fix: {HOW_TO_LINK}")
        return text


class SafeLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 1: after raw HTML is put back (30), so raw <a> tags are checked too.
        md.postprocessors.register(_RefuseUnsafeLinks(md), "parksite_links", 1)


def makeExtension(**kwargs: object) -> SafeLinksExtension:
    return SafeLinksExtension(**kwargs)

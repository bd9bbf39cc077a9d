"""What a page may contain, judged on the HTML5 parse a browser makes of it.

A page's HTML is parsed by Lexbor (through selectolax), an HTML5 parser that follows the
WHATWG specification as browsers do, inside the elements the theme puts around it and
followed by a marker element. Then every node of the tree is held to an allowlist: the
elements, the attributes (which `data-*` and `aria-*`; never `style`, `on...`, `data-md-*`),
the addresses (links: http, https, mailto, tel or the site's own pages; images and anything
else fetched: the site's own files only) and the shape: the marker must close the content
area where the page put it, so nothing the page wrote (an unclosed comment, a stray end tag,
a `<textarea>`) swallows or closes the theme's elements. Whatever the parser makes of a
spelling is what is judged; patterns only find the line of a node the parser refused.

Used by `make check` on each page's source (parksite.checks.project) and by the build on
each page's rendered content (parksite.mkdocs.events).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements a page's content may hold: text structure, tables, links and the site's images.
ELEMENTS = _names(
    "a abbr b blockquote br caption code dd del details div dl dt em figcaption figure "
    "h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark nav ol p pre q s section small span strong "
    "sub summary sup table tbody td tfoot th thead time tr u ul"
)
# Attributes any allowed element may carry, then those of particular elements.
GLOBAL_ATTRIBUTES = _names(
    "id class title lang dir role tabindex aria-label aria-labelledby aria-describedby "
    "aria-hidden data-fact data-source data-kind data-topic data-placeholder data-checked "
    "data-commit"
)
ELEMENT_ATTRIBUTES = {
    "a": frozenset({"href", "rel", "download", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align", "scope"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
}
_ALLOWED = {tag: GLOBAL_ATTRIBUTES | names for tag, names in ELEMENT_ATTRIBUTES.items()}
# Markdown's own: md_in_html reads `markdown` in a page's source and never writes it out.
SOURCE_ONLY_ATTRIBUTES = frozenset({"markdown"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
REL_VALUES = frozenset({"prev", "next", "nofollow", "noopener", "noreferrer", "external"})
# The theme's own names: a page using them could restyle or drive the theme's components.
_THEME_NAME = re.compile(r"^(md-|__)", re.I)
_NUMBER = re.compile(r"^-?\d{1,4}$")

HOW_TO_MARKUP = (
    "a page holds text, Markdown and the site's macros; other HTML is limited to what the "
    "site allows (see MAINTAINING.md, Threat model): delete it, write it in Markdown, or "
    "put it in `backticks` to show it as text."
)
HOW_TO_LINK = (
    "link to a web page (https://...), an e-mail address (mailto:...), a phone number (tel:...) "
    "or another page of the site (about.md); nothing else becomes a link."
)
HOW_TO_IMAGE = (
    "put the image in docs/ (png, jpg, gif or webp) and link it by its path there, e.g. "
    "![Map](images/map.png): nothing on a page is fetched from another host."
)
HOW_TO_CLOSE = (
    "close every element and comment the page opens (</div>, -->) and no other: the page's "
    "HTML must stay inside the page's own area."
)

# The elements the theme writes around a page's content (Material's main.html), and a marker
# after it: the page is parsed where it really stands, and must leave the marker in place.
_MARKER = "parksite-end-of-content"
_BEFORE = "<!DOCTYPE html><html><head></head><body><div><main><div><div><article>"
_AFTER = f'<p id="{_MARKER}"></p></article></div></div></main></div></body></html>'
_CHAIN = ("div", "main", "div", "div", "article")
# Elements the wrapper itself opens, left out when counting a page's own.
_WRAPPER_COUNTS = Counter({"html": 1, "head": 1, "body": 1, "div": 3, "main": 1, "article": 1})
# Deeper than any page needs; a browser flattens deeper trees in ways a judge need not follow.
MAX_DEPTH = 100
# An element nested deeper than MAX_DEPTH within the content area.
_TOO_DEEP = "article" + " > *" * (MAX_DEPTH + 1)


@dataclass(frozen=True)
class Refusal:
    """One thing a page may not contain: what, how to fix it, and where.

    `tag` and `occurrence` (the n-th such element of the page, from 1; `!--` for a comment)
    find its line; `attribute` the line of an attribute within a tag written over lines;
    `written` what the page's source is likely to hold as written (an address, a name).
    """

    what: str
    hint: str
    tag: str | None = None
    occurrence: int = 0
    attribute: str | None = None
    written: str | None = None


def refusals(html: str, *, source: bool = False) -> list[Refusal]:
    """Everything in a page's HTML that the allowlist refuses, in the order of the page.

    `source`: the HTML is a page's Markdown source (Markdown's `markdown` attribute allowed).
    """
    tree = LexborHTMLParser(_BEFORE + html + _AFTER)
    if _allowed_at_a_glance(tree, source):
        return []
    found: list[Refusal] = []
    wrapper = _wrapper(tree)
    counts: Counter[str] = Counter()
    occurrence: dict[int, tuple[str, int]] = {}
    comments = 0
    marker_comment = 0
    # Depth-first in document order, iteratively: a page may nest as deep as it likes.
    stack: list[tuple[LexborNode, int, bool]] = [(tree.root, 0, False)]
    while stack:
        node, depth, judged = stack.pop()
        tag = node.tag or ""
        if node.is_comment_node:
            comments += 1
            if _MARKER in (node.comment_content or ""):
                marker_comment = comments
            continue
        if not node.is_element_node:
            continue
        counts[tag] += 1
        number = counts[tag] - _WRAPPER_COUNTS[tag]
        occurrence[node.mem_id] = (tag, number)
        in_page = judged
        if node.mem_id in wrapper:
            in_page = wrapper[node.mem_id] == "article"
            found += _wrapper_refusals(node, tag)
        elif judged and node.attributes.get("id") != _MARKER:
            problems = _node_refusals(node, tag, number, source)
            if not problems and depth > MAX_DEPTH:
                problems = [
                    Refusal(
                        f"`<{tag}>` is nested more than {MAX_DEPTH} elements deep.",
                        "write the page in Markdown: its lists and quotes never nest that deep.",
                        tag,
                        number,
                    )
                ]
            found += problems
            in_page = not problems
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, depth + in_page, in_page) for c in reversed(children))
    found += _shape_refusals(tree, wrapper, occurrence, marker_comment, bool(found))
    return found


def _allowed_at_a_glance(tree: LexborHTMLParser, source: bool) -> bool:
    """Whether the page is allowed, judged by the same rules in one pass over its elements in
    document order (Lexbor's own loop): true for almost every page, which then needs no walk
    that could tell where a refused element's subtree ends or how deep it is."""
    elements = [n for n in tree.root.traverse(include_text=False) if n.is_element_node]
    if [n.tag for n in elements[:8]] != ["html", "head", "body", *_CHAIN]:
        return False
    if len(elements) > MAX_DEPTH and tree.css_first(_TOO_DEEP) is not None:
        return False
    marker, article = elements[-1], elements[7]
    if (
        marker.attributes.get("id") != _MARKER
        or marker.parent is None
        or marker.parent.mem_id != article.mem_id
        or tree.head.child is not None
        or any(n.attributes for n in elements[:8])
    ):
        return False
    for node in elements[8:-1]:
        tag, attributes = node.tag, node.attributes
        if tag not in ELEMENTS:
            return False
        allowed = _ALLOWED.get(tag, GLOBAL_ATTRIBUTES)
        for name, value in attributes.items():
            if name in allowed and name not in _VALUES_JUDGED:
                continue  # allowed whatever its value: aria-*, data-*, title, lang...
            if _attribute_refusal(tag, name, value or "", source):
                return False
    return True


def _wrapper(tree: LexborHTMLParser) -> dict[int, str]:
    """The wrapper's own elements (html, head, body and the chain to the article) by node."""
    own = {tree.root.mem_id: "html"}
    if tree.head is not None:
        own[tree.head.mem_id] = "head"
    node = tree.body
    if node is None:
        return own
    own[node.mem_id] = "body"
    for tag in _CHAIN:
        node = next((c for c in node.iter() if c.is_element_node), None)
        if node is None or node.tag != tag:
            break
        own[node.mem_id] = tag
    return own


def _wrapper_refusals(node: LexborNode, tag: str) -> list[Refusal]:
    """`<body onload=...>` in a page adds its attributes to the page's own <body>."""
    if tag not in ("html", "head", "body") or not node.attributes:
        return []
    written = ", ".join(f"`{name}=`" for name in node.attributes)
    return [
        Refusal(
            f"`<{tag}>` is written in the page: it would give the whole page {written}.",
            HOW_TO_MARKUP,
            tag,
            1,
        )
    ]


def _node_refusals(node: LexborNode, tag: str, number: int, source: bool) -> list[Refusal]:
    """What the allowlist refuses in one element of the page: the element or its attributes."""
    if tag not in ELEMENTS:
        return [Refusal(f"`<{tag}>` is not allowed in a page.", HOW_TO_MARKUP, tag, number)]
    found = []
    for name, value in node.attributes.items():
        why = _attribute_refusal(tag, name, value or "", source)
        if why:
            written = value if name in ("href", "src", "id", "class") and value else name
            found.append(Refusal(why[0], why[1], tag, number, name, written))
    return found


# Pages repeat the same attributes (a figure's class, a link to the Sources page) thousands of
# times: each distinct one is judged once per process. The verdict depends on these four only.
@lru_cache(maxsize=65536)
def _attribute_refusal(tag: str, name: str, value: str, source: bool) -> tuple[str, str] | None:
    allowed = _ALLOWED.get(tag, GLOBAL_ATTRIBUTES)
    if name not in allowed and not (source and name in SOURCE_ONLY_ATTRIBUTES):
        if name.startswith("on"):
            hint = "nothing in a page runs a script: delete the attribute."
        elif name == "style":
            hint = "the site's looks come from its stylesheet: delete `style=`."
        else:
            hint = HOW_TO_MARKUP
        return f"`{name}=` on `<{tag}>` is not allowed in a page.", hint
    if name == "href":
        why = link_refusal(value)
        return (
            (f"a link to {why} (`{_short(value)}`) is not allowed.", HOW_TO_LINK) if why else None
        )
    if name == "src":
        why = resource_refusal(value)
        if why:
            return f"an image from {why} (`{_short(value)}`) is not allowed.", HOW_TO_IMAGE
        return None
    if name in ("id", "class") and any(_THEME_NAME.match(word) for word in value.split()):
        return (
            f'`{name}="{_short(value)}"` on `<{tag}>` uses the theme\'s own names (md-..., __...).',
            "choose another name: the theme's names would restyle or drive its own parts.",
        )
    if name == "rel" and not set(value.lower().split()) <= REL_VALUES:
        return f'`rel="{_short(value)}"` on `<{tag}>` is not allowed.', HOW_TO_LINK
    if name in _NUMBERS and not _NUMBER.match(value.strip()):
        return f"`{name}=` on `<{tag}>` must be a whole number.", "write digits only, e.g. 2."
    return None


_NUMBERS = frozenset({"tabindex", "width", "height", "colspan", "rowspan", "start", "value"})
_VALUES_JUDGED = _NUMBERS | {"href", "src", "id", "class", "rel"}


def _shape_refusals(
    tree: LexborHTMLParser,
    wrapper: dict[int, str],
    occurrence: dict[int, tuple[str, int]],
    marker_comment: int,
    refused: bool,
) -> list[Refusal]:
    """Whether the page left the content area as it found it: the marker closes it."""
    marker = tree.css_first(f"p#{_MARKER}")
    if marker is None:
        if marker_comment:
            return [
                Refusal(
                    "a comment `<!--` is opened here and never closed.",
                    HOW_TO_CLOSE,
                    "!--",
                    marker_comment,
                )
            ]
        # A raw-text element (<textarea>, <plaintext>) swallowed it: already refused.
        return (
            [] if refused else [Refusal("the rest of the page would be swallowed.", HOW_TO_CLOSE)]
        )
    parent = marker.parent
    if parent is not None and wrapper.get(parent.mem_id) == "article":
        return []
    ancestor = parent
    while ancestor is not None and ancestor.mem_id not in wrapper:
        ancestor = ancestor.parent
    if ancestor is not None and wrapper[ancestor.mem_id] == "article" and parent is not None:
        tag, number = occurrence.get(parent.mem_id, (parent.tag or "", 0))
        return [Refusal(f"`<{tag}>` is opened here and never closed.", HOW_TO_CLOSE, tag, number)]
    return [ESCAPE]


ESCAPE = Refusal(
    "an end tag here closes elements the page did not open (the theme's own, around the page).",
    HOW_TO_CLOSE,
)


def text_markup(text: str) -> str | None:
    """What a browser would read as markup in a line meant as plain text ('`<b>`', 'a
    comment', 'a character reference'), or None: `R&D` and `a < b` are text."""
    if "<" not in text and "&" not in text and "{" not in text:
        return None  # no tag, comment, reference or template can start without these
    if re.search(r"\{\{|\{%|\{#", text):
        return "template syntax (`{{`, `{%` or `{#`)"
    tree = LexborHTMLParser(
        f"<!DOCTYPE html><html><head></head><body><div>{text}</div></body></html>"
    )
    body = tree.body
    div = body.child if body is not None else None
    if div is None or div.tag != "div" or div.next is not None or tree.head.child is not None:
        return "markup"
    nodes = list(div.iter(include_text=True))
    for node in nodes:
        if node.is_comment_node:
            return "a comment (`<!--`)"
        if node.is_element_node:
            return f"`<{node.tag}>`"
    if "".join(node.text_content or "" for node in nodes) != text:
        return "a character reference (`&...;`)"
    return None


# --- Lines -------------------------------------------------------------------------------


def line_of(html: str, refusal: Refusal, source: bool = False) -> int | None:
    """The line (from 1) of the HTML on which a refused node is written, or None.

    The parser has decided what is refused; this only finds the n-th `<tag` of the text it
    read (or, for an end tag closing the theme's elements, the first line at which the
    page's text up to it is refused so).
    """
    if refusal == ESCAPE:
        return _first_line_refused(html, refusal, source)
    if not refusal.tag or refusal.occurrence < 1:
        return None
    name = re.escape(refusal.tag)
    pattern = re.compile(r"<!--" if refusal.tag == "!--" else rf"<{name}(?=[\s/>])", re.I)
    matches = pattern.finditer(html)
    match = next((m for n, m in enumerate(matches, 1) if n == refusal.occurrence), None)
    if match is None:
        return None
    at = match.start()
    if refusal.attribute:
        end = html.find(">", at)
        inside = html.find(refusal.attribute, at, end if end > 0 else len(html))
        at = inside if inside > 0 else at
    return html.count("\n", 0, at) + 1


def _first_line_refused(html: str, refusal: Refusal, source: bool) -> int | None:
    lines = html.split("\n")
    low, high = 1, len(lines)
    if refusal not in refusals(html, source=source):
        return None
    # Cutting a page short never closes an element, so once refused, every longer cut is too.
    while low < high:
        middle = (low + high) // 2
        if refusal in refusals("\n".join(lines[:middle]), source=source):
            high = middle
        else:
            low = middle + 1
    return low


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 3] + "..."


# --- Addresses ---------------------------------------------------------------------------


def link_refusal(url: str) -> str | None:
    """Why an address may not be a link's target, or None: 'a `javascript:` address'."""
    cleaned = _url(url)
    if cleaned is None:
        return "an address with control characters or spaces"
    scheme = _scheme(cleaned)
    if scheme is not None and scheme not in LINK_SCHEMES:
        return f"a `{scheme}:` address"
    return None


def resource_refusal(url: str) -> str | None:
    """Why an address may not be fetched by a page (an image), or None: only the site's own
    files, by a relative path, are fetched."""
    cleaned = _url(url)
    if cleaned is None:
        return "an address with control characters or spaces"
    if _scheme(cleaned) is not None or "\\" in cleaned or cleaned.startswith("//"):
        return "an address on another host"
    return None


# What a browser drops around an address (C0 controls and space) and inside it (tab, newline).
_AROUND = "".join(map(chr, range(0x21)))
_INSIDE = re.compile(r"[\t\n\r]")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\s]")


def _url(url: str) -> str | None:
    """The address as a browser reads it (WHATWG URL), or None if anything else in it is
    invisible (a control character or a space a reader cannot see)."""
    cleaned = _INSIDE.sub("", url.strip(_AROUND))
    return None if _INVISIBLE.search(cleaned) else cleaned


def _scheme(url: str) -> str | None:
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", url)
    return match[1].lower() if match else None

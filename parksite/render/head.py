"""What search engines and link previews read in a page's head: description, canonical and
language alternates, Open Graph and Twitter card tags with the page's own share image, and
JSON-LD about the park.

Every value comes from the page's front matter, the site configuration, data/park.yml or the
share image the build drew; nothing here invents an address, phone number or web address.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup, escape

from parksite.i18n.languages import Language, Languages
from parksite.model.park import Park

# The share images, drawn by each build from the data (parksite/mkdocs/shareimages.py): one
# per page of the navigation and language, assets/share/en/about.png.
SHARE_DIR = "assets/share"
SHARE_SIZE = (1200, 630)


@dataclass(frozen=True)
class PageInfo:
    """What the head says about one page in one language."""

    lang: Language
    url: str  # the page's URL relative to the site root: "", "about/", "zh/about/"
    title: str  # the full document title, as the <title> element shows it
    description: str
    image: str  # the share image's URL relative to the site root: assets/share/en/about.png
    image_alt: str


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url


# --- Which image a page shares ----------------------------------------------------------


def image_name(lang: Language, key: str) -> str:
    """A page's image under assets/share/: 'zh/stories.png'."""
    return f"{lang.code}/{key}.png"


def nav_files(nav: object) -> list[str]:
    """The Markdown files of a navigation as mkdocs.yml writes it: ['index.md', 'about.md']."""
    if isinstance(nav, dict):
        return [src for value in nav.values() for src in nav_files(value)]
    if isinstance(nav, list):
        return [src for item in nav for src in nav_files(item)]
    return [nav] if isinstance(nav, str) and nav.endswith(".md") else []


# --- The head tags ----------------------------------------------------------------------


def park_json_ld(park: Park, lang: Language, languages: Languages, site_name: str) -> str:
    """The park as a schema.org Organization and Place, from the facts the site names
    (`site:` in the data); a fact it does not name is left out."""
    settings = park.site
    name = park.facts[settings.name].text if settings.name else None
    others = [other.code for other in languages if other is not lang]
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": ["Organization", "Place"],
        "name": name[lang.code] if name else site_name,
    }
    if name and others:
        alternates = [name[code] for code in others]
        data["alternateName"] = alternates[0] if len(alternates) == 1 else alternates
    if settings.location:
        data["address"] = park.facts[settings.location].text[lang.code]
    if settings.founded:
        data["foundingDate"] = str(park.facts[settings.founded].value)
    return script_json(data)


# Characters of a JSON text that could end or restart markup around a <script> element (or
# a line of JavaScript reading it), written as JSON escapes, which mean the same characters.
_SCRIPT_UNSAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(data: object) -> str:
    """JSON safe inside a <script> element: no value can close it, open a comment in it or
    end a line of it, whatever the data holds."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_UNSAFE)


def _meta(attribute: str, key: str, value: str) -> str:
    return f'<meta {attribute}="{key}" content="{escape(value)}">'


@dataclass(frozen=True)
class _LanguageTags:
    """The head tags every page of one language shares, already escaped and joined."""

    site_name: str
    locales: str
    image_kind: str
    card: str
    json_ld: str


def _tags_for_language(
    park: Park, lang: Language, languages: Languages, site_name: str
) -> _LanguageTags:
    return _LanguageTags(
        site_name=_meta("property", "og:type", "website")
        + "\n"
        + _meta("property", "og:site_name", site_name),
        locales="\n".join(
            [_meta("property", "og:locale", lang.og)]
            + [_meta("property", "og:locale:alternate", o.og) for o in languages if o is not lang]
        ),
        image_kind="\n".join(
            _meta("property", key, value)
            for key, value in (
                ("og:image:type", "image/png"),
                ("og:image:width", str(SHARE_SIZE[0])),
                ("og:image:height", str(SHARE_SIZE[1])),
            )
        ),
        card=_meta("name", "twitter:card", "summary_large_image"),
        json_ld='<script type="application/ld+json">'
        + park_json_ld(park, lang, languages, site_name)
        + "</script>",
    )


def head_html(
    park: Park, page: PageInfo, languages: Languages, site_url: str, site_name: str
) -> Markup:
    """The head tags for one page: description, canonical, hreflang, Open Graph, Twitter, JSON-LD.

    Built from plain strings: a build of thousands of stories calls this once per page, and
    only the page's own address, title, description and image differ from page to page.
    """
    shared = park.memo(
        ("head tags", page.lang.code, site_name),
        lambda: _tags_for_language(park, page.lang, languages, site_name),
    )
    canonical = absolute(site_url, page.url)
    image = absolute(site_url, page.image)
    alternates = [(lang.html, languages.url_in(page.url, lang)) for lang in languages]
    alternates.append(("x-default", languages.url_in(page.url, languages.default)))
    if len(languages) == 1:
        alternates = []  # no other language to point to
    tags = [
        _meta("name", "description", page.description),
        f'<link rel="canonical" href="{escape(canonical)}">',
        *(
            f'<link rel="alternate" hreflang="{hreflang}" href="{escape(absolute(site_url, url))}">'
            for hreflang, url in alternates
        ),
        shared.site_name,
        _meta("property", "og:title", page.title),
        _meta("property", "og:description", page.description),
        _meta("property", "og:url", canonical),
        shared.locales,
        _meta("property", "og:image", image),
        shared.image_kind,
        _meta("property", "og:image:alt", page.image_alt),
        shared.card,
        _meta("name", "twitter:title", page.title),
        _meta("name", "twitter:description", page.description),
        _meta("name", "twitter:image", image),
        _meta("name", "twitter:image:alt", page.image_alt),
        shared.json_ld,
    ]
    return Markup("\n".join(tags))

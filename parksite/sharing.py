"""What search engines and link previews read in a page's head: description, canonical and
language alternates, Open Graph and Twitter card tags, and JSON-LD about the park.

Every value comes from the page's front matter, the site configuration or data/park.yml;
nothing here invents an address, phone number or web address.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from parksite.model import LANGS, Lang, Park

# The language of each page as HTML and hreflang write it: Chinese in simplified script.
HTML_LANG: dict[Lang, str] = {"en": "en", "zh": "zh-Hans"}
OG_LOCALE: dict[Lang, str] = {"en": "en_US", "zh": "zh_CN"}
# The share image, made by `python -m parksite.shareimage` and committed.
SHARE_IMAGE = "assets/share.png"
SHARE_SIZE = (1200, 630)
SHARE_ALT = {
    "en": "{name}, {location}",
    "zh": "{name}，{location}",
}


@dataclass(frozen=True)
class PageInfo:
    """What the head says about one page in one language."""

    lang: Lang
    url: str  # the page's URL relative to the site root: "", "about/", "zh/about/"
    title: str  # the full document title, as the <title> element shows it
    description: str


def language_url(url: str, lang: Lang) -> str:
    """The same page's URL in another language: 'zh/about/' <-> 'about/'."""
    base = url.removeprefix("zh/") if url != "zh/" else ""
    return f"zh/{base}" if lang == "zh" else base


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url


def park_json_ld(park: Park, lang: Lang) -> str:
    """The park as a schema.org Organization and Place, with facts from the data only."""
    other: Lang = "zh" if lang == "en" else "en"
    name = park.facts["park.name"].text
    location = park.facts["park.location"].text
    data = {
        "@context": "https://schema.org",
        "@type": ["Organization", "Place"],
        "name": name[lang],
        "alternateName": name[other],
        "address": location[lang],
        "foundingDate": str(park.facts["park.opened"].value),
    }
    # "</" could end the script element early; JSON allows it escaped.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def head_html(park: Park, page: PageInfo, site_url: str, site_name: str) -> Markup:
    """The head tags for one page: description, canonical, hreflang, Open Graph, Twitter, JSON-LD."""
    canonical = absolute(site_url, page.url)
    image = absolute(site_url, SHARE_IMAGE)
    name = park.facts["park.name"].text[page.lang]
    alt = SHARE_ALT[page.lang].format(
        name=name, location=park.facts["park.location"].text[page.lang]
    )
    tags = [
        Markup('<meta name="description" content="{}">').format(page.description),
        Markup('<link rel="canonical" href="{}">').format(canonical),
    ]
    for lang in LANGS:
        tags.append(
            Markup('<link rel="alternate" hreflang="{}" href="{}">').format(
                HTML_LANG[lang], absolute(site_url, language_url(page.url, lang))
            )
        )
    tags.append(
        Markup('<link rel="alternate" hreflang="x-default" href="{}">').format(
            absolute(site_url, language_url(page.url, "en"))
        )
    )
    properties = [
        ("og:type", "website"),
        ("og:site_name", site_name),
        ("og:title", page.title),
        ("og:description", page.description),
        ("og:url", canonical),
        ("og:locale", OG_LOCALE[page.lang]),
        ("og:locale:alternate", OG_LOCALE["zh" if page.lang == "en" else "en"]),
        ("og:image", image),
        ("og:image:type", "image/png"),
        ("og:image:width", str(SHARE_SIZE[0])),
        ("og:image:height", str(SHARE_SIZE[1])),
        ("og:image:alt", alt),
    ]
    tags += [
        Markup('<meta property="{}" content="{}">').format(key, value) for key, value in properties
    ]
    names = [
        ("twitter:card", "summary_large_image"),
        ("twitter:title", page.title),
        ("twitter:description", page.description),
        ("twitter:image", image),
        ("twitter:image:alt", alt),
    ]
    tags += [Markup('<meta name="{}" content="{}">').format(key, value) for key, value in names]
    tags.append(
        Markup('<script type="application/ld+json">{}</script>').format(
            Markup(park_json_ld(park, page.lang))
        )
    )
    return Markup("\n").join(tags)

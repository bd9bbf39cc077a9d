"""What search engines and link previews read in a page's head: description, canonical and
language alternates, Open Graph and Twitter card tags with the page's own share image, and
JSON-LD about the park; and which committed share image each page uses.

Every value comes from the page's front matter, the site configuration, data/park.yml or the
share images' manifest; nothing here invents an address, phone number or web address.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from parksite.model.load import per_data_load
from parksite.model.park import LANGS, Lang, Park
from parksite.project import shown

# The language of each page as HTML and hreflang write it: Chinese in simplified script.
HTML_LANG: dict[Lang, str] = {"en": "en", "zh": "zh-Hans"}
OG_LOCALE: dict[Lang, str] = {"en": "en_US", "zh": "zh_CN"}
# The share images, drawn by `make share-image` (parksite/shareimage.py) and committed: one
# per page of the navigation and language, assets/share/en/about.png, with manifest.json
# saying what each shows. Building never draws them (no browser or CJK fonts needed).
SHARE_DIR = "assets/share"
SHARE_FOLDER = Path(__file__).parent.parent / "theme" / SHARE_DIR
MANIFEST = SHARE_FOLDER / "manifest.json"
SHARE_SIZE = (1200, 630)
HOW_TO_DRAW = (
    "run `make share-image` (it needs Chromium and the Noto CJK fonts), look at the new "
    "images in overrides/assets/share/ and commit them with manifest.json"
)


@dataclass(frozen=True)
class PageInfo:
    """What the head says about one page in one language."""

    lang: Lang
    url: str  # the page's URL relative to the site root: "", "about/", "zh/about/"
    title: str  # the full document title, as the <title> element shows it
    description: str
    image: str  # the share image's URL relative to the site root: assets/share/en/about.png
    image_alt: str


def language_url(url: str, lang: Lang) -> str:
    """The same page's URL in another language: 'zh/about/' <-> 'about/'."""
    base = url.removeprefix("zh/") if url != "zh/" else ""
    return f"zh/{base}" if lang == "zh" else base


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url


# --- Which image a page shares ----------------------------------------------------------


def image_name(lang: Lang, key: str) -> str:
    """The image's name in the manifest and under assets/share/: 'zh/stories.png'."""
    return f"{lang}/{key}.png"


def read_manifest(path: Path = MANIFEST) -> dict[str, dict[str, str]]:
    """The manifest of the committed share images, read again only when it changes."""
    stat = path.stat() if path.exists() else None
    return _manifest(path, stat.st_mtime_ns if stat else 0)


@lru_cache(maxsize=4)
def _manifest(path: Path, mtime_ns: int) -> dict[str, dict[str, str]]:
    if not mtime_ns:
        return {}
    drawn = json.loads(path.read_text(encoding="utf-8"))
    # Only images that are really there count: a manifest line alone shows nothing.
    return {name: entry for name, entry in drawn.items() if (path.parent / name).is_file()}


def nav_files(nav: object) -> list[str]:
    """The Markdown files of a navigation as mkdocs.yml writes it: ['index.md', 'about.md']."""
    if isinstance(nav, dict):
        return [src for value in nav.values() for src in nav_files(value)]
    if isinstance(nav, list):
        return [src for item in nav for src in nav_files(item)]
    return [nav] if isinstance(nav, str) and nav.endswith(".md") else []


def share_image(
    manifest_file: Path, lang: Lang, key: str, in_nav: bool, source: str
) -> tuple[str, str]:
    """The share image of a page, as (URL relative to the site root, its alt text).

    A page of the navigation needs its own image. Any other page (a story, a further page of
    the story index) uses its own if one was drawn, else its section's (stories/ruifei ->
    stories), else the home page's: a new story needs no image to be shared well.
    """
    manifest = read_manifest(manifest_file)
    candidates = [key]
    if not in_nav:
        parts = key.split("/")
        candidates += ["/".join(parts[:n]) for n in range(len(parts) - 1, 0, -1)] + ["index"]
    for candidate in candidates:
        name = image_name(lang, candidate)
        if name in manifest:
            return f"{SHARE_DIR}/{name}", manifest[name]["alt"]
    raise PluginError(
        f"{source}: this page has no link-preview image: "
        f"{shown(manifest_file.parent / image_name(lang, key))} is missing or not listed in "
        f"{shown(manifest_file)}.\n    How to fix: {HOW_TO_DRAW}."
    )


# --- The head tags ----------------------------------------------------------------------


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


@per_data_load
def _tags_for_language(park: Park, lang: Lang, site_name: str) -> _LanguageTags:
    return _LanguageTags(
        site_name=_meta("property", "og:type", "website")
        + "\n"
        + _meta("property", "og:site_name", site_name),
        locales=_meta("property", "og:locale", OG_LOCALE[lang])
        + "\n"
        + _meta("property", "og:locale:alternate", OG_LOCALE["zh" if lang == "en" else "en"]),
        image_kind="\n".join(
            _meta("property", key, value)
            for key, value in (
                ("og:image:type", "image/png"),
                ("og:image:width", str(SHARE_SIZE[0])),
                ("og:image:height", str(SHARE_SIZE[1])),
            )
        ),
        card=_meta("name", "twitter:card", "summary_large_image"),
        json_ld=f'<script type="application/ld+json">{park_json_ld(park, lang)}</script>',
    )


def head_html(park: Park, page: PageInfo, site_url: str, site_name: str) -> Markup:
    """The head tags for one page: description, canonical, hreflang, Open Graph, Twitter, JSON-LD.

    Built from plain strings: a build of thousands of stories calls this once per page, and
    only the page's own address, title, description and image differ from page to page.
    """
    shared = _tags_for_language(park, page.lang, site_name)
    canonical = absolute(site_url, page.url)
    image = absolute(site_url, page.image)
    alternates = [(HTML_LANG[lang], language_url(page.url, lang)) for lang in LANGS]
    alternates.append(("x-default", language_url(page.url, "en")))
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

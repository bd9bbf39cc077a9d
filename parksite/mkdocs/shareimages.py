"""Each page's link-preview image, drawn by the build from the data and the page
(render/shareimage.py) into the built site: assets/share/<lang>/<page>.png for each page of
the navigation and language. A page outside the navigation (a story, a further page of the
story index) uses its section's image, else the home page's: N stories cost no image.

Drawings are kept in the project's .cache/share-images/, named by a digest of exactly what
they show, so that `make serve` and repeated builds draw only what changed. Where no font
on the machine can draw a page's text, the page gets a generic image and the build says so
once, with how to get the font.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parksite.content.pages import page_key, page_text
from parksite.content.site import Site
from parksite.render import buildcache
from parksite.render.fonts import HOW_TO_GET, find_family, font_files, font_stamps
from parksite.render.head import SHARE_DIR, image_name
from parksite.render.shareimage import (
    ShareCard,
    alt_text,
    digest,
    draw,
    draw_generic,
    share_card,
)

CACHE_DIR = Path(".cache") / "share-images"  # in the project, beside mkdocs.yml
CACHE_LIMIT = 500  # drawings kept; the least recently used go first
GENERIC = "generic.png"

log = logging.getLogger("mkdocs.plugins.parksite")
# The pages given the generic image, said once per process (a `make serve` session).
_told: set[str] = set()


@dataclass
class ShareImages:
    """One language build's images: where they go, and those already written."""

    site_dir: Path
    cache: Path
    docs_dir: Path
    fonts: dict[str, Path]
    font_stamps: tuple
    written: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def for_build(cls, config: Any) -> ShareImages:
        project = Path(config.config_file_path).parent
        fonts = font_files()
        return cls(
            site_dir=Path(config.site_dir),
            cache=project / CACHE_DIR,
            docs_dir=Path(config.docs_dir),
            fonts=fonts,
            font_stamps=font_stamps(fonts),
        )


def page_image(
    images: ShareImages, site: Site, page: Any, config: Any, nav: Any
) -> tuple[str, str]:
    """The image a page shares, as (URL from the site root, alt text), drawn if need be."""
    owner = _owner(page, nav, site)
    key = page_key(owner.file.src_uri, site.languages)
    if key not in images.written:
        images.written[key] = _write(images, site, owner, config)
    return images.written[key]


def nav_by_key(site: Site, nav: Any) -> dict[str, Any]:
    """The navigation's pages of the language being built, by page key: made once per
    language and build (every page looks up its section here)."""
    lang = site.language_of(nav.pages[0].file.src_uri) if nav.pages else None
    return site.memo(
        ("nav by key", lang and lang.code),
        lambda: {page_key(p.file.src_uri, site.languages): p for p in nav.pages},
    )


def _owner(page: Any, nav: Any, site: Site) -> Any:
    """The navigation page whose image a page uses: its own, its section's, the home page's."""
    in_nav = nav_by_key(site, nav)
    parts = page_key(page.file.src_uri, site.languages).split("/")
    for n in range(len(parts), 0, -1):
        if "/".join(parts[:n]) in in_nav:
            return in_nav["/".join(parts[:n])]
    return nav.homepage or page


def _source_text(page: Any) -> str:
    path = page.file.abs_src_path
    return page_text(Path(path)) if path else page.file.content_string


def _write(images: ShareImages, site: Site, page: Any, config: Any) -> tuple[str, str]:
    """Draws (or takes from the cache) one page's image and writes it into the site."""
    lang = site.language_of(page.file.src_uri)
    card = share_card(
        site.park,
        lang,
        site_name=config.site_name,
        title=page.meta.get("title") or page.title or "",
        description=page.meta.get("description") or config.site_description or "",
        text=_source_text(page),
        stories=site.stories(lang),
    )
    drawing = _drawing(images, card, lang.html)
    if drawing is None:
        _tell(f"docs/{page.file.src_uri}")
        name, alt, drawing = GENERIC, config.site_name, _generic(images.cache)
    else:
        key = page_key(page.file.src_uri, site.languages)
        name, alt = image_name(lang, key), alt_text(card, lang)
    target = images.site_dir / SHARE_DIR / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(drawing, target)
    return f"{SHARE_DIR}/{name}", alt


def _drawing(images: ShareImages, card: ShareCard, tag: str) -> Path | None:
    """The cached drawing of a card, drawn first if need be; None if no font can draw it."""
    drawing = images.cache / f"{digest(card, tag, images.font_stamps)}.png"
    no_font = drawing.with_suffix(".none")  # tried before: no font had every character
    if drawing.is_file():
        buildcache.used(drawing)
        return drawing
    if no_font.is_file():
        return None
    family = find_family(card.text(), tag, images.fonts)
    if family is None:
        _store(no_font, b"")
        return None
    _store(drawing, draw(card, family))
    return drawing


def _generic(cache: Path) -> Path:
    drawing = cache / f"{digest(None, '', ())}.png"
    if not drawing.is_file():
        _store(drawing, draw_generic())
    return drawing


def _store(path: Path, content: bytes) -> None:
    buildcache.store(path, content, CACHE_LIMIT)


def _tell(source: str) -> None:
    """One line, the first time a page of this process gets the generic image."""
    if not _told:
        log.info(
            "Link-preview images: no font on this machine has every character to draw (first "
            "on %s); pages without one share a generic image. To draw them, %s.",
            source,
            HOW_TO_GET,
        )
    _told.add(source)

"""Files for crawlers written after the build: robots.txt, and a sitemap.xml in every page's
folder, because Material's script fetches one next to each language alternate of a page.

The site-wide sitemap.xml (both languages, with hreflang) is written by mkdocs-static-i18n.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">'
)
_URL = re.compile(r"<url>.*?</url>", re.S)
_LOC = re.compile(r"<loc>(.*?)</loc>", re.S)


def robots_txt(site_url: str) -> str:
    """Everything may be crawled; the sitemap is at the site's root."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def page_sitemaps(sitemap_xml: str, site_url: str) -> dict[str, str]:
    """For each page folder ('' for the root, 'zh/about/' ...), a sitemap of that page and its
    translations, taken from the site-wide one.

    Each `<url>` element is copied as written: a big site has thousands, and an XML parse
    and serialisation of each was a noticeable part of its build.
    """
    base = urlsplit(site_url).path
    folders: dict[str, str] = {}
    for url in _URL.finditer(sitemap_xml):
        loc = _LOC.search(url[0])
        path = urlsplit(html.unescape(loc[1].strip()) if loc else "").path
        folders[path.removeprefix(base).lstrip("/")] = f"{_HEAD}\n    {url[0]}\n</urlset>\n"
    return folders


def write_crawler_files(site_dir: Path, site_url: str) -> None:
    """robots.txt at the root, the whole sitemap again at zh/ (the Chinese site's root), and a
    sitemap of one page in every other page folder."""
    (site_dir / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for folder, text in page_sitemaps(sitemap, site_url).items():
        if folder and folder != "zh/":
            (site_dir / folder / "sitemap.xml").write_text(text, encoding="utf-8")
    (site_dir / "zh" / "sitemap.xml").write_text(sitemap, encoding="utf-8")

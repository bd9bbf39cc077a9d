"""Files for crawlers written after the build: robots.txt, and the site-wide sitemap again at
each further language's root (zh/).

The site-wide sitemap.xml (both languages, with hreflang) is written by mkdocs-static-i18n.
Material's bundle would also fetch a sitemap.xml next to each language alternate of every
page; overrides/assets/javascripts/held-requests.js never sends those requests, so the site
needs no sitemap per page folder.
"""

from __future__ import annotations

from pathlib import Path

from parksite.i18n.languages import Languages


def robots_txt(site_url: str) -> str:
    """Everything may be crawled; the sitemap is at the site's root."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def write_crawler_files(site_dir: Path, site_url: str, languages: Languages) -> None:
    """robots.txt at the root and the whole sitemap again at each further language's root."""
    (site_dir / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8")
    for lang in languages.all[1:]:
        folder = site_dir / lang.prefix
        if folder.is_dir():
            (folder / "sitemap.xml").write_text(text, encoding="utf-8")

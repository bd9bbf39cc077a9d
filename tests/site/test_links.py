"""No broken link inside the built site, in either language: every internal address leads to a
file, and every #anchor to an element with that id. External links are checked weekly by
.github/workflows/links.yml instead (they fail for reasons outside this project)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src"}


@cache
def parsed(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def target_file(site: Path, path: str) -> Path:
    """The file a URL path is served from: folders serve their index.html."""
    file = site / unquote(path).lstrip("/")
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


def broken_links(site: Path, site_url: str) -> list[str]:
    """Every internal link or anchor of the built site that leads nowhere, as 'page: href'."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        here = site_url + page.relative_to(site).as_posix()
        for tag, attribute in ATTRIBUTES.items():
            for node in parsed(page).find_all(tag, attrs={attribute: True}):
                href = node[attribute]
                url = urljoin(here, href)
                if not url.startswith(site_url):
                    continue  # another host: the weekly external check
                parts = urlsplit(url)
                file = target_file(site, parts.path.removeprefix(urlsplit(site_url).path))
                if not file.exists():
                    broken.append(f"{page.relative_to(site)}: {href} (no {file.relative_to(site)})")
                elif (
                    parts.fragment
                    and file.suffix == ".html"
                    and parsed(file).find(id=unquote(parts.fragment)) is None
                ):
                    broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return broken


def test_no_internal_link_or_anchor_is_broken(site: Path, site_url: str) -> None:
    assert broken_links(site, site_url) == []


def test_the_check_finds_a_broken_anchor_and_page(site: Path, site_url: str, tmp_path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<a href="about/#no-such-heading">x</a><a href="missing/">y</a><a href="#top">z</a>',
        encoding="utf-8",
    )
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text('<h1 id="about">About</h1>', encoding="utf-8")
    found = broken_links(tmp_path, site_url)
    assert len(found) == 3, found

"""The headers README promises for publishing site/ to a bucket or CDN, on the built site."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from parksite.tools.publish import LONG_CACHE, SHORT_CACHE, headers_for, main, site_headers


@pytest.fixture(scope="module")
def table(site: Path) -> dict[str, object]:
    return {h.path: h for h in site_headers(site)}


def test_every_built_file_has_a_content_type(site: Path, table: dict) -> None:
    assert len(table) == sum(1 for p in site.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("path", "content_type", "cache", "compress"),
    [
        ("index.html", "text/html; charset=utf-8", SHORT_CACHE, True),
        ("zh/stories/ruifei/index.html", "text/html; charset=utf-8", SHORT_CACHE, True),
        ("search/search_index.json", "application/json; charset=utf-8", SHORT_CACHE, True),
        ("sitemap.xml", "application/xml; charset=utf-8", SHORT_CACHE, True),
        ("sitemap.xml.gz", "application/gzip", SHORT_CACHE, False),
        ("assets/site.css", "text/css; charset=utf-8", SHORT_CACHE, True),
        ("assets/images/favicon.png", "image/png", SHORT_CACHE, False),
    ],
)
def test_pages_index_sitemap_and_unhashed_files_are_cached_briefly(
    table: dict, path: str, content_type: str, cache: str, compress: bool
) -> None:
    assert (table[path].content_type, table[path].cache_control, table[path].compress) == (
        content_type,
        cache,
        compress,
    )


def test_long_cached_files_are_named_by_their_content_and_named_in_the_pages(
    site: Path, table: dict
) -> None:
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    linked = {
        (tag.get("src") or tag.get("href")).split("?")[0]
        for tag in page.select("script[src], link[href]")
    }
    long = {path for path, h in table.items() if h.cache_control == LONG_CACHE}
    bundles = {path for path in long if not path.endswith(".map") and "/workers/" not in path}
    assert any(path.endswith(".min.js") for path in bundles)
    assert any(path.endswith(".min.css") for path in bundles)
    assert bundles <= linked, "a file cached for a year must be reached through a name that changes"


def test_an_unknown_kind_of_file_is_refused_with_a_fix() -> None:
    with pytest.raises(ValueError, match=r"docs/x\.bin.*parksite/publish\.py"):
        headers_for("docs/x.bin")


def test_python_m_parksite_publish_prints_a_table(
    site: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main([str(site)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "path\tcontent-type\tcache-control\tcompress"
    assert "search/search_index.json\tapplication/json; charset=utf-8" in "\n".join(lines)

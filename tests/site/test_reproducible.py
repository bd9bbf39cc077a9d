"""Two builds of one commit give byte-identical sites, so a reviewer can diff a change's effect."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import struct
from pathlib import Path

from parksite.mkdocs.reproducible import source_date_epoch
from tests.conftest import parksite_build


def contents(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_two_builds_of_the_same_commit_are_byte_identical(
    site: Path, site_url: str, tmp_path: Path
) -> None:
    again = tmp_path / "site"
    result = parksite_build(again, site_url)
    assert result.returncode == 0, result.stderr[-4000:]
    first, second = contents(site), contents(again)
    assert sorted(first) == sorted(second)
    differ = sorted(name for name in first if first[name] != second[name])
    assert differ == [], f"these files differ between two builds: {differ}"


def test_sitemap_dates_are_the_commit_date_not_the_build_day(site: Path) -> None:
    stamp = source_date_epoch()
    assert stamp, "the tests run in a git checkout, whose commit time dates the sitemap"
    day = dt.datetime.fromtimestamp(int(stamp), dt.UTC).date()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {day.isoformat()}
    packed = (site / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", packed[4:8])  # the gzip header's modification time
    midnight = dt.datetime.combine(day, dt.time(), dt.UTC)
    assert mtime == int(midnight.timestamp())
    assert gzip.decompress(packed).decode("utf-8") == sitemap

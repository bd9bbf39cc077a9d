"""The HTTP headers each file of site/ should be served with, for hosts that are told per file.

`python -m parksite.tools.publish [SITE]` prints one line per file of site/ (path, Content-Type,
Cache-Control, whether to compress), for an upload script; README.md explains the rules.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from parksite.project import SITE_DIR, shown

# Material names its bundles after their content (bundle.a5f9d56c.min.js): a new version is
# a new name, so these can be cached for a year. Every other file keeps its name when it changes.
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$")
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=300, must-revalidate"

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".yml": "application/yaml; charset=utf-8",
    ".webmanifest": "application/manifest+json; charset=utf-8",
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".gz": "application/gzip",
}
# Text compresses to a fraction; images and .gz are compressed already.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".map", ".xml", ".txt", ".csv", ".yml", ".svg"}


@dataclass(frozen=True)
class Headers:
    path: str
    content_type: str
    cache_control: str
    compress: bool


def headers_for(path: str) -> Headers:
    """The headers of one file, given its path inside site/ (e.g. 'assets/site.css')."""
    suffix = Path(path).suffix.lower()
    if suffix not in TYPES:
        raise ValueError(
            f"{path}: no Content-Type known for '{suffix}'; add it to parksite/publish.py"
        )
    cache = LONG_CACHE if path.startswith("assets/") and HASHED.search(path) else SHORT_CACHE
    return Headers(path, TYPES[suffix], cache, suffix in COMPRESSIBLE)


def site_headers(site_dir: Path) -> Iterator[Headers]:
    """Every file of a built site with its headers, in a stable order."""
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        yield headers_for(file.relative_to(site_dir).as_posix())


def main(argv: list[str] | None = None) -> int:
    """Print each file of the built site with its headers, tab-separated, under a header line."""
    args = sys.argv[1:] if argv is None else argv
    site_dir = Path(args[0]) if args else SITE_DIR
    if not site_dir.is_dir():
        print(f"{shown(site_dir)} does not exist: run `make build` first.", file=sys.stderr)
        return 1
    print("path\tcontent-type\tcache-control\tcompress")
    for h in site_headers(site_dir):
        print(f"{h.path}\t{h.content_type}\t{h.cache_control}\t{'yes' if h.compress else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

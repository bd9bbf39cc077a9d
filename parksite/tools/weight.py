"""What a first visit to each page costs: the bytes the browser fetched, gzip-compressed as a
static host would send them. `make weight` prints a table; tests/site/test_weight.py holds the budget.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from parksite.project import SITE_DIR
from parksite.tools.browser import ARGS, CHROMIUM

# Text compresses on any host; images and fonts are sent as they are.
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg",
)
BUDGET = 150_000  # bytes, compressed, for everything a first visit fetches


def sent_size(body: bytes, content_type: str) -> int:
    """Bytes on the wire: gzip level 6 for text (what common hosts use), raw otherwise."""
    if content_type.startswith(COMPRESSED_TYPES):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


def first_visit(browser, url: str, width: int = 1280, quiet_ms: int = 1000) -> dict[str, int]:
    """Each URL a fresh browser fetched to show the page, with its size: recorded until no
    request has started or been pending for quiet_ms (scripts fetch more after load)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    sizes: dict[str, int] = {}
    pending: set[object] = set()

    def started(request) -> None:
        pending.add(request)

    def finished(request) -> None:
        pending.discard(request)
        response = request.response()
        if response is not None and response.ok and request.method == "GET":
            sizes[request.url] = sent_size(
                response.body(), response.headers.get("content-type", "")
            )

    context.on("request", started)
    context.on("requestfinished", finished)
    context.on("requestfailed", lambda request: pending.discard(request))
    tab.goto(url, wait_until="load")
    quiet = 0
    while quiet < quiet_ms:
        before = (len(sizes), len(pending))
        tab.wait_for_timeout(100)
        quiet = quiet + 100 if not pending and (len(sizes), len(pending)) == before else 0
    context.close()
    return sizes


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path, port: int = 0) -> Iterator[str]:
    """The folder served on 127.0.0.1 (any free port unless given) while the block runs."""
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(_Quiet, directory=str(site))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def main() -> int:
    from playwright.sync_api import sync_playwright

    pages = sorted(
        path.parent.relative_to(SITE_DIR).as_posix() + "/" for path in SITE_DIR.rglob("index.html")
    )
    with serve(SITE_DIR) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        print(f"{'page':32} {'files':>5} {'KB':>7}   (budget {BUDGET / 1000:.0f} KB)")
        for page in pages:
            sizes = first_visit(browser, base + page.removeprefix("./"))
            total = sum(sizes.values())
            flag = "" if total <= BUDGET else "  OVER BUDGET"
            print(f"{'/' + page.removeprefix('./'):32} {len(sizes):>5} {total / 1000:>7.1f}{flag}")
        biggest = sorted(sizes.items(), key=lambda item: -item[1])[:6]
        print("\nLargest files of the last page:")
        for url, size in biggest:
            print(f"  {size / 1000:7.1f} KB  {url.removeprefix(base)}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

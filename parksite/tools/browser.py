"""The one headless Chromium the tools and tests drive: Debian's, through Playwright.

`playwright install` cannot download a browser here, so every launch names Debian's
Chromium (CHROMIUM overrides the path) and the flags that keep it from reaching the network.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# No sandbox (CI runs as root), no GPU, and none of the background requests a closed network
# refuses (component updates, sync, QUIC).
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOW_TO_INSTALL = "install Debian's chromium (apt-get install chromium fonts-noto-cjk)"


@contextmanager
def chromium() -> Iterator[object]:
    """A launched headless Chromium, closed afterwards; FileNotFoundError without one."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"no Chromium at {CHROMIUM}: {HOW_TO_INSTALL}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()

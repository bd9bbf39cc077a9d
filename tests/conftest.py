"""Shared fixtures: one strict build per test session, a local server, and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from parksite.project import ROOT
from parksite.tools.bench.synthetic import copy_project  # noqa: F401  (a copy of what a build reads)
from parksite.tools.browser import chromium

OUTPUT = ROOT / "test-output"
LANGS = ("en", "zh")
PAGES = (
    "",
    "about/",
    "services/",
    "talent/",
    "belt-and-road/",
    "stories/",
    "stories/ruifei/",
    "stories/record-2021/",
    "plans/",
    "key-figures/",
    "sources/",
    "contact/",
)


def mkdocs_build(
    project: Path, site_dir: Path, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a strict MkDocs build of a project folder into site_dir."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env=os.environ
        | {"NO_MKDOCS_2_WARNING": "1"}
        | ({"SITE_URL": site_url} if site_url else {}),
    )


def parksite_build(site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Build the real site exactly as `make build` does, into site_dir."""
    return subprocess.run(
        [sys.executable, "-m", "parksite", "build"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ
        | {"PARKSITE_SITE_DIR": str(site_dir)}
        | ({"SITE_URL": site_url} if site_url else {}),
    )


@pytest.fixture(scope="session")
def site_url() -> str:
    """The test server's address, given to the build: absolute links then point at it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """The real site, built once per test session as `make build` builds it (strict)."""
    site_dir = tmp_path_factory.mktemp("site")
    result = parksite_build(site_dir, site_url)
    assert result.returncode == 0, result.stderr[-4000:]
    return site_dir


def page_file(site: Path, lang: str, page: str) -> Path:
    prefix = "zh/" if lang == "zh" else ""
    return site / f"{prefix}{page}index.html"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path, site_url: str) -> Iterator[str]:
    """The built site served at the address it was built for, for the browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    port = int(site_url.rsplit(":", 1)[1].rstrip("/"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; a skip without it, a failure under CI=true."""
    try:
        with chromium() as launched:
            yield launched
    except FileNotFoundError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{exc} — CI must run the browser tests")
        pytest.skip(str(exc))

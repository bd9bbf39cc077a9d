"""Shared machinery of both layers: strict builds of a project once per test session, a local
server for built sites, and headless Chromium. What a test expects of one site lives in its
layer (tests/site/conftest.py for this site)."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from parksite.project import PROJECT
from parksite.tools.bench.synthetic import copy_project  # noqa: F401  (a copy of what a build reads)
from parksite.tools.browser import chromium

# The checkout: its node_modules, CI files and editor settings (the project under test may
# be another folder, named by PARKSITE_ROOT).
REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "test-output"


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


def parksite_build(
    site_dir: Path, site_url: str | None = None, project: Path = PROJECT.root
) -> subprocess.CompletedProcess[str]:
    """Build a project exactly as `make build` does (check first, then strict), into site_dir."""
    return subprocess.run(
        [sys.executable, "-m", "parksite", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        env=os.environ
        | {"PARKSITE_ROOT": str(project), "PARKSITE_SITE_DIR": str(site_dir)}
        | ({"SITE_URL": site_url} if site_url else {}),
    )


def free_url() -> str:
    """A local address with a free port, for a site to be built for and served at."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/"


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """`build(project_dir, site_url=None) -> site_dir`: a project built as `make build` builds
    it (strict), once per test session for each project and address."""
    built: dict[tuple[Path, str | None], Path] = {}

    def build_once(project: Path, site_url: str | None = None) -> Path:
        key = (Path(project).resolve(), site_url)
        if key not in built:
            site_dir = tmp_path_factory.mktemp(f"site-{key[0].name}")
            result = parksite_build(site_dir, site_url, key[0])
            assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
            built[key] = site_dir
        return built[key]

    return build_once


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path, str], str]]:
    """`serve(site_dir, site_url) -> site_url`: a built site served at the address it was built
    for (its absolute links name it), until the session ends."""
    servers: dict[str, http.server.ThreadingHTTPServer] = {}

    def serve_once(site_dir: Path, site_url: str) -> str:
        if site_url not in servers:
            handler = functools.partial(_QuietHandler, directory=str(site_dir))
            port = int(site_url.rsplit(":", 1)[1].rstrip("/"))
            httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
            threading.Thread(target=httpd.serve_forever, daemon=True).start()
            servers[site_url] = httpd
        return site_url

    yield serve_once
    for httpd in servers.values():
        httpd.shutdown()


@pytest.fixture(scope="session")
def site_url() -> str:
    """The address the project under test is built for and served at."""
    return free_url()


@pytest.fixture(scope="session")
def site(build: Callable[..., Path], site_url: str) -> Path:
    """The project under test (this site, or PARKSITE_ROOT), built once per session."""
    return build(PROJECT.root, site_url)


@pytest.fixture(scope="session")
def server(serve: Callable[[Path, str], str], site: Path, site_url: str) -> str:
    """The built site of the project under test, served for the browser tests."""
    return serve(site, site_url)


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


@pytest.fixture(scope="session")
def cjk_fonts() -> dict[str, Path]:
    """This machine's fonts, with Noto Sans CJK: a skip without it, a failure under CI."""
    from parksite.render.fonts import FAMILIES, font_files

    cjk = next(name for name, _ in FAMILIES if "CJK" in name)
    files = font_files()
    if cjk not in files:
        message = f"no {cjk}: install Debian's fonts-noto-cjk to test drawing Chinese"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " — CI must draw the images")
        pytest.skip(message)
    return files

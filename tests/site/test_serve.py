"""`make serve` says why, every time: in the terminal and in the browser, which shows the
build's messages instead of waiting, and turns back into the site once the mistake is fixed."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from parksite.project import ROOT
from parksite.tools.serve import error_page
from tests.conftest import copy_project

GOOD = 'fact("park.location")'
BROKEN = 'fact("park.locaton")'


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(url: str, wanted: str, log: Path, timeout: float = 90) -> str:
    """The page at url once it contains `wanted` (the preview rebuilds after each save)."""
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            _, body = fetch(url)
        except (urllib.error.URLError, ConnectionError):
            body = ""
        if wanted in body:
            return body
        time.sleep(0.3)
    pytest.fail(f"{url} never showed {wanted!r}; the preview printed:\n{log.read_text()[-3000:]}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def start(project: Path, port: int, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "parksite", "serve", "--port", str(port)],
        cwd=project,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        env=os.environ | {"PARKSITE_ROOT": str(project), "NO_MKDOCS_2_WARNING": "1"},
    )


def test_a_mistake_shows_in_the_browser_and_the_terminal_every_time(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    line = next(n for n, t in enumerate(about.read_text().splitlines(), 1) if GOOD in t)
    message = (
        f"docs/about.md line {line}: fact: unknown id 'park.locaton'.\n"
        "    How to fix: did you mean park.location?"
    )
    port, log = free_port(), tmp_path / "serve.log"
    url = f"http://127.0.0.1:{port}/about/"
    server = start(project, port, log)
    try:
        wait_for(url, "Yingze district", log)
        for attempt in (1, 2):
            edit(about, GOOD, BROKEN)
            page = wait_for(url, "The site could not be built", log)
            assert message.replace("'", "&#x27;") in page, page
            # The terminal shows the whole message each time, not "Aborted with a BuildError!".
            assert log.read_text().count(message) == attempt
            # Any address of the site shows it, the other language's too.
            _, other = fetch(f"http://127.0.0.1:{port}/zh/contact/")
            assert "The site could not be built" in other
            edit(about, BROKEN, GOOD)
            wait_for(url, "Yingze district", log)
        # A mistake only MkDocs finds (a link to a heading that is not there) shows the same way.
        edit(about, "(stories/record-2021.md)", "(stories/record-2021.md#nowhere)")
        page = wait_for(url, "The site could not be built", log)
        assert "does not contain an anchor &#x27;#nowhere&#x27;" in page
        edit(about, "(stories/record-2021.md#nowhere)", "(stories/record-2021.md)")
        wait_for(url, "Yingze district", log)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    output = log.read_text()
    assert "Traceback" not in output
    assert "Aborted with" not in output
    assert output.rstrip().endswith("Stopped.")


def test_the_error_page_escapes_the_message_and_reloads_by_itself() -> None:
    page = error_page(["docs/about.md line 3: `<script>` is not allowed in a page."], 7).decode()
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    assert 'content="7"' in page and "location.reload()" in page


def test_a_port_in_use_is_named_with_the_fix(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "parksite", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert f"Port {port} is already in use" in result.stdout
    assert f"make serve SERVE_PORT={port + 1}" in result.stdout


def test_make_serve_runs_our_preview_where_it_is_told() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^serve:.*\n\t(.+)$", makefile, re.M)
    assert recipe, "make serve has a recipe"
    assert "-m parksite serve --host $(SERVE_HOST) --port $(SERVE_PORT)" in recipe[1]

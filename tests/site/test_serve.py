"""`make serve` says why, every time: in the terminal and in the browser, which shows the
build's messages instead of waiting, and turns back into the site once the mistake is fixed."""

from __future__ import annotations

import os
import posixpath
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

from parksite.content.citations import Citation, facts_page
from parksite.project import PROJECT, ROOT
from parksite.render.figures import UnknownFact
from parksite.tools.serve import error_page
from tests.conftest import copy_project
from tests.site.conftest import (
    DEFAULT,
    LANGS,
    PAGES,
    SCREEN_PAGES,
    SITE,
    citations,
    page_of_file,
    url_of,
)


def _cited() -> Citation:
    """A figure a page of the screen cites as `fact("...")`, in the default language."""
    return next(
        c
        for c in citations(DEFAULT.code)
        if c.macro == "fact"
        and page_of_file(c.page) in SCREEN_PAGES
        and f'fact("{c.fact}")' in (PROJECT.docs_dir / c.page).read_text(encoding="utf-8")
    )


CITED = _cited()
GOOD = f'fact("{CITED.fact}")'
# The id misspelt by a letter, as the preview must tell it, with the nearest ids.
TYPO = next(
    t
    for n in range(len(CITED.fact) - 1, 0, -1)
    if (t := CITED.fact[:n] + CITED.fact[n + 1 :]) not in SITE.park.facts
)
BROKEN = f'fact("{TYPO}")'
# What the page shows once it builds: the figure, marked with its id.
SHOWN = f'data-fact="{CITED.fact}"'


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
    edited = project / "docs" / CITED.page
    lines = edited.read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(lines, 1) if GOOD in t)
    message = (
        f"docs/{CITED.page} line {line}: fact: unknown id '{TYPO}'.\n"
        f"    How to fix: {UnknownFact(TYPO, sorted(SITE.park.facts)).hint}"
    )
    assert CITED.fact in message
    # Another page, in another language where the site has one.
    other = url_of(LANGS[-1], next(p for p in PAGES if p != page_of_file(CITED.page)))
    # A link to a heading the table of facts does not have.
    target = posixpath.relpath(facts_page(SITE), posixpath.dirname(CITED.page) or ".")
    anchor = f"\n[The figures]({target}#nowhere)\n"
    port, log = free_port(), tmp_path / "serve.log"
    url = f"http://127.0.0.1:{port}/{page_of_file(CITED.page)}"
    server = start(project, port, log)
    try:
        wait_for(url, SHOWN, log)
        for attempt in (1, 2):
            edit(edited, GOOD, BROKEN)
            page = wait_for(url, "The site could not be built", log)
            assert message.replace("'", "&#x27;") in page, page
            # The terminal shows the whole message each time, not "Aborted with a BuildError!".
            assert log.read_text().count(message) == attempt
            # Any address of the site shows it, the other language's too.
            _, shown = fetch(f"http://127.0.0.1:{port}/{other}")
            assert "The site could not be built" in shown
            edit(edited, BROKEN, GOOD)
            wait_for(url, SHOWN, log)
        # A mistake only MkDocs finds (a link to a heading that is not there) shows the same way.
        edited.write_text(edited.read_text(encoding="utf-8") + anchor, encoding="utf-8")
        page = wait_for(url, "The site could not be built", log)
        assert "does not contain an anchor &#x27;#nowhere&#x27;" in page
        edit(edited, anchor, "")
        wait_for(url, SHOWN, log)
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

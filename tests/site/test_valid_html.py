"""Valid HTML: the Nu Html Checker (npm vnu-jar, run with Java) on every built page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.site.conftest import LANGS, PAGES

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Warnings kept on purpose, each with its reason. None today: add one only with a reason.
ACCEPTED_WARNINGS: dict[str, str] = {}


def test_every_page_is_valid_html(site: Path) -> None:
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail(f"need java and {VNU}: install a JRE and run `make test` (it runs npm ci)")
    pages = sorted(str(path) for path in site.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *pages],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    problems = [
        f"{m.get('url', '').removeprefix(f'file:{site.resolve()}/')}:{m.get('lastLine')}: {m['type']}/{m.get('subType', '')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
        or (m.get("subType") == "warning" and m["message"] not in ACCEPTED_WARNINGS)
    ]
    assert len(pages) > len(PAGES) * len(LANGS)  # and the 404 page
    assert problems == [], "\n".join(problems)

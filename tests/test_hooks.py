"""The MkDocs hooks: a story is added by copying one file, and `make serve` runs fresh code."""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from parksite.hooks import forget_changed_modules
from parksite.paths import CONFIG_FILE, DOCS_DIR
from parksite.stories import stories_nav
from tests.conftest import page_file

NAV = [
    {"Home": "index.md"},
    {"Success stories": ["stories/index.md", "stories/ruifei.md"]},
    {"Contact": "contact.md"},
]


def story_docs(tmp_path: Path) -> Path:
    """A docs folder with the real stories and one more, copied as CONTRIBUTING says."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS_DIR / "stories", docs / "stories")
    for suffix in (".md", ".zh.md"):
        text = (DOCS_DIR / "stories" / f"ruifei{suffix}").read_text(encoding="utf-8")
        (docs / "stories" / f"another{suffix}").write_text(
            text.replace("order: 1", "order: 0"), encoding="utf-8"
        )
    return docs


def test_a_copied_story_joins_the_nav_in_its_order(tmp_path: Path) -> None:
    nav = stories_nav(NAV, story_docs(tmp_path))
    assert nav[0] == NAV[0] and nav[2] == NAV[2]
    assert nav[1] == {
        "Success stories": [
            "stories/index.md",
            "stories/another.md",
            "stories/ruifei.md",
            "stories/record-2021.md",
        ]
    }
    assert stories_nav(nav, tmp_path / "docs") == nav, "a second build must not add them again"


def test_nested_sections_and_a_missing_nav_are_handled(tmp_path: Path) -> None:
    nested = [{"Cases": [{"Success stories": ["stories/index.md"]}]}]
    assert stories_nav(nested, story_docs(tmp_path))[0]["Cases"][0]["Success stories"][1] == (
        "stories/another.md"
    )
    assert stories_nav(None, DOCS_DIR) is None


def test_mkdocs_yml_names_no_story_but_the_index() -> None:
    text = CONFIG_FILE.read_text(encoding="utf-8")
    listed = [line.strip() for line in text.splitlines() if "stories/" in line and "- " in line]
    assert listed == ["- stories/index.md"], "stories are listed by parksite/hooks.py"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_story_file_is_in_the_built_sidebar(site: Path, lang: str) -> None:
    html = page_file(site, lang, "stories/").read_text(encoding="utf-8")
    links = {a["href"] for a in BeautifulSoup(html, "lxml").select("nav.md-nav a.md-nav__link")}
    slugs = {p.name.split(".")[0] for p in (DOCS_DIR / "stories").glob("*.md")} - {"index"}
    assert slugs and {f"{slug}/" for slug in slugs} <= links


def test_a_changed_module_is_forgotten_with_its_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "w6pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "part.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert importlib.import_module("w6pkg.part").VALUE == 1
    seen: dict[str, int] = {}
    try:
        assert forget_changed_modules(seen, "w6pkg") == []
        assert forget_changed_modules(seen, "w6pkg") == [], "nothing changed yet"
        (package / "part.py").write_text("VALUE = 2\n")
        stamp = (package / "part.py").stat().st_mtime_ns + 1_000_000_000
        os.utime(package / "part.py", ns=(stamp, stamp))
        assert forget_changed_modules(seen, "w6pkg") == ["w6pkg", "w6pkg.part"]
        assert "w6pkg" not in sys.modules
        assert importlib.import_module("w6pkg.part").VALUE == 2
    finally:
        for name in ("w6pkg.part", "w6pkg"):
            sys.modules.pop(name, None)

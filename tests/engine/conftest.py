"""The engine's own fixtures: its languages outside any site, small projects written into a
temporary folder, and the fixture parks under tests/engine/parks/."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from parksite.content.site import Site
from parksite.i18n.languages import engine_language
from parksite.project import Project
from parksite.tools.new import write_skeleton

HERE = Path(__file__).parent
PARKS = HERE / "parks"
DATA = HERE / "bad_data"
TODAY = dt.date(2026, 11, 29)

# The engine's two languages as a site in British English and Simplified Chinese sets them.
EN = engine_language("en", locale="en_GB")
ZH = engine_language("zh", html="zh-Hans", default=False)


def mkdocs_yml(languages: tuple[str, ...] = ("en", "zh")) -> str:
    """The smallest mkdocs.yml of a project in these languages (the first is the default)."""
    config: dict = {
        "site_name": "Fixture park",
        "theme": {"name": "material"},
        "plugins": [
            {"parksite": {"locales": {"en": "en_GB"}}},
            {
                "i18n": {
                    "docs_structure": "suffix",
                    "languages": [
                        {"locale": code, "default": n == 0, "name": code}
                        for n, code in enumerate(languages)
                    ],
                }
            },
        ],
    }
    return yaml.safe_dump(config, allow_unicode=True)


def write_project(
    root: Path,
    data: str,
    pages: dict[str, str],
    languages: tuple[str, ...] = ("en", "zh"),
) -> Project:
    """A project with this data file and these pages (paths inside docs/)."""
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "park.yml").write_text(data, encoding="utf-8")
    (root / "mkdocs.yml").write_text(mkdocs_yml(languages), encoding="utf-8")
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    return Project(root)


def example_park(dest: Path) -> Path:
    """A whole park in English and Chinese as `make new` writes it (landing page, fact sheet,
    stories, contact, Sources, six facts): the realistic project the engine's tests break on
    purpose, whichever park the project under test is."""
    write_skeleton(dest, "Example Harbour Park", ["en", "zh"], TODAY)
    return dest


def park_copy(name: str, dest: Path) -> Path:
    """A copy of a fixture park under tests/engine/parks/, to edit."""
    shutil.copytree(PARKS / name, dest)
    return dest


def site_of(root: Path, data: str, pages: dict[str, str], **kwargs) -> Site:
    """The Site a build of such a project reads (data valid, pages not yet checked)."""
    return Site.load(write_project(root, data, pages, **kwargs), today=TODAY)


_built: dict[str, Path] = {}


@pytest.fixture(scope="session")
def built_park(tmp_path_factory: pytest.TempPathFactory):
    """A fixture park under tests/engine/parks/ built once per session (strict): its site."""

    def build(name: str) -> Path:
        if name not in _built:
            site = tmp_path_factory.mktemp(f"park-{name}")
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                cwd=PARKS / name,
                capture_output=True,
                text=True,
                env=os.environ | {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000"},
            )
            assert result.returncode == 0, result.stderr[-4000:]
            _built[name] = site
        return _built[name]

    return build

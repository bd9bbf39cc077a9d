"""Temporary copies of the project to measure: with synthetic stories, and pre-rendered.

Everything here is written under a temporary folder and removed after the benchmark:
synthetic stories are never committed and never published. They cite real fact ids only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from parksite.checks.project import check
from parksite.content.citations import facts_page
from parksite.i18n.languages import REFERENCE
from parksite.mkdocs.plugin import ENGINE_CSS, ENGINE_JS, THEME_DIR
from parksite.project import ROOT

# What a build reads; parksite itself is imported from the installed package.
PROJECT_FILES = ("mkdocs.yml",)
PROJECT_DIRS = ("docs", "data")
PRERENDER_HOOK = Path(__file__).with_name("prerender_hook.py")
FLOOR_HOOK = Path(__file__).with_name("floor_hook.py")
SYNTHETIC_PREFIX = "synthetic-"
# A synthetic story's text in a language (a format string of the values below), in
# stories/<code>.md; a language without one gets the English.
STORY_TEXTS = Path(__file__).with_name("stories")


def copy_project(dest: Path) -> Path:
    """A copy of what a build reads, to add stories to or to edit while serving."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, dest / name)
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, dest / name)
    return dest


def cited_facts() -> tuple[list[str], list[str], str, str]:
    """Real fact ids a synthetic story can cite: figures with a value, amounts of money and
    a year; and the page of the site's table of facts, from a story's folder."""
    site = check()
    park = site.park
    figures = [
        fid
        for fid, fact in park.facts.items()
        if fact.value is not None and park.units[fact.unit or ""].kind in ("count", "money")
    ]
    money = [fid for fid in figures if park.is_money(park.facts[fid])]
    year = next(
        f
        for f, fact in park.facts.items()
        if park.units.get(fact.unit or "") and park.units[fact.unit].kind == "year"
    )
    return figures, money, year, facts_page(site) or "index.md"


def code(n: int) -> str:
    """A story's number in letters (1 is A, 27 is AA): a typed digit could equal a fact's
    value, and the build refuses figures typed by hand."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def story_text(code: str) -> str:
    """The synthetic story's text in a language, to format with its values."""
    path = STORY_TEXTS / f"{code}.md"
    return (path if path.is_file() else STORY_TEXTS / f"{REFERENCE}.md").read_text("utf-8")


def add_stories(project: Path, count: int) -> None:
    """Write `count` synthetic stories, a file in each of the site's languages, into a
    project copy."""
    figures, money, year, table = cited_facts()
    site = check()
    if site.stories_folder is None:
        raise ValueError("the site has no stories (no page calls story_cards()) to add to")
    folder = project / "docs" / site.stories_folder
    texts = {lang.suffix: story_text(lang.code) for lang in site.languages}
    for n in range(1, count + 1):
        values = {
            "n": code(n),
            "order": 100 + n,
            "figure": figures[n % len(figures)],
            "second": figures[(n + 1) % len(figures)],
            # An amount of money where the site has one, else another figure.
            "money": (money or figures)[n % len(money or figures)],
            "amount_macro": "money" if money else "fact",
            "year": year,
            "facts_page": table,
        }
        slug = f"{SYNTHETIC_PREFIX}{n:04d}"
        for suffix, text in texts.items():
            (folder / f"{slug}{suffix}.md").write_text(text.format(**values), encoding="utf-8")


def with_hook(config: str, hook: Path) -> str:
    """The configuration with one hook file more."""
    return config.rstrip("\n") + f"\n\nhooks:\n  - {hook}\n"


def floor_config(config: str) -> str:
    """The same configuration without our plugin (its checks, head tags, story index pages)
    and the macros plugin, but with the engine's theme files, styles and scripts and the same
    template cache (the floor hook): what is left is plain Material on the same pages."""
    # The macros plugin: its line and every line indented under it.
    config = re.sub(r"  - macros:\n(?:(?: {4,}[^\n]*)?\n)*", "", config, count=1)
    config = re.sub(r"(  # [^\n]*\n)*  - parksite(:\n(      [^\n]*\n)*|\n)", "", config, count=1)
    config = re.sub(r"\n(  # [^\n]*\n)*  - parksite\.[a-z.]+\n", "\n", config)
    config = config.replace(
        "theme:\n  name: material\n", f"theme:\n  name: material\n  custom_dir: {THEME_DIR}\n", 1
    )
    config = config.rstrip("\n") + (
        "\n\nextra_css:\n"
        + "".join(f"  - {sheet}\n" for sheet in ENGINE_CSS)
        + "extra_javascript:\n"
        + "".join(f"  - {script}\n" for script in ENGINE_JS)
    )
    return with_hook(config, FLOOR_HOOK)


def make_floor(project: Path, dest: Path) -> Path:
    """The floor: the same pages with the macros already rendered, built without them.

    One build of `project` with a hook that writes each page's Markdown after the macros
    ran; `dest` gets those pages and a configuration without the macros plugin.
    """
    copy_project(dest)
    shutil.rmtree(dest / "docs")
    shutil.copytree(project / "docs", dest / "docs")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.prerender.yml").write_text(with_hook(config, PRERENDER_HOOK), "utf-8")
    result = subprocess.run(
        [
            *(sys.executable, "-m", "mkdocs", "build", "--strict", "-q"),
            *("-f", "mkdocs.prerender.yml", "--site-dir", str(project / ".prerender-site")),
        ],
        cwd=project,
        env=os.environ | {"PRERENDER_TO": str(dest / "docs"), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"pre-rendering {project} failed:\n{result.stderr[-3000:]}")
    shutil.rmtree(project / ".prerender-site")
    (project / "mkdocs.prerender.yml").unlink()
    (dest / "mkdocs.yml").write_text(floor_config(config), encoding="utf-8")
    return dest

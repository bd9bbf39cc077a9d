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
from parksite.mkdocs.plugin import ENGINE_CSS, ENGINE_JS, THEME_DIR
from parksite.project import ROOT

# What a build reads; parksite itself is imported from the installed package.
PROJECT_FILES = ("mkdocs.yml",)
PROJECT_DIRS = ("docs", "data")
PRERENDER_HOOK = Path(__file__).with_name("prerender_hook.py")
FLOOR_HOOK = Path(__file__).with_name("floor_hook.py")
SYNTHETIC_PREFIX = "synthetic-"

ENGLISH = """---
title: Synthetic story {n}
description: Synthetic benchmark page {n}, never published.
summary: Synthetic story {n} for the benchmark, citing real facts of the park.
figure: {figure}
order: {order}
---

# Synthetic story {n}

## The figure

This synthetic page stands for a success story. It cites {{{{ fact("{figure}") }}}} as its
figure, as a real story cites one of the park's facts, and repeats it here so that each page
calls the macros about as often as a real story does.

## In context

The park reports {{{{ fact("{second}") }}}} and {{{{ {amount_macro}("{money}") }}}} since it began
operating in {{{{ fact("{year}") }}}}. A real story would explain what these figures
mean for the enterprise it describes, in two or three short paragraphs of plain text.

## What it means for an investor

A story ends by saying what the case shows an investor, and where to read more: the
[Key figures](../{facts_page}) page lists every figure with its source and date.
"""

CHINESE = """---
title: 合成案例 {n}
description: 基准测试用的合成页面 {n}，不会发布。
summary: 基准测试用的合成案例 {n}，引用园区的真实数据。
figure: {figure}
order: {order}
---

# 合成案例 {n}

## 数据

本合成页面代表一个成功案例。它像真实案例一样引用园区的一项数据{{{{ fact("{figure}") }}}}，
并在此重复引用，使每个页面调用宏的次数与真实案例大致相同。

## 背景

园区自{{{{ fact("{year}") }}}}开始运营以来，取得了{{{{ fact("{second}") }}}}和
{{{{ {amount_macro}("{money}") }}}}。真实案例会用两三段文字说明这些数据对所介绍企业的意义。

## 对投资者的意义

案例最后说明其对投资者的意义以及延伸阅读：[关键数据](../{facts_page})页面列出了每项数据的出处和日期。
"""


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


def add_stories(project: Path, count: int) -> None:
    """Write `count` synthetic story pairs (English and Chinese) into a project copy."""
    figures, money, year, table = cited_facts()
    folder = project / "docs" / "stories"
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
        (folder / f"{slug}.md").write_text(ENGLISH.format(**values), encoding="utf-8")
        (folder / f"{slug}.zh.md").write_text(CHINESE.format(**values), encoding="utf-8")


def with_hook(config: str, hook: Path) -> str:
    """The configuration with one hook file more."""
    return config.rstrip("\n") + f"\n\nhooks:\n  - {hook}\n"


def floor_config(config: str) -> str:
    """The same configuration without our plugin (its checks, head tags, story index pages)
    and the macros plugin, but with the engine's theme files, styles and scripts and the same
    template cache (the floor hook): what is left is plain Material on the same pages."""
    config = re.sub(r"  - macros:\n.*?(?=  - i18n:)", "", config, count=1, flags=re.S)
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

"""Every recipe of the staff guide (CONTRIBUTING.md), done on a copy of the project as staff
do it, keeps `make check`, `make build` and the site's tests green, and shows on the built
pages in every language: doing what the guide says never turns CI red.

The recipes are applied together to one copy (one check, one build, one run of the site's
tests), edited as text the way an editor edits, with the guide's own steps. Where the guide
says what `make check` answers to a slip on the way (a unit reused for something else, a
removed story still linked), the copy makes that slip first and follows the answer.

The figures below are examples written into a temporary copy, never into the real data.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from parksite.checks.project import check
from parksite.project import ROOT, Project
from parksite.render.figures import figure_text
from tests.conftest import copy_project
from tests.site.conftest import LANGS, page_file

# The site's own tests of the built pages and of the data, run against the copy's build:
# each must hold for any data and pages staff may write (browser tests are left out here,
# only for time: they read the same pages). Found by name wherever tests/ keeps them.
SITE_TESTS = (
    "test_built_html.py",
    "test_links.py",
    "test_sharing.py",
    "test_traceability.py",
    "test_page_chrome.py",
    "test_share_images.py",
    "test_data.py",
    "test_plain_calls.py",
)
SOURCE = "example-report-2026"
NEW_PAGE = "investment"
GONE_STORY = "record-2021"


@dataclass(frozen=True)
class Shows:
    """What a recipe's change puts on a built page: a fact (as the engine writes it in each
    language), a text, or an address that must answer (or, with gone, must not)."""

    page: str
    fact: str | None = None
    text: str | tuple[str, ...] | None = None  # one for all languages, or one each
    gone: bool = False


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: update the recipe and the guide"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def block_after(path: Path, anchor: str, block: str) -> None:
    """Insert `block` on the lines after the line holding `anchor`."""
    text = path.read_text(encoding="utf-8")
    at = text.index(anchor) + len(anchor)
    end = text.index("\n", at) + 1
    path.write_text(text[:end] + block + text[end:], encoding="utf-8")


# --- The recipes, in the guide's words ------------------------------------------------------


def add_a_source(project: Path) -> list[Shows]:
    """Add the source under `sources:` with an id of publisher and date."""
    block_after(
        project / "data" / "park.yml",
        "\nsources:",
        f"  {SOURCE}:\n"
        "    publisher: {en: Example Daily, zh: 示例日报}\n"
        "    title: {en: An example report, zh: 示例报道}\n"
        "    date: 2026-06-30\n"
        "    language: en\n"
        "    url: https://example.org/report\n",
    )
    return [Shows("sources/", text=("Example Daily", "示例日报"))]


def change_a_figure(project: Path) -> list[Shows]:
    """Change value, as_of and source of patents.national."""
    data = project / "data" / "park.yml"
    edit(
        data,
        "    value: 713\n    unit: patents\n    as_of: 2022-01-30\n    source: chinadaily-2022-01-30",
        f"    value: 750\n    unit: patents\n    as_of: 2026-06-30\n    source: {SOURCE}",
    )
    return [
        Shows("services/", fact="patents.national"),
        Shows("key-figures/", text="https://example.org/report"),
    ]


def add_a_fact(project: Path) -> list[Shows]:
    """A fact with a unit already listed (enterprises), and one whose thing no unit names yet:
    first written with the nearest unit (patents), which `make check` refuses."""
    block_after(
        project / "data" / "park.yml",
        "\nfacts:",
        "  enterprises.joined:\n"
        "    topic: growth\n"
        "    label: {en: Enterprises that joined the park (example), zh: 新入驻园区的企业（示例）}\n"
        "    value: 12\n"
        "    unit: enterprises\n"
        "    as_of: 2026-06-30\n"
        f"    source: {SOURCE}\n"
        "  patents.invention:\n"
        "    topic: innovation\n"
        "    label: {en: Invention patents (example), zh: 发明专利（示例）}\n"
        "    value: 96\n"
        "    unit: patents\n"
        "    as_of: 2026-06-30\n"
        f"    source: {SOURCE}\n",
    )
    return [Shows("key-figures/", fact="enterprises.joined")]


def add_a_unit(project: Path) -> None:
    """What `make check` asks for the invention patents: a unit of their own."""
    data = project / "data" / "park.yml"
    block_after(
        data,
        "\nunits:",
        "  invention_patents: {kind: count, en: invention patents, zh: 项发明专利}\n",
    )
    edit(
        data,
        "    value: 96\n    unit: patents\n",
        "    value: 96\n    unit: invention_patents\n",
    )


def add_a_story(project: Path) -> list[Shows]:
    """Copy a story's two files to a new name, change the front matter, write the text."""
    stories = project / "docs" / "stories"
    for suffix, title, about, text in (
        (
            ".md",
            "An example story",
            "What an example enterprise achieved in the park (a test page).",
            'The park counts {{ fact("patents.invention") }}.',
        ),
        (
            ".zh.md",
            "示例案例",
            "一家示例企业在园区取得的成果：仅用于测试的页面。",
            '园区拥有{{ fact("patents.invention") }}。',
        ),
    ):
        old = (stories / f"ruifei{suffix}").read_text(encoding="utf-8")
        front = old.split("---", 2)[1]
        front = re.sub(r"(?m)^title: .*$", f"title: {title}", front)
        front = re.sub(r"(?m)^summary: .*$", f"summary: {about}", front)
        front = re.sub(r"(?m)^description: .*$", f"description: {about}", front)
        front = re.sub(r"(?m)^figure: .*$", "figure: patents.invention", front)
        front = re.sub(r"(?m)^order: .*$", "order: 3", front)
        body = f"\n# {title}\n\n{text}\n\n[Key figures](../key-figures.md)\n"
        (stories / f"example-story{suffix}").write_text(f"---{front}---\n{body}", "utf-8")
    return [
        Shows("stories/example-story/", fact="patents.invention"),
        Shows("stories/", text="example-story/"),
    ]


def add_a_page_pair(project: Path) -> list[Shows]:
    """Two files, a line in `nav:` and the title's translation under `nav_translations:`."""
    docs = project / "docs"
    for suffix, title, about, text in (
        (
            ".md",
            "Investment guide",
            "How to invest in the park, step by step (an example page).",
            'Newly joined: {{ fact("enterprises.joined") }}.',
        ),
        (
            ".zh.md",
            "投资指南",
            "如何一步步在园区投资：一个示例页面，仅用于测试。",
            '新入驻：{{ fact("enterprises.joined") }}。',
        ),
    ):
        (docs / f"{NEW_PAGE}{suffix}").write_text(
            f"---\ntitle: {title}\ndescription: {about}\n---\n\n# {title}\n\n{text}\n\n"
            "[Key figures](key-figures.md)\n",
            encoding="utf-8",
        )
    config = project / "mkdocs.yml"
    block_after(config, "  - Plans: plans.md", f"  - Investment guide: {NEW_PAGE}.md\n")
    block_after(config, "            Plans: ", "            Investment guide: 投资指南\n")
    return [
        Shows(f"{NEW_PAGE}/", fact="enterprises.joined"),
        Shows("", text=("Investment guide", "投资指南")),
    ]


def fill_a_placeholder(project: Path) -> list[Shows]:
    """Write `value:` and delete `placeholder: true`."""
    edit(
        project / "data" / "park.yml",
        "  contact.email:\n    label: {en: E-mail, zh: 电子邮箱}\n    placeholder: true",
        "  contact.email:\n    label: {en: E-mail, zh: 电子邮箱}\n    value: invest@example.org",
    )
    return [Shows("contact/", text="invest@example.org")]


def remove_a_story(project: Path) -> list[Shows]:
    """Delete both files of the story; `make check` then names the lines still linking to it."""
    for suffix in (".md", ".zh.md"):
        (project / "docs" / "stories" / f"{GONE_STORY}{suffix}").unlink()
    return [Shows(f"stories/{GONE_STORY}/", gone=True)]


def unlink_gone_story(project: Path) -> None:
    """What `make check` asks after a story is removed: the links to it go too."""
    link = re.compile(rf"\[([^\]]+)\]\((?:\.\./)?stories/{GONE_STORY}\.md\)")
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if link.search(text):
            page.write_text(link.sub(r"\1", text), encoding="utf-8")


RECIPES = (
    add_a_source,
    change_a_figure,
    add_a_fact,
    add_a_story,
    add_a_page_pair,
    fill_a_placeholder,
    remove_a_story,
)


# --- Running them as staff would ---------------------------------------------------------


def parksite(project: Path, command: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`make check` or `make build` on the copy (the same command make runs)."""
    return subprocess.run(
        [sys.executable, "-m", "parksite", command],
        cwd=project,
        capture_output=True,
        text=True,
        env=os.environ | {"PARKSITE_ROOT": str(project), "VERBOSE": ""} | env,
    )


def commit(project: Path, message: str) -> None:
    """Commit everything in the copy, as a pull request's commit (the build dates itself and
    each figure's last change from git)."""
    env = os.environ | {
        **{f"GIT_{who}_NAME": "Park staff" for who in ("AUTHOR", "COMMITTER")},
        **{f"GIT_{who}_EMAIL": "staff@example.invalid" for who in ("AUTHOR", "COMMITTER")},
    }
    for args in (("init", "-q"), ("add", "-A"), ("commit", "-q", "-m", message)):
        if args[0] != "init" or not (project / ".git").exists():
            subprocess.run(["git", "-C", str(project), *args], check=True, env=env)


@pytest.fixture(scope="module")
def done(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Shows]]:
    """A copy of the project with every recipe done, checked, committed and built."""
    project = copy_project(tmp_path_factory.mktemp("recipes") / "project")
    commit(project, "The site as it was")
    shows = [item for recipe in RECIPES for item in recipe(project)]

    slip = parksite(project, "check")
    assert slip.returncode == 1
    assert "facts[patents.invention].unit: the unit `patents` reads 'national patents'" in (
        slip.stderr
    ), slip.stderr
    add_a_unit(project)

    linked = parksite(project, "check")
    assert linked.returncode == 1
    assert linked.stderr.startswith("1 problem to fix"), linked.stderr
    assert f"leads to stories/{GONE_STORY}.md, which is not a page in docs/" in linked.stderr
    unlink_gone_story(project)

    check = parksite(project, "check")
    assert check.returncode == 0, check.stderr
    assert len(check.stdout.splitlines()) == 1 and check.stderr == "", check.stdout

    commit(project, "Every recipe of the staff guide")
    build = parksite(project, "build")
    assert build.returncode == 0, (build.stdout + build.stderr)[-4000:]
    return project, shows


def test_every_recipe_keeps_check_and_build_green(done: tuple[Path, list[Shows]]) -> None:
    project, _ = done
    assert (project / "site" / "index.html").is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_every_change_shows_on_the_built_pages(done: tuple[Path, list[Shows]], lang: str) -> None:
    project, shows = done
    copy = check(Project(project))
    park, language = copy.park, copy.languages[lang]
    site = project / "site"
    for item in shows:
        path = page_file(site, lang, item.page)
        if item.gone:
            assert not path.exists(), path
            continue
        assert path.is_file(), f"{item.page} was not built in {lang}"
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if item.fact:
            nodes = page.select(f'[data-fact="{item.fact}"]')
            written = figure_text(park, park.facts[item.fact], language)
            assert any(written in n.get_text(" ", strip=True) for n in nodes), (item, written)
        if item.text:
            text = item.text if isinstance(item.text, str) else item.text[LANGS.index(lang)]
            assert text in str(page), item


def test_the_site_tests_pass_on_the_copy(done: tuple[Path, list[Shows]], tmp_path: Path) -> None:
    """The tests CI runs on the built site hold for the copy too: no recipe turns CI red."""
    project, _ = done
    files = {name: sorted(ROOT.glob(f"tests/**/{name}")) for name in SITE_TESTS}
    assert all(files.values()), f"a site test moved out of tests/: {files}"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-x", "-m", "not browser"),
            *("-p", "no:cacheprovider", "--basetemp", str(tmp_path / "site-tests")),
            *(str(path) for found in files.values() for path in found),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ | {"PARKSITE_ROOT": str(project)},
    )
    assert result.returncode == 0, result.stdout[-6000:]


def test_the_recipes_are_the_guides() -> None:
    """Each recipe here is a task CONTRIBUTING.md describes, under its own heading."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    headings = [h.lower() for h in re.findall(r"^##+ (.+)$", guide, re.M)]
    for recipe in RECIPES:
        words = recipe.__name__.replace("_", " ").removesuffix(" pair")
        assert any(words in heading for heading in headings), f"no heading for '{words}'"

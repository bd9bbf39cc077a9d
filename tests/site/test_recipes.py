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

import json
import os
import posixpath
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from parksite.checks.project import check
from parksite.content.citations import all_citations, facts_page, macro_calls
from parksite.i18n.languages import i18n_languages
from parksite.project import PROJECT, ROOT, Project
from parksite.render.figures import figure_text
from tests.conftest import REPO, copy_project
from tests.site.conftest import (
    DEFAULT,
    HOME,
    KEY_FIGURES,
    LANGS,
    LANGUAGES,
    PARK,
    SITE,
    STORY_INDEX,
    docs_file,
    page_file,
    page_of_file,
    with_key,
    with_value,
)

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
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
# What the recipes add: ids and names the project must not have yet.
SOURCE = "example-report-2026"
JOINED, INVENTION = "enterprises.joined", "patents.invention"
NEW_UNIT = "invention_patents"
NEW_PAGE = "investment"
# Named unlike any story: `make check` would take it for a removed story renamed.
NEW_STORY = "invention-patents"
FOLDER = SITE.stories_folder


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


def per_language(**written: str) -> dict[str, str]:
    """A text in each of the site's languages: the one written here, else the English."""
    return {code: written.get(code, written["en"]) for code in LANGS}


def flow(texts: dict[str, str]) -> str:
    """Texts by language as the data file writes them on one line: {en: "...", zh: "..."}."""
    return (
        "{" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in texts.items()) + "}"
    )


def edit_data(project: Path, change, *args: object) -> None:
    data = project / "data" / "park.yml"
    data.write_text(change(data.read_text(encoding="utf-8"), *args), encoding="utf-8")


# --- What the recipes pick from the project -------------------------------------------------


def _count_units() -> list[str]:
    return [uid for uid, unit in PARK.units.items() if unit.kind == "count"]


def _gone_story() -> str | None:
    """The story "Remove a story" removes: the last one a page links to (so that `make check`
    has lines to name), else the last one."""
    if FOLDER is None:
        return None
    slugs = [story.slug for story in SITE.stories(DEFAULT)]
    linked = [slug for slug in slugs if any(links_to(slug).search(t) for t in SITE.pages.values())]
    return (linked or slugs or [None])[-1]


def links_to(slug: str) -> re.Pattern[str]:
    """A Markdown link to a story's file, from any page: [text](../stories/slug.md#part)."""
    return re.compile(rf"\[([^\]]+)\]\([^)\s]*(?<![\w-]){re.escape(slug)}\.md(?:#[^)]*)?\)")


GONE = _gone_story()


def _changed() -> tuple[str, str]:
    """The figure "Change a figure" changes and a page showing it in words: the first count a
    page (not a story that goes) cites with fact(), else the first count, on Key figures."""
    gone = {LANGUAGES.file_in(f"{FOLDER}/{GONE}.md", lang) for lang in LANGUAGES} if GONE else set()
    for cite in all_citations(SITE):
        fact = PARK.facts.get(cite.fact)
        if (
            cite.macro == "fact"
            and LANGUAGES.of_file(cite.page) is DEFAULT
            and cite.page not in gone
            and fact is not None
            and fact.unit in _count_units()
        ):
            return cite.fact, page_of_file(cite.page)
    return next(f for f, fact in PARK.facts.items() if fact.unit in _count_units()), KEY_FIGURES


CHANGED, CHANGED_PAGE = _changed()


def _misread_unit() -> tuple[str, str] | None:
    """A count unit of two words or more, and a language it has them in: the one "Add a fact"
    first reuses for invention patents, which `make check` refuses ('national patents'). The
    guide's example where the site has it, else the first; none where all are one word."""
    warned = re.search(r"`unit: (\w+)`, which reads", GUIDE)
    units = _count_units()
    if warned and warned[1] in units:
        units.insert(0, warned[1])
    for uid in units:
        for code in LANGS:
            if len(PARK.units[uid][code].split()) > 1:
                return uid, code
    return None


MISREAD = _misread_unit()


def _filled() -> tuple[str, str] | None:
    """The placeholder "Fill a placeholder" fills: the last the pages show, and the first
    page showing it."""
    shown = {}
    for path, text in SITE.pages.items():
        if LANGUAGES.of_file(docs_file(path)) is DEFAULT:
            for name, args, _ in macro_calls(text):
                if name in ("details", "placeholder"):
                    for key in args:
                        shown.setdefault(key, page_of_file(docs_file(path)))
    waiting = [(key, page) for key, page in shown.items() if PARK.placeholders[key].placeholder]
    return waiting[-1] if waiting else None


FILLED = _filled()


# --- The recipes, in the guide's words ------------------------------------------------------


def add_a_source(project: Path) -> list[Shows]:
    """Add the source under `sources:` with an id of publisher and date."""
    publisher = per_language(en="Example Daily", zh="示例日报")
    block_after(
        project / "data" / "park.yml",
        "\nsources:",
        f"  {SOURCE}:\n"
        f"    publisher: {flow(publisher)}\n"
        f"    title: {flow(per_language(en='An example report', zh='示例报道'))}\n"
        "    date: 2026-06-30\n"
        f"    language: {DEFAULT.code}\n"
        "    url: https://example.org/report\n",
    )
    (sources,) = [
        page_of_file(docs_file(path))
        for path, text in SITE.pages.items()
        if LANGUAGES.of_file(docs_file(path)) is DEFAULT
        and any(name == "sources_index" for name, _, _ in macro_calls(text))
    ] or [KEY_FIGURES]
    return [Shows(sources, text=tuple(publisher.values()))]


def change_a_figure(project: Path) -> list[Shows]:
    """Change value, as_of and source of a figure."""
    edit_data(project, with_value, ("facts", CHANGED, "value"), str(PARK.facts[CHANGED].value + 37))
    edit_data(project, with_value, ("facts", CHANGED, "as_of"), "2026-06-30")
    edit_data(project, with_value, ("facts", CHANGED, "source"), SOURCE)
    return [
        Shows(CHANGED_PAGE, fact=CHANGED),
        Shows(KEY_FIGURES, text="https://example.org/report"),
    ]


def add_a_fact(project: Path) -> list[Shows]:
    """A fact with a unit already listed, and one whose thing no unit names yet: where the
    site has a unit of several words, first written with it, which `make check` refuses."""
    label = per_language(
        en="Enterprises that joined the park (example)", zh="新入驻园区的企业（示例）"
    )
    units = _count_units()
    named = [u for u in units if PARK.units[u][DEFAULT.code] in label[DEFAULT.code].lower()]
    # Else a unit of one word, which no label can misread.
    plain = [u for u in units if all(len(PARK.units[u][code].split()) == 1 for code in LANGS)]
    unit = (named or plain or [NEW_UNIT])[0]
    invention = per_language(en="Invention patents (example)", zh="发明专利（示例）")
    if MISREAD:
        misread, code = MISREAD
        # The label names the thing the unit counts, but not its other words.
        invention[code] = f"Invention {PARK.units[misread][code].split()[-1]} (example)"
    topic = next(iter(PARK.topics))
    block_after(
        project / "data" / "park.yml",
        "\nfacts:",
        f"  {JOINED}:\n"
        f"    topic: {topic}\n"
        f"    label: {flow(label)}\n"
        "    value: 12\n"
        f"    unit: {unit}\n"
        "    as_of: 2026-06-30\n"
        f"    source: {SOURCE}\n"
        f"  {INVENTION}:\n"
        f"    topic: {topic}\n"
        f"    label: {flow(invention)}\n"
        "    value: 96\n"
        f"    unit: {MISREAD[0] if MISREAD else NEW_UNIT}\n"
        "    as_of: 2026-06-30\n"
        f"    source: {SOURCE}\n",
    )
    return [Shows(KEY_FIGURES, fact=JOINED)]


def add_a_unit(project: Path) -> None:
    """What `make check` asks for the invention patents: a unit of their own."""
    words = per_language(en="invention patents", zh="项发明专利")
    block_after(
        project / "data" / "park.yml",
        "\nunits:",
        f"  {NEW_UNIT}: {{kind: count, {flow(words)[1:-1]}}}\n",
    )
    if MISREAD:
        edit_data(project, with_value, ("facts", INVENTION, "unit"), NEW_UNIT)


def add_a_story(project: Path) -> list[Shows]:
    """Copy a story's files to a new name, change the front matter, write the text."""
    if FOLDER is None:
        return []
    first = SITE.stories(DEFAULT)[0].slug
    to_key_figures = posixpath.relpath(facts_page(SITE), FOLDER)
    titles = per_language(en="An example story", zh="示例案例")
    about = per_language(
        en="What an example enterprise achieved in the park (a test page).",
        zh="一家示例企业在园区取得的成果：仅用于测试的页面。",
    )
    texts = per_language(
        en=f'The park counts {{{{ fact("{INVENTION}") }}}}.',
        zh=f'园区拥有{{{{ fact("{INVENTION}") }}}}。',
    )
    for lang in LANGUAGES:
        code = lang.code
        old = (project / "docs" / LANGUAGES.file_in(f"{FOLDER}/{first}.md", lang)).read_text(
            encoding="utf-8"
        )
        front = old.split("---", 2)[1]
        front = re.sub(r"(?m)^title: .*$", f"title: {titles[code]}", front)
        front = re.sub(r"(?m)^summary: .*$", f"summary: {about[code]}", front)
        front = re.sub(r"(?m)^description: .*$", f"description: {about[code]}", front)
        front = re.sub(r"(?m)^figure: .*$", f"figure: {INVENTION}", front)
        front = re.sub(r"(?m)^order: .*$", "order: 3", front)
        body = f"\n# {titles[code]}\n\n{texts[code]}\n\n[Key figures]({to_key_figures})\n"
        new = project / "docs" / LANGUAGES.file_in(f"{FOLDER}/{NEW_STORY}.md", lang)
        new.write_text(f"---{front}---\n{body}", "utf-8")
    return [
        Shows(f"{FOLDER}/{NEW_STORY}/", fact=INVENTION),
        Shows(STORY_INDEX, text=f"{NEW_STORY}/"),
    ]


def _nav_anchor() -> tuple[str, str]:
    """Where "Add a page" puts its line in the menu: after the last entry but one (the
    last is usually Contact), as its line in mkdocs.yml and its title."""
    text = (PROJECT.root / "mkdocs.yml").read_text(encoding="utf-8")
    block = text.split("\nnav:\n", 1)[1]
    entries = re.findall(r"^(  - (.+): \S+\.md)$", block.split("\n\n", 1)[0], re.M)
    line, title = entries[-2] if len(entries) > 1 else entries[-1]
    return line, title


def add_a_page_pair(project: Path) -> list[Shows]:
    """A file per language, a line in `nav:` and the title's translations under
    `nav_translations:`."""
    titles = per_language(en="Investment guide", zh="投资指南")
    about = per_language(
        en="How to invest in the park, step by step (an example page).",
        zh="如何一步步在园区投资：一个示例页面，仅用于测试。",
    )
    texts = per_language(
        en=f'Newly joined: {{{{ fact("{JOINED}") }}}}.', zh=f'新入驻：{{{{ fact("{JOINED}") }}}}。'
    )
    for lang in LANGUAGES:
        code = lang.code
        (project / "docs" / LANGUAGES.file_in(f"{NEW_PAGE}.md", lang)).write_text(
            f"---\ntitle: {titles[code]}\ndescription: {about[code]}\n---\n\n# {titles[code]}\n\n"
            f"{texts[code]}\n\n[Key figures]({facts_page(SITE)})\n",
            encoding="utf-8",
        )
    config = project / "mkdocs.yml"
    line, title = _nav_anchor()
    block_after(config, line, f"  - {titles[DEFAULT.code]}: {NEW_PAGE}.md\n")
    translated = [
        entry["locale"]
        for entry in i18n_languages(PROJECT.config)
        if title in (entry.get("nav_translations") or {})
    ]
    text = config.read_text(encoding="utf-8")
    at = 0
    for code in translated:
        found = re.compile(rf"^( +){re.escape(title)}: .*\n", re.M).search(text, at)
        insert = f"{found[1]}{titles[DEFAULT.code]}: {titles[code]}\n"
        text = text[: found.end()] + insert + text[found.end() :]
        at = found.end() + len(insert)
    config.write_text(text, encoding="utf-8")
    return [
        Shows(f"{NEW_PAGE}/", fact=JOINED),
        Shows(HOME, text=tuple(titles.values())),
    ]


def fill_a_placeholder(project: Path) -> list[Shows]:
    """Write `value:` and delete `placeholder: true`."""
    if FILLED is None:
        return []
    key, page = FILLED
    edit_data(project, with_key, ("placeholders", key, "placeholder"), "value")
    edit_data(project, with_value, ("placeholders", key, "value"), "invest@example.org")
    return [Shows(page, text="invest@example.org")]


def remove_a_story(project: Path) -> list[Shows]:
    """Delete the story's files; `make check` then names the lines still linking to it."""
    if GONE is None:
        return []
    for lang in LANGUAGES:
        (project / "docs" / LANGUAGES.file_in(f"{FOLDER}/{GONE}.md", lang)).unlink()
    return [Shows(f"{FOLDER}/{GONE}/", gone=True)]


def unlink_gone_story(project: Path) -> None:
    """What `make check` asks after a story is removed: the links to it go too."""
    link = links_to(GONE)
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

    if MISREAD:
        slip = parksite(project, "check")
        assert slip.returncode == 1
        unit, code = MISREAD
        said = f"facts[{INVENTION}].unit: the unit `{unit}` reads '{PARK.units[unit][code]}'"
        assert said in slip.stderr, slip.stderr
    add_a_unit(project)

    if GONE and any(links_to(GONE).search(text) for text in SITE.pages.values()):
        linked = parksite(project, "check")
        assert linked.returncode == 1
        assert linked.stderr.startswith("1 problem to fix"), linked.stderr
        assert f"leads to {FOLDER}/{GONE}.md, which is not a page in docs/" in linked.stderr
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
    files = {name: sorted(REPO.glob(f"tests/**/{name}")) for name in SITE_TESTS}
    assert all(files.values()), f"a site test moved out of tests/: {files}"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-x", "-m", "not browser"),
            *("-p", "no:cacheprovider", "--basetemp", str(tmp_path / "site-tests")),
            *(str(path) for found in files.values() for path in found),
        ],
        cwd=REPO,
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


# --- The guide's own examples ---------------------------------------------------------------


def guide_section(heading: str) -> str:
    """The guide's text under a heading, up to the next (headings in code are text)."""
    sections: dict[str, str] = {}
    current, fenced = None, False
    for line in GUIDE.splitlines(keepends=True):
        fenced ^= line.startswith("```")
        title = None if fenced else re.match(r"#+ (.+)$", line)
        if title:
            current = title[1]
            sections[current] = ""
        elif current:
            sections[current] += line
    return sections[heading]


def guide_yaml(heading: str) -> dict:
    """The YAML example under a heading of the guide, read."""
    (block,) = re.findall(r"```yaml\n(.*?)```", guide_section(heading), re.S)
    return yaml.safe_load(block)


def test_the_guides_examples_are_this_sites_data() -> None:
    """The guide's examples are this site's own data: the fact it changes, the source it
    lists, the unit it warns about, the story it copies and what a figure reads as."""
    example = guide_yaml("Change a figure")
    (fact_id,) = example
    sources = guide_yaml("Add a source")
    unit, words = re.search(
        r'`unit: (\w+)`, which reads "([^"]+)"', guide_section("Add a fact")
    ).groups()
    story = re.search(r"Copy `docs/(\S+\.md)`", guide_section("Add a story"))[1]
    shared = (
        fact_id in PARK.facts
        or set(sources) & set(PARK.sources)
        or unit in PARK.units
        or (PROJECT.docs_dir / story).is_file()
    )
    if not shared:
        pytest.skip(
            f"CONTRIBUTING.md's examples are another park's (none of {fact_id}, "
            f"{', '.join(sources)}, unit {unit} or docs/{story} is this project's): rewrite "
            "them with this park's facts"
        )
    data = yaml.safe_load(PROJECT.data_file.read_text(encoding="utf-8"))
    assert data["facts"].get(fact_id) == example[fact_id], fact_id
    for source_id, source in sources.items():
        assert data["sources"].get(source_id) == source, source_id
    assert PARK.units[unit][DEFAULT.code] == words
    assert (PROJECT.docs_dir / story).is_file(), story
    link = re.search(r"`\[[^]]+\]\((\S+\.md)\)`", guide_section("Add a page"))[1]
    assert (PROJECT.docs_dir / link).is_file(), link
    reads = re.search(
        r'`\{\{ fact\("([\w.]+)"\) \}\}` reads "([^"]+)" on an English page and "([^"]+)"',
        guide_section("Write a figure in a page"),
    )
    for code, text in zip(("en", "zh"), reads.groups()[1:], strict=True):
        if code in LANGS:
            written = figure_text(PARK, PARK.facts[reads[1]], LANGUAGES[code])
            assert written == " ".join(text.split()), code

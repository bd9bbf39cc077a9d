"""Nothing injected, nothing run, nothing half-published: builds of broken copies of the project.

Each test copies the project, breaks it on purpose, and builds it as staff or CI would,
with PARKSITE_ROOT pointing the parksite code at the copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, StrictUndefined
from mkdocs_macros.errors import format_error

from parksite.checks.html import link_refusal, refusals
from parksite.content.calls import PageError
from parksite.content.code import protect_code
from parksite.mkdocs.sandbox import sandboxed
from parksite.model.review import build_date, review_notices
from parksite.render.figures import UnknownFact
from tests.conftest import copy_project
from tests.site.conftest import (
    KEY_FIGURES,
    LANGS,
    PROSE,
    PROSE_PAGE,
    SITE,
    language,
    with_block,
    with_value,
)

# Labels that would run, link or render if a data value could become markup or template code;
# each language of the site gets one, in turn.
ATTACKS = (
    '<script>alert("label")</script><img src=x onerror=alert(1)> National patents',
    "[点我](javascript:alert(1)) {{ 7*7 }} {% if true %}已执行{% endif %}",
)
HOSTILE = {code: ATTACKS[n % len(ATTACKS)] for n, code in enumerate(LANGS)}
# The fact given the hostile label: a count, as the key figures table shows every fact.
TARGET = next(
    f
    for f, fact in SITE.park.facts.items()
    if fact.unit and SITE.park.units[fact.unit].kind == "count"
)
# Would create a folder named code-ran in the project if the page could run Python.
ESCAPE = '{{ cycler.__init__.__globals__.os.mkdir("code-ran") }}'


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A command run on the copy, as `make` would run it on the real project."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=os.environ | {"PARKSITE_ROOT": str(project), "NO_MKDOCS_2_WARNING": "1"},
    )


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder with the hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def with_previous_site(project: Path) -> dict[str, str]:
    """A published site/ in the copy, as the last good build left it."""
    (project / "site" / "about").mkdir(parents=True)
    (project / "site" / "index.html").write_text("<p>the previous site</p>", encoding="utf-8")
    (project / "site" / "about" / "index.html").write_bytes(b"\x00previous\xff")
    return snapshot(project / "site")


# --- Data values cannot become markup, links or template code -------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from data whose label holds HTML, a javascript: link and Jinja, and
    pages with a heading id and template syntax in code, as editors write them."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    data = project / "data" / "park.yml"
    # JSON strings are valid YAML double-quoted strings.
    hostile = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in HOSTILE.items())
    text = with_block(
        data.read_text(encoding="utf-8"), ("facts", TARGET, "label"), f"{{{hostile}}}"
    )
    data.write_text(text, encoding="utf-8")
    append(
        project / "docs" / PROSE,
        "\n## Write to us {#write-to-us}\n\n"
        f'Cite a figure like this: `{{{{ fact("{TARGET}") }}}}`.\n\n'
        f'```markdown\n{{{{ cards("{TARGET}") }}}}\n{{% for x in y %}}\n```\n',
    )
    result = run(project, "-m", "mkdocs", "build", "--strict", "--site-dir", "built")
    assert result.returncode == 0, result.stderr[-3000:]
    # Facts past their review date are listed, and do not fail the strict build.
    if review_notices(SITE.park, build_date()):
        assert "INFO    -  due for review since 20" in result.stderr
    return project / "built"


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_data_values_show_as_text(hostile_site: Path, lang: str) -> None:
    soup = page(hostile_site, language(lang).prefix + KEY_FIGURES)
    row = soup.select_one(f'tr[data-fact="{TARGET}"]')
    assert row.td.get_text() == HOSTILE[lang]
    content = soup.select_one("article")
    assert not content.select("script, img, a[href^=javascript]")
    assert not [tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)]


def test_a_heading_id_written_in_braces_builds(hostile_site: Path) -> None:
    heading = page(hostile_site, PROSE_PAGE).select_one("h2#write-to-us")
    assert heading is not None and heading.get_text(strip=True).startswith("Write to us")


def test_template_syntax_in_code_is_shown_as_written(hostile_site: Path) -> None:
    codes = [c.get_text() for c in page(hostile_site, PROSE_PAGE).select("article code")]
    assert f'{{{{ fact("{TARGET}") }}}}' in codes
    assert any(f'{{{{ cards("{TARGET}") }}}}\n{{% for x in y %}}' in c for c in codes)


def test_code_is_protected_without_moving_lines() -> None:
    text = 'a `{{ x }}` b {{ fact("y") }}\n```\n{% for %}\n```\n`plain`'
    protected = protect_code(text)
    assert protected == (
        'a {% raw %}`{{ x }}`{% endraw %} b {{ fact("y") }}\n'
        "```{% raw %}\n{% for %}\n{% endraw %}```\n`plain`"
    )


# --- Links a browser would run never become links -----------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        '<a href="jav&#x61;script:alert(1)">x</a>',
        "[x][r]\n\n[r]: javascript:alert(1)",
        "![i](data:text/html,<script>alert(1)</script>)",
        "<a href=' java\tscript:alert(1)'>x</a>",
    ],
)
def test_a_link_to_javascript_is_refused(source: str) -> None:
    found = refusals(markdown.markdown(source, extensions=["md_in_html"]))
    assert found and all("is not allowed" in r.what for r in found)
    assert found[0].hint.startswith(("link to a web page (https://...)", "put the image in docs/"))


@pytest.mark.parametrize(
    "url", ["https://example.org", "mailto:a@b.cn", "about.md#x", "#top", "tel:+86", "../a/"]
)
def test_ordinary_links_pass(url: str) -> None:
    assert link_refusal(url) is None


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        '<img src="map.png" onerror="alert(1)">',
        '<iframe src="https://example.org"></iframe>',
        '<div onclick="steal()">Click</div>',
        '<form action="https://example.org"><input name="q"></form>',
    ],
)
def test_markup_that_runs_code_is_refused(source: str) -> None:
    found = refusals(markdown.markdown(source, extensions=["md_in_html"]))
    assert found and all("is not allowed in a page" in r.what for r in found)


def test_markup_shown_as_code_is_allowed() -> None:
    source = "Never write `<script>` in a page:\n\n```html\n<script>alert(1)</script>\n```\n"
    html = markdown.markdown(source, extensions=["fenced_code"])
    assert "&lt;script&gt;" in html
    assert refusals(html) == []


def test_make_check_names_the_line_of_a_script_in_a_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edited = project / "docs" / PROSE
    append(
        edited, '\nOur map: <img src="map.png" onerror="alert(1)">\n\n`<script>` in code is fine.\n'
    )
    result = run(project, "-m", "parksite", "check")
    assert result.returncode == 1
    assert (
        f"docs/{PROSE} line {line_of(edited, 'Our map')}: markup: `onerror=` on `<img>` is "
        "not allowed in a page.\n    How to fix: nothing in a page runs a script" in result.stderr
    )
    assert result.stderr.count("is not allowed in a page") == 1


def test_make_check_names_the_line_of_a_javascript_link(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edited = project / "docs" / PROSE
    append(edited, "\nSee [the map](javascript:alert(document.cookie)).\n")
    result = run(project, "-m", "parksite", "check")
    assert result.returncode == 1
    assert (
        f"docs/{PROSE} line {line_of(edited, 'the map')}: link: a link to a `javascript:` "
        "address is not allowed.\n    How to fix: link to a web page" in result.stderr
    )


# --- Pages cannot run code; failed builds leave site/ as it was ------------------------


@pytest.mark.parametrize(
    "source",
    [
        "{{ cycler.__init__.__globals__.os.getcwd() }}",
        "{{ lipsum.__globals__ }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ joiner().__class__ }}",
    ],
)
def test_the_sandbox_refuses_python_internals(source: str) -> None:
    env = sandboxed(Environment(undefined=StrictUndefined), {"fact": str}, {})
    with pytest.raises(PageError, match="is not a plain macro call"):
        env.from_string(source).render()


def test_the_sandbox_sees_only_the_sites_macros() -> None:
    plain = Environment(undefined=StrictUndefined)
    env = sandboxed(plain, {"fact": str, "context": dir, "macros_info": dir}, {"pretty": str})
    assert env.from_string('{{ fact("x") }}').render(config={"secret": 1}) == "x"
    for source in ("{{ context(fact) }}", "{{ macros_info() }}", "{{ config }}", "{{ 1|pretty }}"):
        with pytest.raises(PageError):
            env.from_string(source).render(config={"secret": 1})


def test_a_page_reaching_python_fails_cleanly_and_site_is_untouched(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = with_previous_site(project)
    edited = project / "docs" / PROSE
    append(edited, f"\nWhere are we? {ESCAPE}\n")
    result = run(project, "-m", "parksite", "build")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"docs/{PROSE} line {line_of(edited, 'Where are we?')}: template: "
        '`{{ cycler.__init__.__globals__.os.mkdir("code-ran") }}` is not a plain macro call'
        in output
    )
    assert not (project / "code-ran").exists()
    assert "Traceback" not in output
    assert "Nothing was built; site/ is unchanged." in output
    assert snapshot(project / "site") == before
    assert not (project / ".site-new").exists()


def test_broken_data_stops_the_build_before_mkdocs(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = with_previous_site(project)
    data = project / "data" / "park.yml"
    # Any number fact, its value typed with words after it: "713 patents".
    fact_id = next(f for f, fact in SITE.park.facts.items() if isinstance(fact.value, int))
    typed = f"{SITE.park.facts[fact_id].value} of them"
    text = data.read_text(encoding="utf-8")
    data.write_text(with_value(text, ("facts", fact_id, "value"), typed), encoding="utf-8")
    result = run(project, "-m", "parksite", "build")
    assert result.returncode == 1
    assert f"data/park.yml line {line_of(data, typed)}, column 12: " in result.stderr
    assert "Nothing was built; site/ is unchanged." in result.stderr
    assert snapshot(project / "site") == before


def test_an_unknown_fact_is_told_with_the_nearest_ids() -> None:
    def fact(fact_id: str) -> str:
        raise UnknownFact(fact_id, ["patents.national", "revenue.total"], "docs/about.md")

    env = sandboxed(Environment(undefined=StrictUndefined), {"fact": fact}, {})
    with pytest.raises(PageError) as caught:
        env.from_string('\n{{ fact("patents.natonal") }}').render()
    error = caught.value
    assert (error.line, error.message) == (2, "unknown fact id 'patents.natonal'.")
    assert error.hint == "did you mean patents.national?"


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        (
            '{{ fcat("patents.national") }}',
            "`fcat` is not a macro a page can use.\n    How to fix: did you mean fact?",
        ),
        ("{{ config.site_name }}", "`{{ config.site_name }}` is not a plain macro call"),
        ('{{ fact("patents.national" }}', '`{{ fact("patents.national" }}` is not a plain'),
        ("{% for x in y %}", "`{% for %}` is template code, which pages do not use"),
    ],
)
def test_template_mistakes_name_file_and_line(snippet: str, message: str) -> None:
    """What mkdocs-macros prints for a page (the build above shows it reaches the output)."""
    source = f"---\ntitle: About\n---\n\n# About\n\nOur figure: {snippet}\n"
    body = source.split("---\n", 2)[2].lstrip("\n")
    env = sandboxed(Environment(undefined=StrictUndefined), {"fact": str}, {})
    with pytest.raises(PageError) as caught:
        env.from_string(body).render()
    page = SimpleNamespace(file=SimpleNamespace(content_string=source, src_uri="about.md"))
    assert format_error(caught.value, body, page).startswith(f"docs/about.md line 7: {message}")

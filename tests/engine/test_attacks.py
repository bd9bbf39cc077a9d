"""The attack corpus: what someone with write access to a pull request could try, by kind
(markup, front matter, work, characters, money, files, data, process), and what the site
does with it. Cases are judged in batches: one copy of the project holds every page attack
of a kind and one `make check` or one build judges them all.

The inputs the site tolerates (shown as text, escaped, linked) are built into one site and
opened in Chromium in tests/test_attacks_browser.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from parksite.model.errors import DataError
from parksite.model.load import parse_park
from tests.engine.conftest import example_park, park_copy

BASE = Path(__file__).parent / "bad_data" / "base.yml"
BASE_TEXT = BASE.read_text(encoding="utf-8")
TODAY_TEXT = "2025-06-30"


@dataclass(frozen=True)
class Attack:
    """One attack page: its text (or a payload on line 7 of a plain page), and the problem
    expected, as words of the message and the line."""

    kind: str
    name: str
    text: str
    words: str
    line: int | None = 7


def page(payload: str) -> str:
    """A story page with the payload on line 7."""
    return f"---\ntitle: An attack\n---\n\n# An attack\n\n{payload}\n"


def markup(name: str, payload: str, words: str) -> Attack:
    return Attack("markup", name, page(payload), words)


# --- Pages refused by `make check` (and by the build, which runs the same check) ----------

MARKUP = [
    markup("script", "<script>alert(1)</script>", "`<script>` is not allowed"),
    markup("script in capitals", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "`<script>`"),
    markup("event handler", "<img src=x onerror=alert(1)>", "`onerror=` on `<img>`"),
    markup("handler without a space", '<img src="x"onerror=alert(1)>', "`onerror=` on `<img>`"),
    markup("> in a quoted value", '<a title="x>y" onclick=alert(1)>z</a>', "`onclick=` on `<a>`"),
    Attack(
        "markup",
        "handler on a later line",
        page('<p\nonmouseover="alert(1)">x</p>'),
        "`onmouseover=`",
        8,
    ),
    markup("svg onload", "<svg onload=alert(1)>", "`<svg>` is not allowed"),
    markup(
        "svg xlink", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "`<svg>`"
    ),
    markup(
        "svg animate",
        "<svg><animate attributeName=href values=javascript:alert(1) /></svg>",
        "`<svg>`",
    ),
    markup("mathml href", '<math><mi href="javascript:alert(1)">x</mi></math>', "`<math>`"),
    markup(
        "meta refresh",
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "`<meta>`",
    ),
    markup("style", "<style>body{display:none}</style>", "`<style>` is not allowed"),
    markup("link stylesheet", "<link rel=stylesheet href=https://evil.example/x.css>", "`<link>`"),
    markup("base", '<base href="https://evil.example/">', "`<base>`"),
    markup("iframe", '<iframe src="https://evil.example"></iframe>', "`<iframe>`"),
    markup("object", '<object data="x.swf"></object>', "`<object>`"),
    markup("embed", '<embed src="x.swf">', "`<embed>`"),
    markup("form", '<form action="https://evil.example"><input name=q></form>', "`<form>`"),
    markup("input autofocus", "<input autofocus onfocus=alert(1)>", "`<input>`"),
    markup("textarea swallows", "<textarea>", "`<textarea>`"),
    markup("plaintext swallows", "<plaintext>", "`<plaintext>`"),
    markup("xmp swallows", "<xmp>", "`<xmp>`"),
    markup("noembed", "<noembed><img src=x onerror=alert(1)></noembed>", "`<noembed>`"),
    markup(
        "noscript",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        "`<noscript>`",
    ),
    markup("template", "<template><img src=x onerror=alert(1)></template>", "`<template>`"),
    markup("video source", "<video><source src=x onerror=alert(1)></video>", "`<video>`"),
    markup("audio", "<audio src=https://evil.example/a.mp3 autoplay>", "`<audio>`"),
    markup("dialog", "<dialog open>Sign in again</dialog>", "`<dialog>`"),
    markup("marquee", "<marquee onstart=alert(1)>x</marquee>", "`<marquee>`"),
    markup(
        "unclosed comment",
        "<!-- the rest of the page",
        "comment `<!--` is opened here and never closed",
    ),
    markup(
        "stray end tags", "</div></div></div></article>", "closes elements the page did not open"
    ),
    markup("div never closed", "<div>", "`<div>` is opened here and never closed"),
    markup(
        "link never closed",
        '<a href="https://evil.example/">',
        "`<a>` is opened here and never closed",
    ),
    markup("body attributes", "<body onload=alert(1)>", "`<body>` is written in the page"),
    markup("html attributes", '<html onclick="alert(1)">', "`<html>` is written in the page"),
    markup("entity in scheme", '<a href="jav&#x61;script:alert(1)">x</a>', "`javascript:` address"),
    markup("decimal entity", '<a href="&#106;avascript:alert(1)">x</a>', "`javascript:` address"),
    markup("leading space", '<a href=" javascript:alert(1)">x</a>', "`javascript:` address"),
    markup("tab in scheme", '<a href="java&#9;script:alert(1)">x</a>', "`javascript:` address"),
    markup("data link", '<a href="data:text/html,x">x</a>', "`data:` address"),
    markup("vbscript", '<a href="vbscript:msgbox(1)">x</a>', "`vbscript:` address"),
    markup(
        "image from another host", '<img src="https://evil.example/p.png" alt="">', "another host"
    ),
    markup("protocol-relative image", '<img src="//evil.example/p.png" alt="">', "another host"),
    markup("backslash image", '<img src="/\\evil.example/p.png" alt="">', "another host"),
    markup(
        "srcset", '<img src="a.png" srcset="https://evil.example/p.png 1x" alt="">', "`srcset=`"
    ),
    markup("ping", '<a href="https://example.org/" ping="https://evil.example/">x</a>', "`ping=`"),
    markup("target", '<a href="https://example.org/" target="_blank">x</a>', "`target=`"),
    markup("style attribute", '<p style="position:fixed;inset:0">x</p>', "`style=` on `<p>`"),
    markup("theme class", '<div class="md-dialog md-dialog--active">x</div>', "theme's own names"),
    markup("theme id", '<div id="__search">x</div>', "theme's own names"),
    markup(
        "data-md attribute", '<span data-md-component="search">x</span>', "`data-md-component=`"
    ),
    markup("toggle handler", "<details open ontoggle=alert(1)>x</details>", "`ontoggle=`"),
    markup(
        "toc label markup",
        '## Heading {: data-toc-label="<img src=x onerror=alert(1)>" }',
        "`onerror=` on `<img>`",
    ),
    markup("deep nesting", "<div>" * 150 + "x" + "</div>" * 150, "nested more than 100"),
    markup("markdown link", "[x](javascript:alert(1))", "a link to a `javascript:` address"),
    markup("markdown link in capitals", "[x](JaVaScRiPt:alert(1))", "`javascript:` address"),
    markup("angle-bracket link", "[x](<javascript:alert(1)>)", "`javascript:` address"),
    markup(
        "markdown image",
        "![i](https://evil.example/p.png)",
        "an image from an address on another host",
    ),
    markup(
        "data image", "![i](data:image/png;base64,AAAA)", "an image from an address on another host"
    ),
    Attack(
        "markup", "reference link", page("[x][r]\n\n[r]: javascript:alert(1)"), "`javascript:`", 9
    ),
]

FRONT_MATTER = [
    Attack(
        "front matter",
        "unquoted colon",
        "---\ntitle: Ruifei: exports\n---\n\nText.\n",
        "a second `: `",
        2,
    ),
    Attack(
        "front matter",
        "order not a number",
        "---\ntitle: A\norder: first\n---\n\nText.\n",
        "expected a whole number",
        3,
    ),
    Attack(
        "front matter",
        "order not whole",
        "---\ntitle: A\norder: 1.5\n---\n\nText.\n",
        "expected a whole number",
        3,
    ),
    Attack(
        "front matter",
        "hexadecimal order",
        "---\ntitle: A\norder: 0x10\n---\n\nText.\n",
        "hexadecimal",
        3,
    ),
    Attack(
        "front matter",
        "markup in title",
        "---\ntitle: <img src=x onerror=alert(1)>\n---\n\nText.\n",
        "`<img>` is written in the title",
        2,
    ),
    Attack(
        "front matter", "comment in title", "---\ntitle: a <!-- b\n---\n\nText.\n", "a comment", 2
    ),
    Attack(
        "front matter",
        "reference in title",
        "---\ntitle: R&amp;D\n---\n\nText.\n",
        "a character reference",
        2,
    ),
    Attack(
        "front matter",
        "markup in summary",
        "---\ntitle: A\nsummary: <b>bold</b>\n---\n\nText.\n",
        "`<b>` is written in the summary",
        3,
    ),
    Attack(
        "front matter",
        "markup in description",
        "---\ntitle: A\ndescription: x</title><script>alert(1)</script>\n---\n\nText.\n",
        "is written in the description",
        3,
    ),
    Attack(
        "front matter",
        "template in title",
        "---\ntitle: \"{{ fact('patents.national') }}\"\n---\n\nText.\n",
        "template syntax",
        2,
    ),
    Attack(
        "front matter",
        "template key",
        "---\ntitle: A\ntemplate: 404.html\n---\n\nText.\n",
        "`404.html` is not one of the site's page templates",
        3,
    ),
    Attack(
        "front matter",
        "macros switched off",
        "---\ntitle: A\nrender_macros: false\n---\n\nText.\n",
        "`render_macros` is not a key",
        3,
    ),
    Attack(
        "front matter",
        "anchor",
        "---\ntitle: &a A\nsummary: *a\n---\n\nText.\n",
        "YAML anchor or alias",
        2,
    ),
    Attack(
        "front matter",
        "tag",
        "---\ntitle: !!python/object:os.system x\n---\n\nText.\n",
        "YAML tag",
        2,
    ),
    Attack(
        "front matter",
        "deep nesting",
        "---\ntitle: A\nhide:\n  " + "- " * 13 + "toc\n---\n\nText.\n",
        "nested more than",
        4,
    ),
    Attack(
        "front matter",
        "hide anything",
        "---\ntitle: A\nhide: [everything]\n---\n\nText.\n",
        "`hide:` lists",
        3,
    ),
    Attack(
        "front matter",
        "title a list",
        "---\ntitle: [a, b]\n---\n\nText.\n",
        "expected a line of text",
        2,
    ),
    Attack("front matter", "yes as title", "---\ntitle: yes\n---\n\nText.\n", "ambiguous", 2),
    Attack(
        "front matter", "bidi in title", "---\ntitle: abc\u202edef\n---\n\nText.\n", "U+202E", 2
    ),
    Attack("front matter", "settings without ---", "Title: A\n\nText.\n", "read as settings", 1),
    Attack(
        "front matter",
        "figure a list",
        "---\ntitle: A\nfigure: [a]\n---\n\nText.\n",
        "expected a line of text",
        3,
    ),
    Attack(
        "front matter",
        "huge front matter",
        "---\ntitle: A\nsummary: " + "x" * 20_000 + "\n---\n\nText.\n",
        "more than the 10,000 allowed",
        None,
    ),
]

WORK = [
    Attack(
        "work",
        "range loop",
        page("{% for i in range(10**9) %}x{% endfor %}"),
        "`{% for %}` is template code",
    ),
    Attack("work", "string power", page('{{ "x" * 10**9 }}'), "is not a plain macro call"),
    Attack(
        "work",
        "recursion",
        page("{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}"),
        "`{% macro %}` is template code",
    ),
    Attack("work", "expression", page("{{ 7*7 }}"), "is not a plain macro call"),
    Attack("work", "filter", page('{{ fact("patents.national") | upper }}'), "filters (`|`)"),
    Attack("work", "variable", page("{{ config }}"), "is not a plain macro call"),
    Attack(
        "work",
        "python internals",
        page('{{ cycler.__init__.__globals__.os.system("id") }}'),
        "is not a plain macro call",
    ),
    Attack("work", "set", page("{% set x = 1 %}"), "`{% set %}` is template code"),
    Attack(
        "work", "include", page('{% include "mkdocs.yml" %}'), "`{% include %}` is template code"
    ),
    Attack("work", "template comment", page("{## hidden ##}"), "template comment"),
    Attack(
        "work", "whitespace control", page('{{- fact("patents.national") -}}'), "`{{-` and `-}}`"
    ),
    Attack("work", "raw never closed", page("{% raw %}"), "never closed with `{% endraw %}`"),
    Attack(
        "work",
        "keyword unpacking",
        page('{{ fact(**{"fact_id": "x"}) }}'),
        "is not a plain macro call",
    ),
    Attack("work", "unknown macro", page('{{ fcat("patents.national") }}'), "did you mean"),
    Attack("work", "lipsum", page("{{ lipsum(1000000) }}"), "`lipsum` is not a macro"),
    Attack("work", "huge page", page("x" * 1_000_001), "more than the 1,000,000 allowed", None),
]

CHARACTERS = [
    Attack("characters", "bidi override", page("Total \u202e000,01 \u202c"), "U+202E"),
    Attack("characters", "zero width", page("pat\u200bents"), "U+200B"),
    Attack("characters", "control", page("bell \x07 here"), "U+0007"),
    Attack("characters", "isolate", page("\u2067x\u2069"), "U+2067"),
]

PAGE_BATCH = [*MARKUP, *FRONT_MATTER, *WORK, *CHARACTERS]

# Refused by the second stage of `make check` (the pages' figures), once every page reads.
MONEY = [
    Attack(
        "money",
        form,
        page(f"The park raised {form} last year."),
        f"'{form}' is an amount typed by hand",
    )
    for form in (
        "US$943 million",
        "$943m",
        "943 million US dollars",
        "USD 943",
        "9.43亿美元",
        "美元9.43亿",
        "943百万美元",
        "$ 1.2bn",
        "5 dollars",
    )
] + [
    Attack(
        "money",
        "in a title",
        "---\ntitle: Raised US$5 million\n---\n\nText.\n",
        "'US$5 million'",
        2,
    )
]


def write_attacks(
    project: Path, attacks: list[Attack], prefix: str, twins: bool = False
) -> dict[str, Attack]:
    """Each attack as a story page of the copy; {file as editors know it: attack}. With
    `twins`, the same page in the site's other language too, so that the build's own checks
    pass and the rendered content is what gets judged."""
    written = {}
    for number, attack in enumerate(attacks, 1):
        name = f"docs/stories/{prefix}-{number:03d}.md"
        text = attack.text
        if twins:  # a title and description of its own, on the title's line: lines stay
            text = text.replace(
                "title: An attack\n",
                f"{{title: 'An attack {number}', description: 'An attack page the build "
                f"must refuse, number {number}.'}}\n",
                1,
            )
        (project / name).write_text(text, encoding="utf-8")
        if twins:
            twin = project / name.replace(".md", ".zh.md")
            twin.write_text(text, encoding="utf-8")
        written[name] = attack
    return written


def run(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=os.environ | {"PARKSITE_ROOT": str(project), "NO_MKDOCS_2_WARNING": "1"} | env,
    )


def problems_of(output: str) -> list[str]:
    """The problems a `make check` or a build printed, one string each."""
    return ["- " + block for block in output.split("\n  - ")[1:]]


def assert_each_refused(written: dict[str, Attack], output: str) -> None:
    assert "Traceback" not in output
    problems = problems_of(output)
    missed = []
    for name, attack in written.items():
        where = f"- {name} line {attack.line}" if attack.line else f"- {name}"
        if not any(p.startswith(where) and attack.words in p for p in problems):
            missed.append(
                f"{attack.kind}: {attack.name} ({name}): expected {where!r} ... {attack.words!r}"
            )
    mine = [p for p in problems if any(p.startswith(f"- {n}") for n in written)]
    assert not missed, "\n".join(missed) + "\n\nfound:\n" + "\n".join(mine)


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Attack], str]:
    project = example_park(tmp_path_factory.mktemp("attacks") / "project")
    written = write_attacks(project, PAGE_BATCH, "attack")
    started = time.monotonic()
    result = run(project, "-m", "parksite", "check")
    assert time.monotonic() - started < 60, "the check must stay fast whatever the pages hold"
    assert result.returncode == 1
    return written, result.stdout + result.stderr


def test_the_corpus_has_a_hundred_cases() -> None:
    assert len(PAGE_BATCH) + len(MONEY) + len(RENDERED) + len(DATA) + len(FILES) >= 100


@pytest.mark.parametrize("kind", ["markup", "front matter", "work", "characters"])
def test_make_check_refuses_every_page_attack_with_its_line(checked, kind: str) -> None:
    written, output = checked
    assert_each_refused({n: a for n, a in written.items() if a.kind == kind}, output)


def test_make_check_refuses_typed_money_in_every_form(tmp_path: Path) -> None:
    # A park whose amounts are also shown in US dollars: a dollar amount typed by hand.
    project = park_copy("trilingual", tmp_path / "project")
    written = write_attacks(project, MONEY, "money")
    result = run(project, "-m", "parksite", "check")
    assert result.returncode == 1
    assert_each_refused(written, result.stdout + result.stderr)


# --- Pages only the build's parse of the rendered content sees ---------------------------

RENDERED = [
    Attack(
        "rendered",
        "attr_list handler",
        page("## Heading {: onclick=alert(1) }"),
        "`onclick=` on `<h2>`",
    ),
    Attack(
        "rendered",
        "attr_list style",
        page('A paragraph.\n{: style="position:fixed;inset:0" }'),
        "`style=` on `<p>`",
        8,
    ),
    Attack(
        "rendered",
        "attr_list href",
        page('[x](https://example.org/){: href="javascript:alert(1)" }'),
        "`javascript:` address",
    ),
    Attack(
        "rendered",
        "attr_list theme id",
        page("## Heading {: #__drawer }"),
        "theme's own names",
        None,
    ),
    Attack(
        "rendered",
        "attr_list data-md",
        page('## Heading {: data-md-component="search" }'),
        "`data-md-component=`",
    ),
    Attack(
        "rendered",
        "attr_list target",
        page('[x](https://example.org/){: target="_blank" }'),
        "`target=` on `<a>`",
    ),
    Attack(
        "rendered",
        "attr_list ping",
        page('[x](https://example.org/){: ping="https://evil.example/" }'),
        "`ping=` on `<a>`",
    ),
    Attack(
        "rendered",
        "attr_list srcset",
        page('![x](../../assets/share/en/index.png){: srcset="https://evil.example/p.png 1x" }'),
        "`srcset=` on `<img>`",
    ),
]


def test_the_build_refuses_what_only_the_rendered_page_shows(tmp_path: Path) -> None:
    """One build judges every case, and names them all at once before writing anything."""
    project = example_park(tmp_path / "project")
    written = write_attacks(project, RENDERED, "rendered", twins=True)
    result = run(project, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site"))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{len(RENDERED)} problems in the pages' content" in output
    assert_each_refused(written, output)
    assert not (tmp_path / "site" / "stories").exists()


def test_the_build_judges_the_pages_of_every_language(tmp_path: Path) -> None:
    """A page whose twin is clean is judged in its own language's build (the further
    languages are built inside the first, mkdocs-static-i18n's way), and nothing of it is
    written."""
    project = example_park(tmp_path / "project")
    attack = RENDERED[0]
    [name] = write_attacks(project, [attack], "twin", twins=True)
    clean = (project / name).read_text(encoding="utf-8").replace("{: onclick=alert(1) }", "")
    (project / name).write_text(clean, encoding="utf-8")
    result = run(project, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site"))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "1 problem in the pages' content" in output
    assert f"{name.replace('.md', '.zh.md')} line" in output and attack.words in output
    assert not (tmp_path / "site" / "zh" / "stories" / "twin-001").exists()


# --- Data: each case a change of the small valid file, judged in-process -----------------


@dataclass(frozen=True)
class DataAttack:
    name: str
    old: str
    new: str
    words: str


DATA = [
    DataAttack(
        "anchor bomb",
        "facts:\n",
        "bomb: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"b{i}: &b{i} [" + ", ".join([f"*{'a' if i == 0 else f'b{i - 1}'}"] * 9) + "]\n"
            for i in range(12)
        )
        + "facts:\n",
        "YAML anchor or alias",
    ),
    DataAttack("recursive alias", "facts:\n", "loop: &l [*l]\nfacts:\n", "YAML anchor or alias"),
    DataAttack(
        "deep nesting",
        "facts:\n",
        "deep: " + "[" * 60 + "]" * 60 + "\nfacts:\n",
        "nested more than",
    ),
    DataAttack("hexadecimal", "value: 713", "value: 0x2C9", "hexadecimal"),
    DataAttack("octal", "value: 713", "value: 01311", "octal"),
    DataAttack("binary", "value: 713", "value: 0b1011001001", "binary"),
    DataAttack("underscores", "value: 713", "value: 7_13", "with _ between"),
    DataAttack("exponent", "value: 713", "value: 7.13e+2", "exponent"),
    DataAttack("infinity", "value: 713", "value: .inf", "infinity"),
    DataAttack("not a number", "value: 713", "value: .nan", "not-a-number"),
    DataAttack("minus zero", "value: 713", "value: -0", "minus zero"),
    DataAttack("400 digits", "value: 713", "value: " + "7" * 400, "400 digits"),
    DataAttack("plus sign", "value: 713", "value: +713", "plus sign"),
    DataAttack("control character", "National patents", "National\x1b[31m patents", "U+001B"),
    DataAttack("bidi override", "National patents", "National \u202epatents", "U+202E"),
    DataAttack(
        "python tag", "value: 713", "value: !!python/object/apply:os.system [id]", "YAML tag"
    ),
    DataAttack(
        "typed dollars",
        "National patents",
        "National patents worth US$943 million",
        "'US$943 million'",
    ),
    DataAttack("typed yuan-dollars", "zh: 国家专利}", "zh: 国家专利9.43亿美元}", "'9.43亿美元'"),
    DataAttack("dollars before", "zh: 国家专利}", "zh: 美元9.43亿}", "'美元9.43亿'"),
    DataAttack(
        "huge file",
        "facts:\n",
        "# " + "x" * 2_000_001 + "\nfacts:\n",
        "more than the 2,000,000 allowed",
    ),
]


@pytest.mark.parametrize("attack", DATA, ids=lambda a: a.name)
def test_data_attacks_are_refused_fast_with_their_line(attack: DataAttack) -> None:
    assert attack.old in BASE_TEXT
    text = BASE_TEXT.replace(attack.old, attack.new, 1)
    started = time.monotonic()
    with pytest.raises(DataError) as caught:
        parse_park(text, "data/park.yml", ("en", "zh"))
    assert time.monotonic() - started < 2
    report = caught.value.report()
    assert attack.words in report, report
    found = next(p for p in caught.value.problems if attack.words in str(p))
    assert found.line is not None or "allowed" in attack.words


# --- Files in docs/ and data/ --------------------------------------------------------------

FILES = [
    ("docs/evil.html", "text", "is not a type of file the site publishes"),
    ("docs/logo.svg", "text", "is not a type of file the site publishes"),
    ("docs/x.js", "text", "is not a type of file the site publishes"),
    ("docs/x.css", "text", "is not a type of file the site publishes"),
    ("docs/notes.txt", "text", "is not a type of file the site publishes"),
    ("docs/config.md", "link:.git/config", "is a symbolic link"),
    ("docs/everything", "link:/", "is a symbolic link"),
    ("docs/stories/copy.md", "link:docs/about.md", "is a symbolic link"),
    ("data/secret.yml", "link:/etc/hostname", "is a symbolic link"),
    ("docs/stories/cod\u202egnp.md", "text", "has an invisible character in its name"),
]


def test_make_check_refuses_files_that_do_not_belong_in_docs(tmp_path: Path) -> None:
    project = example_park(tmp_path / "project")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[http] extraheader = AUTHORIZATION: secret\n")
    for name, content, _ in FILES:
        path = project / name
        if content.startswith("link:"):
            target = content.removeprefix("link:")
            path.symlink_to(target if target.startswith("/") else project / target)
        else:
            path.write_text(content, encoding="utf-8")
    (project / "docs" / "photo.PNG").write_bytes(b"\x89PNG")  # allowed, whatever its case
    result = run(project, "-m", "parksite", "check")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    for name, _, words in FILES:
        assert f"- {name}: {name} {words}" in output, output
    assert "photo.PNG" not in output


def test_the_build_publishes_only_docs_files_of_the_allowed_types(tmp_path: Path) -> None:
    """on_files, for files that reach the build some other way than docs/ as checked."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from parksite.checks.files import published_problems

    project = example_park(tmp_path / "project")
    (project / "docs" / "evil.html").write_text("<script>alert(1)</script>")
    (project / "docs" / "secret.md").symlink_to(project / "mkdocs.yml")
    config = load_config(str(project / "mkdocs.yml"))
    refused = "\n".join(published_problems(get_files(config), Path(config.docs_dir)))
    assert "docs/evil.html is not a type of file" in refused
    assert "docs/secret.md is or lies in a symbolic link" in refused


def test_make_check_refuses_a_committed_build_cache(tmp_path: Path) -> None:
    """A build takes a fact sheet or share image from .cache/ without making it: one slipped
    into a commit would be published as it is, so a committed cache stops the build."""
    project = example_park(tmp_path / "project")
    forged = project / ".cache" / "fact-sheets" / "forged.pdf"
    forged.parent.mkdir(parents=True)
    forged.write_bytes(b"%PDF-1.7 not the park's")
    git = ["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "add", "-f", ".cache"], check=True)  # past .gitignore on purpose
    subprocess.run([*git, "commit", "-qm", "forged"], check=True)
    result = run(project, "-m", "parksite", "check")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    assert ".cache/fact-sheets/forged.pdf is committed" in output, output
    assert "git rm -r --cached .cache" in output

    subprocess.run([*git, "rm", "-q", "-r", "--cached", ".cache"], check=True)
    subprocess.run([*git, "commit", "-qm", "cache out of the commit"], check=True)
    result = run(project, "-m", "parksite", "check")
    assert result.returncode == 0, result.stdout + result.stderr

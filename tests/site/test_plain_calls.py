"""Pages are text, Markdown and plain macro calls, rendered without Jinja (parksite/content/
calls.py, parksite/mkdocs/sandbox.py): every page of the site takes that path and gives the
text Jinja would give; anything else a template could do is refused with its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from parksite.content.calls import MAX_OUTPUT, MAX_SOURCE, PageError, page_calls
from parksite.content.code import protect_code
from parksite.mkdocs.sandbox import CallsTemplate, sandboxed
from parksite.project import PROJECT
from parksite.render.figures import UnknownFact
from parksite.tools.catalogue import MACROS_FILE, macro_docs

# The site's macros, read from macros.py as the catalogue in MAINTAINING.md is.
MACROS = [doc.name for doc in macro_docs(MACROS_FILE.read_text(encoding="utf-8"))]


def recording_macros() -> tuple[dict[str, Any], list[str]]:
    """Macros that say what they were given and count their calls (order shows in the text)."""
    calls: list[str] = []

    def make(name: str):
        def macro(*args: Any, **kwargs: Any) -> str:
            calls.append(name)
            if args and args[0] == "no.such.fact":
                raise UnknownFact(args[0], ["patents.national"], "docs/about.md")
            if args and args[0] == "bad-argument":
                raise ValueError(f"docs/about.md: {name}() cannot show 'bad-argument'")
            if args and args[0] == "huge":
                return "x" * (MAX_OUTPUT // 2 + 1)
            return f"<{name}{args}{sorted(kwargs.items())}#{len(calls)}>"

        return macro

    return {name: make(name) for name in MACROS}, calls


def sandbox() -> Environment:
    return sandboxed(Environment(undefined=StrictUndefined), recording_macros()[0], {})


def both_ways(source: str) -> tuple[str, str]:
    """The page rendered by the sandbox and by Jinja, each with fresh macros."""
    fast = sandbox().from_string(source)
    assert isinstance(fast, CallsTemplate)
    slow = ImmutableSandboxedEnvironment.from_string(sandbox(), protect_code(source))
    return fast.render(), slow.render()


def page_bodies() -> list[Path]:
    return sorted(PROJECT.docs_dir.rglob("*.md"))


@pytest.mark.parametrize("path", page_bodies(), ids=lambda p: str(p.relative_to(PROJECT.docs_dir)))
def test_every_page_of_the_site_is_plain_calls_and_renders_as_jinja_would(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    body = source.split("---\n", 2)[2] if source.startswith("---\n") else source
    fast, slow = both_ways(body)
    assert fast == slow
    assert "<" in fast or "{{" not in body, "the page's macros were not called"


@pytest.mark.parametrize(
    "source",
    [
        'Text {{ fact("patents.national") }} and {{money("revenue.total")}}.\n',
        'No newline at the end: {{ fact("a") }}',
        "Two newlines at the end.\n\n",
        '## Contact {#contact}\n\n{{ placeholder("contact.email") }}\n',
        'Shown as code: `{{ fact("x") }}` and then {{ fact("y") }}\n',
        '```\n{{ fact("in a block") }}\n{% for x in y %}\n```\n\n{{ cards("a", "b") }}\n',
        '{{ facts_table(topic="plans") }} {{ story_cards(2) }} {{ period(\n"x") }}\n',
        "Braces alone } and { and }} stay text.\n",
        "Raw text: {% raw %}{{ fact(x) | upper }} {% if %}{% endraw %} stays as written.\n",
    ],
)
def test_plain_pages_render_exactly_as_jinja_renders_them(source: str) -> None:
    fast, slow = both_ways(source)
    assert fast == slow


# Everything a template could do besides a plain call: (page, line, words of the message).
REFUSED = [
    ('{{ fact("a") | upper }}', 1, "Jinja filters (`|`)"),
    ("{{ fact(x) }}", 1, "its arguments must be written out"),
    ('\n{% if true %}{{ fact("a") }}{% endif %}', 2, "`{% if %}` is template code"),
    ("{% for i in range(10**9) %}x{% endfor %}", 1, "`{% for %}` is template code"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", 1, "`{% macro %}` is template code"),
    ("{% set x = 1 %}", 1, "`{% set %}` is template code"),
    ("{{ 7*7 }}", 1, "a page shows a figure with a macro"),
    ("{{ range(10**9) | list }}", 1, "Jinja filters"),
    ('{{ "x" * 100000000 }}', 1, "a page shows a figure with a macro"),
    ('{{- fact("a") }}', 1, "`{{-` and `-}}` are not used"),
    ("{{ config.site_name }}", 1, "a page shows a figure with a macro"),
    ("{{ cycler.__init__.__globals__.os.getcwd() }}", 1, "is not a plain macro call"),
    ('{{ fact(**{"fact_id": "a"}) }}', 1, "without \\, {"),
    ('{{ fact("a\\nb") }}', 1, "without \\, {"),
    ("{{ cycler(1) }}", 1, "`cycler` is not a macro a page can use"),
    ('text\n\n{{ fcat("a") }}', 3, "`fcat` is not a macro"),
    ("{## a comment ##}", 1, "`{##` starts a template comment"),
    ('{{ fact("a" }}', 1, "is not a plain macro call"),
    ('{{ fact("a")', 1, "`{{` here is never closed"),
    ("{% raw %}never closed", 1, "`{% raw %}` here is never closed"),
    ("{{ context() }}", 1, "`context` is not a macro a page can use"),
]


@pytest.mark.parametrize(("source", "line", "words"), REFUSED)
def test_anything_but_a_plain_call_is_refused_with_its_line(
    source: str, line: int, words: str
) -> None:
    with pytest.raises(PageError) as caught:
        sandbox().from_string(source)
    assert (caught.value.line, words in caught.value.message) == (line, True), caught.value.message
    assert caught.value.hint


def test_a_page_too_long_is_refused() -> None:
    with pytest.raises(PageError, match="more than the 1,000,000 allowed"):
        page_calls("x" * (MAX_SOURCE + 1), MACROS)


def test_what_the_macros_write_is_bounded() -> None:
    source = '{{ fact("huge") }}\n{{ fact("huge") }}\n'
    with pytest.raises(PageError) as caught:
        sandbox().from_string(source).render()
    assert caught.value.line == 2
    assert "write more than 5,000,000 characters" in caught.value.message


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ('Intro.\n\nSee {{ fact("no.such.fact") }}.\n', 3, "unknown fact id 'no.such.fact'."),
        ('\n\n\n{{ money("bad-argument") }}', 4, "money() cannot show 'bad-argument'"),
    ],
)
def test_a_macros_mistake_is_told_on_its_line(source: str, line: int, message: str) -> None:
    with pytest.raises(PageError) as caught:
        sandbox().from_string(source).render()
    assert (caught.value.line, caught.value.message) == (line, message)

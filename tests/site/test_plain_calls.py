"""Pages of text and plain macro calls skip Jinja's compile (parksite/sandbox.py): the text
and the mistakes must be exactly those Jinja gives, and every page of the site must take
that path, or the speed-up silently goes away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from parksite.mkdocs.sandbox import CallsTemplate, PageError, plain_calls, protect_code, sandboxed
from parksite.project import PROJECT
from parksite.render.figures import UnknownFact
from parksite.tools.catalogue import MACROS_FILE, macro_docs

# The site's macros, read from macros.py as the catalogue in CONTRIBUTING.md is.
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
            return f"<{name}{args}{sorted(kwargs.items())}#{len(calls)}>"

        return macro

    return {name: make(name) for name in MACROS}, calls


def both_ways(source: str) -> tuple[str, str]:
    """The page rendered by the fast path and by Jinja, each with fresh macros."""
    fast_macros, _ = recording_macros()
    fast_env = sandboxed(Environment(undefined=StrictUndefined), fast_macros, {})
    fast = fast_env.from_string(source)
    assert isinstance(fast, CallsTemplate), "this page should not need Jinja"
    jinja_macros, _ = recording_macros()
    jinja_env = sandboxed(Environment(undefined=StrictUndefined), jinja_macros, {})
    slow = ImmutableSandboxedEnvironment.from_string(jinja_env, protect_code(source))
    return fast.render(), slow.render()


def page_bodies() -> list[Path]:
    return sorted(PROJECT.docs_dir.rglob("*.md"))


@pytest.mark.parametrize("path", page_bodies(), ids=lambda p: str(p.relative_to(PROJECT.docs_dir)))
def test_every_page_of_the_site_renders_without_jinja_and_as_jinja_would(path: Path) -> None:
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
        '```\n{{ fact("in a block") }}\n```\n\n{{ cards("a", "b") }}\n',
        '{{ facts_table(topic="plans") }} {{ story_cards(2) }} {{ period(\n"x") }}\n',
        "Braces alone } and { and }} stay text.\n",
    ],
)
def test_plain_pages_render_exactly_as_jinja_renders_them(source: str) -> None:
    fast, slow = both_ways(source)
    assert fast == slow


@pytest.mark.parametrize(
    "source",
    [
        '{{ fact("a") | upper }}',
        "{{ fact(x) }}",
        '{% if true %}{{ fact("a") }}{% endif %}',
        '{{ fact("a\\nb") }}',
        "{{ cycler(1) }}",
        '{{ fcat("a") }}',
        "{## a comment ##}",
        '{{ fact("a" }}',
    ],
)
def test_anything_else_goes_to_jinja(source: str) -> None:
    macros, _ = recording_macros()
    assert plain_calls(protect_code(source), macros) is None


@pytest.mark.parametrize(
    ("source", "line"),
    [('Intro.\n\nSee {{ fact("no.such.fact") }}.\n', 3), ('\n\n\n{{ money("bad-argument") }}', 4)],
)
def test_a_macros_mistake_is_told_on_the_same_line_as_by_jinja(source: str, line: int) -> None:
    errors = []
    for fast in (True, False):
        macros, _ = recording_macros()
        env = sandboxed(Environment(undefined=StrictUndefined), macros, {})
        template = (
            env.from_string(source)
            if fast
            else ImmutableSandboxedEnvironment.from_string(env, protect_code(source))
        )
        with pytest.raises(PageError) as caught:
            template.render()
        errors.append((caught.value.line, caught.value.message, caught.value.hint))
    assert errors[0] == errors[1]
    assert errors[0][0] == line

"""Pages are rendered in a Jinja sandbox, and their template mistakes are told in editors' words.

mkdocs-macros renders every page with a plain jinja2 Environment, in which a page can run
Python: `{{ cycler.__init__.__globals__.os.getcwd() }}`. A pull request from outside must
not run code in CI, so `use_sandbox` swaps in an ImmutableSandboxedEnvironment that sees
only the site's macros: no Python internals, no build objects (config, page, files), no
mutation of lists or dicts. What goes wrong in a page's template is reported with the
page's file and line and how to write it, never as a traceback.

Two things editors write by accident are made harmless before Jinja reads a page:
- `{#contact}` (a heading id) is not a Jinja comment: comments are written `{## ... ##}`,
  which no page needs;
- `{{` or `{%` inside a code block or `inline code` is shown as written, not run.

Almost every page is text and plain macro calls, `{{ fact("patents.national") }}`. Such a
page is not compiled by Jinja (parsing, code generation and Python's compile() for every
page were the largest cost of a big build): `plain_calls` reads it, and `CallsTemplate`
calls the same macros in the same order and gives the same text and the same mistakes.
Anything else a page holds (a filter, a variable, a `{% if %}`, a string with a backslash)
goes to Jinja as before.
"""

from __future__ import annotations

import ast
import difflib
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import Environment, Template, TemplateError, TemplateSyntaxError
from jinja2.defaults import DEFAULT_NAMESPACE
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from mkdocs_macros.errors import format_error

from parksite.content.code import protect_code
from parksite.render.figures import UnknownFact

# mkdocs-macros' own macros and filters that hand a page the build's internals.
_INTERNALS = {"context", "macros_info", "pretty"}
# What Jinja reads in a page: `{{ call }}`, the {% raw %} blocks protect_code writes, the rest.
_CALL_OR_RAW = re.compile(r"\{\{(.*?)\}\}|\{% raw %\}(.*?)\{% endraw %\}", re.S)
_ANY_TEMPLATE = re.compile(r"\{\{|\{%|\{##")
# Values a plain call may be given: Python and Jinja read these literals alike.
_LITERALS = (str, int, float, bool, type(None))
_HOW_TO_CITE = 'a figure is written {{ fact("patents.national") }}; see CONTRIBUTING.md'


class PageError(Exception):
    """A mistake in a page's template: its line (in the Markdown after the front matter)."""

    def __init__(self, line: int | None, message: str, hint: str) -> None:
        self.line, self.message, self.hint = line, message, hint
        super().__init__(message)


class PageTemplate(Template):
    """A page template whose mistakes become PageError, with the line they are on."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        # The sandbox gives pages only its globals (the macros), never mkdocs-macros'
        # variables: config, page, navigation and files are build objects with methods.
        try:
            return super().render()
        except SecurityError as exc:
            raise PageError(
                _template_line(exc),
                f"this page reaches into Python internals ({exc}), which pages may not do.",
                f"pages only cite facts and placeholders with the macros: {_HOW_TO_CITE}.",
            ) from None
        except TemplateError as exc:
            raise PageError(_template_line(exc), *_explain(exc, self.environment)) from None
        except (UnknownFact, LookupError, ValueError, TypeError) as exc:
            raise _macro_error(exc, _template_line(exc)) from None


@dataclass(frozen=True)
class Call:
    """One `{{ name(args) }}` of a page, on its line."""

    line: int
    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


class CallsTemplate:
    """A page of text and plain macro calls, rendered without Jinja (see the module's note)."""

    def __init__(self, parts: list[str | Call], macros: dict[str, Callable[..., Any]]) -> None:
        self.parts, self.macros = parts, macros

    def render(self, *args: Any, **kwargs: Any) -> str:
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            try:
                out.append(str(self.macros[part.name](*part.args, **part.kwargs)))
            except (UnknownFact, LookupError, ValueError, TypeError) as exc:
                raise _macro_error(exc, part.line) from None
        return "".join(out)


def _macro_error(exc: Exception, line: int | None) -> PageError:
    """A macro given a wrong id or wrong arguments; its message names the id."""
    if isinstance(exc, UnknownFact):
        return PageError(line, exc.message, exc.hint)
    message = re.sub(r"^docs/\S+: |define_env\.<locals>\.", "", str(exc))
    return PageError(line, message, _HOW_TO_CITE + ".")


def plain_calls(source: str, macros: dict[str, Any]) -> list[str | Call] | None:
    """The page as text and macro calls, or None when only Jinja can read it.

    Reads Jinja's way: one newline at the very end is dropped, {% raw %} content is text.
    """
    if "\r" in source:
        return None
    source = source.removesuffix("\n")
    parts: list[str | Call] = []
    text: list[str] = []
    start = 0
    for match in _CALL_OR_RAW.finditer(source):
        if _ANY_TEMPLATE.search(source, start, match.start()):
            return None
        text.append(source[start : match.start()])
        start = match.end()
        if match[2] is not None:
            text.append(match[2])
            continue
        call = _call(match[1], macros)
        if call is None:
            return None
        name_at = match.end(1) - len(match[1].lstrip())
        parts += ["".join(text), Call(source.count("\n", 0, name_at) + 1, *call)]
        text = []
    if _ANY_TEMPLATE.search(source, start):
        return None
    parts.append("".join(text) + source[start:])
    return parts


def _call(expression: str, macros: dict[str, Any]) -> tuple[str, tuple, dict] | None:
    """`name(literal, key=literal)` with a known macro, or None."""
    parsed = _parsed_call(expression)
    if parsed is None or not callable(macros.get(parsed[0])):
        return None
    return parsed[0], parsed[1], dict(parsed[2])


@lru_cache(maxsize=4096)  # a big site writes the same few calls thousands of times
def _parsed_call(expression: str) -> tuple[str, tuple, tuple] | None:
    if "\\" in expression or "{" in expression or not expression.isascii():
        return None
    try:
        tree = ast.parse(expression.strip(), mode="eval").body
    except SyntaxError:
        return None
    if not (
        isinstance(tree, ast.Call)
        and isinstance(tree.func, ast.Name)
        and all(isinstance(arg, ast.Constant) for arg in tree.args)
        and all(isinstance(kw.value, ast.Constant) and kw.arg for kw in tree.keywords)
    ):
        return None
    args = tuple(arg.value for arg in tree.args)  # type: ignore[attr-defined]
    kwargs = tuple((kw.arg, kw.value.value) for kw in tree.keywords)  # type: ignore[attr-defined]
    if not all(isinstance(v, _LITERALS) for v in (*args, *(v for _, v in kwargs))):
        return None
    return tree.func.id, args, kwargs


class PageEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox pages are rendered in."""

    template_class = PageTemplate

    def from_string(self, source: str, *args: Any, **kwargs: Any) -> Template:  # type: ignore[override]
        source = protect_code(source)
        macros = {k: v for k, v in self.globals.items() if k not in DEFAULT_NAMESPACE}
        parts = plain_calls(source, macros)
        if parts is not None:
            return CallsTemplate(parts, macros)  # type: ignore[return-value]
        try:
            return super().from_string(source, *args, **kwargs)
        except TemplateSyntaxError as exc:
            raise PageError(
                exc.lineno,
                f"`{{{{` or `{{%` here is not a macro Jinja can read ({exc.message}).",
                f"{_HOW_TO_CITE}. To show {{{{ or {{% as text, put it in `backticks` or a "
                "code block (```).",
            ) from None


def _template_line(exc: BaseException) -> int | None:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else None


def _explain(exc: TemplateError, environment: Environment) -> tuple[str, str]:
    macros = sorted(name for name, value in environment.globals.items() if callable(value))
    name = re.match(r"'(\w+)' is undefined", str(exc))
    if name:
        close = difflib.get_close_matches(name[1], macros, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}?" if close else f"{_HOW_TO_CITE}."
        return f"`{name[1]}` is not a macro a page can use.", hint
    return f"this macro could not be rendered ({exc}).", f"{_HOW_TO_CITE}."


def sandboxed(plain: Environment, macros: dict[str, Any], filters: dict[str, Any]) -> Environment:
    """A sandbox with mkdocs-macros' delimiters, loader and undefined, and the site's macros."""
    sandbox = PageEnvironment(
        loader=plain.loader,
        undefined=plain.undefined,
        block_start_string=plain.block_start_string,
        block_end_string=plain.block_end_string,
        variable_start_string=plain.variable_start_string,
        variable_end_string=plain.variable_end_string,
        comment_start_string="{##",
        comment_end_string="##}",
    )
    sandbox.globals.update({k: v for k, v in macros.items() if k not in _INTERNALS})
    sandbox.filters.update({k: v for k, v in filters.items() if k not in _INTERNALS})
    return sandbox


def use_sandbox(plugin: Any) -> None:
    """Render the plugin's pages in the sandbox (call before each page: cheap when done).

    mkdocs-macros builds its Environment after define_env() has run, and again for each
    language, so the swap happens on the first page of each build.
    """
    if not isinstance(plugin.env, PageEnvironment):
        plugin._env = sandboxed(plugin.env, plugin.macros, plugin.filters)


@format_error.register
def _format_page_error(error: PageError, markdown: str, page: Any) -> str:
    """What mkdocs-macros prints for a PageError: file, line, message, hint; no traceback."""
    source, body = page.file.content_string.rstrip(), markdown.rstrip()
    # The Markdown Jinja saw is the file without its front matter: count the lines before it.
    offset = source[: len(source) - len(body)].count("\n") if source.endswith(body) else 0
    where = f"docs/{page.file.src_uri}"
    if error.line is not None:
        where += f" line {error.line + offset}"
    return f"{where}: {error.message}\n    How to fix: {error.hint}"

"""Pages are rendered by the site's macros alone, and their mistakes are told in editors' words.

mkdocs-macros renders every page with a Jinja environment, in which a page could run Python
(`{{ cycler.__init__.__globals__.os.getcwd() }}`), loop without end or ask for a result of
any size. A pull request from outside must do none of this in CI, so `use_sandbox` swaps in
a PageEnvironment: its `from_string` reads a page as text and plain macro calls
(parksite.content.calls) and returns a CallsTemplate that calls the site's macros in order,
without Jinja; anything else a page writes is a PageError with the page's file, line and
how to write it, never a traceback. The environment stays an ImmutableSandboxedEnvironment
with only the macros as globals, for what mkdocs-macros does with it besides pages.

`{#contact}` (a heading id) is text, not a Jinja comment, and `{{` or `{%` inside a code
block or `inline code` is shown as written (parksite.content.code.protect_code).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jinja2 import Environment, Template
from jinja2.defaults import DEFAULT_NAMESPACE
from jinja2.sandbox import ImmutableSandboxedEnvironment
from mkdocs_macros.errors import format_error

from parksite.content.calls import (
    HOW_TO_CITE,
    MAX_OUTPUT,
    Call,
    PageError,
    page_calls,
    page_parts,
)
from parksite.content.code import protect_code
from parksite.render.figures import UnknownFact

__all__ = ["CallsTemplate", "PageEnvironment", "PageError", "protect_code", "sandboxed"]

# mkdocs-macros' own macros and filters that hand a page the build's internals.
_INTERNALS = {"context", "macros_info", "pretty"}


class CallsTemplate:
    """A page of text and plain macro calls, rendered by calling the macros in order."""

    def __init__(self, parts: list[str | Call], macros: dict[str, Callable[..., Any]]) -> None:
        self.parts, self.macros = parts, macros

    def render(self, *args: Any, **kwargs: Any) -> str:
        out = []
        size = 0
        for part in self.parts:
            if isinstance(part, Call):
                try:
                    part_text = str(self.macros[part.name](*part.args, **part.kwargs))
                except (UnknownFact, LookupError, ValueError, TypeError) as exc:
                    raise _macro_error(exc, part.line) from None
                line = part.line
            else:
                part_text, line = part, None
            size += len(part_text)
            if size > MAX_OUTPUT:
                raise PageError(
                    line,
                    f"the page's macros write more than {MAX_OUTPUT:,} characters.",
                    "show fewer tables or cards on one page, or split the page.",
                )
            out.append(part_text)
        return "".join(out)


class ReadyTemplate:
    """A page whose macros have already run: its Markdown as they left it."""

    def __init__(self, text: str) -> None:
        self.text = text

    def render(self, *args: Any, **kwargs: Any) -> str:
        return self.text


def _macro_error(exc: Exception, line: int | None) -> PageError:
    """A macro given a wrong id or wrong arguments; its message names the id."""
    if isinstance(exc, UnknownFact):
        return PageError(line, exc.message, exc.hint)
    message = re.sub(r"^docs/\S+: |define_env\.<locals>\.", "", str(exc))
    return PageError(line, message, HOW_TO_CITE + ".")


class PageEnvironment(ImmutableSandboxedEnvironment):
    """The environment pages are rendered in: plain calls of the site's macros, nothing else."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The site's macros, by name: set by sandboxed(), once the globals are all there.
        self.macros: dict[str, Callable[..., Any]] = {}
        # The next page's Markdown and what it renders to, when made ahead (mkdocs/macros.py).
        self.ready: tuple[str, str] | None = None

    def from_string(self, source: str, *args: Any, **kwargs: Any) -> Template:  # type: ignore[override]
        ready, self.ready = self.ready, None
        if ready is not None and source == ready[0]:
            return ReadyTemplate(ready[1])  # type: ignore[return-value]
        return self.page_template(source)  # type: ignore[return-value]

    def page_template(self, source: str) -> CallsTemplate:
        """The page's text and plain calls of the site's macros, or PageError."""
        macros = self.macros
        try:
            parts = page_parts(source)  # as `make check` read it
        except PageError:
            parts = None
        if parts is None or any(isinstance(p, Call) and p.name not in macros for p in parts):
            # The first mistake in the page's order, told as page_calls tells it.
            parts = page_calls(protect_code(source), macros)
        return CallsTemplate(list(parts), macros)


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
    sandbox.macros = {k: v for k, v in sandbox.globals.items() if k not in DEFAULT_NAMESPACE}
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

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
"""

from __future__ import annotations

import difflib
import re
import traceback
from typing import Any

from jinja2 import Environment, Template, TemplateError, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from mkdocs_macros.errors import format_error

from parksite.render import UnknownFact

# mkdocs-macros' own macros and filters that hand a page the build's internals.
_INTERNALS = {"context", "macros_info", "pretty"}
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_TEMPLATE = re.compile(r"\{\{|\{%|\{#")
_HOW_TO_CITE = 'a figure is written {{ fact("patents.national") }}; see CONTRIBUTING.md'


class PageError(Exception):
    """A mistake in a page's template: its line (in the Markdown after the front matter)."""

    def __init__(self, line: int | None, message: str, hint: str) -> None:
        self.line, self.message, self.hint = line, message, hint
        super().__init__(message)


def protect_code(markdown: str) -> str:
    """Wrap code blocks and code spans that hold `{{`, `{%` or `{#` in {% raw %}.

    The markers go at the ends of existing lines, so Jinja's line numbers stay the page's.
    """
    lines = markdown.split("\n")
    fence: tuple[str, int] | None = None
    opened = 0
    for number, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence, opened = (match[2][0], len(match[2])), number
            else:
                lines[number] = _CODE_SPAN.sub(_raw_span, line)
        elif match and match[2][0] == fence[0] and len(match[2]) >= fence[1]:
            block = "\n".join(lines[opened + 1 : number])
            if _TEMPLATE.search(block) and "endraw" not in block:
                lines[opened] += "{% raw %}"
                lines[number] = match[1] + "{% endraw %}" + line[len(match[1]) :]
            fence = None
    return "\n".join(lines)


def blank_code(markdown: str) -> str:
    """The page with every code block and code span emptied, lines kept: what is left is
    what renders as Markdown, HTML and macros (for checks that must not read code)."""
    lines = markdown.split("\n")
    fence: tuple[str, int] | None = None
    for number, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = (match[2][0], len(match[2]))
            lines[number] = _CODE_SPAN.sub(lambda m: " " * len(m[0]), line)
        else:
            if match and match[2][0] == fence[0] and len(match[2]) >= fence[1]:
                fence = None
            lines[number] = ""
    return "\n".join(lines)


def _raw_span(match: re.Match[str]) -> str:
    span = match[0]
    if _TEMPLATE.search(span) and "endraw" not in span:
        return "{% raw %}" + span + "{% endraw %}"
    return span


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
        except UnknownFact as exc:
            raise PageError(_template_line(exc), exc.message, exc.hint) from None
        except (LookupError, ValueError, TypeError) as exc:
            # Raised by a macro given a wrong id or wrong arguments; its message names the id.
            message = re.sub(r"^docs/\S+: |define_env\.<locals>\.", "", str(exc))
            raise PageError(_template_line(exc), message, _HOW_TO_CITE + ".") from None


class PageEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox pages are rendered in."""

    template_class = PageTemplate

    def from_string(self, source: str, *args: Any, **kwargs: Any) -> Template:  # type: ignore[override]
        try:
            return super().from_string(protect_code(source), *args, **kwargs)
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

"""What a page's template may be: text, Markdown and plain macro calls, nothing else.

`{{ fact("patents.national") }}`, with literal arguments (text, numbers, True, False, None),
is the only template syntax a page may write; `{% raw %}...{% endraw %}` and template syntax
inside code are shown as text. Filters, variables, `{% if %}` and `{% for %}`, `{{-`,
expressions, ranges and macros of a page's own are refused with the line and a hint, so the
work a page can ask for is bounded by construction: one call of a site macro per call
written, in a page of bounded size, whose output is bounded too.

Read the same way by `make check` (parksite.checks.project) and by the build's sandbox
(parksite.mkdocs.sandbox), which renders the calls without Jinja.
"""

from __future__ import annotations

import ast
import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parksite.content.code import protect_code

# A page's Markdown, and what its macros may write into it, in characters.
MAX_SOURCE = 1_000_000
MAX_OUTPUT = 5_000_000
HOW_TO_CITE = 'a figure is written {{ fact("patents.national") }}; see CONTRIBUTING.md'
HOW_TO_SHOW = "to show {{ or {% as text, put it in `backticks` or a code block (```)"
# What Jinja would read as template syntax (mkdocs-macros' delimiters, `{##` comments).
_OPENER = re.compile(r"\{\{|\{%|\{##")
_RAW = re.compile(r"\{%\s*raw\s*%\}(.*?)\{%\s*endraw\s*%\}", re.S)
# Values a plain call may be given.
_LITERALS = (str, int, float, bool, type(None))


class PageError(Exception):
    """A mistake in a page's template: its line (in the Markdown after the front matter)."""

    def __init__(self, line: int | None, message: str, hint: str) -> None:
        self.line, self.message, self.hint = line, message, hint
        super().__init__(message)


@dataclass(frozen=True)
class Call:
    """One `{{ name(args) }}` of a page, on its line."""

    line: int
    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


def page_calls(source: str, macros: Collection[str] | None = None) -> list[str | Call]:
    """The page as text and macro calls; PageError for anything else a template could do.

    `source` is the page after parksite.content.code.protect_code (code wrapped in raw
    blocks); `macros` the names a page may call (None: any name, for a syntax check).
    Reads Jinja's way: one newline at the very end is dropped, {% raw %} content is text.
    """
    if len(source) > MAX_SOURCE:
        raise PageError(
            None,
            f"the page is {len(source):,} characters long, more than the {MAX_SOURCE:,} allowed.",
            "split it into several pages.",
        )
    source = source.removesuffix("\n")
    parts: list[str | Call] = []
    text: list[str] = []
    start = 0
    while True:
        opener = _OPENER.search(source, start)
        if opener is None:
            break
        text.append(source[start : opener.start()])
        line = source.count("\n", 0, opener.start()) + 1
        raw = _RAW.match(source, opener.start())
        if raw:
            text.append(raw[1])
            start = raw.end()
            continue
        if opener[0] != "{{":
            raise _statement_error(source, opener.start(), line)
        end = source.find("}}", opener.end())
        if end < 0:
            raise PageError(line, "`{{` here is never closed with `}}`.", f"{HOW_TO_CITE}.")
        expression = source[opener.end() : end]
        name_at = opener.end() + len(expression) - len(expression.lstrip())
        call_line = source.count("\n", 0, name_at) + 1
        parts += ["".join(text), _call(expression, macros, call_line)]
        text = []
        start = end + 2
    parts.append("".join(text) + source[start:])
    return parts


def _statement_error(source: str, at: int, line: int) -> PageError:
    written = source[at : at + 40].split("\n")[0]
    if written.startswith("{##"):
        return PageError(
            line,
            "`{##` starts a template comment, which pages do not use.",
            "write a comment as <!-- ... -->; " + HOW_TO_SHOW + ".",
        )
    if re.match(r"\{%\s*raw\b", written):
        return PageError(
            line,
            "`{% raw %}` here is never closed with `{% endraw %}`.",
            "close it, or put the text in `backticks` or a code block (```).",
        )
    word = re.match(r"\{%-?\s*(\w*)", written)
    shown = f"{{% {word[1]} %}}" if word and word[1] else written
    return PageError(
        line,
        f"`{shown}` is template code, which pages do not use: a page holds text, Markdown "
        "and the site's macros.",
        f"{HOW_TO_CITE}; {HOW_TO_SHOW}.",
    )


@lru_cache(maxsize=8192)  # read for the checks, then again by the build's sandbox
def page_parts(markdown: str) -> tuple[str | Call, ...]:
    """page_calls of a page's Markdown (after its front matter), its code protected, with
    any macro name: read once per build for the template check, the citations and the page's
    rendering (parksite.mkdocs.sandbox checks the names)."""
    return tuple(page_calls(protect_code(markdown)))


def _call(expression: str, macros: Collection[str] | None, line: int) -> Call:
    """`name(literal, key=literal)` with a known macro, or a PageError saying what it is."""
    parsed = _parsed_call(expression)
    if isinstance(parsed, str):
        raise PageError(line, parsed, f"{HOW_TO_CITE}; {HOW_TO_SHOW}.")
    name, args, kwargs = parsed
    if macros is not None and name not in macros:
        close = difflib.get_close_matches(name, sorted(macros), n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}?" if close else f"{HOW_TO_CITE}."
        raise PageError(line, f"`{name}` is not a macro a page can use.", hint)
    return Call(line, name, args, dict(kwargs))


@lru_cache(maxsize=4096)  # a big site writes the same few calls thousands of times
def _parsed_call(expression: str) -> tuple[str, tuple, tuple] | str:
    """(name, args, kwargs) of a plain call, or what is wrong with the expression."""
    written = " ".join(expression.split())
    shown = f"`{{{{ {written[:50]}{'...' if len(written) > 50 else ''} }}}}`"
    plain = f"{shown} is not a plain macro call"
    if expression.startswith(("-", "+")) or expression.endswith(("-", "+")):
        return f"{shown}: `{{{{-` and `-}}}}` are not used in pages."
    if "\\" in expression or "{" in expression or not expression.isascii():
        return f"{plain}: write the id as in data/park.yml, without \\, {{ or other characters."
    try:
        tree = ast.parse(expression.strip(), mode="eval").body
    except SyntaxError:
        return f"{plain}: Jinja's filters (`|`), tests and statements are not used in pages."
    if isinstance(tree, ast.BinOp) and isinstance(tree.op, ast.BitOr):
        return f"{plain}: Jinja filters (`|`) are not used in pages."
    if not isinstance(tree, ast.Call) or not isinstance(tree.func, ast.Name):
        return f'{plain}: a page shows a figure with a macro, e.g. fact("id"), nothing else.'
    values = [*tree.args, *(kw.value for kw in tree.keywords)]
    if any(kw.arg is None for kw in tree.keywords) or not all(
        isinstance(v, ast.Constant) and isinstance(v.value, _LITERALS) for v in values
    ):
        return f"{plain}: its arguments must be written out: text in quotes, or a number."
    args = tuple(arg.value for arg in tree.args)  # type: ignore[attr-defined]
    kwargs = tuple((kw.arg, kw.value.value) for kw in tree.keywords)  # type: ignore[attr-defined]
    return tree.func.id, args, kwargs

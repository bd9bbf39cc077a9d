"""Code blocks and code spans of a page: shown as written, never read as macros or prose."""

from __future__ import annotations

import re
from functools import lru_cache

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_TEMPLATE = re.compile(r"\{\{|\{%|\{#")


def protect_code(markdown: str) -> str:
    """Wrap code blocks and code spans that hold `{{`, `{%` or `{#` in {% raw %}.

    The markers go at the ends of existing lines, so Jinja's line numbers stay the page's.
    """
    if "`" not in markdown and "~" not in markdown:
        return markdown  # no code block or span: most pages
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


@lru_cache(maxsize=8192)  # several checks read each page's text without its code
def blank_code(markdown: str) -> str:
    """The page with every code block and code span emptied, lines kept: what is left is
    what renders as Markdown, HTML and macros (for checks that must not read code)."""
    if "`" not in markdown and "~" not in markdown:
        return markdown  # no code block or span: most pages
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

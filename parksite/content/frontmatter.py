"""A page's front matter: found where MkDocs finds it (mkdocs.utils.meta), read by the bounded
YAML reader (parksite.model.yamlsource), and held to the few keys a page uses, each mistake
with its line. MkDocs itself shows a front matter it cannot read as text at the top of the
page, and reads aliases without bound; a page that passes here gives it neither. In a build,
MkDocs is handed the values read here (parksite.mkdocs.events.on_page_read_source) and never
reads a page's YAML itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from mkdocs.utils import meta

from parksite.model.errors import DataError, Problem
from parksite.model.yamlsource import load_text

# Keys a page's front matter may hold, and what Material's `hide:` may hide.
KEYS = ("title", "description", "summary", "figure", "order", "hide", "template")
# The engine's own page templates (parksite/theme) a page may ask for: the home page's bands
# and the fact sheet printed to a PDF. No other: a theme template is not a page's to pick.
LANDING_TEMPLATE = "landing.html"
FACT_SHEET_TEMPLATE = "fact-sheet.html"
TEMPLATES = (LANDING_TEMPLATE, FACT_SHEET_TEMPLATE)
TEXT_KEYS = ("title", "description", "summary")
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")
MAX_CHARS = 10_000  # a title, a description, a summary and a few keys
HOW_TO_WRITE = (
    "a page starts with its front matter between two `---` lines, e.g.\n"
    "    ---\n    title: About the park\n    description: One sentence for search engines.\n"
    "    ---"
)


@dataclass(frozen=True)
class FrontMatter:
    """A page's front matter: its values, the line of each key, and the Markdown after it."""

    data: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # the line of the file on which `body` starts


def read(text: str, file: str) -> FrontMatter:
    """The front matter of a page's text; DataError names every mistake with its line."""
    found, problems = _read(text)
    if problems:
        raise DataError([replace(p, file=file) for p in problems])
    return found


def split(text: str) -> tuple[str | None, str, int]:
    """(the front matter's YAML or None, the Markdown after it, the line that starts on)."""
    match = meta.YAML_RE.match(text)
    if not match:
        return None, text, 1
    body = text[match.end() :].lstrip("\n")
    return match[1], body, text.count("\n", 0, len(text) - len(body)) + 1


@lru_cache(maxsize=8192)  # the checks, the citations and the story list read every page
def _read(text: str) -> tuple[FrontMatter, tuple[Problem, ...]]:
    head, body, body_line = split(text)
    if head is None:
        # Without `---` lines MkDocs still reads "key: value" lines at the top as meta-data.
        _, data = meta.get_data(text)
        if data:
            return FrontMatter(body=body), (
                Problem(
                    "",
                    1,
                    None,
                    "front matter",
                    f"the page's first lines are read as settings ({', '.join(data)}), not text.",
                    HOW_TO_WRITE + "; or start the page with its `# Heading`.",
                ),
            )
        return FrontMatter(body=body), ()
    if not any(line.strip() and not line.lstrip().startswith("#") for line in head.splitlines()):
        return FrontMatter(body=body, body_line=body_line), ()
    try:
        located = load_text(head, "", max_chars=MAX_CHARS, first_line=2)
    except DataError as exc:
        problems = (replace(p, field=p.field or "front matter") for p in exc.problems)
        return FrontMatter(body=body, body_line=body_line), tuple(problems)
    problems = list(located.problems)
    if not isinstance(located.data, dict):
        problems.append(
            Problem(
                "",
                2,
                None,
                "front matter",
                "this is not a set of `key: value` lines.",
                HOW_TO_WRITE,
            )
        )
        return FrontMatter(body=body, body_line=body_line), tuple(problems)
    lines = {str(key): located.keys[(key,)][0] for key in located.data if (key,) in located.keys}
    for key, value in located.data.items():
        problems += _value_problems(str(key), value, lines.get(str(key), 2))
    return FrontMatter(dict(located.data), lines, body, body_line), tuple(problems)


def _value_problems(key: str, value: object, line: int) -> list[Problem]:
    def problem(message: str, hint: str) -> list[Problem]:
        return [Problem("", line, None, key, message, hint)]

    if key not in KEYS:
        return problem(
            f"`{key}` is not a key a page's front matter uses.",
            f"use only {', '.join(KEYS)}; delete `{key}:` or check its spelling.",
        )
    if key in TEXT_KEYS or key == "figure":
        if not isinstance(value, str) or not value.strip():
            return problem(
                "expected a line of text.",
                f'write the text after `{key}: `, in quotes if it holds a colon: {key}: "A: B".',
            )
    elif key == "order":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000:
            return problem(
                f"expected a whole number, found {value!r}.",
                "write the story's place in the list as digits: order: 3 (1 comes first).",
            )
    elif key == "template" and value not in TEMPLATES:
        return problem(
            f"`{value}` is not one of the site's page templates.",
            f"write one of {', '.join(TEMPLATES)}, or delete `template:` (most pages need none).",
        )
    elif key == "hide" and not (isinstance(value, list) and all(v in HIDE for v in value)):
        return problem(
            f"`hide:` lists what the theme hides, one of {', '.join(HIDE)}.",
            "write each on its own line starting with `- `, e.g. `  - toc`.",
        )
    return []

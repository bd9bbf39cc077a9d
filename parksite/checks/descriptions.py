"""Each page's title and description, as search engines and link previews show them: there,
a sentence long, and its own in its language.

A story copied to start a new one keeps its model's description until someone changes it;
search engines would then show two pages as one. Told by `make check`, with the line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from parksite.content.site import Site
from parksite.content.stories import front_matter, front_matter_line
from parksite.model.errors import DataError, Problem
from parksite.project import shown

# Narrower than this, a description says nothing a title does not: a Latin letter is one
# column wide, a Chinese character two (as a terminal and a search result show them).
MIN_DESCRIPTION = 21


def width(text: str) -> int:
    """How wide a text is shown: wide (CJK) characters count two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def description_problems(site: Site) -> Iterator[Problem]:
    """A page without a description, with one too short, or with another page's title or
    description in the same language."""
    seen: dict[tuple[str, str, str], str] = {}
    for path, text in site.pages.items():
        try:
            front = front_matter(text)
        except DataError:
            continue  # told by the page check, with its line
        lang = site.language_of(path.name).code
        file = shown(path)
        description = str(front.get("description") or "").strip()
        if not description:
            yield Problem(
                file,
                1,
                None,
                "description",
                "this page has no description.",
                "add a line `description: ...` to the front matter between the `---` lines: "
                "one sentence saying what the page is about, for search engines.",
            )
        # Each character is one column or two: a description as long as the minimum is
        # wide enough without measuring (most are).
        elif len(description) < MIN_DESCRIPTION and width(description) < MIN_DESCRIPTION:
            yield Problem(
                file,
                front_matter_line(text, "description"),
                None,
                "description",
                f"the description '{description}' is too short to tell readers anything.",
                "write one sentence saying what the page is about, as search engines and "
                "link previews show it.",
            )
        for key in ("title", "description"):
            value = str(front.get(key) or "").strip()
            if not value:
                continue
            first = seen.setdefault((lang, key, value), file)
            if first != file:
                yield Problem(
                    file,
                    front_matter_line(text, key),
                    None,
                    key,
                    f"{first} has the same {key}.",
                    f"give each page its own {key}: a page copied from another keeps its "
                    f"{key} until you change it.",
                )

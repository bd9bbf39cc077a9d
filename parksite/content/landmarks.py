"""The pages every page links to from its footer, found from what they are rather than from
their names: the Sources page (the one showing `{{ sources_index() }}`) and the fact sheet
(the one with `template: fact-sheet.html`), each by its file in the default language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parksite.content.citations import macro_calls
from parksite.content.stories import front_matter

if TYPE_CHECKING:
    from parksite.content.site import Site

# The template that makes a page the fact sheet: printed on one A4 page per language.
FACT_SHEET_TEMPLATE = "fact-sheet.html"


def _default_pages(site: Site):
    for path, text in site.pages.items():
        page = path.relative_to(site.docs_dir).as_posix()
        if site.language_of(page).default:
            yield page, text


def sources_page(site: Site) -> str | None:
    """The default language's page listing the sources ('sources.md'), if the site has one."""
    return site.memo(
        "sources page",
        lambda: next(
            (
                page
                for page, text in _default_pages(site)
                if any(name == "sources_index" for name, _, _ in macro_calls(text))
            ),
            None,
        ),
    )


def fact_sheet_page(site: Site) -> str | None:
    """The default language's fact sheet page ('fact-sheet.md'), if the site has one."""
    return site.memo(
        "fact sheet page",
        lambda: next(
            (
                page
                for page, text in _default_pages(site)
                if front_matter(text).get("template") == FACT_SHEET_TEMPLATE
            ),
            None,
        ),
    )

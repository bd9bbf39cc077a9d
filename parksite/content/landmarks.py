"""The pages every page links to from its footer, found from what they are rather than from
their names: the Sources page (the one showing `{{ sources_index() }}`) and the fact sheet
(the one with `template: fact-sheet.html`), each by its file in the default language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from parksite.content.citations import macro_calls
from parksite.content.frontmatter import FACT_SHEET_TEMPLATE
from parksite.content.stories import front_matter

if TYPE_CHECKING:
    from parksite.content.site import Site


def _first(site: Site, what: str, holds: Callable[[str], bool]) -> str | None:
    """The first page of the default language whose text `holds`, found once per build."""

    def find() -> str | None:
        for path, text in site.pages.items():
            page = site.page_files[path]
            if site.language_of(page).default and holds(text):
                return page
        return None

    return site.memo(what, find)


def sources_page(site: Site) -> str | None:
    """The default language's page listing the sources ('sources.md'), if the site has one."""
    return _first(
        site,
        "sources page",
        lambda text: any(name == "sources_index" for name, _, _ in macro_calls(text)),
    )


def fact_sheet_page(site: Site) -> str | None:
    """The default language's fact sheet page ('fact-sheet.md'), if the site has one."""
    return _first(
        site,
        "fact sheet page",
        lambda text: front_matter(text).get("template") == FACT_SHEET_TEMPLATE,
    )

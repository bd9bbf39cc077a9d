"""A story needs no line in mkdocs.yml: the navigation names the stories' index only."""

from __future__ import annotations

from parksite.checks.targets import nav_pages
from tests.site.conftest import SITE


def test_the_navigation_names_no_story_but_the_index() -> None:
    folder = SITE.stories_folder
    assert folder is not None, "this site shows success stories"
    listed = [
        page for page, _ in nav_pages(SITE.project.config_file) if page.startswith(f"{folder}/")
    ]
    assert listed == [f"{folder}/index.md"], "stories are found from their index"

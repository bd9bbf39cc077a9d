"""What a page says about itself: its language (from its file name) and its source path."""

from __future__ import annotations

from typing import Any

from parksite.model import Lang


def language_of(src_uri: str) -> Lang:
    """'index.zh.md' is Chinese; every other page is English."""
    return "zh" if src_uri.endswith(".zh.md") else "en"


def page_language(page: Any) -> Lang:
    """The language of a MkDocs page, from its own file name."""
    return language_of(page.file.src_uri)


def page_source(page: Any) -> str:
    """The page's file as editors know it: docs/about.zh.md."""
    return f"docs/{page.file.src_uri}"

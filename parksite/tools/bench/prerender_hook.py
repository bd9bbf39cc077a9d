"""A hook for the benchmark's floor: writes each page's Markdown as the macros left it."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

OUT = Path(os.environ["PRERENDER_TO"])


# After the macros plugin (0) and the i18n plugin (50) have changed the Markdown.
@event_priority(-200)
def on_page_markdown(markdown: str, page, config, files) -> str:
    dest = OUT / page.file.src_uri
    dest.parent.mkdir(parents=True, exist_ok=True)
    head = yaml.safe_dump(page.meta, allow_unicode=True) if page.meta else ""
    dest.write_text(f"---\n{head}---\n\n{markdown}" if head else markdown, encoding="utf-8")
    return markdown

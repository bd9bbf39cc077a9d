"""MkDocs hooks: adds the story index's further pages. Only glue; the logic is in parksite."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from parksite.storyindex import add_index_pages


# After the i18n plugin (priority -100) has picked the files of the language being built.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return add_index_pages(files, config)

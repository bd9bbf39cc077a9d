"""MkDocs hooks: the story index's further pages, and compiled templates kept between builds.

Only glue; the logic is in parksite.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from parksite.storyindex import add_index_pages
from parksite.templatecache import use_cache


# After the i18n plugin (priority -100) has picked the files of the language being built.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return add_index_pages(files, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return use_cache(env)

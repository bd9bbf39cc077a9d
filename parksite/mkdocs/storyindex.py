"""The story index's further pages (stories/page-2/ ...), made at build time from the stories,
and the link from each story back to the index.

The first index page is docs/stories/index.md; the others do not exist as files, so that
adding a story never means adding or editing an index page. They are made after the i18n
plugin has chosen the files of the language being built, and carry the attributes that
plugin gives its own files (language, alternates) so the language switch works on them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from parksite.content.stories import (
    STORIES_DIR,
    index_page_markdown,
    index_url,
    list_stories,
    page_count,
)


def _index_file(config: MkDocsConfig, number: int, lang: str, default: str) -> File:
    suffix = "" if lang == default else f".{lang}"
    file = File.generated(
        config,
        f"{STORIES_DIR}/page-{number}{suffix}.md",
        content=index_page_markdown(number, lang),
    )
    url = index_url(number, lang)
    file.dest_uri = f"{url}index.html"
    file.url = url
    file.locale = lang
    file.localization = None if lang == default else lang
    file.locale_alternate_of = lang
    file.norm_src_uri = f"{STORIES_DIR}/page-{number}.md"
    return file


def add_index_pages(files: Files, config: MkDocsConfig) -> Files:
    """Add the index pages after the first one for the language being built."""
    i18n = config.plugins.get("i18n")
    lang = i18n.current_language if i18n else "en"
    default = i18n.default_language if i18n else "en"
    languages = i18n.build_languages if i18n else [lang]
    docs_dir = Path(config.docs_dir)
    counts = {other: page_count(len(list_stories(other, docs_dir))) for other in languages}
    for number in range(2, counts[lang] + 1):
        file = _index_file(config, number, lang, default)
        file.alternates = {
            other: file if other == lang else _index_file(config, number, other, default)
            for other in languages
            if number <= counts[other]
        }
        files.append(file)
        if i18n:
            # The i18n plugin's sitemap lists the pages it saw; these come after it.
            i18n.i18n_files_per_language[lang].append(file)
    return files

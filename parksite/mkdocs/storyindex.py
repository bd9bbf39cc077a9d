"""The story index's further pages (stories/page-2/ ...), made at build time from the stories,
and the link from each story back to the index.

The first index page is docs/stories/index.md; the others do not exist as files, so that
adding a story never means adding or editing an index page. They are made after the i18n
plugin has chosen the files of the language being built, and carry the attributes that
plugin gives its own files (language, alternates) so the language switch works on them.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from parksite.content.site import Site
from parksite.content.stories import index_page_markdown, index_url, page_count
from parksite.i18n.languages import Language


def _index_file(config: MkDocsConfig, number: int, lang: Language, folder: str) -> File:
    file = File.generated(
        config,
        f"{folder}/page-{number}{lang.suffix}.md",
        content=index_page_markdown(number, lang),
    )
    url = index_url(number, lang, folder)
    file.dest_uri = f"{url}index.html"
    file.url = url
    # What mkdocs-static-i18n sets on the files it picks for a language.
    file.locale = lang.code
    file.localization = None if lang.default else lang.code
    file.locale_alternate_of = lang.code
    file.norm_src_uri = f"{folder}/page-{number}.md"
    return file


def add_index_pages(files: Files, config: MkDocsConfig, site: Site) -> Files:
    """Add the index pages after the first one for the language being built."""
    folder = site.stories_folder
    if folder is None:
        return files
    i18n = config.plugins.get("i18n")
    lang = site.languages[i18n.current_language] if i18n else site.languages.default
    counts = {other.code: page_count(len(site.stories(other))) for other in site.languages}
    for number in range(2, counts[lang.code] + 1):
        file = _index_file(config, number, lang, folder)
        file.alternates = {
            other.code: file if other is lang else _index_file(config, number, other, folder)
            for other in site.languages
            if number <= counts[other.code]
        }
        files.append(file)
        if i18n:
            # The i18n plugin's sitemap lists the pages it saw; these come after it.
            i18n.i18n_files_per_language[lang.code].append(file)
    return files

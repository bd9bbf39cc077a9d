"""What the plugin (plugin.py) does at each MkDocs event: the build's Site (languages, data
and pages, read and checked once), the commit's time as the build's date (so that two builds
of one commit are identical), the engine's theme files, only the files docs/ may publish,
the story index's further pages, each page's content judged by the allowlist and its title
made text, each page's head tags and footer, corrections to the theme's markup, and the
crawlers' files.

Every function gets the build's Site from the plugin; nothing here outlives a build.
"""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from parksite.checks.files import published_problems
from parksite.checks.notices import log, report_notices
from parksite.checks.project import check, rendered_problems
from parksite.content import frontmatter
from parksite.content.citations import page_title
from parksite.content.frontmatter import FACT_SHEET_TEMPLATE, LANDING_TEMPLATE
from parksite.content.landmarks import sources_page
from parksite.content.pages import page_key, page_url, relative_url
from parksite.content.site import Site
from parksite.content.stories import is_story
from parksite.mkdocs.macros import engine_macros
from parksite.mkdocs.plugin import nested_language_build
from parksite.mkdocs.reproducible import source_date_epoch
from parksite.mkdocs.shareimages import ShareImages, nav_by_key, page_image
from parksite.mkdocs.sitemaps import write_crawler_files
from parksite.mkdocs.storyindex import add_index_pages
from parksite.mkdocs.themefix import fix_theme_html
from parksite.model.errors import DataError
from parksite.project import Project
from parksite.render.factsheet import fact_sheet_notice, sheet_link, write_pdfs
from parksite.render.figures import back_link_html
from parksite.render.footer import footer_html
from parksite.render.head import PageInfo, head_html, nav_files
from parksite.render.landing import bands

# Files of the theme that readers never need: Material's palette stylesheet, which no page
# links (see themefix.py) and which would otherwise be published under a year-long cache.
NOT_PUBLISHED = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css(\.map)?")


def on_config(
    site: Site | None,
    config: MkDocsConfig,
    theme_dir: Path,
    css: tuple[str, ...],
    js: tuple[str, ...],
) -> Site:
    """The build's Site, read and checked on the first language's build and kept for the
    others; the build's date; the engine's templates, styles and scripts under the site's."""
    theme = config.theme
    if str(theme_dir) not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, str(theme_dir))
    config.extra_css[:0] = [sheet for sheet in css if sheet not in config.extra_css]
    scripts = {str(script) for script in config.extra_javascript}
    config.extra_javascript.extend(ExtraScriptValue(s) for s in js if s not in scripts)
    if site is not None and nested_language_build(config):
        return site
    project = Project.of_config(config.config_file_path)
    stamp = source_date_epoch(project.root)
    if stamp:
        os.environ["SOURCE_DATE_EPOCH"] = stamp
    try:
        site = check(project, Path(config.docs_dir), macros=engine_macros())
    except DataError as exc:
        raise PluginError(exc.report()) from None
    report_notices(site)
    notice = fact_sheet_notice(site)  # `make build` prints it too (tools/build.py)
    if notice:
        log.info(notice)
    return site


def on_files(site: Site, files: Files, config: MkDocsConfig) -> Files:
    """Only the files docs/ may publish (checks/files.py), and the story index pages."""
    refused = published_problems(files, Path(config.docs_dir))
    if refused:
        raise PluginError("\n".join(refused))
    for file in [f for f in files if NOT_PUBLISHED.fullmatch(f.src_uri)]:
        files.remove(file)
    return add_index_pages(files, config, site)


def on_page_read_source(site: Site, page) -> str | None:
    """A page's text as the checks read it, its front matter left out: MkDocs is handed the
    values the checks read (on_page_markdown) instead of reading the YAML again, without
    bounds. A page without front matter, or whose front matter holds no value, is MkDocs' to
    read as it always does."""
    text = site.page_text(page.file.abs_src_path)
    if text is None:
        return None
    front = frontmatter.read(text, f"docs/{page.file.src_uri}")
    if not front.data:
        return None
    site.memo("front matter", dict)[page.file.src_uri] = front.data
    # A blank first line: MkDocs finds neither YAML nor "key: value" lines, and takes the
    # rest as the page's Markdown, as it would after the front matter.
    return "\n" + front.body


def on_page_markdown(site: Site, markdown: str, page) -> str:
    """The page's meta-data: what the checks read from its front matter (on_page_read_source)."""
    data = site.memo("front matter", dict).pop(page.file.src_uri, None)
    if data is not None:
        page.meta = dict(data)
    return markdown


def on_page_content(site: Site, html: str, page, config, files) -> str:
    """Keep each page's rendered content, its title and its table of contents for the
    allowlist (judged together in on_env); make a front matter's title text for the theme,
    which writes it unescaped into <title>, the header, the navigation and the search index."""
    headings = [item.title for item in _toc_items(page.toc)]
    title = page.meta.get("title")
    shown_title = [] if isinstance(title, str) else [page.title or ""]
    site.memo("to judge", list).append((page, html, [*headings, *shown_title]))
    if isinstance(title, str) and not isinstance(title, Markup):
        page.meta["title"] = Markup.escape(title)
    return html


def _source(page) -> str:
    """A page's Markdown, read only to find the line of a refusal."""
    return page.file.content_string if page.file.abs_src_path else (page.markdown or "")


def _toc_items(items) -> list:
    return [x for item in items for x in (item, *_toc_items(item.children))]


def on_env(site: Site, env, config, files):
    """Every page of the language has been rendered: judge each page's content on the
    allowlist (checks/html.py) and stop here, before anything is written, if any was
    refused, with every refusal at once. The pages are judged together, in one loop, rather
    than each as it is rendered: the same work runs about three times faster when the
    parser and its tables are not displaced between pages by the rest of the build."""
    to_judge = site.memo("to judge", list)
    refused = [
        str(problem)
        for page, html, titles in to_judge
        for problem in rendered_problems(
            f"docs/{page.file.src_uri}", partial(_source, page), html, titles
        )
    ]
    # Their head tags and footers are made next, together (on_page_context).
    site.memo("rendered", list)[:] = [page for page, _, _ in to_judge]
    to_judge.clear()
    if refused:
        count = len(refused)
        head = f"{count} problem{'s' if count != 1 else ''} in the pages' content:"
        raise PluginError("\n".join([head, *(f"  - {line}" for line in refused)]))
    return env


def on_page_context(site: Site, context, page, config, nav):
    """`park_head`, `park_footer` and a story's `park_story_back` for the theme's main.html and
    partials/copyright.html, and the current section's tab lit on pages outside the nav.

    The first page of a language asks for every page's: they are made together, in one loop
    over the pages on_env judged, for the same reason the allowlist judges them together."""
    rendered = site.memo("rendered", list)
    made = site.memo("page context", dict)
    if rendered:
        made.update((id(p), _page_context(site, p, config, nav)) for p in rendered)
        rendered.clear()
    own = made.pop(id(page), None)
    context.update(own if own is not None else _page_context(site, page, config, nav))
    if page.meta.get("template") == LANDING_TEMPLATE:
        context["park_bands"] = bands(page.content)
    key = page_key(page.file.src_uri, site.languages)
    nav_keys = site.memo(
        "nav keys",
        lambda: frozenset(page_key(src, site.languages) for src in nav_files(config.nav)),
    )
    if key not in nav_keys:
        _light_section_tab(site, nav, key.split("/")[0])
    return context


def _page_context(site: Site, page, config, nav) -> dict[str, object]:
    """What the theme's templates show of the engine on one page: its head tags, footer, a
    fact sheet's link and address, a story's link back to the story index."""
    languages, park = site.languages, site.park
    lang = site.language_of(page.file.src_uri)
    title = page.meta.get("title") or page.title
    # The theme's copy is escaped (on_page_content); the head escapes its own.
    title = title.unescape() if isinstance(title, Markup) else title
    images = site.memo(("share images", lang.code), lambda: ShareImages.for_build(config))
    image, alt = page_image(images, site, page, config, nav)
    info = PageInfo(
        lang=lang,
        url=page.url,
        title=f"{title} - {config.site_name}",
        description=page.meta.get("description") or config.site_description,
        image=image,
        image_alt=alt,
    )
    context: dict[str, object] = {
        "park_head": head_html(park, info, languages, config.site_url, config.site_name)
    }
    if page.meta.get("template") == FACT_SHEET_TEMPLATE:
        # No links in a footer made for paper; the share image stays, hidden, for WeChat.
        context["park_footer"] = footer_html(park, lang, relative_url(page.url, image))
        context["park_sheet_link"] = sheet_link(site, lang, page.url)
        context["park_site_address"] = config.site_url + lang.prefix
    else:
        context["park_footer"] = footer_html(
            park, lang, relative_url(page.url, image), footer_links(site, lang, page.url)
        )
    folder = site.stories_folder
    if is_story(page_key(page.file.src_uri, languages), folder):
        context["park_story_back"] = back_link_html(lang, folder, page.url)
    return context


def footer_links(site: Site, lang, from_url: str) -> list[tuple[str, str]]:
    """The footer's links, relative to the page: the Sources page (out of the menu, which
    shows what an investor looks for first) and the fact sheet."""
    links = []
    sources = site.memo(("footer sources", lang.code), lambda: _sources_link(site, lang))
    if sources is not None:
        links.append((relative_url(from_url, sources[0]), sources[1]))
    sheet = sheet_link(site, lang, from_url)
    if sheet is not None:
        links.append((sheet.href, sheet.text))
    return links


def _sources_link(site: Site, lang) -> tuple[str, str] | None:
    """The Sources page's address from the site root and its title, or None."""
    sources = sources_page(site)
    if sources is None:
        return None
    own = site.languages.file_in(sources, lang)
    return page_url(own, site.languages), page_title(site.docs_dir / own)


def _light_section_tab(site: Site, nav, section: str) -> None:
    """A story is not in the navigation (the sidebar must never list every story), so no tab
    would be marked as current: light its section's page until the page is written."""
    item = nav_by_key(site, nav).get(section)
    if item is not None:
        item.active = True
        site.memo("lit", list).append(item)


def on_post_page(site: Site, output, page, config):
    lit = site.memo("lit", list)
    while lit:
        lit.pop().active = False
    return fix_theme_html(output, site.language_of(page.file.src_uri))


def on_template_context(site: Site, context, template_name, config):
    """The 404 page is a template, not a page: it gets the footer line (ICP number, check
    date) and its text in every language, but no share image."""
    if template_name == "404.html":
        context["park_footer"] = footer_html(site.park, site.languages.default, None)
        context["park_not_found"] = not_found_html(site, config.site_url)
        languages = site.languages
        context["park_not_found_title"] = escape(
            " · ".join(lang.words["not_found.title"] for lang in languages)
        )
        context["park_not_found_description"] = escape(
            " ".join(
                lang.words.format("not_found.description", site_name=config.site_name)
                for lang in languages
            )
        )
    return context


def not_found_html(site: Site, site_url: str) -> Markup:
    """The 404 page's text in each language, the default first, each linking to its home."""
    parts = []
    for lang in site.languages:
        words = lang.words
        home = Markup('<a href="{}">{}</a>').format(site_url + lang.prefix, words["not_found.home"])
        text = Markup(escape(words["not_found.text"])).format(home=home)
        if lang.default:
            parts.append(Markup("<h1>{}</h1>\n<p>{}</p>").format(words["not_found.title"], text))
        else:
            parts.append(
                Markup('<div lang="{}">\n<h2>{}</h2>\n<p>{}</p>\n</div>').format(
                    lang.html, words["not_found.title"], text
                )
            )
    return Markup("\n").join(parts)


def on_post_template(site: Site, output, template_name, config):
    """The 404 page gets the theme corrections. It is written once, by the first language's
    build: hosts serve one error page, so it speaks every language, and MkDocs skips a
    template that renders empty."""
    if template_name == "404.html" and nested_language_build(config):
        return ""
    if not template_name.endswith(".html"):
        return output
    return fix_theme_html(output, site.languages.default)


def on_post_build(site: Site, config) -> None:
    """robots.txt, and the site-wide sitemap at each further language's root, once the last
    language is built."""
    if nested_language_build(config):
        return
    write_crawler_files(Path(config.site_dir), config.site_url, site.languages)
    try:
        write_pdfs(site, Path(config.site_dir), config.site_url)
    except DataError as exc:
        raise PluginError(exc.report()) from None

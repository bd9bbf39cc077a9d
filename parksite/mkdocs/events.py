"""What the plugin (plugin.py) does at each MkDocs event: the commit's time as the build's
date (so that two builds of one commit are identical), the engine's theme files, the story
index's further pages, each page's head tags and footer, corrections to the theme's markup,
and the crawlers' files.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

# Files of overrides/ and the theme that readers never need: the share images' manifest (for
# the build and the tests), and Material's palette stylesheet, which no page links (see
# parksite/themefix.py) and which would otherwise be published under a year-long cache.
NOT_PUBLISHED = re.compile(
    r"assets/share/manifest\.json|assets/stylesheets/palette\.[0-9a-f]+\.min\.css(\.map)?"
)

# What every page of a build shares (the data file, the navigation's pages, the share images'
# manifest): worked out on a build's first page, forgotten by the next build's on_config.
_build: dict[str, object] = {}


def on_config(
    config: MkDocsConfig, theme_dir: Path, css: tuple[str, ...], js: tuple[str, ...]
) -> MkDocsConfig:
    """The build's date, and the engine's templates, styles and scripts under the site's own
    (mkdocs-static-i18n runs every language's build with this config: done once)."""
    from parksite.mkdocs.reproducible import source_date_epoch

    _build.clear()
    theme = config.theme
    if str(theme_dir) not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, str(theme_dir))
    config.extra_css[:0] = [sheet for sheet in css if sheet not in config.extra_css]
    scripts = {str(script) for script in config.extra_javascript}
    config.extra_javascript.extend(ExtraScriptValue(s) for s in js if s not in scripts)

    stamp = source_date_epoch(Path(config.config_file_path).parent)
    if stamp:
        os.environ["SOURCE_DATE_EPOCH"] = stamp
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    from parksite.mkdocs.storyindex import add_index_pages

    for file in [f for f in files if NOT_PUBLISHED.fullmatch(f.src_uri)]:
        files.remove(file)
    return add_index_pages(files, config)


def on_page_context(context, page, config, nav):
    """`park_head`, `park_footer` and a story's `park_story_back` for overrides/main.html and
    partials/copyright.html, and the current section's tab lit on pages outside the nav."""
    from parksite.content.pages import page_key, page_language, page_source, relative_url
    from parksite.content.stories import is_story
    from parksite.model.load import load_park
    from parksite.render.figures import back_link_html
    from parksite.render.footer import footer_html
    from parksite.render.head import MANIFEST, PageInfo, head_html, nav_files, share_image

    if not _build:
        _build["data"] = Path(config.config_file_path).parent / "data" / "park.yml"
        _build["nav"] = frozenset(map(page_key, nav_files(config.nav)))
        _build["manifest"] = MANIFEST
    park = load_park(_build["data"])
    lang = page_language(page)
    title = page.meta.get("title") or page.title
    key = page_key(page.file.src_uri)
    in_nav = key in _build["nav"]
    image, alt = share_image(_build["manifest"], lang, key, in_nav=in_nav, source=page_source(page))
    info = PageInfo(
        lang=lang,
        url=page.url,
        title=f"{title} - {config.site_name}",
        description=page.meta.get("description") or config.site_description,
        image=image,
        image_alt=alt,
    )
    context["park_head"] = head_html(park, info, config.site_url, config.site_name)
    context["park_footer"] = footer_html(park, lang, relative_url(page.url, image))
    if is_story(key):
        context["park_story_back"] = back_link_html(lang, page.url)
    if not in_nav:
        _light_section_tab(nav, key.split("/")[0])
    return context


# The navigation page lit as the current section while a page outside the navigation renders.
_lit: list = []


def _light_section_tab(nav, section: str) -> None:
    """A story is not in the navigation (the sidebar must never list every story), so no tab
    would be marked as current: light its section's page, Success stories, until on_post_page."""
    from parksite.content.pages import page_key

    for item in nav.pages:
        if page_key(item.file.src_uri) == section:
            item.active = True
            _lit.append(item)


def on_post_page(output, page, config):
    from parksite.content.pages import page_language
    from parksite.mkdocs.themefix import fix_theme_html

    while _lit:
        _lit.pop().active = False

    return fix_theme_html(output, page_language(page))


def on_template_context(context, template_name, config):
    """The 404 page is a template, not a page: it gets the footer line (ICP number, check date)
    but no share image; its head is in overrides/404.html."""
    from parksite.model.load import load_park
    from parksite.render.footer import footer_html

    if template_name == "404.html":
        park = load_park(Path(config.config_file_path).parent / "data" / "park.yml")
        context["park_footer"] = footer_html(park, "en", None)
    return context


def on_post_template(output, template_name, config):
    """The 404 page gets the theme corrections. It is written once, by the English build: the
    Chinese build would overwrite it at the same address (hosts serve one error page, so
    overrides/404.html speaks both languages), and MkDocs skips a template that renders empty."""
    from parksite.mkdocs.themefix import fix_theme_html

    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and i18n and i18n.current_language != i18n.default_language:
        return ""
    return fix_theme_html(output, "en") if template_name.endswith(".html") else output


def on_post_build(config):
    from parksite.mkdocs.sitemaps import write_crawler_files

    site_dir = Path(config.site_dir)
    if (site_dir / "sitemap.xml").exists() and (site_dir / "zh").is_dir():
        write_crawler_files(site_dir, config.site_url)

"""MkDocs hooks (loaded from mkdocs.yml `hooks:`): give the theme templates the head tags and
footer of each page, correct the theme's markup, and write the crawlers' files.

Only glue lives here; the logic is in parksite (sharing, footer, themefix, sitemaps). The
imports sit inside the functions, so that these paste into one hooks file unchanged.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority


def on_page_context(context, page, config, nav):
    """`park_head` and `park_footer` for overrides/main.html and partials/copyright.html."""
    from parksite.data import load_park
    from parksite.footer import footer_html
    from parksite.pages import page_language
    from parksite.render import relative_url
    from parksite.sharing import SHARE_IMAGE, PageInfo, head_html

    park = load_park()
    lang = page_language(page)
    title = page.meta.get("title") or page.title
    info = PageInfo(
        lang=lang,
        url=page.url,
        title=f"{title} - {config.site_name}",
        description=page.meta.get("description") or config.site_description,
    )
    context["park_head"] = head_html(park, info, config.site_url, config.site_name)
    context["park_footer"] = footer_html(park, lang, relative_url(page.url, SHARE_IMAGE))
    return context


def on_post_page(output, page, config):
    from parksite.pages import page_language
    from parksite.themefix import fix_theme_html

    return fix_theme_html(output, page_language(page))


def on_post_template(output, template_name, config):
    """The 404 page is a template, not a page: it gets the same corrections."""
    from parksite.themefix import fix_theme_html

    return fix_theme_html(output, "en") if template_name.endswith(".html") else output


# After mkdocs-static-i18n (priority -100) has built the other languages and the sitemap.
@event_priority(-200)
def on_post_build(config):
    from parksite.sitemaps import write_crawler_files

    site_dir = Path(config.site_dir)
    if (site_dir / "sitemap.xml").exists() and (site_dir / "zh").is_dir():
        write_crawler_files(site_dir, config.site_url)

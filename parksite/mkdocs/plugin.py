"""The engine as a MkDocs plugin (`plugins: [parksite]` in mkdocs.yml): the glue between
MkDocs' events and the parksite package, and nothing else.

Each event imports what it runs when it runs, after `forget_changed_modules`, so that
`make serve` always runs the package's current code. The plugin keeps no state between
builds: what one build shares lives in its `Build`, made afresh by each build's first
on_config.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config import base, config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

PACKAGE = "parksite"
THEME_DIR = Path(__file__).parent.parent / "theme"
# The engine's looks and behaviour, added to every site's extra_css and extra_javascript.
ENGINE_CSS = ("assets/site.css", "assets/facts.css", "assets/readable.css")
ENGINE_JS = ("assets/facts.js",)


def forget_changed_modules(seen: dict[str, int], package: str = PACKAGE) -> list[str]:
    """Drop every module of the package from sys.modules if any of its files changed.

    `make serve` rebuilds in one long process, where an import happens once: without this a
    change to parksite/ would only show after a restart. All of the package goes, because
    its modules hold each other's functions. Returns the names forgotten.
    """
    loaded = {
        name: module
        for name, module in sys.modules.items()
        if (name == package or name.startswith(package + ".")) and getattr(module, "__file__", None)
    }
    changed = False
    for module in loaded.values():
        path = Path(module.__file__)
        mtime = path.stat().st_mtime_ns if path.exists() else -1
        changed |= seen.setdefault(str(path), mtime) != mtime
    if not changed:
        return []
    seen.clear()
    for name in loaded:
        if name != __name__:
            del sys.modules[name]
    return sorted(loaded)


def nested_language_build(config: MkDocsConfig) -> bool:
    """Whether this is mkdocs-static-i18n's build of a further language, inside the first."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)


def release_previous_build(config: MkDocsConfig) -> None:
    """What an earlier build in this process froze (`make serve` builds again and again) is
    collected, once, when the next starts and before it freezes what it loads."""
    if _paused:  # an earlier build stopped while loading
        _paused.clear()
        gc.enable()
    if gc.get_freeze_count() and not nested_language_build(config):
        gc.unfreeze()
        gc.collect()


# Whether the garbage collector is paused by the build loading (see pause_collection).
_paused: list[bool] = []


def pause_collection() -> None:
    """No collection while a build loads what lives for the whole build (from the first
    on_config, every plugin's, to on_files): whatever it loads survives, so a pass would find
    nothing to free; a pass at N = 1,000 scanned the checks' objects and search's word list."""
    if gc.isenabled():
        gc.disable()
        _paused.append(True)


@contextmanager
def collection_paused() -> Iterator[None]:
    """No collection while a burst of work runs whose results live on and whose temporaries
    hold no cycle (the macros' loop over a language's pages)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def resume_collection() -> None:
    """What the build loaded is frozen (no pass scans it again), and collection goes on."""
    gc.freeze()
    if _paused:
        _paused.clear()
        gc.enable()


# Each parksite file's modification time when a build first saw its module loaded.
_seen: dict[str, int] = {}


class ParkSiteConfig(base.Config):
    """`- parksite:` in mkdocs.yml; every setting is optional."""

    # The Babel locale that formats numbers, dates and lists in a language, where the
    # language's own code is not precise enough: {en: en_GB} writes "a, b and c".
    locales = config_options.Type(dict, default={})


class ParkSitePlugin(BasePlugin[ParkSiteConfig]):
    """Adds the engine's theme files, checks the project and each page's content, and writes
    head tags, footer, story index pages, share images and crawler files."""

    # The build under way: its languages, data and pages (parksite.content.site.Site).
    site = None

    @event_priority(100)  # before mkdocs-macros imports the engine's macros
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        release_previous_build(config)
        # What is loaded now (the modules; after the checks, the data and the pages' text too)
        # lives for the whole build: the garbage collector need not scan it again at each of
        # its full passes, the checks' included.
        gc.freeze()
        pause_collection()  # until on_files
        forget_changed_modules(_seen)
        from parksite.mkdocs import events

        self.site = events.on_config(self.site, config, THEME_DIR, ENGINE_CSS, ENGINE_JS)
        gc.freeze()
        return config

    # After mkdocs-static-i18n (priority -100) has picked the files of the language built.
    @event_priority(-110)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        from parksite.mkdocs import events

        # What the other plugins loaded in their on_config (search's word list, the macros)
        # lives for the whole build too.
        resume_collection()
        return events.on_files(self.site, files, config)

    def on_page_read_source(self, page, config):
        from parksite.mkdocs import events

        return events.on_page_read_source(self.site, page)

    # Before every other plugin reads the page's meta-data.
    @event_priority(110)
    def on_page_markdown(self, markdown, page, config, files):
        from parksite.mkdocs import events

        return events.on_page_markdown(self.site, markdown, page)

    # After every other plugin has changed a page's content: what the allowlist judges is what
    # the theme writes.
    @event_priority(-200)
    def on_page_content(self, html, page, config, files):
        from parksite.mkdocs import events

        return events.on_page_content(self.site, html, page, config, files)

    def on_env(self, env, config, files):
        from parksite.mkdocs import events
        from parksite.mkdocs.templatecache import use_cache

        return use_cache(events.on_env(self.site, env, config, files))

    def on_page_context(self, context, page, config, nav):
        from parksite.mkdocs import events

        return events.on_page_context(self.site, context, page, config, nav)

    def on_post_page(self, output, page, config):
        from parksite.mkdocs import events

        return events.on_post_page(self.site, output, page, config)

    def on_template_context(self, context, template_name, config):
        from parksite.mkdocs import events

        return events.on_template_context(self.site, context, template_name, config)

    def on_post_template(self, output, template_name, config):
        from parksite.mkdocs import events

        return events.on_post_template(self.site, output, template_name, config)

    # After mkdocs-static-i18n (priority -100) has built the other languages and the sitemap.
    @event_priority(-200)
    def on_post_build(self, config):
        from parksite.mkdocs import events

        # What the build froze stays frozen: a process that ends need not scan it (a full
        # pass over everything, 0.1 s on a large site), and `make serve` releases it when
        # it builds again.
        events.on_post_build(self.site, config)

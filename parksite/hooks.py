"""MkDocs hooks (mkdocs.yml `hooks:`): fresh parksite code under `make serve`, the commit's
time as the build's date (so that two builds of one commit are identical), the story
index's further pages, and compiled theme templates kept between builds.

MkDocs loads this file once per process; it imports nothing of parksite at the top, so that
the code it runs after forgetting changed modules is always the current code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

PACKAGE = "parksite"

# Each parksite file's modification time when a build first saw its module loaded.
_seen: dict[str, int] = {}


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
        del sys.modules[name]
    return sorted(loaded)


@event_priority(100)  # before the macros plugin imports macros.py, and through it parksite
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    forget_changed_modules(_seen)
    # Imported here, after forgetting, so that a rebuild runs the code as it is now.
    from parksite.reproducible import source_date_epoch

    stamp = source_date_epoch(Path(config.config_file_path).parent)
    if stamp:
        os.environ["SOURCE_DATE_EPOCH"] = stamp
    return config


# After the i18n plugin (priority -100) has picked the files of the language being built.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    from parksite.storyindex import add_index_pages

    return add_index_pages(files, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    from parksite.templatecache import use_cache

    return use_cache(env)

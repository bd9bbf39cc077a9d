"""The floor's hooks: the same template cache as ours, and the same pause of the garbage
collector while a build loads and freeze of what it loaded before the pages are built
(parksite/mkdocs/plugin.py), so that the comparison measures the
data layer (data, macros, story index, head tags) and nothing else."""

from __future__ import annotations

import gc

from jinja2 import Environment
from mkdocs.plugins import event_priority

from parksite.mkdocs.plugin import pause_collection, release_previous_build, resume_collection
from parksite.mkdocs.templatecache import use_cache


def on_env(env: Environment, config, files) -> Environment:
    return use_cache(env)


@event_priority(100)  # first, as the engine's plugin
def on_config(config):
    release_previous_build(config)
    gc.freeze()
    pause_collection()
    return config


@event_priority(-110)  # last, as the engine's plugin
def on_files(files, config):
    resume_collection()
    return files

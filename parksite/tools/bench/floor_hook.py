"""The floor's hooks: the same template cache as ours, and the same freeze of what is loaded
before the pages are built (parksite/mkdocs/plugin.py), so that the comparison measures the
data layer (data, macros, story index, head tags) and nothing else."""

from __future__ import annotations

import gc

from jinja2 import Environment

from parksite.mkdocs.plugin import release_previous_build
from parksite.mkdocs.templatecache import use_cache


def on_env(env: Environment, config, files) -> Environment:
    return use_cache(env)


def on_config(config):
    release_previous_build(config)
    gc.freeze()
    return config


def on_files(files, config):
    gc.freeze()
    return files

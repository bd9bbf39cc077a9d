"""The floor's one hook: the same template cache as ours, so that the comparison measures
the data layer (data, macros, story index, head tags) and nothing else."""

from __future__ import annotations

from jinja2 import Environment

from parksite.mkdocs.templatecache import use_cache


def on_env(env: Environment, config, files) -> Environment:
    return use_cache(env)

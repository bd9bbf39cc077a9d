"""The floor's one hook: the same template cache as the site's, so that the comparison with
the floor measures the data layer (data, macros, story index) and nothing else."""

from __future__ import annotations

from jinja2 import Environment

from parksite.templatecache import use_cache


def on_env(env: Environment, config, files) -> Environment:
    return use_cache(env)

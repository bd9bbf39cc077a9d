"""The floor's one hook: the engine's theme files and the same template cache as ours, so
that the comparison measures the data layer (data, macros, story index, head tags) and
nothing else."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.config_options import ExtraScriptValue

from parksite.mkdocs.plugin import ENGINE_CSS, ENGINE_JS, THEME_DIR
from parksite.mkdocs.templatecache import use_cache


def on_config(config):
    # What the engine's plugin adds before its data layer runs (mkdocs/events.py).
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    config.extra_css[:0] = list(ENGINE_CSS)
    config.extra_javascript.extend(ExtraScriptValue(script) for script in ENGINE_JS)
    return config


def on_env(env: Environment, config, files) -> Environment:
    return use_cache(env)

"""The floor's one hook: the theme gets the `extra:` values the macros set in our build, and
the same template cache as ours, so that the comparison measures the data layer (data,
macros, story index) and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment

from parksite.templatecache import use_cache


def on_config(config):
    saved = Path(config.config_file_path).with_name("extra.json")
    for key, value in json.loads(saved.read_text(encoding="utf-8")).items():
        config.extra.setdefault(key, value)
    return config


def on_env(env: Environment, config, files) -> Environment:
    return use_cache(env)

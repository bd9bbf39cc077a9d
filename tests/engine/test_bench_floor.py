"""The benchmark's floor: a park's configuration without the engine's plugin, the macros and our
Markdown extension, with the floor's hook instead (parksite/tools/bench/synthetic.py)."""

from __future__ import annotations

import yaml

from parksite.tools.bench.synthetic import FLOOR_HOOK, PRERENDER_HOOK, floor_config, with_hook
from tests.engine.conftest import PARKS


def plugin_names(config: dict) -> list[str]:
    return [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]


def test_the_floor_keeps_the_configuration_but_the_engine() -> None:
    text = (PARKS / "trilingual" / "mkdocs.yml").read_text(encoding="utf-8")
    text += "markdown_extensions:\n  - parksite.checks.markup\n  - toc:\n      permalink: true\n"
    before = yaml.safe_load(text)
    floor = yaml.safe_load(floor_config(text))
    assert plugin_names(before) == ["parksite", "search", "macros", "i18n"]
    assert plugin_names(floor) == ["search", "i18n"]
    assert floor["markdown_extensions"] == [{"toc": {"permalink": True}}]
    assert floor["hooks"] == [str(FLOOR_HOOK)]
    assert floor["plugins"][1] == before["plugins"][3]  # the languages as they were
    assert {
        k: v for k, v in floor.items() if k not in ("plugins", "markdown_extensions", "hooks")
    } == {k: v for k, v in before.items() if k not in ("plugins", "markdown_extensions")}


def test_a_hook_joins_the_hooks_a_site_has() -> None:
    text = "site_name: x\nhooks:\n  - own.py\nstrict: true\n"
    config = yaml.safe_load(with_hook(text, PRERENDER_HOOK))
    assert config["hooks"] == [str(PRERENDER_HOOK), "own.py"]
    assert config["strict"] is True

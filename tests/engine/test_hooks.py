"""The plugin's glue: `make serve` runs fresh code."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest

from parksite.mkdocs.plugin import forget_changed_modules


def test_a_changed_module_is_forgotten_with_its_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "w6pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "part.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert importlib.import_module("w6pkg.part").VALUE == 1
    seen: dict[str, int] = {}
    try:
        assert forget_changed_modules(seen, "w6pkg") == []
        assert forget_changed_modules(seen, "w6pkg") == [], "nothing changed yet"
        (package / "part.py").write_text("VALUE = 2\n")
        stamp = (package / "part.py").stat().st_mtime_ns + 1_000_000_000
        os.utime(package / "part.py", ns=(stamp, stamp))
        assert forget_changed_modules(seen, "w6pkg") == ["w6pkg", "w6pkg.part"]
        assert "w6pkg" not in sys.modules
        assert importlib.import_module("w6pkg.part").VALUE == 2
    finally:
        for name in ("w6pkg.part", "w6pkg"):
            sys.modules.pop(name, None)


def test_what_a_build_froze_is_released_when_the_next_build_starts_not_inside_it() -> None:
    """A build freezes what it loads and leaves it frozen (a process that ends need not scan
    it); `make serve`'s next build releases and collects it, but a further language's build,
    nested inside the first, must not."""
    import gc
    from types import SimpleNamespace

    from parksite.mkdocs.plugin import release_previous_build

    def config(building: bool):
        return SimpleNamespace(plugins={"i18n": SimpleNamespace(building=building)})

    gc.freeze()
    try:
        assert gc.get_freeze_count() > 0
        release_previous_build(config(building=True))
        assert gc.get_freeze_count() > 0
        release_previous_build(config(building=False))
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()


def test_collection_is_paused_while_a_build_loads_and_never_left_paused() -> None:
    """The collector is paused from a build's first on_config to its on_files (what it loads
    lives for the whole build); a build that stops in between leaves it paused only until the
    next build starts; one the collector was already off for is left off."""
    import gc
    from types import SimpleNamespace

    from parksite.mkdocs.plugin import pause_collection, release_previous_build, resume_collection

    config = SimpleNamespace(plugins={"i18n": SimpleNamespace(building=False)})
    assert gc.isenabled()
    try:
        pause_collection()
        assert not gc.isenabled()
        resume_collection()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0, "what the build loaded is frozen"
        pause_collection()  # a build stops here: a mistake in another plugin's settings
        release_previous_build(config)
        assert gc.isenabled(), "the next build starts with the collector on"
        gc.disable()
        pause_collection()
        resume_collection()
        assert not gc.isenabled(), "the collector someone else turned off stays off"
    finally:
        gc.enable()
        gc.unfreeze()

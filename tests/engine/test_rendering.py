"""How a build renders pages: each page's front matter read once, by the checks, and each
language's pages rendered together (parksite/mkdocs/macros.py), with the same result as page
by page. One build of the trilingual fixture park each way, in this process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils import meta

from parksite.mkdocs import events, sandbox
from parksite.mkdocs import macros as engine_macros

from .conftest import park_copy


def _build(project: Path, site_dir: Path) -> None:
    cwd = os.getcwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        os.chdir(cwd)


def _files(site_dir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory):
    """The park built as the engine builds it, recording what MkDocs was handed of each page
    and which pages were rendered ahead; and built again with every page rendered in its turn."""
    monkey = pytest.MonkeyPatch()
    root = tmp_path_factory.mktemp("rendering")
    project = park_copy("trilingual", root / "park")
    monkey.setenv("SOURCE_DATE_EPOCH", "1764000000")
    handed: dict[str, tuple[str, dict]] = {}
    served: list[str] = []
    on_page_markdown, render = events.on_page_markdown, sandbox.ReadyTemplate.render

    def record(site, markdown, page):
        result = on_page_markdown(site, markdown, page)
        handed[page.file.src_uri] = (markdown, dict(page.meta))
        return result

    def serve(self, *args, **kwargs):
        served.append(self.text)
        return render(self, *args, **kwargs)

    try:
        monkey.setattr(events, "on_page_markdown", record)
        monkey.setattr(sandbox.ReadyTemplate, "render", serve)
        _build(project, root / "ahead")
        monkey.undo()
        monkey.setenv("SOURCE_DATE_EPOCH", "1764000000")
        monkey.setattr(engine_macros, "rendered_pages", lambda *args: {})
        monkey.setattr(sandbox.ReadyTemplate, "render", serve)
        ahead_served = len(served)
        _build(project, root / "in-turn")
        assert len(served) == ahead_served, "no page is rendered ahead"
    finally:
        monkey.undo()
    yield project, root / "ahead", root / "in-turn", handed, served
    shutil.rmtree(root, ignore_errors=True)


def test_mkdocs_gets_each_page_as_it_would_read_it_without_reading_the_front_matter_again(
    two_builds,
) -> None:
    project, _, _, handed, _ = two_builds
    pages = sorted(
        p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md")
    )
    assert set(pages) <= set(handed), "every page file was built"
    with_front_matter = 0
    for page in pages:
        text = (project / "docs" / page).read_text(encoding="utf-8")
        markdown, data = meta.get_data(text)
        assert handed[page] == (markdown, data), page
        with_front_matter += bool(data)
    assert with_front_matter >= len(pages) // 2, "the park's pages have front matter"


def test_a_page_whose_front_matter_holds_no_value_is_read_by_mkdocs_as_always() -> None:
    from types import SimpleNamespace

    from parksite.content.site import Site

    text = "---\n# only a comment\n---\n\n# Title\n"
    path = Path("/docs/page.md")
    site = Site.__new__(Site)
    site.pages, site._memo = {path: text}, {}
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(path), src_uri="page.md"))
    assert events.on_page_read_source(site, page) is None
    site.pages, site._memo = {path: "---\ntitle: A page\n---\n\n# Title\n"}, {}
    assert events.on_page_read_source(site, page) == "\n# Title\n"
    assert meta.get_data("\n# Title\n") == ("# Title\n", {})


def test_every_page_file_is_rendered_ahead_and_the_site_is_the_same_as_page_by_page(
    two_builds,
) -> None:
    project, ahead, in_turn, _, served = two_builds
    pages = list((project / "docs").rglob("*.md"))
    assert len(served) == len(pages), "each page file's render came from its language's loop"
    built, again = _files(ahead), _files(in_turn)
    assert built.keys() == again.keys()
    different = [name for name in built if built[name] != again[name]]
    assert different == [], different

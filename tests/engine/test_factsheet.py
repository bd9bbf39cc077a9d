"""The fact sheet: pages link its PDF where the machine can print it and its print view where
it cannot, saying why in one line; a language without a font is caught before a PDF of empty
boxes is published."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from parksite.content.landmarks import fact_sheet_page, sources_page
from parksite.render.factsheet import pdf_name, sheet_link
from tests.engine.conftest import DATA, site_of

BASE = (DATA / "base.yml").read_text(encoding="utf-8")
SHEET = "---\ntitle: Sheet\ntemplate: fact-sheet.html\n---\n\n# Sheet\n"
PAGES = {
    "index.md": "# Home\n",
    "index.zh.md": "# 首页\n",
    "sheet.md": SHEET,
    "sheet.zh.md": SHEET,
    "refs.md": "# Sources\n\n{{ sources_index() }}\n",
    "refs.zh.md": "# 来源\n\n{{ sources_index() }}\n",
}


def weasyprint_or_skip() -> None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"WeasyPrint cannot start under CI: {exc}")
        pytest.skip(f"WeasyPrint cannot start here: {exc}")


def test_the_fact_sheet_and_sources_pages_are_found_by_what_they_are(tmp_path: Path) -> None:
    site = site_of(tmp_path, BASE, PAGES)
    assert fact_sheet_page(site) == "sheet.md"
    assert sources_page(site) == "refs.md"
    assert fact_sheet_page(site_of(tmp_path / "none", BASE, {"index.md": "# Home\n"})) is None


def test_pages_link_the_pdf_or_else_the_print_view(tmp_path: Path) -> None:
    site = site_of(tmp_path, BASE, PAGES)
    zh = site.languages["zh"]
    site._memo["fact sheet problem"] = None
    link = sheet_link(site, zh, "zh/about/")
    assert pdf_name(site, zh) == "sheet-zh.pdf"
    assert (link.href, link.pdf) == ("../sheet/sheet-zh.pdf", True)
    assert link.text == "园区简介（PDF）"
    site._memo["fact sheet problem"] = "no Pango"
    link = sheet_link(site, site.languages["en"], "")
    assert (link.href, link.text, link.pdf) == ("sheet/", "Fact sheet (print view)", False)


def test_this_machine_can_print_both_languages(tmp_path: Path) -> None:
    weasyprint_or_skip()
    from parksite.render.factsheet import pdf_problem

    assert pdf_problem(site_of(tmp_path, BASE, PAGES)) is None


def test_a_language_without_a_font_is_named_with_what_to_install(tmp_path: Path) -> None:
    weasyprint_or_skip()
    latin = next(Path("/usr/share/fonts").rglob("DejaVuSans.ttf"), None)
    if latin is None:
        pytest.skip("no DejaVu Sans to stand for a machine without Chinese fonts")
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{latin.parent}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from parksite.render.factsheet import pdf_problem
        from tests.engine.conftest import site_of
        print(pdf_problem(site_of(Path({str(tmp_path / "p")!r}), {BASE!r}, {PAGES!r})))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=os.environ | {"FONTCONFIG_FILE": str(config)},
        cwd=Path(__file__).parent.parent.parent,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    said = result.stdout.strip()
    assert said == "no font on this machine has the characters of zh (zh)", said


def test_a_machine_without_weasyprint_builds_without_the_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parksite.render.factsheet import fact_sheet_notice, pdf_problem, write_pdfs

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` now fails
    site = site_of(tmp_path, BASE, PAGES)
    assert pdf_problem(site).startswith("WeasyPrint cannot start here")
    assert write_pdfs(site, tmp_path / "site", "http://127.0.0.1:8000/") == []
    assert sheet_link(site, site.languages["en"], "").href == "sheet/"
    notice = fact_sheet_notice(site)
    assert notice.startswith("Notice: no fact sheet PDF: WeasyPrint cannot start here")
    assert "print view (docs/sheet.md)" in notice and "apt-get install" in notice
    assert "\n" not in notice
    assert fact_sheet_notice(site_of(tmp_path / "none", BASE, {"index.md": "# Home\n"})) is None

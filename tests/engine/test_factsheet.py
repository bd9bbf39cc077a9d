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


SHEET_HTML = (
    '<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
    '<link rel="stylesheet" href="../{up}assets/sheet.css"></head>'
    "<body><h1>{title}</h1><p>{text}</p></body></html>"
)


def built_sheets(site_dir: Path) -> None:
    """The two fact sheet pages of a built site, each drawing on one stylesheet."""
    (site_dir / "assets").mkdir(parents=True)
    (site_dir / "assets" / "sheet.css").write_text("h1 { color: #0b4f6c; }", encoding="utf-8")
    for folder, lang, up, title, text in (
        ("sheet", "en", "", "Sheet", "A park in figures."),
        ("zh/sheet", "zh", "../", "概况", "园区数据。"),
    ):
        (site_dir / folder).mkdir(parents=True)
        page = SHEET_HTML.format(lang=lang, up=up, title=title, text=text)
        (site_dir / folder / "index.html").write_text(page, encoding="utf-8")


def test_an_unchanged_sheet_is_taken_from_the_cache_and_a_changed_one_printed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild that changed nothing on the sheet does not start WeasyPrint; one that changed
    its page or a file it draws on prints it again (and a mistake is then told)."""
    weasyprint_or_skip()
    from parksite.content.site import Site
    from parksite.model.errors import DataError
    from parksite.render.factsheet import pdf_problem, write_pdfs

    site_url = "http://127.0.0.1:8000/"
    site_dir = tmp_path / "site"
    built_sheets(site_dir)
    first = site_of(tmp_path / "p", BASE, PAGES)
    written = write_pdfs(first, site_dir, site_url)
    printed = {pdf.relative_to(site_dir).as_posix(): pdf.read_bytes() for pdf in written}
    assert sorted(printed) == ["sheet/sheet-en.pdf", "zh/sheet/sheet-zh.pdf"]
    assert all(data.startswith(b"%PDF") for data in printed.values())
    for pdf in written:
        pdf.unlink()

    # The next build of the same project, on a machine that could no longer print.
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    again = Site.load(first.project)
    assert pdf_problem(again) is None  # this machine printed these words before
    kept = write_pdfs(again, site_dir, site_url)
    assert {pdf.relative_to(site_dir).as_posix(): pdf.read_bytes() for pdf in kept} == printed

    # A file the sheet draws on changed: the sheet is printed again, not taken from the cache.
    (site_dir / "assets" / "sheet.css").write_text("h1 { color: #a3122a; }", encoding="utf-8")
    with pytest.raises(DataError) as refused:
        write_pdfs(Site.load(first.project), site_dir, site_url)
    assert "WeasyPrint cannot start here" in refused.value.report()
    assert len(refused.value.problems) == 2  # both languages' sheets were to be printed

    # Without the cache's word for it, the machine is probed afresh.
    for mark in (first.project.root / ".cache" / "fact-sheets").glob("*.ok"):
        mark.unlink()
    assert pdf_problem(Site.load(first.project)).startswith("WeasyPrint cannot start here")

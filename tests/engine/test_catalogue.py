"""The macro catalogue in MAINTAINING.md: written from macros.py, and never out of date."""

from __future__ import annotations

from pathlib import Path

from parksite.tools.catalogue import (
    END,
    GUIDE,
    MACROS_FILE,
    START,
    macro_docs,
    problems,
    table,
    with_catalogue,
    write_catalogue,
)

SAMPLE = '''
def define_env(env):
    @env.macro
    def shown(fact_id: str) -> str:
        """A figure, with a | bar: {{ shown("a.b") }} or {{ shown("c.d") }}"""

    @env.macro
    def bare() -> str:
        """Says nothing about its use."""

    def helper() -> str:
        """Not a macro: {{ helper() }}"""
'''


def test_the_catalogue_in_the_guide_is_current() -> None:
    docs = macro_docs(MACROS_FILE.read_text(encoding="utf-8"))
    text = GUIDE.read_text(encoding="utf-8")
    assert with_catalogue(text, docs) == text, (
        "MAINTAINING.md's macro catalogue is out of date: run `.venv/bin/python -m parksite.tools.catalogue`"
    )


def test_every_macro_has_a_line_for_editors() -> None:
    docs = macro_docs(MACROS_FILE.read_text(encoding="utf-8"))
    assert len(docs) >= 9
    assert problems(docs) == []


def test_a_macro_line_becomes_a_row_and_a_missing_usage_is_named() -> None:
    docs = macro_docs(SAMPLE)
    assert [doc.name for doc in docs] == ["shown", "bare"]
    assert docs[0].examples == ('{{ shown("a.b") }}', '{{ shown("c.d") }}')
    rows = table(docs).splitlines()
    assert (
        rows[2]
        == r'| `shown` | A figure, with a \| bar | `{{ shown("a.b") }}` or `{{ shown("c.d") }}` |'
    )
    assert problems(docs) == [
        "macros.py: bare() needs a usage on its first docstring line: {{ bare(...) }}"
    ]


def test_python_m_parksite_catalogue_rewrites_only_the_table(tmp_path: Path) -> None:
    macros, target = tmp_path / "macros.py", tmp_path / "MAINTAINING.md"
    macros.write_text(SAMPLE.replace("Says nothing about its use.", "Bare: {{ bare() }}"))
    target.write_text(f"# Guide\n\n{START}\n| stale |\n{END}\n\nAfter.\n", encoding="utf-8")
    assert write_catalogue(macros, target) == []
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# Guide\n\n{START}\n| macro |") and text.endswith(f"{END}\n\nAfter.\n")
    assert "| `bare` | Bare | `{{ bare() }}` |" in text and "stale" not in text


def test_nothing_is_written_while_a_macro_lacks_its_line(tmp_path: Path) -> None:
    macros, target = tmp_path / "macros.py", tmp_path / "MAINTAINING.md"
    macros.write_text(SAMPLE)
    before = f"{START}\n| stale |\n{END}\n"
    target.write_text(before, encoding="utf-8")
    assert write_catalogue(macros, target)
    assert target.read_text(encoding="utf-8") == before


def test_missing_markers_are_named_not_a_traceback(tmp_path: Path) -> None:
    macros, target = tmp_path / "macros.py", tmp_path / "MAINTAINING.md"
    macros.write_text(MACROS_FILE.read_text(encoding="utf-8"))
    target.write_text(f"# Guide\n{END}\n{START}\n", encoding="utf-8")
    assert write_catalogue(macros, target) == [
        f"MAINTAINING.md needs the two lines, in this order:\n{START}\n{END}"
    ]


def test_the_check_knows_every_macro_a_page_can_call() -> None:
    """`make check` and the build refuse a call to any other name: their list is read from
    macros.py, the same functions define_env registers."""
    from parksite.mkdocs.macros import engine_macros

    names = {doc.name for doc in macro_docs(MACROS_FILE.read_text(encoding="utf-8"))}
    assert names == engine_macros() and "fact" in names

"""Figures typed by hand, and pages whose languages show different facts: caught with page,
line and the macro to write, by `make check` and by the MkDocs build alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from parksite.checks.prose import prose_problems, typed_figures
from parksite.content.citations import parity_problems
from parksite.content.pages import read_pages
from parksite.model.load import parse_park
from tests.engine.conftest import DATA, EN, TODAY, site_of

FIGURES = (DATA / "figures.yml").read_text(encoding="utf-8")
PARK = parse_park(FIGURES, "data/park.yml", ("en", "zh"), today=TODAY)


@pytest.mark.parametrize(
    ("line", "written", "fact_id"),
    [
        ("It holds 713 patents.", "713", "patents.national"),
        ("It employs 4,500 people.", "4,500", "employment.total"),
        ("It employs 4500 people.", "4500", "employment.total"),
        ("带动就业4500余人。", "4500余", "employment.total"),
        ("带动就业4，500人。", "4，500", "employment.total"),
        ("带动就业４５００人。", "４５００", "employment.total"),
        ("营业收入15．6亿元。", "15．6亿", "revenue.2021"),
        ("Revenue was 1.56 billion yuan.", "1.56 billion", "revenue.2021"),
        ("营业收入15.6亿元。", "15.6亿", "revenue.2021"),
        ("累计营业收入60亿元。", "60亿", "revenue.total"),
        ("累计营业收入60余亿元。", "60余亿", "revenue.total"),
        ("Revenue of 6 billion yuan.", "6 billion", "revenue.total"),
        ("计划投资2000万元。", "2000万", "plans.research_investment"),
        ("A laboratory of 2000 m².", "2000", "platform.lab_area"),
        ("实验室面积2000平方米。", "2000", "platform.lab_area"),
        ("## 2. Ten: 10 laboratories", "10", "platform.labs"),
        ("At 6.361 yuan per dollar.", "6.361", "exchange_rate.yuan_per_usd"),
    ],
)
def test_a_typed_figure_is_found_in_any_written_form(line: str, written: str, fact_id: str) -> None:
    found = list(typed_figures(line, PARK))
    assert len(found) == 1, found
    assert found[0][2] == written
    assert fact_id in found[0][3]


@pytest.mark.parametrize(
    "line",
    [
        "The park opened in 2015 and the report is from 2022.",
        "园区自2015年开始运营。",
        "Reported on 30 January 2022, and on January 30; 2022-01-30.",
        "据2022年1月30日报道，1月30日发布。",
        "1. The first step",
        "## 10. A heading's ordinal",
        "The 10th time, 第10届.",
        "Inline `713` code and a [link](stories/713.md).",
        '<span data-x="713">HTML attributes</span> and {{ fact("patents.national") }}.',
        "A page number, 713, the editor vouches for. <!-- figure-ok: page 713 of the report -->",
        "No figures here at all, nor 12 or 999.",
    ],
)
def test_years_dates_ordinals_code_and_exempt_lines_pass(line: str) -> None:
    assert list(typed_figures(line, PARK)) == []


def test_code_blocks_and_front_matter_keys_that_are_not_prose_pass() -> None:
    text = "---\ntitle: Plain\nfigure: patents.national\norder: 6\n---\n\n```\n713\n```\n"
    assert list(typed_figures(text, PARK)) == []
    assert [f[0] for f in typed_figures("---\ndescription: 713 patents\n---\n", PARK)] == [2]


def _docs(tmp_path: Path, pages: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def test_the_problem_names_page_line_and_macro(tmp_path: Path) -> None:
    docs = _docs(tmp_path, {"a.md": "# A\n\nIt holds 713 patents.\n", "a.zh.md": "# A\n"})
    [problem] = prose_problems(PARK, read_pages(docs), EN)
    assert problem.file.endswith("docs/a.md")
    assert problem.line == 3
    assert '{{ fact("patents.national") }}' in problem.hint
    assert "figure-ok" in problem.hint
    [money] = prose_problems(PARK, read_pages(_docs(tmp_path / "m", {"m.md": "60亿元\n"})), EN)
    assert '{{ money("revenue.total") }}' in money.hint


def test_a_fact_shown_in_one_language_only_names_both_files(tmp_path: Path) -> None:
    pages = {
        "a.md": '{{ fact("patents.national") }} and {{ fact("talents.introduced") }}\n',
        "a.zh.md": '{{ fact("patents.national") }}\n',
    }
    [problem] = parity_problems(site_of(tmp_path, FIGURES, pages))
    assert problem.file.endswith("docs/a.md") and problem.line == 1
    assert "talents.introduced" in problem.message and "docs/a.zh.md" in problem.message


def test_an_unknown_id_is_not_also_a_difference_between_languages(tmp_path: Path) -> None:
    pages = {
        "a.md": '{{ fact("patents.natonal") }}\n',
        "a.zh.md": '{{ fact("patents.national") }}\n',
    }
    assert list(parity_problems(site_of(tmp_path, FIGURES, pages))) == []

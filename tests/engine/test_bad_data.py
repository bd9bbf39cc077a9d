"""The corpus of editors' mistakes: each breaks tests/bad_data/base.yml in one place and
must produce exactly the message shown (file, line, column, field, what is wrong, how to fix).

The messages here are what staff read; CONTRIBUTING.md quotes some of them.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parksite.checks.project import front_matter_problems, page_problems
from parksite.content.pages import read_pages
from parksite.model.errors import DataError
from parksite.model.load import load_park, parse_park
from parksite.project import ROOT

BASE = Path(__file__).parent / "bad_data" / "base.yml"
TODAY = dt.date(2026, 11, 29)
# The languages base.yml is written in, as a site's mkdocs.yml would list them.
LANGUAGES = ("en", "zh")
# The two lines that close the patents.national fact in base.yml, changed by several cases.
P = "    unit: patents\n    as_of: 2022-01-30\n    source: daily-2022\n"


def case(name: str, old: str | None, new: str, *expected: str) -> object:
    """Replace `old` by `new` in base.yml (old None: the whole file is `new`)."""
    return pytest.param(old, new, list(expected), id=name)


def problems(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_park(text, "data/park.yml", LANGUAGES, today=TODAY)
    return [str(p) for p in caught.value.problems]


def mutated(old: str | None, new: str) -> str:
    base = BASE.read_text(encoding="utf-8")
    if old is None:
        return new
    assert old in base, f"the case no longer matches base.yml: {old!r}"
    return base.replace(old, new, 1)


CASES = [
    case(
        "unclosed quote",
        "label: {en: Name, zh: 名称}",
        'label: {en: "Name, zh: 名称}',
        "data/park.yml line 43, column 17: a quote opened here is never closed.\n    How to fix: end the text with the same quote mark it starts with (\" or ').",
    ),
    case(
        "bad indent",
        "    unit: patents",
        "   unit: patents",
        "data/park.yml line 38, column 4: this line is indented differently from the lines of its block.\n    How to fix: indent it with as many spaces as the keys above it in the same block.",
    ),
    case(
        "no space after colon",
        "    value: 713",
        "    value:713",
        "data/park.yml line 37, column 5: a key here has no `: ` after it.\n    How to fix: write `key: value`, with a space after the colon.",
    ),
    case(
        "tab",
        "    unit: patents",
        "\tunit: patents",
        "data/park.yml line 38, column 1: this line contains a tab character; YAML allows only spaces for indentation.\n    How to fix: replace the tab with spaces (two spaces per level).",
    ),
    case(
        "dup top",
        "schema_version: 2\n",
        "schema_version: 2\nschema_version: 2\n",
        "data/park.yml line 3, column 1: schema_version: `schema_version` is written twice in the same block (first on line 2).\n    How to fix: keep one of them and delete the other; YAML would silently use only the last.",
    ),
    case(
        "dup nested",
        "    value: 713\n",
        "    value: 713\n    value: 714\n",
        "data/park.yml line 38, column 5: facts[patents.national].value: `value` is written twice in the same block (first on line 37).\n    How to fix: keep one of them and delete the other; YAML would silently use only the last.",
    ),
    case(
        "dup deep",
        "{en: National patents, zh: 国家专利}",
        "{en: National patents, en: Patents, zh: 国家专利}",
        "data/park.yml line 36, column 35: facts[patents.national].label.en: `en` is written twice in the same block (first on line 36).\n    How to fix: keep one of them and delete the other; YAML would silently use only the last.",
    ),
    case(
        "dup fact id",
        "  patents.national:",
        "  revenue.total:",
        "data/park.yml line 34, column 3: facts[revenue.total]: `revenue.total` is written twice in the same block (first on line 18).\n    How to fix: keep one of them and delete the other; YAML would silently use only the last.",
    ),
    case(
        "vlaue",
        "    value: 713",
        "    vlaue: 713",
        "data/park.yml line 37, column 5: facts[patents.national].vlaue: `vlaue` is not a known key here.\n    How to fix: did you mean `value`?",
    ),
    case(
        "topcis",
        "topics:",
        "topcis:",
        "data/park.yml line 2, column 1: topics: `topics` is missing.\n    How to fix: add a line `topics: ...` (see the facts around it).",
        "data/park.yml line 15, column 1: topcis: `topcis` is not a known key here.\n    How to fix: did you mean `topics`?",
    ),
    case(
        "missing source",
        P,
        "    unit: patents\n    as_of: 2022-01-30\n",
        "data/park.yml line 34, column 3: facts[patents.national].source: `source` is missing.\n    How to fix: add a line `source: ...` (see the facts around it).",
    ),
    case(
        "missing zh",
        "{en: National patents, zh: 国家专利}",
        "{en: National patents}",
        "data/park.yml line 36, column 12: facts[patents.national].label: the text in `zh:` is missing.\n    How to fix: every label and text is written in each of the site's languages: {en: National patents, zh: ...}.",
    ),
    case(
        "missing en",
        "{en: National patents, zh: 国家专利}",
        "{zh: 国家专利}",
        "data/park.yml line 36, column 12: facts[patents.national].label: the text in `en:` is missing.\n    How to fix: every label and text is written in each of the site's languages: {en: ..., zh: 国家专利}.",
    ),
    case(
        "empty zh",
        "{en: National patents, zh: 国家专利}",
        '{en: National patents, zh: ""}',
        "data/park.yml line 36, column 39: facts[patents.national].label.zh: this text is empty.\n    How to fix: write the text, or delete the line if it is optional.",
    ),
    case(
        "number quoted",
        "    value: 713",
        '    value: "713"',
        "data/park.yml line 37, column 12: facts[patents.national].value: expected a number, found the text '713'.\n    How to fix: write 713, without quotes or commas.",
    ),
    case(
        "6 billion",
        "    value: 6000000000",
        "    value: 6 billion",
        "data/park.yml line 21, column 12: facts[revenue.total].value: expected a number, found the text '6 billion'.\n    How to fix: write digits only, no words or commas: 6000000000, not '6 billion' or '60亿'; the unit goes in `unit:` (e.g. unit: yuan).",
    ),
    case(
        "60亿",
        "    value: 6000000000",
        "    value: 60亿",
        "data/park.yml line 21, column 12: facts[revenue.total].value: expected a number, found the text '60亿'.\n    How to fix: write digits only, no words or commas: 6000000000, not '6 billion' or '60亿'; the unit goes in `unit:` (e.g. unit: yuan).",
    ),
    case(
        "comma",
        "    value: 6000000000",
        "    value: 6,000,000,000",
        "data/park.yml line 21, column 12: facts[revenue.total].value: expected a number, found the text '6,000,000,000'.\n    How to fix: write 6000000000, without quotes or commas.",
    ),
    case(
        "text as number",
        "text: {en: The park, zh: 园区}",
        "text: {en: 2021, zh: 园区}",
        'data/park.yml line 44, column 16: facts[park.name].text.en: expected some text, found the number 2021.\n    How to fix: write the text, in quotes if it looks like a number: "2021".',
    ),
    case(
        "no",
        "    language: en",
        "    language: no",
        "data/park.yml line 9, column 15: sources[daily-2022].language: `no` is ambiguous: YAML reads it as a yes/no switch, not as the word 'no'.\n    How to fix: write true or false for a switch, or put the word in quotes: \"no\".",
    ),
    case(
        "off",
        "text: {en: The park, zh: 园区}",
        "text: {en: off, zh: 园区}",
        "data/park.yml line 44, column 16: facts[park.name].text.en: `off` is ambiguous: YAML reads it as a yes/no switch, not as the word 'off'.\n    How to fix: write true or false for a switch, or put the word in quotes: \"off\".",
    ),
    case(
        "yes placeholder",
        "    placeholder: true",
        "    placeholder: yes",
        "data/park.yml line 57, column 18: placeholders[contact.email].placeholder: `yes` is ambiguous: YAML reads it as a yes/no switch, not as the word 'yes'.\n    How to fix: write true or false for a switch, or put the word in quotes: \"yes\".",
    ),
    case(
        "octal value",
        "    value: 713",
        "    value: 0713",
        'data/park.yml line 37, column 12: facts[patents.national].value: `0713` starts with 0, so YAML reads it as an octal number, not 713.\n    How to fix: write it without the leading zero (713), or in quotes ("0713") if it is a code rather than a number.',
    ),
    case(
        "010 label",
        "label: {en: Name, zh: 名称}",
        "label: {en: 010, zh: 名称}",
        'data/park.yml line 43, column 17: facts[park.name].label.en: `010` starts with 0, so YAML reads it as an octal number, not 10.\n    How to fix: write it without the leading zero (10), or in quotes ("010") if it is a code rather than a number.',
    ),
    case(
        "12:30",
        "text: {en: The park, zh: 园区}",
        "text: {en: 12:30, zh: 园区}",
        "data/park.yml line 44, column 16: facts[park.name].text.en: `12:30` is ambiguous: YAML reads it as a base-60 number, not as the text '12:30'.\n    How to fix: put it in quotes: \"12:30\".",
    ),
    case(
        "bad date",
        P,
        "    unit: patents\n    as_of: 2022-02-30\n    source: daily-2022\n",
        "data/park.yml line 39, column 12: facts[patents.national].as_of: `2022-02-30` is not a real calendar date.\n    How to fix: write a date as YYYY-MM-DD, e.g. 2022-01-30.",
    ),
    case(
        "date words",
        P,
        "    unit: patents\n    as_of: 30 January 2022\n    source: daily-2022\n",
        "data/park.yml line 39, column 12: facts[patents.national].as_of: expected a date, found the text '30 January 2022'.\n    How to fix: write it as YYYY-MM-DD, e.g. 2022-01-30.",
    ),
    case(
        "date number",
        P,
        "    unit: patents\n    as_of: 2022\n    source: daily-2022\n",
        "data/park.yml line 39, column 12: facts[patents.national].as_of: expected a date, found the number 2022.\n    How to fix: write it as YYYY-MM-DD, e.g. 2022-01-30.",
    ),
    case(
        "future as_of",
        P,
        "    unit: patents\n    as_of: 2027-01-30\n    source: daily-2022\n",
        "data/park.yml line 39, column 12: facts[patents.national].as_of: 2027-01-30 lies in the future.\n    How to fix: as_of is the day the figure was true, usually its source's date.",
    ),
    case(
        "future last_checked",
        "last_checked: 2026-11-01",
        "last_checked: 2027-11-01",
        "data/park.yml line 3, column 15: last_checked: 2027-11-01 lies in the future.\n    How to fix: write the day the facts were last checked, today at the latest.",
    ),
    case(
        "unknown source",
        P,
        "    unit: patents\n    as_of: 2022-01-30\n    source: daily-2023\n",
        "data/park.yml line 40, column 13: facts[patents.national].source: source `daily-2023` is not listed under `sources:`.\n    How to fix: did you mean `daily-2022`?",
    ),
    case(
        "bad source id",
        P,
        "    unit: patents\n    as_of: 2022-01-30\n    source: Daily 2022\n",
        "data/park.yml line 40, column 13: facts[patents.national].source: the text 'Daily 2022' is not a valid id.\n    How to fix: use lower-case letters, digits and _ in parts joined by dots, e.g. patents.national (source ids: lower-case letters, digits and -).",
    ),
    case(
        "usd key",
        "    period: {from: 2015}\n",
        "    period: {from: 2015}\n    usd: 943000000\n",
        "data/park.yml line 24, column 5: facts[revenue.total].usd: `usd` is not allowed: amounts in USD are computed, never typed.\n    How to fix: state the amount in its own currency; the site shows it in USD too.",
    ),
    case(
        "value_usd key",
        "    period: {from: 2015}\n",
        "    period: {from: 2015}\n    value_usd: 943000000\n",
        "data/park.yml line 24, column 5: facts[revenue.total].value_usd: `value_usd` is not allowed: amounts in USD are computed, never typed.\n    How to fix: state the amount in its own currency; the site shows it in USD too.",
    ),
    case(
        "usd unit",
        "  patents: {kind: count",
        "  usd: {kind: money, currency: USD, en: US dollars, zh: 美元}\n  patents: {kind: count",
        "data/park.yml line 14, column 32: units.usd.currency: amounts in USD are computed by the site, never typed.\n    How to fix: state each amount in its own currency; the site shows it in USD too, at the rate of exchange_rate.yuan_per_usd.",
    ),
    case(
        "dollar value",
        "    value: 6000000000",
        "    value: $943 million",
        "data/park.yml line 21, column 12: facts[revenue.total].value: expected a number, found the text '$943 million'.\n    How to fix: amounts in USD are computed, never typed: write the amount in its own currency (see `units:`); the site shows it converted.",
    ),
    case(
        "year > total",
        "    value: 1560000000",
        "    value: 7000000000",
        "data/park.yml line 29, column 12: facts[revenue.2021].value: 7000000000 for 2021 is more than the total since 2015 (revenue.total: 6000000000).\n    How to fix: check both figures and their units: a single year cannot exceed the total.",
    ),
    case(
        "negative",
        "    value: 713",
        "    value: -713",
        "data/park.yml line 37, column 12: facts[patents.national].value: -713 is negative.\n    How to fix: facts are counts and amounts: write the figure without a minus sign.",
    ),
    case(
        "fraction",
        "    value: 713",
        "    value: 713.5",
        "data/park.yml line 37, column 12: facts[patents.national].value: 713.5 is not a whole number, but patents are counted in whole numbers.\n    How to fix: write it without a decimal point, e.g. 1560000000 for 1.56 billion yuan.",
    ),
    case(
        "no unit",
        "    unit: patents\n",
        "",
        "data/park.yml line 35, column 5: facts[patents.national]: this number has no `unit:`.\n    How to fix: add a line `unit: ...` with one of the keys under `units:`, e.g. unit: yuan.",
    ),
    case(
        "unknown unit",
        "    unit: patents",
        "    unit: patent",
        "data/park.yml line 38, column 11: facts[patents.national].unit: unit `patent` is not listed under `units:`.\n    How to fix: did you mean `patents`?",
    ),
    case(
        "unknown topic",
        "    topic: growth\n    label: {en: National",
        "    topic: grwoth\n    label: {en: National",
        "data/park.yml line 35, column 12: facts[patents.national].topic: topic `grwoth` is not listed under `topics:`.\n    How to fix: did you mean `growth`?",
    ),
    case(
        "value and text",
        "    value: 713\n",
        "    value: 713\n    text: {en: many, zh: 很多}\n",
        "data/park.yml line 35, column 5: facts[patents.national]: a fact has exactly one of `value:` (a number), `text:` or `items:`; this one has value and text.\n    How to fix: keep the one that fits and delete the others; a second figure is a second fact with its own id.",
    ),
    case(
        "qualifier",
        "    value: 713\n",
        "    value: 713\n    qualifier: approx\n",
        "data/park.yml line 38, column 16: facts[patents.national].qualifier: the text 'approx' is not allowed here.\n    How to fix: use one of: 'more_than', 'over', 'record', 'planned' or 'about'.",
    ),
    case(
        "url",
        "url: http://example.com/report",
        "url: example.com/report",
        "data/park.yml line 10, column 10: sources[daily-2022].url: expected a web address, found the text 'example.com/report'.\n    How to fix: start it with http:// or https://.",
    ),
    case(
        "rate",
        "    value: 6.361",
        "    value: 0",
        "data/park.yml line 50, column 12: facts[exchange_rate.yuan_per_usd].value: 0 is not an exchange rate.\n    How to fix: write how many CNY one USD buys, e.g. 6.361.",
    ),
    case(
        "period both",
        "period: {year: 2021}",
        "period: {year: 2021, from: 2015}",
        "data/park.yml line 31, column 13: facts[revenue.2021].period: a period is either one year or a span from a year.\n    How to fix: write {year: 2021} or {from: 2015} (or {from: 2022, to: 2024}), not both.",
    ),
    case(
        "schema version",
        "schema_version: 2",
        "schema_version: 1",
        "data/park.yml line 2, column 17: schema_version: the number 1 is not allowed here.\n    How to fix: use one of: 2.",
    ),
    case(
        "review_by before",
        P,
        "    unit: patents\n    as_of: 2022-01-30\n    review_by: 2021-01-30\n    source: daily-2022\n",
        "data/park.yml line 40, column 16: facts[patents.national].review_by: 2021-01-30 is before the figure's own date (2022-01-30).\n    How to fix: review_by is the day to check the figure again: a day after as_of.",
    ),
    case(
        "list",
        None,
        "- a\n- b\n",
        "data/park.yml line 1, column 1: the file must be a set of `key: value` lines, not a list or a single value.\n    How to fix: restore it from git (git checkout -- data/park.yml) and make your change again.",
    ),
    case(
        "empty",
        None,
        "",
        "data/park.yml line 1, column 1: the file is empty.\n    How to fix: restore it from git: git checkout -- data/park.yml",
    ),
    case(
        "comments",
        None,
        "# nothing\n\n# here\n",
        "data/park.yml line 1, column 1: the file is empty.\n    How to fix: restore it from git: git checkout -- data/park.yml",
    ),
    case(
        "dollar amount in a text",
        "text: {en: The park, zh: 园区}",
        'text: {en: "about US$943 million", zh: 约9.43亿美元}',
        "data/park.yml line 44, column 16: facts[park.name].text.en: 'US$943 million' is an amount typed by hand into this text.\n    How to fix: state the amount in its own currency as a number fact; the site computes the converted amount from the one rate ({{ money(...) }} in a page).",
        "data/park.yml line 44, column 44: facts[park.name].text.zh: '9.43亿美元' is an amount typed by hand into this text.\n    How to fix: state the amount in its own currency as a number fact; the site computes the converted amount from the one rate ({{ money(...) }} in a page).",
    ),
    case(
        "dollar amount in a label",
        "label: {en: National patents, zh: 国家专利}",
        "label: {en: National patents worth 5 million dollars, zh: 国家专利}",
        "data/park.yml line 36, column 17: facts[patents.national].label.en: '5 million dollars' is an amount typed by hand into this text.\n    How to fix: state the amount in its own currency as a number fact; the site computes the converted amount from the one rate ({{ money(...) }} in a page).",
    ),
]


def test_the_base_file_is_valid() -> None:
    park = parse_park(BASE.read_text(encoding="utf-8"), "data/park.yml", LANGUAGES, today=TODAY)
    assert "patents.national" in park.facts


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_each_mistake_gets_its_message(old: str | None, new: str, expected: list[str]) -> None:
    assert problems(mutated(old, new)) == expected


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30


def test_every_mistake_of_the_file_is_reported_at_once() -> None:
    text = mutated("    value: 713", "    vlaue: 713")
    text = text.replace("    language: en", "    language: no")
    text = text.replace("schema_version: 2\n", "schema_version: 2\nschema_version: 2\n")
    text = text.replace("text: {en: The park,", 'text: {en: "",')
    assert problems(text) == [
        "data/park.yml line 3, column 1: schema_version: `schema_version` is written twice in the same block (first on line 2).\n    How to fix: keep one of them and delete the other; YAML would silently use only the last.",
        "data/park.yml line 10, column 15: sources[daily-2022].language: `no` is ambiguous: YAML reads it as a yes/no switch, not as the word 'no'.\n    How to fix: write true or false for a switch, or put the word in quotes: \"no\".",
        "data/park.yml line 38, column 5: facts[patents.national].vlaue: `vlaue` is not a known key here.\n    How to fix: did you mean `value`?",
        "data/park.yml line 45, column 16: facts[park.name].text.en: this text is empty.\n    How to fix: write the text, or delete the line if it is optional.",
    ]


PAGE_CASES = [
    pytest.param(
        'Intro.\n\nWe hold {{ fact("patents.natonal") }} patents.\n',
        "docs/about.md line 3: fact: unknown id 'patents.natonal'.\n    How to fix: did you mean patents.national?",
        id="unknown fact id",
    ),
    pytest.param(
        '{{ cards("patents.national", "revenue.totl") }}\n',
        "docs/about.md line 1: cards: unknown id 'revenue.totl'.\n    How to fix: did you mean revenue.total?",
        id="unknown id among cards",
    ),
    pytest.param(
        "---\ntitle: A story\nfigure: patent.national\n---\n\nText.\n",
        "docs/about.md line 3: figure: unknown id 'patent.national'.\n    How to fix: did you mean patents.national?",
        id="unknown story figure",
    ),
    pytest.param(
        'Intro.\n\nMail: {{ placeholder("contact.mail") }}\n',
        "docs/about.md line 3: placeholder: unknown id 'contact.mail'.\n    How to fix: did you mean contact.email?",
        id="unknown placeholder",
    ),
    pytest.param(
        '---\ntitle: "About us\nsummary: Who we are\n---\n\nText.\n',
        "docs/about.md line 2, column 8: front matter: a quote opened here is never closed.\n"
        "    How to fix: end the text with the same quote mark it starts with (\" or ').",
        id="broken front matter",
    ),
]


@pytest.mark.parametrize(("page", "expected"), PAGE_CASES)
def test_a_page_citing_an_unknown_id_is_named(tmp_path: Path, page: str, expected: str) -> None:
    park = parse_park(BASE.read_text(encoding="utf-8"), "data/park.yml", LANGUAGES, today=TODAY)
    (tmp_path / "about.md").write_text(page, encoding="utf-8")
    pages = read_pages(tmp_path)
    found = [str(p) for p in [*front_matter_problems(pages), *page_problems(park, pages)]]
    assert [f.replace(str(tmp_path), "docs") for f in found] == [expected]


def test_make_check_prints_every_message_and_no_traceback(tmp_path: Path) -> None:
    """What staff see: `python -m parksite check` on a broken copy of the project."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "data").mkdir()
    (project / "data" / "park.yml").write_text(
        mutated("    value: 6000000000", "    value: 6 billion"), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "parksite", "check"],
        capture_output=True,
        text=True,
        env=os.environ | {"PARKSITE_ROOT": str(project)},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.startswith(
        "1 problem to fix before the site can be built:\n"
        "  - data/park.yml line 21, column 12: facts[revenue.total].value: expected a number, "
        "found the text '6 billion'.\n    How to fix: write digits only"
    )


def test_the_examples_in_contributing_are_real_messages() -> None:
    """CONTRIBUTING.md quotes messages; each must be one the corpus pins."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = text.split("#### Examples, and what the common ones mean", 1)[1].split("```\n", 2)[1]
    lines = block.splitlines()
    quoted = ["\n".join(lines[i : i + 2]) for i in range(0, len(lines), 2)]
    pinned = {m for param in CASES for m in param.values[2]}
    pinned |= {p.values[1] for p in PAGE_CASES}
    assert len(quoted) >= 4
    for message in quoted:
        assert message in pinned, message


def test_a_file_saved_as_gbk_is_named_with_its_line(tmp_path: Path) -> None:
    text = BASE.read_text(encoding="utf-8").replace("# A small", "# 一个 small")
    (tmp_path / "park.yml").write_bytes(text.encode("gbk"))
    with pytest.raises(DataError) as caught:
        load_park(tmp_path / "park.yml", LANGUAGES)
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path}/park.yml line 1: the file is not saved as UTF-8 (perhaps as GBK), so its "
        "Chinese cannot be read.\n    How to fix: save it again with the encoding UTF-8 (in VS "
        "Code: the encoding in the status bar, then Save with Encoding, UTF-8)."
    ]


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"park\.yml: the file is missing"):
        load_park(tmp_path / "park.yml", LANGUAGES)

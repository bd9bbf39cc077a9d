"""The corpus of editors' mistakes: each breaks tests/bad_data/base.yml in one place and
must produce exactly the message shown (file, line, column, field, what is wrong, how to fix).

The messages here are what staff read; CONTRIBUTING.md quotes one of them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parksite.checks.project import check, front_matter_problems, page_problems, template_problems
from parksite.content.pages import read_pages
from parksite.mkdocs.macros import engine_macros
from parksite.model.errors import DataError
from parksite.model.load import load_park, parse_park
from parksite.project import ROOT, Project
from tests.conftest import copy_project

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
        "data/park.yml line 38, column 4: the indentation is wrong: this line has 3 spaces before `unit`, where its block has 4, so YAML cannot tell where it belongs.\n    How to fix: put exactly 4 spaces before `unit` (as on line 37); the number of spaces decides which block a line is in.",
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
    # How staff slip: indentation, brackets and quotes, full-width characters, copied spaces.
    case(
        "fact id at the left edge",
        "  patents.national:",
        "patents.national:",
        "data/park.yml line 34, column 1: the indentation is wrong: this line has 0 spaces before `patents.national`, where its block has 2, so YAML cannot tell where it belongs.\n    How to fix: put exactly 2 spaces before `patents.national` (as on line 41); the number of spaces decides which block a line is in.",
    ),
    case(
        "last fact id at the left edge",
        "  exchange_rate.yuan_per_usd:",
        "exchange_rate.yuan_per_usd:",
        "data/park.yml line 47, column 1: [exchange_rate.yuan_per_usd]: `exchange_rate.yuan_per_usd` starts at the left edge, so YAML reads it as a new part of the file, not as one of the `facts:`.\n    How to fix: put 2 spaces before `exchange_rate.yuan_per_usd:` and 4 before each of its lines, like the other facts under `facts:`.",
    ),
    case(
        "unit indented too far",
        "    unit: patents",
        "      unit: patents",
        "data/park.yml line 38, column 7: the indentation is wrong: this line has 6 spaces before `unit`, where its block has 4, so YAML cannot tell where it belongs.\n    How to fix: put exactly 4 spaces before `unit` (as on line 37); the number of spaces decides which block a line is in.",
    ),
    case(
        "unit not indented enough",
        "    unit: patents",
        "  unit: patents",
        "data/park.yml line 38, column 3: the indentation is wrong: this line has 2 spaces before `unit`, where its block has 4, so YAML cannot tell where it belongs.\n    How to fix: put exactly 4 spaces before `unit` (as on line 37); the number of spaces decides which block a line is in.",
    ),
    case(
        "key indented too far",
        "    topic: growth\n    label: {en: National",
        "      topic: growth\n    label: {en: National",
        "data/park.yml line 35, column 7: the indentation is wrong: this line has 6 spaces before `topic`, where its block has 4, so YAML cannot tell where it belongs.\n    How to fix: put exactly 4 spaces before `topic` (as on line 36); the number of spaces decides which block a line is in.",
    ),
    case(
        "unclosed brace",
        "label: {en: Name, zh: 名称}",
        "label: {en: Name, zh: 名称",
        "data/park.yml line 43, column 12: a `{` opened here is never closed with `}`.\n    How to fix: end it with `}` on the same line: label: {en: Name, zh: 名称}",
    ),
    case(
        "unclosed bracket",
        "    source: daily-2022\n  park.name",
        "    source: daily-2022\n    also: [daily-2022\n  park.name",
        "data/park.yml line 41, column 11: a `[` opened here is never closed with `]`.\n    How to fix: end it with `]` on the same line: also: [daily-2022]",
    ),
    case(
        "quote closed on a later line",
        "    language: en\n    url: http://example.com/report",
        '    language: "en\n    url: "http://example.com/report"',
        "data/park.yml line 9, column 15: a quote opened here is not closed on its line, so YAML reads on to the next quote mark, on line 10.\n    How to fix: end the text with the same quote mark on this line (\" or ').",
    ),
    case(
        "apostrophe in single quotes",
        "label: {en: Name, zh: 名称}",
        "label: {en: 'Park's name', zh: 名称}",
        "data/park.yml line 43, column 23: a text in single quotes ends here, before its last word: an apostrophe inside it closes it.\n    How to fix: write the apostrophe twice inside single quotes ('Park''s name'), or put the text in double quotes (\"Park's name\").",
    ),
    case(
        "stray closing brace",
        "label: {en: Name, zh: 名称}",
        "label: {en: Name, zh: 名称}}",
        "data/park.yml line 43, column 30: this `}` closes nothing.\n    How to fix: delete it, or put the `{` it closes where the text begins.",
    ),
    case(
        "full-width digits",
        "    value: 713",
        "    value: ７１３",
        "data/park.yml line 37, column 12: facts[patents.national].value: expected a number, found the text '７１３'.\n    How to fix: write 713: ASCII digits, no commas (switch the keyboard to English, or half-width, first).",
    ),
    case(
        "full-width date",
        "    unit: patents\n    as_of: 2022-01-30\n    source: daily-2022\n",
        "    unit: patents\n    as_of: ２０２２-01-30\n    source: daily-2022\n",
        "data/park.yml line 39, column 12: facts[patents.national].as_of: expected a date, found the text '２０２２-01-30', typed with full-width digits.\n    How to fix: write it in ASCII digits: 2022-01-30 (switch the keyboard to English, or half-width, first).",
    ),
    case(
        "Chinese commas in a number",
        "    value: 6000000000",
        "    value: 6，000，000，000",
        "data/park.yml line 21, column 12: facts[revenue.total].value: expected a number, found the text '6，000，000，000'.\n    How to fix: write 6000000000: ASCII digits, no commas (switch the keyboard to English, or half-width, first).",
    ),
    case(
        "full-width colon",
        "    value: 713",
        "    value：713",
        "data/park.yml line 37, column 10: `value` is followed by a full-width colon (：), which YAML reads as part of the text, not as the colon after a key.\n    How to fix: write `value: ` with the ASCII colon and a space (switch the keyboard to English, or half-width, first).",
    ),
    case(
        "full-width colon in braces",
        "label: {en: Name, zh: 名称}",
        "label: {en: Name, zh：名称}",
        "data/park.yml line 43, column 25: `zh` is followed by a full-width colon (：), which YAML reads as part of the text, not as the colon after a key.\n    How to fix: write `zh: ` with the ASCII colon and a space (switch the keyboard to English, or half-width, first).",
    ),
    case(
        "no space after a colon in braces",
        "label: {en: Name, zh: 名称}",
        "label: {en: Name,zh:名称}",
        "data/park.yml line 43, column 24: `zh:` has no space after its colon, so YAML reads `zh:...` as one word, not as a key and its value.\n    How to fix: put a space after the colon: `zh: `.",
    ),
    case(
        "full-width space before a key",
        "    value: 713",
        "\u3000\u3000value: 713",
        "data/park.yml line 37, column 1: this line is indented with a full-width space, which YAML does not count as indentation.\n    How to fix: delete the spaces before the text and type them again as ordinary spaces (switch the keyboard to English, or half-width, first).",
    ),
    case(
        "source id with a space in quotes",
        "    unit: patents\n    as_of: 2022-01-30\n    source: daily-2022\n",
        '    unit: patents\n    as_of: 2022-01-30\n    source: "daily-2022 "\n',
        "data/park.yml line 40, column 13: facts[patents.national].source: the text 'daily-2022 ' has a space before or after it (often copied along with it).\n    How to fix: delete the space: write daily-2022.",
    ),
    case(
        "source id copied with a full-width space",
        "    unit: patents\n    as_of: 2022-01-30\n    source: daily-2022\n",
        "    unit: patents\n    as_of: 2022-01-30\n    source: daily-2022\u3000\n",
        "data/park.yml line 40, column 13: facts[patents.national].source: the text 'daily-2022\u3000' has a space before or after it (often copied along with it).\n    How to fix: delete the space: write daily-2022.",
    ),
    case(
        "fact id copied with a non-breaking space",
        "  patents.national:",
        "  patents.national\xa0:",
        "data/park.yml line 34, column 3: facts[patents.national\xa0]: the id 'patents.national\xa0' has a space before or after it (often copied along with it).\n    How to fix: delete the space: write patents.national.",
    ),
    case(
        "unit reused for another thing",
        "  park.name:",
        "  patents.invention:\n    topic: growth\n    label: {en: Invention patents, zh: 发明专利}\n    value: 96\n    unit: patents\n    as_of: 2022-01-30\n    source: daily-2022\n  park.name:",
        "data/park.yml line 45, column 11: facts[patents.invention].unit: the unit `patents` reads 'national patents', so the site would print '96 national patents', but the label 'Invention patents' does not say national.\n    How to fix: this fact counts something else: add a unit for it under `units:` (kind: count, and its words in each language), e.g. invention_patents, and write unit: invention_patents.",
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
        'We hold {{ fact("patents.national ") }} patents.\n',
        "docs/about.md line 1: fact: unknown id 'patents.national ': it has a space before or after it.\n    How to fix: delete the space: write patents.national.",
        id="id copied with a trailing space",
    ),
    pytest.param(
        "We hold {{ fact(“patents.national”) }} patents.\n",
        "docs/about.md line 1: this macro is typed with Chinese punctuation (“ ”).\n"
        '    How to fix: write it with straight ASCII quotes, brackets and commas: {{ fact("patents.national") }}.',
        id="Chinese quotes in a macro",
    ),
    pytest.param(
        '我们拥有{{ fact（"patents.national"）}}。\n',
        "docs/about.md line 1: this macro is typed with Chinese punctuation (（ ）).\n"
        '    How to fix: write it with straight ASCII quotes, brackets and commas: {{ fact("patents.national") }}.',
        id="Chinese brackets in a macro",
    ),
    pytest.param(
        'We hold {{ fcat("patents.national") }} patents.\n',
        "docs/about.md line 1: `fcat` is not a macro a page can use.\n    How to fix: did you mean fact?",
        id="misspelt macro",
    ),
    pytest.param(
        'We hold {{ fact("patents.national") } patents\nand {{ fact("revenue.total") }}.\n',
        "docs/about.md line 1: a macro opened here with `{{` is never closed with `}}`.\n"
        '    How to fix: end it with two closing braces: {{ fact("patents.national") }}.',
        id="macro not closed",
    ),
    pytest.param(
        "We hold {{ fact(patents.national) }} patents.\n",
        "docs/about.md line 1: fact: the id is written without quotes.\n"
        '    How to fix: write the id in straight quotes: {{ fact("patents.national") }}.',
        id="id without quotes",
    ),
    pytest.param(
        "{{ facts_table('grwoth') }}\n",
        "docs/about.md line 1: facts_table: unknown topic 'grwoth'.\n    How to fix: did you mean growth?",
        id="unknown topic",
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
    found = [
        str(p)
        for p in [
            *front_matter_problems(pages),
            *template_problems(pages, engine_macros()),
            *page_problems(park, pages),
        ]
    ]
    assert [f.replace(str(tmp_path), "docs") for f in found] == [expected]


# --- One mistake, one message: what `make check` says about a slip in the real pages ------


def only_problem(project: Path) -> str:
    """The one problem `make check` finds in a project copy (fails if it finds more)."""
    with pytest.raises(DataError) as caught:
        check(Project(project), macros=engine_macros())
    found = [str(p).replace(f"{project}/", "") for p in caught.value.problems]
    assert len(found) == 1, "\n".join(found)
    return found[0]


def edit(path: Path, old: str, new: str) -> int:
    """Replace old by new once; the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_a_mistyped_id_is_one_problem_in_its_own_file(project: Path) -> None:
    """Not three: the twin's correct citation is not blamed for the typo."""
    line = edit(project / "docs" / "about.md", 'fact("park.location")', 'fact("park.locaton")')
    assert only_problem(project) == (
        f"docs/about.md line {line}: fact: unknown id 'park.locaton'.\n"
        "    How to fix: did you mean park.location?"
    )


def test_a_misspelt_macro_is_named_in_its_own_file_not_as_a_missing_figure(project: Path) -> None:
    line = edit(project / "docs" / "about.md", 'fact("park.location")', 'fakt("park.location")')
    assert only_problem(project) == (
        f"docs/about.md line {line}: `fakt` is not a macro a page can use.\n"
        "    How to fix: did you mean fact?"
    )


@pytest.mark.parametrize("typed", ["4,500", "4，500", "４５００"])
def test_a_figure_typed_by_hand_is_one_problem(project: Path, typed: str) -> None:
    """Not also "the English page shows employment.total, the Chinese one does not"."""
    page = project / "docs" / "about.zh.md"
    line = edit(page, '{{ fact("employment.total") }}', f"{typed}余人")
    problem = only_problem(project)
    assert problem.startswith(f"docs/about.zh.md line {line}, column ")
    assert f"'{typed}余' is typed by hand and equals the figure of employment.total" in problem


def test_a_renamed_page_is_one_problem_at_the_renamed_file(project: Path) -> None:
    (project / "docs" / "about.md").rename(project / "docs" / "about-us.md")
    problem = only_problem(project)
    assert problem.startswith(
        "docs/about-us.md: this page looks renamed from about.md: mkdocs.yml line "
    )
    assert "How to fix: give it back its name (rename docs/about-us.md to docs/about.md)" in (
        problem
    )


def test_a_link_to_a_missing_page_names_its_line_and_the_nearest_page(project: Path) -> None:
    line = edit(project / "docs" / "about.md", "(stories/record-2021.md)", "(stories/record.md)")
    assert only_problem(project) == (
        f"docs/about.md line {line}: leads to stories/record.md, which is not a page in docs/.\n"
        "    How to fix: did you mean stories/record-2021.md?"
    )


def test_a_story_without_its_twin_names_the_file_to_add(project: Path) -> None:
    stories = project / "docs" / "stories"
    text = (stories / "ruifei.md").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", "title: A second story", text, count=1)
    text = re.sub(r"(?m)^description: .*$", "description: A second story, copied.", text, count=1)
    (stories / "ruifei-two.md").write_text(text, encoding="utf-8")
    problem = only_problem(project)
    assert problem.startswith("docs/stories/ruifei-two.zh.md: is missing")
    assert "add docs/stories/ruifei-two.zh.md" in problem


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


def test_the_example_in_the_staff_guide_is_a_real_message() -> None:
    """CONTRIBUTING.md shows staff a message; it must be one the corpus pins, as printed."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = text.split("## Read a message", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    head, *lines = block.splitlines()
    assert head == f"{len(lines) // 2} problem to fix before the site can be built:"
    pinned = {m for param in CASES for m in param.values[2]}
    pinned |= {p.values[1] for p in PAGE_CASES}
    for i in range(0, len(lines), 2):
        message = "\n".join(lines[i : i + 2])
        assert message.startswith("  - ")
        assert message.removeprefix("  - ") in pinned, message


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

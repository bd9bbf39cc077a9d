"""`make facts-diff` on this site's data: what changed between two versions, in words."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from parksite.i18n.numbers import format_number, format_quantity
from parksite.model.load import parse_park
from parksite.project import PROJECT
from parksite.render.figures import figure_text
from parksite.tools.factsdiff import report
from tests.site.conftest import LANGUAGES, PARK, with_key, with_value

DATA = PROJECT.data_file.read_text(encoding="utf-8")
DEFAULT = LANGUAGES.default
# Facts the `site:` block names: renaming one would make the data invalid.
NAMED = {
    PARK.site.name,
    PARK.site.location,
    PARK.site.founded,
    PARK.site.second_currency.rate if PARK.site.second_currency else None,
}
# A count to change, as an editor changes a figure.
COUNT = next(
    fid
    for fid, fact in PARK.facts.items()
    if fact.value is not None and PARK.units[fact.unit].kind == "count"
)


def parsed(text: str):
    return parse_park(text, "data/park.yml", LANGUAGES.codes)


def test_a_changed_value_reads_as_old_to_new_with_date_and_source() -> None:
    fact = PARK.facts[COUNT]
    as_of = fact.as_of - dt.timedelta(days=1)
    new = with_value(DATA, ("facts", COUNT, "value"), str(fact.value + 37))
    new = with_value(new, ("facts", COUNT, "as_of"), as_of.isoformat())
    text = report("main", DATA, "working tree", new)
    after = figure_text(parsed(new), parsed(new).facts[COUNT], DEFAULT)
    before = format_quantity(fact.value, DEFAULT, "count", "", fact.qualifier)
    assert f"{fact.label[DEFAULT.code]} ({COUNT}): {before} → {after}" in text
    assert f"as of {as_of} (was {fact.as_of})" in text
    source = PARK.sources[fact.source]
    assert source.publisher[next(iter(source.publisher))] in text and source.url in text
    assert text.count("\n- ") == 1  # nothing else is reported as changed


def test_added_and_removed_facts_and_the_rate_are_named() -> None:
    fid = next(f for f in reversed(PARK.facts) if f not in NAMED)
    renamed = with_key(DATA, ("facts", fid), fid + "_renamed")
    label = PARK.facts[fid].label[DEFAULT.code]
    figure = figure_text(PARK, PARK.facts[fid], DEFAULT)
    text = report("main", DATA, "head", renamed)
    assert f"Added facts:\n- {label} ({fid}_renamed): {figure}" in text
    assert f"Removed facts:\n- {label} ({fid}): {figure}" in text
    if PARK.site.second_currency:
        rate = PARK.rate_fact()
        changed = with_value(DATA, ("facts", PARK.site.second_currency.rate, "value"), "7.2")
        text = report("main", DATA, "head", changed)
        assert f"({PARK.site.second_currency.rate}): " in text
        assert f"{format_number(rate.value, DEFAULT, 'rate')} →" in text
        assert "every converted amount on the site changes with it" in text


def test_no_change_says_so() -> None:
    assert "No fact or source changed." in report("a", DATA, "b", DATA)


def factsdiff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parksite.tools.factsdiff", *args],
        cwd=PROJECT.root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_command_compares_with_a_git_revision() -> None:
    result = factsdiff("HEAD")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Facts in data/park.yml: HEAD → working tree")
    bad = factsdiff("no-such-ref")
    assert bad.returncode == 1 and "no-such-ref" in bad.stderr

"""Honest dates: what pages say about time follows the data and the build's own date (the last
commit's), never the clock; "as reported" and "checked" are told apart; a plan's period reads
as ended once it has; staff hear of a fact past its review date, readers past the threshold."""

from __future__ import annotations

import datetime as dt

import pytest

from parksite.i18n.numbers import format_month_span, format_months
from parksite.model.load import parse_park
from parksite.model.review import build_date, overdue, period_ended, review_notices
from parksite.render.figures import dateline_html, plan_status_html, plan_tag
from parksite.render.footer import footer_line
from tests.engine.conftest import DATA, EN, TODAY, ZH

BASE = (DATA / "base.yml").read_text(encoding="utf-8")
# A second, older source, and a plan over three years.
MORE = BASE.replace(
    "units:\n",
    """  evening-2021:
    publisher: {en: Evening News, zh: 晚报}
    title: {en: A report, zh: 一篇报道}
    date: 2021-11-03
    language: zh
    url: http://example.com/evening
units:
""",
    1,
).replace(
    "placeholders:\n",
    """  lab.area:
    topic: growth
    label: {en: Laboratory, zh: 实验室}
    value: 2000
    unit: patents
    as_of: 2021-11-03
    source: evening-2021
  plans.funds:
    topic: growth
    label: {en: Funds planned, zh: 计划资金}
    value: 30000000
    unit: yuan
    qualifier: planned
    period: {from: 2022, to: 2024}
    as_of: 2022-01-30
    source: daily-2022
placeholders:
""",
    1,
)


def park(text: str = MORE, **site: object):
    if site:
        extra = "".join(f"  {key}: {value}\n" for key, value in site.items())
        text = text.replace("site:\n", "site:\n" + extra, 1)
    return parse_park(text, "data/park.yml", ("en", "zh"), today=TODAY)


def test_the_build_is_dated_by_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01 00:00 UTC
    assert build_date() == dt.date(2025, 12, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date() == dt.date.today()


@pytest.mark.parametrize(
    ("lang", "one", "span", "months"),
    [
        (
            EN,
            "in January 2022",
            "between November 2021 and January 2022",
            "November 2021 and January 2022",
        ),
        (ZH, "2022年1月", "2021年11月至2022年1月", "2021年11月和2022年1月"),
    ],
)
def test_months_reported(lang, one: str, span: str, months: str) -> None:
    jan, nov = dt.date(2022, 1, 30), dt.date(2021, 11, 3)
    assert format_month_span([jan, jan], lang) == one
    assert format_month_span([jan, nov], lang) == span
    assert format_months([jan, nov, dt.date(2022, 1, 2)], lang) == months


def test_the_footer_tells_reported_from_checked_and_shows_no_unfilled_icp() -> None:
    data = park(icp_number="contact.email")
    line = str(footer_line(data, EN, [("../sources/", "Sources")]))
    assert "Figures as reported between November 2021 and January 2022" in line
    assert "Last checked against their sources on 1 November 2026" in line
    assert '<a href="../sources/">Sources</a>' in line
    assert "park-footer__icp" not in line and "To be provided" not in line
    zh = str(footer_line(data, ZH))
    assert "数据出自2021年11月至2022年1月的报道" in zh and "最近一次与来源核对：2026年11月1日" in zh


def test_the_footer_shows_the_icp_number_once_filled_in() -> None:
    filled = MORE.replace("    placeholder: true\n", "    value: 晋ICP备00000000号\n", 1)
    line = str(footer_line(park(filled, icp_number="contact.email"), ZH))
    assert 'class="park-footer__icp"' in line and "晋ICP备00000000号" in line


@pytest.mark.parametrize(
    ("today", "ended", "en", "zh"),
    [
        (
            dt.date(2024, 6, 1),
            False,
            "That period runs until the end of 2024.",
            "该期限至2024年底。",
        ),
        (dt.date(2025, 1, 1), True, "That period ended in 2024.", "该期限已于2024年结束。"),
    ],
)
def test_a_plans_period_ends_by_the_builds_date(today, ended: bool, en: str, zh: str) -> None:
    data = park()
    fact = data.facts["plans.funds"]
    assert period_ended(fact, today) is ended
    assert en in str(plan_status_html(data, "plans.funds", EN, today))
    assert zh in str(plan_status_html(data, "plans.funds", ZH, today))
    tag = plan_tag(data, fact, EN, today)
    assert tag.startswith("Plan for 2022–2024") and ("period ended" in tag) is ended


def test_a_plan_status_needs_a_period_with_an_end() -> None:
    with pytest.raises(ValueError, match="no period with an end"):
        plan_status_html(park(), "revenue.total", EN, TODAY, "docs/plans.md")


def test_the_dateline_says_when_figures_were_reported_and_past_the_threshold_more() -> None:
    quiet = park()
    assert str(dateline_html(quiet, ["patents.national"], EN, TODAY)) == (
        '<p class="dateline">Figures as reported in January 2022.</p>'
    )
    told = park(overdue_note_after_days=365)
    ids = ["patents.national", "lab.area"]
    assert overdue(told, "lab.area", TODAY)  # due 2023-11-03, told from 2024-11-02
    assert not overdue(told, "lab.area", dt.date(2024, 11, 2))
    assert "They may have changed since." in str(dateline_html(told, ids, EN, TODAY))
    assert str(dateline_html(told, ids, ZH, TODAY)) == (
        '<p class="dateline">本页数据出自2021年11月和2022年1月的报道。此后可能已有变化。</p>'
    )
    assert str(dateline_html(told, [], EN, TODAY)) == ""


def test_staff_hear_of_facts_past_review_and_when_readers_are_told() -> None:
    lines = review_notices(park(overdue_note_after_days=365), TODAY)
    [evening] = [line for line in lines if "evening-2021" in line]
    assert evening.startswith("due for review since 2023-11-03: 1 fact from source evening-2021")
    assert "pages have told readers since 2024-11-02 that they may have changed" in evening
    early = review_notices(park(overdue_note_after_days=3650), TODAY)
    later = dt.date(2023, 11, 3) + dt.timedelta(days=3650)
    assert any(f"will tell readers from {later}" in line for line in early)
    assert all("tell readers" not in line for line in review_notices(park(), TODAY))

"""The table of when each fact last changed in the data (from model.history)."""

from __future__ import annotations

from markupsafe import Markup

from parksite.i18n.numbers import format_date
from parksite.model.history import Change
from parksite.model.park import Lang, Park
from parksite.render.figures import WORDS as FACT_WORDS
from parksite.render.figures import safe

WORDS = {
    "as_of": {"en": "Figure as of", "zh": "数据截至"},
    "changed": {"en": "Last changed on this site", "zh": "本站最近更新"},
    "uncommitted": {"en": "changed, not yet committed", "zh": "已修改，尚未提交"},
    "not_in_git": {"en": "not in git", "zh": "无git记录"},
    "no_history": {
        "en": "This copy of the site was built without its git history, so the dates of change are unknown.",
        "zh": "本站此次构建时没有git历史记录，因此无法显示数据的更新日期。",
    },
}


def history_html(park: Park, history: dict[str, Change] | None, lang: Lang) -> Markup:
    """A table: each fact, the date it was true, and when it last changed in the data."""
    rows = []
    for fid, fact in park.facts.items():
        change = (history or {}).get(fid)
        if change is None:
            cell = Markup('<span class="fact-history__none">{}</span>').format(
                WORDS["not_in_git"][lang]
            )
        elif change.date is None:
            cell = Markup(WORDS["uncommitted"][lang])
        else:
            cell = Markup('<time datetime="{iso}" data-commit="{sha}">{day}</time>').format(
                iso=change.date.isoformat(), sha=change.commit, day=format_date(change.date, lang)
            )
        rows.append(
            Markup(
                '<tr data-fact="{id}"><td><a href="#fact-{anchor}">{label}</a></td>'
                "<td>{as_of}</td><td>{cell}</td></tr>"
            ).format(
                id=fid,
                anchor=fid.replace(".", "-"),
                label=safe(fact.label[lang]),
                as_of=safe(format_date(fact.as_of, lang)),
                cell=cell,
            )
        )
    note = Markup("")
    if history is None:
        note = Markup('<p class="fact-history__note">{}</p>').format(WORDS["no_history"][lang])
    return note + Markup(
        '<table class="fact-history"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>'
        "<tbody>{}</tbody></table>"
    ).format(
        FACT_WORDS["fact"][lang],
        WORDS["as_of"][lang],
        WORDS["changed"][lang],
        Markup("").join(rows),
    )

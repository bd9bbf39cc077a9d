"""The table of when each fact last changed in the data (from model.history)."""

from __future__ import annotations

from markupsafe import Markup

from parksite.i18n.languages import Language
from parksite.i18n.numbers import format_date
from parksite.model.history import Change
from parksite.model.park import Park
from parksite.render.figures import safe


def history_html(
    park: Park, history: dict[str, Change] | None, lang: Language, table_url: str | None = None
) -> Markup:
    """A table: each fact, the date it was true, and when it last changed in the data; each
    fact links to its row of the table of all facts at `table_url` when there is one."""
    rows = []
    for fid, fact in park.facts.items():
        change = (history or {}).get(fid)
        if change is None:
            cell = Markup('<span class="fact-history__none">{}</span>').format(
                lang.words["history.not_in_git"]
            )
        elif change.date is None:
            cell = Markup(lang.words["history.uncommitted"])
        else:
            cell = Markup('<time datetime="{iso}" data-commit="{sha}">{day}</time>').format(
                iso=change.date.isoformat(), sha=change.commit, day=format_date(change.date, lang)
            )
        label = safe(fact.label[lang.code])
        if table_url is not None:
            label = Markup('<a href="{}#fact-{}">{}</a>').format(
                table_url, fid.replace(".", "-"), label
            )
        rows.append(
            Markup(
                '<tr data-fact="{id}"><td>{label}</td><td>{as_of}</td><td>{cell}</td></tr>'
            ).format(
                id=fid,
                label=label,
                as_of=safe(format_date(fact.as_of, lang)),
                cell=cell,
            )
        )
    note = Markup("")
    if history is None:
        note = Markup('<p class="fact-history__note">{}</p>').format(
            lang.words["history.no_history"]
        )
    return note + Markup(
        '<table class="fact-history"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>'
        "<tbody>{}</tbody></table>"
    ).format(
        lang.words["fact"],
        lang.words["history.as_of"],
        lang.words["history.changed"],
        Markup("").join(rows),
    )

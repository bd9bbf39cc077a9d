"""The facts as downloads, facts.json and facts.csv, written into every build at stable
addresses (data/facts.json, data/facts.csv: the same for both languages).

Nothing in them depends on the build's time, so two builds of the same data are identical.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from markupsafe import Markup, escape

from parksite.content.pages import relative_url
from parksite.i18n.languages import Language, Languages
from parksite.i18n.numbers import format_period, significant
from parksite.model.park import Fact, Park

# Raise when a column is renamed or removed (adding one keeps the version).
EXPORT_SCHEMA_VERSION = 1
EXPORT_DIR = "data"
JSON_NAME = "facts.json"
CSV_NAME = "facts.csv"


def columns(park: Park, languages: Languages) -> tuple[str, ...]:
    """The columns of both downloads: texts once per language, the second currency's value
    when the site has one ('usd_value')."""
    codes = languages.codes
    rate = park.rate_unit()
    return (
        "id",
        "topic",
        *(f"label_{code}" for code in codes),
        "value",
        "unit",
        *(f"unit_{code}" for code in codes),
        *((f"{rate.per.lower()}_value",) if rate is not None else ()),
        "qualifier",
        *(f"text_{code}" for code in codes),
        "period",
        "as_of",
        "source_id",
        "source_publisher",
        "source_title",
        "source_date",
        "source_url",
        "also_sources",
    )


def _period(fact: Fact, lang: Language) -> str:
    """'2021', 'since 2015', '2022–2024', or '' (in the site's default language)."""
    if fact.period is None:
        return ""
    return format_period(fact.period.year, fact.period.start, fact.period.end, lang)


def fact_rows(park: Park, languages: Languages) -> list[dict[str, object]]:
    """One row per fact, in the order of data/park.yml. Lists are joined with ' | '."""
    default = languages.default
    rate_unit, rate_fact = park.rate_unit(), park.rate_fact()
    rows = []
    for fid, fact in park.facts.items():
        unit = park.unit_of(fact)
        texts = fact.items or ([fact.text] if fact.text else [])
        source = park.sources[fact.source]
        row: dict[str, object] = {"id": fid, "topic": fact.topic}
        row.update({f"label_{code}": fact.label[code] for code in languages.codes})
        row.update({"value": fact.value, "unit": fact.unit})
        row.update({f"unit_{code}": unit[code] if unit else None for code in languages.codes})
        if rate_unit is not None:
            converted = significant(fact.value / rate_fact.value) if park.converts(fact) else None
            row[f"{rate_unit.per.lower()}_value"] = converted
        row["qualifier"] = fact.qualifier
        row.update(
            {f"text_{code}": " | ".join(t[code] for t in texts) or None for code in languages.codes}
        )
        row.update(
            {
                "period": _period(fact, default) or None,
                "as_of": fact.as_of.isoformat(),
                "source_id": fact.source,
                "source_publisher": source.publisher[default.code],
                "source_title": source.title[default.code],
                "source_date": source.date.isoformat(),
                "source_url": source.url,
                "also_sources": " | ".join(fact.also) or None,
            }
        )
        rows.append(row)
    return rows


def facts_json(park: Park, languages: Languages) -> str:
    """The JSON download: a schema version, the exchange rate, the sources and the facts."""
    document = {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "last_checked": park.last_checked.isoformat(),
        "exchange_rate_fact": park.site.second_currency.rate if park.site.second_currency else None,
        "columns": list(columns(park, languages)),
        "sources": {
            sid: {
                **{f"publisher_{code}": s.publisher[code] for code in languages.codes},
                **{f"title_{code}": s.title[code] for code in languages.codes},
                "date": s.date.isoformat(),
                "language": s.language,
                "url": s.url,
            }
            for sid, s in park.sources.items()
        },
        "facts": fact_rows(park, languages),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def facts_csv(park: Park, languages: Languages) -> str:
    """The CSV download, with a byte-order mark so that spreadsheets read the Chinese."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(park, languages), lineterminator="\n")
    writer.writeheader()
    for row in fact_rows(park, languages):
        writer.writerow({k: "" if v is None else cell(v) for k, v in row.items()})
    return "\ufeff" + out.getvalue()


# What a spreadsheet reads as the start of a formula (=HYPERLINK(...) runs when opened).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: a text starting like a formula gets a leading
    apostrophe, which spreadsheets hide and read as "this is text" (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_exports(park: Park, languages: Languages, site_dir: Path) -> list[Path]:
    """Write both downloads into a built site; return their paths."""
    folder = site_dir / EXPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    documents = ((JSON_NAME, facts_json(park, languages)), (CSV_NAME, facts_csv(park, languages)))
    for name, text in documents:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def downloads_html(lang: Language, page_url: str) -> Markup:
    """Links to both downloads from a page, relative so that any host and folder works."""
    words = lang.words
    pattern = escape(words["downloads.item"])
    items = Markup("").join(
        Markup("<li>{}</li>").format(
            Markup(pattern).format(
                link=Markup('<a href="{href}" download>{name}</a>').format(
                    href=relative_url(page_url, f"{EXPORT_DIR}/{name}"), name=name
                ),
                what=words[f"downloads.{kind}"],
            )
        )
        for name, kind in ((JSON_NAME, "json"), (CSV_NAME, "csv"))
    )
    return Markup('<p class="downloads-title">{}</p><ul class="downloads">{}</ul>').format(
        words["downloads.title"], items
    )

"""The facts as downloads, facts.json and facts.csv, written into every build at stable
addresses (data/facts.json, data/facts.csv: the same for both languages).

Nothing in them depends on the build's time, so two builds of the same data are identical.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from markupsafe import Markup

from parksite.content.pages import relative_url
from parksite.i18n.numbers import format_period, significant
from parksite.model.park import EXCHANGE_RATE, Fact, Park

# Raise when a column is renamed or removed (adding one keeps the version).
EXPORT_SCHEMA_VERSION = 1
EXPORT_DIR = "data"
JSON_NAME = "facts.json"
CSV_NAME = "facts.csv"

COLUMNS = (
    "id",
    "topic",
    "label_en",
    "label_zh",
    "value",
    "unit",
    "unit_en",
    "unit_zh",
    "usd_value",
    "qualifier",
    "text_en",
    "text_zh",
    "period",
    "as_of",
    "source_id",
    "source_publisher",
    "source_title",
    "source_date",
    "source_url",
    "also_sources",
)


def _period(fact: Fact) -> str:
    """'2021', 'since 2015', '2022–2024', or '' (English words, as a spreadsheet reads them)."""
    if fact.period is None:
        return ""
    return format_period(fact.period.year, fact.period.start, fact.period.end, "en")


def fact_rows(park: Park) -> list[dict[str, object]]:
    """One row per fact, in the order of data/park.yml. Lists are joined with ' | '."""
    rate = park.facts[EXCHANGE_RATE].value
    rows = []
    for fid, fact in park.facts.items():
        unit = park.units.get(fact.unit or "")
        texts = fact.items or ([fact.text] if fact.text else [])
        source = park.sources[fact.source]
        money = fact.value is not None and unit is not None and unit.kind == "money"
        rows.append(
            {
                "id": fid,
                "topic": fact.topic,
                "label_en": fact.label.en,
                "label_zh": fact.label.zh,
                "value": fact.value,
                "unit": fact.unit,
                "unit_en": unit.en if unit else None,
                "unit_zh": unit.zh if unit else None,
                "usd_value": significant(fact.value / rate) if money else None,
                "qualifier": fact.qualifier,
                "text_en": " | ".join(t.en for t in texts) or None,
                "text_zh": " | ".join(t.zh for t in texts) or None,
                "period": _period(fact) or None,
                "as_of": fact.as_of.isoformat(),
                "source_id": fact.source,
                "source_publisher": source.publisher.en,
                "source_title": source.title.en,
                "source_date": source.date.isoformat(),
                "source_url": source.url,
                "also_sources": " | ".join(fact.also) or None,
            }
        )
    return rows


def facts_json(park: Park) -> str:
    """The JSON download: a schema version, the exchange rate, the sources and the facts."""
    document = {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "last_checked": park.last_checked.isoformat(),
        "exchange_rate_fact": EXCHANGE_RATE,
        "columns": list(COLUMNS),
        "sources": {
            sid: {
                "publisher_en": s.publisher.en,
                "publisher_zh": s.publisher.zh,
                "title_en": s.title.en,
                "title_zh": s.title.zh,
                "date": s.date.isoformat(),
                "language": s.language,
                "url": s.url,
            }
            for sid, s in park.sources.items()
        },
        "facts": fact_rows(park),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def facts_csv(park: Park) -> str:
    """The CSV download, with a byte-order mark so that spreadsheets read the Chinese."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in fact_rows(park):
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


def write_exports(park: Park, site_dir: Path) -> list[Path]:
    """Write both downloads into a built site; return their paths."""
    folder = site_dir / EXPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in ((JSON_NAME, facts_json(park)), (CSV_NAME, facts_csv(park))):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def downloads_html(lang: str, page_url: str) -> Markup:
    """Links to both downloads from a page, relative so that any host and folder works."""
    words = {
        "en": ("Download every fact", "JSON, with a schema version", "CSV, opens in a spreadsheet"),
        "zh": ("下载全部数据", "JSON格式，含数据结构版本号", "CSV格式，可用电子表格打开"),
    }[lang]
    item = (
        '<li><a href="{href}" download>{name}</a> ({what})</li>'
        if lang == "en"
        else '<li><a href="{href}" download>{name}</a>（{what}）</li>'
    )
    items = Markup("").join(
        Markup(item).format(
            href=relative_url(page_url, f"{EXPORT_DIR}/{name}"), name=name, what=what
        )
        for name, what in ((JSON_NAME, words[1]), (CSV_NAME, words[2]))
    )
    return Markup('<p class="downloads-title">{}</p><ul class="downloads">{}</ul>').format(
        words[0], items
    )

"""Loads data/park.yml, validates all of it for the site's languages, and explains every mistake."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import string
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from babel.numbers import get_currency_symbol
from pydantic import BaseModel, ValidationError

from parksite.model import money
from parksite.model import park as model
from parksite.model.errors import DataError, Problem
from parksite.model.park import Park
from parksite.model.yamlsource import Located, field_name, load_text
from parksite.project import shown

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def load_park(path: Path, languages: tuple[str, ...], *, today: dt.date | None = None) -> Park:
    """The validated data of a park file, for a site in these languages (codes)."""
    path = path.resolve()
    return parse_park(read_text(path), shown(path), languages, today=today)


def read_text(path: Path) -> str:
    """The file's text; a missing file or one not saved as UTF-8 is an editor's mistake."""
    if not path.is_file():
        raise DataError(
            [
                Problem(
                    shown(path),
                    None,
                    None,
                    "",
                    "the file is missing.",
                    f"restore it from git: git checkout -- {shown(path)}",
                )
            ]
        )
    return decoded(path, path.read_bytes())


def decoded(path: Path, data: bytes) -> str:
    """A file's bytes as text; a file not saved as UTF-8 is an editor's mistake."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            [
                Problem(
                    shown(path),
                    line,
                    None,
                    "",
                    "the file is not saved as UTF-8 (perhaps as GBK), so its Chinese cannot be read.",
                    "save it again with the encoding UTF-8 (in VS Code: the encoding in the "
                    "status bar, then Save with Encoding, UTF-8).",
                )
            ]
        ) from None


def parse_park(
    text: str, file: str, languages: tuple[str, ...], *, today: dt.date | None = None
) -> Park:
    """Validate the text of a park file; raise DataError listing every problem."""
    located = load_text(text, file)
    if not isinstance(located.data, dict):
        line, col = located.where(())
        raise DataError(
            [
                Problem(
                    file,
                    line,
                    col,
                    "",
                    "the file must be a set of `key: value` lines, not a list or a single value.",
                    "restore it from git (git checkout -- data/park.yml) and make your change again.",
                )
            ]
        )
    try:
        park = Park.model_validate(located.data, context={"languages": languages})
    except ValidationError as exc:
        reported = {p.field for p in located.problems}
        schema = [p for p in _schema_problems(exc, located) if p.field not in reported]
        raise DataError([*located.problems, *schema]) from None
    if located.problems:
        raise DataError(located.problems)
    problems = list(_consistency_problems(park, located, today or dt.date.today()))
    if problems:
        raise DataError(problems)
    return park


# --- Schema errors, in editors' words ------------------------------------------------


def _all_field_names(root: type[BaseModel] = Park) -> set[str]:
    names: set[str] = set()
    for cls in vars(model).values():
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
            for name, info in cls.model_fields.items():
                names.add(info.alias or name)
    return names


_FIELDS = _all_field_names()


def _schema_problems(exc: ValidationError, located: Located) -> Iterator[Problem]:
    seen: set[tuple] = set()
    for err in exc.errors():
        loc = tuple(err["loc"])
        kind = err["type"]
        if kind == "missing":
            path = loc
            parent = loc[:-1]
            line, col = located.where(parent, key=True)
        else:
            path = _data_path(loc, located)
            # A key that is itself wrong (an id with a space) is told at the key.
            at_key = kind == "extra_forbidden" or loc[-1:] == ("[key]",)
            line, col = located.where(path, key=at_key)
        key = (path, "missing" if kind == "missing" else "value")
        if key in seen:
            continue
        seen.add(key)
        message, hint = _explain(kind, err, path, located)
        yield Problem(located.file, line, col, field_name(path), message, hint)


def _data_path(loc: tuple, located: Located) -> tuple:
    """The longest part of a pydantic location that is a real place in the file."""
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in located.values:
            return loc[:cut]
    return ()


def _found(path: tuple, located: Located) -> str:
    raw = located.raw.get(path)
    value = _lookup(located.data, path)
    if isinstance(value, dict):
        return "a block of keys"
    if isinstance(value, list):
        return "a list"
    if raw is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no value `{raw}`"
    if isinstance(value, int | float):
        return f"the number {raw}"
    if isinstance(value, dt.date):
        return f"the date {raw}"
    return f"the text '{raw}'"


def _lookup(data: object, path: tuple) -> object:
    for part in path:
        if (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and part < len(data)
        ):
            data = data[part]
        else:
            return None
    return data


def _explain(kind: str, err: dict, path: tuple, located: Located) -> tuple[str, str]:
    name = str(path[-1]) if path else ""
    is_key = tuple(err["loc"])[-1:] == ("[key]",)
    found = f"the id '{name}'" if is_key else _found(path, located)
    if kind == "missing":
        return f"`{name}` is missing.", f"add a line `{name}: ...` (see the facts around it)."
    if kind == "extra_forbidden":
        moved = _moved_left(path, located)
        if moved:
            return moved
        computed = _computed_currency(located.data)
        if computed and computed.lower() in name.lower():
            return (
                f"`{name}` is not allowed: amounts in {computed} are computed, never typed.",
                f"state the amount in its own currency; the site shows it in {computed} too.",
            )
        close = difflib.get_close_matches(name, sorted(_FIELDS), n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else "delete it, or check its spelling."
        return f"`{name}` is not a known key here.", hint
    if kind in ("int_type", "float_type", "int_from_float"):
        if name == "value":
            raw = located.raw.get(path, "")
            return f"expected a number, found {found}.", _number_hint(raw, located.data)
        return f"expected a whole number, found {found}.", "write digits only, e.g. 2021."
    if kind == "string_too_short":
        return "this text is empty.", "write the text, or delete the line if it is optional."
    if kind == "string_type":
        return (
            f"expected some text, found {found}.",
            f'write the text, in quotes if it looks like a number: "{located.raw.get(path, "")}".',
        )
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        ascii_date = unicodedata.normalize("NFKC", located.raw.get(path, "")).strip()
        if _ISO_DATE.fullmatch(ascii_date) and ascii_date != located.raw.get(path):
            return (
                f"expected a date, found {found}, typed with full-width digits.",
                f"write it in ASCII digits: {ascii_date} (switch the keyboard to English, or "
                "half-width, first).",
            )
        return f"expected a date, found {found}.", "write it as YYYY-MM-DD, e.g. 2022-01-30."
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"{found} is not allowed here.", f"use one of: {expected}."
    if kind == "string_pattern_mismatch":
        if name == "url":
            return f"expected a web address, found {found}.", "start it with http:// or https://."
        written = name if is_key else located.raw.get(path, "")
        if written.strip() != written and written.strip():
            return (
                f"{found} has a space before or after it (often copied along with it).",
                f"delete the space: write {written.strip()}.",
            )
        return (
            f"{found} is not a valid id.",
            "use lower-case letters, digits and _ in parts joined by dots, e.g. patents.national "
            "(source ids: lower-case letters, digits and -).",
        )
    if kind in ("dict_type", "model_type"):
        return (
            f"expected a block of `key: value` lines, found {found}.",
            "indent the keys under it.",
        )
    if kind == "list_type":
        return (
            f"expected a list, found {found}.",
            "write each item on its own line starting with `- `.",
        )
    if kind == "too_short":
        return f"{name} is empty.", "give at least one entry."
    if kind == "park":
        return err["msg"], err["ctx"]["hint"]
    return f"{err['msg']} (found {found}).", ""


def _computed_currency(data: object) -> str | None:
    """The second currency of a park file that may not validate yet (its raw values): the
    `per:` of the unit of the rate fact `site: second_currency: rate:` names."""
    try:
        rate = data["site"]["second_currency"]["rate"]  # type: ignore[index]
        unit = data["facts"][rate]["unit"]  # type: ignore[index]
        per = data["units"][unit]["per"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    return per if isinstance(per, str) else None


def _number_hint(raw: str, data: object) -> str:
    """How to write a figure typed as words, with commas or in the computed currency."""
    computed = _computed_currency(data)
    if computed and any(
        sign and sign in raw
        for sign in (
            computed,
            get_currency_symbol(computed, locale="en"),
            "$" * (computed == "USD"),
        )
    ):
        return (
            f"amounts in {computed} are computed, never typed: write the amount in its own "
            "currency (see `units:`); the site shows it converted."
        )
    # NFKC reads full-width digits and the Chinese comma (７１３, 6，000) as ASCII ones.
    ascii_raw = unicodedata.normalize("NFKC", raw)
    digits = ascii_raw.replace(",", "").replace(" ", "").replace("_", "")
    if digits.replace(".", "", 1).isdigit() and digits.isascii():
        if ascii_raw != raw:
            return (
                f"write {digits}: ASCII digits, no commas (switch the keyboard to English, or "
                "half-width, first)."
            )
        return f"write {digits}, without quotes or commas."
    return (
        "write digits only, no words or commas: 6000000000, not '6 billion' or '60亿'; "
        "the unit goes in `unit:` (e.g. unit: yuan)."
    )


# What the entries of each section of the file hold: a key at the left edge holding these is
# an entry that lost its indentation (valid YAML, but a new section of the file).
_ENTRY_FIELDS = {
    "facts": {"topic", "label", "value", "unit", "text", "items", "as_of", "source"},
    "sources": {"publisher", "title", "date", "language", "url"},
    "placeholders": {"label", "placeholder", "value"},
}


def _moved_left(path: tuple, located: Located) -> tuple[str, str] | None:
    """A fact, source or placeholder written at the left edge, after its section."""
    if len(path) != 1 or not isinstance(located.data, dict):
        return None
    entry = located.data.get(path[0])
    if not isinstance(entry, dict) or not entry:
        return None
    section = max(_ENTRY_FIELDS, key=lambda name: len(_ENTRY_FIELDS[name] & entry.keys()))
    siblings = located.data.get(section)
    if not (_ENTRY_FIELDS[section] & entry.keys()) or not isinstance(siblings, dict):
        return None
    depth = next((located.keys[(section, k)][1] - 1 for k in siblings), 2)
    return (
        f"`{path[0]}` starts at the left edge, so YAML reads it as a new part of the file, "
        f"not as one of the `{section}:`.",
        f"put {depth} spaces before `{path[0]}:` and {depth * 2} before each of its lines, "
        f"like the other {section} under `{section}:`.",
    )


# --- Checks across facts -------------------------------------------------------------


def _consistency_problems(park: Park, located: Located, today: dt.date) -> Iterator[Problem]:
    def at(*path: str | int, message: str, hint: str = "") -> Problem:
        line, col = located.where(tuple(path))
        return Problem(located.file, line, col, field_name(tuple(path)), message, hint)

    if park.last_checked > today:
        yield at(
            "last_checked",
            message=f"{park.last_checked} lies in the future.",
            hint="write the day the facts were last checked, today at the latest.",
        )
    for sid, source in park.sources.items():
        if source.date > today:
            yield at(
                "sources",
                sid,
                "date",
                message=f"{source.date} lies in the future.",
                hint="a source's date is the day it was published.",
            )
    target = park.rate_unit().per if park.rate_unit() is not None else None
    for uid, unit in park.units.items():
        if unit.kind == "money" and target is not None and unit.currency == target:
            yield at(
                "units",
                uid,
                "currency",
                message=f"amounts in {target} are computed by the site, never typed.",
                hint="state each amount in its own currency; the site shows it in "
                f"{target} too, at the rate of {park.site.second_currency.rate}.",
            )

    known_sources = sorted(park.sources)
    for fid, fact in park.facts.items():
        for i, sid in enumerate([fact.source, *fact.also]):
            if sid not in park.sources:
                path = ("facts", fid, "source") if i == 0 else ("facts", fid, "also", i - 1)
                yield at(
                    *path,
                    message=f"source `{sid}` is not listed under `sources:`.",
                    hint=_suggest(sid, known_sources, "add the source under `sources:` first"),
                )
        for code, sid in fact.wording.items():
            if sid not in (fact.source, *fact.also):
                yield at(
                    "facts",
                    fid,
                    "wording",
                    code,
                    message=f"source `{sid}` is neither this fact's `source:` nor under `also:`.",
                    hint=f"add {sid} under `also:` (it says the same), or correct the id.",
                )
        if fact.topic not in park.topics:
            yield at(
                "facts",
                fid,
                "topic",
                message=f"topic `{fact.topic}` is not listed under `topics:`.",
                hint=_suggest(fact.topic, sorted(park.topics), "add it under `topics:`"),
            )
        if fact.as_of > today:
            yield at(
                "facts",
                fid,
                "as_of",
                message=f"{fact.as_of} lies in the future.",
                hint="as_of is the day the figure was true, usually its source's date.",
            )
        if target is not None:
            yield from _typed_dollars(park, fid, fact, at)
        if fact.review_by is not None and fact.review_by < fact.as_of:
            yield at(
                "facts",
                fid,
                "review_by",
                message=f"{fact.review_by} is before the figure's own date ({fact.as_of}).",
                hint="review_by is the day to check the figure again: a day after as_of.",
            )
        if fact.value is None:
            continue
        unit = park.units.get(fact.unit or "")
        if unit is None:
            yield at(
                "facts",
                fid,
                "unit",
                message=f"unit `{fact.unit}` is not listed under `units:`.",
                hint=_suggest(fact.unit or "", sorted(park.units), "add it under `units:`"),
            )
            continue
        yield from _unit_misread(fid, fact, unit, at)
        if fact.value < 0:
            yield at(
                "facts",
                fid,
                "value",
                message=f"{fact.value} is negative.",
                hint="facts are counts and amounts: write the figure without a minus sign.",
            )
        if unit.kind in ("count", "year", "money") and not isinstance(fact.value, int):
            yield at(
                "facts",
                fid,
                "value",
                message=f"{fact.value} is not a whole number, but {fact.unit} are counted in whole numbers.",
                hint="write it without a decimal point, e.g. 1560000000 for 1.56 billion yuan.",
            )

    yield from _settings_problems(park, at)
    yield from _totals_problems(park, at)


def _settings_problems(park: Park, at) -> Iterator[Problem]:
    """The `site:` block names facts and placeholders that exist and fit their use."""
    settings = park.site
    kinds = {"name": "text", "location": "text", "founded": "number"}
    for key, kind in kinds.items():
        fid = getattr(settings, key)
        if fid is None:
            continue
        fact = park.facts.get(fid)
        if fact is None:
            yield at(
                "site",
                key,
                message=f"`{fid}` is not a fact under `facts:`.",
                hint=_suggest(fid, sorted(park.facts), "name one of the facts"),
            )
        elif fact.kind != kind or (key == "founded" and park.unit_of(fact).kind != "year"):
            wanted = "a year (a number with a unit of kind year)" if key == "founded" else "a text"
            yield at("site", key, message=f"`{fid}` is not {wanted}.", hint="name a fact that is.")
    if settings.icp_number is not None and settings.icp_number not in park.placeholders:
        yield at(
            "site",
            "icp_number",
            message=f"`{settings.icp_number}` is not listed under `placeholders:`.",
            hint="add it under `placeholders:` (placeholder: true until the number is known).",
        )
    elif settings.hosted_in_mainland_china and (
        settings.icp_number is None or park.placeholders[settings.icp_number].value is None
    ):
        yield at(
            "site",
            "hosted_in_mainland_china",
            message="a site hosted in mainland China must show its ICP filing number.",
            hint="fill in the ICP number's placeholder (value:, and delete placeholder: true), "
            "or set hosted_in_mainland_china: false until the filing is granted.",
        )
    second = settings.second_currency
    if second is None:
        return
    rate = park.facts.get(second.rate)
    unit = park.unit_of(rate) if rate is not None else None
    if rate is None or rate.value is None or unit is None or unit.kind != "rate":
        yield at(
            "site",
            "second_currency",
            "rate",
            message=f"`{second.rate}` must be a number fact with a unit of kind rate.",
            hint="name the exchange rate fact: value, unit (kind: rate, currency, per), as_of, source.",
        )
    elif unit.currency is None or unit.per is None:
        yield at(
            "units",
            rate.unit,
            message="an exchange rate says which currency it prices in which.",
            hint="add `currency:` (what its value counts, e.g. CNY) and `per:` (the currency "
            "one unit of which it prices, e.g. USD).",
        )
    elif rate.value <= 0:
        yield at(
            "facts",
            second.rate,
            "value",
            message=f"{rate.value} is not an exchange rate.",
            hint=f"write how many {unit.currency} one {unit.per} buys, e.g. 6.361.",
        )
    for code, written in second.written.items():
        if "{}" not in written:
            yield at(
                "site",
                "second_currency",
                "written",
                code,
                message="this does not say where the amount goes.",
                hint="write {} where the amount goes, e.g. 'US${}' or '{}美元'.",
            )
    for code, sentence in (second.sentence or {}).items():
        unknown = _fields(sentence) - {"rate", "rate_number", "currency", "source", "date"}
        if unknown:
            yield at(
                "site",
                "second_currency",
                "sentence",
                code,
                message=f"{{{'}, {'.join(sorted(unknown))}}} is not a part of this sentence.",
                hint="use {rate} or {rate_number}, {currency}, {source} and {date}.",
            )


def _fields(pattern: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError:
        return {"(unbalanced braces)"}


def typed_money(park: Park, text: str) -> list[str]:
    """Every amount typed into a text in the currency the site converts to (its second
    currency), in any of the languages its texts are written in; none without one."""
    currency = converted_currency(park)
    return money.typed_money(text, currency, park.languages) if currency else []


def converted_currency(park: Park) -> str | None:
    """The ISO code of the site's second currency: the `per:` of its rate's unit."""
    unit = park.rate_unit()
    return unit.per if unit is not None else None


def _typed_dollars(park: Park, fid: str, fact: model.Fact, at) -> Iterator[Problem]:
    """An amount typed into a label, text or list item in the converted currency."""


_WORD = re.compile(r"[^\W\d_]+")
_SMALL_WORDS = {"and", "of", "the", "a", "an", "per", "in", "on", "for"}


def _words(text: str) -> list[str]:
    """Lower-case words, each in the singular as far as a trailing -s or -ies tells."""
    words = []
    for word in _WORD.findall(text.lower()):
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        words.append(word)
    return words


def _unit_misread(fid: str, fact: model.Fact, unit: model.Unit, at) -> Iterator[Problem]:
    """A unit reused for something it does not name: its words follow the number, so a unit
    `patents` reading "national patents" makes "96 invention patents" print as "96 national
    patents". Told when the label names the unit's thing (its last word) but not the words
    before it; a label naming something else entirely ("Jobs created", in people) is fine.
    Only languages that put spaces between words are read."""
    if unit.kind != "count":
        return
    for lang in fact.label:
        unit_words, label_words = _words(unit[lang]), _words(fact.label[lang])
        if len(unit_words) < 2 or unit_words[-1] not in label_words:
            continue
        missing = [w for w in unit_words[:-1] if w not in label_words and w not in _SMALL_WORDS]
        if not missing:
            continue
        head = label_words.index(unit_words[-1])
        new_id = "_".join(w for w in label_words[: head + 1] if w not in _SMALL_WORDS)
        yield at(
            "facts",
            fid,
            "unit",
            message=f"the unit `{fact.unit}` reads '{unit[lang]}', so the site would "
            f"print '{fact.value} {unit[lang]}', but the label "
            f"'{fact.label[lang]}' does not say {' '.join(missing)}.",
            hint=f"this fact counts something else: add a unit for it under `units:` (kind: "
            f"count, and its words in each language), e.g. {new_id}s, and write unit: {new_id}s.",
        )
        return


def _typed_dollars(park: Park, fid: str, fact: model.Fact, at) -> Iterator[Problem]:
    """An amount typed into a label, text or list item in the converted currency."""
    texts = [("label", fact.label), ("text", fact.text)]
    texts += [(("items", i), item) for i, item in enumerate(fact.items or [])]
    for where, by_language in texts:
        for code, text in (by_language or {}).items():
            typed = typed_money(park, text)
            if typed:
                path = (where if isinstance(where, tuple) else (where,)) + (code,)
                yield at(
                    "facts",
                    fid,
                    *path,
                    message=f"'{typed[0]}' is an amount typed by hand into this text.",
                    hint="state the amount in its own currency as a number fact; the site "
                    "computes the converted amount from the one rate ({{ money(...) }} in a page).",
                )


def _totals_problems(park: Park, at) -> Iterator[Problem]:
    """A single year's amount cannot exceed the total since a year that includes it."""
    totals = [
        (fid, f)
        for fid, f in park.facts.items()
        if f.value is not None
        and f.period
        and f.period.start is not None
        and f.period.end is None
        and f.qualifier != "planned"
    ]
    for fid, fact in park.facts.items():
        if (
            fact.value is None
            or not fact.period
            or fact.period.year is None
            or fact.qualifier == "planned"
        ):
            continue
        for tid, total in totals:
            if (
                total.unit == fact.unit
                and total.period.start <= fact.period.year
                and fact.value > total.value
            ):
                yield at(
                    "facts",
                    fid,
                    "value",
                    message=f"{fact.value} for {fact.period.year} is more than the total since {total.period.start} ({tid}: {total.value}).",
                    hint="check both figures and their units: a single year cannot exceed the total.",
                )


def _suggest(name: str, known: list[str], otherwise: str) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    if close:
        return f"did you mean `{close[0]}`?"
    return f"{otherwise}; known: {', '.join(known)}."

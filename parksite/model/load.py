"""Loads data/park.yml once per build, validates all of it, and explains every mistake."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterator
from functools import partial, wraps
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from parksite.model import park as model
from parksite.model.errors import DataError, Problem
from parksite.model.park import EXCHANGE_RATE, Park
from parksite.model.yamlsource import Located, field_name, load_text
from parksite.project import DATA_FILE, shown

_cache: dict[str, tuple[tuple[int, int], Park]] = {}

_DOLLAR = re.compile(r"(usd|dollar|美元|\$)", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A dollar amount typed into a text: "US$943 million", "943 million dollars", "9.43亿美元".
_DOLLAR_FIGURE = re.compile(
    r"\$\s*\d|\d\s*(million|billion|thousand)?\s*(US\s)?dollars?\b|\d\s*[万亿]?\s*美元",
    re.IGNORECASE,
)


def load_park(path: Path = DATA_FILE, *, today: dt.date | None = None) -> Park:
    """The validated data, read again only when the file has changed since the last call.

    Called for every page of a build, so the unchanged case is one stat() of the path as given.
    """
    key = os.fspath(path)
    try:
        stat = os.stat(key)
        stamp = (stat.st_mtime_ns, stat.st_size)
    except FileNotFoundError:
        stamp = (0, 0)
    cached = _cache.get(key)
    if cached and cached[0] == stamp and today is None:
        return cached[1]
    path = path.resolve()
    park = parse_park(read_text(path), shown(path), today=today)
    _cache[key] = (stamp, park)
    return park


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
    data = path.read_bytes()
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


def parse_park(text: str, file: str = "data/park.yml", *, today: dt.date | None = None) -> Park:
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
        park = Park.model_validate(located.data)
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
        if name in model.LANGS:
            language = "Chinese" if name == "zh" else "English"
            return (
                f"the {language} text (`{name}:`) is missing.",
                "every label and text is written in both languages, e.g. "
                "label: {en: National patents, zh: 国家专利}.",
            )
        return f"`{name}` is missing.", f"add a line `{name}: ...` (see the facts around it)."
    if kind == "extra_forbidden":
        moved = _moved_left(path, located)
        if moved:
            return moved
        if _DOLLAR.search(name):
            return (
                f"`{name}` is not allowed: US dollar figures are never typed.",
                "state the amount in yuan (unit: yuan); the site computes dollars from "
                f"{EXCHANGE_RATE}.",
            )
        close = difflib.get_close_matches(name, sorted(_FIELDS), n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else "delete it, or check its spelling."
        return f"`{name}` is not a known key here.", hint
    if kind in ("int_type", "float_type", "int_from_float"):
        if name == "value":
            return f"expected a number, found {found}.", _number_hint(located.raw.get(path, ""))
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


def _number_hint(raw: str) -> str:
    """How to write a figure typed as words, with commas or in dollars."""
    if _DOLLAR.search(raw):
        return (
            "US dollar figures are never typed: write the amount in yuan with unit: yuan; "
            f"the site computes dollars from {EXCHANGE_RATE}."
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
    for uid, unit in park.units.items():
        if unit.kind != "rate" and (
            _DOLLAR.search(uid) or _DOLLAR.search(unit.en) or _DOLLAR.search(unit.zh)
        ):
            yield at(
                "units",
                uid,
                message="a unit in US dollars is not allowed: dollar figures are never typed.",
                hint=f"state amounts in yuan; the site computes dollars from {EXCHANGE_RATE}.",
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
        yield from _typed_dollars(fid, fact, at)
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

    rate = park.facts.get(EXCHANGE_RATE)
    if (
        rate is None
        or rate.value is None
        or park.units.get(rate.unit or "", None) is None
        or park.units[rate.unit or ""].kind != "rate"
    ):
        yield at(
            "facts",
            message=f"`{EXCHANGE_RATE}` is missing: every US dollar figure is computed from it.",
            hint="keep the exchange rate fact with value, unit: yuan_per_usd, as_of and source.",
        )
    elif not 1 < float(rate.value) < 20:
        yield at(
            "facts",
            EXCHANGE_RATE,
            "value",
            message=f"{rate.value} yuan per US dollar is not a plausible exchange rate.",
            hint="write how many yuan one US dollar buys, e.g. 6.361.",
        )

    yield from _totals_problems(park, at)


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
    for lang in model.LANGS:
        unit_words, label_words = _words(getattr(unit, lang)), _words(fact.label[lang])
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
            message=f"the unit `{fact.unit}` reads '{getattr(unit, lang)}', so the site would "
            f"print '{fact.value} {getattr(unit, lang)}', but the label "
            f"'{fact.label[lang]}' does not say {' '.join(missing)}.",
            hint=f"this fact counts something else: add a unit for it under `units:` (kind: "
            f"count, and its words in each language), e.g. {new_id}s, and write unit: {new_id}s.",
        )
        return


def _typed_dollars(fid: str, fact: model.Fact, at) -> Iterator[Problem]:
    """A dollar amount typed into a label, text or list item, instead of computed."""
    texts = [("label", fact.label), ("text", fact.text)]
    texts += [(("items", i), item) for i, item in enumerate(fact.items or [])]
    for where, bilingual in texts:
        for lang in model.LANGS:
            if bilingual is not None and _DOLLAR_FIGURE.search(bilingual[lang]):
                path = (where if isinstance(where, tuple) else (where,)) + (lang,)
                yield at(
                    "facts",
                    fid,
                    *path,
                    message="a US dollar amount is typed into this text.",
                    hint="state the amount in yuan as a number fact; the site computes dollars "
                    f"from {EXCHANGE_RATE} ({{{{ money(...) }}}} in a page).",
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


# Values computed from one load of the data (one Park from load_park): a figure's HTML, the numbers the typed-figure
# check compares with. A big site asks for the same ones thousands of times; a new load of
# the data (another Park) starts afresh.
T = TypeVar("T")
_derived: dict[Hashable, Any] = {}
_derived_from: list[Park] = []


def derived(park: Park, key: Hashable, make: Callable[[], T]) -> T:
    """`make()` for this load of the data, computed once."""
    if not _derived_from or _derived_from[0] is not park:
        _derived.clear()
        _derived_from[:] = [park]
    if key not in _derived:
        _derived[key] = make()
    return _derived[key]


def per_data_load(function: Callable[..., T]) -> Callable[..., T]:
    """A function of (park, *args) whose value is computed once per load of the data."""

    @wraps(function)
    def cached(park: Park, *args: Hashable) -> T:
        return derived(park, (function, *args), partial(function, park, *args))

    return cached

"""The shape of data/park.yml: facts with units, qualifiers, dates and sources.

Pydantic rather than a hand-written JSON Schema: one set of classes gives typed objects to
the macros, precise errors with paths, and the JSON Schema editors' tools read.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
FactId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
Qualifier = Literal["more_than", "over", "record", "planned", "about"]
UnitKind = Literal["money", "count", "year", "area", "rate"]


def mistake(message: str, hint: str) -> PydanticCustomError:
    """A rule of this file broken: the message and the hint the editor reads."""
    return PydanticCustomError("park", message, {"hint": hint})


class Strict(BaseModel):
    """Unknown keys and loose types are mistakes: refuse them instead of guessing."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Bilingual(Strict):
    """A text in English and in Chinese."""

    en: Text
    zh: Text

    def __getitem__(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.zh


class Source(Strict):
    """A publication the facts come from."""

    publisher: Bilingual
    title: Bilingual
    date: dt.date = Field(description="The day it was published, YYYY-MM-DD.")
    language: Lang
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$")]
    review_by: dt.date | None = Field(
        default=None,
        description="Check its facts again by this day (default: two years after each fact's as_of).",
    )


class Unit(Strict):
    """How a number reads after it: `kind` decides its formatting, en/zh the words."""

    kind: UnitKind
    en: str
    zh: str


class Period(Strict):
    """The time a figure covers: one year, or a span from a year (to a year)."""

    model_config = ConfigDict(populate_by_name=True)

    year: int | None = None
    start: int | None = Field(default=None, alias="from")
    end: int | None = Field(default=None, alias="to")

    @model_validator(mode="after")
    def _one_shape(self) -> Period:
        if (self.year is None) == (self.start is None):
            raise mistake(
                "a period is either one year or a span from a year.",
                "write {year: 2021} or {from: 2015} (or {from: 2022, to: 2024}), not both.",
            )
        if self.end is not None and (self.start is None or self.end < self.start):
            raise mistake(
                "`to:` needs a `from:` that is not after it.", "write {from: 2022, to: 2024}."
            )
        return self


class Fact(Strict):
    """One fact: a number with its unit, a text, or a list of items, with its provenance."""

    topic: str = Field(description="One of the keys under `topics:`.")
    label: Bilingual = Field(description="What the figure measures, in English and Chinese.")
    value: int | float | None = Field(
        default=None,
        description="Digits only: 6000000000, never '6 billion' or '60亿'. Needs `unit:`.",
    )
    unit: str | None = Field(default=None, description="One of the keys under `units:`.")
    qualifier: Qualifier | None = Field(
        default=None, description="Only when the source says so: more than, over, record..."
    )
    text: Bilingual | None = None
    items: list[Bilingual] | None = Field(default=None, min_length=1)
    period: Period | None = None
    as_of: dt.date = Field(description="The day the figure was true, YYYY-MM-DD.")
    source: SourceId = Field(description="One of the keys under `sources:`.")
    also: list[SourceId] = Field(default=[], description="Other sources that say the same.")
    review_by: dt.date | None = Field(
        default=None,
        description="Check the figure again by this day (default: its source's review_by, "
        "else two years after as_of).",
    )

    @model_validator(mode="after")
    def _one_kind(self) -> Fact:
        kinds = [k for k in ("value", "text", "items") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise mistake(
                "a fact has exactly one of `value:` (a number), `text:` or `items:`; "
                + (f"this one has {' and '.join(kinds)}." if kinds else "this one has none."),
                "keep the one that fits and delete the others; a second figure is a second fact "
                "with its own id.",
            )
        if self.value is not None and self.unit is None:
            raise mistake(
                "this number has no `unit:`.",
                "add a line `unit: ...` with one of the keys under `units:`, e.g. unit: yuan.",
            )
        if self.value is None and (self.unit or self.qualifier):
            raise mistake(
                "`unit:` and `qualifier:` belong to a number, and this fact has no `value:`.",
                "delete them, or give the fact its `value:`.",
            )
        return self

    @property
    def kind(self) -> Literal["number", "text", "items"]:
        if self.value is not None:
            return "number"
        return "text" if self.text is not None else "items"


class Placeholder(Strict):
    """A value the sources do not give (contact details, ICP number), kept visibly empty."""

    label: Bilingual
    placeholder: bool = False
    value: Text | None = None

    @model_validator(mode="after")
    def _marked(self) -> Placeholder:
        if self.placeholder and self.value is not None:
            raise mistake(
                "this has a value and is still marked as a placeholder.",
                "delete the line `placeholder: true`.",
            )
        if not self.placeholder and self.value is None:
            raise mistake(
                "this has no value.",
                "give `value:`, or write `placeholder: true` until it is known.",
            )
        return self


class Park(Strict):
    """Everything in data/park.yml."""

    schema_version: Literal[1]
    last_checked: dt.date = Field(
        description="The day someone last checked every fact against its source; the site shows it."
    )
    sources: dict[SourceId, Source] = Field(min_length=1)
    units: dict[str, Unit]
    topics: dict[str, Bilingual]
    facts: dict[FactId, Fact] = Field(min_length=1)
    placeholders: dict[FactId, Placeholder] = {}


EXCHANGE_RATE = "exchange_rate.yuan_per_usd"

"""The shape of data/park.yml: facts with units, qualifiers, dates and sources, and the
site's settings.

Pydantic rather than a hand-written JSON Schema: one set of classes gives typed objects to
the macros, precise errors with paths, and the JSON Schema editors' tools read. Texts are
given in each of the site's languages, which validation takes from its context:
`Park.model_validate(data, context={"languages": ("en", "zh")})`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

T = TypeVar("T")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}([_-][A-Za-z0-9]+)*$")]
CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
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


def site_languages(info: ValidationInfo) -> tuple[str, ...]:
    """The languages the data is validated for (from mkdocs.yml, via the context)."""
    return tuple((info.context or {}).get("languages") or ())


def _in_each_language(texts: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    languages = site_languages(info)
    missing = [code for code in languages if code not in texts]
    if missing:
        example = ", ".join(f"{code}: {texts.get(code, '...')}" for code in languages)
        raise mistake(
            f"the text in {_named(missing)} is missing.",
            f"every label and text is written in each of the site's languages: {{{example}}}.",
        )
    _only_site_languages(list(texts), languages)
    return texts


def _only_site_languages(codes: list[str], languages: tuple[str, ...]) -> None:
    unknown = [code for code in codes if code not in languages]
    if languages and unknown:
        raise mistake(
            f"{_named(unknown)} is not one of the site's languages ({', '.join(languages)}).",
            "delete it, or add the language to the i18n languages in mkdocs.yml.",
        )


def _named(codes: list[str]) -> str:
    return " and ".join(f"`{code}:`" for code in codes)


# A text in each of the site's languages: {en: National patents, zh: 国家专利}.
Texts = Annotated[dict[LanguageCode, Text], AfterValidator(_in_each_language)]


def _site_language_codes(codes: list[str], info: ValidationInfo) -> list[str]:
    _only_site_languages(codes, site_languages(info))
    return codes


# Some of the site's languages: [zh].
LanguageCodes = Annotated[list[LanguageCode], AfterValidator(_site_language_codes)]


class Source(Strict):
    """A publication the facts come from."""

    publisher: Texts
    title: Texts
    date: dt.date = Field(description="The day it was published, YYYY-MM-DD.")
    language: LanguageCode = Field(description="The language it is written in: en, zh, de...")
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$")]
    review_by: dt.date | None = Field(
        default=None,
        description="Check its facts again by this day (default: two years after each fact's as_of).",
    )


class Unit(Strict):
    """How a number reads: `kind` decides its formatting; the words come after it in each
    language (`{en: yuan, zh: 元}` beside `kind:`). Money has a `currency`; an exchange rate
    says how much of `currency` one unit of `per` buys."""

    kind: UnitKind
    currency: CurrencyCode | None = Field(default=None, description="ISO 4217 code: CNY, EUR...")
    per: CurrencyCode | None = Field(
        default=None, description="For a rate: the currency one unit of which it prices."
    )
    words: dict[LanguageCode, str] = Field(
        default={}, description="Written beside kind: `en: yuan`, `zh: 元`."
    )

    @model_validator(mode="before")
    @classmethod
    def _words_beside_kind(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict):
            return data
        languages = site_languages(info)
        own = {"kind", "currency", "per", "words"}
        words = {k: v for k, v in data.items() if k in languages}
        rest = {k: v for k, v in data.items() if k not in languages}
        strangers = [k for k in rest if k not in own and re.fullmatch(r"[a-z]{2,3}", str(k))]
        if languages and strangers:
            raise mistake(
                f"{_named(strangers)} is not one of the site's languages ({', '.join(languages)}).",
                "delete it, or add the language to the i18n languages in mkdocs.yml.",
            )
        missing = [code for code in languages if code not in words]
        if missing and "kind" in rest and not set(rest) - own:
            raise mistake(
                f"the unit's word in {_named(missing)} is missing.",
                "write what the unit reads as in each language, beside kind: "
                + ", ".join(f"{code}: ..." for code in languages)
                + ' (an empty word is written "").',
            )
        return {**rest, "words": words} if words or "words" not in rest else rest

    @model_validator(mode="after")
    def _currency_for_money(self) -> Unit:
        if self.kind == "money" and self.currency is None:
            raise mistake(
                "an amount of money needs its currency.",
                "add `currency:` with its ISO code, e.g. currency: CNY (yuan), EUR, USD.",
            )
        if self.per is not None and self.kind != "rate":
            raise mistake("`per:` belongs to an exchange rate (kind: rate).", "delete it.")
        return self

    def __getitem__(self, code: str) -> str:
        return self.words.get(code, "")


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
    label: Texts = Field(description="What the figure measures, in each language.")
    value: int | float | None = Field(
        default=None,
        description="Digits only: 6000000000, never '6 billion' or '60亿'. Needs `unit:`.",
    )
    unit: str | None = Field(default=None, description="One of the keys under `units:`.")
    qualifier: Qualifier | None = Field(
        default=None, description="Only when the source says so: more than, over, record..."
    )
    text: Texts | None = None
    items: list[Texts] | None = Field(default=None, min_length=1)
    period: Period | None = None
    as_of: dt.date = Field(description="The day the figure was true, YYYY-MM-DD.")
    source: SourceId = Field(description="One of the keys under `sources:`.")
    also: list[SourceId] = Field(default=[], description="Other sources that say the same.")
    review_by: dt.date | None = Field(
        default=None,
        description="Check the figure again by this day (default: its source's review_by, "
        "else two years after as_of).",
    )
    derived: bool = Field(
        default=False,
        description="true when the source does not state the figure but implies it (a rate "
        "worked out from its conversion): notes say 'worked out from', not 'source'.",
    )
    wording: dict[LanguageCode, SourceId] = Field(
        default={},
        description="The source that gives the fact's text in a language when `source:` does "
        "not (a Chinese name only a Chinese report gives): {zh: tywb-2021-11-03}; list it under "
        "`also:` too.",
    )
    own_translation: LanguageCodes = Field(
        default=[],
        description="Languages in which `text:` or `items:` is this site's own translation of "
        "a name or title no source gives in that language: pages mark it as ours.",
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

    label: Texts
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


class SecondCurrency(Strict):
    """Amounts also shown in a second currency, computed from one dated rate fact."""

    rate: FactId = Field(description="The exchange rate fact (its unit: kind rate, currency, per).")
    written: Texts = Field(
        description="How a converted amount is written in each language; {} is the amount: "
        "{en: 'US${}', zh: '{}美元'}."
    )
    sentence: Texts | None = Field(
        default=None,
        description="The sentence naming the rate, in each language, with {rate} (or "
        "{rate_number}), {currency}, {source} and {date}; default: the engine's.",
    )


class Settings(Strict):
    """What the engine needs to know about the site, each part optional."""

    name: FactId | None = Field(default=None, description="The text fact naming the park.")
    location: FactId | None = Field(default=None, description="The text fact of its place.")
    founded: FactId | None = Field(
        default=None, description="The year fact (unit of kind year) it began operating."
    )
    second_currency: SecondCurrency | None = None
    icp_number: FactId | None = Field(
        default=None,
        description="The placeholder holding the ICP filing number shown in the footer.",
    )
    hosted_in_mainland_china: bool = Field(
        default=False, description="A host in mainland China needs the ICP filing number."
    )
    overdue_note_after_days: int | None = Field(
        default=None,
        ge=0,
        description="Days a fact may stay past its review date before its pages tell readers "
        "it may have changed since (builds tell staff from the review date on); leave out to "
        "never tell readers.",
    )


class Park(Strict):
    """Everything in data/park.yml."""

    schema_version: Literal[2]
    last_checked: dt.date = Field(
        description="The day someone last checked every fact against its source; the site shows it."
    )
    sources: dict[SourceId, Source] = Field(min_length=1)
    units: dict[str, Unit]
    topics: dict[str, Texts]
    facts: dict[FactId, Fact] = Field(min_length=1)
    placeholders: dict[FactId, Placeholder] = {}
    site: Settings = Settings()
    # Values made from this load of the data (figures' HTML, footnote lists...), each once.
    _memo: dict = PrivateAttr(default_factory=dict)
    _languages: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _know_the_languages(self, info: ValidationInfo) -> Park:
        self._languages = site_languages(info)
        return self

    @property
    def languages(self) -> tuple[str, ...]:
        """The codes of the languages the data was validated for: ('en', 'zh')."""
        return self._languages

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()` for this load of the data, computed once: a new load starts afresh."""
        # Read past pydantic's attribute lookup: every figure of every page comes through here.
        memo = self.__pydantic_private__["_memo"]
        try:
            return memo[key]
        except KeyError:
            memo[key] = value = make()
            return value

    def unit_of(self, fact: Fact) -> Unit | None:
        return self.units.get(fact.unit or "")

    def is_money(self, fact: Fact) -> bool:
        unit = self.unit_of(fact)
        return fact.value is not None and unit is not None and unit.kind == "money"

    def converts(self, fact: Fact) -> bool:
        """Whether a fact's amount is also shown in the second currency."""
        rate = self.rate_unit()
        unit = self.unit_of(fact)
        return (
            rate is not None
            and unit is not None
            and fact.value is not None
            and unit.kind == "money"
            and unit.currency == rate.currency
        )

    def rate_fact(self) -> Fact | None:
        second = self.site.second_currency
        return self.facts.get(second.rate) if second else None

    def rate_unit(self) -> Unit | None:
        fact = self.rate_fact()
        return self.unit_of(fact) if fact else None

"""The site's languages, from mkdocs.yml, each with everything the engine writes in it.

One registry replaces every per-language branch: the HTML `lang`, `og:locale`, Babel locale,
URL prefix, file suffix, and the words and number style (parksite/i18n/words/<code>.yml,
which a site extends or overrides with data/words/<code>.yml). The languages are those of
the mkdocs-static-i18n plugin (`docs_structure: suffix`), or the theme's one language.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from parksite.model.errors import DataError, Problem
from parksite.model.yamlsource import Located, load_text
from parksite.project import shown

ENGINE_WORDS = Path(__file__).with_name("words")
# The language whose words file lists every key a language needs.
REFERENCE = "en"
# Parts a pattern may name beyond those its English names: a qualifier may go between a
# number's digits and its magnitude (60余亿).
MORE_PARTS = {"qualifier.": {"digits", "magnitude"}}


@dataclass(frozen=True, eq=False)  # made once per build: compared and hashed by identity
class Words:
    """A language's words: patterns and labels by dotted key ('stories.back'), and the
    number style under `numbers.`."""

    entries: tuple[tuple[str, object], ...]
    _by_key: dict[str, object] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", dict(self.entries))

    def __getitem__(self, key: str) -> str:
        return str(self._by_key[key])

    def setting(self, key: str) -> object:
        return self._by_key[key]

    def get(self, key: str) -> str | None:
        value = self._by_key.get(key)
        return None if value is None else str(value)

    def format(self, key: str, **parts: object) -> str:
        """The pattern `key` with its parts filled in: format('as_of', date='…')."""
        return self[key].format(**parts)


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str  # the i18n locale: 'zh', as in about.zh.md and /zh/about/
    name: str  # as the language menu shows it: '中文'
    default: bool
    html: str  # <html lang> and hreflang: 'zh-Hans'
    locale: str  # Babel's: 'zh_Hans_CN'
    og: str  # Open Graph's og:locale: 'zh_CN'
    words: Words

    @property
    def prefix(self) -> str:
        """Where its pages are, from the site root: '' or 'zh/'."""
        return "" if self.default else f"{self.code}/"

    @property
    def suffix(self) -> str:
        """Before .md in its page files: '' or '.zh'."""
        return "" if self.default else f".{self.code}"

    @property
    def compact_from(self) -> int:
        return int(self.words.setting("numbers.compact_from"))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Languages:
    """The site's languages, the default first."""

    all: tuple[Language, ...]
    # Each page file's language, worked out once (every page asks of every link and twin).
    _of_file: dict[str, Language] = field(default_factory=dict, compare=False, repr=False)

    def __iter__(self) -> Iterator[Language]:
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    def __getitem__(self, code: str) -> Language:
        for language in self.all:
            if language.code == code:
                return language
        raise KeyError(code)

    @property
    def default(self) -> Language:
        return self.all[0]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.all)

    def of_file(self, src_uri: str) -> Language:
        """The language of a page file: 'about.zh.md' is zh, 'about.md' the default."""
        found = self._of_file.get(src_uri)
        if found is None:
            stem = src_uri.removesuffix(".md")
            ends = (language for language in self.all[1:] if stem.endswith(language.suffix))
            found = self._of_file[src_uri] = next(ends, self.default)
        return found

    def file_in(self, src_uri: str, language: Language) -> str:
        """The same page's file in another language: about.md -> about.zh.md."""
        own = self.of_file(src_uri)
        stem = src_uri.removesuffix(".md").removesuffix(own.suffix)
        return f"{stem}{language.suffix}.md"

    def url_in(self, url: str, language: Language) -> str:
        """The same page's URL in another language: 'zh/about/' -> 'about/'."""
        return language.prefix + self.base_url(url)

    def base_url(self, url: str) -> str:
        """A page URL without its language prefix: 'zh/about/' -> 'about/'."""
        for other in self.all[1:]:
            if url == other.prefix.rstrip("/") or url.startswith(other.prefix):
                return url.removeprefix(other.prefix.rstrip("/")).removeprefix("/")
        return url


# --- Building the registry ----------------------------------------------------------------


def engine_language(
    code: str, *, default: bool = True, html: str | None = None, locale: str | None = None
) -> Language:
    """One language with the engine's own words, outside any site (for tools and tests)."""
    entry = {"locale": code, "default": default, "theme": {"language": html or code}}
    config = {
        "plugins": [
            {"i18n": {"languages": [entry]}},
            {"parksite": {"locales": {code: locale} if locale else {}}},
        ]
    }
    return replace(build_languages(config, "mkdocs.yml", None).all[0], default=default)


def i18n_languages(config: Mapping) -> list[dict]:
    """The languages of mkdocs.yml as plain dicts: the i18n plugin's, else the theme's one."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = (plugin["i18n"] or {}).get("languages") or []
            return [dict(lang) for lang in languages if isinstance(lang, dict)]
    theme = config.get("theme") or {}
    code = (theme.get("language") if isinstance(theme, dict) else None) or "en"
    return [{"locale": code, "default": True, "name": code}]


def plugin_settings(config: Mapping) -> dict:
    """The parksite plugin's settings in mkdocs.yml (`- parksite: {...}`), or none."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "parksite" in plugin:
            return dict(plugin["parksite"] or {})
    return {}


def build_languages(config: Mapping, config_file: str, words_dir: Path | None) -> Languages:
    """The registry for a site's mkdocs.yml (as plain values) and its own words folder.

    Raises DataError naming the file and line of a missing or malformed word.
    """
    listed = [lang for lang in i18n_languages(config) if lang.get("build", True) is not False]
    listed.sort(key=lambda lang: not lang.get("default", False))
    locales = plugin_settings(config).get("locales") or {}
    problems: list[Problem] = []
    reference = _read_words(ENGINE_WORDS / f"{REFERENCE}.yml", problems)
    languages = []
    for position, lang in enumerate(listed):
        code = str(lang.get("locale", ""))
        theme = lang.get("theme") if isinstance(lang.get("theme"), dict) else {}
        html = str(theme.get("language") or code)
        locale = str(locales.get(code) or _full_locale(html))
        try:
            Locale.parse(locale)
        except (ValueError, UnknownLocaleError):
            problems.append(
                Problem(
                    config_file,
                    None,
                    None,
                    f"plugins.parksite.locales.{code}",
                    f"'{locale}' is not a locale Babel knows.",
                    "write a locale such as en_GB, zh_Hans_CN or de_DE.",
                )
            )
            locale = "en"
        words = _language_words(code, locale, reference, words_dir, problems)
        languages.append(
            Language(
                code=code,
                name=str(lang.get("name") or code),
                default=position == 0,
                html=html,
                locale=locale,
                og=_og_locale(html),
                words=words,
            )
        )
    if problems:
        raise DataError(problems)
    return Languages(tuple(languages))


def _likely(html: str) -> list[str]:
    """The parts of an HTML language with its likely script and region, from CLDR's likely
    subtags: 'zh-Hans' -> ['zh', 'Hans', 'CN'], 'en' -> ['en', 'Latn', 'US']."""
    tag = html.replace("-", "_")
    likely = get_global("likely_subtags")
    parts = tag.split("_")
    found = likely.get(tag) or likely.get(parts[0])
    if not found:
        return parts
    full = found.split("_")
    # Keep what the tag says; take only what it leaves out from the likely form.
    script = next((p for p in parts[1:] if len(p) == 4), None)
    if script and len(full) > 1 and full[1] != script:
        return parts
    return [parts[0], *(script or full[1],)][: 2 if len(full) > 1 else 1] + full[2:]


def _full_locale(html: str) -> str:
    """The Babel locale of an HTML language with its script and region: 'zh-Hans' ->
    'zh_Hans_CN'; a bare language stays bare ('en', 'de': Babel's own defaults)."""
    tag = html.replace("-", "_")
    parts = tag.split("_")
    if len(parts) == 1 or any(p.isupper() or p.isdigit() for p in parts[1:]):
        return tag  # a bare language, or one that names its region already
    return "_".join(_likely(html))


def _og_locale(html: str) -> str:
    """Open Graph's language_TERRITORY: 'zh-Hans' -> 'zh_CN', 'en' -> 'en_US'."""
    parts = _likely(html)
    territory = next((p for p in parts[1:] if p.isupper() or p.isdigit()), "")
    return f"{parts[0]}_{territory}" if territory else parts[0]


def _language_words(
    code: str,
    locale: str,
    reference: dict[str, object],
    words_dir: Path | None,
    problems: list[Problem],
) -> Words:
    """The engine's words for a language (by its code, else its Babel language), overridden
    and completed by the site's data/words/<code>.yml."""
    merged: dict[str, object] = {}
    # Where each word was read: (file as shown, its located YAML).
    origin: dict[str, tuple[str, Located]] = {}
    base = locale.split("_")[0]
    engine = next(
        (p for p in (ENGINE_WORDS / f"{code}.yml", ENGINE_WORDS / f"{base}.yml") if p.is_file()),
        None,
    )
    site_file = words_dir / f"{code}.yml" if words_dir is not None else None
    for path in (engine, site_file):
        if path is not None and path.is_file():
            own, located = _read_words_located(path, problems)
            merged.update(own)
            origin.update({key: (shown(path), located) for key in own})
    where = shown(site_file) if site_file is not None else f"data/words/{code}.yml"
    for key, english in reference.items():
        if key not in merged:
            problems.append(
                Problem(
                    where,
                    None,
                    None,
                    key,
                    f"the {code} word for `{key}` is missing.",
                    f"add it to {where}; in English it reads: {english!r}.",
                )
            )
            continue
        allowed = _fields(english).union(
            *(more for prefix, more in MORE_PARTS.items() if key.startswith(prefix))
        )
        unknown = _fields(merged[key]) - allowed
        if unknown:
            file, located = origin[key]
            parts = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "none"
            problems.append(
                Problem(
                    file,
                    located.where(tuple(key.split(".")))[0],
                    None,
                    key,
                    f"`{key}` names {', '.join(f'{{{n}}}' for n in sorted(unknown))}, which "
                    "the engine does not fill in.",
                    f"use only these parts: {parts}; in English it reads: {english!r}.",
                )
            )
    return Words(tuple(sorted(merged.items())))


def _fields(value: object) -> set[str]:
    if not isinstance(value, str):
        return set()
    try:
        return {name for _, name, _, _ in string.Formatter().parse(value) if name}
    except ValueError:
        return {"(unbalanced braces)"}


def _read_words(path: Path, problems: list[Problem]) -> dict[str, object]:
    return _read_words_located(path, problems)[0]


def _read_words_located(path: Path, problems: list[Problem]) -> tuple[dict[str, object], Located]:
    try:
        located = load_text(path.read_text(encoding="utf-8"), shown(path))
    except DataError as exc:
        problems.extend(exc.problems)
        return {}, Located(data={}, file=shown(path))
    problems.extend(located.problems)
    flat: dict[str, object] = {}
    _flatten(located.data, (), flat)
    return flat, located


def _flatten(data: object, path: tuple, into: dict[str, object]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            _flatten(value, (*path, str(key)), into)
    elif path:
        into[".".join(path)] = data

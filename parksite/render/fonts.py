"""The fonts the share images are drawn with: found on the machine, never fetched, and only
used when they have a glyph for every character to draw (so an image never shows tofu).

A family is a regular and a bold file; the first family of FAMILIES found in FONT_DIRS that
covers a text is used. In a collection (.ttc) the face made for the page's language and
script is preferred, from the languages its name table is written in: Noto Sans CJK's SC
face for Simplified Chinese, its JP face for Japanese, any face for English.
"""

from __future__ import annotations

import locale
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global, parse_locale
from fontTools.ttLib import TTCollection, TTFont

# Where fonts are looked for. PARKSITE_FONT_DIRS (folders separated by os.pathsep) replaces
# them; the tests point it at an empty folder to build as a machine without fonts does.
FONT_DIRS_VARIABLE = "PARKSITE_FONT_DIRS"
SYSTEM_FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local" / "share" / "fonts",
    Path.home() / ".fonts",
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts"),
    Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts",
)
# (regular, bold) file names, best first: Noto Sans CJK covers Chinese, Japanese, Korean and
# Latin; Noto Sans and DejaVu Sans cover Latin, Greek and Cyrillic scripts.
FAMILIES = (
    ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"),  # Debian/Ubuntu fonts-noto-cjk
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),  # Debian/Ubuntu fonts-noto-core
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),  # Debian/Ubuntu fonts-dejavu-core
)
# The platform of the name records whose language ids Python knows (locale.windows_locale).
WINDOWS_PLATFORM = 3
# What the build says when no family has every character of an image.
HOW_TO_GET = (
    "install Noto Sans CJK (Debian/Ubuntu: apt-get install fonts-noto-cjk; elsewhere: "
    "https://github.com/notofonts/noto-cjk) and build again"
)


@dataclass(frozen=True)
class Face:
    """One face of a font file: index 0 unless the file is a collection."""

    path: str
    index: int
    stamp: tuple[int, int]  # size and modification time: a changed file is drawn again


@dataclass(frozen=True)
class Family:
    regular: Face
    bold: Face


def font_dirs() -> tuple[Path, ...]:
    """The folders searched, from PARKSITE_FONT_DIRS when it is set."""
    chosen = os.environ.get(FONT_DIRS_VARIABLE)
    if chosen is not None:
        return tuple(Path(p) for p in chosen.split(os.pathsep) if p)
    return SYSTEM_FONT_DIRS


def font_files(dirs: tuple[Path, ...] | None = None) -> dict[str, Path]:
    """The files of FAMILIES on this machine by name: the first of each name found in the
    folders, in a fixed order (one walk of the font folders per build)."""
    wanted = {name for pair in FAMILIES for name in pair}
    found: dict[str, Path] = {}
    for top in font_dirs() if dirs is None else dirs:
        for folder, subfolders, files in os.walk(top):
            subfolders.sort()
            for name in sorted(wanted.intersection(files) - found.keys()):
                found[name] = Path(folder) / name
    return found


def font_stamps(files: dict[str, Path]) -> tuple[tuple[str, str, int, int], ...]:
    """The font files found, with their sizes and times: what a drawing's digest names."""
    stamps = []
    for name, path in sorted(files.items()):
        stat = path.stat()
        stamps.append((name, str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


def drawable(text: str) -> frozenset[int]:
    """The characters of a text a font must have: all but spaces and invisible controls."""
    return frozenset(
        ord(c) for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf")
    )


def _open(path: str) -> list[TTFont]:
    if path.lower().endswith((".ttc", ".otc")):
        return TTCollection(path, lazy=True).fonts
    return [TTFont(path, lazy=True)]


@lru_cache(maxsize=16)
def _languages(path: str, stamp: tuple[int, int]) -> tuple[frozenset[str], ...]:
    """For each face of a font file, the languages its Windows names are written in ('zh_CN')."""
    return tuple(
        frozenset(
            locale.windows_locale.get(record.langID, "")
            for record in font["name"].names
            if record.platformID == WINDOWS_PLATFORM
        )
        - {""}
        for font in _open(path)
    )


@lru_cache(maxsize=16)
def _characters(path: str, stamp: tuple[int, int], index: int) -> frozenset[int]:
    """The characters one face has: read only for the faces tried (a CJK face takes 0.1 s)."""
    return frozenset(_open(path)[index].getBestCmap() or ())


@lru_cache(maxsize=16)
def writing(tag: str) -> tuple[str, str | None]:
    """A language tag's language and script: 'zh-Hans' and 'zh' are ('zh', 'Hans')."""
    try:
        parsed = Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return tag.split("-")[0].lower(), None
    script = parsed.script
    if script is None:
        likely = get_global("likely_subtags")
        full = likely.get(f"{parsed.language}_{parsed.territory}") or likely.get(parsed.language)
        script = parse_locale(full)[2] if full else None
    return parsed.language, script


def _face(path: Path, needed: frozenset[int], tag: str) -> Face | None:
    """The face of a file that has every needed character, preferring one made for the
    language and script of `tag`; None if no face has them all."""
    stat = path.stat()
    stamp = (stat.st_size, stat.st_mtime_ns)
    languages = _languages(str(path), stamp)
    wanted = writing(tag)
    made_for = [any(writing(t) == wanted for t in names) for names in languages]
    for index in sorted(range(len(languages)), key=lambda i: not made_for[i]):
        if needed <= _characters(str(path), stamp, index):
            return Face(str(path), index, stamp)
    return None


def find_family(text: str, tag: str, files: dict[str, Path]) -> Family | None:
    """The best family of `files` (font_files()) that can draw every character of `text` in
    the language `tag` (BCP 47, as html lang: 'zh-Hans'), or None."""
    needed = drawable(text)
    for regular_name, bold_name in FAMILIES:
        if regular_name not in files:
            continue
        regular = _face(files[regular_name], needed, tag)
        bold = _face(files[bold_name], needed, tag) if bold_name in files else regular
        if regular and bold:
            return Family(regular, bold)
    return None

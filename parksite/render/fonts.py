"""The fonts the share images are drawn with: found on the machine, never fetched, and only
used when they have a glyph for every character to draw (so an image never shows tofu).

A family is a regular and a bold file; the first family of FAMILIES found in the font folders
(font_dirs) that covers a text is used. In a collection (.ttc) the face made for the page's language and
script is preferred, from the languages its name table is written in: Noto Sans CJK's SC
face for Simplified Chinese, its JP face for Japanese, any face for English.
"""

from __future__ import annotations

import bisect
import locale
import os
import struct
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.core import get_global, parse_locale

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

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
    # Imported here: a build whose images are all in the build cache never opens a font
    # (fontTools takes 0.05 s to import).
    from fontTools.ttLib import TTCollection, TTFont

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


# A face's Unicode character maps, best first: all of Unicode, then its first plane only.
UNICODE_MAPS = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3))


@lru_cache(maxsize=16)
def _has(path: str, stamp: tuple[int, int], index: int) -> Callable[[int], bool]:
    """Whether one face has a glyph for a character, read from its raw character map:
    fontTools' own reading names each of a CJK face's 65,000 glyphs first (0.2 s a face)."""
    data = _open(path)[index].reader["cmap"]
    _, count = struct.unpack_from(">HH", data)
    maps: dict[tuple[int, int], int] = {}
    for n in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, 4 + 8 * n)
        maps.setdefault((platform, encoding), offset)
    for key in UNICODE_MAPS:
        offset = maps.get(key)
        form = struct.unpack_from(">H", data, offset)[0] if offset is not None else None
        if form == 12:
            return _segmented(data, offset)
        if form == 4:
            return _segments_of_the_first_plane(data, offset)
    return lambda code: False


def _segmented(data: bytes, offset: int) -> Callable[[int], bool]:
    """OpenType cmap format 12: groups of consecutive characters and glyphs."""
    (count,) = struct.unpack_from(">I", data, offset + 12)
    groups = list(struct.iter_unpack(">III", data[offset + 16 : offset + 16 + 12 * count]))
    starts = [start for start, _, _ in groups]

    def has(code: int) -> bool:
        n = bisect.bisect_right(starts, code) - 1
        if n < 0:
            return False
        start, end, glyph = groups[n]
        return code <= end and glyph + code - start != 0

    return has


def _segments_of_the_first_plane(data: bytes, offset: int) -> Callable[[int], bool]:
    """OpenType cmap format 4: segments of the first 65,536 characters, glyph 0 for none."""
    (twice,) = struct.unpack_from(">H", data, offset + 6)
    count = twice // 2
    ends = struct.unpack_from(f">{count}H", data, offset + 14)
    starts = struct.unpack_from(f">{count}H", data, offset + 16 + twice)
    deltas = struct.unpack_from(f">{count}h", data, offset + 16 + 2 * twice)
    at = offset + 16 + 3 * twice  # the range offsets, each counted from its own position
    ranges = struct.unpack_from(f">{count}H", data, at)

    def has(code: int) -> bool:
        n = bisect.bisect_left(ends, code)
        if n == count or starts[n] > code:
            return False
        if not ranges[n]:
            return (code + deltas[n]) & 0xFFFF != 0
        (glyph,) = struct.unpack_from(">H", data, at + 2 * n + ranges[n] + 2 * (code - starts[n]))
        return glyph != 0 and (glyph + deltas[n]) & 0xFFFF != 0

    return has


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
        has = _has(str(path), stamp, index)
        if all(has(code) for code in needed):
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

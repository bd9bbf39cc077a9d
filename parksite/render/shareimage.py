"""The link-preview image of a page (og:image, twitter:image, WeChat's first image): what it
shows, taken from the page and the data; the same in words, for its alt text; and the image
itself, drawn with Pillow. Two drawings of one card with one font are byte-identical.

An image shows the site's name, the page's title, and up to three figures the page itself
shows (its first `cards(...)`, else its first numbers), each with its label and source; a
page without figures shows its description instead.
"""

from __future__ import annotations

import hashlib
import io
import json
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from parksite.content.citations import macro_calls
from parksite.content.stories import Story
from parksite.i18n.languages import Language
from parksite.model.park import Park
from parksite.render import fonts
from parksite.render.buildcache import code_digest
from parksite.render.figures import card_value, source_note
from parksite.render.fonts import Face, Family
from parksite.render.head import SHARE_SIZE

MAX_FIGURES = 3
ELLIPSIS = "…"


@dataclass(frozen=True)
class CardFigure:
    """One figure as an image shows it: formatted as the page's cards format it."""

    value: str
    label: str
    note: str  # its source and date
    tag: str  # 'Planned', or ''


@dataclass(frozen=True)
class ShareCard:
    """Everything one image shows, as text: its digest names the drawing in the cache."""

    site_name: str
    title: str
    figures: tuple[CardFigure, ...]
    description: str  # shown only when there are no figures

    def text(self) -> str:
        """Every character the image may draw, for the font to cover."""
        parts = [self.site_name, self.title, self.description, ELLIPSIS]
        parts += [t for f in self.figures for t in (f.value, f.label, f.note, f.tag)]
        return " ".join(parts)


# --- What an image shows ----------------------------------------------------------------


def page_figures(park: Park, text: str, stories: tuple[Story, ...]) -> tuple[str, ...]:
    """The facts a page's image shows: those of the page's first `cards(...)`, else the first
    numbers the page shows (its figures, its stories' figures, its table), up to three."""
    calls = macro_calls(text)
    for name, args, _ in calls:
        cards = (
            [a for a in args if isinstance(a, str) and a in park.facts] if name == "cards" else []
        )
        if cards:
            return tuple(dict.fromkeys(cards))[:MAX_FIGURES]
    shown: dict[str, None] = {}
    for name, args, _ in calls:
        if name in ("fact", "money"):
            ids = [a for a in args[:1] if isinstance(a, str)]
        elif name == "story_cards":
            ids = [s.figure for s in stories if s.figure]
        elif name == "facts_table":
            topic = args[0] if args else None
            ids = [f for f, fact in park.facts.items() if topic is None or fact.topic == topic]
        else:
            continue
        shown |= dict.fromkeys(i for i in ids if _is_figure(park, i))
    return tuple(shown)[:MAX_FIGURES]


def _is_figure(park: Park, fact_id: str) -> bool:
    """A number worth a card: not a text, and not the exchange rate behind other figures."""
    fact = park.facts.get(fact_id)
    return (
        fact is not None and fact.value is not None and park.units[fact.unit or ""].kind != "rate"
    )


def share_card(
    park: Park,
    lang: Language,
    *,
    site_name: str,
    title: str,
    description: str,
    text: str,
    stories: tuple[Story, ...],
) -> ShareCard:
    """What the image of a page shows: `text` is the page's Markdown, before the macros ran."""
    figures = tuple(
        CardFigure(
            value=card_value(park, fact, lang),
            label=fact.label[lang.code],
            note=source_note(park, fact, lang),
            tag=lang.words["planned"] if fact.qualifier == "planned" else "",
        )
        for fact in (park.facts[f] for f in page_figures(park, text, stories))
    )
    return ShareCard(
        site_name=" ".join(site_name.split()),
        title=" ".join(title.split()),
        figures=figures,
        description="" if figures else " ".join(description.split()),
    )


def alt_text(card: ShareCard, lang: Language) -> str:
    """The image in words, for og:image:alt and twitter:image:alt."""
    words = lang.words
    stop = words["full_stop"]

    def sentence(text: str) -> str:
        return text.rstrip(stop) + stop

    figures = [words.format("share.figure", label=f.label, value=f.value) for f in card.figures]
    figures = [
        words.format("share.planned", figure=text) if f.tag else text
        for f, text in zip(card.figures, figures, strict=True)
    ]
    body = [words["share.between_figures"].join(figures)] if figures else [card.description]
    notes = list(dict.fromkeys(f.note for f in card.figures))
    parts = [card.title, card.site_name, *body, *notes]
    return words["share.between_sentences"].join(sentence(p) for p in parts if p)


def digest(card: ShareCard | None, tag: str, fonts: tuple) -> str:
    """A name for exactly what is drawn: the texts and their language, the font files on the
    machine (fonts.font_stamps), the code that chooses a font and draws, and Pillow's
    version. The same card on the same machine is drawn once, then taken from the cache
    without even reading a font."""
    from PIL import __version__ as pillow

    drawn = {
        "card": asdict(card) if card else None,
        "lang": tag,
        "fonts": fonts,
        "code": _code_digest(),
        "pillow": pillow,
        "size": SHARE_SIZE,
    }
    return hashlib.sha256(json.dumps(drawn, sort_keys=True).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)  # the package's files change only with a new process or a reload
def _code_digest() -> str:
    return code_digest(Path(__file__), Path(fonts.__file__))


# --- Drawing ----------------------------------------------------------------------------

# The engine's colours, as assets/site.css: primary, primary dark, accent.
BACKGROUND = (0x0B, 0x4F, 0x6C)
CARD = (0x07, 0x3A, 0x50)
ACCENT = (0xA3, 0x12, 0x2A)
WHITE = (0xFF, 0xFF, 0xFF)
DIM = tuple(round(0.82 * 255 + 0.18 * c) for c in BACKGROUND)  # white at 82% on the blue
MARGIN_X, MARGIN_BOTTOM, BAND = 72, 44, 14
CARD_GAP, CARD_PAD, CARD_MAX_WIDTH = 24, 24, 516
# Enough colours for anti-aliased text on two blues; about 10-22 KB an image.
PALETTE_COLOURS = 64


@lru_cache(maxsize=32)
def _font(face: Face, size: int):
    """A face at a size, laid out by Pillow itself (not Raqm, which a machine may lack)."""
    from PIL import ImageFont

    return ImageFont.truetype(
        face.path, size, index=face.index, layout_engine=ImageFont.Layout.BASIC
    )


def _tokens(text: str) -> list[str]:
    """The text in pieces a line may break between: words, spaces, and each wide (CJK)
    character; punctuation stays on the side it belongs to, numbers with their CJK unit."""
    tokens: list[str] = []
    for char in " ".join(text.split()):
        if tokens and tokens[-1] != " " and char != " " and not _breaks(tokens[-1][-1], char):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def _breaks(before: str, after: str) -> bool:
    """Whether a line may break between two visible characters."""
    if unicodedata.category(after) in ("Pe", "Pf", "Po") or unicodedata.category(before) in (
        "Ps",
        "Pi",
    ):
        return False
    if unicodedata.east_asian_width(before) in "WF" or unicodedata.east_asian_width(after) in "WF":
        # A number stays with the CJK word it counts: 4500余, 2022年1月30日.
        return not (
            (before.isdigit() and unicodedata.category(after).startswith("L"))
            or (after.isdigit() and unicodedata.category(before).startswith("L"))
        )
    return False  # inside a word


def wrap(text: str, font, width: float, max_lines: int) -> list[str]:
    """The text in at most `max_lines` lines of `width` pixels, the last ending in an
    ellipsis when the text is longer."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if font.getlength((line + token).rstrip()) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = token.lstrip()
        while font.getlength(line) > width:  # a word longer than a line: cut it anywhere
            cut = max(
                1, next(n for n in range(len(line), 0, -1) if font.getlength(line[:n]) <= width)
            )
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) <= max_lines:
        return lines
    last = lines[max_lines - 1]
    while last and font.getlength(last + ELLIPSIS) > width:
        last = last[:-1].rstrip()
    return [*lines[: max_lines - 1], last + ELLIPSIS]


def _fitting(text: str, face: Face, sizes: range, width: float):
    """The largest size of `sizes` at which the text fits one line, else the smallest."""
    for size in sizes:
        if _font(face, size).getlength(text) <= width:
            return _font(face, size)
    return _font(face, sizes[-1])


def _lines(draw, xy: tuple[float, float], lines: list[str], font, height: int, fill) -> float:
    """Draws lines from a top edge; returns the y below them."""
    x, y = xy
    for line in lines:
        draw.text((x, y), line, font=font, fill=fill)
        y += height
    return y


def _blank():
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SHARE_SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SHARE_SIZE[0], BAND - 1), fill=ACCENT)
    return image, draw


def _png(image) -> bytes:
    """A small palette PNG: flat colours and text need few colours; no dithering noise. The
    fast octree and zlib's default level: a tenth of the time of median cut and `optimize`,
    for 2 KB more an image."""
    from PIL import Image

    out = io.BytesIO()
    palette = image.quantize(
        colors=PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    palette.save(out, format="PNG")
    return out.getvalue()


def draw_generic() -> bytes:
    """The image of a page whose text no font here can draw: the site's colours, no text."""
    image, draw = _blank()
    width, height = SHARE_SIZE
    draw.rectangle((0, height - 2 * MARGIN_BOTTOM, width, height), fill=CARD)
    return _png(image)


def draw(card: ShareCard, family: Family) -> bytes:
    """The image of a card, 1200 x 630: site name, title, then figure cards or description."""
    image, draw = _blank()
    width, height = SHARE_SIZE
    inner = width - 2 * MARGIN_X
    bold, regular = family.bold, family.regular
    site = _font(bold, 28)
    y = _lines(draw, (MARGIN_X, BAND + 44), wrap(card.site_name, site, inner, 1), site, 38, DIM)
    title = _font(bold, 62)
    y = _lines(draw, (MARGIN_X, y + 22), wrap(card.title, title, inner, 2), title, 74, WHITE)
    bottom = height - MARGIN_BOTTOM
    if not card.figures:
        lede = _font(regular, 32)
        lines = wrap(card.description, lede, inner, max(1, int((bottom - y - 28) // 46)))
        _lines(draw, (MARGIN_X, y + 28), lines, lede, 46, DIM)
        return _png(image)
    count = len(card.figures)
    card_width = min(CARD_MAX_WIDTH, (inner - CARD_GAP * (count - 1)) / count)
    text_width = card_width - 2 * CARD_PAD
    for label_lines in (3, 2, 1):  # long labels whole where the title leaves room
        laid = [_card_lines(f, family, text_width, label_lines) for f in card.figures]
        top = bottom - max(_card_height(parts) for parts in laid)
        if top >= y + 24:
            break
    for n, parts in enumerate(laid):
        left = MARGIN_X + n * (card_width + CARD_GAP)
        draw.rounded_rectangle((left, top, left + card_width, bottom), 6, CARD)
        draw.rectangle((left, top, left + card_width, top + 5), fill=WHITE)
        _draw_card(draw, parts, left + CARD_PAD, top + 22, text_width)
    return _png(image)


def _card_lines(figure: CardFigure, family: Family, width: float, label_lines: int) -> dict:
    """A figure card's lines and fonts: value (smaller when long), label, tag, source."""
    value = _fitting(figure.value, family.bold, range(40, 29, -2), width)
    label, tag, note = (
        _font(family.regular, 22),
        _font(family.regular, 18),
        _font(family.regular, 18),
    )
    return {
        "value": (wrap(figure.value, value, width, 2), value, value.size + 8),
        "label": (wrap(figure.label, label, width, label_lines), label, 29),
        "tag": (wrap(figure.tag, tag, width - 16, 1), tag, 28),
        "note": (wrap(figure.note, note, width, 2), note, 24),
    }


def _card_height(parts: dict) -> int:
    gaps = {"value": 6, "label": 10, "tag": 10, "note": 0}
    lines = sum(len(parts[k][0]) * parts[k][2] + gaps[k] * bool(parts[k][0]) for k in parts)
    return 22 + lines + 22


def _draw_card(draw, parts: dict, x: float, y: float, width: float) -> None:
    lines, font, height = parts["value"]
    y = _lines(draw, (x, y), lines, font, height, WHITE) + 6
    lines, font, height = parts["label"]
    y = _lines(draw, (x, y), lines, font, height, WHITE) + 10
    lines, font, height = parts["tag"]
    if lines:
        box = (x, y, x + font.getlength(lines[0]) + 16, y + height - 2)
        draw.rounded_rectangle(box, 4, outline=WHITE, width=1)
        draw.text((x + 8, (box[1] + box[3]) / 2), lines[0], font=font, fill=WHITE, anchor="lm")
        y += height + 10
    lines, font, height = parts["note"]
    _lines(draw, (x, y), lines, font, height, DIM)

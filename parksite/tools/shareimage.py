"""Draws the share images link previews and WeChat show (1200 x 630, one per page of the
navigation and language, and one per story), from the data and the pages' own titles: the
page's title, the park's name and place, and that page's key figures with their source.

`make share-image` draws, with headless Chromium, only the images whose inputs changed, and
writes overrides/assets/share/manifest.json: for each image its page, its alt text and a
digest of exactly what was drawn. The build reads the manifest and never draws; a test
compares it with the current data and titles, so a stale image fails `make test`.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from parksite.content.citations import twin
from parksite.content.pages import page_key
from parksite.content.stories import STORIES_DIR, list_stories, read_front_matter
from parksite.model.load import load_park
from parksite.model.park import LANGS, Lang, Park
from parksite.project import CONFIG_FILE, DOCS_DIR, shown
from parksite.render.figures import WORDS, card_value, source_note
from parksite.render.head import (
    MANIFEST,
    SHARE_FOLDER,
    SHARE_SIZE,
    image_name,
    nav_files,
)

# The figures each page's image shows: a few of those the page itself shows. A page not
# listed shows its description instead; the stories' index shows its first stories' figures.
FIGURES: dict[str, tuple[str, ...]] = {
    "index": ("employment.total", "revenue.total", "enterprises.incubated"),
    "about": ("park.opened", "enterprises.incubated", "enterprises.technology"),
    "services": ("platform.centre_count", "platform.labs", "platform.online_sections"),
    "talent": ("universities.linked", "talents.introduced", "projects.incubated"),
    "belt-and-road": (
        "cooperation.park_enterprises",
        "cooperation.outside_enterprises",
        "cooperation.teams",
    ),
    "plans": ("plans.research_investment", "plans.incubation_funds"),
    "key-figures": ("employment.total", "revenue.total", "patents.national"),
}
MAX_FIGURES = 3
FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif'
# Enough colours for anti-aliased text on the site's two blues; about 20-40 KB an image.
PALETTE_COLOURS = 64


@dataclass(frozen=True)
class ShareCard:
    """What one share image shows, before it is drawn."""

    lang: Lang
    key: str  # the page, the same in both languages: 'about', 'stories/ruifei'
    page: str  # the Markdown file: 'docs/about.zh.md'
    title: str
    description: str
    figures: tuple[str, ...]

    @property
    def name(self) -> str:
        return image_name(self.lang, self.key)


# --- Which images there are -------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's plain values; its !ENV and Python tags are not needed here."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def config_nav(config_file: Path = CONFIG_FILE) -> object:
    """The navigation as mkdocs.yml writes it, without running MkDocs."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader).get("nav", [])


def _localized(src: str, lang: Lang) -> str:
    """An English page's file in the language asked for: about.md, about.zh.md."""
    return src if lang == "en" else twin(src)


def share_cards(park: Park, docs_dir: Path = DOCS_DIR) -> list[ShareCard]:
    """Every image to draw: each page of the navigation and each story, in both languages."""
    cards = []
    for lang in LANGS:
        stories = list_stories(lang, docs_dir)
        figures = {STORIES_DIR: tuple(s.figure for s in stories if s.figure)[:MAX_FIGURES]}
        figures |= {f"{STORIES_DIR}/{s.slug}": (s.figure,) if s.figure else () for s in stories}
        sources = [_localized(src, lang) for src in nav_files(config_nav())]
        sources += [_localized(f"{STORIES_DIR}/{s.slug}.md", lang) for s in stories]
        for src in sources:
            key = page_key(src)
            meta = read_front_matter(docs_dir / src)
            cards.append(
                ShareCard(
                    lang=lang,
                    key=key,
                    page=f"docs/{src}",
                    title=str(meta.get("title", "")),
                    description=str(meta.get("description", "")),
                    figures=figures.get(key, FIGURES.get(key, ())),
                )
            )
    return cards


# --- What an image shows ----------------------------------------------------------------


def _notes(park: Park, card: ShareCard) -> list[str]:
    """The figures' sources, each named once."""
    return list(dict.fromkeys(source_note(park, park.facts[f], card.lang) for f in card.figures))


def alt_text(park: Park, card: ShareCard) -> str:
    """What the image shows, in words, for og:image:alt and twitter:image:alt."""
    zh = card.lang == "zh"
    name = park.facts["park.name"].text[card.lang]
    location = park.facts["park.location"].text[card.lang]
    colon, comma, stop, semi = ("：", "，", "。", "；") if zh else (": ", ", ", ". ", "; ")
    head = f"{card.title}{stop}{name}{comma}{location}{stop}"
    if not card.figures:
        return (head + card.description).strip()
    figures = []
    for fact_id in card.figures:
        fact = park.facts[fact_id]
        planned = f"（{WORDS['planned']['zh']}）" if zh else f" ({WORDS['planned']['en'].lower()})"
        figures.append(
            f"{fact.label[card.lang]}{colon}{card_value(park, fact, card.lang)}"
            + (planned if fact.qualifier == "planned" else "")
        )
    return head + semi.join(figures) + stop + (stop.join(_notes(park, card))) + stop.strip()


def share_page(park: Park, card: ShareCard) -> str:
    """The image as an HTML page, every text escaped and taken from the data or the page."""
    lang = card.lang
    esc = html.escape
    name = park.facts["park.name"].text
    other: Lang = "zh" if lang == "en" else "en"
    cards = "".join(
        f"<div class=card><b>{esc(card_value(park, park.facts[f], lang))}</b>"
        f"<span>{esc(park.facts[f].label[lang])}</span>"
        + (f"<i>{esc(WORDS['planned'][lang])}</i>" if park.facts[f].qualifier == "planned" else "")
        + "</div>"
        for f in card.figures
    )
    body = (
        f"<div class=cards>{cards}</div><small>{esc(' · '.join(_notes(park, card)))}</small>"
        if card.figures
        else f"<p class=lede>{esc(card.description)}</p>"
    )
    width, height = SHARE_SIZE
    return f"""<!doctype html><html lang={"zh-Hans" if lang == "zh" else "en"}><meta charset=utf-8><style>
body {{ margin: 0; width: {width}px; height: {height}px; box-sizing: border-box;
  display: flex; flex-direction: column; padding: 52px 72px 44px; font-family: {FONTS};
  color: #fff; background: #0b4f6c; border-top: 14px solid #a3122a; }}
header {{ font-size: 27px; line-height: 1.3; }}
header b {{ display: block; }}
header span {{ opacity: .85; }}
h1 {{ margin: 26px 0 0; font-size: 62px; line-height: 1.15; display: -webkit-box;
  -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }}
.lede {{ margin: 30px 0 0; font-size: 32px; line-height: 1.45; opacity: .92; }}
.cards {{ display: flex; gap: 24px; margin-top: auto; }}
.card {{ flex: 1; padding: 18px 24px 20px; background: #073a50;
  border-top: 6px solid #fff; border-radius: 6px; }}
.card b {{ display: block; font-size: 40px; line-height: 1.2; }}
.card span {{ display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2;
  overflow: hidden; margin-top: 6px; font-size: 21px; line-height: 1.3; }}
.card i {{ display: inline-block; margin-top: 8px; padding: 0 8px; font-style: normal;
  font-size: 18px; border: 1px solid #fff; border-radius: 4px; }}
small {{ display: block; margin-top: 16px; font-size: 19px; opacity: .85; }}
.other {{ position: absolute; right: 72px; top: 66px; font-size: 22px; opacity: .7; }}
</style>
<header><b>{esc(name[lang])}</b><span>{esc(park.facts["park.location"].text[lang])}</span></header>
<span class=other>{esc(name[other])}</span>
<h1>{esc(card.title)}</h1>
{body}"""


def digest(page: str) -> str:
    """What the manifest records of a drawing: it changes whenever what is drawn changes."""
    return hashlib.sha256(page.encode("utf-8")).hexdigest()


def manifest_entry(park: Park, card: ShareCard) -> dict[str, str]:
    return {
        "page": card.page,
        "alt": alt_text(park, card),
        "drawn_from": digest(share_page(park, card)),
    }


# --- Drawing ----------------------------------------------------------------------------


def _palette_png(screenshot: bytes) -> bytes:
    """The screenshot as a small palette PNG: flat colours and text need few colours."""
    from PIL import Image

    image = Image.open(io.BytesIO(screenshot)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=PALETTE_COLOURS).save(out, format="PNG", optimize=True)
    return out.getvalue()


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    redraw_all = "--all" in argv
    park = load_park()
    cards = share_cards(park)
    old = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.exists() else {}
    manifest = {card.name: manifest_entry(park, card) for card in cards}
    todo = [
        card
        for card in cards
        if redraw_all
        or old.get(card.name, {}).get("drawn_from") != manifest[card.name]["drawn_from"]
        or not (SHARE_FOLDER / card.name).is_file()
    ]
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    width, height = SHARE_SIZE
    if todo:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            tab = browser.new_page(viewport={"width": width, "height": height})
            for card in todo:
                tab.set_content(share_page(park, card))
                path = SHARE_FOLDER / card.name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(_palette_png(tab.screenshot()))
                print(f"drew {shown(path)} ({path.stat().st_size // 1024} KB)")
            browser.close()
    # Images of pages that are gone would be published for nothing.
    for path in sorted(SHARE_FOLDER.rglob("*.png")):
        if path.relative_to(SHARE_FOLDER).as_posix() not in manifest:
            path.unlink()
            print(f"removed {shown(path)}: its page is gone")
    MANIFEST.write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(
        f"{len(todo)} of {len(cards)} images drawn"
        + (": look at them, then commit them with manifest.json" if todo else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

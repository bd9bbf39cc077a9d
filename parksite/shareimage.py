"""Draws the share image link previews show (overrides/assets/share.png, 1200 x 630) from the
data: the park's name in both languages, where it is, and three key figures with their source.

Run `make share-image` after changing those facts, look at the image, and commit it.
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

from parksite.data import load_park
from parksite.model import Park
from parksite.paths import ROOT
from parksite.render import card_value, source_note
from parksite.sharing import SHARE_IMAGE, SHARE_SIZE

OUTPUT = ROOT / "overrides" / SHARE_IMAGE
FIGURES = ("employment.total", "revenue.total", "patents.national")
FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif'


def share_page(park: Park) -> str:
    """The image as an HTML page, every text escaped and taken from the data."""
    name = park.facts["park.name"].text
    cards = "".join(
        f"<div class=card><b>{html.escape(card_value(park, park.facts[f], 'en'))}</b>"
        f"<span>{html.escape(park.facts[f].label['en'])}</span></div>"
        for f in FIGURES
    )
    note = html.escape(source_note(park, park.facts[FIGURES[0]], "en"))
    width, height = SHARE_SIZE
    return f"""<!doctype html><meta charset=utf-8><style>
body {{ margin: 0; width: {width}px; height: {height}px; box-sizing: border-box;
  padding: 64px 72px; font-family: {FONTS}; color: #fff;
  background: #0b4f6c; }}
h1 {{ margin: 0; font-size: 60px; line-height: 1.1; }}
h2 {{ margin: 12px 0 0; font-size: 44px; font-weight: 500; }}
p {{ margin: 18px 0 0; font-size: 26px; opacity: .9; }}
.cards {{ display: flex; gap: 24px; margin-top: 48px; }}
.card {{ flex: 1; padding: 20px 24px; background: #073a50;
  border-top: 6px solid #fff; border-radius: 6px; }}
.card b {{ display: block; font-size: 42px; }}
.card span {{ display: block; margin-top: 6px; font-size: 22px; }}
small {{ display: block; margin-top: 22px; font-size: 18px; opacity: .8; }}
</style>
<h1>{html.escape(name["en"])}</h1><h2>{html.escape(name["zh"])}</h2>
<p>{html.escape(park.facts["park.location"].text["en"])}</p>
<div class=cards>{cards}</div><small>{note}</small>"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    width, height = SHARE_SIZE
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": width, "height": height})
        tab.set_content(share_page(load_park()))
        tab.screenshot(path=str(OUTPUT))
        browser.close()
    print(f"wrote {Path(OUTPUT).relative_to(ROOT)}: look at it, then commit it")
    return 0


if __name__ == "__main__":
    sys.exit(main())

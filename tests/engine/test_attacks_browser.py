"""The inputs the site tolerates, built into one site and opened in Chromium: on every page no
dialog opens, no navigation happens and nothing is requested from another host; titles,
data and code with markup in them show as text (parksite/checks/html.py, front matter as
text, JSON-LD and CSV escaping)."""

from __future__ import annotations

import functools
import http.server
import json
import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from tests.conftest import _QuietHandler, copy_project
from tests.engine.test_attacks import run
from tests.site.conftest import LANGS, PAGES

TITLE = "R&D <3 \"quoted\" 'single' & more"
DESCRIPTION = 'x" http-equiv="refresh" content="0;url=https://evil.example/'
NAME = 'Park </script><script>alert("json-ld")</script><!-- & Co'
LABEL = '=HYPERLINK("https://evil.example/","x") <img src=x onerror=alert(document.domain)>'
TOLERATED = {
    "tolerated-text": f"""---
title: '{TITLE.replace("'", "''")}'
description: '{DESCRIPTION}'
summary: <3 & "quotes" stay text
---

A story whose first section has no heading: the search index takes the front matter's title.
a < b & c > d, &lt;script&gt;alert(document.domain)&lt;/script&gt; and &amp;.

Links: <https://example.org/>, <someone@example.org>, [a page elsewhere](https://evil.example/),
[mail](mailto:someone@example.org), [phone](tel:+86-351-0000), [home](../index.md).

Code: `<script>alert(document.domain)</script>` and `{{{{ fact("x") | upper }}}}`.

```html
<img src=x onerror=alert(document.domain)>
{{% for x in y %}}
```

{{% raw %}}{{{{ 7*7 }}}} {{% if %}}{{% endraw %}} stays as written.

## Heading {{: data-toc-label="&lt;img src=x onerror=alert(document.domain)&gt;" }}

<!-- a comment, closed -->
<details markdown><summary>More</summary>Hidden text.</details>
""",
    "tolerated-heading": """---
description: A story without a title of its own, whose heading the theme takes.
---

# R&D &lt;img src=x onerror=alert(document.domain)&gt;

A story without a title of its own: the theme takes its heading.
""",
}


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}/", httpd


@pytest.fixture(scope="module")
def tolerated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The site built with every tolerated input, served at the address it was built for."""
    work = tmp_path_factory.mktemp("tolerated")
    project = copy_project(work / "project")
    for slug, text in TOLERATED.items():  # the same page in each language: every page has both
        for suffix in (".md", ".zh.md"):
            (project / "docs" / "stories" / f"{slug}{suffix}").write_text(text, encoding="utf-8")
    data = project / "data" / "park.yml"
    text = data.read_text(encoding="utf-8")
    for old, new in (
        ("label: {en: National patents obtained,", f"label: {{en: {json.dumps(LABEL)},"),
        ("text: {en: Taiyuan Intelligent Industrial Park,", f"text: {{en: {json.dumps(NAME)},"),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    data.write_text(text, encoding="utf-8")
    site = work / "site"
    # The address must be known before building: canonical links and alternates use it.
    url, httpd = serve(site)
    result = run(project, "-m", "parksite", "build", PARKSITE_SITE_DIR=str(site), SITE_URL=url)
    assert result.returncode == 0, result.stderr[-3000:]
    yield site, url
    httpd.shutdown()


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def header_topic(soup: BeautifulSoup) -> str:
    """The page's title in the header (the first topic is the site's name)."""
    return soup.select(".md-header__topic .md-ellipsis")[-1].get_text(strip=True)


def test_a_title_is_text_in_the_head_the_header_and_the_search_index(tolerated) -> None:
    site, _ = tolerated
    soup = BeautifulSoup(html(site, "stories/tolerated-text"), "lxml")
    assert soup.title.get_text().startswith(TITLE + " - ")
    assert header_topic(soup) == TITLE
    assert soup.select_one('meta[name="description"]')["content"] == DESCRIPTION
    assert soup.select_one('meta[property="og:title"]')["content"].startswith(TITLE)
    assert not soup.select('meta[http-equiv], head script[src*="evil"]')
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["title"] for d in index["docs"] if d["location"].startswith("stories/tolerated")}
    # The search box writes titles as HTML: the index holds them escaped.
    assert "R&amp;D &lt;3 &#34;quoted&#34; &#39;single&#39; &amp; more" in titles
    assert not any("<img" in t or "<3" in t for t in titles)


def test_data_values_stay_text_in_json_ld_and_csv(tolerated) -> None:
    site, _ = tolerated
    page = html(site, "")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    assert "<" not in block and "&" not in block
    assert json.loads(block)["name"] == NAME
    csv = (site / "data" / "facts.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in csv and ',"=HYPERLINK' not in csv


def test_the_card_and_the_heading_title_show_markup_as_text(tolerated) -> None:
    site, _ = tolerated
    cards = BeautifulSoup(html(site, "stories"), "lxml")
    titles = [t.get_text() for t in cards.select(".story-card__title")]
    assert TITLE in titles
    heading = BeautifulSoup(html(site, "stories/tolerated-heading"), "lxml")
    assert header_topic(heading) == "R&D <img src=x onerror=alert(document.domain)>"


STORIES = [f"stories/{slug}/" for slug in TOLERATED]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_no_page_opens_a_dialog_navigates_or_asks_another_host(browser, tolerated, lang) -> None:
    """Every page of the tolerated site, loaded, scrolled, its search opened on the title."""
    _site, url = tolerated
    pages = [*PAGES, *STORIES]
    context = browser.new_context()
    dialogs: list[str] = []
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        for path in pages:
            tab = context.new_page()
            tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            address = url + ("" if lang == LANGS[0] else f"{lang}/") + path
            tab.goto(address, wait_until="networkidle")
            tab.mouse.move(200, 300)
            tab.keyboard.press("End")
            tab.wait_for_timeout(100)
            assert tab.url == address, f"{address} navigated to {tab.url}"
            tab.close()
        tab = context.new_page()
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(url, wait_until="networkidle")
        tab.keyboard.press("/")
        box = tab.locator("input.md-search__input")
        box.fill("quoted")
        box.press("End")
        result = tab.locator(".md-search-result__item").first
        result.wait_for(timeout=10_000)
        tab.wait_for_timeout(500)
        shown = tab.locator(".md-search-result__list").inner_text()
        assert TITLE in shown, shown
        assert not tab.locator(".md-search-result img").count()
        assert tab.url == url
    finally:
        context.close()
    assert dialogs == []
    elsewhere = [r for r in requests if urlparse(r).hostname != "127.0.0.1"]
    assert elsewhere == []

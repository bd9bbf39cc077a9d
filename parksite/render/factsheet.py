"""The fact sheet to take away: one A4 page per language as a PDF, printed by WeasyPrint from
the fact sheet page each build writes (the page with `template: fact-sheet.html`), so that the
sheet shows the very figures, sources and dates of the site.

Where the machine lacks what WeasyPrint needs (the Pango library, or a font with a language's
characters), the build says so in one line and pages link the fact sheet page itself, a
print view, instead. The PDF holds no date or random identifier: two builds are identical.

Printing is the costliest step of a small build, so what it makes is kept in the project's
.cache/fact-sheets/: a PDF under a digest of the sheet's HTML, with the digests of the files
it drew on (styles, images), and a machine's "it can print" under a digest of WeasyPrint's
version, the languages' words and the font files. A build whose sheet and files are
unchanged takes the PDF from there without starting WeasyPrint.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markupsafe import Markup, escape

from parksite.content.landmarks import fact_sheet_page
from parksite.content.pages import page_key, page_url, relative_url
from parksite.content.site import Site
from parksite.i18n.languages import Language
from parksite.model.errors import DataError, Problem
from parksite.project import shown
from parksite.render import buildcache
from parksite.render.buildcache import code_digest
from parksite.render.fonts import font_files, font_stamps

# Type sizes tried, in turn, when the sheet at its own size (fact-sheet.css) overflows a page.
FIT_SIZES_PT = (9.5, 9, 8.5, 8)
# What to install where WeasyPrint cannot start or a language has no font (Debian's names).
HOW_TO_INSTALL = "apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk"
CACHE_DIR = Path(".cache") / "fact-sheets"  # in the project, beside mkdocs.yml
CACHE_LIMIT = 40  # PDFs kept; the least recently used go first


@dataclass(frozen=True)
class SheetLink:
    """Where a page links the fact sheet, and with which words."""

    href: str
    text: str
    pdf: bool


def pdf_name(site: Site, lang: Language) -> str:
    """The PDF's file name, beside its page: 'fact-sheet-zh.pdf'."""
    page = fact_sheet_page(site) or ""
    return f"{page_key(page, site.languages).rsplit('/', 1)[-1]}-{lang.code}.pdf"


def sheet_link(site: Site, lang: Language, from_url: str) -> SheetLink | None:
    """The link to the fact sheet in a language from a page: the PDF where this machine can
    print it, else the print view; None for a site without a fact sheet page."""
    link = site.memo(("sheet link", lang.code), lambda: _sheet_link(site, lang))
    return link and SheetLink(relative_url(from_url, link.href), link.text, link.pdf)


def _sheet_link(site: Site, lang: Language) -> SheetLink | None:
    """The link from the site's root."""
    page = fact_sheet_page(site)
    if page is None:
        return None
    url = page_url(site.languages.file_in(page, lang), site.languages)
    pdf = pdf_problem(site) is None
    href = url + pdf_name(site, lang) if pdf else url
    return SheetLink(href, lang.words["fact_sheet.pdf" if pdf else "fact_sheet.print"], pdf)


def sheet_link_html(link: SheetLink) -> Markup:
    """The link as a button: 'Fact sheet (PDF, A4)'."""
    return Markup('<a class="park-button park-button--sheet" href="{}">{}</a>').format(
        link.href, link.text
    )


def fact_sheet_notice(site: Site) -> str | None:
    """The one line a build prints when it cannot make the fact sheet PDF; None when it can
    (or the site has no fact sheet)."""
    page = fact_sheet_page(site)
    if page is None or pdf_problem(site) is None:
        return None
    return (
        f"Notice: no fact sheet PDF: {pdf_problem(site)}; pages link its print view "
        f"(docs/{page}) instead. To make it: {HOW_TO_INSTALL}"
    )


def pdf_problem(site: Site) -> str | None:
    """Why this machine cannot print the fact sheet, in one line; None when it can (worked
    out once per build, and only for a site with a fact sheet)."""
    return site.memo("fact sheet problem", lambda: _probe(site))


def _probe(site: Site) -> str | None:
    # A line of each language's own words: every character must find a font.
    samples = {
        lang: lang.words["fact_sheet.pdf"] + lang.words["footnotes"] for lang in site.languages
    }
    able = _cache(site) / f"{_digest('probe', site, *samples.values())}.ok"
    if able.is_file():  # this machine printed these words with these fonts before
        return None
    problem = _printed(samples)
    if problem is None:
        buildcache.store(able, b"", CACHE_LIMIT)
    return problem


def _printed(samples: dict[Language, str]) -> str | None:
    """Why WeasyPrint cannot print each language's sample here; None when it can."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango's library is not installed
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return f"WeasyPrint cannot start here ({reason})"
    body = "".join(f'<p lang="{lang.html}">{escape(text)}</p>' for lang, text in samples.items())
    document = weasyprint.HTML(string=f"<html><body>{body}</body></html>").render()
    document.write_pdf()  # the fonts are known once written
    missing = {chr(code) for font in document.fonts.values() for code in font.missing}
    lacking = [lang for lang, text in samples.items() if missing & set(text)]
    if lacking:
        names = ", ".join(f"{lang.name} ({lang.code})" for lang in lacking)
        return f"no font on this machine has the characters of {names}"
    return None


def write_pdfs(site: Site, site_dir: Path, site_url: str) -> list[Path]:
    """Print each language's fact sheet page of a built site to its PDF; raise DataError when
    a sheet does not fit on one A4 page or shows a character no font has."""
    page = fact_sheet_page(site)
    if page is None or pdf_problem(site) is not None:
        return []
    written, problems = [], []
    for lang in site.languages:
        source = site.languages.file_in(page, lang)
        url = page_url(source, site.languages)
        html = site_dir / url / "index.html"
        entry = _cache(site) / f"{_digest('sheet', site, site_url + url, html.read_bytes())}"
        data = _cached_pdf(entry, site_dir)
        if data is None:
            data, used, wrong = _print(html, site_dir, site_url, url)
            if wrong is not None:
                problems.append(Problem(shown(site.docs_dir / source), None, None, "", *wrong))
                continue
            notes = json.dumps(used, sort_keys=True).encode()
            buildcache.store(entry.with_suffix(".json"), notes, CACHE_LIMIT)
            buildcache.store(entry.with_suffix(".pdf"), data, CACHE_LIMIT, companion=".json")
        pdf = html.parent / pdf_name(site, lang)
        pdf.write_bytes(data)
        written.append(pdf)
    if problems:
        raise DataError(problems)
    return written


def _print(
    html: Path, site_dir: Path, site_url: str, url: str
) -> tuple[bytes, dict[str, str], tuple[str, str] | None]:
    """(the PDF, the digest of each site file it drew on, what is wrong with it or None)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # the machine changed since it last printed
        return b"", {}, (f"WeasyPrint cannot start here ({exc}).", f"install {HOW_TO_INSTALL}.")

    refused: list[str] = []
    used: dict[str, str] = {}
    source_html = weasyprint.HTML(
        filename=str(html),
        base_url=site_url + url,
        url_fetcher=_local_fetcher(site_dir, site_url, refused, used),
    )
    document = _fitted(weasyprint, source_html)
    # Written first: which characters found no font is known once the PDF is made.
    data = document.write_pdf() if len(document.pages) == 1 else b""
    return data, used, _what_is_wrong(document, refused)


def _cached_pdf(entry: Path, site_dir: Path) -> bytes | None:
    """The PDF printed before from the same HTML, if every file it drew on is unchanged."""
    pdf, files = entry.with_suffix(".pdf"), entry.with_suffix(".json")
    if not (pdf.is_file() and files.is_file()):
        return None
    for name, sha in json.loads(files.read_text(encoding="utf-8")).items():
        path = site_dir / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            return None
    buildcache.used(pdf)
    return pdf.read_bytes()


def _cache(site: Site) -> Path:
    return site.project.root / CACHE_DIR


def _digest(kind: str, site: Site, *parts: str | bytes) -> str:
    """A name for what is printed: the parts, WeasyPrint's version, this module's code and
    the machine's font files (fonts.font_stamps)."""
    stamps = site.memo("font stamps", lambda: font_stamps(font_files()))
    fontconfig = [os.environ.get(name) for name in ("FONTCONFIG_FILE", "FONTCONFIG_PATH")]
    made = hashlib.sha256(json.dumps([kind, _weasyprint(), _code(), stamps, fontconfig]).encode())
    for part in parts:
        made.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        made.update(b"\0")
    return made.hexdigest()


def _weasyprint() -> str:
    try:
        return version("weasyprint")
    except PackageNotFoundError:
        return ""


@lru_cache(maxsize=1)  # the package's files change only with a new process or a reload
def _code() -> str:
    return code_digest(Path(__file__))


def _fitted(weasyprint, source_html):
    """The sheet rendered at its own type size, or a step smaller until it fits on one page
    (a detail filled in or a longer label must not stop the build), down to the last of
    FIT_SIZES_PT."""
    document = source_html.render()
    for size in FIT_SIZES_PT:
        if len(document.pages) == 1:
            break
        smaller = weasyprint.CSS(string=f"html {{ font-size: {size}pt !important; }}")
        document = source_html.render(stylesheets=[smaller])
    return document


def _what_is_wrong(document, refused: list[str]) -> tuple[str, str] | None:
    """What keeps a rendered (and written) sheet from being published, and how to fix it;
    None when nothing does."""
    if len(document.pages) != 1:
        return (
            f"the fact sheet fills {len(document.pages)} A4 pages; it must fit on one.",
            f"shorten it (even at {FIT_SIZES_PT[-1]} pt it does not fit): fewer cards or items, "
            "shorter sentences (look at its print view, the page itself, in the browser's "
            "print preview).",
        )
    missing = sorted({chr(c) for font in document.fonts.values() for c in font.missing})
    if missing:
        return (
            f"no font on this machine has these characters: {' '.join(missing)}.",
            f"install {HOW_TO_INSTALL}, or write the page without them.",
        )
    if refused:
        return (
            f"the fact sheet links files that are not the site's own: {', '.join(refused)}.",
            "link only pages, images and styles of the site itself.",
        )
    return None


def _local_fetcher(site_dir: Path, site_url: str, refused: list[str], used: dict[str, str]):
    """WeasyPrint's fetcher for the built site: the site's own files, read from site_dir, each
    noted in `used` with its digest; nothing is fetched from another host (what is refused is
    reported)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = site_dir.resolve()

    class LocalFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
            path = None
            if url.startswith(site_url):
                path = (root / unquote(urlsplit(url[len(site_url) :]).path)).resolve()
                if path.is_dir():
                    path = path / "index.html"
            if path is None or not path.is_relative_to(root) or not path.is_file():
                refused.append(url)
                raise ValueError(f"not a file of the built site: {url}")
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            content = path.read_bytes()
            used[path.relative_to(root).as_posix()] = hashlib.sha256(content).hexdigest()
            return URLFetcherResponse(url, content, {"Content-Type": kind})

    return LocalFetcher()

"""`make new NAME="..." LANGUAGES=en,zh`: the smallest site of another park, written over this
project's mkdocs.yml, data/ and docs/ (the engine, tests and tools stay as they are).

The skeleton builds and passes the tests as it is: a handful of example facts from one
example source, which the park's editors then replace with their own (CONTRIBUTING.md).
Pages and texts come from parksite/tools/skeleton/ for the languages it has (en, zh); any
other language starts from the English, and from the engine's English words in
data/words/<language>.yml, marked for translation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from parksite.i18n.languages import ENGINE_WORDS, REFERENCE
from parksite.project import ROOT

SKELETON = Path(__file__).with_name("skeleton")
# The pages of a new site, in the order of its navigation (stories are found from their
# index, never listed); each is a starting point to rewrite.
PAGES = ("index.md", "about.md", "stories/index.md", "key-figures.md", "sources.md", "contact.md")
STORIES = ("stories/example.md",)
# The facts every skeleton has, by id: what the pages cite.
CONFIG = """# Configuration of the investor site of {name}. Pages: docs/; facts: data/park.yml;
# the engine: parksite/ (plugins: parksite). Build with `make build`.

site_name: {name_yaml}
site_description: {description_yaml}
# The published address; set SITE_URL when publishing (canonical links, sitemap, hreflang).
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
strict: true
validation:
  nav: {{omitted_files: warn, not_found: warn, absolute_links: warn}}
  links: {{not_found: warn, anchors: warn, absolute_links: warn, unrecognized_links: warn}}

nav:
{nav}
# Stories are found from their index, never listed in the navigation.
not_in_nav: |
  /stories/*.md

theme:
  name: material
  language: {default}
  font: false
  features: [navigation.tabs, navigation.footer, navigation.top]

markdown_extensions: [attr_list, md_in_html, admonition, tables, {{toc: {{permalink: true}}}}]

plugins:
  - parksite
  - search
  - macros:
      modules: [parksite.mkdocs.macros]
      on_undefined: strict
      on_error_fail: !ENV [MACROS_ON_ERROR_FAIL, true]
      include_yaml: []
{i18n}"""


def _texts(languages: list[str]) -> dict[str, dict[str, str]]:
    """Each text of the skeleton's data, in each language (English where none is written)."""
    written = yaml.safe_load((SKELETON / "texts.yml").read_text(encoding="utf-8"))
    return {
        key: {code: by_code.get(code, by_code[REFERENCE]) for code in languages}
        for key, by_code in written.items()
    }


def _flow(texts: dict[str, str]) -> str:
    return yaml.safe_dump(texts, allow_unicode=True, default_flow_style=True, width=10_000).strip()


def park_yml(name: str, languages: list[str], today: dt.date) -> str:
    """The skeleton's data file: one example source and four facts, all to be replaced."""
    t = _texts(languages)
    names = _flow(dict.fromkeys(languages, name))
    return f"""# yaml-language-server: $schema=park.schema.json
#
# The facts of {name}. Every figure the site shows comes from here, with its source and
# date. These are examples from an example source: replace them with the park's own facts
# and the reports they come from (CONTRIBUTING.md, "Change a figure" and "Add a source").
schema_version: 2
last_checked: {today.isoformat()}

sources:
  example-report:
    publisher: {_flow(t["source_publisher"])}
    title: {_flow(t["source_title"])}
    date: {today.isoformat()}
    language: {languages[0]}
    url: https://example.org/replace-with-the-report

units:
  year: {{kind: year, {_flow(t["unit_year"])[1:-1]}}}
  enterprises: {{kind: count, {_flow(t["unit_firms"])[1:-1]}}}

topics:
  profile: {_flow(t["topic_profile"])}
  growth: {_flow(t["topic_growth"])}

facts:
  park.name:
    topic: profile
    label: {_flow(t["label_name"])}
    text: {names}
    as_of: {today.isoformat()}
    source: example-report
  park.location:
    topic: profile
    label: {_flow(t["label_location"])}
    text: {_flow(t["location"])}
    as_of: {today.isoformat()}
    source: example-report
  park.opened:
    topic: profile
    label: {_flow(t["label_opened"])}
    value: {today.year}
    unit: year
    as_of: {today.isoformat()}
    source: example-report
  firms.total:
    topic: growth
    label: {_flow(t["label_firms"])}
    value: 1
    unit: enterprises
    as_of: {today.isoformat()}
    source: example-report
    # Due at once: every build lists the example facts until they are replaced.
    review_by: {today.isoformat()}

site:
  name: park.name
  location: park.location
  founded: park.opened

# What the sources do not give, shown nowhere until filled in (CONTRIBUTING.md).
placeholders:
  contact.email:
    label: {_flow(t["label_email"])}
    placeholder: true
"""


def _page(code: str, page: str) -> str:
    folder = SKELETON / "pages" / code
    if not (folder / page).is_file():
        folder = SKELETON / "pages" / REFERENCE
    return (folder / page).read_text(encoding="utf-8")


def _title(text: str) -> str:
    return str(yaml.safe_load(text.split("---", 2)[1])["title"])


def _own_name(code: str) -> str:
    """A language's name in itself, as its menu shows it: 'English', '中文', 'français'."""
    try:
        return Locale.parse(code).get_display_name(code) or code
    except (ValueError, UnknownLocaleError):
        return code


def mkdocs_yml(name: str, languages: list[str], pages: dict[str, dict[str, str]]) -> str:
    """The skeleton's mkdocs.yml: the nav from the pages' titles, one i18n entry a language."""
    default = languages[0]
    nav = "\n".join(f"  - {_title(pages[default][p])}: {p}" for p in PAGES)
    i18n = ""
    if len(languages) > 1:
        entries = []
        for n, code in enumerate(languages):
            entry = [f"        - locale: {code}", f"          name: {_own_name(code)}"]
            entry.append("          default: true" if n == 0 else "          build: true")
            if n:
                entry.append("          nav_translations:")
                entry += [
                    f"            {_title(pages[default][p])}: {_title(pages[code][p])}"
                    for p in PAGES
                ]
            entries.append("\n".join(entry))
        i18n = (
            "  - i18n:\n      docs_structure: suffix\n      fallback_to_default: false\n"
            "      reconfigure_material: true\n      reconfigure_search: false\n"
            "      languages:\n" + "\n".join(entries) + "\n"
        )
    return CONFIG.format(
        name=name,
        name_yaml=yaml.safe_dump(name, allow_unicode=True).splitlines()[0],
        description_yaml=yaml.safe_dump(
            f"Investor information on {name}.", allow_unicode=True
        ).splitlines()[0],
        nav=nav,
        default=default,
        i18n=i18n,
    )


def write_skeleton(root: Path, name: str, languages: list[str], today: dt.date) -> list[Path]:
    """Replace a project's mkdocs.yml, data/ and docs/ with a new park's skeleton."""
    pages = {
        code: {p: _page(code, p).replace("{name}", name) for p in (*PAGES, *STORIES)}
        for code in languages
    }
    for folder in ("data", "docs"):
        shutil.rmtree(root / folder, ignore_errors=True)
    written = [root / "mkdocs.yml", root / "data" / "park.yml"]
    (root / "data").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(mkdocs_yml(name, languages, pages), encoding="utf-8")
    (root / "data" / "park.yml").write_text(park_yml(name, languages, today), encoding="utf-8")
    (root / "data" / "search-words.txt").write_text("", encoding="utf-8")
    for n, code in enumerate(languages):
        suffix = "" if n == 0 else f".{code}"
        for page, text in pages[code].items():
            path = root / "docs" / page.replace(".md", f"{suffix}.md")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
        if not (ENGINE_WORDS / f"{code}.yml").is_file():
            words = root / "data" / "words" / f"{code}.yml"
            words.parent.mkdir(exist_ok=True)
            english = (ENGINE_WORDS / f"{REFERENCE}.yml").read_text(encoding="utf-8")
            words.write_text(
                f"# TRANSLATE: the engine's words in {code}, copied from English.\n" + english,
                encoding="utf-8",
            )
            written.append(words)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parksite.tools.new", description=__doc__)
    parser.add_argument("--name", required=True, help="the park's name, as the site shows it")
    parser.add_argument("--languages", default=REFERENCE, help="codes, default first: en,zh")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project to write into")
    args = parser.parse_args(argv)
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    written = write_skeleton(args.root, args.name, languages, dt.date.today())
    print(f"Wrote a new site for {args.name} ({', '.join(languages)}): {len(written)} files.")
    print("Next: make build, make serve, then replace the example facts in data/park.yml.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

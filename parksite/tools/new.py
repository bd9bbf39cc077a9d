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
from parksite.model.jsonschema import schema_text
from parksite.project import ROOT

SKELETON = Path(__file__).with_name("skeleton")
# The pages of the menu, in its order; each is a starting point to rewrite.
NAV = ("index.md", "about.md", "key-figures.md", "stories/index.md", "contact.md")
# Pages outside the menu: the Sources page and the fact sheet are linked from every footer,
# the stories from their index.
OTHERS = ("sources.md", "fact-sheet.md", "stories/example.md")
CONFIG = r"""# Configuration of the investor site of {name}. Pages: docs/; facts: data/park.yml;
# the engine: the parksite plugin (macros, theme, checks: parksite/). Build: `make build`.

# --- The site -------------------------------------------------------------------------
site_name: {name_yaml}
site_description: {description_yaml}
# The published address; set SITE_URL when publishing (canonical links, sitemap, hreflang).
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
docs_dir: docs
site_dir: site
use_directory_urls: true

# --- Warnings are errors ----------------------------------------------------------------
strict: true
validation:
  nav:
    omitted_files: warn
    not_found: warn
    absolute_links: warn
  links:
    not_found: warn
    anchors: warn
    absolute_links: warn
    unrecognized_links: warn

# --- Pages, in the order of the navigation (their titles in other languages: plugins.i18n)
nav:
{nav}

# The stories are found from their index, never listed; the Sources page and the one-page
# fact sheet are linked from every footer.
not_in_nav: |
  /stories/*.md
  /sources*.md
  /fact-sheet*.md

# --- Looks: Material with system fonts only (nothing loaded from another host) ----------
theme:
  name: material
  language: {default}
  font: false
  icon:
    logo: material/factory
  # The engine's colours (parksite/theme/assets/site.css), chosen for contrast.
  palette:
    scheme: default
    primary: custom
    accent: custom
  features:
    - navigation.tabs
    - navigation.footer
    - navigation.top
    - search.highlight
    - toc.follow

# --- Markdown ---------------------------------------------------------------------------
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - tables
  - toc:
      permalink: true
      # Headings in Chinese and other scripts keep their characters in anchors.
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower

# --- Plugins ----------------------------------------------------------------------------
plugins:
  # The engine: checks, head tags, footer, story index pages, theme files (parksite/).
  - parksite
  - search:
      # Stemming for these languages; jieba (installed) splits Chinese into words at build
      # time, joined by the zero-width space (\u200b) that the separator splits on.
      lang: [{search_languages}]
      # Compound words given frequency 0 here are split, so that a part finds the whole.
      jieba_dict_user: data/search-words.txt
      separator: '[\s\u200b\-_,:!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])'
  - macros:
      # The engine's macros (parksite/mkdocs/macros.py): a park's project holds no code.
      modules: [parksite.mkdocs.macros]
      on_undefined: strict
      # A macro error stops the build; `make serve` sets this to false so that a mistake
      # shows in the terminal (strict mode still refuses the build) without ending the server.
      on_error_fail: !ENV [MACROS_ON_ERROR_FAIL, true]
      # Template syntax is only ever read in docs/ pages, never in data values.
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
    """The skeleton's data file: example facts from one example source, all to be replaced."""
    t = _texts(languages)
    names = _flow(dict.fromkeys(languages, name))
    day = today.isoformat()

    def unit(kind: str, words: str) -> str:
        return f"{{kind: {kind}, {_flow(t[words])[1:-1]}}}"

    return f"""# yaml-language-server: $schema=park.schema.json
#
# The facts of {name}. Every figure the site shows comes from here, with its source and
# date. These are EXAMPLES from an example source, labelled "(example)" on every page:
# replace them with the park's own facts and the reports they come from (CONTRIBUTING.md,
# "Change a figure" and "Add a source"), never with a figure no report gives.
schema_version: 2
last_checked: {day}

sources:
  example-report:
    publisher: {_flow(t["source_publisher"])}
    title: {_flow(t["source_title"])}
    date: {day}
    language: {languages[0]}
    url: https://example.org/replace-with-the-report
    # Due from the start: every build lists the example facts until they are replaced.
    review_by: {today - dt.timedelta(days=1)}

units:
  year: {unit("year", "unit_year")}
  square_metres: {unit("area", "unit_area")}
  enterprises: {unit("count", "unit_firms")}
  people: {unit("count", "unit_people")}

# Topics group the facts on the Key figures page, in this order.
topics:
  profile: {_flow(t["topic_profile"])}
  growth: {_flow(t["topic_growth"])}

facts:
  park.name:
    topic: profile
    label: {_flow(t["label_name"])}
    text: {names}
    as_of: {day}
    source: example-report
  park.location:
    topic: profile
    label: {_flow(t["label_location"])}
    text: {_flow(t["location"])}
    as_of: {day}
    source: example-report
  park.opened:
    topic: profile
    label: {_flow(t["label_opened"])}
    value: {today.year}
    unit: year
    as_of: {day}
    source: example-report
  park.area:
    topic: profile
    label: {_flow(t["label_area"])}
    value: 10000
    unit: square_metres
    as_of: {day}
    source: example-report
  firms.total:
    topic: growth
    label: {_flow(t["label_firms"])}
    value: 10
    unit: enterprises
    as_of: {day}
    source: example-report
  jobs.total:
    topic: growth
    label: {_flow(t["label_jobs"])}
    value: 100
    unit: people
    as_of: {day}
    source: example-report

# What the engine needs to know about this site: the facts that name the park, its place
# and its first year (search engines' JSON-LD and link previews). README.md, "Start a site
# for another park", says what else may go here (a second currency, the ICP filing number).
site:
  name: park.name
  location: park.location
  founded: park.opened

# What the sources do not give. Left out of the public pages and listed by every build
# until someone fills it in: set value, then delete `placeholder: true`.
placeholders:
  contact.address:
    label: {_flow(t["label_address"])}
    placeholder: true
  contact.phone:
    label: {_flow(t["label_phone"])}
    placeholder: true
  contact.email:
    label: {_flow(t["label_email"])}
    placeholder: true
"""


def _page(code: str, page: str) -> str:
    folder = SKELETON / "pages" / code
    if not (folder / page).is_file():
        folder = SKELETON / "pages" / REFERENCE
    return (folder / page).read_text(encoding="utf-8")


def _front(text: str, key: str) -> str:
    """A field of a page's front matter: its title, its description."""
    return str(yaml.safe_load(text.split("---", 2)[1])[key])


def _title(text: str) -> str:
    return _front(text, "title")


def _yaml_scalar(text: str) -> str:
    return yaml.safe_dump(text, allow_unicode=True, width=10_000).splitlines()[0]


def _named(text: str, name: str) -> str:
    """A skeleton page with the park's name in place of {name}: quoted in the front matter,
    where a name such as 'Harbour Park: North' would otherwise end its line's value."""
    _, front, body = text.split("---", 2)
    lines = []
    for line in front.splitlines(keepends=True):
        key, colon, value = line.partition(": ")
        if "{name}" in value:
            line = f"{key}{colon}{_yaml_scalar(value.strip().replace('{name}', name))}\n"
        lines.append(line)
    return "---" + "".join(lines) + "---" + body.replace("{name}", name)


def _own_name(code: str) -> str:
    """A language's name in itself, as its menu shows it: 'English', '中文', 'français'."""
    try:
        return Locale.parse(code).get_display_name(code) or code
    except (ValueError, UnknownLocaleError):
        return code


def _settings() -> dict[str, dict]:
    """What mkdocs.yml says of a language beyond its code and name (skeleton/languages.yml)."""
    return yaml.safe_load((SKELETON / "languages.yml").read_text(encoding="utf-8")) or {}


def mkdocs_yml(name: str, languages: list[str], pages: dict[str, dict[str, str]]) -> str:
    """The skeleton's mkdocs.yml: the nav from the pages' titles, one i18n entry a language."""
    default = languages[0]
    settings = _settings()
    nav = "\n".join(f"  - {_title(pages[default][p])}: {p}" for p in NAV)
    i18n = ""
    if len(languages) > 1:
        entries = []
        for n, code in enumerate(languages):
            entry = [f"        - locale: {code}", f"          name: {_own_name(code)}"]
            entry.append("          default: true" if n == 0 else "          build: true")
            html = settings.get(code, {}).get("theme", {}).get("language", code)
            entry += ["          theme:", f"            language: {html}"]
            if n:
                # The site's description in this language: its home page's.
                home = _front(pages[code]["index.md"], "description")
                entry.append(f"          site_description: {_yaml_scalar(home)}")
                entry.append("          nav_translations:")
                entry += [
                    f"            {_title(pages[default][p])}: {_title(pages[code][p])}"
                    for p in NAV
                ]
            entries.append("\n".join(entry))
        i18n = (
            "  - i18n:\n      docs_structure: suffix\n      fallback_to_default: false\n"
            "      reconfigure_material: true\n"
            "      # The search settings above serve every language.\n"
            "      reconfigure_search: false\n"
            "      # Each language names its theme language: the plugin would give one without\n"
            "      # it the theme language of the one before (<html lang>, the theme's words).\n"
            "      languages:\n" + "\n".join(entries) + "\n"
        )
    stemmed = [c for c in languages if settings.get(c, {}).get("search_stemming", True)]
    return CONFIG.format(
        name=name,
        name_yaml=_yaml_scalar(name),
        description_yaml=_yaml_scalar(_front(pages[default]["index.md"], "description")),
        nav=nav,
        default=settings.get(default, {}).get("theme", {}).get("language", default),
        search_languages=", ".join(stemmed or [REFERENCE]),
        i18n=i18n,
    )


def write_skeleton(root: Path, name: str, languages: list[str], today: dt.date) -> list[Path]:
    """Replace a project's mkdocs.yml, data/ and docs/ with a new park's skeleton."""
    pages = {code: {p: _named(_page(code, p), name) for p in (*NAV, *OTHERS)} for code in languages}
    for folder in ("data", "docs"):
        shutil.rmtree(root / folder, ignore_errors=True)
    data = root / "data"
    written = [root / "mkdocs.yml", data / "park.yml", data / "park.schema.json"]
    data.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(mkdocs_yml(name, languages, pages), encoding="utf-8")
    (data / "park.yml").write_text(park_yml(name, languages, today), encoding="utf-8")
    # What editors' tools complete and check the data file by, for these languages.
    (data / "park.schema.json").write_text(schema_text(tuple(languages)), encoding="utf-8")
    (data / "search-words.txt").write_text("", encoding="utf-8")
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

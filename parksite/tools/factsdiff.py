"""`make facts-diff BASE=<git ref>`: the facts that changed in data/park.yml between a
revision and the working tree (or a second revision), in plain language for reviewers:

    - National patents obtained (patents.national): 713 → 750 national patents, as of
      2023-06-30 (was 2022-01-30), source: China Daily, Shanxi channel, "…" <http://…>
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from parksite.i18n.languages import Language, Languages, build_languages
from parksite.i18n.numbers import format_quantity
from parksite.model.errors import DataError
from parksite.model.load import parse_park
from parksite.model.park import Fact, Park
from parksite.project import DATA_FILE, PROJECT, ROOT, shown
from parksite.render.figures import figure_text

DATA_PATH = DATA_FILE.relative_to(ROOT).as_posix()


def _figure(park: Park, fact: Fact, lang: Language) -> str:
    text = figure_text(park, fact, lang)
    return f"{text} (planned)" if fact.qualifier == "planned" else text


def _source(park: Park, fact: Fact) -> str:
    source = park.sources.get(fact.source)
    if source is None:
        return fact.source
    code = next(iter(source.publisher))
    return f'{source.publisher[code]}, "{source.title[code]}" <{source.url}>'


def _period(fact: Fact) -> str:
    p = fact.period
    if p is None:
        return "none"
    return str(p.year) if p.year is not None else f"{p.start}–{p.end or ''}"


def _labels(fact: Fact, languages: Languages) -> str:
    """'"National patents" / 国家专利': the default language's quoted, then the others."""
    first, *rest = (fact.label[lang.code] for lang in languages)
    return " / ".join([f'"{first}"', *rest])


def describe_change(old: Park, new: Park, fid: str, languages: Languages) -> str | None:
    """One line for a fact that differs between two versions of the data, else None."""
    was, now = old.facts[fid], new.facts[fid]
    if was == now and _source(old, was) == _source(new, now):
        return None
    lang = languages.default
    before, after = _figure(old, was, lang), _figure(new, now, lang)
    if was.value is not None and now.value is not None and was.unit == now.unit:
        # "713 → 750 national patents": the unit once, after the new figure.
        unit = old.units[was.unit or ""]
        before = format_quantity(was.value, lang, unit.kind, "", was.qualifier)
    text = f"{before} → {after}" if before != after else f"{after} (figure unchanged)"
    text += f", as of {now.as_of}" + (f" (was {was.as_of})" if was.as_of != now.as_of else "")
    if _period(was) != _period(now):
        text += f", period {_period(was)} → {_period(now)}"
    text += f", source: {_source(new, now)}"
    if was.source != now.source:
        text += f" (was {_source(old, was)})"
    if was.label != now.label:
        text += f", label {_labels(was, languages)} → {_labels(now, languages)}"
    second = new.site.second_currency
    if second is not None and fid == second.rate and was.value != now.value:
        text += "; every converted amount on the site changes with it"
    return f"- {now.label[lang.code]} ({fid}): {text}"


def _one(park: Park, fid: str, lang: Language) -> str:
    fact = park.facts[fid]
    return (
        f"- {fact.label[lang.code]} ({fid}): {_figure(park, fact, lang)}, as of {fact.as_of}, "
        f"source: {_source(park, fact)}"
    )


def diff_lines(old: Park, new: Park, languages: Languages) -> list[str]:
    """The changed, added and removed facts (and sources), as lines of Markdown."""
    lang = languages.default
    changed = [
        line
        for fid in new.facts
        if fid in old.facts
        if (line := describe_change(old, new, fid, languages))
    ]
    added = [_one(new, fid, lang) for fid in new.facts if fid not in old.facts]
    removed = [_one(old, fid, lang) for fid in old.facts if fid not in new.facts]
    sources_added = [f"- {sid}: {_src(new, sid)}" for sid in new.sources if sid not in old.sources]
    sources_removed = [
        f"- {sid}: {_src(old, sid)}" for sid in old.sources if sid not in new.sources
    ]
    lines: list[str] = []
    for title, block in (
        ("Changed facts", changed),
        ("Added facts", added),
        ("Removed facts", removed),
        ("Added sources", sources_added),
        ("Removed sources", sources_removed),
    ):
        if block:
            lines += [f"{title}:", *block, ""]
    return lines


def _src(park: Park, sid: str) -> str:
    s = park.sources[sid]
    code = next(iter(s.publisher))
    return f'{s.publisher[code]}, "{s.title[code]}", {s.date} <{s.url}>'


def revision_text(ref: str) -> str:
    """data/park.yml as it was at a git revision."""
    result = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{ref}:{DATA_PATH}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise LookupError(f"cannot read {DATA_PATH} at '{ref}': {result.stderr.strip()}")
    return result.stdout


def report(
    base: str, old_text: str, head: str, new_text: str, languages: Languages | None = None
) -> str:
    """The whole message: a heading, then the changes or a line saying there are none."""
    languages = languages or build_languages(
        PROJECT.config, shown(PROJECT.config_file), PROJECT.words_dir
    )
    old = parse_park(old_text, f"{base}:{DATA_PATH}", languages.codes)
    new = parse_park(new_text, f"{head}:{DATA_PATH}", languages.codes)
    lines = diff_lines(old, new, languages)
    head_line = f"Facts in {DATA_PATH}: {base} → {head}"
    if not lines:
        return f"{head_line}\n\nNo fact or source changed.\n"
    return f"{head_line}\n\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parksite.tools.factsdiff", description=__doc__)
    parser.add_argument("base", help="the git revision to compare with, e.g. main")
    parser.add_argument("head", nargs="?", help="a second revision (default: the working tree)")
    args = parser.parse_args(argv)
    try:
        old_text = revision_text(args.base)
        if args.head:
            new_text, head = revision_text(args.head), args.head
        else:
            new_text, head = DATA_FILE.read_text(encoding="utf-8"), "working tree"
        print(report(args.base, old_text, head, new_text), end="")
    except (LookupError, DataError) as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

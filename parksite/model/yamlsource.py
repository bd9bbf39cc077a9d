"""Reads a YAML file the way an editor means it, and remembers where every value stands.

PyYAML alone forgets line numbers, keeps the last of two duplicate keys silently, and
reads YAML 1.1 traps (`no` as false, `010` as 8, `12:30` as 750). This reader composes
the node tree, builds plain Python values from it, and records each value's position so
that later checks can point at the exact line.

It is also bounded: a file of a few hundred bytes must not cost minutes. Aliases and anchors
(an "anchor bomb" repeats a block exponentially), nesting past a few levels, YAML tags,
invisible characters, and numbers YAML 1.1 reads in surprising ways (0x1F, 0o17, 1_000,
.inf, -0, hundreds of digits) are refused with their line before any value is built.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

import yaml

from parksite.model.errors import DataError, Problem
from parksite.model.yamlsyntax import layout_problems, syntax_problem

Path_ = tuple[str | int, ...]

_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}
_OCTAL_LIKE = re.compile(r"^[-+]?0[0-9_]+$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
# Numbers as editors write them: digits, one minus sign, one decimal point.
_PLAIN_INT = re.compile(r"^-?(0|[1-9][0-9]*)$")
_PLAIN_FLOAT = re.compile(r"^-?(0|[1-9][0-9]*)\.[0-9]+$")
# More digits than any figure has: 10^30 yuan is more than the world's money.
MAX_DIGITS = 30
MAX_CHARS = 2_000_000  # a data file; a page's front matter passes its own bound
MAX_DEPTH = 12  # blocks within blocks; data/park.yml needs five
# Characters no editor types on purpose and no reader can see: controls, and the format
# characters that reorder or hide text (bidi overrides and isolates, zero-width marks).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff0-\uffff"
    "\U000e0000-\U000e0fff]"
)


@dataclass
class Located:
    """The plain data of a YAML file, with the position of every key and value."""

    data: object
    file: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)
    # Mistakes that still leave a readable file (duplicates, YAML 1.1 traps, bad dates):
    # reported together with the schema's, so that editors see them all at once.
    problems: list[Problem] = field(default_factory=list)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value at path, or of its nearest parent."""
        table = self.keys if key else self.values
        for cut in range(len(path), -1, -1):
            prefix = path[:cut]
            if prefix in table:
                return table[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return None, None


def field_name(path: Path_) -> str:
    """A path as editors read it: facts[revenue.total].value."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]" if text else f"item {part + 1}"
        elif "." in part or "-" in part:
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def load_text(text: str, file: str, *, max_chars: int = MAX_CHARS, first_line: int = 1) -> Located:
    """Parse YAML text into plain values; what an editor would not mean goes to .problems.

    Raises DataError at once when the file cannot be read at all, or is unbounded (see the
    module's note). `first_line`: the line of the file on which the text starts.
    """
    problems = _bound_problems(text, file, max_chars) or layout_problems(text, file)
    if first_line != 1:
        problems = [_moved(p, first_line) for p in problems]
    if problems:
        raise DataError(problems)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise DataError(
            [
                Problem(
                    file,
                    1,
                    1,
                    "",
                    "the file is empty.",
                    "restore it from git: git checkout -- " + file,
                )
            ]
        )
    try:
        problems = [] if _plain_and_shallow(text) else _event_problems(text, file)
        node = None if problems else _compose(text)
    except yaml.MarkedYAMLError as exc:
        problems = [syntax_problem(exc, file, text)]
    if problems:
        raise DataError([_moved(p, first_line) for p in problems]) from None
    located = Located(data=None, file=file)
    located.data = _build(node, (), located, located.problems)
    located.problems[:] = [_moved(p, first_line) for p in located.problems]
    if first_line != 1:
        shift = first_line - 1
        for table in (located.values, located.keys):
            table.update((k, (line + shift, col)) for k, (line, col) in table.items())
    return located


def _moved(problem: Problem, first_line: int) -> Problem:
    """A problem of a text that starts on `first_line` of its file (a page's front matter)."""
    if first_line == 1 or problem.line is None:
        return problem
    return replace(problem, line=problem.line + first_line - 1)


# --- Bounds: refused before any value is built ----------------------------------------


def _bound_problems(text: str, file: str, max_chars: int) -> list[Problem]:
    """A text too long, or with characters a reader cannot see."""
    if len(text) > max_chars:
        return [
            Problem(
                file,
                None,
                None,
                "",
                f"the text is {len(text):,} characters long, more than the {max_chars:,} allowed.",
                "split it or shorten it; a figure, a label or a front matter is never that long.",
            )
        ]
    return invisible_problems(text, file)


def invisible_problems(text: str, file: str) -> list[Problem]:
    """Every control or direction character in a text (a data file, a page), with its line."""
    found = []
    for match in _INVISIBLE.finditer(text):
        if match.start() == 0 and match[0] == "\ufeff":
            continue  # a byte-order mark at the very start is how some editors save UTF-8
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        found.append(
            Problem(
                file,
                line,
                column,
                "",
                f"an invisible character (U+{ord(match[0]):04X}) is written here: control "
                "and direction characters can make a text show other than it reads.",
                "delete it (retype the line if you cannot see it); write text left to right "
                "as it should be read.",
            )
        )
    return found


def _plain_and_shallow(text: str) -> bool:
    """Whether the text can hold nothing _event_problems looks for, so that its scan can be
    spared (a page's few lines of front matter): an anchor, an alias and a tag each need
    their character (& * !); without flow collections ([ {), a line opens at most one block
    collection, and one more for each `-` or `?` on it, so that the lines and those
    characters bound how deep the text can nest. YAML also breaks lines at a lone `\r`
    (counted too); its other line breaks are invisible characters, refused before."""
    if any(mark in text for mark in "&*![{"):
        return False
    lines = text.count("\n") + text.count("\r") + 1
    return lines + text.count("-") + text.count("?") <= MAX_DEPTH


def _event_problems(text: str, file: str) -> list[Problem]:
    """Anchors, aliases, tags and nesting, found from the parser's events: before the node
    tree is composed, so that an anchor bomb or a deep nest costs no more than its bytes."""
    found: list[Problem] = []
    depth = 0
    events = yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    try:
        for event in events:
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                found.append(
                    Problem(
                        file,
                        *_position(event),
                        "",
                        "`&` or `*` here is a YAML anchor or alias, which this file does not use.",
                        "write the value out in full where it is needed, or quote a text that "
                        'starts with & or *: "&...".',
                    )
                )
            elif getattr(event, "tag", None) and not (
                isinstance(event, yaml.ScalarEvent) and event.tag == "!"
            ):
                found.append(
                    Problem(
                        file,
                        *_position(event),
                        "",
                        f"`{event.tag.replace('tag:yaml.org,2002:', '!!')}` is a YAML tag, which "
                        "this file does not use.",
                        'delete it; put a text in quotes: "...".',
                    )
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    found.append(
                        Problem(
                            file,
                            *_position(event),
                            "",
                            f"blocks are nested more than {MAX_DEPTH} deep here.",
                            "a value is a few levels below its key, never more: move it up.",
                        )
                    )
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if len(found) >= 20:  # enough to show what is wrong; the rest is the same again
                break
    except yaml.MarkedYAMLError:
        pass  # the scan ends: composing the text then explains the error in PyYAML's words
    return found


def _position(event: yaml.Event) -> tuple[int, int]:
    """Line and column of an event, 1-based for editors."""
    return event.start_mark.line + 1, event.start_mark.column + 1


def _compose(text: str) -> yaml.Node | None:
    """The node tree, by libyaml when present (about 10x faster), by PyYAML's own parser
    when the text has a mistake, so that editors always read PyYAML's explanation."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.MarkedYAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _build(node: yaml.Node, path: Path_, located: Located, found: list[Problem]) -> object:
    mark = node.start_mark
    located.values[path] = (mark.line + 1, mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[object, object] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, path, located, found, as_key=True)
            if not isinstance(key, str):
                key = str(key_node.value)
            child = (*path, key)
            kmark = key_node.start_mark
            if key in result:
                first_line, _ = located.keys[child]
                found.append(
                    _at(
                        located,
                        kmark,
                        field_name(child),
                        f"`{key}` is written twice in the same block (first on line {first_line}).",
                        "keep one of them and delete the other; YAML would silently use only the last.",
                    )
                )
                continue
            located.keys[child] = (kmark.line + 1, kmark.column + 1)
            result[key] = _build(value_node, child, located, found)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), located, found) for i, item in enumerate(node.value)]
    return _scalar(node, path, located, found)


def _at(located: Located, mark: yaml.Mark, path_name: str, message: str, hint: str = "") -> Problem:
    """A problem at a node's mark (0-based there, 1-based for editors)."""
    return Problem(located.file, mark.line + 1, mark.column + 1, path_name, message, hint)


def _scalar(
    node: yaml.Node, path: Path_, located: Located, found: list[Problem], *, as_key: bool = False
) -> object:
    if not isinstance(node, yaml.ScalarNode):
        mark = node.start_mark
        found.append(
            _at(
                located,
                mark,
                field_name(path),
                "a key must be a plain word, not a list or block.",
            )
        )
        return None
    text: str = node.value
    tag = node.tag.rsplit(":", 1)[-1]
    mark = node.start_mark
    if not as_key:
        located.raw[path] = text
    quoted = node.style in ("'", '"')
    if quoted or tag == "str":
        return text
    if tag == "null":
        return None
    if tag == "bool":
        if text.lower() in ("true", "false"):
            return text.lower() == "true"
        found.append(
            _at(
                located,
                mark,
                field_name(path),
                f"`{text}` is ambiguous: YAML reads it as a yes/no switch, not as the word {text!r}.",
                f'write true or false for a switch, or put the word in quotes: "{text}".',
            )
        )
        return text
    if tag == "int":
        if _OCTAL_LIKE.match(text):
            found.append(
                _at(
                    located,
                    mark,
                    field_name(path),
                    f"`{text}` starts with 0, so YAML reads it as an octal number, not {text.lstrip('0') or '0'}.",
                    f"write it without the leading zero ({text.lstrip('0') or '0'}), "
                    f'or in quotes ("{text}") if it is a code rather than a number.',
                )
            )
            return text
        if _SEXAGESIMAL.match(text):
            return _sexagesimal(text, path, mark, located, found)
        return _number(text, int, _PLAIN_INT, path, mark, located, found)
    if tag == "float":
        if _SEXAGESIMAL.match(text):
            return _sexagesimal(text, path, mark, located, found)
        return _number(text, float, _PLAIN_FLOAT, path, mark, located, found)
    if tag == "timestamp":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            found.append(
                _at(
                    located,
                    mark,
                    field_name(path),
                    f"`{text}` is not a real calendar date.",
                    "write a date as YYYY-MM-DD, e.g. 2022-01-30.",
                )
            )
            return text
    return text


def _sexagesimal(
    text: str, path: Path_, mark: yaml.Mark, located: Located, found: list[Problem]
) -> str:
    found.append(
        _at(
            located,
            mark,
            field_name(path),
            f"`{text}` is ambiguous: YAML reads it as a base-60 number, not as the text {text!r}.",
            f'put it in quotes: "{text}".',
        )
    )
    return text


# YAML 1.1 reads these as numbers, where an editor meant something else or a plainer number.
_NUMBER_TRAPS = (
    (re.compile(r"^[-+]?0x", re.I), "a hexadecimal number"),
    (re.compile(r"^[-+]?0o", re.I), "an octal number"),
    (re.compile(r"^[-+]?0b", re.I), "a binary number"),
    (re.compile(r"^[-+]?\.(inf|nan)$", re.I), "infinity or not-a-number"),
    (re.compile(r"e", re.I), "a number with an exponent"),
    (re.compile(r"_"), "a number with _ between its digits"),
    (re.compile(r"^\+"), "a number with a plus sign"),
)


def _number(
    text: str,
    kind: type,
    plain: re.Pattern[str],
    path: Path_,
    mark: yaml.Mark,
    located: Located,
    found: list[Problem],
) -> object:
    """A number written plainly (digits, a minus sign, a decimal point), or a problem."""
    where = field_name(path)
    if plain.match(text):
        digits = sum(ch.isdigit() for ch in text)
        if digits > MAX_DIGITS:
            found.append(
                _at(
                    located,
                    mark,
                    where,
                    f"this number has {digits} digits; no figure has more than {MAX_DIGITS}.",
                    "check the number: a digit key may have been held down.",
                )
            )
            return text
        value = kind(text)
        if value == 0 and text.startswith("-"):
            found.append(_at(located, mark, where, f"`{text}` is minus zero.", "write 0."))
            return text
        return value
    trap = next((what for pattern, what in _NUMBER_TRAPS if pattern.search(text)), "a number")
    found.append(
        _at(
            located,
            mark,
            where,
            f"`{text}` is {trap} to YAML, which is easy to misread.",
            "write the number with digits only (a minus sign and a decimal point if needed), "
            f'e.g. 1000 or 6.361; if it is a code or a word, put it in quotes: "{text}".',
        )
    )
    return text

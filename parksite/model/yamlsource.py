"""Reads a YAML file the way an editor means it, and remembers where every value stands.

PyYAML alone forgets line numbers, keeps the last of two duplicate keys silently, and
reads YAML 1.1 traps (`no` as false, `010` as 8, `12:30` as 750). This reader composes
the node tree, builds plain Python values from it, and records each value's position so
that later checks can point at the exact line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from parksite.model.errors import DataError, Problem

Path_ = tuple[str | int, ...]

_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}
_OCTAL_LIKE = re.compile(r"^[-+]?0[0-9_]+$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")


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


def load_text(text: str, file: str) -> Located:
    """Parse YAML text into plain values; what an editor would not mean goes to .problems.

    Raises DataError at once only when the file cannot be read at all.
    """
    problems = _tab_problems(text, file)
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
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise DataError([syntax_problem(exc, file)]) from None
    located = Located(data=None, file=file)
    located.data = _build(node, (), located, located.problems)
    return located


# PyYAML's words for a syntax error, and what they mean to an editor: (what, how to fix).
_SYNTAX = {
    "end of stream": (
        "a quote opened here is never closed.",
        "end the text with the same quote mark it starts with (\" or ').",
    ),
    "expected ':'": (
        "a key here has no `: ` after it.",
        "write `key: value`, with a space after the colon.",
    ),
    "expected <block end>": (
        "this line is indented differently from the lines of its block.",
        "indent it with as many spaces as the keys above it in the same block.",
    ),
    "mapping values are not allowed": (
        "a second `: ` on this line.",
        "put each `key: value` on its own line, or quote a text that contains ': '.",
    ),
}


def syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    problem = exc.problem or "not valid YAML"
    what, hint = next(
        (meaning for words, meaning in _SYNTAX.items() if words in problem),
        (
            f"this is not valid YAML ({problem.rstrip('.')}).",
            "check the indentation (spaces only, as deep as the lines around it), that every "
            "`key:` has a space after the colon, and that quotes and brackets are closed.",
        ),
    )
    # An unclosed quote or a key without a colon is found far from where it was written.
    use_context = exc.context_mark and ("end of stream" in problem or "expected ':'" in problem)
    mark = exc.context_mark if use_context else (exc.problem_mark or exc.context_mark)
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return Problem(file, line, col, "", what, hint)


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


def _tab_problems(text: str, file: str) -> list[Problem]:
    return [
        Problem(
            file,
            number,
            line.index("\t") + 1,
            "",
            "this line contains a tab character; YAML allows only spaces for indentation.",
            "replace the tab with spaces (two spaces per level).",
        )
        for number, line in enumerate(text.splitlines(), start=1)
        if "\t" in line
    ]


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
        try:
            return int(text.replace("_", ""), 0)
        except ValueError:
            return text
    if tag == "float":
        if _SEXAGESIMAL.match(text):
            return _sexagesimal(text, path, mark, located, found)
        try:
            return float(text.replace("_", ""))
        except ValueError:
            return text
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

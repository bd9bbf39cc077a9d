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
from parksite.model.yamlsyntax import layout_problems, syntax_problem

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
    problems = layout_problems(text, file)
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
        raise DataError([syntax_problem(exc, file, text)]) from None
    located = Located(data=None, file=file)
    located.data = _build(node, (), located, located.problems)
    return located


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

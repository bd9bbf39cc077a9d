"""What a broken YAML file means to an editor, told at the line to change.

PyYAML names the place where it gave up, which is often lines away from the slip: a fact id
moved to the left edge is found at the next fact, an unclosed bracket on the next line, a
quote at the next quote mark or the end of the file. These functions find the line the
editor wrote: where a bracket or quote was opened, or the one line whose indentation, put
right, makes the whole file readable. Slips YAML would read without complaint but not as
meant (full-width spaces and colons typed by a Chinese keyboard, a tab) are told before
YAML reads the file at all.
"""

from __future__ import annotations

import re

import yaml

from parksite.model.errors import Problem

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
_OTHERWISE = (
    "check the indentation (spaces only, as deep as the lines around it), that every "
    "`key:` has a space after the colon, and that quotes and brackets are closed."
)
_CLOSING = {"{": "}", "[": "]"}
# How far back a misplaced line is looked for, and how many repairs are tried at most.
_WINDOW = 40
_TRIALS = 80
# Spaces a Chinese keyboard or a copied text puts where YAML only reads the ASCII space.
_WIDE_SPACE = {"\u3000": "full-width space", "\u00a0": "non-breaking space"}
# `key：` (full-width colon) or, inside { }, `key:value`, right after a key's place.
_WIDE_COLON = re.compile(r"(?:^\s*(?:-\s+)?|[{,]\s*)([A-Za-z_][\w.-]*)：")
_FLOW_NO_SPACE = re.compile(r"[{,]\s*([A-Za-z_][\w-]*):(?=[^\s/])")
# What each of those slips is typed with: a tab, a wide space, a full-width colon, a `{`.
_SLIP_CHARACTERS = ("\t", *_WIDE_SPACE, "：", "{")


def layout_problems(text: str, file: str) -> list[Problem]:
    """Tabs, full-width spaces before a line, and colons YAML would not read as a key's:
    the file reads otherwise than meant, so these are told before it is read."""
    if not any(character in text for character in _SLIP_CHARACTERS):
        return []  # none typed: most front matters, whose lines need not be read one by one
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            found.append(
                Problem(
                    file,
                    number,
                    line.index("\t") + 1,
                    "",
                    "this line contains a tab character; YAML allows only spaces for indentation.",
                    "replace the tab with spaces (two spaces per level).",
                )
            )
            continue
        lead = line[: len(line) - len(line.lstrip())]
        wide = next((c for c in lead if c in _WIDE_SPACE), None)
        if wide:
            found.append(
                Problem(
                    file,
                    number,
                    lead.index(wide) + 1,
                    "",
                    f"this line is indented with a {_WIDE_SPACE[wide]}, which YAML does not "
                    "count as indentation.",
                    "delete the spaces before the text and type them again as ordinary spaces "
                    "(switch the keyboard to English, or half-width, first).",
                )
            )
            continue
        code = line.split(" #", 1)[0]
        colon = _unquoted(_WIDE_COLON, code)
        if colon:
            found.append(
                Problem(
                    file,
                    number,
                    colon.end(),
                    "",
                    f"`{colon[1]}` is followed by a full-width colon (：), which YAML reads as "
                    "part of the text, not as the colon after a key.",
                    f"write `{colon[1]}: ` with the ASCII colon and a space (switch the keyboard "
                    "to English, or half-width, first).",
                )
            )
            continue
        squeezed = _unquoted(_FLOW_NO_SPACE, code) if "{" in code else None
        if squeezed:
            found.append(
                Problem(
                    file,
                    number,
                    squeezed.end(),
                    "",
                    f"`{squeezed[1]}:` has no space after its colon, so YAML reads "
                    f"`{squeezed[1]}:...` as one word, not as a key and its value.",
                    f"put a space after the colon: `{squeezed[1]}: `.",
                )
            )
    return found


def _unquoted(pattern: re.Pattern[str], code: str) -> re.Match[str] | None:
    """The first match outside a "double-quoted text" (single quotes double as apostrophes)."""
    return next((m for m in pattern.finditer(code) if code.count('"', 0, m.start()) % 2 == 0), None)


def syntax_problem(exc: yaml.MarkedYAMLError, file: str, text: str | None = None) -> Problem:
    """The problem at the line the editor wrote; `text` is the file's (else the mark's)."""
    mark = exc.problem_mark or exc.context_mark
    if text is None and mark is not None and mark.buffer:
        text = mark.buffer.rstrip("\0")
    problem = exc.problem or "not valid YAML"
    told = None
    if text is not None:
        told = (
            _bracket(exc, file, text)
            or _late_quote(exc, file, text)
            or _stray_closing(exc, file)
            or _indentation(exc, file, text)
        )
    if told:
        return told
    what, hint = next(
        (meaning for words, meaning in _SYNTAX.items() if words in problem),
        (f"this is not valid YAML ({problem.rstrip('.')}).", _OTHERWISE),
    )
    # An unclosed quote or a key without a colon is found far from where it was written.
    use_context = exc.context_mark and ("end of stream" in problem or "expected ':'" in problem)
    mark = exc.context_mark if use_context else (exc.problem_mark or exc.context_mark)
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return Problem(file, line, col, "", what, hint)


def _at(file: str, mark: yaml.Mark, what: str, hint: str) -> Problem:
    return Problem(file, mark.line + 1, mark.column + 1, "", what, hint)


def _bracket(exc: yaml.MarkedYAMLError, file: str, text: str) -> Problem | None:
    """A `{` or `[` never closed on its line: told where it was opened."""
    opened, problem = exc.context_mark, exc.problem_mark
    if not (opened and problem and (exc.context or "").startswith("while parsing a flow")):
        return None
    bracket = _char(text, opened)
    if bracket not in _CLOSING:
        return None
    if problem.line == opened.line:
        before = _char(text, problem, -1)
        if before == "'" and "got '<scalar>'" in (exc.problem or ""):
            return _at(
                file,
                problem,
                "a text in single quotes ends here, before its last word: an apostrophe "
                "inside it closes it.",
                "write the apostrophe twice inside single quotes ('Park''s name'), or put the "
                'text in double quotes ("Park\'s name").',
            )
        return None
    closing = _CLOSING[bracket]
    written = text.split("\n")[opened.line].strip()
    return _at(
        file,
        opened,
        f"a `{bracket}` opened here is never closed with `{closing}`.",
        f"end it with `{closing}` on the same line: {written}{closing}",
    )


def _late_quote(exc: yaml.MarkedYAMLError, file: str, text: str) -> Problem | None:
    """A quote not closed on its own line, which YAML reads on to the next quote mark."""
    problem = exc.problem_mark
    if not problem or "found '<scalar>'" not in (exc.problem or ""):
        return None
    offset = problem.index
    before = text[:offset].rstrip(" ")
    quote = before[-1:] if before else ""
    if quote not in ("'", '"'):
        return None
    opened = before[:-1].rfind(quote)
    if opened < 0 or "\n" not in text[opened:offset]:
        return None
    line = text.count("\n", 0, opened) + 1
    column = opened - (text.rfind("\n", 0, opened) + 1) + 1
    return Problem(
        file,
        line,
        column,
        "",
        f"a quote opened here is not closed on its line, so YAML reads on to the next quote "
        f"mark, on line {problem.line + 1}.",
        "end the text with the same quote mark on this line (\" or ').",
    )


def _stray_closing(exc: yaml.MarkedYAMLError, file: str) -> Problem | None:
    """A `}` or `]` with nothing to close."""
    problem = exc.problem_mark
    found = re.search(r"but found '([}\]])'", exc.problem or "")
    if not (problem and found):
        return None
    opening = "{" if found[1] == "}" else "["
    return _at(
        file,
        problem,
        f"this `{found[1]}` closes nothing.",
        f"delete it, or put the `{opening}` it closes where the text begins.",
    )


def _indentation(exc: yaml.MarkedYAMLError, file: str, text: str) -> Problem | None:
    """The one line whose indentation, put right, makes the whole file readable."""
    words = exc.problem or ""
    if not exc.problem_mark or not (
        "expected <block end>" in words or "mapping values are not allowed" in words
    ):
        return None
    lines = text.split("\n")
    at = exc.problem_mark.line
    candidates = _suspects(lines, at)
    trials = 0
    for number in candidates:
        for spaces in _levels(lines, number, at):
            trials += 1
            if trials > _TRIALS:
                return None
            trial = [*lines]
            trial[number] = " " * spaces + lines[number].lstrip(" ")
            if _readable("\n".join(trial)):
                return _misplaced(file, lines, number, spaces)
    return None


def _suspects(lines: list[str], at: int) -> list[int]:
    """The error's line, then each line above it up to the block it should belong to."""
    found = [at]
    level = _indent(lines[at])
    for number in range(at - 1, max(at - _WINDOW, 0) - 1, -1):
        if not _content(lines[number]):
            continue
        found.append(number)
        if _indent(lines[number]) < level:
            # The block's first line above; a fact id moved left is this one.
            break
    return found


def _levels(lines: list[str], number: int, at: int) -> list[int]:
    """Indentations to try for a line: those of the lines around it and of the error's."""
    near = [
        _indent(lines[n])
        for n in range(max(number - _WINDOW, 0), min(at + 2, len(lines)))
        if _content(lines[n])
    ]
    own = _indent(lines[number])
    return sorted({n for n in near if n != own}, key=lambda n: (abs(n - own), n))


def _misplaced(file: str, lines: list[str], number: int, spaces: int) -> Problem:
    own = _indent(lines[number])
    word = lines[number].strip().split(":")[0]
    below = next((n for n in range(number + 1, len(lines)) if _content(lines[n])), None)
    if spaces == 0 and below is not None and _indent(lines[below]) > own:
        # A block pasted where no key opens one (above its section's key, say): what would
        # make it readable, moving it to the left edge, would make it a part of its own.
        return Problem(
            file,
            number + 1,
            own + 1,
            "",
            f"`{word}` and the lines under it are indented, but no key above opens a block "
            "for them here.",
            f"move `{word}` and its lines into the block they belong to (under the key of "
            "their part of the file), with the spaces the entries there have.",
        )
    like = min(
        (
            n
            for n in (_same_block(lines, number, spaces, step) for step in (-1, 1))
            if n is not None
        ),
        key=lambda n: abs(n - number),
        default=None,
    )
    where = f" (as on line {like + 1})" if like is not None else ""
    return Problem(
        file,
        number + 1,
        own + 1,
        "",
        f"the indentation is wrong: this line has {own} space{'s' * (own != 1)} before "
        f"`{word}`, where its block has {spaces}, so YAML cannot tell where it belongs.",
        f"put exactly {spaces} spaces before `{word}`{where}; the number of spaces decides "
        "which block a line is in.",
    )


def _same_block(lines: list[str], number: int, spaces: int, step: int) -> int | None:
    """The nearest line above (step -1) or below (+1) with `spaces` of indentation in the
    same block: none of the lines between is indented less."""
    n = number + step
    while 0 <= n < len(lines):
        if _content(lines[n]):
            if _indent(lines[n]) == spaces:
                return n
            if _indent(lines[n]) < spaces:
                return None
        n += step
    return None


def _readable(text: str) -> bool:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return False
    return True


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _char(text: str, mark: yaml.Mark, shift: int = 0) -> str:
    offset = mark.index + shift
    return text[offset] if 0 <= offset < len(text) else ""

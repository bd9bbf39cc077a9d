"""Errors that speak to editors: file, line, column, field, what is wrong and how to fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake in a file, with where it is and how to fix it."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f" line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        text = f"{where}: {self.field + ': ' if self.field else ''}{self.message}"
        return text + (f"\n    How to fix: {self.hint}" if self.hint else "")


class DataError(Exception):
    """Raised with every problem found in a file, so an editor can fix them all at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} to fix before the site can be built:"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])

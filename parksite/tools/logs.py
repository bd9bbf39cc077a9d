"""What a build and the preview print: problems always, a few lines of our own, and the rest
of MkDocs' and its plugins' chatter only with VERBOSE=1.

MkDocs and its plugins log at INFO what a maintainer may want and staff do not (which module
mkdocs-macros found, which language mkdocs-static-i18n builds); jieba, the Chinese word
splitter of search, writes "Building prefix dict" to its own logger. A warning or an error
always shows: in a strict build each one is a problem that stops it.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from typing import TextIO

# The one variable that gives maintainers everything: `make build VERBOSE=1`.
VERBOSE = "VERBOSE"


def verbose_wanted(environ: dict[str, str] | os._Environ = os.environ) -> bool:
    """Whether VERBOSE is set to something other than nothing, 0 or false."""
    return environ.get(VERBOSE, "").strip().lower() not in ("", "0", "false", "no")


# What mkdocs-macros puts before a page's mistake, coloured in a terminal: staff read the
# message after it (the file, line and how to fix it), which says all.
_NOISE = re.compile(r"\x1b\[[0-9;]*m|^\[macros\] - (?:ERROR|WARNING)(?: -)? ", re.M)


def plain(message: str) -> str:
    """A logged message without the colours and prefixes of the plugin that logged it."""
    return _NOISE.sub("", message).strip()


class _Levelled(logging.Formatter):
    """MkDocs' own shape, `WARNING -  message`, without its colours and wrapping."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {plain(super().format(record))}"


def _loud_enough(record: logging.LogRecord) -> bool:
    return record.levelno >= logging.WARNING


def configure(verbose: bool, stream: TextIO | None = None) -> logging.Handler:
    """Show MkDocs' warnings and errors (and, when verbose, its INFO lines) on stream.

    Returns the handler, so that a caller can take it away again (the preview and the tests).
    """
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    # MkDocs' command line would add its own handler; ours is the only one.
    logger.propagate = False
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(_Levelled("%(message)s"))
    logger.addHandler(handler)
    # jieba sets its logger to DEBUG when imported: a filter on the logger outlives that.
    jieba = logging.getLogger("jieba")
    if verbose:
        jieba.removeFilter(_loud_enough)
    else:
        jieba.addFilter(_loud_enough)
    return handler

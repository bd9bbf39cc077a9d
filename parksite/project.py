"""Where the project's files are, found from this file and never from the working directory.

PARKSITE_ROOT points the same code at a copy of the project (the tests break copies on
purpose and check that a failed build leaves that copy's site/ untouched).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("PARKSITE_ROOT") or Path(__file__).parent.parent).resolve()
DATA_FILE = ROOT / "data" / "park.yml"
SCHEMA_FILE = ROOT / "data" / "park.schema.json"
DOCS_DIR = ROOT / "docs"
CONFIG_FILE = ROOT / "mkdocs.yml"
# PARKSITE_SITE_DIR builds elsewhere: the reproducibility test builds a second site with it.
SITE_DIR = Path(os.environ.get("PARKSITE_SITE_DIR") or ROOT / "site").resolve()


def shown(path: Path) -> str:
    """The path as an editor knows it: relative to the project when it is inside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)

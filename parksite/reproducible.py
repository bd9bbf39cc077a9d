"""What makes two builds of one commit byte-identical: the commit's time instead of today's."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from parksite.paths import ROOT


def source_date_epoch(root: Path = ROOT) -> str | None:
    """The commit's time in seconds, for SOURCE_DATE_EPOCH; None outside a git checkout.

    MkDocs writes the build day into the sitemap (lastmod) and the gzip header of
    sitemap.xml.gz unless SOURCE_DATE_EPOCH is set; a value given by the caller wins.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True
        )
    except FileNotFoundError:  # no git installed: the build day is used, as MkDocs does
        return None
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else None


def build_environment() -> dict[str, str]:
    """The environment of `make build`: a fixed hash seed and the commit's time."""
    env = os.environ | {"PYTHONHASHSEED": "0", "NO_MKDOCS_2_WARNING": "1"}
    stamp = source_date_epoch()
    if stamp:
        env["SOURCE_DATE_EPOCH"] = stamp
    return env

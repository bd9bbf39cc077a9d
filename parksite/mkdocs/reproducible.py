"""What makes two builds of one commit byte-identical: the commit's time instead of today's."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from parksite.project import ROOT


def source_date_epoch(root: Path = ROOT) -> str | None:
    """The time to date a build with, for SOURCE_DATE_EPOCH; None outside a git checkout.

    MkDocs writes the build day into the sitemap (lastmod) and the gzip header of
    sitemap.xml.gz unless SOURCE_DATE_EPOCH is set; a value given by the caller wins,
    otherwise it is the time of the last commit.
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

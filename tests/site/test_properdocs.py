"""Insurance for the stack: MkDocs 1.6 is unmaintained, and ProperDocs, its maintained
drop-in fork, must build this site byte for byte as MkDocs does."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from parksite.project import ROOT


def differences(left: Path, right: Path) -> list[str]:
    """Every file that is not byte-identical in the two trees, or in only one of them."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only)
        found.extend(
            prefix + name
            for name in cmp.common_files
            if not filecmp.cmp(Path(cmp.left) / name, Path(cmp.right) / name, shallow=False)
        )
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def test_properdocs_builds_the_site_byte_for_byte(
    site: Path, site_url: str, tmp_path: Path
) -> None:
    env = os.environ | {
        "SITE_URL": site_url,
        "PYTHONHASHSEED": "0",
        "NO_MKDOCS_2_WARNING": "1",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "--strict",
            "--site-dir",
            str(tmp_path / "pd"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert differences(site, tmp_path / "pd") == []

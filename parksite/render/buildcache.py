"""The project's .cache/ folders, where the build keeps what is costly to make again (share
images, fact sheet PDFs) under a digest of exactly what they show: a file is added whole or
not at all, and a folder keeps only its most recently used files."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def store(path: Path, content: bytes, keep: int, companion: str | None = None) -> None:
    """Add a file, whole or not at all (even if two builds make the same one at once), then
    keep the `keep` most recently used files of its type in its folder; a file's `companion`
    (its '.json' of notes) goes with it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f"{path.suffix}.{os.getpid()}.tmp")
    partial.write_bytes(content)
    partial.replace(path)
    kept = sorted(path.parent.glob(f"*{path.suffix}"), key=lambda p: (p.stat().st_mtime_ns, p.name))
    for old in kept[: max(0, len(kept) - keep)]:
        old.unlink(missing_ok=True)
        if companion:
            old.with_suffix(companion).unlink(missing_ok=True)


def used(path: Path) -> None:
    """Mark a kept file as just used: it is pruned last."""
    os.utime(path)


def code_digest(*files: Path) -> str:
    """A digest of the code that makes a kept file: another version makes it again."""
    made = hashlib.sha256()
    for file in files:
        made.update(file.read_bytes())
    return made.hexdigest()

"""When each fact last changed, from the git history of data/park.yml: commit dates only,
never the build's time, so that a build is the same whenever it runs.

Computed once per build (cached on the file and the commit checked out); without git or
without history (a copy of the project, an export) every fact reads "not in git".
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Change:
    """The last commit that changed a fact; no commit when it is changed but not committed."""

    date: dt.date | None
    commit: str | None


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), *args], input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:  # no git installed
        return None
    return result.stdout if result.returncode == 0 else None


def _facts(text: bytes | str) -> dict:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:  # an old revision that did not parse: it changed nothing readable
        return {}
    facts = data.get("facts") if isinstance(data, dict) else None
    return facts if isinstance(facts, dict) else {}


def _revisions(root: Path, rel: str, commits: list[tuple[str, str]]) -> list[bytes]:
    """The file's text at each commit, read by one `git cat-file --batch`."""
    request = "".join(f"{sha}:{rel}\n" for sha, _ in commits).encode()
    out = _git(root, "cat-file", "--batch", stdin=request) or b""
    texts, pos = [], 0
    for _ in commits:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if header[-1] == b"missing":
            texts.append(b"")
            pos = end + 1
            continue
        size = int(header[2])
        texts.append(out[end + 1 : end + 1 + size])
        pos = end + 1 + size + 1
    return texts


_cache: dict[tuple, dict[str, Change] | None] = {}


def fact_history(data_file: Path) -> dict[str, Change] | None:
    """Each fact id's last change, or None when the file has no git history."""
    data_file = data_file.resolve()
    head = _git(data_file.parent, "rev-parse", "HEAD", "--show-toplevel")
    key = (data_file, data_file.stat().st_mtime_ns, head)
    if key in _cache:
        return _cache[key]
    result = None
    if head:
        root = Path(head.decode().split()[1])
        rel = data_file.relative_to(root).as_posix()
        log = _git(root, "log", "--format=%H %cI", "--", rel) or b""
        commits = [tuple(line.split(" ", 1)) for line in log.decode().splitlines() if line]
        if commits:
            result = _walk(root, rel, list(reversed(commits)), data_file)
            if _git(root, "rev-parse", "--is-shallow-repository") == b"true\n":
                # A shallow clone's oldest commit holds every older change: its date is unknown.
                result = {f: c for f, c in result.items() if c.commit != commits[-1][0]}
    _cache.clear()
    _cache[key] = result
    return result


def _walk(root: Path, rel: str, commits: list, data_file: Path) -> dict[str, Change]:
    last: dict[str, Change] = {}
    before: dict = {}
    for (sha, when), text in zip(commits, _revisions(root, rel, commits), strict=True):
        facts = _facts(text)
        day = dt.datetime.fromisoformat(when).date()
        for fid, entry in facts.items():
            if before.get(fid) != entry:
                last[fid] = Change(day, sha)
        before = facts
    for fid, entry in _facts(data_file.read_text(encoding="utf-8")).items():
        if before.get(fid) != entry:
            last[fid] = Change(None, None)
    return last

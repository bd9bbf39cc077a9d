"""Where a project's files are: its mkdocs.yml, data/ and docs/, found from the project's
folder and never from the working directory.

The project is this repository unless PARKSITE_ROOT names another folder (a park's own
project, a test's copy: each Makefile sets it to its own folder).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

ROOT = Path(os.environ.get("PARKSITE_ROOT") or Path(__file__).parent.parent).resolve()
DATA_FILE = ROOT / "data" / "park.yml"
SCHEMA_FILE = ROOT / "data" / "park.schema.json"
DOCS_DIR = ROOT / "docs"
CONFIG_FILE = ROOT / "mkdocs.yml"
# PARKSITE_SITE_DIR builds elsewhere: the reproducibility test builds a second site with it.
SITE_DIR = Path(os.environ.get("PARKSITE_SITE_DIR") or ROOT / "site").resolve()


@lru_cache(maxsize=16384)  # every check names every page: resolving each path once will do
def shown(path: Path) -> str:
    """The path as an editor knows it: relative to the project when it is inside it."""
    # A file's folder is resolved and named once for all the files in it: resolving a page's
    # path whole checks every folder above it for a link again (20 us a page).
    if path.name not in ("", "..") and not os.path.islink(path):
        folder = _shown_folder(path.parent)
        if folder is not None:
            return f"{folder}/{path.name}" if folder != "." else path.name
        if path.name != ROOT.name:
            return str(path)  # its folder is outside the project, and it is not the project
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


@lru_cache(maxsize=1024)
def _shown_folder(folder: Path) -> str | None:
    """A folder inside the project as an editor knows it ('.' for the project's own), or None."""
    try:
        return folder.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return None


class _PlainLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's plain values; its !ENV and Python tags read as nothing."""


_PlainLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    """A park's project: mkdocs.yml beside data/ and docs/."""

    root: Path

    @classmethod
    def of_config(cls, config_file_path: str) -> Project:
        """The project whose mkdocs.yml MkDocs is building."""
        return cls(Path(config_file_path).resolve().parent)

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def data_file(self) -> Path:
        return self.root / "data" / "park.yml"

    @property
    def words_dir(self) -> Path:
        """The site's own words, one file per language: data/words/de.yml."""
        return self.root / "data" / "words"

    @property
    def docs_dir(self) -> Path:
        return self.root / str(self.config.get("docs_dir") or "docs")

    @cached_property
    def config(self) -> dict:
        """mkdocs.yml's plain values, read without running anything it names."""
        from parksite.model.errors import DataError, Problem

        where = shown(self.config_file)
        try:
            data = yaml.load(self.config_file.read_text(encoding="utf-8"), Loader=_PlainLoader)
        except FileNotFoundError:
            raise DataError(
                [Problem(where, None, None, "", "the file is missing.", "restore it from git.")]
            ) from None
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            mark = getattr(exc, "problem_mark", None)
            raise DataError(
                [
                    Problem(
                        where,
                        mark.line + 1 if mark else None,
                        None,
                        "",
                        f"this is not valid YAML ({getattr(exc, 'problem', exc)}).",
                        "check the indentation and that quotes and brackets are closed.",
                    )
                ]
            ) from None
        return data if isinstance(data, dict) else {}


PROJECT = Project(ROOT)

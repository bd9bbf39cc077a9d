"""Only what belongs in docs/: pages and the types of file a page shows or links (images, PDF),
never a symbolic link in docs/ or data/. MkDocs would publish any file of docs/ as it is (an
.html or .svg page of script) and follow a link out of the project (to .git/config)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

from parksite.model.errors import Problem
from parksite.model.yamlsource import invisible_problems
from parksite.project import shown

# What docs/ may hold; SVG can hold script, so it is not among the images.
DOC_TYPES = (".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf")
HOW_TO_TYPE = (
    "docs/ holds pages (.md), images (.png, .jpg, .gif, .webp) and PDF files; convert an SVG "
    "to PNG, and ask a maintainer for anything else."
)
HOW_TO_LINK = "copy the file itself into the folder, or delete the link (`git rm`)."
HOW_TO_NAME = "rename it with letters, digits and - only: a control or direction character can make a name read other than it is."


def committed_cache_problems(root: Path) -> list[Problem]:
    """Files of the build's .cache/ that are committed: a build takes a share image or a fact
    sheet from there without making it, so a committed one would be published as it is. The
    cache is only ever made by a build on the machine itself (it is in .gitignore)."""
    try:
        listed = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--", ".cache"],
            capture_output=True,
            check=False,
        )
    except OSError:  # no git: no commits to hold a cache either
        return []
    names = [n for n in listed.stdout.decode("utf-8", "replace").split("\0") if n]
    return [
        Problem(
            name,
            None,
            None,
            "",
            f"{name} is committed, but .cache/ holds only what a build makes for itself.",
            "remove it from the commit: git rm -r --cached .cache",
        )
        for name in names[:1]
    ]


def file_problems(docs_dir: Path, data_dir: Path) -> Iterator[Problem]:
    """Every symbolic link in docs/ or data/, and every file of docs/ of another type."""
    for folder, check_types in ((docs_dir, True), (data_dir, False)):
        for top, dirs, names in os.walk(folder):
            here, files = Path(top), set(names)  # a set: a folder may hold 2,000 stories
            for name in sorted(dirs + names):
                path = here / name
                if invisible_problems(name, ""):
                    yield _problem(path, "has an invisible character in its name.", HOW_TO_NAME)
                elif path.is_symlink():
                    yield _problem(
                        path, "is a symbolic link, which a build never follows.", HOW_TO_LINK
                    )
                elif check_types and name in files and not type_allowed(name):
                    yield _problem(path, "is not a type of file the site publishes.", HOW_TO_TYPE)
            # os.walk lists a linked folder as a folder but never enters it (followlinks=False).


def type_allowed(name: str) -> bool:
    """Whether a file of docs/ may be published: a page, an image, a PDF (dotfiles are
    never published by MkDocs)."""
    return name.startswith(".") or name.lower().endswith(DOC_TYPES)


def _problem(path: Path, message: str, hint: str) -> Problem:
    name = f"{shown(path.parent)}/{path.name}"  # the link itself, not what it leads to
    return Problem(name, None, None, "", f"{name} {message}", hint)


def published_problems(files: Iterable, docs_dir: Path) -> list[str]:
    """The files of a build's docs/ it must not publish: in or behind a symbolic link, or of
    another type (the build's own check, after MkDocs has listed docs/)."""
    docs = docs_dir.resolve()
    ours: dict[str, bool] = {}  # src_dir -> whether it is docs/
    linked: dict[str, bool] = {}  # a path inside docs/ -> whether it or a folder above is a link

    def in_link(inside: str) -> bool:
        if inside not in linked:
            above = os.path.dirname(inside)
            linked[inside] = os.path.islink(os.path.join(docs, inside)) or (
                bool(above) and in_link(above)
            )
        return linked[inside]

    refused = []
    for file in files:
        src_dir = file.src_dir or ""
        if src_dir not in ours:
            ours[src_dir] = Path(src_dir).resolve() == docs
        if file.abs_src_path is None or not ours[src_dir]:
            continue  # written by the build, or the theme's own
        # With no link in docs/ (itself resolved), a file of it cannot lead out of it.
        inside = os.path.normpath(file.src_uri)
        if inside.startswith("..") or os.path.isabs(inside) or in_link(inside):
            refused.append(
                f"docs/{file.src_uri} is or lies in a symbolic link.\n    How to fix: {HOW_TO_LINK}"
            )
        elif not type_allowed(os.path.basename(file.src_uri)):
            refused.append(
                f"docs/{file.src_uri} is not a type of file the site publishes.\n"
                f"    How to fix: {HOW_TO_TYPE}"
            )
    return refused

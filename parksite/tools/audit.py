"""Lighthouse scores (npm lighthouse 12.2.3 with Debian's Chromium) for the main pages at mobile
and desktop settings. `make audit` builds the site for a local address, serves it and prints
the table; tests/site/test_lighthouse.py asserts accessibility, best practices and SEO at 100.
Performance is reported only: on a shared 2-core machine it varies from run to run.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from parksite.content.pages import page_url
from parksite.content.site import Site
from parksite.project import ROOT, Project
from parksite.render.head import nav_files
from parksite.tools.browser import CHROMIUM
from parksite.tools.weight import serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MAIN_PAGES = 4  # the navigation's first pages, the home page included, in every language


def main_pages(root: Path = ROOT, count: int = MAIN_PAGES) -> list[str]:
    """The addresses audited, from the site root: the navigation's first `count` pages in
    each language of the site ('', 'about/', ..., then the next language's)."""
    project = Project(root)
    languages = Site.load(project).languages
    first = nav_files(project.config.get("nav"))[:count]
    return [
        page_url(languages.file_in(src, lang), languages) for lang in languages for src in first
    ]


def lighthouse(url: str, preset: str = "mobile") -> dict[str, object]:
    """Each category's score (0-100) and the audits that lost points, for one page."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--chrome-flags=--headless --no-sandbox",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        env = os.environ | {"CHROME_PATH": str(CHROMIUM)}
        subprocess.run(command, check=True, env=env, capture_output=True)
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    failing = [
        f"{name}: {ref['id']} ({data['audits'][ref['id']]['score']})"
        for name in CATEGORIES
        for ref in data["categories"][name]["auditRefs"]
        if ref["weight"] > 0 and (data["audits"][ref["id"]]["score"] or 0) < 1
    ]
    return {"scores": scores, "failing": failing}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        # Built for the address it is served at, so that absolute links stay on this server.
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--quiet",
                "--site-dir",
                str(site),
            ],
            cwd=ROOT,
            check=True,
            env=os.environ | {"SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"},
        )
        with serve(site, port) as base:
            print(f"{'page':20} {'preset':8} " + " ".join(f"{c[:13]:>14}" for c in CATEGORIES))
            for page in main_pages():
                for preset in ("mobile", "desktop"):
                    result = lighthouse(base + page, preset)
                    row = " ".join(f"{result['scores'][c]:>14}" for c in CATEGORIES)
                    print(f"{'/' + page:20} {preset:8} {row}", flush=True)
                    for line in result["failing"]:
                        if not line.startswith("performance"):
                            print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What the safety checks cost a build: the allowlist's parse of every page's rendered content
(parksite.checks.html), and `make check`'s reading of the pages' sources (template, front
matter, markup), timed on a built site and its project (`make bench` at N = 1,000).

Run alone on any build: `python -m parksite.tools.bench.safety SITE_DIR PROJECT_DIR`.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from parksite.checks import html
from parksite.checks.project import front_matter_problems, markup_problems, template_problems
from parksite.content.pages import read_pages

# The page's content as Material's template and the fact sheet's wrap it (a timing, not a gate).
_ARTICLE = re.compile(
    r'<article class="(?:md-content__inner md-typeset|sheet)">(.*)</article>', re.S
)


def safety_costs(site: Path, project: Path) -> dict[str, float]:
    """Seconds the checks take over every page, and how many pages that is."""
    contents = [
        match[1]
        for path in sorted(site.rglob("index.html"))
        if (match := _ARTICLE.search(path.read_text(encoding="utf-8")))
    ]
    started = time.perf_counter()
    for content in contents:
        html.refusals(content)
    rendered = time.perf_counter() - started
    pages = read_pages(project / "docs")
    started = time.perf_counter()
    list(template_problems(pages))
    list(front_matter_problems(pages))
    list(markup_problems(pages))
    sources = time.perf_counter() - started
    return {"pages": len(contents), "rendered_s": rendered, "sources_s": sources}


def line(costs: dict[str, float], build_s: float | None = None) -> str:
    """The report's line: the checks' seconds beside the build's."""
    total = costs["rendered_s"] + costs["sources_s"]
    share = f", {total / build_s:.1%} of a {build_s:.1f} s build" if build_s else ""
    return (
        f"Safety checks: the allowlist over {costs['pages']:,} rendered pages "
        f"{costs['rendered_s']:.2f} s, the pages' sources (template, front matter, markup) "
        f"{costs['sources_s']:.2f} s{share}."
    )


if __name__ == "__main__":
    print(line(safety_costs(Path(sys.argv[1]), Path(sys.argv[2]))))

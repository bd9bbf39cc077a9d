"""`make bench`: one run that pairs each measurement with its baseline on this machine.

Writes bench-output/report.md and bench-output/report.json. Sizes and run counts are kept
small enough for a few minutes on 2 cores; see BENCHMARKS.md for the method.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from parksite.content.pages import page_url
from parksite.content.site import Site
from parksite.project import ROOT, Project
from parksite.tools.bench import measure, report, safety
from parksite.tools.bench.synthetic import add_stories, copy_project, make_floor

OUTPUT = ROOT / "bench-output"
# Stories added -> alternating runs of ours and of the floor.
RUNS = {0: 3, 100: 2, 1000: 3}
PREVIEW_RUNS = 3  # also the runs of `make check` and of its baseline
# Pairs of builds started together (ours and the floor side by side) at the largest size.
SIDE_BY_SIDE_RUNS = 4
PROFILE_TOP = 25
# `--quick`: every step once at small sizes, to try the benchmark itself (figures meaningless).
QUICK_RUNS = {0: 1, 20: 1, 40: 1}


def say(message: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {message}", flush=True)


def memory_dir() -> str | None:
    """A folder in memory (tmpfs) for the copies and the built sites, if the machine has one.

    Both sides write thousands of files; on a disk, when the kernel flushes them is what a
    build's time swung with most (a few seconds either way at N = 1,000), not the build.
    """
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def compile_once(folder: Path) -> None:
    """Every build (ours and the floor) keeps the bytecode it compiles in one folder and reuses it.

    Installed packages come compiled; this project's own package is installed editable, so on a
    machine that sets PYTHONDONTWRITEBYTECODE each build of ours would compile parksite/ afresh
    (about 0.06 s), which a site's build does not pay once its package is installed.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)


def measure_size(work: Path, stories: int, runs: int) -> dict:
    """Alternating builds of ours and of the floor for the real site plus `stories` stories."""
    ours = copy_project(work / f"ours-{stories}")
    add_stories(ours, stories)
    floor = make_floor(ours, work / f"floor-{stories}")
    found: dict = {"ours": [], "floor": []}
    for run in range(runs):
        # Alternate which goes first, so that neither always meets a warm or a cold cache.
        order = [("ours", ours), ("floor", floor)]
        for name, project in order if run % 2 == 0 else order[::-1]:
            site = work / f"site-{name}-{stories}"
            shutil.rmtree(site, ignore_errors=True)
            result = measure.timed_build(project, site)
            say(f"N={stories} {name} run {run + 1}/{runs}: {result.seconds:.1f} s")
            found[name].append(asdict(result))
    site = work / f"site-ours-{stories}"
    found["html"] = measure.html_sizes(site)
    found["page_pairs"] = len(list(site.rglob("index.html"))) // 2
    return found


def weighed_pages(project: Path) -> list[str]:
    """The pages whose first visit is weighed, from the site root: each language's home page
    and its first story by `order:`, whatever the park and its languages."""
    site = Site.load(Project(project))
    folder = site.stories_folder
    pages = []
    for lang in site.languages:
        pages.append(lang.prefix)
        stories = site.stories(lang)
        if folder and stories:
            own = site.languages.file_in(f"{folder}/{stories[0].slug}.md", lang)
            pages.append(page_url(own, site.languages))
    return pages


def side_by_side(work: Path, stories: int, runs: int) -> dict:
    """Pairs of builds of ours and of the floor started together, at one size."""
    pairs = []
    for run in range(runs):
        builds = [
            (work / f"{name}-{stories}", work / f"site-{name}-{stories}-together")
            for name in ("ours", "floor")
        ]
        for _, site in builds:
            shutil.rmtree(site, ignore_errors=True)
        ours, floor = measure.side_by_side(builds)
        say(
            f"N={stories} side by side {run + 1}/{runs}: ours {ours.cpu_seconds:.1f} s, "
            f"floor {floor.cpu_seconds:.1f} s of CPU"
        )
        pairs.append({"ours": asdict(ours), "floor": asdict(floor)})
    return {"stories": stories, "pairs": pairs}


def instructions(work: Path, stories: int) -> dict | None:
    """One build each of ours and of the floor, their instructions counted by valgrind."""
    say(f"N={stories} instructions of ours and the floor (valgrind, about 6 minutes)")
    builds = [
        (work / f"{name}-{stories}", work / f"site-{name}-{stories}-counted")
        for name in ("ours", "floor")
    ]
    counts = measure.counted_builds(builds)
    if counts is None:
        say("valgrind is not installed: instructions not counted")
        return None
    return {"stories": stories, "ours": counts[0], "floor": counts[1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parksite.tools.bench")
    parser.add_argument("--quick", action="store_true", help="one small run of every step")
    quick = parser.parse_args(argv).quick
    runs_by_size = QUICK_RUNS if quick else RUNS
    repeat = 1 if quick else PREVIEW_RUNS
    OUTPUT.mkdir(exist_ok=True)
    results: dict = {
        "machine": f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}",
        "runs": {f"N={n}": runs for n, runs in runs_by_size.items()},
        # Other work on the machine slows both sides of each pair; the report says how much.
        "load_at_start": os.getloadavg(),
    }
    results["work_dir"] = memory_dir() or tempfile.gettempdir()
    with tempfile.TemporaryDirectory(prefix="parksite-bench-", dir=memory_dir()) as tmp:
        work = Path(tmp)
        compile_once(work / "bytecode")
        results["builds"] = {
            str(n): measure_size(work, n, runs) for n, runs in runs_by_size.items()
        }
        biggest = max(runs_by_size)

        say(f"N={biggest} ours and the floor side by side")
        results["side_by_side"] = side_by_side(work, biggest, 1 if quick else SIDE_BY_SIDE_RUNS)
        results["instructions"] = None if quick else instructions(work, biggest)

        say("sizes at N=10")
        small = copy_project(work / "ours-10")
        add_stories(small, 10)
        measure.timed_build(small, work / "site-ours-10")
        results["html_10"] = measure.html_sizes(work / "site-ours-10")

        real_site = work / "site-ours-0"
        results["page_weight"] = measure.first_visit_bytes(
            real_site, weighed_pages(work / "ours-0")
        )
        results["search"] = measure.search_index_requests(real_site)

        say("make check")
        results["check"] = {
            "ours": measure.timed_command([sys.executable, "-m", "parksite", "check"], repeat),
            "baseline": measure.timed_command([sys.executable, "-c", "pass"], repeat),
        }

        say("preview latency")
        edits = measure.preview_edits(work / "ours-0")
        results["preview"] = measure.preview_latency(work / "ours-0", edits, repeat)
        results["preview"]["floor_page"] = measure.preview_latency(
            work / "floor-0", edits[:1], repeat
        )["page"]

        say(f"safety checks at N={biggest}")
        results["safety"] = safety.safety_costs(
            work / f"site-ours-{biggest}", work / f"ours-{biggest}"
        )

        say(f"profile at N={biggest}")
        stats_file = OUTPUT / "profile.pstats"
        measure.profile_build(work / f"ours-{biggest}", work / "site-profile", stats_file)
        results["profile"] = measure.profile_rows(stats_file, PROFILE_TOP)

    results["finished"] = f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
    results["load_at_end"] = os.getloadavg()
    results["summary"] = report.build_rows(results["builds"])
    results["targets"] = report.targets(results, results["summary"])
    (OUTPUT / "report.json").write_text(measure.to_json(results), encoding="utf-8")
    build_s = min(r["seconds"] for r in results["builds"][str(max(runs_by_size))]["ours"])
    text = report.markdown(results) + "\n" + safety.line(results["safety"], build_s) + "\n"
    (OUTPUT / "report.md").write_text(text, encoding="utf-8")
    say(f"wrote {OUTPUT / 'report.md'} and report.json")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The measurements: timed builds with their peak memory, page sizes, preview latency."""

from __future__ import annotations

import gzip
import json
import os
import pstats
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import typing
import urllib.error
import urllib.request
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from parksite.project import ROOT
from parksite.tools.browser import ARGS, CHROMIUM
from parksite.tools.weight import first_visit, serve

QUIET = {"NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int
    # User and system CPU time: on a machine doing other work as well, it grows less than
    # wall-clock time, so its ratio is the steadier of the two.
    cpu_seconds: float = 0.0


def build_command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site_dir)]


def timed_build(project: Path, site_dir: Path) -> Run:
    """One strict build in a child process: wall-clock seconds and the child's peak memory."""
    return side_by_side([(project, site_dir)])[0]


def side_by_side(builds: list[tuple[Path, Path]]) -> list[Run]:
    """Strict builds started together, each in its own child process (one per core on a
    machine with as many): each one's wall-clock seconds, peak memory and CPU time.

    Started together, two builds meet the same moments of a shared machine: what slows one
    (a neighbour on the host, the kernel reclaiming memory) slows the other at once, which
    two builds one after the other do not share.
    """
    with ExitStack() as stack:
        start = time.perf_counter()
        started = _start(stack, builds)
        runs: dict[int, Run] = {}
        while len(runs) < len(started):
            for at, (project, log, child) in enumerate(started):
                if at in runs:
                    continue
                # wait4 gives this child's own rusage, unlike getrusage(RUSAGE_CHILDREN), which
                # keeps the largest peak of every child so far.
                pid, status, usage = os.wait4(child.pid, os.WNOHANG if len(started) > 1 else 0)
                if pid == 0:
                    continue  # still building
                seconds = time.perf_counter() - start
                child.returncode = os.waitstatus_to_exitcode(status)
                if child.returncode:
                    log.seek(0)
                    failed = log.read().decode()[-3000:]
                    raise RuntimeError(f"build of {project} failed:\n{failed}")
                runs[at] = Run(seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime)
            if len(runs) < len(started):
                time.sleep(0.01)
    return [runs[at] for at in range(len(started))]


# Instructions counted by valgrind's cachegrind, without simulating caches: a count that
# stays the same whatever else the host runs, unlike seconds (it leaves out what memory costs).
COUNTER = ("valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null")
_COUNT = re.compile(r"I\s+refs:\s+([\d,]+)")


def counted_builds(
    builds: list[tuple[Path, Path]], counter: tuple[str, ...] = COUNTER
) -> list[int] | None:
    """The instructions each strict build runs, counted by `counter` (valgrind), the builds
    started together, each in its own process (some 20 times slower than alone); None
    where valgrind is not installed."""
    if shutil.which(counter[0]) is None:
        return None
    with ExitStack() as stack:
        started = _start(stack, builds, counter)
        # A failed build stops the others: none is left running under valgrind.
        stack.callback(lambda: [c.kill() for _, _, c in started if c.poll() is None])
        counts = []
        for project, log, child in started:
            child.wait()
            log.seek(0)
            text = log.read().decode(errors="replace")
            found = _COUNT.search(text)
            if child.returncode or found is None:
                raise RuntimeError(f"counted build of {project} failed:\n{text[-3000:]}")
            counts.append(int(found[1].replace(",", "")))
    return counts


def _start(
    stack: ExitStack, builds: list[tuple[Path, Path]], prefix: tuple[str, ...] = ()
) -> list[tuple[Path, typing.IO[bytes], subprocess.Popen]]:
    """Each build started in its own child process (its command after `prefix`), its output
    kept in a temporary file that `stack` closes: (project, log, child)."""
    started = []
    for project, site_dir in builds:
        log = stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115 (the caller's stack closes it)
        child = subprocess.Popen(
            [*prefix, *build_command(site_dir)],
            cwd=project,
            env=os.environ | QUIET,
            stdout=log,
            stderr=log,
        )
        started.append((project, log, child))
    return started


def timed_command(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=os.environ | QUIET)
        times.append(time.perf_counter() - start)
    return times


def html_sizes(site_dir: Path) -> dict[str, float]:
    """Mean and largest HTML bytes per page, raw and gzip-compressed."""
    raw, packed = [], []
    for path in site_dir.rglob("*.html"):
        data = path.read_bytes()
        raw.append(len(data))
        packed.append(len(gzip.compress(data, 6)))
    return {
        "pages": len(raw),
        "html_bytes_mean": sum(raw) / len(raw),
        "html_bytes_max": max(raw),
        "html_gzip_mean": sum(packed) / len(packed),
    }


def first_visit_bytes(site_dir: Path, pages: list[str], browser=None) -> dict | None:
    """Compressed bytes a fresh browser fetches to show each page, and its HTML's share:
    the browser's own record (parksite.tools.weight, as `make weight` and the weight test).
    None without Chromium."""
    if browser is None:
        chromium = CHROMIUM
        if not chromium.exists():
            return None
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=str(chromium), args=ARGS)
            try:
                return first_visit_bytes(site_dir, pages, launched)
            finally:
                launched.close()
    weights = {}
    with serve(site_dir) as base:
        for page in pages:
            sizes = first_visit(browser, base + page)
            weights[page or "home"] = {
                "files": len(sizes),
                "gzip_bytes": sum(sizes.values()),
                "html_gzip_bytes": sizes.get(base + page, 0),
            }
    return weights


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, ready: Callable[[str], bool], timeout: float) -> float:
    """Poll a URL until its text satisfies `ready`; the seconds it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if ready(response.read().decode("utf-8")):
                    return time.perf_counter() - start
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show the change within {timeout} s")


@dataclass(frozen=True)
class Edit:
    """A change to a file of a served project, and the page that must show it."""

    name: str
    file: str
    old: str
    new: str
    page: str


def preview_edits(project: Path) -> list[Edit]:
    """The saves the preview is timed on, found in the project whatever its park: the first
    heading of the navigation's second page, and the label of the data's first fact in the
    default language, served on the table of all facts (none without such a page)."""
    from parksite.content.citations import facts_page
    from parksite.content.pages import page_url
    from parksite.content.site import Site
    from parksite.model.yamlsource import load_text
    from parksite.project import Project
    from parksite.render.head import nav_files

    owner = Project(project)
    site = Site.load(owner)
    languages = site.languages
    files = nav_files(owner.config.get("nav"))
    src = files[1] if len(files) > 1 else files[0]
    lines = (owner.root / "docs" / src).read_text(encoding="utf-8").split("\n")
    heading = next(line for line in lines if line.startswith("# "))
    edits = [Edit("page", f"docs/{src}", heading, heading + " {marker}", page_url(src, languages))]
    table = facts_page(site)
    if table is not None and site.park.facts:
        text = owner.data_file.read_text(encoding="utf-8")
        code = languages.default.code
        fact = next(iter(site.park.facts))
        label = site.park.facts[fact].label[code]
        line, _ = load_text(text, "data/park.yml").values[("facts", fact, "label", code)]
        written = text.split("\n")[line - 1]
        if label in written:
            changed = written.replace(label, label + " {marker}", 1)
            edits.append(
                Edit("data", "data/park.yml", written, changed, page_url(table, languages))
            )
    return edits


def preview_latency(project: Path, edits: list[Edit], runs: int) -> dict[str, list[float]]:
    """With `mkdocs serve` running on a project copy: seconds from saving to being served."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload"]
    command += ["--dev-addr", f"127.0.0.1:{port}", "--watch", "data"]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            command, cwd=project, env=os.environ | QUIET, stdout=log, stderr=log
        )
        try:
            wait_for(base, lambda text: True, timeout=300)
            found: dict[str, list[float]] = {}
            for edit in edits:
                path = project / edit.file
                current = edit.old
                for run in range(runs):
                    marker = f"benchmarkmarker{edit.name}{run}"
                    text = path.read_text(encoding="utf-8")
                    changed = edit.new.replace("{marker}", marker)
                    path.write_text(text.replace(current, changed, 1), encoding="utf-8")
                    current = changed
                    seconds = wait_for(base + edit.page, lambda t, m=marker: m in t, timeout=300)
                    found.setdefault(edit.name, []).append(seconds)
                    # Let the server settle so that one save never overlaps the next.
                    time.sleep(1.5)
            return found
        finally:
            server.terminate()
            server.wait(timeout=60)


def profile_build(project: Path, site_dir: Path, out: Path) -> None:
    """One build under cProfile, its statistics written to `out`."""
    command = [sys.executable, "-m", "cProfile", "-o", str(out), *build_command(site_dir)[1:]]
    subprocess.run(command, cwd=project, env=os.environ | QUIET, check=True, capture_output=True)


OURS = ("/parksite/",)
# The data layer's entry points: the macros plugin's events (which call the engine's macros)
# and every event of the engine's plugin (checks, allowlist, head tags, footer, story index,
# share images, fact sheets ...). Neither calls the other, so no time is counted twice.
MACROS_EVENTS = ("on_config", "on_pre_build", "on_page_markdown", "on_post_build", "on_files")


def _entry_point(path: str, function: str) -> bool:
    """Whether a profiled function is where MkDocs hands over to the data layer."""
    name = function.rpartition("(")[2].rstrip(")")
    if "mkdocs_macros" in path:
        return name in MACROS_EVENTS
    return path.endswith("/parksite/mkdocs/plugin.py") and name.startswith("on_")


def profile_rows(stats_file: Path, top: int) -> dict[str, list[dict]]:
    """The functions with the most cumulative time: overall, and those of this project."""
    stats = pstats.Stats(str(stats_file))
    rows = [
        {
            "function": f"{Path(file).name}:{line}({name})",
            "path": file,
            "calls": calls,
            "own_s": own,
            "cumulative_s": cumulative,
        }
        for (file, line, name), (_, calls, own, cumulative, _) in stats.stats.items()
    ]
    total = max(row["cumulative_s"] for row in rows)
    layer = sum(row["cumulative_s"] for row in rows if _entry_point(row["path"], row["function"]))
    page_compile = sum(
        row["cumulative_s"]
        for row in rows
        if row["function"].endswith("(from_string)") and "jinja2" in row["path"]
    )
    by_own = sorted(rows, key=lambda row: row["own_s"], reverse=True)
    rows.sort(key=lambda row: row["cumulative_s"], reverse=True)
    ours = [row for row in rows if any(part in row["path"] for part in OURS)]
    return {
        "all": rows[:top],
        "own": by_own[:top],
        "ours": ours[:top],
        "total_s": total,
        "data_layer_s": layer,
        "page_compile_s": page_compile,
    }


def search_index_requests(site_dir: Path) -> dict[str, object] | None:
    """In Chromium: is search/search_index.json fetched before, and after, the search box is
    focused? None without Chromium."""
    chromium = CHROMIUM
    if not chromium.exists():
        return None
    from playwright.sync_api import sync_playwright

    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=ARGS)
        tab = browser.new_page()
        seen: list[str] = []
        tab.on("request", lambda request: seen.append(request.url))
        tab.goto(base, wait_until="networkidle")
        tab.wait_for_timeout(1000)
        before = sum("search_index.json" in url for url in seen)
        tab.locator("input.md-search__input").focus()
        tab.wait_for_timeout(1000)
        after = sum("search_index.json" in url for url in seen)
        browser.close()
    return {"before_focus": before, "after_focus": after}


def to_json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)

"""The measurements: timed builds with their peak memory, page sizes, preview latency."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import pstats
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from parksite.paths import ROOT

QUIET = {"NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
# What a first visit fetches besides the page: styles, scripts, icons, images (not a hidden
# lazy image, such as the link-preview picture, which browsers never fetch).
ASSET = re.compile(
    r'<(?:script[^>]*\bsrc|link[^>]*\brel="(?:stylesheet|icon)"[^>]*\bhref'
    r'|img(?![^>]*\shidden\b)[^>]*\bsrc)="([^"]+)"'
)
# Material starts its search worker at page load; the worker's script is part of a visit.
WORKER = re.compile(r'"search":\s*"([^"]+)"')


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int


def build_command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site_dir)]


def timed_build(project: Path, site_dir: Path) -> Run:
    """One strict build in a child process: wall-clock seconds and the child's peak memory."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(
            build_command(site_dir), cwd=project, env=os.environ | QUIET, stdout=log, stderr=log
        )
        # wait4 gives this child's own rusage, unlike getrusage(RUSAGE_CHILDREN), which keeps
        # the largest peak of every child so far.
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            log.seek(0)
            raise RuntimeError(f"build of {project} failed:\n{log.read().decode()[-3000:]}")
    return Run(seconds, usage.ru_maxrss * 1024)


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


def first_visit_bytes(site_dir: Path, page: str) -> dict[str, int]:
    """Compressed bytes of a page and every file it loads at once (search index excluded)."""
    path = site_dir / page / "index.html"
    html = path.read_text(encoding="utf-8")
    refs = set(ASSET.findall(html)) | set(WORKER.findall(html))
    files = [path] + [
        (path.parent / ref.split("?")[0].split("#")[0]).resolve()
        for ref in refs
        if not ref.startswith(("data:", "http:", "https:", "//"))
    ]
    sizes = [len(gzip.compress(f.read_bytes(), 6)) for f in files]
    return {"files": len(files), "gzip_bytes": sum(sizes), "html_gzip_bytes": sizes[0]}


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


PAGE_EDIT = Edit("page", "docs/about.md", "# About", "# About {marker}", "about/")
DATA_EDIT = Edit(
    "data",
    "data/park.yml",
    "label: {en: People employed,",
    "label: {en: People employed {marker},",
    "key-figures/",
)


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


OURS = ("/parksite/", "/macros.py")
# The data layer's entry points: the macros plugin's events and the site's own hooks.
DATA_LAYER_EVENTS = ("on_config", "on_pre_build", "on_page_markdown", "on_post_build", "on_files")


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
    layer = sum(
        row["cumulative_s"]
        for row in rows
        if any(row["function"].endswith(f"({event})") for event in DATA_LAYER_EVENTS)
        and ("mkdocs_macros" in row["path"] or row["path"].endswith("/parksite/hooks.py"))
    )
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def search_index_requests(site_dir: Path) -> dict[str, object] | None:
    """In Chromium: is search/search_index.json fetched before, and after, the search box is
    focused? None without Chromium."""
    chromium = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    if not chromium.exists():
        return None
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium), args=["--no-sandbox"]
            )
            tab = browser.new_page()
            seen: list[str] = []
            tab.on("request", lambda request: seen.append(request.url))
            tab.goto(f"http://127.0.0.1:{httpd.server_address[1]}/", wait_until="networkidle")
            tab.wait_for_timeout(1000)
            before = sum("search_index.json" in url for url in seen)
            tab.locator("input.md-search__input").focus()
            tab.wait_for_timeout(1000)
            after = sum("search_index.json" in url for url in seen)
            browser.close()
    finally:
        httpd.shutdown()
    return {"before_focus": before, "after_focus": after}


def med(values: list[float]) -> float:
    return median(values) if values else float("nan")


def to_json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)

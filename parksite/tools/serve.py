"""`make serve`: the live preview, on MkDocs' own live-reload server, that always says why.

`mkdocs serve` hides a broken build twice over. Its command line adds a DuplicateFilter
(mkdocs.utils) to the build's logger, which drops any message already printed in the
session, so a mistake made a second time shows only "Aborted with a BuildError!"; and the
browser, told nothing, waits on the broken build until it is fixed. This command runs the
same server (mkdocs.livereload.LiveReloadServer) and the same build through its own entry
point, which adds no such filter: every build prints its messages in full. A failed build
empties the preview's folder, so that every address answers with an error page holding the
same messages (through the server's error_handler, as `mkdocs serve` shows a 404 page);
the page asks again every second and turns back into the site once a build succeeds.
"""

from __future__ import annotations

import errno
import html
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.utils import clean_directory

import parksite
from parksite.project import CONFIG_FILE, DATA_FILE, shown
from parksite.tools.build import language_folders
from parksite.tools.logs import configure, plain

# mkdocs-macros would end the whole process at the first page's mistake (mkdocs.yml reads it).
MACROS_ON_ERROR_FAIL = "MACROS_ON_ERROR_FAIL"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="parksite-build" content="{build}">
<title>The site could not be built</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }}
h1 {{ font-size: 1.5rem; color: #a11; }}
pre {{ white-space: pre-wrap; background: #fff4f4; border-left: 4px solid #a11; padding: 1rem; font-size: 0.95rem; }}
</style>
</head>
<body>
<h1>The site could not be built</h1>
<p>Fix it in the file named below and save: this page turns back into the site by itself.
The terminal running <code>make serve</code> shows the same text.</p>
{messages}
<script>
(function () {{
  function ask() {{
    fetch(location.href, {{cache: "no-store"}}).then(function (response) {{
      return response.text().then(function (text) {{
        if (response.ok || text.indexOf('content="{build}"') < 0) {{ location.reload(); }}
        else {{ setTimeout(ask, 1000); }}
      }});
    }}, function () {{ setTimeout(ask, 1000); }});
  }}
  setTimeout(ask, 1000);
}})();
</script>
</body>
</html>
"""


class _Collected(logging.Handler):
    """The warnings and errors of one build, for its error page."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(plain(record.getMessage()))


def error_page(messages: list[str], build: int) -> bytes:
    """The page every address shows while the site cannot be built."""
    blocks = "\n".join(f"<pre>{html.escape(message)}</pre>" for message in messages)
    return PAGE.format(build=build, messages=blocks).encode("utf-8")


def failure_messages(collected: list[str], exc: BaseException) -> list[str]:
    """What the page shows: the build's own messages, else the exception's words."""
    if collected:
        return collected
    if isinstance(exc, MkDocsException):
        return [str(exc)]
    return ["".join(traceback.format_exception(exc)).rstrip()]


def watched(config: MkDocsConfig) -> list[str]:
    """The folders and files whose change rebuilds: pages, data, configuration, theme
    overrides and the engine's own code (so that a maintainer's change shows too)."""
    paths = [config.docs_dir, config.config_file_path, str(DATA_FILE.parent)]
    if config.theme.custom_dir:
        paths.append(config.theme.custom_dir)
    paths.append(str(Path(parksite.__file__).parent))
    return [p for p in paths if p and Path(p).exists()]


class Preview:
    """One preview session: the folder it builds into, and the last build's failure."""

    def __init__(self, host: str, port: int, site_dir: str) -> None:
        self.host, self.port, self.site_dir = host, port, site_dir
        self.url = f"http://{host}:{port}/"
        self.builds = 0
        self.failure: bytes | None = None

    def config(self) -> MkDocsConfig:
        config = load_config(
            config_file=str(CONFIG_FILE),
            site_dir=self.site_dir,
            strict=True,
            dev_addr=f"{self.host}:{self.port}",
        )
        config.site_url = self.url
        return config

    def build(self, config: MkDocsConfig | None = None) -> None:
        """Build once; never raise: a failure becomes the error page (the server goes on)."""
        self.builds += 1
        started = time.monotonic()
        first = self.builds == 1
        print("Building the preview..." if first else "Saved: building again...")
        collected = _Collected()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collected)
        try:
            build(config or self.config(), serve_url=self.url)
        # The server must outlive any mistake, a bug in the engine included: MkDocs' own
        # serve loop catches everything too, and prints it.
        except Exception as exc:
            if not isinstance(exc, MkDocsException):
                traceback.print_exc()
            elif not isinstance(exc, Abort) or not collected.messages:
                print(exc)
            messages = failure_messages(collected.messages, exc)
            self.failure = error_page(messages, self.builds)
            # Every address now answers with the error page (see error_handler).
            clean_directory(self.site_dir)
            print(
                f"The site could not be built (see above). The browser shows the same at "
                f"{self.url}; fix it and save, and it reloads by itself."
            )
            return
        finally:
            logger.removeHandler(collected)
        self.failure = None
        seconds = time.monotonic() - started
        print(
            f"Built in {seconds:.0f} s."
            if first
            else f"Built in {seconds:.0f} s: the page reloads."
        )

    def error_handler(self, code: int) -> bytes | None:
        """The failed build's page at every address, else the site's own 404 page."""
        if self.failure is not None:
            return self.failure
        page = Path(self.site_dir) / f"{code}.html"
        return page.read_bytes() if code == 404 and page.is_file() else None


def serve(host: str, port: int, verbose: bool) -> int:
    """Build, serve on host:port, and rebuild on every saved change until Ctrl+C."""
    configure(verbose)
    if not verbose:
        # The server logs every answer but 200 as a warning ("GET /favicon.ico code 404").
        logging.getLogger("mkdocs.livereload").setLevel(logging.ERROR)
    # Each line as it happens, also through a pipe (a dev container's terminal, the tests).
    sys.stdout.reconfigure(line_buffering=True)
    os.environ[MACROS_ON_ERROR_FAIL] = "false"
    # Stopped from outside (a dev container closing, `kill`): end as Ctrl+C does, tidily.
    signal.signal(signal.SIGTERM, _interrupt)
    site_dir = tempfile.mkdtemp(prefix="parksite-preview-")
    preview = Preview(host, port, site_dir)
    try:
        try:
            config = preview.config()
        except MkDocsException as exc:
            print(f"{shown(CONFIG_FILE)} cannot be read: {exc}")
            return 1
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            return _run(preview, config, host, port)
        finally:
            config.plugins.on_shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def port_taken(host: str, port: int) -> bool:
    """Whether another program already listens where the preview would (as the server binds)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc.errno == errno.EADDRINUSE
    return False


def addresses(url: str, config: MkDocsConfig) -> str:
    """The preview's address for each language: http://127.0.0.1:8000/, .../zh/ (中文)."""
    folders = language_folders(config)
    if len(folders) == 1:
        return url
    return ", ".join(f"{url}{folder + '/' if folder else ''} ({name})" for folder, name in folders)


def _run(preview: Preview, config: MkDocsConfig, host: str, port: int) -> int:
    if port_taken(host, port):
        print(
            f"Port {port} is already in use: is `make serve` already running in another "
            f"window? Stop it there with Ctrl+C, or run: make serve SERVE_PORT={port + 1}"
        )
        return 1
    builder: Callable[..., None] = preview.build
    server = LiveReloadServer(builder=builder, host=host, port=port, root=preview.site_dir)
    server.error_handler = preview.error_handler
    preview.build(config)
    for path in watched(config):
        server.watch(path)
    server = config.plugins.on_serve(server, config=config, builder=builder)
    print(f"Preview at {addresses(preview.url, config)}. Ctrl+C stops it.")
    try:
        server.serve()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        server.shutdown()
    return 0

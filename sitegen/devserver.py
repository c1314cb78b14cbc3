"""`make serve`: build, serve on 127.0.0.1, and rebuild only what an edit affects.

A change under ``content/`` regenerates the pages from the data (charts come from the chart
cache unless their data changed); under ``sitegen/``, ``model/`` or ``explorer/`` the changed
code is re-imported first, and the explorer's files are rebuilt only when ``explorer/`` or
``model/`` changed; under ``docs/`` the hand-written pages are copied again. Then MkDocs re-renders
only the pages whose source or navigation changed (`sitegen.fastbuild`), the security policy is
applied, and the browser reloads.

While the build is broken every page shows the error, one line per problem, instead of the old
page or a request that never answers; fixing the file reloads the page.
"""

from __future__ import annotations

import html
import importlib
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import watchdog.events
import watchdog.observers
from mkdocs.exceptions import Abort
from mkdocs.livereload import _SCRIPT_TEMPLATE, LiveReloadServer, _serve_url, _timestamp

from sitegen.csp import apply as apply_policy
from sitegen.fastbuild import IncrementalBuilder
from sitegen.generated import GENERATED_NAME, GeneratedTree

ROOT = Path(__file__).resolve().parent.parent
CODE = ("sitegen", "model", "explorer")
# What each part's change makes stale (a package, and every package that imports it).
IMPORTERS = {"model": {"model", "explorer", "sitegen"}, "explorer": {"explorer", "sitegen"},
             "sitegen": {"sitegen"}}
KEEP_LOADED = {"sitegen", "sitegen.devserver", "sitegen.fastbuild", "sitegen.csp", "sitegen.generated"}
IGNORED_PARTS = {"__pycache__", GENERATED_NAME, ".mypy_cache", ".pytest_cache"}
CHANGES = {"created", "modified", "moved", "deleted"}

log = logging.getLogger("sitegen.serve")


def _fingerprint(path: Path) -> dict[str, tuple[int, int]]:
    if path.is_file():
        stat = path.stat()
        return {path.name: (stat.st_mtime_ns, stat.st_size)}
    found = {}
    for item in path.rglob("*"):
        if item.is_file() and not IGNORED_PARTS & set(item.parts) and not item.name.startswith(".tmp-"):
            stat = item.stat()
            found[item.relative_to(path).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


def forget_modules(packages: set[str]) -> None:
    """Drop the packages' modules, so the next import reads the edited source."""
    for name in list(sys.modules):
        if name.split(".")[0] in packages and name not in KEEP_LOADED:
            del sys.modules[name]
    importlib.invalidate_caches()


@dataclass
class Rebuild:
    parts: set[str]
    seconds: float
    pages_rendered: int = 0
    pages_written: int = 0


@dataclass
class Session:
    """What `make serve` keeps between builds, to redo only what an edit affects."""

    root: Path
    site_dir: Path
    site_url: str
    fingerprints: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    content: Any = None
    explorer: Any = None  # the explorer's page and files, and the glossary they were built with
    explorer_glossary: Any = None
    site: Any = None
    builder: IncrementalBuilder | None = None
    pending: set[str] = field(default_factory=set)  # changed since the last build that succeeded
    policy_memo: dict[Path, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        tree = GeneratedTree.for_docs(self.root / "docs")
        self.builder = IncrementalBuilder(
            self.root / "mkdocs.yml", self.site_dir, self.site_url,
            extra_inputs=lambda: tree.abbreviations.read_text(encoding="utf-8")
            if tree.abbreviations.exists() else "")

    def changed_parts(self) -> set[str]:
        changed = set()
        for part in ("content", *CODE, "docs", "mkdocs.yml"):
            now = _fingerprint(self.root / part)
            if self.fingerprints.get(part) != now:
                changed.add(part)
            self.fingerprints[part] = now
        return changed

    def rebuild(self) -> Rebuild | None:
        """Bring the served site up to date; None if nothing changed."""
        started = time.perf_counter()
        first = self.site is None
        self.pending |= self.changed_parts()
        parts = set(self.pending)
        if not parts and not first:
            return None
        stale = set().union(*(IMPORTERS[p] for p in parts & set(CODE))) if parts & set(CODE) else set()
        if stale:
            forget_modules(stale)
        if first or parts & {"content", "sitegen", "model"} or self.content is None:
            self.content = importlib.import_module("sitegen.content").load_content()
        glossary = importlib.import_module("sitegen.pages.glossary").abbreviations(self.content)
        explorer_stale = self.explorer is None or glossary != self.explorer_glossary
        if first or parts & {"explorer", "model"} or explorer_stale:
            bokeh_js = importlib.import_module("sitegen.charts").BOKEH_JS_URI
            self.explorer = importlib.import_module("explorer.build").explorer_site(bokeh_js, glossary)
            self.explorer_glossary = glossary
        if first or parts - {"docs", "mkdocs.yml"} or self.site is None:
            self.site = importlib.import_module("sitegen.build").build_site(
                content=self.content, explorer=self.explorer)
        changes = importlib.import_module("sitegen.pagestep").write_site(self.site, self.root / "docs")
        assert self.builder is not None
        if first or changes or "mkdocs.yml" in parts:
            self.builder.build(clean=first or bool(changes.removed) or "mkdocs.yml" in parts)
            apply_policy(self.site_dir, self.policy_memo)
        self.pending.clear()
        rendered, written = self.builder.last_counts
        return Rebuild(parts, time.perf_counter() - started, rendered, written)


class _Warnings(logging.Handler):
    """MkDocs' warnings during one build: in strict mode they are the reason it stopped."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def describe_failure(exc: BaseException, warnings: list[str]) -> list[str]:
    """The problems to show, one line each."""
    problems = getattr(exc, "problems", None)
    if isinstance(problems, list) and problems:
        return [str(p) for p in problems]
    if isinstance(exc, Abort):
        return [*warnings, str(exc)] if warnings else [str(exc)]
    if isinstance(exc, SyntaxError) and exc.filename:
        return [f"{_relative(exc.filename)}, line {exc.lineno}: {exc.msg}: {(exc.text or '').strip()}"]
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(str(ROOT))]
    where = f"{_relative(frames[-1].filename)}, line {frames[-1].lineno}, in {frames[-1].name}: " \
        if frames else ""
    return [f"{where}{type(exc).__name__}: {exc}"]


def _relative(filename: str) -> str:
    path = Path(filename)
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else filename


class DevServer(LiveReloadServer):
    """MkDocs' live-reload server, showing build errors and needing no inline script."""

    failure: list[str] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.observer = watchdog.observers.Observer()  # type: ignore[assignment]  # inotify: no polling delay

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """Like MkDocs' watch, but ignore what the build itself writes (caches, the generated tree)."""
        handler = watchdog.events.FileSystemEventHandler()

        def on_any_event(event: Any) -> None:
            where = str(getattr(event, "dest_path", "") or event.src_path)
            if (event.is_directory or event.event_type not in CHANGES
                    or IGNORED_PARTS & set(Path(where).parts) or "/.tmp-" in where):
                return  # reading a file (as every build does) is not a change
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler.on_any_event = on_any_event  # type: ignore[method-assign]
        path = os.path.abspath(path)
        self._watched_paths[path] = 1
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def _build_loop(self) -> None:
        """MkDocs' loop, except that browsers reload only when a build changed what they show."""
        while True:
            with self._rebuild_cond:
                while not self._rebuild_cond.wait_for(lambda: self._want_rebuild or self._shutdown,
                                                      timeout=self.shutdown_delay):
                    pass
                if self._shutdown:
                    break
                while self._rebuild_cond.wait(timeout=self.build_delay):
                    pass  # let a burst of saves settle
                with self._epoch_cond:
                    shown = self._visible_epoch
                self._wanted_epoch = _timestamp()
                self._want_rebuild = False
            changed = self.builder()
            with self._epoch_cond:
                if changed:
                    self._visible_epoch = self._wanted_epoch
                else:
                    self._wanted_epoch = shown
                self._epoch_cond.notify_all()

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ["PATH_INFO"]
        if path == "/livereload.js":
            query = dict(part.split("=", 1) for part in environ.get("QUERY_STRING", "").split("&")
                         if "=" in part)
            script = _SCRIPT_TEMPLATE.substitute(epoch=int(query.get("epoch", "0")),
                                                 request_id=int(query.get("request", "0")))
            start_response("200 OK", [("Content-Type", "text/javascript"),
                                      ("Cache-Control", "no-store")])
            return [script.encode()]
        if self.failure is not None and (path.endswith("/") or path.endswith(".html")):
            with self._epoch_cond:
                epoch = self._visible_epoch
            start_response("500 Build failed", [("Content-Type", "text/html; charset=utf-8"),
                                                ("Cache-Control", "no-store")])
            return [self._inject_js_into_html(error_page(self.failure), epoch)]
        return super()._serve_request(environ, start_response)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        """Load the reload poller from a file: the pages' security policy allows no inline script."""
        tag = (f'<script src="/livereload.js?epoch={epoch}&request={time.monotonic_ns()}">'
               "</script>").encode()
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + tag + content[end:]


def _quiet_request_log() -> None:
    """Requests are logged as warnings, and MkDocs' strict mode counts every warning under
    'mkdocs': a request for a missing file during a build would fail the build. Log them apart,
    and leave out the error pages this server shows on purpose."""
    requests = logging.getLogger("mkdocs.livereload")
    requests.propagate = False
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(lambda record: "code 500" not in record.getMessage())
    handler.setLevel(logging.WARNING)
    requests.addHandler(handler)


def error_page(problems: list[str]) -> bytes:
    items = "".join(f"<li><code>{html.escape(p.rstrip())}</code></li>" for p in problems)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        "<meta name='color-scheme' content='light dark'>"
        "<title>Build failed</title></head><body style='font: 16px/1.5 sans-serif; margin: 2rem'>"
        f"<h1>The site could not be built</h1><p>{len(problems)} problem(s). Fix them and save: "
        "this page reloads by itself.</p>"
        f"<ol style='white-space: pre-wrap'>{items}</ol></body></html>"
    ).encode()


def serve(host: str, port: int) -> int:
    sys.dont_write_bytecode = True  # no __pycache__ writes to trigger a rebuild of their own
    site_dir = Path(tempfile.mkdtemp(prefix="thurrock-serve-"))
    url = _serve_url(host, port, "/")
    session = Session(ROOT, site_dir, url)
    server: DevServer

    def rebuild() -> bool:
        """True when what the browser shows has changed (new pages, or a new or mended failure)."""
        warnings = _Warnings()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            done = session.rebuild()
        except Exception as exc:
            server.failure = describe_failure(exc, warnings.messages)
            print(f"\nBuild failed ({len(server.failure)} problem(s)); every page shows them:",
                  file=sys.stderr)
            for line in server.failure:
                print(f"  - {line.rstrip()}", file=sys.stderr)
            return True
        finally:
            logging.getLogger("mkdocs").removeHandler(warnings)
        mended, server.failure = server.failure is not None, None
        if done is not None:
            print(f"rebuilt ({', '.join(sorted(done.parts)) or 'everything'} changed): "
                  f"{done.pages_rendered} page(s) rendered, {done.pages_written} written, "
                  f"in {done.seconds:.1f} s", file=sys.stderr)
        return mended or done is not None

    server = DevServer(builder=rebuild, host=host, port=port, root=str(site_dir))
    server.build_delay = 0.05
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    _quiet_request_log()
    rebuild()
    for part in ("content", *CODE, "docs", "mkdocs.yml"):
        server.watch(str(ROOT / part))
    print(f"Serving on {url} (Ctrl+C to stop)", file=sys.stderr)
    try:
        server.serve()
    except KeyboardInterrupt:
        print("Shutting down...", file=sys.stderr)
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0

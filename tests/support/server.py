"""A static file server on 127.0.0.1 for the built site, as a host like GitHub Pages would serve it:
under the path of the address the site was built for (`/REPO/` for a project's GitHub Pages)."""

from __future__ import annotations

import functools
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".zip": "application/zip",
}
_ORIGIN_IN_LOC = re.compile(rb"(<loc>)https?://[^/<]+")
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def base_path(site: Path) -> str:
    """The path the site was built to live under ('/' or '/REPO/'), from its home page."""
    home = site / "index.html"
    found = _CANONICAL.search(home.read_text(encoding="utf-8")) if home.is_file() else None
    path = urlsplit(found.group(1)).path if found else "/"
    return path if path.endswith("/") else path + "/"


class _SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}  # noqa: RUF012
    mount = "/"

    def do_GET(self) -> None:
        if not self._strip_mount():
            return
        if self.path.split("?")[0].endswith("/sitemap.xml"):
            self._send_sitemap()
        else:
            super().do_GET()

    def do_HEAD(self) -> None:
        if self._strip_mount():
            super().do_HEAD()

    def _strip_mount(self) -> bool:
        """Serve only under the mount path, as the host would; elsewhere is not found."""
        if self.mount == "/":
            return True
        if self.path == self.mount.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", self.mount)
            self.end_headers()
            return False
        if not self.path.startswith(self.mount):
            self.send_error(404)
            return False
        self.path = "/" + self.path[len(self.mount):]
        bare = self.path.split("?")[0]
        if not bare.endswith("/") and Path(self.translate_path(bare)).is_dir():
            self.send_response(301)  # the host's redirect keeps the mount path
            self.send_header("Location", self.mount + bare[1:] + "/")
            self.end_headers()
            return False
        return True

    def _send_sitemap(self) -> None:
        """The sitemap as if the site had been built for this server's origin.

        Material's instant navigation only intercepts links listed in sitemap.xml, matching on
        host and port; the build names `site_url`, which a test server on a free port cannot match.
        """
        path = Path(self.translate_path(self.path.split("?")[0]))
        if not path.is_file():
            self.send_error(404)
            return
        origin = f"http://{self.headers.get('Host', '127.0.0.1')}".encode()
        body = _ORIGIN_IN_LOC.sub(lambda m: m.group(1) + origin, path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that leaves a page while a file is still downloading closes its socket:
        normal, and not worth a traceback. Anything else is still reported."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve_directory(root: Path, mount: str = "/") -> Iterator[str]:
    """Serve ``root`` on a free port of 127.0.0.1 under ``mount``; yield the site's URL."""
    handler_class = type("_MountedHandler", (_SiteHandler,), {"mount": mount})
    handler = functools.partial(handler_class, directory=str(root))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()

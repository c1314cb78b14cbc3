"""Third-party JavaScript the site serves itself (Pyodide's loader, BokehJS), made unable to name
a CDN.

Both files carry a CDN address as a fallback for things this site never asks for: Pyodide's
default package address (the worker gives its own), and the MathJax that BokehJS loads for LaTeX
labels (no chart has one). The site's security policy would block either request, but a file the
site serves should not name another origin at all, so the copy points that fallback at a folder of
the site's own that does not exist: a request that should never happen then fails here, visibly,
instead of going elsewhere.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

CDN = re.compile(r"https://(?:cdn\.jsdelivr\.net|unpkg\.com|cdn\.bokeh\.org)/")
NOWHERE = "./no-cdn/"  # relative to the file that asks; nothing is ever published there


@cache  # installed packages' files: `make serve` rebuilds need not read 1 MB of BokehJS again
def without_cdn(path: Path) -> str:
    """The text of ``path`` with every CDN address prefix replaced by a missing local folder."""
    return CDN.sub(NOWHERE, path.read_text(encoding="utf-8"))

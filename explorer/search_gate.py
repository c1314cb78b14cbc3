"""The site search, built after the explorer's figures rather than at the same time.

Material builds its search index in a web worker as every page opens: most of a second of one
core. On the explorer's page that competes with Pyodide starting and the charts being drawn.
On a 2-core machine, a shared link's own figures came about 0.2 s later because of it, and the
first chart about 0.1 s later. So on that page only, the theme names a small worker of ours
(static/search-gate.js) instead of its own. It holds the theme's messages until the explorer
says its figures are on screen (static/search-gate.mjs), or the reader reaches for the search,
or ``HOLD_MS`` have passed, then runs the theme's worker with them. Search works as on every
other page.

The theme's worker is found in the installed theme, so the gate follows the theme's version.
The site's theme override (sitegen/theme/main.html) swaps the one address for the other in the
page's configuration, reading both from the page's front matter (explorer/page.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from explorer.digest import digest
from explorer.paths import STATIC

CHANNEL = "thurrock-explorer:search"  # the BroadcastChannel the page releases the gate on
HOLD_MS = 8000  # the longest the search waits, should the explorer never say (a script failed)
WORKERS = "assets/javascripts/workers"  # the theme's workers, site-relative
CONFIG_MARK = "/*@CONFIG@*/ {}"


def theme_search_worker() -> str:
    """The theme's own search worker, site-relative, as its pages name it."""
    import material  # the theme (mkdocs-material), only where the site is built

    folder = Path(material.__file__).parent / "templates" / WORKERS
    found = sorted(p.name for p in folder.glob("search.*.min.js"))
    if len(found) != 1:
        raise RuntimeError(f"expected one search worker in the theme at {folder}, found {found}")
    return f"{WORKERS}/{found[0]}"


def gate_source(theme_worker: str) -> str:
    """search-gate.js with the theme's worker (beside it), the channel and the hold written in."""
    source = (STATIC / "search-gate.js").read_text(encoding="utf-8")
    if CONFIG_MARK not in source:
        raise RuntimeError(f"search-gate.js has lost its {CONFIG_MARK!r} marker")
    config = {"worker": theme_worker.rsplit("/", 1)[-1], "channel": CHANNEL, "holdMs": HOLD_MS}
    return source.replace(CONFIG_MARK, json.dumps(config, separators=(",", ":")))


def gate_file(theme_worker: str) -> tuple[str, str]:
    """(site-relative path, text) of the gate, beside the theme's worker, named by its content."""
    text = gate_source(theme_worker)
    return f"{theme_worker.rsplit('/', 1)[0]}/explorer-search-gate-{digest(text)}.js", text

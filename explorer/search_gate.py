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

from pathlib import Path

CHANNEL = "thurrock-explorer:search"  # the BroadcastChannel the page releases the gate on
HOLD_MS = 8000  # the longest the search waits, should the explorer never say (a script failed)
WORKERS = "assets/javascripts/workers"  # the theme's workers, site-relative
GATE = "search-gate.js"  # in explorer/static; explorer/build.py writes the settings above into it


def theme_search_worker() -> str:
    """The theme's own search worker, site-relative, as its pages name it."""
    import material  # the theme (mkdocs-material), only where the site is built

    folder = Path(material.__file__).parent / "templates" / WORKERS
    found = sorted(p.name for p in folder.glob("search.*.min.js"))
    if len(found) != 1:
        raise RuntimeError(f"expected one search worker in the theme at {folder}, found {found}")
    return f"{WORKERS}/{found[0]}"

"""The accessibility audit finds each kind of problem it looks for: a small site built to fail.

Without this, a check that can never fail would pass the real site too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.audit import Audit, run_audit
from tests.support.server import serve_directory

LINKS = "\n".join(f'<p style="margin: 0 0 20px"><a href="#l{i}">Link {i}</a></p>' for i in range(40))
PAGES = {
    "": ("Broken site", "<h1>Broken site</h1><p><a href='sticky/'>A page</a></p>"),
    # a sticky header 120 px tall and nothing to keep focused links clear of it (2.4.11)
    "sticky/": ("Sticky header - Broken site", "<header style='position: sticky; top: 0; height: 120px; "
                "background: #333; color: #fff'>Header</header><h1>Sticky header</h1>" + LINKS),
    # no focus ring at all, and a pale yellow one (1.4:1 on white)
    "rings/": ("Rings - Broken site", "<style>.none:focus { outline: none } .pale:focus { outline: 3px solid "
               "#ffdd00 }</style><h1>Rings</h1><button class='none'>No ring</button> "
               "<button class='pale'>Pale ring</button>"),
    # a link that takes focus far off the screen
    "offscreen/": ("Off screen - Broken site", "<h1>Off screen</h1><a href='#' style='position: absolute; "
                   "left: -9999px'>Hidden link</a>"),
    # a link the page scrolls away and then, 250 ms later and slowly, back into view (as the theme's
    # table of contents follows the page): on screen by the time a reader could look for it
    "late/": ("Late scroll - Broken site", "<h1>Late scroll</h1><div id='box' style='height: 60px; "
              "overflow: hidden'><div style='height: 900px; padding-top: 600px'><a href='#late' "
              "id='late'>Late link</a></div></div><script>late.addEventListener('focus', () => "
              "setTimeout(() => { box.scrollTop = 0; setTimeout(() => { const t0 = performance.now(); "
              "const step = now => { const f = Math.min(1, (now - t0) / 600); box.scrollTop = 600 * f; "
              "if (f < 1) requestAnimationFrame(step); }; requestAnimationFrame(step); }, 250); }, 0));"
              "</script>"),
    # too wide for 320 px, and a table that scrolls where no keyboard can
    "wide/": ("Wide - Broken site", "<h1>Wide</h1><div style='width: 600px'>A wide box</div>"
              "<div style='overflow-x: auto'><table style='width: 900px'><tr><td>cell</td></tr>"
              "</table></div>"),
    # a box exactly one line high that hides what does not fit
    "spacing/": ("Spacing - Broken site", "<h1>Spacing</h1><p style='height: 1.2em; line-height: 1.2; "
                 "overflow: hidden; margin: 0'>One line of text that fits until the spacing grows</p>"),
    # a chart with neither a name nor a table
    "chart/": ("Chart - Broken site",
               "<h1>Chart</h1><canvas width='300' height='200'></canvas><p>The end.</p>"),
    # a title that does not say what the page is, and two level-1 headings
    "title/": ("Untitled", "<h1>Meeting notes</h1><h1>More notes</h1>"),
    # an image with no text alternative
    "axe/": ("Axe - Broken site", "<h1>Axe</h1><img src='nothing.png' width='40' height='40'>"),
    # Tab from the second field goes back to the first: focus can never leave
    "trap/": ("Trap - Broken site", "<h1>Trap</h1><input aria-label='One' id='one'> "
              "<input aria-label='Two' id='two'>"
              "<script>two.addEventListener('keydown', e => { if (e.key === 'Tab' && !e.shiftKey) "
              "{ e.preventDefault(); one.focus(); } });</script>"),
}


@pytest.fixture(scope="module")
def broken_audit(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Audit:
    root = tmp_path_factory.mktemp("broken-site")
    for path, (title, body) in PAGES.items():
        folder = root / path
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(
            f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            "<meta name='viewport' content='width=device-width'></head>"
            f"<body><main>{body}</main></body></html>")
    with serve_directory(Path(root)) as url:
        return run_audit(browser, url, root)


@pytest.mark.parametrize(("check", "page", "says"), [
    ("axe", "axe/", "image-alt"),
    ("focus-not-obscured", "sticky/", "hidden by header"),
    ("focus-indicator", "rings/", 'button.none "No ring"'),
    ("focus-indicator", "rings/", 'button.pale "Pale ring"'),
    ("focus-visible", "offscreen/", "off the screen"),
    ("reflow", "wide/", "the page scrolls sideways"),
    ("reflow", "wide/", "cannot take keyboard focus"),
    ("text-spacing", "spacing/", "text is cut off"),
    ("charts", "chart/", "no name"),
    ("charts", "chart/", "no table"),
    ("titles", "title/", "2 level-1 headings"),
    ("keyboard", "trap/", "keyboard trap"),
])
def test_the_audit_finds_each_kind_of_problem(broken_audit: Audit, check: str, page: str, says: str) -> None:
    found = [f.detail for f in broken_audit.checks[check].failures if f.page == page]
    assert any(says in detail for detail in found), f"{check} on {page}: {found}"


@pytest.mark.parametrize("page", ["/", "late/"])
def test_the_audit_finds_nothing_wrong_with_a_plain_page(broken_audit: Audit, page: str) -> None:
    found = [f"{k}: {f.detail}" for k, run in broken_audit.checks.items()
             for f in run.failures if f.page == page]
    assert found == []

"""Keyboard focus as a reader meets it: a real Tab walk through a page, forwards or backwards, and
whether each control's focus indicator can be seen.

Each Tab press is recorded in the page when the next key arrives (see a11y_probe.js), so a walk
needs one round trip per batch of presses rather than per press. Keys go straight to Chromium over
its DevTools protocol (a key-down is all it takes to move focus), which halves the cost of a press.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import CDPSession, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.support.contrast import changed_pixels

MAX_STOPS = 1500  # a page with more tab stops than this is treated as a keyboard trap
STUCK = 10  # so is focus that stays on one control for this many presses in a row
BATCH = 5  # presses between looks at the log once past the page's count of Tab stops
# Presses with no new stop before a walk gives up. The probe holds a press back while the page is
# still scrolling or re-checks a control, so a long page needs many more presses than stops: the
# budget is counted from the last progress, not from the start (a fixed 4,500 presses ran out on
# the tracker at phone width, 1,211 stops, and read as a keyboard trap).
STALL = 300
# ... and at least this long: a press the probe holds back costs little time, and a control found
# hidden is held until the page has stopped scrolling (a11y_probe.js, RECHECK_LIMIT_MS at most).
STALL_SECONDS = 10.0
# Before a control's focus is judged, the page must have stopped scrolling (the probe's QUIET_MS):
# the theme moves things well after a scroll (its table of contents follows the page's heading
# 250 ms after the page stops, smoothly), and screenshots taken mid-scroll compare unlike with
# unlike. A page still scrolling after SETTLE_LIMIT_MS is judged as it is, as a reader would see it.
SETTLE_LIMIT_MS = 3000


@dataclass
class Walk:
    """The controls a Tab walk reached, in order; whether it came round to its start (finished),
    and whether focus then left the page (as Tab after the last control does)."""

    stops: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = False
    left_page: bool = False


def walk(page: Page, backwards: bool = False,
         judge: Callable[[dict[str, Any]], None] | None = None, known: set[str] | None = None) -> Walk:
    """Press Tab (or Shift+Tab, from the end of the page) until focus has been round every control
    once; record every stop on the way.

    With ``judge``, the walk stops at each control whose focus style (its signature) is not in
    ``known`` and calls ``judge`` while that control has focus, in the state the walk brought the
    page to; then carries on, adding the signature to ``known``.
    """
    cdp = page.context.new_cdp_session(page)
    press = _presser(cdp, backwards)
    page.evaluate("([known, fromEnd]) => __a11y.startWalk(known, fromEnd)",
                  [sorted(known) if judge and known is not None else None, backwards])
    result = Walk()
    presses, expected, outside = 0, page.evaluate("__a11y.tabbableCount()"), 0
    progress = 0  # presses when the walk last reached a control (the probe holds some presses back)
    progress_at = time.monotonic()
    while ((presses - progress < STALL or time.monotonic() - progress_at < STALL_SECONDS)
           and len(result.stops) < MAX_STOPS and not result.finished and not _stuck(result)):
        chunk = max(BATCH, min(50, expected + 1 - len(result.stops)))
        for _ in range(chunk):
            press()
        presses += chunk
        for record in page.evaluate("__a11y.takeLog()"):
            # Done when focus leaves the page, or comes round to the first control again.
            if record.get("body") or (result.stops and record["uid"] == result.stops[0]["uid"]):
                if result.stops:
                    result.finished, result.left_page = True, bool(record.get("body"))
                    break
                outside += 1
                if outside > 2 * BATCH:  # Tab never lands in the page: it has nothing to focus
                    result.finished = result.left_page = True
                    break
                continue
            result.stops.append(record)
            progress, progress_at = presses, time.monotonic()
            if _stuck(result):
                break  # a trap: the walk stays unfinished
            if record.get("paused") and judge is not None:
                judge(record)
                page.evaluate("([i, s]) => __a11y.resume(i, s)", [record["index"], record["signature"]])
                if known is not None:
                    known.add(record["signature"])
    result.left_page = result.left_page or bool(page.evaluate("__a11y.leftPage"))
    page.evaluate("__a11y.stopWalk()")
    cdp.detach()
    return result


def _stuck(result: Walk) -> bool:
    return len(result.stops) >= STUCK and len({s["uid"] for s in result.stops[-STUCK:]}) == 1


def _presser(cdp: CDPSession, shift: bool) -> Callable[[], None]:
    params = {"type": "rawKeyDown", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9,
              "nativeVirtualKeyCode": 9, "modifiers": 8 if shift else 0}
    return lambda: cdp.send("Input.dispatchKeyEvent", params)


def judge_focus(page: Page, index: int, keep: Path | None = None) -> str:
    """What is wrong with how stop ``index`` shows keyboard focus ('' if nothing). Call while it
    has focus.

    Its look must change by a contrast of at least 3:1 in as many pixels as a 1 px line round it
    (the least a reader could be expected to spot), and its text must keep the contrast WCAG
    asks of text (focus often changes a link's colour). With ``keep``, the focused look is saved
    there as a PNG, to be looked at.
    """
    _settle(page)
    text = page.evaluate("i => __a11y.focusedText(i)", index)
    problems = []
    if text and text["ratio"] < text["needed"]:
        problems.append(f"its text has a contrast of {text['ratio']}:1 when focused, "
                        f"under {text['needed']}:1")
    box = page.evaluate("i => __a11y.boxOf(i)", index)
    width, height = page.viewport_size["width"], page.viewport_size["height"]  # type: ignore[index]
    if not box:
        return "; ".join([*problems, "it has no visible box"])
    left, top = max(0, box["left"] - 8), max(0, box["top"] - 8)
    right, bottom = min(width, box["right"] + 8), min(height, box["bottom"] + 8)
    if right - left < 2 or bottom - top < 2:
        return "; ".join([*problems, "it is off screen when focused"])
    clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
    focused = page.screenshot(clip=clip, animations="disabled", caret="hide")
    if keep is not None:
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_bytes(focused)
    page.evaluate("i => __a11y.blur(i)", index)
    unfocused = page.screenshot(clip=clip, animations="disabled", caret="hide")
    seen = changed_pixels(focused, unfocused)
    needed = round(2 * (min(box["right"], width) - max(box["left"], 0)
                        + min(box["bottom"], height) - max(box["top"], 0)))
    if seen < needed:
        problems.append(f"{seen} pixels change by 3:1 or more when it takes focus, fewer than the "
                        f"{needed} of a 1 px line round it")
    return "; ".join(problems)


def _settle(page: Page) -> None:
    """Wait until nothing on the page has scrolled for the probe's QUIET_MS (at most
    SETTLE_LIMIT_MS)."""
    # Still scrolling then: judged as it is now, which is what a reader would see.
    with suppress(PlaywrightTimeoutError):
        page.wait_for_function("() => __a11y.stillFor(__a11y.QUIET_MS)", polling=50,
                               timeout=SETTLE_LIMIT_MS)

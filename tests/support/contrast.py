"""WCAG contrast between two colours, and how much of a focus indicator reaches 3:1."""

from __future__ import annotations

import io

from PIL import Image, ImageChops

RGB = tuple[int, int, int]


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance."""
    r, g, b = (_channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio, from 1 (same) to 21 (black on white)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def changed_pixels(focused_png: bytes, unfocused_png: bytes, minimum: float = 3.0) -> int:
    """How many pixels change by at least ``minimum``:1 when the control takes focus.

    This is the focus indicator as a reader sees it, whatever draws it: an outline, a shadow, a new
    background or a border, on the control or on its label.
    """
    focused = Image.open(io.BytesIO(focused_png)).convert("RGB")
    unfocused = Image.open(io.BytesIO(unfocused_png)).convert("RGB")
    if focused.size != unfocused.size:
        raise ValueError(f"screenshots differ in size: {focused.size} and {unfocused.size}")
    # Only pixels that differ at all can reach the ratio; compare those (a ring is a small share).
    mask = ImageChops.difference(focused, unfocused).convert("L").point(lambda v: 255 if v else 0)
    cache: dict[tuple[RGB, RGB], bool] = {}
    count = 0
    pairs = zip(_pixels(focused), _pixels(unfocused), mask.tobytes(), strict=True)
    for before, after, differs in pairs:
        if not differs:
            continue
        key = (before, after)
        if key not in cache:
            cache[key] = contrast(before, after) >= minimum
        count += cache[key]
    return count


def _pixels(image: Image.Image) -> list[RGB]:
    data = image.tobytes()
    return [(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 3)]

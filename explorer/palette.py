"""The explorer's colours, light and dark, in one place.

The charts are drawn in the light ones at build time (explorer/charts.py); the page's script
switches them with the site's colour scheme (the data carries ``chart_themes()``); the legend's
swatches read the same colours as CSS custom properties (``css()``, put before explorer.css).
Okabe-Ito colours, as the indicator charts: told apart with the common kinds of colour blindness.
Every line keeps at least 3:1 contrast with its background (WCAG 1.4.11).
"""

from __future__ import annotations

SCHEMES = ("light", "dark")
# Material's scheme names: "default" is light, "slate" is dark (mkdocs.yml's palette).
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}

SERIES: dict[str, dict[str, str]] = {
    "scenario": {"light": "#0072B2", "dark": "#56B4E9"},  # this scenario (B)
    "baseline": {"light": "#555555", "dark": "#B4B4B4"},  # doing nothing
    "band": {"light": "#56B4E9", "dark": "#56B4E9"},  # the uncertainty range (shaded)
    "pinned": {"light": "#D55E00", "dark": "#F0A04B"},  # the pinned scenario A
}
# Text, axes and grid lines of the charts; their background is the page's own (transparent).
CHART: dict[str, dict[str, str]] = {
    "text": {"light": "#1f2328", "dark": "#e2e4e9"},
    "axis": {"light": "#57606a", "dark": "#a9b1bb"},
    "grid": {"light": "#e4e7eb", "dark": "#3a3f4b"},
}


def chart_themes() -> dict[str, dict[str, str]]:
    """scheme -> {role: colour}, for the page's script to recolour the charts."""
    return {scheme: {name: colours[scheme] for name, colours in {**SERIES, **CHART}.items()}
            for scheme in SCHEMES}


def light(role: str) -> str:
    return {**SERIES, **CHART}[role]["light"]


def css() -> str:
    """Custom properties for the legend's swatches, in each of the site's colour schemes."""
    blocks = []
    for scheme in SCHEMES:
        selector = (".explorer" if scheme == "light"
                    else f'[data-md-color-scheme="{MATERIAL_SCHEME[scheme]}"] .explorer')
        props = " ".join(f"--ex-{name}: {colours[scheme]};" for name, colours in SERIES.items())
        blocks.append(f"{selector} {{ {props} }}")
    return "/* Generated from explorer/palette.py: do not edit here. */\n" + "\n".join(blocks) + "\n"

"""Figures as the report prints them ('£2.58M', '3.4', '~400'): their value and precision.

A published figure is judged at the precision it is printed to, so ``published.toml`` keeps each
as printed and this module reads it. The explorer needs only the cost of doing nothing, so this
is kept apart from ``model.reproduction`` (which the browser never imports).
"""

from __future__ import annotations

from dataclasses import dataclass

from model.parameters import published


@dataclass(frozen=True, slots=True)
class Printed:
    """A figure as the report prints it: its text, value and precision (decimal places; -2 is
    to the nearest hundred)."""

    text: str
    value: float
    decimals: int

    @property
    def half_step(self) -> float:
        return 0.5 * 10.0 ** (-self.decimals)

    def matches(self, x: float) -> bool:
        """True if ``x`` rounds to this figure at its printed precision."""
        return abs(x - self.value) <= self.half_step * (1 + 1e-9)


def printed(text: str) -> Printed:
    """'£2.58M' -> 2.58 to 2 places; '-£7,293' -> -7293 to 0; '3.2%' -> 3.2; '~400' -> 400 to
    the nearest hundred (a '~' judges the figure to its last non-zero digit)."""
    body = text.strip()
    approximate = body.startswith("~")
    body = body.lstrip("~")
    sign = -1.0 if body.startswith("-") else 1.0
    number = body.lstrip("-").replace("£", "").replace(",", "").replace(" ", "")
    number = number.removesuffix("M").removesuffix("%")
    whole, _, fraction = number.partition(".")
    decimals = len(fraction)
    if approximate and not fraction:
        decimals = -(len(whole) - len(whole.rstrip("0")))
    return Printed(text, sign * float(number), decimals)



def published_changes(preset_id: str) -> list[float] | None:
    """The report's 3/5/10-year cost changes (£M) for a preset, if it published them."""
    data = published()["cost_of_doing_nothing"]
    values = data.get(preset_id)
    return None if values is None else [printed(x).value for x in values]

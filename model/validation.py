"""Checking raw user input (strings from a URL or command line, or numbers) against the registry.

One function serves the command line and the browser alike, so both refuse the same values with
the same words. It never raises for bad input: it reports each refusal and keeps the good values.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from model.parameters import Parameter, defaults, registry

# Plain decimal numbers only (what JavaScript's Number() also accepts): no "1_000", "£", "0x10".
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(frozen=True, slots=True)
class Refusal:
    """A value that was not accepted, with a message a councillor can act on."""

    parameter: str
    value: object
    message: str

    def as_dict(self) -> dict[str, object]:
        value = self.value
        if isinstance(value, float) and not math.isfinite(value):
            value = repr(value)  # keep the response valid JSON
        return {"parameter": self.parameter, "value": value, "message": self.message}


def format_number(x: float) -> str:
    """1072 -> '1,072'; 0.23 -> '0.23'; 5000.0 -> '5,000' (for messages and tables)."""
    if float(x).is_integer():
        return f"{int(x):,}"
    text = f"{x:,.6f}".rstrip("0").rstrip(".")
    return text


def format_value(p: Parameter, x: float) -> str:
    """A value of ``p`` for people: years without a thousands separator (2037, not 2,037)."""
    if p.unit == "year" and float(x).is_integer():
        return str(int(x))
    return format_number(x)


def _range_text(p: Parameter) -> str:
    return f"between {format_value(p, p.min)} and {format_value(p, p.max)}"


def _shown(raw: object) -> str:
    if isinstance(raw, str):
        return repr(raw)
    return repr(raw) if isinstance(raw, float) else str(raw)


def parse_number(raw: object) -> float | None:
    """The finite number in ``raw``, or None if it is not one (bool, NaN and inf are refused)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        value = float(raw)
    elif isinstance(raw, str):
        text = raw.strip()
        if not _NUMBER.fullmatch(text):
            return None
        try:
            value = float(text)
        except ValueError:  # pragma: no cover - the pattern already guarantees a float
            return None
    else:
        return None
    return value if math.isfinite(value) else None


def check_value(name: str, raw: object) -> tuple[float | None, Refusal | None]:
    """Validate one named value: (number, None) if accepted, else (None, refusal)."""
    params = registry()
    if not isinstance(name, str) or name not in params:
        close = difflib.get_close_matches(str(name), list(params), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        return None, Refusal(str(name), raw, f"{name!s} is not a model parameter{hint}")
    p = params[name]
    value = parse_number(raw)
    if value is None or not (p.min <= value <= p.max) or (p.integer and not value.is_integer()):
        kind = "a whole number" if p.integer else "a number"
        message = f"{name} must be {kind} {_range_text(p)} (got {_shown(raw)})"
        return None, Refusal(name, raw, message)
    return value, None


def validate(
    raw: Mapping[str, object] | None, base: Mapping[str, float] | None = None
) -> tuple[dict[str, float], list[Refusal]]:
    """Merge accepted overrides into ``base`` (default: the preset defaults).

    Refused values keep the base value, so one bad slider never stops the rest being computed.
    """
    values = dict(defaults() if base is None else base)
    refusals: list[Refusal] = []
    if raw is None:
        return values, refusals
    if not isinstance(raw, Mapping):
        return values, [Refusal("overrides", raw, "overrides must be a mapping of name to value")]
    for name, item in raw.items():
        value, refusal = check_value(name, item)
        if refusal is not None:
            refusals.append(refusal)
        elif value is not None:
            values[name] = value
    return values, refusals

"""Checking raw user input (strings from a URL or command line, or numbers) against the registry.

One function, ``validate_settings``, serves the command line and the browser alike, so both refuse
the same values with the same words. It never raises for bad input: it reports each refusal and
keeps the good values. A setting is either a number (a parameter, with a range) or a choice (one
of a few named values, such as ``rate_path``); older parameter names are accepted as aliases.
"""

from __future__ import annotations

import math
import re
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from model.parameters import (
    Parameter,
    Preset,
    aliases,
    choices,
    defaults,
    presets,
    registry,
)

# The rules for text a reader types or a link carries. The explorer's page reads these three
# constants (explorer/registry.py), so the browser accepts exactly what the model accepts.
# Plain decimal numbers only, ASCII digits only (what JavaScript's Number() also accepts): no
# "1_000", "£", "0x10", no Arabic-Indic digits; the same pattern in Python and JavaScript.
NUMBER_PATTERN = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
# Trimmed from either end of a value: ASCII whitespace only (Python's str.strip() and
# JavaScript's trim() disagree about the rest of Unicode's spaces).
WHITESPACE = " \t\n\r\f\v"
_NUMBER = re.compile(NUMBER_PATTERN)


class _ShortRepr(reprlib.Repr):
    """reprlib's bounded repr; an object whose own repr fails is named by its type only (no
    memory address, so a message is the same on every run)."""

    def repr_instance(self, x: object, level: int) -> str:
        try:
            text = repr(x)
        except Exception:
            return f"<{type(x).__name__} object>"
        return text if len(text) <= self.maxother else text[:self.maxother - 3] + "..."


_REPR = _ShortRepr()
_REPR.maxstring = 60
_REPR.maxother = 60
_REPR.maxlong = 40
_REPR.maxlevel = 3
MAX_ECHO = 200  # characters of a refused string echoed back
SAFE_INTEGER = 2**53  # beyond this a JSON reader (JavaScript) cannot hold an integer exactly


def shown(raw: object) -> str:
    """A refused value as it appears in a message: short, and never failing (reprlib)."""
    if isinstance(raw, str):
        return _REPR.repr(raw)
    if isinstance(raw, bool) or raw is None:
        return str(raw)
    if isinstance(raw, int) and abs(raw) < SAFE_INTEGER:
        return str(raw)
    return _REPR.repr(raw)


def echo(raw: object) -> object:
    """A refused value as the response gives it back: strict JSON whatever came in.

    Strings (shortened), booleans, null, finite numbers and whole numbers JavaScript can hold
    come back as they were; anything else comes back as its short description (text)."""
    if raw is None or isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        return raw if len(raw) <= MAX_ECHO else raw[:MAX_ECHO - 1] + "…"
    if isinstance(raw, int) and abs(raw) < SAFE_INTEGER:
        return raw
    if isinstance(raw, float) and math.isfinite(raw):
        return raw
    return shown(raw)


def name_of(name: object) -> str:
    """A request key as text: itself if it is a string (shortened), else its description."""
    text = name if isinstance(name, str) else shown(name)
    return text if len(text) <= MAX_ECHO else text[:MAX_ECHO - 1] + "…"


@dataclass(frozen=True, slots=True)
class Refusal:
    """A value that was not accepted, with a message a councillor can act on."""

    parameter: str
    value: object
    message: str

    def as_dict(self) -> dict[str, object]:
        """Strict JSON: the value echoed back is made safe (``echo``)."""
        return {"parameter": self.parameter, "value": echo(self.value), "message": self.message}


def format_number(x: float) -> str:
    """1072 -> '1,072'; 0.23 -> '0.23'; 5000.0 -> '5,000' (for messages and tables)."""
    if float(x).is_integer():
        return f"{int(x):,}"
    text = f"{x:,.6f}".rstrip("0").rstrip(".")
    return text


def groups_digits(p: Parameter) -> bool:
    """Whether ``p``'s values are written with thousands separators: not years (2037)."""
    return p.unit != "year"


def format_value(p: Parameter, x: float) -> str:
    """A value of ``p`` for people: years without a thousands separator (2037, not 2,037)."""
    if not groups_digits(p) and float(x).is_integer():
        return str(int(x))
    return format_number(x)


def fold_choice(raw: str) -> str:
    """How a choice's value is matched: trimmed, and ASCII capitals made small ("ONS" is "ons").

    Only ASCII: Unicode's lower() would turn a Kelvin sign into "k", which JavaScript's rule would
    not, and the options are ASCII anyway."""
    text = raw.strip(WHITESPACE)
    return text.lower() if text.isascii() else text


def _range_text(p: Parameter) -> str:
    return f"between {format_value(p, p.min)} and {format_value(p, p.max)}"


def parse_number(raw: object) -> float | None:
    """The finite number in ``raw``, or None if it is not one (bool, NaN and inf are refused)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        try:
            value = float(raw)
        except OverflowError:  # a whole number too large for a float
            return None
    elif isinstance(raw, str):
        text = raw.strip(WHITESPACE)
        if not _NUMBER.fullmatch(text):
            return None
        try:
            value = float(text)
        except ValueError:  # pragma: no cover - the pattern already guarantees a float
            return None
    else:
        return None
    return value if math.isfinite(value) else None


def did_you_mean(name: str, known: list[str]) -> str:
    """' (did you mean overrides?)' for a close misspelling, else ''."""
    import difflib  # only for a name that is not known: the page's first figures need not wait

    close = difflib.get_close_matches(name[:100], known, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _unknown(name: object, raw: object) -> Refusal:
    text = name_of(name)
    hint = did_you_mean(text, [*registry(), *choices(), *aliases()])
    return Refusal(text, raw, f"{text} is not a model parameter{hint}")


def check_value(name: str, raw: object) -> tuple[float | None, Refusal | None]:
    """Validate one named number: (number, None) if accepted, else (None, refusal).

    Only parameters' own names; ``check_setting`` also takes choices and older names.
    """
    params = registry()
    if not isinstance(name, str) or name not in params:
        if isinstance(name, str) and name in choices():
            return None, Refusal(name, raw, f"{name} is a choice, not a number: "
                                            f"{_choice_text(name)}")
        return None, _unknown(name, raw)
    return _check_number(params[name], name, raw)


def _check_number(p: Parameter, given: str, raw: object) -> tuple[float | None, Refusal | None]:
    value = parse_number(raw)
    if value is None or not (p.min <= value <= p.max) or (p.integer and not value.is_integer()):
        kind = "a whole number" if p.integer else "a number"
        who = given if given == p.name else f"{given} (now called {p.name})"
        message = f"{who} must be {kind} {_range_text(p)} (got {shown(raw)})"
        return None, Refusal(given, raw, message)
    return value, None


def _choice_text(name: str) -> str:
    return f"one of {', '.join(choices()[name].values)}"


def check_choice(name: str, raw: object) -> tuple[str | None, Refusal | None]:
    """Validate one named choice: (value, None) if accepted, else (None, refusal).

    Surrounding spaces and capitals are forgiven ("ONS" is "ons"); nothing else is.
    """
    choice = choices().get(name) if isinstance(name, str) else None
    if choice is None:
        return None, _unknown(name, raw)
    if isinstance(raw, str) and fold_choice(raw) in choice.values:
        return fold_choice(raw), None
    return None, Refusal(name, raw, f"{name} must be {_choice_text(name)} (got {shown(raw)})")


def check_setting(name: str, raw: object) -> tuple[float | str | None, Refusal | None]:
    """A number for a parameter, a value for a choice; an older name counts as its parameter."""
    if isinstance(name, str) and name in choices():
        return check_choice(name, raw)
    if isinstance(name, str) and name in aliases():
        return _check_number(registry()[aliases()[name]], name, raw)
    return check_value(name, raw)


@dataclass(slots=True)
class Checked:
    """The settings a run uses: every number, every choice, and what was refused."""

    values: dict[str, float]
    choices: dict[str, str]
    refusals: list[Refusal] = field(default_factory=list)

    def settings(self) -> dict[str, float | str]:
        """Numbers and choices in one mapping, by the names ``--set`` takes."""
        return {**self.values, **self.choices}


def validate_settings(
    raw: Mapping[str, object] | None,
    preset: Preset | str = "baseline-ons",
    base: Mapping[str, float] | None = None,
) -> Checked:
    """Merge accepted overrides (numbers and choices) into the preset's defaults.

    ``base`` replaces the default numbers (the programme command starts from the report's
    scale). Refused values keep the preset's value, so one bad entry never stops the rest being
    computed. An older name (``national_non_uasc_rate``) sets its parameter (``target_rate``),
    unless the new name is given too, which then wins and the older one is refused.
    """
    scenario = preset if isinstance(preset, Preset) else presets()[preset]
    checked = Checked(dict(defaults() if base is None else base), scenario.choices())
    if raw is None:
        return checked
    if not isinstance(raw, Mapping):
        checked.refusals.append(Refusal("overrides", raw, "overrides must be a mapping of "
                                        f"setting names to values (got {shown(raw)})"))
        return checked
    for name, item in raw.items():
        target = aliases().get(name) if isinstance(name, str) else None
        if target is not None and target in raw:
            checked.refusals.append(Refusal(name, item, f"{name} is the old name of {target}, "
                                                        f"which is also given: {target} was used"))
            continue
        value, refusal = check_setting(name, item)
        if refusal is not None:
            checked.refusals.append(refusal)
        elif isinstance(value, str):
            checked.choices[name] = value
        elif value is not None:
            checked.values[target or name] = value
    _check_together(checked, base)
    return checked


def _check_together(checked: Checked, base: Mapping[str, float] | None) -> None:
    """Settings that are each in range but do not fit together: the later count must fall
    before the forecast ends and hold at least the UASC. The later one is refused (and set back
    to its default), and only when the forecast starts from a later count, which reads them."""
    if checked.choices.get("start_from") != "observed":
        return
    values, fallback = checked.values, defaults() if base is None else base
    year, end = values["observed_year"], values["end_year"]
    if year >= end:
        checked.refusals.append(Refusal("observed_year", year, (
            f"observed_year must be before the last year of the forecast, {int(end)} "
            f"(got {int(year)})")))
        values["observed_year"] = min(fallback["observed_year"], end - 1)
    count, uasc = values["observed_lac"], values["uasc"]
    if count < uasc:
        checked.refusals.append(Refusal("observed_lac", count, (
            f"observed_lac must be at least the number of UASC, {format_number(uasc)}, who are "
            f"counted in it (got {format_number(count)})")))
        values["observed_lac"] = max(fallback["observed_lac"], uasc)


def validate(
    raw: Mapping[str, object] | None, base: Mapping[str, float] | None = None
) -> tuple[dict[str, float], list[Refusal]]:
    """The numbers only: merge accepted overrides into ``base`` (default: the preset defaults).

    Refused values keep the base value, so one bad slider never stops the rest being computed.
    A choice is refused here (there is nowhere to put it): use ``validate_settings``.
    """
    values = dict(defaults() if base is None else base)
    refusals: list[Refusal] = []
    if raw is None:
        return values, refusals
    if not isinstance(raw, Mapping):
        return values, [Refusal("overrides", raw, "overrides must be a mapping of name to value")]
    for name, item in raw.items():
        value, refusal = check_setting(name, item)
        if refusal is not None:
            refusals.append(refusal)
        elif isinstance(value, str):
            refusals.append(Refusal(name, item, f"{name} is a choice, not a number"))
        elif value is not None:
            values[aliases().get(name, name)] = value
    return values, refusals

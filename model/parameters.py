"""The parameter registry and presets, read once from ``assumptions.toml``.

Every number the model uses lives in that file so that a reader holding the report's Table 10
finds each assumption in one place; this module only loads it and gives it types.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from model import toml_files

HERE = Path(__file__).resolve().parent
ASSUMPTIONS = HERE / "assumptions.toml"
PUBLISHED = HERE / "published.toml"

PRESET_IDS = ("baseline-ons", "population-growth-only", "rising-lac", "falling-lac")
GROUPS = ("Demand", "Costs", "Forecast", "Preventive programmes", "Placements and stays")
CHOICE_NAMES = ("population_projection", "rate_path", "non_placement_costs", "start_from")
"""The choices, in the order of the assumptions file; each is a field of ``Preset``."""


@dataclass(frozen=True, slots=True)
class Parameter:
    """One user-adjustable input: its default, allowed range and provenance."""

    name: str
    label: str
    unit: str
    group: str
    value: float
    min: float
    max: float
    step: float
    kind: str
    source: str
    method: str = ""
    low: float | None = None
    high: float | None = None
    report_value: float | None = None
    integer: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def uncertain(self) -> bool:
        return self.low is not None and self.high is not None

    def describe(self) -> dict[str, Any]:
        """JSON-ready form used by the explorer to build its controls."""
        return {
            "name": self.name,
            "type": "number",
            "label": self.label,
            "unit": self.unit,
            "group": self.group,
            "default": {preset: self.value for preset in PRESET_IDS},
            "min": self.min,
            "max": self.max,
            "step": self.step,
            "low": self.low,
            "high": self.high,
            "report_value": self.report_value,
            "integer": self.integer,
            "aliases": list(self.aliases),
            "applies_when": applies_when().get(self.name),
            "kind": self.kind,
            "source": self.source,
            "method": self.method,
        }


@dataclass(frozen=True, slots=True)
class Option:
    """One allowed value of a choice, with the words a reader sees for it."""

    value: str
    label: str
    uses: tuple[str, ...] = ()  # parameters that only this option reads


@dataclass(frozen=True, slots=True)
class Choice:
    """A setting with a few named values (how the forecast moves), not a number."""

    name: str
    label: str
    group: str
    options: tuple[Option, ...]
    default: tuple[tuple[str, str], ...]  # (preset id, option value), in PRESET_IDS order
    kind: str
    source: str
    method: str = ""

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)

    def default_for(self, preset_id: str) -> str:
        return dict(self.default)[preset_id]

    def describe(self) -> dict[str, Any]:
        """JSON-ready form used by the explorer to build its controls."""
        return {
            "name": self.name,
            "type": "choice",
            "label": self.label,
            "group": self.group,
            "options": [{"value": o.value, "label": o.label, "uses": list(o.uses)}
                        for o in self.options],
            "default": dict(self.default),
            "kind": self.kind,
            "source": self.source,
            "method": self.method,
        }


@dataclass(frozen=True, slots=True)
class Preset:
    """One of the report's four scenarios (a column of Table 10): a name and a set of defaults.

    The three choices are fields, so a forecast reads ``scenario.rate_path``; ``with_choices``
    gives the same scenario with a reader's choices instead of the defaults.
    """

    id: str
    label: str
    report_label: str
    description: str
    source: str
    population_projection: str  # "ons" | "shma"
    rate_path: str  # "constant" | "rising-trend" | "to-target"
    non_placement_costs: str  # "share" | "constant"
    start_from: str  # "report" (August 2017) | "observed" (a later count)

    def choices(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in CHOICE_NAMES}

    def with_choices(self, choices: Mapping[str, str]) -> Preset:
        """The same scenario with some choices changed (values already validated)."""
        unknown = set(choices) - set(CHOICE_NAMES)
        if unknown:
            raise KeyError(f"not a choice: {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **dict(choices))

    def describe(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "report_label": self.report_label,
            "description": self.description,
            "source": self.source,
            "choices": self.choices(),
            "uses": settings_used(self),
        }


def _load(path: Path) -> dict[str, Any]:
    return toml_files.load(path)


@cache
def assumptions() -> dict[str, Any]:
    """The parsed assumptions file (cached; treat as read-only)."""
    return _load(ASSUMPTIONS)


@cache
def published() -> dict[str, Any]:
    """The report's published figures (cached; treat as read-only)."""
    return _load(PUBLISHED)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def base_month() -> int:
    """The month each model year describes (8, August: the month of the report's 2017 figures)."""
    return int(assumptions()["meta"]["base_month"])


def base_month_name() -> str:
    return MONTHS[base_month() - 1]


def _optional(entry: dict[str, Any], key: str) -> float | None:
    value = entry.get(key)
    return None if value is None else float(value)


@cache
def registry() -> dict[str, Parameter]:
    """Every adjustable parameter, in the order of the assumptions file."""
    out: dict[str, Parameter] = {}
    for name, entry in assumptions()["parameters"].items():
        out[name] = Parameter(
            name=name,
            label=entry["label"],
            unit=entry["unit"],
            group=entry["group"],
            value=float(entry["value"]),
            min=float(entry["min"]),
            max=float(entry["max"]),
            step=float(entry["step"]),
            kind=entry["kind"],
            source=entry["source"],
            method=entry.get("method", ""),
            low=_optional(entry, "low"),
            high=_optional(entry, "high"),
            report_value=_optional(entry, "report_value"),
            integer=bool(entry.get("integer", False)),
            aliases=tuple(entry.get("aliases", ())),
        )
    return out


@cache
def choices() -> dict[str, Choice]:
    """Every choice, in the order of the assumptions file."""
    out: dict[str, Choice] = {}
    for name, entry in assumptions()["choices"].items():
        options = tuple(Option(value=o["value"], label=o["label"], uses=tuple(o.get("uses", ())))
                        for o in entry["options"])
        allowed = {o.value for o in options}
        default = entry["default"]
        if set(default) != set(PRESET_IDS) or not set(default.values()) <= allowed:
            raise ValueError(f"choices.{name}: a default for each preset, one of {allowed}")
        out[name] = Choice(
            name=name,
            label=entry["label"],
            group=entry["group"],
            options=options,
            default=tuple((pid, str(default[pid])) for pid in PRESET_IDS),
            kind=entry["kind"],
            source=entry["source"],
            method=entry.get("method", ""),
        )
    if tuple(out) != CHOICE_NAMES:
        raise ValueError(f"assumptions.toml has choices {tuple(out)}; the model knows {CHOICE_NAMES}")
    return out


@cache
def aliases() -> dict[str, str]:
    """Older names still accepted as input -> the parameter's name."""
    return {alias: p.name for p in registry().values() for alias in p.aliases}


@cache
def applies_when() -> dict[str, dict[str, list[str]]]:
    """Parameters read only under some options: name -> {choice: [options that read it]}."""
    out: dict[str, dict[str, list[str]]] = {}
    for choice in choices().values():
        for option in choice.options:
            for name in option.uses:
                if name not in registry():
                    raise ValueError(f"choices.{choice.name}: {name} is not a parameter")
                out.setdefault(name, {}).setdefault(choice.name, []).append(option.value)
    return out


def settings_used(preset: Preset) -> list[str]:
    """The settings a scenario's forecast reads: every choice, and each parameter unless it
    is read only under options the scenario does not take (the target rate when the rate is
    constant, say). Moving any other parameter cannot change that scenario's forecast."""
    return list(_settings_used(tuple(preset.choices().items())))


@cache
def _settings_used(chosen_items: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    chosen = dict(chosen_items)
    used = list(CHOICE_NAMES)
    for name in registry():
        needs = applies_when().get(name, {})
        if all(chosen[choice] in options for choice, options in needs.items()):
            used.append(name)
    return tuple(used)


@cache
def presets() -> dict[str, Preset]:
    """The four scenarios, keyed by their stable ids, each with its default choices."""
    out: dict[str, Preset] = {}
    for preset_id, entry in assumptions()["presets"].items():
        defaults_ = {name: c.default_for(preset_id) for name, c in choices().items()}
        out[preset_id] = Preset(id=preset_id, **entry, **defaults_)
    return out


def defaults() -> dict[str, float]:
    """Default value of every parameter (the same in all four presets)."""
    return {name: p.value for name, p in registry().items()}


def report_scale() -> dict[str, float]:
    """Defaults with each programme at the scale the report costs it at."""
    values = defaults()
    for name, p in registry().items():
        if p.report_value is not None:
            values[name] = p.report_value
    return values


@dataclass(frozen=True, slots=True)
class Lever:
    """The settings that put one programme or placement lever in place."""

    capacity: str  # its scale; 0 means not in place
    unit: str  # the scale's unit, for tables
    cost: str | None = None  # a separate yearly cost, where the report gives none per unit


LEVERS = {
    "edge-of-care": Lever("edge_of_care_families", "families per year"),
    "pause": Lever("pause_women", "women per year"),
    "parenting": Lever("parenting_places", "extra places per year"),
    "dv-victims": Lever("dv_victim_places", "extra places per year"),
    "dv-perpetrators": Lever("dv_perpetrator_places", "extra places per year"),
    "reunification": Lever("reunification_weeks_reduction", "weeks less in care per child",
                           "reunification_cost"),
    "placement-costs": Lever("placement_cost_reduction", "% off the placement price",
                             "placement_programme_cost"),
}
"""Each programme's switch: all capacities zero is the report's do-nothing forecast."""

PROGRAMME_SWITCHES = tuple(lever.capacity for lever in LEVERS.values())


def do_nothing(values: Mapping[str, float]) -> dict[str, float]:
    """The same settings with every programme and placement lever switched off."""
    out = dict(values)
    for lever in LEVERS.values():
        out[lever.capacity] = 0.0
        if lever.cost is not None:
            out[lever.cost] = 0.0
    return out


def only(values: Mapping[str, float], programme: str,
         scale: Mapping[str, float] | None = None) -> dict[str, float]:
    """The same settings with one programme as set (or at ``scale``) and every other lever off."""
    lever = LEVERS[programme]
    source = values if scale is None else scale
    out = do_nothing(values)
    out[lever.capacity] = source[lever.capacity]
    if lever.cost is not None:
        out[lever.cost] = source[lever.cost]
    return out

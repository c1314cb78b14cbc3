"""The parameter registry and presets, read once from ``assumptions.toml``.

Every number the model uses lives in that file so that a reader holding the report's Table 10
finds each assumption in one place; this module only loads it and gives it types.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ASSUMPTIONS = HERE / "assumptions.toml"
PUBLISHED = HERE / "published.toml"

PRESET_IDS = ("baseline-ons", "population-growth-only", "rising-lac", "falling-lac")
GROUPS = ("Demand", "Costs", "Forecast", "Preventive programmes", "Placements and stays")


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

    @property
    def uncertain(self) -> bool:
        return self.low is not None and self.high is not None

    def describe(self) -> dict[str, Any]:
        """JSON-ready form used by the explorer to build its controls."""
        return {
            "name": self.name,
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
            "kind": self.kind,
            "source": self.source,
            "method": self.method,
        }


@dataclass(frozen=True, slots=True)
class Preset:
    """One of the report's four scenarios (a column of Table 10)."""

    id: str
    label: str
    report_label: str
    population: str  # "ons" | "shma"
    rate_path: str  # "constant" | "rising" | "falling"
    non_placement: str  # "share" | "fixed"
    description: str
    source: str

    def describe(self) -> dict[str, str]:
        return {
            "id": self.id,
            "label": self.label,
            "report_label": self.report_label,
            "population": self.population,
            "rate_path": self.rate_path,
            "non_placement": self.non_placement,
            "description": self.description,
            "source": self.source,
        }


def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def assumptions() -> dict[str, Any]:
    """The parsed assumptions file (cached; treat as read-only)."""
    return _load(ASSUMPTIONS)


@cache
def published() -> dict[str, Any]:
    """The report's published figures (cached; treat as read-only)."""
    return _load(PUBLISHED)


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
        )
    return out


@cache
def presets() -> dict[str, Preset]:
    """The four scenarios, keyed by their stable ids."""
    out: dict[str, Preset] = {}
    for preset_id, entry in assumptions()["presets"].items():
        out[preset_id] = Preset(id=preset_id, **entry)
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


PROGRAMME_SWITCHES = (
    "edge_of_care_families",
    "pause_women",
    "parenting_places",
    "dv_victim_places",
    "dv_perpetrator_places",
    "reunification_weeks_reduction",
    "placement_cost_reduction",
)
"""Parameters that put a lever in place; all zero means the report's do-nothing forecast."""


def do_nothing(values: dict[str, float]) -> dict[str, float]:
    """The same settings with every programme and placement lever switched off."""
    out = dict(values)
    for name in PROGRAMME_SWITCHES:
        out[name] = 0.0
    out["reunification_cost"] = 0.0
    out["placement_programme_cost"] = 0.0
    return out

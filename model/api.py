"""JSON in, JSON out: the entry point the explorer's Web Worker calls on every slider move.

``compute`` never raises for bad input. Every refused value is listed in ``errors`` and replaced
by the preset default, and everything else is still computed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from model import backtest, programmes, reproduction, uncertainty
from model.forecast import ROW_FIELDS, change_after, run
from model.parameters import (
    GROUPS,
    PRESET_IDS,
    assumptions,
    choices,
    defaults,
    do_nothing,
    presets,
    registry,
)
from model.validation import Refusal, parse_number, validate_settings

DEFAULT_SCENARIO = "baseline-ons"
HORIZONS = (3, 5, 10)
VERSION = "1.0.0"


def describe() -> dict[str, Any]:
    """Everything the explorer needs to build its controls: presets, choices and parameters.

    Each scenario gives its default ``choices`` and the settings its forecast ``uses``; each
    parameter read only under some options says so in ``applies_when`` ({choice: [options]}).
    """
    unc = assumptions()["uncertainty"]
    return {
        "version": VERSION,
        "base_year": 2017,
        "scenarios": [presets()[pid].describe() for pid in PRESET_IDS],
        "default_scenario": DEFAULT_SCENARIO,
        "groups": list(GROUPS),
        "choices": [c.describe() for c in choices().values()],
        "parameters": [p.describe() for p in registry().values()],
        "programmes": [
            {"id": pid, "label": programmes.LABELS[pid], "capacity_parameter": param,
             "capacity_unit": unit}
            for pid, (param, unit) in programmes.CAPACITY.items()
        ],
        "row_fields": list(ROW_FIELDS),
        "horizons": list(HORIZONS),
        "uncertainty": {
            "default_samples": unc["default_samples"],
            "min_samples": unc["min_samples"],
            "max_samples": unc["max_samples"],
            "default_seed": unc["default_seed"],
            "percentiles": [unc["percentile_low"], unc["percentile_high"]],
        },
    }


def _integer(
    request: Mapping[str, Any], key: str, default: int, low: int, high: int,
    errors: list[Refusal],
) -> int:
    if key not in request or request[key] is None:
        return default
    raw = request[key]
    value = parse_number(raw)
    if value is None or not value.is_integer() or not (low <= value <= high):
        errors.append(Refusal(key, raw, f"{key} must be a whole number between {low:,} and "
                                        f"{high:,} (got {raw!r})"))
        return default
    return int(value)


def _flag(request: Mapping[str, Any], key: str, errors: list[Refusal]) -> bool:
    raw = request.get(key, False)
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in {"true", "1", "yes", "on"}:
        return True
    if isinstance(raw, str) and raw.strip().lower() in {"false", "0", "no", "off", ""}:
        return False
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    errors.append(Refusal(key, raw, f"{key} must be true or false (got {raw!r})"))
    return False


def change_table(
    rows: list[dict[str, float]], baseline: list[dict[str, float]], preset_id: str
) -> dict[str, Any]:
    """The 3/5/10-year change in total cost (£M) in the report's own layout."""
    label = presets()[preset_id].report_label

    def values(source: list[dict[str, float]]) -> list[float | None]:
        out = []
        for h in HORIZONS:
            change = change_after(source, h)
            out.append(None if change is None else change / 1e6)
        return out

    return {
        "title": "Projected changes in LAC costs",
        "unit": "£M",
        "columns": [f"{h} years" for h in HORIZONS],
        "rows": [
            {"label": f"{label} (your settings)", "values": values(rows)},
            {"label": f"{label} (doing nothing)", "values": values(baseline)},
        ],
        "published": reproduction.published_changes(preset_id),
    }


def at_report_scale(values: Mapping[str, float]) -> dict[str, float]:
    """The same settings with each programme at the scale the report costs it at."""
    out = dict(values)
    for name, p in registry().items():
        if p.report_value is not None:
            out[name] = p.report_value
    return out


def compute(request: Mapping[str, Any] | None) -> dict[str, Any]:
    """Run one request. Never raises for bad input; the result is always valid JSON.

    Request (every key optional; values may be strings, as they arrive from a URL)::

        {"scenario": "baseline-ons" | "population-growth-only" | "rising-lac" | "falling-lac",
         "overrides": {"non_uasc_rate": "75", "rate_path": "to-target", ...},
                       # names from describe()["parameters"] and describe()["choices"]
         "uncertainty": true | false, "samples": 10..5000 (1000), "seed": int (2017)}

    Response::

        {"version", "scenario": {id, label, report_label, choices (as used), uses, ...},
         "parameters": {name: value actually used, numbers and choices alike},
         "changed": [names of the settings that differ from the scenario's own],
         "errors": [{"parameter", "value", "message"}],   # each refused value, reset to default
         "rows": [{year, child_population, non_uasc_rate, uasc, lac, lac_prevented,
                   weeks_of_care, placement_cost, non_placement_cost, total_cost,
                   change_vs_base_year, programme_cost, other_savings, net_cost}, ...],
         "baseline_rows": [...same fields, every programme and lever switched off...],
         "change_table": {"title", "unit": "£M", "columns": ["3 years", "5 years", "10 years"],
                          "rows": [{"label", "values"}, ...], "published": [..] | null},
         "programmes": {id: {...annual results at the current settings...}},
         "programmes_at_report_scale": {id: {...at the scale the report costs...}},
         "uncertainty": null | {"samples", "seed", "percentiles", "years", "inputs",
                                "lac_low", "lac_high", "total_cost_low", "total_cost_high",
                                "net_cost_low", "net_cost_high"},
         "published": {"cost_of_doing_nothing": [3y, 5y, 10y] in £M | null}}
    """
    errors: list[Refusal] = []
    if not isinstance(request, Mapping):
        errors.append(Refusal("request", None, "the request must be a JSON object"))
        request = {}
    scenario = request.get("scenario", DEFAULT_SCENARIO)
    if not isinstance(scenario, str) or scenario not in presets():
        errors.append(Refusal("scenario", scenario, f"scenario must be one of "
                                                    f"{', '.join(PRESET_IDS)} (got {scenario!r})"))
        scenario = DEFAULT_SCENARIO
    checked = validate_settings(request.get("overrides") or {}, scenario, defaults())
    errors.extend(checked.refusals)
    values = checked.values
    chosen = presets()[scenario].with_choices(checked.choices)
    want_band = _flag(request, "uncertainty", errors)
    unc = assumptions()["uncertainty"]
    samples = _integer(request, "samples", int(unc["default_samples"]),
                       int(unc["min_samples"]), int(unc["max_samples"]), errors)
    seed = _integer(request, "seed", int(unc["default_seed"]), 0, 2**31 - 1, errors)

    preset_settings = {**defaults(), **presets()[scenario].choices()}
    changed = sorted(name for name, value in checked.settings().items()
                     if preset_settings.get(name) != value)
    rows = run(chosen, values)
    baseline_values = do_nothing(values)
    baseline = run(chosen, baseline_values)
    return {
        "version": VERSION,
        "scenario": chosen.describe(),
        "parameters": checked.settings(),
        "changed": changed,  # settings that differ from the scenario's own
        "errors": [e.as_dict() for e in errors],
        "rows": rows,
        "baseline_rows": baseline,
        "change_table": change_table(rows, baseline, scenario),
        "programmes": programmes.evaluate_all(values),
        "programmes_at_report_scale": programmes.evaluate_all(at_report_scale(values)),
        "uncertainty": uncertainty.band(chosen, values, samples, seed) if want_band else None,
        "published": {"cost_of_doing_nothing": reproduction.published_changes(scenario)},
    }


def backtest_table() -> list[dict[str, Any]]:
    """Actual figures from later documents beside the default projections."""
    return backtest.compare()

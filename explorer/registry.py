"""The model's parameter registry, shaped for the page: the controls are built from this, never
from ranges written in the explorer.

Everything comes from ``model.api.describe()``. One thing is measured rather than read: which
presets a parameter affects (moving it and seeing whether the forecast changes), so the page can
say "the chosen scenario does not use this setting" for, say, the Falling scenario's target rate.
"""

from __future__ import annotations

from typing import Any

from model import api

KIND_TEXT = {
    "stated": "The report gives this number.",
    "derived": "Arithmetic on numbers the report gives.",
    "calibrated": "Chosen so that a figure the report publishes is reproduced.",
    "judgement": "Our own choice where the report is silent.",
}


def number_text(x: float) -> str:
    """1072.0 -> '1,072'; 0.23 -> '0.23'; 1756.76 -> '1,756.76' (for hints, never for results)."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6f}".rstrip("0").rstrip(".")


def _split_label(label: str) -> tuple[str, str]:
    """'Pause: cost per woman' -> ('Pause', 'Cost per woman'); labels without a colon stand alone."""
    head, sep, tail = label.partition(": ")
    if not sep:
        return "", label
    return head, tail[:1].upper() + tail[1:]


def _moved(p: dict[str, Any], preset: str) -> float:
    default = p["default"][preset]
    return p["max"] if default != p["max"] else p["min"]


def _used_by(p: dict[str, Any], presets: list[str]) -> list[str]:
    """Presets whose forecast (rows) changes when this parameter moves from its default."""
    used = []
    for preset in presets:
        base = api.compute({"scenario": preset})["rows"]
        moved = api.compute({"scenario": preset,
                             "overrides": {p["name"]: _moved(p, preset)}})["rows"]
        if moved != base:
            used.append(preset)
    return used


def page_registry() -> dict[str, Any]:
    """Presets, parameters grouped for the form, and the uncertainty settings."""
    described = api.describe()
    presets = [{**s, "facts": preset_facts(s)} for s in described["scenarios"]]
    preset_ids = [s["id"] for s in presets]
    parameters = []
    for p in described["parameters"]:
        subgroup, short = _split_label(p["label"])
        default = p["default"][described["default_scenario"]]
        parameters.append({
            "name": p["name"], "label": p["label"], "short": short, "subgroup": subgroup,
            "unit": p["unit"], "group": p["group"],
            "min": p["min"], "max": p["max"], "step": p["step"],
            "defaults": p["default"], "default_text": number_text(default),
            "min_text": number_text(p["min"]), "max_text": number_text(p["max"]),
            "report_value": p.get("report_value"),
            "report_value_text": None if p.get("report_value") is None
            else number_text(p["report_value"]),
            "source": p.get("source", ""), "method": p.get("method", ""),
            "kind_text": KIND_TEXT.get(p.get("kind", ""), ""),
            "used_by": _used_by(p, preset_ids),
        })
    groups = []
    for name in described["groups"]:
        members = [p for p in parameters if p["group"] == name]
        subgroups: list[dict[str, Any]] = []
        for p in members:
            if not subgroups or subgroups[-1]["title"] != p["subgroup"]:
                subgroups.append({"title": p["subgroup"], "parameters": []})
            subgroups[-1]["parameters"].append(p)
        if members:
            groups.append({"name": name, "subgroups": subgroups})
    unc = described["uncertainty"]
    return {
        "version": described["version"],
        "presets": presets,
        "default_preset": described["default_scenario"],
        "parameters": parameters,
        "groups": groups,
        "samples": unc["default_samples"],
        "seed": unc["default_seed"],
        "percentiles": unc["percentiles"],
    }


def preset_facts(preset: dict[str, Any]) -> str:
    """What a preset fixes that no setting changes (population projection, rate path, ...)."""
    population = {"ons": "ONS projection", "shma": "housing-market (SHMA) projection"}
    path = {"constant": "held at the 2017 rate", "rising-trend": "rising on the 2011-2017 trend",
            "to-target": "falling to the national average"}
    other = {"share": "a fixed share of total spending", "constant": "held at the 2017 amount"}
    chosen = preset["choices"]
    return (f"Fixed by this scenario: child population from the "
            f"{population[chosen['population_projection']]}; non-UASC rate "
            f"{path[chosen['rate_path']]}; non-placement costs "
            f"{other[chosen['non_placement_costs']]}.")

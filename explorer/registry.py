"""The model's settings, shaped for the page: the controls are built from this, never from
ranges or options written in the explorer.

Everything comes from the model (``model.api.describe()``, and the rules of ``model.validation``
and ``model.links``): the choices (population projection, rate path,
non-placement costs) with their options and each preset's default, the numbers with their ranges,
and which settings apply only under some options (``applies_when``), so the page can say "these
settings do not use this" of the target rate while the rate is held constant, say.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explorer.py.explorer_presenter import FORMATS
from model import api, links
from model.parameters import registry as model_parameters
from model.validation import NUMBER_PATTERN, WHITESPACE, groups_digits

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


def value_text(setting: Mapping[str, Any], value: float | str) -> str:
    """A setting's value in words, as settings.mjs valueText writes it: a choice's label, or a
    number (years without a thousands separator)."""
    if "options" in setting:
        return next((o["label"] for o in setting["options"] if o["value"] == value), str(value))
    if not setting.get("group_digits", True) and float(value).is_integer():
        return str(int(value))
    return number_text(float(value))


def inputs_rows(registry: Mapping[str, Any], scenario: str,
                values: Mapping[str, float | str]) -> list[list[str]]:
    """The "settings these figures were calculated with" table: label, value, unit, the
    scenario's own value (view.mjs renders the same for each result)."""
    return [[s["label"], value_text(s, values[s["name"]]), s.get("unit", ""),
             value_text(s, s["defaults"][scenario])]
            for s in [*registry["choices"], *registry["parameters"]]]


def _split_label(label: str) -> tuple[str, str]:
    """'Pause: cost per woman' -> ('Pause', 'Cost per woman'); labels without a colon stand alone."""
    head, sep, tail = label.partition(": ")
    if not sep:
        return "", label
    return head, tail[:1].upper() + tail[1:]


def _choice(c: dict[str, Any], default_preset: str) -> dict[str, Any]:
    labels = {o["value"]: o["label"] for o in c["options"]}
    return {
        "name": c["name"], "label": c["label"], "group": c["group"],
        "options": [{"value": o["value"], "label": o["label"]} for o in c["options"]],
        "defaults": c["default"], "default_text": labels[c["default"][default_preset]],
        "source": c.get("source", ""), "method": c.get("method", ""),
        "kind_text": KIND_TEXT.get(c.get("kind", ""), ""),
    }


def _applies_text(when: dict[str, list[str]] | None, choices: dict[str, Any]) -> str:
    """'Used only when: How the rate ... moves is “Moves to a target rate, ...”.'"""
    if not when:
        return ""
    parts = []
    for name, values in when.items():
        labels = {o["value"]: o["label"] for o in choices[name]["options"]}
        shown = " or ".join(f"“{labels[v]}”" for v in values)
        parts.append(f"{choices[name]['label']} is {shown}")
    return "Used only when " + "; and ".join(parts) + "."


def page_registry() -> dict[str, Any]:
    """Presets, choices and parameters grouped for the form, and the uncertainty settings."""
    described = api.describe()
    presets = described["scenarios"]
    choices = [_choice(c, described["default_scenario"]) for c in described["choices"]]
    choice_by_name = {c["name"]: c for c in described["choices"]}
    parameters = []
    for p in described["parameters"]:
        subgroup, short = _split_label(p["label"])
        default = p["default"][described["default_scenario"]]
        grouped = {"group_digits": groups_digits(model_parameters()[p["name"]])}
        parameters.append({
            "name": p["name"], "label": p["label"], "short": short, "subgroup": subgroup,
            "unit": p["unit"], "group": p["group"],
            "min": p["min"], "max": p["max"], "step": p["step"],
            "defaults": p["default"], "default_text": value_text(grouped, default),
            "min_text": value_text(grouped, p["min"]), "max_text": value_text(grouped, p["max"]),
            "integer": p["integer"], **grouped,
            "report_value": p.get("report_value"),
            "report_value_text": None if p.get("report_value") is None
            else value_text(grouped, p["report_value"]),
            "source": p.get("source", ""), "method": p.get("method", ""),
            "kind_text": KIND_TEXT.get(p.get("kind", ""), ""),
            "aliases": p.get("aliases", []),
            "applies_when": p.get("applies_when"),
            "applies_text": _applies_text(p.get("applies_when"), choice_by_name),
        })
    groups = []
    for name in described["groups"]:
        members = [p for p in parameters if p["group"] == name]
        group_choices = [c for c in choices if c["group"] == name]
        subgroups: list[dict[str, Any]] = []
        for p in members:
            if not subgroups or subgroups[-1]["title"] != p["subgroup"]:
                subgroups.append({"title": p["subgroup"], "parameters": []})
            subgroups[-1]["parameters"].append(p)
        if members or group_choices:
            groups.append({"name": name, "choices": group_choices, "subgroups": subgroups})
    unc = described["uncertainty"]
    return {
        "version": described["version"],
        "base_month": described["base_month"],
        "presets": presets,
        "default_preset": described["default_scenario"],
        "choices": choices,
        "parameters": parameters,
        "groups": groups,
        "samples": unc["default_samples"],
        "seed": unc["default_seed"],
        "percentiles": unc["percentiles"],
        # The model's own rules, so the page accepts exactly the values and links it accepts.
        "rules": {
            "number": NUMBER_PATTERN,
            "whitespace": WHITESPACE,
            "link": {"max_length": links.MAX_LENGTH, "pinned_prefix": links.PINNED_PREFIX,
                     "scenario": links.SCENARIO, "page_keys": list(links.PAGE_KEYS)},
        },
        "formats": FORMATS,
    }

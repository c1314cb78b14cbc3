"""JSON in, JSON out: the entry point the explorer's Web Worker calls on every change.

The contract: ``compute`` never raises, whatever it is given, and its response is always strict
JSON (``json.dumps(response, allow_nan=False)`` succeeds). Every part of a request that is not
used is named in ``errors`` with the reason: an unknown or misspelt key, a setting that is not a
mapping, a value out of range, of the wrong type or too large. A refused value is replaced by the
scenario's own, and everything else is still computed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from model import __version__, economics, uncertainty
from model import frame as frames
from model.forecast import ROW_FIELDS, Row, change_after, rows_of
from model.parameters import (
    GROUPS,
    LEVERS,
    PRESET_IDS,
    assumptions,
    base_month_name,
    choices,
    defaults,
    presets,
    registry,
)
from model.printed import published_changes
from model.programmes import LABELS
from model.validation import (
    Refusal,
    did_you_mean,
    format_number,
    name_of,
    parse_number,
    shown,
    validate_settings,
)

DEFAULT_SCENARIO = "baseline-ons"
HORIZONS = (3, 5, 10)
VERSION = __version__
REQUEST_KEYS = ("scenario", "overrides", "uncertainty", "samples", "seed")


def describe() -> dict[str, Any]:
    """Everything the explorer needs to build its controls: presets, choices and parameters.

    Each scenario gives its default ``choices`` and the settings its forecast ``uses``; each
    parameter read only under some options says so in ``applies_when`` ({choice: [options]}).
    ``base_month`` is the month every model year describes (August, the month of the report's
    2017 figures). ``uncertainty.caption`` says in words what the band varies and what it does
    not, for the default scenario (each response's band carries its own).
    """
    unc = assumptions()["uncertainty"]
    default_plan = uncertainty.plan(DEFAULT_SCENARIO, defaults())
    return {
        "version": VERSION,
        "base_year": 2017,
        "base_month": base_month_name(),
        "scenarios": [presets()[pid].describe() for pid in PRESET_IDS],
        "default_scenario": DEFAULT_SCENARIO,
        "groups": list(GROUPS),
        "choices": [c.describe() for c in choices().values()],
        "parameters": [p.describe() for p in registry().values()],
        "programmes": [
            {"id": pid, "label": LABELS[pid], "capacity_parameter": lever.capacity,
             "capacity_unit": lever.unit}
            for pid, lever in LEVERS.items()
        ],
        "row_fields": list(ROW_FIELDS),
        "horizons": list(HORIZONS),
        "request_keys": list(REQUEST_KEYS),
        "uncertainty": {
            "default_samples": unc["default_samples"],
            "min_samples": unc["min_samples"],
            "max_samples": unc["max_samples"],
            "default_seed": unc["default_seed"],
            "percentiles": [unc["percentile_low"], unc["percentile_high"]],
            "caption": uncertainty.caption(default_plan, int(unc["default_samples"])),
            "fixed": uncertainty.FIXED,
        },
    }


# ------------------------------------------------------------------------------ reading a request
def _request(request: object, errors: list[Refusal]) -> dict[str, Any]:
    """The parts of a request the model reads; every other part is named in ``errors``."""
    if not isinstance(request, Mapping):
        errors.append(Refusal("request", request, "the request must be a JSON object with "
                              f"{', '.join(REQUEST_KEYS)} (got {shown(request)})"))
        return {}
    try:  # a request is usually a dict; anything else that claims to be a mapping may fail here
        items = list(request.items())
    except Exception:
        errors.append(Refusal("request", None, "the request could not be read as a JSON object"))
        return {}
    out: dict[str, Any] = {}
    for key, value in items:
        if isinstance(key, str) and key in REQUEST_KEYS:
            out[key] = value
            continue
        text = name_of(key)
        errors.append(Refusal(text, value, (
            f"{text} is not part of a request, which may give {', '.join(REQUEST_KEYS)}"
            f"{did_you_mean(text, list(REQUEST_KEYS))}; it was not used")))
    return out


def _scenario(request: Mapping[str, Any], errors: list[Refusal]) -> str:
    scenario = request.get("scenario", DEFAULT_SCENARIO)
    if isinstance(scenario, str) and scenario in presets():
        return scenario
    hint = did_you_mean(scenario, list(PRESET_IDS)) if isinstance(scenario, str) else ""
    errors.append(Refusal("scenario", scenario, f"scenario must be one of "
                                                f"{', '.join(PRESET_IDS)} (got {shown(scenario)})"
                                                f"{hint}; {DEFAULT_SCENARIO} was used"))
    return DEFAULT_SCENARIO


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
                                        f"{high:,} (got {shown(raw)})"))
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
    errors.append(Refusal(key, raw, f"{key} must be true or false (got {shown(raw)})"))
    return False


# ------------------------------------------------------------------------------ parts of a response
def change_table(rows: list[Row], baseline: list[Row], preset_id: str, start: int = 0,
                 band: Mapping[str, Any] | None = None, observed: bool = False) -> dict[str, Any]:
    """The 3/5/10-year change in total cost (£M) from the starting year, in the report's layout;
    with the band on the change when it was computed."""
    label = presets()[preset_id].report_label

    def values(source: list[Row]) -> list[float | None]:
        out = []
        for h in HORIZONS:
            change = change_after(source, h, start=start)
            out.append(None if change is None else change / 1e6)
        return out

    band_rows = None
    if band is not None:
        band_rows = {
            bound: [None if start + h >= len(rows) else band[f"total_cost_change_{bound}"][start + h]
                    / 1e6 for h in HORIZONS]
            for bound in ("low", "high")
        }
    return {
        "title": "Projected changes in LAC costs",
        "unit": "£M",
        "start_year": int(rows[start]["year"]),
        "columns": [f"{h} years" for h in HORIZONS],
        "rows": [
            {"label": f"{label} (your settings)", "values": values(rows)},
            {"label": f"{label} (doing nothing)", "values": values(baseline)},
        ],
        "band": band_rows,
        "published": None if observed else published_changes(preset_id),
    }


def at_report_scale(values: Mapping[str, float]) -> dict[str, float]:
    """The same settings with each programme at the scale the report costs it at."""
    out = dict(values)
    for name, p in registry().items():
        if p.report_value is not None:
            out[name] = p.report_value
    return out


def start_of(frame: frames.Frame, rows: list[Row]) -> dict[str, Any]:
    """Where the forecast starts: the report's August 2017, or a later count."""
    year, month = frame.anchor_year, base_month_name()
    lac = rows[frame.anchor]["lac"]
    if frame.observed:
        label = (f"{format_number(round(lac))} children in care in {year}, the count you gave "
                 f"(taken as {month} {year}, the model's base month)")
        source = registry()["observed_lac"].source
    else:
        label = f"{month} {year}, the month the report's figures describe"
        source = choices()["start_from"].source
    return {"year": year, "month": month, "observed": frame.observed, "lac": lac,
            "label": label, "source": source}


def _years_text(years: list[int]) -> str:
    if len(years) == 1:
        return str(years[0])
    if years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]} to {years[-1]}"
    return ", ".join(str(y) for y in years)


def guard_rails(frame: frames.Frame, rows: list[Row]) -> list[dict[str, Any]]:
    """The years in which a guard rail held a figure back, with why (so none is hidden)."""
    out = []
    kept = [int(r["year"]) for r, y in zip(rows, frame.care_years, strict=True)
            if r["lac_prevented"] < frame.entries * y * (1 - 1e-12) - 1e-9]
    if kept:
        out.append({"id": "prevention-capped", "years": kept, "message": (
            f"In {_years_text(kept)} the programmes would keep more children out of care than "
            "there are children in care who are not asylum-seeking; they are counted as keeping "
            "out only those, since unaccompanied asylum-seeking children come into care whatever "
            "a programme does.")})
    capped = [int(r["year"]) for r, s in zip(rows, frame.saving_per_incident, strict=True)
              if r["other_savings"] < frame.incidents * s * (1 - 1e-12) - 1e-9]
    if capped:
        out.append({"id": "other-savings-capped", "years": capped, "message": (
            f"In {_years_text(capped)} the domestic violence programmes' savings to social care "
            "would be more than the cost of care they are set against; they are capped at it, "
            "so the net cost never falls below what the programmes cost.")})
    return out


def compute(request: object) -> dict[str, Any]:
    """Run one request. Never raises; the response is always strict JSON.

    Request (every key optional; values may be strings, as they arrive from a URL)::

        {"scenario": "baseline-ons" | "population-growth-only" | "rising-lac" | "falling-lac",
         "overrides": {"non_uasc_rate": "75", "rate_path": "to-target", ...},
                       # names from describe()["parameters"] and describe()["choices"]
         "uncertainty": true | false, "samples": 10..5000 (1000), "seed": 0..2**31-1 (2017)}

    Response::

        {"version": "2.0.0",
         "scenario": {id, label, report_label, description, source, choices (as used), uses},
         "parameters": {name: value actually used, numbers and choices alike},
         "changed": [names of the settings that differ from the scenario's own],
         "errors": [{"parameter", "value", "message"}],
             # each unused part of the request: an unknown key (top level or in overrides,
             # with "did you mean" for a misspelling), a non-mapping request or overrides, a
             # value out of range or of the wrong type. "value" echoes what was given, made
             # strict JSON (long text shortened; other objects, NaN and numbers beyond 2**53
             # as their short description).
         "start": {"year", "month": "August", "observed": bool, "lac", "label", "source"},
             # where the forecast starts: the report's August 2017, or a later count
             # (start_from = observed, with observed_year and observed_lac). Every model
             # year is the position in August, the month of the report's 2017 figures.
         "rows": [{year, child_population, non_uasc_rate, uasc, lac, lac_prevented,
                   weeks_of_care, placement_cost, non_placement_cost, total_cost,
                   change_vs_base_year (against the starting year), programme_cost,
                   other_savings, net_cost}, ...],          # 2017 to end_year
         "baseline_rows": [...same fields, every programme and lever switched off...],
         "change_table": {"title", "unit": "£M", "start_year", "columns": ["3 years", ...],
                          "rows": [{"label", "values"}, ...],   # change from start_year
                          "band": null | {"low": [3y, 5y, 10y], "high": [...]},  # £M
                          "published": [..] | null},   # the report's own (2017 start only)
         "programmes": {id: PROGRAMME, ...},              # each on its own, as set
         "programmes_at_report_scale": {id: PROGRAMME, ...},  # each at the report's scale
         "programmes_together": SAVINGS,   # every lever as set: the forecast difference
         "guard_rails": [{"id", "years", "message"}],  # figures a guard rail held back
         "uncertainty": null | BAND,
         "published": {"cost_of_doing_nothing": [3y, 5y, 10y] in £M | null}}

    PROGRAMME (one programme on its own in this scenario, every other lever off)::

        {"id", "label", "note", "capacity_parameter", "capacity_unit", "capacity",
         "in_place": bool, "start_year": first year it works,
         "children_prevented": entries prevented a year, "incidents_averted": a year,
         "health_savings": NHS savings a year (2017 prices), "years_of_care_avoided",
         "cost": a year at 2017 prices, "break_even_children": children kept out of care
                 in its first year that would pay its first year's cost | null,
         ...SAVINGS}

    SAVINGS (the do-nothing forecast less the forecast with the lever(s), year by year from
    the first year a lever works; so they follow the scenario's choices)::

        {"years": [...], "children_kept_out": [...],
         "cash": {"cost", "gross_savings", "cashable_savings", "net_savings",
                  "cumulative_net_savings"},   # lists, £ with the inflation setting
         "real": {...the same at 2017 prices...},
         "first_year": {"year", "cost", "gross_savings", "cashable_savings", "net_savings"},
         "totals": {"cash": {...sums...}, "real": {...}},
         "payback": the first year from which the running cash net saving stays at or above
                    zero | null (it never pays back within the forecast),
         "npv": real net savings discounted at "discount_rate" (% a year) to "npv_year"}
         # net_savings[t] = baseline_rows net_cost - rows net_cost when only this lever is on;
         # gross_savings = care costs avoided + other savings; cashable = placements avoided

    BAND (5th-95th percentile of "samples" runs; no width at the starting year)::

        {"samples", "seed", "percentiles": [5, 95], "years", "start_year",
         "lac_low", "lac_high", "total_cost_low", "total_cost_high",
         "net_cost_low", "net_cost_high",
         "lac_change_low", "lac_change_high", "total_cost_change_low",
         "total_cost_change_high",            # the band on the change since the start
         "varies": [{"input", "label", "unit", "low", "central", "high", "source"}],
         "fixed": [what the band does not vary, in words],
         "caption": "the band in words: exactly what varies and what does not"}
    """
    errors: list[Refusal] = []
    request = _request(request, errors)
    scenario = _scenario(request, errors)
    checked = validate_settings(request.get("overrides"), scenario, defaults())
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
    frame = frames.build(chosen, values)
    rows = rows_of(frame)
    without = economics.baseline(chosen, values)
    baseline = without[1]
    band = uncertainty.band(chosen, values, samples, seed) if want_band else None
    return {
        "version": VERSION,
        "scenario": chosen.describe(),
        "parameters": checked.settings(),
        "changed": changed,
        "errors": [e.as_dict() for e in errors],
        "start": start_of(frame, rows),
        "rows": rows,
        "baseline_rows": baseline,
        "change_table": change_table(rows, baseline, scenario, frame.anchor, band,
                                     frame.observed),
        "programmes": {pid: economics.evaluate(chosen, values, pid, without=without)
                       for pid in LEVERS},
        "programmes_at_report_scale": economics.at_scale(chosen, values,
                                                         at_report_scale(values)),
        "programmes_together": economics.difference(frame, rows, baseline,
                                                    values["discount_rate"]),
        "guard_rails": guard_rails(frame, rows),
        "uncertainty": band,
        "published": {"cost_of_doing_nothing": None if frame.observed
                      else published_changes(scenario)},
    }

"""Preventive programmes and placement levers: what each costs and does, and the report's own
arithmetic for them.

``effect_terms`` says what the programmes in place do each year (children kept out of care,
incidents averted) and cost; the forecast takes it from there (``model.frame``), and a
programme's savings are the forecast with it less the forecast without it
(``model.economics``). ``evaluate`` keeps the report's own costings (§2.2.4, §2.3.1, §2.3.3,
§2.4.1, §2.4.2, Table 1), in which a child kept out of care saves a fixed £70,792 whatever the
scenario: the reproduction page sets them beside the report's tables. Two readings of 'directly
cashable net' are given there, because the report's own one applies the placement share to the
net saving, which scales the programme's cost down too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from model.costs import cost_per_lac, driver_savings, placement_cost_per_lac, placement_share
from model.parameters import LEVERS
from model.population import base_population

PROGRAMME_IDS = tuple(LEVERS)

LABELS = {
    "edge-of-care": "Edge-of-care service (MST/FFT)",
    "pause": "Pause (women who have had children removed)",
    "parenting": "More places on parenting programmes",
    "dv-victims": "STEPS domestic abuse programme for victims",
    "dv-perpetrators": "Domestic violence perpetrators programme",
    "reunification": "Reunification work (shorter stays in care)",
    "placement-costs": "Cheaper placements (procurement, in-house foster carers)",
}

CAPACITY = {pid: (lever.capacity, lever.unit) for pid, lever in LEVERS.items()}
"""Which parameter sets each programme's scale, and in what unit (from ``parameters.LEVERS``)."""


def base_lac(values: Mapping[str, float]) -> float:
    """Children in care in 2017 under these settings (316.8 by default)."""
    return values["non_uasc_rate"] * base_population() / 10_000 + values["uasc"]


def _ratio(top: float, bottom: float) -> float | None:
    """top / bottom, or None when undefined (no cost) or too large to be meaningful."""
    if not bottom:
        return None
    value = top / bottom
    return value if math.isfinite(value) else None


def _prevention(
    values: Mapping[str, float], capacity: float, cost: float, prevented: float
) -> dict[str, Any]:
    """Results for a programme that keeps children out of care."""
    unit_cost = cost_per_lac(values)
    gross = prevented * unit_cost
    cashable_gross = prevented * placement_cost_per_lac(values)
    net = gross - cost
    break_even = _ratio(cost, unit_cost)
    return {
        "capacity": capacity,
        "cost": cost,
        "children_prevented": prevented,
        "gross_savings": gross,
        "cashable_gross_savings": cashable_gross,
        "net_savings": net,
        "cashable_net_savings": net * placement_share(values),
        "placement_savings_less_cost": cashable_gross - cost,
        "break_even_children": break_even,
        "break_even_rate": None
        if break_even is None or not capacity
        else break_even / capacity * 100,
        "roi": _ratio(net, cost),
    }


def _domestic_violence(
    values: Mapping[str, float], places: float, cost_per_place: float, per_place: float
) -> dict[str, Any]:
    cost = places * cost_per_place
    incidents = places * per_place
    gross = incidents * values["dv_social_care_cost_per_incident"]
    net = gross - cost
    return {
        "capacity": places,
        "cost": cost,
        "children_prevented": 0.0,
        "incidents_averted": incidents,
        "gross_savings": gross,
        "cashable_gross_savings": 0.0,
        "net_savings": net,
        "cashable_net_savings": 0.0,
        "placement_savings_less_cost": -cost,
        "health_savings": incidents * values["dv_health_cost_per_incident"],
        "break_even_children": None,
        "break_even_incidents": _ratio(cost, values["dv_social_care_cost_per_incident"]),
        "break_even_rate": None,
        "roi": _ratio(net, cost),
    }


def _driver(
    values: Mapping[str, float], driver: str, amount: float, cost: float
) -> dict[str, Any]:
    gross, cashable = driver_savings(values, base_lac(values), driver, amount)
    net = gross - cost
    share = cashable / gross if gross else 0.0
    return {
        "capacity": amount,
        "cost": cost,
        "children_prevented": 0.0,
        "gross_savings": gross,
        "cashable_gross_savings": cashable,
        "net_savings": net,
        "cashable_net_savings": net * share,
        "placement_savings_less_cost": cashable - cost,
        "break_even_children": _ratio(cost, cost_per_lac(values)),
        "break_even_rate": None,
        "roi": _ratio(net, cost),
    }


NOTES = {
    "edge-of-care": "Report Table 7: families x cost per case; children kept out of care = "
    "families x success rate. Savings are the scenario's forecast without it less with it.",
    "pause": "The report's 'savings per year' for Pause (£128,520 to £307,945) are gross: they "
    "do not take off the programme's cost, women x £20,202 a year once a new group starts "
    "each year.",
    "parenting": "The report gives only the break-even (Table 5); the success rate is ours "
    "(by default that break-even).",
    "dv-victims": "Savings to children's social care per incident averted (Table 6), never more "
    "than the cost of care they offset; the report identifies no placement (directly "
    "cashable) part. NHS savings are shown separately.",
    "dv-perpetrators": "As for STEPS; on the report's figures the extra places cost more than "
    "they save social care.",
    "reunification": "Table 1: fewer weeks in care for every child; the report does not cost "
    "the work, so enter a cost to see a net figure.",
    "placement-costs": "Table 1: a cut in the placement price; non-placement costs unchanged.",
}


def evaluate(pid: str, values: Mapping[str, float]) -> dict[str, Any]:
    """Annual results of one programme at the scale set in ``values`` (2017 prices)."""
    if pid == "edge-of-care":
        families = values["edge_of_care_families"]
        result = _prevention(
            values,
            families,
            families * values["edge_of_care_cost_per_case"],
            families * values["edge_of_care_success_rate"] / 100,
        )
    elif pid == "pause":
        women = values["pause_women"]
        result = _prevention(
            values,
            women,
            women * values["pause_cost_per_woman"],
            women * values["pause_births_prevented_per_woman"],
        )
    elif pid == "parenting":
        places = values["parenting_places"]
        result = _prevention(
            values,
            places,
            places * values["parenting_cost_per_place"],
            places * values["parenting_success_rate"] / 100,
        )
    elif pid == "dv-victims":
        result = _domestic_violence(
            values,
            values["dv_victim_places"],
            values["dv_victim_cost_per_place"],
            values["dv_victim_incidents_per_place"],
        )
    elif pid == "dv-perpetrators":
        result = _domestic_violence(
            values,
            values["dv_perpetrator_places"],
            values["dv_perpetrator_cost_per_place"],
            values["dv_perpetrator_incidents_per_place"],
        )
    elif pid == "reunification":
        result = _driver(
            values, "weeks", values["reunification_weeks_reduction"], values["reunification_cost"]
        )
    elif pid == "placement-costs":
        result = _driver(
            values,
            "placement_price",
            values["placement_cost_reduction"],
            values["placement_programme_cost"],
        )
    else:
        raise KeyError(f"unknown programme {pid!r}; choose from {', '.join(PROGRAMME_IDS)}")
    parameter, unit = CAPACITY[pid]
    return {
        "id": pid,
        "label": LABELS[pid],
        "capacity_parameter": parameter,
        "capacity_unit": unit,
        **result,
        "note": NOTES[pid],
    }


def evaluate_all(values: Mapping[str, float]) -> dict[str, dict[str, Any]]:
    return {pid: evaluate(pid, values) for pid in PROGRAMME_IDS}


ENTRY_EFFECTS = (
    ("edge_of_care_families", "edge_of_care_success_rate", 100.0),
    ("pause_women", "pause_births_prevented_per_woman", 1.0),
    ("parenting_places", "parenting_success_rate", 100.0),
)
"""Programmes that keep children out of care: (capacity, effect, divisor), a year."""

INCIDENT_EFFECTS = (
    ("dv_victim_places", "dv_victim_incidents_per_place", 1.0),
    ("dv_perpetrator_places", "dv_perpetrator_incidents_per_place", 1.0),
)
"""Programmes that avert incidents of domestic violence: (capacity, effect, divisor), a year."""

COSTS = (
    ("edge_of_care_families", "edge_of_care_cost_per_case"),
    ("pause_women", "pause_cost_per_woman"),
    ("parenting_places", "parenting_cost_per_place"),
    ("dv_victim_places", "dv_victim_cost_per_place"),
    ("dv_perpetrator_places", "dv_perpetrator_cost_per_place"),
)
"""Programmes costed per unit of capacity; the placement levers carry a yearly cost instead."""


def effect_terms(
    values: Mapping[str, float],
) -> tuple[tuple[tuple[float, str, float], ...], tuple[tuple[float, str, float], ...], float]:
    """The programmes in place: (children kept out of care terms, incidents averted terms,
    yearly cost at 2017 prices). A term is (capacity, effect parameter, divisor)."""
    entries = tuple((values[capacity], effect, divisor)
                    for capacity, effect, divisor in ENTRY_EFFECTS if values[capacity])
    incidents = tuple((values[capacity], effect, divisor)
                      for capacity, effect, divisor in INCIDENT_EFFECTS if values[capacity])
    cost = math.fsum((
        *(values[capacity] * values[unit_cost] for capacity, unit_cost in COSTS),
        values["reunification_cost"],
        values["placement_programme_cost"],
    ))
    return entries, incidents, cost


def annual_effects(values: Mapping[str, float]) -> tuple[float, float, float]:
    """(children kept out of care, programme cost, other social-care savings) a year, at 2017
    prices and the central effects, summed over every programme."""
    entries, incidents, cost = effect_terms(values)
    kept = math.fsum(c * values[e] / d for c, e, d in entries)
    averted = math.fsum(c * values[e] / d for c, e, d in incidents)
    return kept, cost, averted * values["dv_social_care_cost_per_incident"]

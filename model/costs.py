"""Unit costs and the report's 'key cost drivers' (Table 1).

Non-placement costs (staff, travel and the rest) are charged per week of care at
placement price x share / (1 - share): at the default price they are exactly the stated share of
total spending, they move with activity, and a cheaper placement price leaves them alone, as in
Table 1's placement-cost row.
"""

from __future__ import annotations

from collections.abc import Mapping

WEEKS_CAP = 52.0


def placement_share(values: Mapping[str, float]) -> float:
    """Share of total LAC spending that is placements (53% by default)."""
    return 1 - values["non_placement_share"] / 100


def non_placement_per_week(values: Mapping[str, float]) -> float:
    """Non-placement cost per week of care (£950.64 by default)."""
    share = values["non_placement_share"] / 100
    return values["cost_per_week"] * share / (1 - share)


def cost_per_lac(values: Mapping[str, float]) -> float:
    """Annual cost of one looked-after child: weeks x (placement + non-placement) per week.

    35 x £1,072 / 53% = £70,792.45, the report's '£70,792'.
    """
    return values["weeks_in_care"] * (values["cost_per_week"] + non_placement_per_week(values))


def placement_cost_per_lac(values: Mapping[str, float]) -> float:
    """The placement (directly cashable) part of one child's annual cost."""
    return values["weeks_in_care"] * values["cost_per_week"]


def driver_savings(
    values: Mapping[str, float], lac: float, driver: str, amount: float
) -> tuple[float, float]:
    """Annual (saving, directly cashable saving) in £ from one Table 1 cost driver.

    driver "lac_rate": ``amount`` % fewer children in care (all of them, UASC included, as the
    table's 11.6% 'to the level of statistical neighbours' is on the headline rate);
    "weeks": ``amount`` fewer weeks in care per child; "placement_price": ``amount`` % off the
    placement price (non-placement costs unchanged).
    """
    weeks = values["weeks_in_care"]
    price = values["cost_per_week"]
    other = non_placement_per_week(values)
    if driver == "lac_rate":
        fewer = lac * amount / 100
        return fewer * weeks * (price + other), fewer * weeks * price
    if driver == "weeks":
        cut = min(amount, weeks)
        return lac * cut * (price + other), lac * cut * price
    if driver == "placement_price":
        saving = lac * weeks * price * amount / 100
        return saving, saving
    raise ValueError(f"unknown cost driver {driver!r}")

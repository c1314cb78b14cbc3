"""Published figures of the report set beside the model's own values, cell by cell.

Every model value here is computed by the model from its inputs; the published figure is only
compared with it. Two things are said of each cell:

- its **kind**: what matching it shows (``KINDS``). A cell that set an input (calibrated) or that
  is the report's own sum of figures printed beside it shows much less than a forecast the model
  was never fitted to;
- its **verdict** at the precision the report prints it to (``VERDICTS``): the model's value
  rounds to it (exact); or an explanation using the report's own figures gives it exactly, such
  as its rounded £70,792 or its August 2017 count (explained); or neither (differs). Every exact
  explanation found is listed, where there is more than one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from model import costs, forecast, population, programmes, rates
from model.money import pounds
from model.parameters import assumptions, defaults, presets, published, report_scale
from model.printed import Printed, printed, published_changes

__all__ = ["KINDS", "VERDICTS", "Printed", "comparisons", "printed", "published_changes",
           "summary", "unrounded_cost_per_incident"]

KINDS = {
    "calibrated": "Calibrated: the cell set an input (read from it or fitted to it), so "
                  "matching it shows only that the fitting worked.",
    "arithmetic": "The report's own arithmetic: a product, sum or difference of figures printed "
                  "beside it, so matching it checks the report's sums, not the model.",
    "consistency": "Consistency: a figure printed elsewhere in the report that the model's "
                   "rebuilt inputs must agree with.",
    "method": "Method check: the model's method, applied to its inputs, against a figure it was "
              "not built from.",
    "forecast": "Forecast check: one of the report's forecasts that was not used to build the "
                "model.",
}
KIND_ORDER = tuple(KINDS)

VERDICTS = {
    "exact": "the model's value rounds to the printed figure",
    "explained": "an explanation using the report's own figures gives it exactly",
    "differs": "neither the model nor the report's own figures give it exactly",
}


money = pounds  # the report's whole-pound figures, printed as everywhere else


def money_m(x: float, places: int = 2) -> str:
    sign = "-" if x < 0 else ""
    return f"{sign}£{abs(x) / 1e6:,.{places}f}M"


def alternative(text: str, value: float, from_report: bool) -> dict[str, Any]:
    """Another way to arrive at a published figure; ``from_report``: it uses only figures the
    report prints (or the unrounded figure behind one it prints rounded)."""
    return {"text": text, "value": value, "from_report": from_report}


def record(
    id: str,
    table: str,
    row: str,
    column: str,
    printed_text: str,
    model_value: float,
    unit: str,
    kind: str,
    explanation: str,
    source: str,
    alternatives: Iterable[dict[str, Any]] = (),
) -> dict[str, Any]:
    """One published cell beside the model, with its kind, verdict and explanations."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    figure = printed(printed_text)
    exact = figure.matches(model_value)
    others = [{**alt, "exact": figure.matches(alt["value"])} for alt in alternatives]
    if exact:
        verdict = "exact"
    elif any(alt["exact"] and alt["from_report"] for alt in others):
        verdict = "explained"
    else:
        verdict = "differs"
    exact_explanations = [explanation] if exact else []
    exact_explanations += [alt["text"] for alt in others if alt["exact"]]
    return {
        "id": id,
        "table": table,
        "row": row,
        "column": column,
        "printed": printed_text,
        "published": figure.value,
        "decimals": figure.decimals,
        "model": model_value,
        "difference": model_value - figure.value,
        "unit": unit,
        "kind": kind,
        "verdict": verdict,
        "ok": verdict != "differs",
        "explanation": explanation,
        "alternatives": others,
        "exact_explanations": exact_explanations,
        "source": source,
    }


def _report_unit_cost() -> float:
    """The report's rounded annual cost of a child in care, £70,792 (§2.3.3)."""
    return printed(published()["cost_per_lac"]["value"]).value


def _august_2017_count() -> float:
    """Children in care in August 2017, the month the report's figures describe."""
    return next(float(o["lac"]) for o in assumptions()["backtest"]["actual"]
                if o["date"] == "2017-08")


# ------------------------------------------------------------------------------ the cells
def _cost_of_doing_nothing() -> list[dict[str, Any]]:
    data = published()["cost_of_doing_nothing"]
    values = defaults()
    unit_cost = costs.cost_per_lac(values)
    placement_each = costs.placement_cost_per_lac(values)
    pops = population.projection("shma")
    out = []
    labels = {pid: presets()[pid].report_label for pid in presets()}
    for pid in ("rising-lac", "population-growth-only", "falling-lac"):
        rows = forecast.run(pid, values)
        base = rows[0]
        for horizon, text in zip(data["horizons"], data[pid], strict=True):
            h = int(horizon)
            row = rows[h]
            model_m = (row["total_cost"] - base["total_cost"]) / 1e6
            year = int(row["year"])
            lac_text = (
                f"{row['non_uasc_rate']:.2f} per 10,000 x {row['child_population']:,.0f} children"
                f" / 10,000 + 38 UASC = {row['lac']:.2f} children in {year}"
            )
            alternatives = []
            if pid == "population-growth-only":
                kind = "calibrated"
                why = (
                    f"{lac_text}; (that - {base['lac']:.2f}) x {money(unit_cost)} = "
                    f"{money_m(model_m * 1e6, 3)}. Calibrated: the SHMA population for {year} was "
                    "derived from this cell (rounded to a whole child)."
                )
            elif pid == "rising-lac":
                kind = "calibrated"
                why = (
                    f"{lac_text}; (that - {base['lac']:.2f}) x {money(unit_cost)} = "
                    f"{money_m(model_m * 1e6, 3)}. Calibrated: the one unknown behind the trend, "
                    "the UASC in care in 2011-2014, was set to the whole number (7 a year) that "
                    "comes closest to this row's three cells; no whole number gives all three "
                    "exactly, so a cell can be up to £0.02M off. The 3-year cell also confirms "
                    "the straight-line path between 5-yearly points."
                )
            else:
                kind = "forecast"
                why = (
                    f"{lac_text}; non-placement costs are held at the 2017 amount, so only "
                    f"placements change: (that - {base['lac']:.2f}) x {money(placement_each)} = "
                    f"{money_m(model_m * 1e6, 3)}."
                )
            if pid == "falling-lac" and h == 10:
                last = rows[-1]
                p2037 = (last["total_cost"] - base["total_cost"]) / 1e6
                why = (
                    f"In 2027 the rate has been 56 for five years and the SHMA population is "
                    f"{pops[10]:,.0f}: 56 x {pops[10]:,.0f} / 10,000 + 38 = {row['lac']:.2f} "
                    f"children, {base['lac'] - row['lac']:.2f} fewer than in 2017, so "
                    f"placements cost {money_m(-model_m * 1e6, 3)} less, not £0.94M more."
                )
                alternatives.append(alternative(
                    f"The 20-year change (to 2037) instead of the 10-year one: 56 x "
                    f"{pops[20]:,.0f} / 10,000 + 38 = {last['lac']:.2f} children, "
                    f"+{last['lac'] - base['lac']:.2f} on 2017, x {money(placement_each)} = "
                    f"{money_m(p2037 * 1e6, 3)}: the nearest explanation found, £0.03M off "
                    "(the 2037 population comes from the report's stated +35.4% on 2014, not "
                    "from this cell).", p2037, True))
            out.append(record(
                f"cost-of-doing-nothing/{pid}/{h}y", "Cost of doing nothing", labels[pid],
                f"{h} years", text, model_m, "£M", kind, why, data["source"], alternatives))
    return out


def _table1() -> list[dict[str, Any]]:
    data = published()["table1"]
    values = defaults()
    lac = programmes.base_lac(values)
    total = lac * costs.cost_per_lac(values)
    august = _august_2017_count()
    report_unit = _report_unit_cost()
    report_placement = values["weeks_in_care"] * values["cost_per_week"]
    out = []
    for item in data["rows"]:
        gross, cashable = costs.driver_savings(values, lac, item["driver"], float(item["amount"]))
        how = {
            "lac_rate": f"{item['amount']}% of the 2017 total of {money_m(total, 3)} "
            f"({lac:.2f} children x {money(costs.cost_per_lac(values))})",
            "weeks": f"{item['amount']} of 35 weeks of the 2017 total of {money_m(total, 3)}",
            "placement_price": f"{item['amount']}% of 2017 placement spending",
        }[item["driver"]]
        share = {"lac_rate": item["amount"] / 100, "weeks": item["amount"] / 35,
                 "placement_price": item["amount"] / 100}[item["driver"]]
        on_august_cash = august * report_placement * share
        on_august = (on_august_cash if item["driver"] == "placement_price"
                     else august * report_unit * share)
        august_text = (f"On the August 2017 count, {august:.0f} children, at the report's "
                       f"£70,792 each ({money(report_placement)} of it placements): "
                       f"{money_m(on_august, 3)} saved")
        out.append(record(
            f"table1/{item['id']}/savings", "Table 1", item["row"], "Savings per annum",
            item["savings"], gross / 1e6, "£M", "method",
            f"{how} = {money_m(gross, 3)}. The five savings cells do not fit one 2017 base at "
            "their printed precision (they imply totals from about £22.2M to £22.8M); the model "
            "uses the 2017 base of the forecasts, £22.43M.", data["source"],
            [alternative(f"{august_text}.", on_august / 1e6, True)]))
        out.append(record(
            f"table1/{item['id']}/cashable", "Table 1", item["row"], "Directly cashable savings",
            item["cashable"], cashable / 1e6, "£M", "method",
            f"The placement part of that saving = {money_m(cashable, 3)}.", data["source"],
            [alternative(f"{august_text}, of which placements "
                         f"{money_m(on_august_cash, 3)}.", on_august_cash / 1e6, True)]))
    return out


def _cost_per_lac() -> list[dict[str, Any]]:
    data = published()["cost_per_lac"]
    values = defaults()
    value = costs.cost_per_lac(values)
    return [record(
        "cost-per-lac", "Annual cost of a looked-after child", "Cost per child per year", "£",
        data["value"], value, "£", "consistency",
        f"Table 10's inputs: 35 weeks x (£1,072 placement + £1,072 x 47/53 = "
        f"£{costs.non_placement_per_week(values):,.2f} non-placement) = £{value:,.2f}.",
        data["source"])]


def _table7() -> list[dict[str, Any]]:
    data = published()["table7"]
    values = report_scale()
    r = programmes.evaluate("edge-of-care", values)
    eoc = assumptions()["programme_data"]["edge_of_care"]
    children = eoc["cin_children"] + eoc["cpp_children"]
    eligible = children * eoc["eligible_share"] / 100
    src = data["source"]
    t = "Table 7 (edge of care)"
    unit_cost = costs.cost_per_lac(values)
    report_unit = _report_unit_cost()
    gross_r = r["children_prevented"] * report_unit
    net_r = gross_r - r["cost"]
    cashable_r = net_r * costs.placement_share(values)
    rounded = "with the report's rounded £70,792"

    def cell(key: str, column: str, model: float, unit: str, kind: str, why: str,
             alts: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
        return record(f"table7/{key}", t, "Edge-of-care service", column, data[column_key[key]],
                      model, unit, kind, why, src, alts)

    column_key = {"eligible": "eligible_families", "cost-per-case": "cost_per_case",
                  "total-cost": "total_cost", "lac-prevented": "lac_prevented",
                  "gross": "gross_savings", "net": "net_savings",
                  "cashable-net": "cashable_net_savings",
                  "break-even-children": "break_even_children",
                  "break-even-rate": "break_even_success_rate"}
    return [
        cell("eligible", "No of eligible families", eligible, "families", "arithmetic",
             f"10% of ({eoc['cin_children']:,} CiN + {eoc['cpp_children']} CPP = {children:,}) "
             f"= {eligible}."),
        cell("cost-per-case", "Cost per case", values["edge_of_care_cost_per_case"], "£",
             "calibrated", "Input: the model takes the MST cost per case as given."),
        cell("total-cost", "Total cost of service", r["cost"], "£", "arithmetic",
             f"135.5 x £2,285 = £{r['cost']:,.1f}."),
        cell("lac-prevented", "Number of LAC prevented", r["children_prevented"], "children",
             "arithmetic", f"135.5 x 16% = {r['children_prevented']:.2f}."),
        cell("gross", "Gross savings", r["gross_savings"], "£", "arithmetic",
             f"{r['children_prevented']:.2f} x £{unit_cost:,.2f} = {money(r['gross_savings'])}.",
             [alternative(f"{r['children_prevented']:.2f} x £70,792 (the report's rounded "
                          f"annual cost of a child) = £{gross_r:,.2f}.", gross_r, True)]),
        cell("net", "Net savings", r["net_savings"], "£", "arithmetic",
             f"{money(r['gross_savings'])} - {money(r['cost'])} = {money(r['net_savings'])}.",
             [alternative(f"The same {rounded}: £{gross_r:,.2f} - £{r['cost']:,.1f} = "
                          f"£{net_r:,.2f}.", net_r, True)]),
        cell("cashable-net", "Cashable net savings", r["cashable_net_savings"], "£",
             "arithmetic",
             f"The report's method: net saving x the 53% placement share = "
             f"{money(r['cashable_net_savings'])}. (Placement savings less the whole programme "
             f"cost would be {money(r['placement_savings_less_cost'])}.)",
             [alternative(f"The same {rounded}: 53% x £{net_r:,.2f} = £{cashable_r:,.2f}.",
                          cashable_r, True)]),
        cell("break-even-children", "Children to prevent to break even",
             r["break_even_children"], "children", "arithmetic",
             f"{money(r['cost'])} / £{unit_cost:,.2f} = {r['break_even_children']:.2f}."),
        cell("break-even-rate", "Success rate to break even", r["break_even_rate"], "%",
             "arithmetic",
             f"{r['break_even_children']:.3f} / 135.5 = {r['break_even_rate']:.2f}%."),
    ]


def _pause() -> list[dict[str, Any]]:
    data = published()["pause"]
    src = data["source"]
    t = "Pause (repeated care proceedings)"
    p = report_scale()
    women = float(p["pause_women"])
    low = dict(p, pause_births_prevented_per_woman=0.17)
    high = dict(p, pause_births_prevented_per_woman=0.29)
    r_low = programmes.evaluate("pause", low)
    r_high = programmes.evaluate("pause", high)
    unit_cost = costs.cost_per_lac(p)
    report_unit = _report_unit_cost()
    share = costs.placement_share(p)
    births_low, births_high = (printed(x).value for x in data["births_prevented"])
    printed_low, printed_high = (printed(x).value for x in data["savings"])
    slip_source = births_low * report_unit
    implied_unit = printed_low / births_low
    high_r = births_high * report_unit
    return [
        record("pause/cost", t, "15 women", "Cost over 18 months", data["cost_18_months"],
               r_low["cost"], "£", "arithmetic",
               f"{women:.0f} x £20,202 = {money(r_low['cost'])}.", src),
        record("pause/births-low", t, "15 women", "Pregnancies prevented (low)",
               data["births_prevented"][0], r_low["children_prevented"], "births",
               "calibrated", "Input: 0.17 per woman was derived from this figure (2.55 / 15).",
               src),
        record("pause/births-high", t, "15 women", "Pregnancies prevented (high)",
               data["births_prevented"][1], r_high["children_prevented"], "births",
               "calibrated", "Input: 0.29 per woman was derived from this figure (4.35 / 15).",
               src),
        record(
            "pause/savings-low", t, "15 women", "Savings per year (low)", data["savings"][0],
            r_low["gross_savings"], "£", "arithmetic",
            f"{r_low['children_prevented']:.2f} x £{unit_cost:,.2f} = "
            f"{money(r_low['gross_savings'])}, as the upper figure is worked out (4.35 x "
            "£70,792 = £307,945). The report gives nothing that yields £128,520 by that method.",
            src,
            [alternative(
                f"A copying slip: 2.55 x £70,792 = {money(slip_source)}; the printed figure is "
                f"exactly {money(slip_source - printed_low)} less and shares its last three "
                f"digits ({money(slip_source)} - £52,000 = {money(slip_source - 52_000)}).",
                slip_source - 52_000, False),
             alternative(
                f"A different cost of a child: 2.55 x £{implied_unit:,.0f} = "
                f"{money(births_low * implied_unit)} exactly; but the report gives no "
                f"£{implied_unit:,.0f} anywhere (it might be a lower cost for a baby in care).",
                births_low * implied_unit, False)]),
        record(
            "pause/savings-high", t, "15 women", "Savings per year (high)", data["savings"][1],
            r_high["gross_savings"], "£", "arithmetic",
            f"{r_high['children_prevented']:.2f} x £{unit_cost:,.2f} = "
            f"{money(r_high['gross_savings'])}. These are gross: the report does not take off "
            f"the programme's cost ({money(r_high['cost'])} a year once a new group starts each "
            f"year), which would leave {money(r_high['net_savings'])}.", src,
            [alternative(f"4.35 x £70,792 (the report's rounded annual cost of a child) = "
                         f"£{high_r:,.2f}.", high_r, True)]),
        record(
            "pause/cashable-low", t, "15 women", "Directly cashable (low)", data["cashable"][0],
            r_low["cashable_gross_savings"], "£", "arithmetic",
            f"53% x {money(r_low['gross_savings'])} = {money(r_low['cashable_gross_savings'])}.",
            src,
            [alternative(f"53% of the printed low saving: 53% x {money(printed_low)} = "
                         f"£{printed_low * share:,.2f}. It carries whatever produced £128,520.",
                         printed_low * share, True)]),
        record(
            "pause/cashable-high", t, "15 women", "Directly cashable (high)", data["cashable"][1],
            r_high["cashable_gross_savings"], "£", "arithmetic",
            f"53% x {money(r_high['gross_savings'])} = "
            f"{money(r_high['cashable_gross_savings'])}.", src,
            [alternative(f"53% of the printed high saving: 53% x {money(printed_high)} = "
                         f"£{printed_high * share:,.2f}.", printed_high * share, True)]),
    ]


def _parenting() -> list[dict[str, Any]]:
    data = published()["parenting"]
    src = data["source"]
    t = "Table 5 (parenting programmes)"
    pdata = assumptions()["programme_data"]["parenting"]
    values = report_scale()
    r = programmes.evaluate("parenting", values)
    unit = values["parenting_cost_per_place"]
    demand = pdata["sfsc_referrals"] + pdata["mellow_mums_referrals"] + pdata["mellow_mums_waiting"]
    current = float(pdata["current_places"])
    one_in = values["parenting_places"] / r["break_even_children"]
    exact_unit = printed(data["current_cost"]).value / printed(data["current_capacity"]).value
    extra = values["parenting_places"]
    share = r["break_even_children"] / values["parenting_places"]
    whole_percent = round(share * 100)
    return [
        record("table5/current-capacity", t, "Capacity", "Current service",
               data["current_capacity"], current, "places", "calibrated",
               "Input: the current capacity is taken as given (the programmes' own figures, "
               "128 + 18, add to 146).", src),
        record("table5/recommended-capacity", t, "Capacity", "Recommended service",
               data["recommended_capacity"], float(demand), "places", "consistency",
               f"Current demand, §2.2.2: {pdata['sfsc_referrals']} SFSC referrals + "
               f"{pdata['mellow_mums_referrals']} Mellow Mums referrals + "
               f"{pdata['mellow_mums_waiting']} on its waiting list = {demand}.", src),
        record("table5/extra-capacity", t, "Capacity", "Difference", data["extra_capacity"],
               demand - current, "places", "arithmetic",
               f"{demand} - {current:.0f} = {demand - current:.0f}.", src),
        record("table5/current-cost", t, "Cost", "Current service", data["current_cost"],
               current * unit, "£", "calibrated",
               f"Input: the cost per place (£260,000 / 148 = £{unit:,.2f}) comes from this cell.",
               src),
        record("table5/recommended-cost", t, "Cost", "Recommended service",
               data["recommended_cost"], demand * unit, "£", "arithmetic",
               f"{demand} x £{unit:,.2f} (the model's cost per place, to the penny) = "
               f"£{demand * unit:,.2f}.", src,
               [alternative(f"{demand} x £260,000 / 148 (the cost per place unrounded) = "
                            f"£{demand * exact_unit:,.2f}.", demand * exact_unit, True)]),
        record("table5/extra-cost", t, "Cost", "Difference", data["extra_cost"], r["cost"],
               "£", "arithmetic", f"135 x £{unit:,.2f} = £{r['cost']:,.2f}.", src,
               [alternative(f"135 x £260,000 / 148 = £{extra * exact_unit:,.2f} (or the "
                            f"printed £497,162 - £260,000).", extra * exact_unit, True)]),
        record("parenting/break-even-children", t, "Break-even (text)",
               "Extra children to prevent to be cost-neutral", data["break_even_children"],
               r["break_even_children"], "children", "arithmetic",
               f"{money(r['cost'])} / £70,792.45 = {r['break_even_children']:.3f}, which rounds "
               f"to the printed 3.4.", src),
        record("parenting/break-even-one-in", t, "Break-even (text)",
               "Cost-neutral if one child is kept out of care for 1 in N families",
               data["break_even_one_in"], one_in, "families", "arithmetic",
               f"135 extra families / {r['break_even_children']:.2f} children = 1 in "
               f"{one_in:.1f}, not 1 in 50. At 1 in 50 the programme would keep 135 / 50 = 2.7 "
               f"children out of care, saving {money(2.7 * costs.cost_per_lac(values))}, less "
               f"than its {money(r['cost'])} cost.", src,
               [alternative(f"The break-even share, {share:.2%}, rounded to a whole "
                            f"{whole_percent}% before being turned into '1 in N': 1 / "
                            f"{whole_percent}% = {100 / whole_percent:.0f}.",
                            100 / whole_percent, False)]),
    ]


def unrounded_cost_per_incident() -> tuple[float, float]:
    """The range of costs per incident that reproduces every money cell of Table 6 at once
    (each gross saving is incidents x cost, printed to the pound); the report prints £1,183."""
    table = published()["table6"]
    incidents = {"steps": 144.0, "perpetrators": 19.2, "total": 163.2}
    low, high = -math.inf, math.inf
    for key, count in incidents.items():
        gross = printed(table[key]["gross"])
        low = max(low, (gross.value - gross.half_step) / count)
        high = min(high, (gross.value + gross.half_step) / count)
    return low, high


def _table6() -> list[dict[str, Any]]:
    data = published()["table6"]
    src = data["source"]
    t = "Table 6 (domestic violence)"
    values = report_scale()
    v = programmes.evaluate("dv-victims", values)
    p = programmes.evaluate("dv-perpetrators", values)
    dv = assumptions()["programme_data"]["dv"]
    per = values["dv_social_care_cost_per_incident"]
    low, high = unrounded_cost_per_incident()
    unrounded = (low + high) / 2
    behind = (f"with the unrounded cost per incident behind the printed £1,183: any figure from "
              f"£{low:,.4f} to £{high:,.4f} (the only range that gives all three gross savings "
              f"of the table to the pound)")
    out = []

    def add(key: str, row: str, column: str, text: str, model: float, unit: str, kind: str,
            why: str, alts: Iterable[dict[str, Any]] = ()) -> None:
        out.append(record(f"table6/{key}", t, row, column, text, model, unit, kind, why, src,
                          alts))

    for label, key, res, current, cost_name in (
        ("STEPS", "steps", v, dv["victim_current_places"], "dv_victim_cost_per_place"),
        ("DV perpetrators", "perpetrators", p, dv["perpetrator_current_places"],
         "dv_perpetrator_cost_per_place"),
    ):
        row = data[key]
        incidents = res["incidents_averted"]
        gross_u = incidents * unrounded
        add(f"{key}/current", label, "Current capacity", row["current"], float(current),
            "places", "calibrated", "Input: taken as given.")
        add(f"{key}/recommended", label, "Recommended capacity", row["recommended"],
            current + res["capacity"], "places", "calibrated",
            f"Input: {current} + {res['capacity']:.0f} extra places.")
        if key == "steps":
            add(f"{key}/incidents", label, "Incidents of DV averted", row["incidents"],
                incidents, "incidents", "calibrated",
                "Input: 2.4 incidents per extra place was derived from this cell (144 / 60).")
        else:
            add(f"{key}/incidents", label, "Incidents of DV averted", row["incidents"],
                incidents, "incidents", "consistency",
                f"10 x 1.92 = {incidents:.1f}, which rounds to the printed 19; the unrounded "
                f"figure shows in the gross saving (£22,707 / £1,183 = 19.19) and the total "
                f"(144 + 19.2 = 163.2, printed 163).")
        add(f"{key}/extra-cost", label, "Additional cost", row["extra_cost"], res["cost"],
            "£", "calibrated",
            f"Input: £{values[cost_name]:,.0f} per place was derived from this cell.")
        kind = "arithmetic" if key == "steps" else "calibrated"
        note = "" if key == "steps" else (
            " Calibrated: 1.92 incidents per place was derived from this cell (£22,707 / "
            "£1,183 = 19.19, taken as 19.2 to agree with the total of 163).")
        add(f"{key}/gross", label, "Estimated gross savings to social care", row["gross"],
            res["gross_savings"], "£", kind,
            f"{incidents:.1f} x £1,183 = {money(res['gross_savings'])}.{note}",
            [alternative(f"{incidents:.1f} x £{unrounded:,.4f} = £{gross_u:,.2f}, {behind}.",
                         gross_u, True)])
        add(f"{key}/net", label, "Net savings to social care", row["net"], res["net_savings"],
            "£", "arithmetic",
            f"{money(res['gross_savings'])} - {money(res['cost'])} = {money(res['net_savings'])}.",
            [alternative(f"The same with the unrounded cost per incident: £{gross_u:,.2f} - "
                         f"{money(res['cost'])} = £{gross_u - res['cost']:,.2f}.",
                         gross_u - res["cost"], True)])

    total = data["total"]
    incidents = v["incidents_averted"] + p["incidents_averted"]
    gross = math.fsum((v["gross_savings"], p["gross_savings"]))
    gross_u = incidents * unrounded
    cost = v["cost"] + p["cost"]
    net = gross - cost
    health = math.fsum((v["health_savings"], p["health_savings"]))
    add("total/current", "Total", "Current capacity", total["current"],
        float(dv["victim_current_places"] + dv["perpetrator_current_places"]), "places",
        "arithmetic", "75 + 10.")
    add("total/recommended", "Total", "Recommended capacity", total["recommended"],
        float(dv["victim_current_places"] + dv["perpetrator_current_places"])
        + v["capacity"] + p["capacity"], "places", "arithmetic", "135 + 20.")
    add("total/incidents", "Total", "Incidents of DV averted", total["incidents"], incidents,
        "incidents", "arithmetic", f"144 + 19.2 = {incidents:.1f}.")
    add("total/extra-cost", "Total", "Additional cost", total["extra_cost"], cost, "£",
        "arithmetic", f"£37,080 + £30,000 = {money(cost)}.")
    add("total/gross", "Total", "Estimated gross savings to social care", total["gross"],
        gross, "£", "arithmetic", f"{incidents:.1f} x £{per:,.0f} = {money(gross)}.",
        [alternative(f"{incidents:.1f} x £{unrounded:,.4f} = £{gross_u:,.2f}, {behind}.",
                     gross_u, True)])
    add("total/net", "Total", "Net savings to social care", total["net"], net, "£",
        "arithmetic", f"{money(gross)} - {money(cost)} = {money(net)}.",
        [alternative(f"The same with the unrounded cost per incident: £{gross_u:,.2f} - "
                     f"{money(cost)} = £{gross_u - cost:,.2f}.", gross_u - cost, True)])
    add("total/health", "Total (text)", "Further savings to the NHS", total["health_savings"],
        health / 1e6, "£M", "arithmetic",
        f"{incidents:.1f} x £7,230 = {money_m(health, 3)} ('a further £1.2M', §2.3.1).")
    return out


def _text() -> list[dict[str, Any]]:
    data = published()["text"]
    src = data["source"]
    values = defaults()
    pop_only = forecast.run("population-growth-only", values)
    rising = forecast.run("rising-lac", values)
    base = pop_only[0]
    rate = (assumptions()["history"]["lac"][-1]) / population.base_population() * 10_000
    non_uasc_growth = (pop_only[10]["lac"] - base["uasc"]) / (base["lac"] - base["uasc"]) - 1
    cost_growth = pop_only[10]["total_cost"] / base["total_cost"] - 1
    rising_growth = rising[10]["lac"] / rising[0]["lac"] - 1
    t = "Figures in the text"
    return [
        record("text/rate-2017", t, "Rate of looked-after children, March 2017 (§1.1.1)",
               "per 10,000 children", data["rate_2017_per_10000"], rate, "per 10,000",
               "consistency",
               f"345 / {population.base_population():,.0f} x 10,000 = {rate:.1f}: the "
               "calibrated 2017 population agrees with the report's rate.", src),
        record("text/pop-only-lac-growth", t, "Population growth only: growth in LAC "
               "2017-2027 (§1.3.2)", "%", data["pop_only_lac_growth_10y_percent"],
               non_uasc_growth * 100, "%", "consistency",
               f"Non-UASC children in care grow with the population: "
               f"{pop_only[10]['child_population']:,.0f} / {base['child_population']:,.0f} - 1 "
               f"= {non_uasc_growth:.1%}. (All children in care, with UASC constant, grow "
               f"{pop_only[10]['lac'] / base['lac'] - 1:.1%}.) The 2027 population was "
               "calibrated on this scenario's 10-year cost.", src),
        record("text/pop-only-cost-growth", t, "Population growth only: growth in LAC costs "
               "2017-2027 (§1.3.2)", "%", data["pop_only_cost_growth_10y_percent"],
               cost_growth * 100, "%", "consistency",
               f"{money_m(pop_only[10]['total_cost'])} / {money_m(base['total_cost'])} - 1 = "
               f"{cost_growth:.1%}, from the calibrated 10-year cost.", src),
        record("text/rising-lac-growth", t, "Rising CLA: increase in activity over 10 years "
               "(§1.3.3)", "%", data["rising_lac_growth_10y_percent"], rising_growth * 100, "%",
               "consistency",
               f"{rising[10]['lac']:.1f} / {rising[0]['lac']:.1f} - 1 = {rising_growth:.1%} (the "
               f"same children as the calibrated Rising CLA row).", src),
        record("text/rising-lac-2027", t, "Rising CLA: children in care by 2027, '~400' (§3.1)",
               "children", data["rising_lac_2027"], rising[10]["lac"], "children",
               "consistency", f"{rising[10]['lac']:.1f} children in 2027 (the same path).", src),
    ]


SECTIONS: tuple[Callable[[], list[dict[str, Any]]], ...] = (
    _cost_of_doing_nothing,
    _table1,
    _cost_per_lac,
    _table7,
    _pause,
    _parenting,
    _table6,
    _text,
)


@cache
def _all() -> tuple[dict[str, Any], ...]:
    return tuple(item for section in SECTIONS for item in section())


def comparisons() -> list[dict[str, Any]]:
    """Every published figure beside the model's value (fresh copies; safe to modify)."""
    return [dict(item) for item in _all()]


def summary() -> dict[str, Any]:
    """Counts for the reproduction page's opening: cells per kind, and verdicts per kind."""
    items = _all()
    by_kind = {kind: [i for i in items if i["kind"] == kind] for kind in KIND_ORDER}
    return {
        "cells": len(items),
        "kinds": {kind: len(cells) for kind, cells in by_kind.items()},
        "verdicts": {kind: {verdict: sum(1 for i in cells if i["verdict"] == verdict)
                            for verdict in VERDICTS} for kind, cells in by_kind.items()},
        "exact": sum(1 for i in items if i["verdict"] == "exact"),
        "explained": sum(1 for i in items if i["verdict"] == "explained"),
        "differs": [i["id"] for i in items if i["verdict"] == "differs"],
        "several_exact_explanations": [i["id"] for i in items
                                       if len(i["exact_explanations"]) > 1],
    }


def trend_summary() -> dict[str, Any]:
    """The reconstructed 2011-2017 rates and the fitted trend, for the method page."""
    a, b = rates.trend()
    return {
        "historical_rates": {str(y): r for y, r in rates.historical_rates().items()},
        "a": a,
        "b": b,
        "knots": {
            str(y): rates.trend_value(y) for y in assumptions()["rates"]["rising"]["knot_years"]
        },
    }

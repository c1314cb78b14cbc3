"""Programme costings follow the report's arithmetic (§2.2.4, §2.3.1, §2.3.3, §2.4.2)."""

import math

from model.costs import cost_per_lac, driver_savings
from model.parameters import defaults, report_scale
from model.programmes import PROGRAMME_IDS, annual_effects, base_lac, evaluate, evaluate_all

UNIT = 35 * 1072 / 0.53


def test_cost_per_looked_after_child():
    assert math.isclose(cost_per_lac(defaults()), UNIT)
    assert round(UNIT) == 70792


def test_edge_of_care_table7():
    r = evaluate("edge-of-care", report_scale())
    assert r["cost"] == 135.5 * 2285
    assert math.isclose(r["children_prevented"], 21.68)
    assert math.isclose(r["gross_savings"], 21.68 * UNIT)
    assert math.isclose(r["net_savings"], 21.68 * UNIT - 135.5 * 2285)
    assert math.isclose(r["cashable_net_savings"], r["net_savings"] * 0.53)
    assert math.isclose(r["placement_savings_less_cost"], 21.68 * 35 * 1072 - 135.5 * 2285)
    assert round(r["break_even_children"], 1) == 4.4
    assert round(r["break_even_rate"], 1) == 3.2
    assert math.isclose(r["roi"], r["net_savings"] / r["cost"])


def test_pause_range():
    low = evaluate("pause", dict(report_scale(), pause_births_prevented_per_woman=0.17))
    high = evaluate("pause", dict(report_scale(), pause_births_prevented_per_woman=0.29))
    assert low["cost"] == 303_030
    assert math.isclose(low["children_prevented"], 2.55)
    assert math.isclose(high["children_prevented"], 4.35)
    assert round(high["gross_savings"]) == 307_947  # report: 4.35 x 70,792 = 307,945
    assert round(high["cashable_gross_savings"]) == 163_212


def test_parenting_break_even():
    r = evaluate("parenting", report_scale())
    assert round(r["cost"]) == 237_163
    assert round(r["break_even_children"], 2) == 3.35
    assert 2.4 < r["break_even_rate"] < 2.5


def test_domestic_violence_table6():
    v = evaluate("dv-victims", report_scale())
    p = evaluate("dv-perpetrators", report_scale())
    assert v["incidents_averted"] == 144 and v["cost"] == 37_080
    assert v["gross_savings"] == 144 * 1183 and v["net_savings"] == 144 * 1183 - 37_080
    assert math.isclose(p["incidents_averted"], 19.2) and p["cost"] == 30_000
    assert p["net_savings"] < 0
    assert v["cashable_net_savings"] == 0 and v["children_prevented"] == 0
    assert math.isclose(v["health_savings"] + p["health_savings"], 163.2 * 7230)


def test_table1_drivers_on_the_2017_base():
    values = defaults()
    lac = base_lac(values)
    gross, cashable = driver_savings(values, lac, "weeks", 1)
    assert math.isclose(gross, lac * UNIT / 35)
    assert math.isclose(cashable, lac * 1072)
    gross, cashable = driver_savings(values, lac, "placement_price", 5)
    assert gross == cashable
    gross, cashable = driver_savings(values, lac, "lac_rate", 10)
    assert math.isclose(gross, 0.1 * lac * UNIT)


def test_zero_capacity_costs_and_saves_nothing():
    for pid, r in evaluate_all(defaults()).items():
        assert r["cost"] == 0 and r["gross_savings"] == 0, pid
        assert r["roi"] is None, pid
    assert annual_effects(defaults()) == (0.0, 0.0, 0.0)


def test_every_programme_has_the_required_fields():
    for pid in PROGRAMME_IDS:
        r = evaluate(pid, report_scale())
        for key in ("capacity", "cost", "children_prevented", "gross_savings",
                    "cashable_gross_savings", "net_savings", "cashable_net_savings",
                    "break_even_children", "roi", "note"):
            assert key in r, (pid, key)
        assert math.isclose(r["net_savings"], r["gross_savings"] - r["cost"])


def test_unknown_programme():
    try:
        evaluate("nope", defaults())
    except KeyError as exc:
        assert "edge-of-care" in str(exc)
    else:
        raise AssertionError("expected KeyError")

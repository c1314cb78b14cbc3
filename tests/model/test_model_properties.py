"""Property tests (Hypothesis), so the Pyodide runner skips this module."""

import itertools
import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from model import api
from model.forecast import run
from model.parameters import (
    LEVERS as PROGRAMMES,
)
from model.parameters import (
    PRESET_IDS,
    aliases,
    choices,
    defaults,
    do_nothing,
    only,
    registry,
)
from model.parameters import presets as preset_table
from model.validation import check_value

PARAMS = registry()
PROGRAMME_CAPACITIES = ("edge_of_care_families", "pause_women", "parenting_places",
                        "dv_victim_places", "dv_perpetrator_places")
LEVERS = (*PROGRAMME_CAPACITIES, "reunification_weeks_reduction", "placement_cost_reduction",
          "reunification_cost", "placement_programme_cost")


def value_of(name):
    p = PARAMS[name]
    if p.step >= 1 and float(p.min).is_integer():
        return st.integers(int(p.min), int(p.max)).map(float)
    return st.floats(p.min, p.max, allow_nan=False, allow_infinity=False)


@st.composite
def settings_(draw, names=tuple(PARAMS)):
    values = defaults()
    for name in names:
        if draw(st.booleans()):
            values[name] = draw(value_of(name))
    return values


@st.composite
def scenarios(draw):
    """A preset with any of its choices changed (a preset is only a set of defaults)."""
    preset = preset_table()[draw(st.sampled_from(PRESET_IDS))]
    chosen = {name: draw(st.sampled_from(c.values)) for name, c in choices().items()
              if draw(st.booleans())}
    return preset.with_choices(chosen)


presets = scenarios()
OPTION_VALUES = sorted({v for c in choices().values() for v in c.values})
COSTS = ("placement_cost", "non_placement_cost", "total_cost", "programme_cost")


@settings(max_examples=200, deadline=None)
@given(presets, settings_(), st.sampled_from(("non_uasc_rate", "uasc")), st.floats(0, 50))
def test_more_looked_after_children_never_cost_less(preset, values, name, extra):
    if preset.start_from == "observed" and name == "uasc":
        # A later count pins the total: more UASC then means fewer other children, who are the
        # ones that grow with the population. More children counted is the test instead.
        name = "observed_lac"
    more = dict(values)
    more[name] = min(values[name] + extra, PARAMS[name].max)
    for a, b in zip(run(preset, values), run(preset, more), strict=True):
        assert b["lac"] >= a["lac"] - 1e-9
        assert b["total_cost"] >= a["total_cost"] - 1e-6 * max(1.0, a["total_cost"])


@settings(max_examples=200, deadline=None)
@given(presets, settings_())
def test_zero_programme_capacity_equals_the_baseline(preset, values):
    off = dict(values)
    for name in LEVERS:
        off[name] = 0.0
    assert run(preset, off) == run(preset, do_nothing(values))


@settings(max_examples=300, deadline=None)
@given(presets, settings_())
def test_costs_are_never_negative(preset, values):
    for row in run(preset, values):
        for field in COSTS:
            assert row[field] >= 0, (field, row)
            assert math.isfinite(row[field])
        assert row["lac"] >= 0 and row["weeks_of_care"] >= 0


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(PARAMS)), st.one_of(st.text(max_size=12), st.floats(),
                                                st.integers(), st.none(), st.booleans()))
def test_validation_never_raises_and_accepts_only_in_range_numbers(name, raw):
    value, refusal = check_value(name, raw)
    assert (value is None) != (refusal is None)
    if value is not None:
        assert PARAMS[name].min <= value <= PARAMS[name].max


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(PRESET_IDS),
       st.dictionaries(st.sampled_from([*PARAMS, *choices(), *aliases(), "bogus"]),
                       st.one_of(st.text(max_size=8), st.floats(), st.integers(),
                                 st.sampled_from(OPTION_VALUES)),
                       max_size=6))
def test_compute_never_raises(preset, overrides):
    import json

    response = api.compute({"scenario": preset, "overrides": overrides})
    json.dumps(response, allow_nan=False)
    assert len(response["rows"]) >= 11


# ------------------------------------------------------------------------------ issue 8
# Every preset with every combination of its choices (4 x 2 x 3 x 2 x 2 = 96 scenarios).
ALL_SCENARIOS = [
    preset_table()[pid].with_choices(dict(zip(choices(), combo, strict=True)))
    for pid in PRESET_IDS
    for combo in itertools.product(*(c.values for c in choices().values()))
]
every_scenario = st.sampled_from(ALL_SCENARIOS)


def test_the_scenarios_cover_every_preset_and_choice_combination():
    assert len(ALL_SCENARIOS) == 96
    assert len({(s.id, *s.choices().values()) for s in ALL_SCENARIOS}) == 96


@settings(max_examples=250, deadline=None)
@given(every_scenario, settings_(), st.sampled_from(list(PROGRAMMES)))
def test_programme_savings_equal_the_forecast_difference(scenario, values, programme):
    from model import economics

    result = economics.evaluate(scenario, values, programme)
    without = run(scenario, do_nothing(values))
    with_ = run(scenario, only(values, programme))
    skip = len(without) - len(result["years"])
    assert result["cash"]["net_savings"] == [
        a["net_cost"] - b["net_cost"] for a, b in zip(without[skip:], with_[skip:], strict=True)]
    json.dumps(result, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(every_scenario, settings_())
def test_net_cost_is_never_negative(scenario, values):
    for row in run(scenario, values):
        assert row["net_cost"] >= 0, row
        assert row["other_savings"] <= row["total_cost"]


@settings(max_examples=300, deadline=None)
@given(every_scenario, settings_())
def test_no_asylum_seeking_child_is_ever_kept_out_of_care(scenario, values):
    for row in run(scenario, values):
        assert row["lac"] >= row["uasc"] - 1e-9 * max(1.0, row["lac"]), row
        non_uasc = row["lac"] + row["lac_prevented"] - row["uasc"]
        assert row["lac_prevented"] <= non_uasc + 1e-9 * max(1.0, non_uasc)


@settings(max_examples=150, deadline=None)
@given(every_scenario, settings_(), st.integers(0, 2**31 - 1))
def test_the_band_has_no_width_at_the_start_and_holds_the_central_line(scenario, values, seed):
    from model import uncertainty

    band = uncertainty.band(scenario, values, 40, seed)
    rows = run(scenario, values)
    start = band["years"].index(band["start_year"])
    for field in ("lac", "total_cost", "net_cost"):
        low, high = band[f"{field}_low"], band[f"{field}_high"]
        for i, row in enumerate(rows):
            if i <= start:
                assert low[i] == high[i] == row[field], (field, i)
            assert low[i] <= row[field] <= high[i], (field, i, low[i], row[field], high[i])


# A hostile request: huge integers, bytes, objects, NaN, nested lists, non-mapping overrides,
# misspelt keys. Counted, so a run can report how many it tried.
FUZZED = {"requests": 0}


class _Opaque:
    def __repr__(self):
        raise RuntimeError("no repr")


atoms = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(10**300, 10**400),
    st.integers(-(10**400), -(10**300)), st.floats(), st.text(), st.binary(),
    st.builds(object), st.builds(_Opaque),
    st.sampled_from([float("nan"), float("inf"), 2**53 + 1, "1e999", "NaN", "<b>x</b>"]),
)
hostile = st.recursive(atoms, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.tuples(inner, inner),
    st.dictionaries(st.one_of(st.text(max_size=6), st.integers(), st.binary(max_size=3)), inner,
                    max_size=3)), max_leaves=8)
setting_names = st.one_of(st.sampled_from([*PARAMS, *choices(), *aliases()]),
                          st.sampled_from(["uasc_", "cost_per_weak", "Rate_Path", "end year"]),
                          st.text(max_size=12), st.integers(), st.none())
overrides_ = st.one_of(hostile, st.dictionaries(setting_names, st.one_of(
    hostile, st.sampled_from(OPTION_VALUES), st.floats(0, 3000).map(str)), max_size=8))
request_keys = st.one_of(
    st.sampled_from(["override", "Overrides", "scenarios", "sample", "seeds", "uncertain", ""]),
    st.text(max_size=10), st.integers())
hostile_requests = st.one_of(
    hostile,
    st.builds(lambda known, extra: {**extra, **known},
              st.fixed_dictionaries({}, optional={
                  "scenario": st.one_of(st.sampled_from(PRESET_IDS), hostile),
                  "overrides": overrides_,
                  "uncertainty": st.one_of(st.booleans(), hostile),
                  "samples": st.one_of(st.integers(10, 60), hostile),
                  "seed": hostile}),
              st.dictionaries(request_keys, hostile, max_size=2)),
)


@settings(max_examples=600, deadline=None)
@given(hostile_requests)
def test_the_api_answers_every_hostile_request_in_strict_json(request):
    FUZZED["requests"] += 1
    response = api.compute(request)  # any exception fails the test
    text = json.dumps(response, allow_nan=False)  # so does anything that is not strict JSON
    assert json.loads(text)["rows"]

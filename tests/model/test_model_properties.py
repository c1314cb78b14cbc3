"""Property tests (Hypothesis), so the Pyodide runner skips this module."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from model import api
from model.forecast import run
from model.parameters import PRESET_IDS, aliases, choices, defaults, do_nothing, registry
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

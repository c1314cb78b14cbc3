"""Validation refuses bad input with a message naming the parameter and its range."""

import math

from model.parameters import defaults
from model.validation import check_value, format_number, parse_number, validate


def test_message_format_matches_the_contract():
    value, refusal = check_value("cost_per_week", "abc")
    assert value is None and refusal is not None
    assert refusal.message == "cost_per_week must be a number between 500 and 5,000 (got 'abc')"


def test_numbers_and_numeric_strings_are_accepted():
    assert check_value("non_uasc_rate", "75") == (75.0, None)
    assert check_value("non_uasc_rate", " 75.5 ") == (75.5, None)
    assert check_value("non_uasc_rate", 70) == (70.0, None)
    assert check_value("cost_per_week", "1.1e3") == (1100.0, None)


def test_non_numbers_nan_inf_and_bools_are_refused():
    for raw in ("", "abc", "nan", "NaN", "inf", "-inf", "1e400", "1_000", "£1,072", "1,072",
                "0x10", None, True, [], {}, float("nan"), float("inf")):
        value, refusal = check_value("cost_per_week", raw)
        assert value is None and refusal is not None, raw
        assert "cost_per_week must be a number between 500 and 5,000" in refusal.message


def test_out_of_range_is_refused():
    _, refusal = check_value("uasc", -1)
    assert refusal is not None and "between 0 and 200" in refusal.message
    _, refusal = check_value("non_placement_share", "95")
    assert refusal is not None and "(got '95')" in refusal.message


def test_unknown_names_are_refused_with_a_suggestion():
    _, refusal = check_value("cost_per_weak", 3)
    assert refusal is not None
    assert refusal.message == "cost_per_weak is not a model parameter (did you mean cost_per_week?)"
    _, refusal = check_value("zzz", 3)
    assert refusal is not None and refusal.message == "zzz is not a model parameter"


def test_validate_keeps_good_values_and_reports_every_bad_one():
    values, refused = validate({"non_uasc_rate": "75", "uasc": "x", "cost_per_week": 99999,
                                "bogus": 1})
    assert values["non_uasc_rate"] == 75
    assert values["uasc"] == defaults()["uasc"]
    assert values["cost_per_week"] == defaults()["cost_per_week"]
    assert [r.parameter for r in refused] == ["uasc", "cost_per_week", "bogus"]


def test_validate_refuses_a_non_mapping():
    values, refused = validate(["a"])  # type: ignore[arg-type]
    assert values == defaults() and len(refused) == 1


def test_refusals_are_json_safe():
    import json

    _, refused = validate({"uasc": float("nan")})
    json.dumps([r.as_dict() for r in refused], allow_nan=False)


def test_parse_and_format_helpers():
    assert parse_number("2") == 2.0
    assert parse_number(float("nan")) is None
    assert math.isclose(parse_number(".5") or 0, 0.5)
    assert format_number(5000) == "5,000"
    assert format_number(0.23) == "0.23"


def test_years_must_be_whole_numbers():
    assert check_value("end_year", "2030") == (2030.0, None)
    _, refusal = check_value("end_year", "2030.5")
    assert refusal is not None
    assert refusal.message == "end_year must be a whole number between 2027 and 2037 (got '2030.5')"

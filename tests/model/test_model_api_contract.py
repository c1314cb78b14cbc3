"""The API's contract: compute never raises, always answers in strict JSON, and names every
unused part of a request in ``errors``. Plain asserts and a seeded fuzzer, so this also runs
inside Pyodide, where the explorer calls it (test_model_properties.py fuzzes it with Hypothesis
under CPython)."""

import json
import random

from model import api
from model.parameters import aliases, choices, registry

NAMES = [*registry(), *choices(), *aliases()]
MISSPELT = ["override", "Overrides", "scenarios", "sample", "seeds", "uncertainity", "",
            " scenario", "overrides ", "SCENARIO"]
MISSPELT_SETTINGS = ["uasc_", "cost_per_weak", "ratepath", "Non_UASC_rate", "end year",
                     "national_non_uasc", "edge_of_care"]


class Unprintable:
    """An object whose repr and str raise, and which equals nothing."""

    def __repr__(self) -> str:
        raise RuntimeError("no repr")

    def __str__(self) -> str:
        raise RuntimeError("no str")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("no comparison")

    __hash__ = object.__hash__


def nested(depth: int) -> list:
    out: list = []
    for _ in range(depth):
        out = [out]
    return out


ATOMS = [
    None, True, False, 0, 1, -1, 2**53 + 1, 10**400, -(10**400), 1e308, float("nan"),
    float("inf"), float("-inf"), -0.0, 5e-324, "", "75", " 75 ", "1e400", "nan", "NaN",
    "<script>alert(1)</script>", "x" * 100_000, "\x00\ud800", b"\xff\x00", bytearray(b"abc"),
    {1, 2}, frozenset(), (1, 2), complex(1, 2), Ellipsis, object(), Unprintable(), nested(5000),
    [float("nan")], {"a": float("nan")}, [[[[1]]]], range(10**9), type, print,
]


def hostile(rng: random.Random, depth: int = 0) -> object:
    """Anything at all: atoms, lists, tuples and dicts of them, with hostile keys."""
    roll = rng.random()
    if depth > 2 or roll < 0.6:
        return rng.choice([*ATOMS, rng.randint(-(10**30), 10**30), rng.uniform(-1e6, 1e6)])
    if roll < 0.8:
        return [hostile(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {key(rng): hostile(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def key(rng: random.Random) -> object:
    return rng.choice([rng.choice(NAMES), rng.choice(MISSPELT_SETTINGS), rng.choice(MISSPELT),
                       rng.randint(-5, 10**20), None, b"bytes", (1, "x"), 1.5, Unprintable(),
                       "k" * rng.randint(0, 500)])


def setting_value(rng: random.Random) -> object:
    name = rng.choice(list(registry().values()))
    return rng.choice([hostile(rng), str(rng.uniform(name.min - 10, name.max + 10)),
                       rng.uniform(name.min, name.max), rng.choice(["ons", "shma", "observed"])])


def request(rng: random.Random) -> object:
    """A request as a careless or hostile caller might send one."""
    if rng.random() < 0.1:
        return hostile(rng)
    out: dict = {}
    if rng.random() < 0.8:
        out["scenario"] = rng.choice(["rising-lac", "falling-lac", "Rising-LAC", hostile(rng)])
    if rng.random() < 0.8:
        overrides = (hostile(rng) if rng.random() < 0.2 else
                     {key(rng) if rng.random() < 0.3 else rng.choice(NAMES): setting_value(rng)
                      for _ in range(rng.randint(0, 8))})
        out["overrides"] = overrides
    for name in ("uncertainty", "samples", "seed"):
        if rng.random() < 0.3:
            out[name] = hostile(rng)
    if rng.random() < 0.3:
        out[rng.choice(MISSPELT)] = hostile(rng)
    return out


def strict_json(response: object) -> str:
    return json.dumps(response, allow_nan=False)


def fuzz(count: int, seed: int) -> dict[str, int]:
    """Send ``count`` hostile requests; count exceptions and responses that are not strict
    JSON (both must be zero)."""
    rng = random.Random(seed)
    tally = {"requests": 0, "exceptions": 0, "invalid_json": 0}
    for _ in range(count):
        tally["requests"] += 1
        try:
            response = api.compute(request(rng))
        except Exception:
            tally["exceptions"] += 1
            continue
        try:
            strict_json(response)
        except (TypeError, ValueError):
            tally["invalid_json"] += 1
    return tally


def test_hostile_requests_never_raise_and_always_answer_in_strict_json():
    tally = fuzz(300, seed=8)
    assert tally == {"requests": 300, "exceptions": 0, "invalid_json": 0}


def test_every_unused_part_of_a_request_is_named():
    r = api.compute({"scenario": "rising-lac", "override": {"uasc": 40},
                     "overrides": {"cost_per_weak": 1100, "uasc": 10**400}})
    named = {e["parameter"]: e["message"] for e in r["errors"]}
    assert named["override"].startswith("override is not part of a request")
    assert "did you mean overrides?" in named["override"]
    assert "did you mean cost_per_week?" in named["cost_per_weak"]
    assert named["uasc"].startswith("uasc must be a number between 0 and 200")
    assert r["parameters"]["uasc"] == 38  # refused, so the scenario's own


def test_overrides_that_are_not_a_mapping_are_refused_not_ignored():
    for overrides in ([], "", 0, ["uasc", 40], "uasc=40"):
        r = api.compute({"scenario": "rising-lac", "overrides": overrides})
        assert [e["parameter"] for e in r["errors"]] == ["overrides"], overrides
        assert r["errors"][0]["message"].startswith("overrides must be a mapping")
    assert api.compute({"scenario": "rising-lac", "overrides": None})["errors"] == []
    assert api.compute({"scenario": "rising-lac", "overrides": {}})["errors"] == []


def test_refused_values_are_echoed_back_as_strict_json():
    r = api.compute({"overrides": {"uasc": float("nan"), "weeks_in_care": 10**400,
                                   "cost_per_week": b"\xff", "end_year": "y" * 10_000,
                                   "non_uasc_rate": Unprintable()}})
    strict_json(r)
    echoed = {e["parameter"]: e["value"] for e in r["errors"]}
    assert echoed["uasc"] == "nan"
    assert isinstance(echoed["weeks_in_care"], str) and len(echoed["weeks_in_care"]) < 60
    assert echoed["cost_per_week"] == "b'\\xff'"
    assert len(echoed["end_year"]) == 200
    assert echoed["non_uasc_rate"] == "<Unprintable object>"


def test_a_request_that_is_not_an_object_is_refused():
    for bad in (None, [], "scenario=rising-lac", 42, b"{}", Unprintable()):
        r = api.compute(bad)
        assert r["errors"][0]["parameter"] == "request"
        assert r["scenario"]["id"] == "baseline-ons" and len(r["rows"]) == 21
        strict_json(r)

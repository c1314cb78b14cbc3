"""The model's back-test counts are the site's: every count of Thurrock's looked-after children
after August 2017 in content/indicators/points is in model/assumptions.toml, with the same value
and document (CPython only: reads content/; the model itself ships without it)."""

import csv
from pathlib import Path

import pytest

from model import backtest

POINTS = Path(__file__).resolve().parents[2] / "content" / "indicators" / "points"


@pytest.fixture(scope="module")
def site_counts() -> set[tuple[str, int, str]]:
    out = set()
    for path in sorted(POINTS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if (row["indicator"] == "lac-number" and row["area"] == "Thurrock"
                        and row["kind"] == "actual" and row["period_end"] > "2017-08-31"):
                    out.add((row["period_end"][:7], int(float(row["value"])), row["doc"]))
    return out


def test_every_later_count_on_the_site_is_in_the_back_test_and_no_other(site_counts):
    model = {(o["date"], int(o["lac"]), source["document"])
             for o in backtest.later_counts() for source in o["sources"]}
    assert site_counts == model
    # one month's count given by two papers is one count; two different counts are two
    assert [(o["date"], o["lac"], len(o["sources"])) for o in backtest.later_counts()] == [
        ("2017-09", 313, 1), ("2017-09", 311, 1), ("2017-10", 311, 1), ("2017-11", 311, 2),
        ("2022-07", 285, 1)]


def test_the_back_test_starts_after_the_base_month():
    assert all(backtest.position(o["date"]) > 0 for o in backtest.later_counts())
    assert backtest.position("2017-08") == 0
    assert abs(backtest.position("2022-07") - (5 - 1 / 12)) < 1e-12

"""The reconstructed population series hold the numbers the report states."""

import math
from itertools import pairwise

from model import population
from model.costs import cost_per_lac
from model.parameters import assumptions, defaults
from model.reproduction import published_changes


def close(a, b, rel=1e-9):
    return math.isclose(a, b, rel_tol=rel)


def test_history_runs_from_the_2011_rate_to_the_2017_calibration():
    hist = population.history()
    assert list(hist) == list(range(2011, 2018))
    assert round(210 / hist[2011] * 10_000, 1) == 55.0  # '55 per 10,000' in 2011
    assert round(345 / hist[2017] * 10_000) == 82  # '82 per 10,000' in 2017
    growth = [hist[y + 1] / hist[y] for y in range(2011, 2017)]
    assert max(growth) - min(growth) < 1e-12


def test_base_population_rederives_from_the_falling_scenario_cost():
    values = defaults()
    total = 10.54e6 / 0.47
    lac = total / cost_per_lac(values)
    derived = (lac - 38) / 66 * 10_000
    stored = assumptions()["population"]["base_2017"]["value"]
    assert round(derived) == stored


def test_shma_calibrated_points_rederive_from_the_population_growth_only_row():
    values = defaults()
    base = population.base_population()
    cells = published_changes("population-growth-only")
    stored = assumptions()["population"]["shma"]["calibrated_values"]
    for change, value in zip(cells, stored, strict=True):
        derived = base + change * 1e6 / cost_per_lac(values) / 66 * 10_000
        assert abs(derived - value) <= 0.5


def test_shma_growth_matches_the_stated_percentages():
    points = population.shma_points()
    assert close(points[2024] / points[2014], 1.19)
    assert close(points[2037] / points[2014], 1.354)
    series = population.projection("shma")
    assert len(series) == 21
    assert series[0] == population.base_population()
    assert all(b >= a for a, b in pairwise(series))


def test_ons_growth_matches_the_stated_percentages_from_2017():
    series = population.projection("ons")
    index = population.ons_index_points()
    assert series[0] == population.base_population()
    assert close(series[7] / series[0], index[2024] / (1 + 0.133 * 0.3))
    assert close(series[20] / series[0], index[2037] / (1 + 0.133 * 0.3))
    assert series[10] < population.projection("shma")[10]


def test_growth_scale():
    shma = population.projection("shma")
    flat = population.scaled("shma", 0)
    assert all(p == shma[0] for p in flat)
    half = population.scaled("shma", 50)
    assert close(half[10] - shma[0], (shma[10] - shma[0]) / 2)
    assert population.scaled("shma", 100) == shma


def test_interpolate():
    points = {2014: 10.0, 2017: 16.0}
    assert population.interpolate(points, 2015) == 12.0
    assert population.interpolate(points, 2010) == 10.0
    assert population.interpolate(points, 2020) == 16.0

"""Links mean the same to the model as to the page: one list of cases (tests/cases/links.json),
read here by model.links and checked by model.api.compute, and by the page's link.mjs in
tests/explorer/js/link.test.mjs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from model import api, links
from model.parameters import PRESET_IDS, aliases

ROOT = Path(__file__).resolve().parents[2]
CASES = json.loads((ROOT / "tests" / "cases" / "links.json").read_text(encoding="utf-8"))["cases"]


def link_text(link: str | list[Any]) -> str:
    if isinstance(link, str):
        return link
    return "".join(part if isinstance(part, str) else part[0] * part[1] for part in link)


def as_model_reads(part: links.LinkScenario, prefix: str) -> tuple[dict[str, Any], list[str], str]:
    """What the model makes of one scenario in a link: values accepted (by the setting's own
    name), names refused (as written in the link), and the scenario it computed."""
    response = api.compute(part.request(api.DEFAULT_SCENARIO))
    refused = [prefix + str(e["parameter"]) for e in response["errors"]]
    accepted = {}
    for key in part.settings:
        if prefix + key not in refused:
            name = aliases().get(key, key)
            accepted[name] = response["parameters"][name]
    return accepted, refused, response["scenario"]["id"]


@pytest.mark.parametrize("case", CASES, ids=[c["about"] or link_text(c["link"])[:40] for c in CASES])
def test_the_model_reads_each_link_as_the_page_does(case: dict[str, Any]) -> None:
    link = links.read_link(link_text(case["link"]), PRESET_IDS)
    accepted, refused, scenario = as_model_reads(link.shown, "")
    refused += [p.key for p in link.problems if p.reason != "cut"]
    if link.pinned is not None:
        pinned_accepted, pinned_refused, pinned_scenario = as_model_reads(link.pinned, "a.")
        refused += pinned_refused
        assert {"scenario": pinned_scenario, "accepted": pinned_accepted} == case["pinned"]
    else:
        assert "pinned" not in case
    assert scenario == case["scenario"]
    assert accepted == case["accepted"]
    assert sorted(refused) == sorted(case["refused"])
    assert link.page == case.get("page", {})
    assert sum(int(p.value) for p in link.problems if p.reason == "cut") == case.get("cut", 0)


def test_a_cut_link_never_changes_a_value() -> None:
    text = "scenario=rising-lac&uasc=40&" + "x" * (links.MAX_LENGTH - 35) + "=1&uasc=150"
    link = links.read_link(text, PRESET_IDS)
    assert link.shown.settings.get("uasc") == "40"  # the first uasc; the cut one is not read
    assert all(v == "1" for k, v in link.shown.settings.items() if k.startswith("x"))


def test_the_command_line_computes_a_shared_link() -> None:
    """An officer can paste a link into the command line and get the figures the page shows."""
    url = "https://example.org/explorer/#scenario=rising-lac&edge_of_care_families=200&at=x"
    done = subprocess.run([sys.executable, "-m", "model", "run", "--link", url, "--json"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    expected = api.compute({"scenario": "rising-lac", "overrides": {"edge_of_care_families": 200}})
    assert result["scenario"] == "rising-lac"
    assert result["parameters"]["edge_of_care_families"] == 200
    assert [r["lac"] for r in result["rows"]] == [r["lac"] for r in expected["rows"]]


def test_the_command_line_refuses_a_link_it_cannot_read_in_full() -> None:
    done = subprocess.run([sys.executable, "-m", "model", "run", "--link", "#uasc=oops&uasc=4"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "uasc must be a number between 0 and 200 (got 'oops')" in done.stderr
    assert "uasc is in the link more than once" in done.stderr

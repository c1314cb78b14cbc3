"""Command line for officers and scripts: ``python -m model scenarios|run|programme ...``.

Bad input stops the command with one line per refused value on stderr and exit status 2,
never a traceback, using the same validation as the browser.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from model import api, backtest, links, programmes, reproduction, uncertainty
from model.forecast import ROW_FIELDS, run
from model.parameters import PRESET_IDS, Preset, choices, presets, registry, report_scale
from model.validation import Checked, format_number, format_value, parse_number, validate_settings

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad input on the command line; the message is one line for stderr."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _parse_sets(pairs: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set needs NAME=VALUE (got {pair!r})")
        out[name.strip()] = value.strip()
    return out


def _settings(sets: Sequence[str] | dict[str, str], preset: str,
              base: dict[str, float] | None = None) -> Checked:
    """Check --set pairs (or a link's settings, taken as written) by the model's rules."""
    given = sets if isinstance(sets, dict) else _parse_sets(sets)
    checked = validate_settings(given, preset, base)
    if checked.refusals:
        raise UsageError("\n".join(r.message for r in checked.refusals))
    return checked


def _scenario(value: str) -> str:
    if value not in presets():
        raise UsageError(f"--scenario must be one of {', '.join(PRESET_IDS)} (got {value!r})")
    return value


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, allow_nan=False)


def _csv(rows: list[dict[str, float]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(ROW_FIELDS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (int(v) if k == "year" else repr(v)) for k, v in row.items()})
    return buffer.getvalue()


def _table(rows: list[dict[str, float]], title: str) -> str:
    head = ["year", "children 0-17", "rate", "LAC", "weeks", "placement £M", "other £M",
            "total £M", "change £M"]
    lines = [title, "  ".join(f"{h:>13}" for h in head)]
    for r in rows:
        cells = [
            f"{int(r['year'])}",
            f"{r['child_population']:,.0f}",
            f"{r['non_uasc_rate']:.2f}",
            f"{r['lac']:.1f}",
            f"{r['weeks_of_care']:,.0f}",
            f"{r['placement_cost'] / 1e6:.3f}",
            f"{r['non_placement_cost'] / 1e6:.3f}",
            f"{r['total_cost'] / 1e6:.3f}",
            f"{r['change_vs_base_year'] / 1e6:+.3f}",
        ]
        lines.append("  ".join(f"{c:>13}" for c in cells))
    return "\n".join(lines) + "\n"


def cmd_scenarios(args: argparse.Namespace) -> str:
    items = [presets()[pid].describe() for pid in PRESET_IDS]
    if args.json:
        return _json(items) + "\n"
    return "".join(f"{s['id']:<24} {s['label']}: {s['description']}\n" for s in items)


def cmd_parameters(args: argparse.Namespace) -> str:
    if args.json:
        described = api.describe()
        return _json([*described["choices"], *described["parameters"]]) + "\n"
    lines = []
    for c in choices().values():
        defaults = ", ".join(f"{pid} {c.default_for(pid)}" for pid in PRESET_IDS)
        lines.append(f"{c.name:<36} one of {' | '.join(c.values)} (default: {defaults})")
    for p in registry().values():
        lines.append(f"{p.name:<36} {format_value(p, p.value):>9}  "
                     f"[{format_value(p, p.min)} to {format_value(p, p.max)}] {p.unit}")
    return "\n".join(lines) + "\n"


def _samples(raw: str | None, default: int, low: int, high: int, name: str) -> int:
    if raw is None:
        return default
    value = parse_number(raw)
    if value is None or not value.is_integer() or not (low <= value <= high):
        raise UsageError(f"{name} must be a whole number between {low:,} and {high:,} "
                         f"(got {raw!r})")
    return int(value)


LINK_PROBLEMS = {
    "cut": "the link is longer than {max:,} characters: its last {value} settings were not read",
    "repeated": "{key} is in the link more than once: only its first value was read",
    "unknown-scenario": "{key} must be one of {presets} (got {value!r})",
    "unnamed": "the link has a value without a name ({value!r})",
}


def _from_link(args: argparse.Namespace) -> tuple[str, dict[str, str]]:
    """The scenario and --set pairs a shared link stands for (its scenario B, or A with
    --pinned), as the explorer reads it: the same rules (model.links), the same values."""
    link = links.read_link(args.link, PRESET_IDS)
    problems = [LINK_PROBLEMS[p.reason].format(key=p.key, value=p.value, max=links.MAX_LENGTH,
                                               presets=", ".join(PRESET_IDS))
                for p in link.problems]
    if problems:
        checked = validate_settings(link.shown.settings, link.shown.scenario or
                                    api.DEFAULT_SCENARIO)
        raise UsageError("\n".join([*(r.message for r in checked.refusals), *problems]))
    part = link.pinned if args.pinned else link.shown
    if part is None:
        raise UsageError("--pinned: the link has no pinned scenario A (no a.scenario=...)")
    if args.scenario or args.set:
        raise UsageError("--link gives the scenario and its settings: leave out --scenario and --set")
    return part.scenario or api.DEFAULT_SCENARIO, dict(part.settings)


def cmd_run(args: argparse.Namespace) -> str:
    given: Sequence[str] | dict[str, str] = args.set or []
    if args.link is not None:
        args.scenario, given = _from_link(args)
    elif args.scenario is None:
        raise UsageError("run needs --scenario (or --link with a shared link)")
    checked = _settings(given, _scenario(args.scenario))
    scenario: Preset = presets()[args.scenario].with_choices(checked.choices)
    values = checked.values
    rows = run(scenario, values)
    if args.uncertainty:
        described = api.describe()["uncertainty"]
        samples = _samples(args.samples, described["default_samples"],
                           described["min_samples"], described["max_samples"], "--samples")
        seed = _samples(args.seed, described["default_seed"], 0, 2**31 - 1, "--seed")
        band = uncertainty.band(scenario, values, samples, seed)
        for i, row in enumerate(rows):
            for field in ("lac", "total_cost"):
                row[f"{field}_low"] = band[f"{field}_low"][i]
                row[f"{field}_high"] = band[f"{field}_high"][i]
    if args.json:
        return _json({"scenario": scenario.id, "parameters": checked.settings(),
                      "rows": rows}) + "\n"
    if args.csv:
        return _csv([{k: r[k] for k in ROW_FIELDS} for r in rows])
    changed = [f"{name} {value}" for name, value in checked.choices.items()
               if value != getattr(presets()[scenario.id], name)]
    title = scenario.label + (f", with {', '.join(changed)}" if changed else "")
    return _table(rows, f"{title} (£M at 2017 prices unless inflation set)")


def cmd_programme(args: argparse.Namespace) -> str:
    if args.id not in programmes.PROGRAMME_IDS:
        raise UsageError(f"programme must be one of {', '.join(programmes.PROGRAMME_IDS)} "
                         f"(got {args.id!r})")
    # The programmes do not depend on the scenario's choices; a choice is checked and ignored.
    values = _settings(args.set or [], api.DEFAULT_SCENARIO, report_scale()).values
    result = programmes.evaluate(args.id, values)
    if args.json:
        return _json(result) + "\n"
    lines = [f"{result['label']} (annual, 2017 prices)"]
    for key, value in result.items():
        if key in {"id", "label", "note"}:
            continue
        shown = format_number(round(value, 2)) if isinstance(value, float) else str(value)
        lines.append(f"  {key:<28} {shown}")
    lines.append(f"  {result['note']}")
    return "\n".join(lines) + "\n"


def cmd_reproduce(args: argparse.Namespace) -> str:
    items = reproduction.comparisons()
    if args.json:
        return _json({"summary": reproduction.summary(), "comparisons": items}) + "\n"
    lines = []
    for c in items:
        mark = "ok " if c["ok"] else "NOT"
        lines.append(f"{mark} {c['kind']:<11} {c['id']:<48} published {c['published']:>12,.2f}"
                     f"  model {c['model']:>14,.4f}")
    s = reproduction.summary()
    lines.append(f"{s['reproduced']} of {s['cells']} published figures reproduced; "
                 f"not reproduced: {', '.join(s['not_reproduced'])}")
    return "\n".join(lines) + "\n"


def cmd_backtest(args: argparse.Namespace) -> str:
    items = backtest.compare()
    if args.json:
        return _json(items) + "\n"
    lines = []
    for obs in items:
        actual = obs.get("lac")
        if actual is None:
            continue
        projected = ", ".join(f"{pid} {p['lac']:.0f}" for pid, p in obs["projections"].items())
        lines.append(f"{obs['date']}: actual {actual} ({obs['document']}); projected {projected}")
    return "\n".join(lines) + "\n"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m model", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("scenarios", help="list the four presets")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_scenarios)

    p = sub.add_parser("parameters", help="list every parameter with its range")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_parameters)

    p = sub.add_parser("run", help="one row per year for a scenario")
    p.add_argument("--scenario", help=", ".join(PRESET_IDS))
    p.add_argument("--link", help="a link shared from the explorer (its address, or the part "
                                  "after '#'): the scenario and settings it holds")
    p.add_argument("--pinned", action="store_true", help="with --link: its pinned scenario A")
    p.add_argument("--set", action="extend", nargs="+", metavar="NAME=VALUE",
                   help="a number (cost_per_week=1100) or a choice (rate_path=to-target); "
                        "`python -m model parameters` lists them")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true")
    p.add_argument("--uncertainty", action="store_true", help="add a 5th-95th percentile band")
    p.add_argument("--samples")
    p.add_argument("--seed")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("programme", help="costs and savings of one programme")
    p.add_argument("id", help=", ".join(programmes.PROGRAMME_IDS))
    p.add_argument("--set", action="extend", nargs="+", metavar="NAME=VALUE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_programme)

    p = sub.add_parser("reproduce", help="the report's figures beside the model's")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reproduce)

    p = sub.add_parser("backtest", help="the projections beside what happened")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backtest)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        sys.stdout.write(args.func(args))
    except UsageError as exc:
        for line in str(exc).splitlines():
            sys.stderr.write(f"error: {line}\n")
        return EXIT_BAD_INPUT
    return 0


__all__ = ["main"]

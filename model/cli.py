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

from model import api, backtest, economics, links, programmes, reproduction, uncertainty
from model.forecast import ROW_FIELDS, run
from model.money import pounds
from model.parameters import PRESET_IDS, Preset, choices, presets, registry, report_scale
from model.validation import Checked, format_value, parse_number, validate_settings

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


BAND_COLUMNS = ("lac_low", "lac_high", "total_cost_low", "total_cost_high")


def _csv(rows: list[dict[str, float]], fields: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (int(row[k]) if k == "year" else repr(row[k])) for k in fields})
    return buffer.getvalue()


def _table(rows: list[dict[str, float]], title: str, band: bool = False) -> str:
    head = ["year", "children 0-17", "rate", "LAC", "weeks", "placement £M", "other £M",
            "total £M", "change £M"]
    if band:
        head += ["LAC 5%-95%", "total £M 5%-95%"]
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
        if band:
            cells += [f"{r['lac_low']:.0f}-{r['lac_high']:.0f}",
                      f"{r['total_cost_low'] / 1e6:.2f}-{r['total_cost_high'] / 1e6:.2f}"]
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
    settings: Sequence[str] | dict[str, str] = args.set or []
    if args.link is not None:
        args.scenario, settings = _from_link(args)
    elif args.scenario is None:
        raise UsageError("run needs --scenario (or --link with a shared link)")
    checked = _settings(settings, _scenario(args.scenario))
    scenario: Preset = presets()[args.scenario].with_choices(checked.choices)
    values = checked.values
    if not args.uncertainty:
        given = [name for name in ("--samples", "--seed")
                 if getattr(args, name.strip("-")) is not None]
        if given:
            verb = "set" if len(given) > 1 else "sets"
            raise UsageError(f"{' and '.join(given)} {verb} the uncertainty band: add "
                             "--uncertainty to compute it")
    rows = run(scenario, values)
    band = None
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
        out: dict[str, Any] = {"scenario": scenario.id, "parameters": checked.settings(),
                               "rows": rows}
        if band is not None:
            out["uncertainty"] = {key: band[key] for key in ("samples", "seed", "percentiles",
                                                             "varies", "fixed", "caption")}
        return _json(out) + "\n"
    if args.csv:
        return _csv(rows, [*ROW_FIELDS, *(BAND_COLUMNS if band else ())])
    changed = [f"{name} {value}" for name, value in checked.choices.items()
               if value != getattr(presets()[scenario.id], name)]
    title = scenario.label + (f", with {', '.join(changed)}" if changed else "")
    text = _table(rows, f"{title} (£M at 2017 prices unless inflation set)", band is not None)
    return text + (f"\n{band['caption']}\n" if band else "")


def cmd_programme(args: argparse.Namespace) -> str:
    if args.id not in programmes.PROGRAMME_IDS:
        raise UsageError(f"programme must be one of {', '.join(programmes.PROGRAMME_IDS)} "
                         f"(got {args.id!r})")
    # Every programme starts at the report's scale; --set changes it or any other setting.
    checked = _settings(args.set or [], _scenario(args.scenario), report_scale())
    scenario = presets()[args.scenario].with_choices(checked.choices)
    result = economics.evaluate(scenario, checked.values, args.id)
    result = {"scenario": scenario.id, "choices": scenario.choices(), **result}
    if args.json:
        return _json(result) + "\n"
    cash, real = result["cash"], result["real"]
    payback = result["payback"] if result["payback"] is not None else "never, within the forecast"
    scale = format_value(registry()[result["capacity_parameter"]], result["capacity"])
    lines = [
        f"{result['label']}, in {scenario.label}: {scale} {result['capacity_unit']}, "
        f"from {result['start_year']}",
        "  savings: the forecast without it less the forecast with it (cash; 2017 prices when "
        "inflation is 0)",
        "  " + "  ".join(f"{h:>12}" for h in ("year", "cost", "gross", "cashable", "net",
                                              "net so far", "net (2017 £)")),
    ]
    for i, year in enumerate(result["years"]):
        cells = [str(year), *(pounds(cash[key][i]) for key in economics.SERIES),
                 pounds(real["net_savings"][i])]
        lines.append("  " + "  ".join(f"{c:>12}" for c in cells))
    lines += [
        f"  payback year: {payback}",
        f"  net present value at {format_value(registry()['discount_rate'], result['discount_rate'])}% "
        f"a year, to {result['npv_year']}: {pounds(result['npv'])}",
        f"  {result['note']}",
    ]
    return "\n".join(lines) + "\n"


def cmd_reproduce(args: argparse.Namespace) -> str:
    items = reproduction.comparisons()
    summary = reproduction.summary()
    if args.json:
        return _json({"summary": summary, "comparisons": items}) + "\n"
    lines = []
    for c in items:
        lines.append(f"{c['verdict']:<9} {c['kind']:<11} {c['id']:<44} printed {c['printed']:>12}"
                     f"  model {c['model']:>14,.4f}")
    kinds = ", ".join(f"{n} {kind}" for kind, n in summary["kinds"].items())
    lines.append(f"{summary['cells']} published figures: {kinds}. At the printed precision "
                 f"{summary['exact']} exact, {summary['explained']} explained by the report's own "
                 f"figures, {len(summary['differs'])} differ: {', '.join(summary['differs'])}")
    return "\n".join(lines) + "\n"


def cmd_backtest(args: argparse.Namespace) -> str:
    items = backtest.compare()
    cover = backtest.coverage()
    if args.json:
        return _json({"comparisons": items, "coverage": cover}) + "\n"
    lines = []
    for obs in items:
        actual = obs.get("lac")
        if actual is None:
            continue
        projected = ", ".join(f"{pid} {p['lac']:.0f}" for pid, p in obs["projections"].items())
        projected = projected or "none (before the model's start, August 2017)"
        lines.append(f"{obs['date']}: actual {actual} ({obs['document']}); projected {projected}")
    low, high = cover["percentiles"]
    lines.append(f"Later counts inside the {low:g}th-{high:g}th percentile band "
                 f"({cover['samples']:,} runs, seed {cover['seed']}):")
    for pid, tally in cover["summary"].items():
        lines.append(f"  {pid}: {tally['covered']} of {tally['counts']}")
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

    p = sub.add_parser("programme", help="costs and savings of one programme, year by year")
    p.add_argument("id", help=", ".join(programmes.PROGRAMME_IDS))
    p.add_argument("--scenario", default=api.DEFAULT_SCENARIO, help=", ".join(PRESET_IDS))
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

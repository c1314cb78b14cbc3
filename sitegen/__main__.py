"""``python -m sitegen [validate | pages]``: check the content files, or generate the pages.

Every problem is one line naming the file and what to write instead; the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
import time

from sitegen.content import Content, ContentError, load_content
from sitegen.generated import GenerationError


def _print_problems(problems: list[str]) -> None:
    print(f"{len(problems)} problem(s) in content/:", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)


def _summary(content: Content) -> str:
    return (
        f"{len(content.documents)} documents, {len(content.meetings)} meetings, "
        f"{len(content.minutes)} sets of minutes, {len(content.reports)} reports, "
        f"{len(content.action_plans)} action plans "
        f"({sum(len(p.actions) for p in content.action_plans.values())} actions), "
        f"{len(content.indicators)} indicators ({len(content.points)} points), "
        f"{len(content.glossary)} glossary entries; "
        f"{sum(len(f.follow_ups) for f in content.follow_ups.values())} follow-ups from "
        f"{len(content.follow_ups)} meetings, "
        f"{sum(len(p.updates) for p in content.progress.values())} later reports on earlier records"
    )


def validate() -> int:
    try:
        content = load_content()
    except ContentError as exc:
        _print_problems(exc.problems)
        return 1
    print(f"content OK: {_summary(content)}")
    return 0


def pages() -> int:
    from sitegen.generated import GeneratedTree
    from sitegen.pagestep import run_pages_step  # imports Bokeh and Panel: keep `validate` fast

    started = time.perf_counter()
    try:
        site, changes = run_pages_step()
    except ContentError as exc:
        _print_problems(exc.problems)
        return 1
    except GenerationError as exc:
        print(f"make pages: {exc}", file=sys.stderr)
        return 1
    tree = GeneratedTree.for_docs()
    print(f"pages: {len(site.pages)} pages and {len(site.assets)} assets generated into "
          f"{tree.root.relative_to(tree.root.parents[1])}/ ({len(changes.written)} files written, "
          f"{len(changes.removed)} removed) in {time.perf_counter() - started:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("validate", help="check every file in content/ (the default)")
    sub.add_parser("pages", help="generate the pages into docs/_generated/ for the builder")
    args = parser.parse_args(argv)
    if args.command == "pages":
        return pages()
    return validate()


if __name__ == "__main__":
    sys.exit(main())

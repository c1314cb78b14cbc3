"""``python -m sitegen``: check every content file and say what is wrong, then exit 1."""

from __future__ import annotations

import sys

from sitegen import accessibility
from sitegen.content import ContentError, load_content


def main() -> int:
    try:
        content = load_content()
        accessibility.load_statement()
        if accessibility.RESULTS.exists():
            accessibility.load_results()
    except ContentError as exc:
        print(f"{len(exc.problems)} problem(s) in content/:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(
        f"content OK: {len(content.documents)} documents, {len(content.meetings)} meetings, "
        f"{len(content.minutes)} sets of minutes, {len(content.reports)} reports, "
        f"{len(content.action_plans)} action plans "
        f"({sum(len(p.actions) for p in content.action_plans.values())} actions), "
        f"{len(content.indicators)} indicators ({len(content.points)} points), "
        f"{len(content.glossary)} glossary entries"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m explorer build OUT [--variant straightforward]``: write the explorer's files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explorer.variants import VARIANTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explorer")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="write the explorer's files under OUT")
    build.add_argument("out", type=Path)
    build.add_argument("--variant", choices=sorted(VARIANTS), default="optimised")
    args = parser.parse_args(argv)
    from explorer.build import explorer_files, write_files  # imports panel: keep --help fast

    files = explorer_files(VARIANTS[args.variant])
    write_files(files, args.out)
    print(f"wrote {len(files)} files under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

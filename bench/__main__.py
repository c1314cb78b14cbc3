"""Run every benchmark that exists and print its figures."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ["bench.model_bench", "bench.explorer_bench"]


def main() -> int:
    failed = 0
    for name in BENCHMARKS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            print(f"== {name}: not written yet ==")
            continue
        print(f"== {name} ==", flush=True)
        failed += module.main() or 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

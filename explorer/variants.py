"""The two builds of the explorer page: the one we ship, and the straightforward one the
benchmark compares it with (the same page without the optimisations), so the gain is measured."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Variant:
    name: str
    precomputed: bool  # charts and presets start from build-time results, before the model runs
    worker_after_chart: bool  # start Pyodide once the first chart is painted, not alongside it
    trimmed_stdlib: bool  # only the standard-library modules the model uses, precompiled
    two_phase_band: bool  # show the result at once; compute the uncertainty band when idle
    coalesce: bool  # while the model is busy, keep only the latest change
    lean_panel: bool  # Panel's stylesheets inlined; its ES-module shim and BokehJS's WebGL left out

    def flags(self) -> dict[str, object]:
        return asdict(self)


OPTIMISED = Variant("optimised", True, True, True, True, True, True)
STRAIGHTFORWARD = Variant("straightforward", False, False, False, False, False, False)
VARIANTS = {v.name: v for v in (OPTIMISED, STRAIGHTFORWARD)}

"""Money in whole pounds, as the site and the command line print it: '£128,520', '-£3,990'.

One formatter, so a figure that rounds to nothing is never printed '-£0' in one place and '£0' in
another. Standard library only (it runs in Pyodide too).
"""

from __future__ import annotations


def pounds(x: float) -> str:
    """``x`` to the nearest pound, the sign only when the rounded amount has one."""
    return f"{'-' if round(x) < 0 else ''}£{abs(x):,.0f}"

"""How busy and how fast the machine was around a benchmark, printed beside its figures.

A median taken while other work runs on a 2-core machine is slower than the same build on a quiet
one, and the load average printed after a run is mostly the benchmark's own browser. So a reader
is told how busy the processors were just before the run: a share near 0% means no other work was
running. Time a virtual machine's host gave to others ("steal") counts as busy.

A virtual machine can also be slower at one moment than at another with nothing else running in
it (its host is shared). So a fixed piece of work is timed on every core before and after the
run: when those times differ, or differ from another run's, the figures may have moved with the
machine rather than the build. It is only a rough guide (two runs of one build: first chart
878 ms after a 130 ms workload, 904 ms after a 92 ms one, timed then on one core): the ratio
against the previous design, measured in turns within one run, is the steadier figure.
"""

from __future__ import annotations

import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

PROC_STAT = Path("/proc/stat")
WORKLOAD = 2_000_000  # about 0.1 s of Python on this project's 2-core machine when it is quiet


def cpu_times(stat: str) -> tuple[int, int]:
    """(busy, total) processor time since boot, from the first line of Linux's /proc/stat."""
    fields = [int(v) for v in stat.splitlines()[0].split()[1:9]]  # user .. steal
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + waiting for input/output
    total = sum(fields)
    return total - idle, total


def busy_share(seconds: float) -> float | None:
    """The share of processor time spent busy over the next `seconds` (None where unknown)."""
    try:
        busy0, total0 = cpu_times(PROC_STAT.read_text(encoding="ascii"))
        time.sleep(seconds)
        busy1, total1 = cpu_times(PROC_STAT.read_text(encoding="ascii"))
    except (OSError, ValueError, IndexError):
        return None
    return (busy1 - busy0) / (total1 - total0) if total1 > total0 else None


def load_average() -> float | None:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def _arithmetic_ms(repeats: int) -> float:
    """Milliseconds one core takes for the fixed piece of arithmetic (median of `repeats`)."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        total = 0
        for i in range(WORKLOAD):
            total += i * i
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def workload_ms(repeats: int = 3) -> float:
    """The fixed piece of arithmetic on every core at once: the slowest core's milliseconds.
    (The browser keeps every core busy, so a core its host slows down slows the figures.)"""
    cores = os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=cores) as pool:
        return max(pool.map(_arithmetic_ms, [repeats] * cores))


def before_run(seconds: float = 2.0) -> str:
    """'2 cores, 1% busy in the 2 s before the run (load average 0.4), a fixed workload 95 ms'."""
    share = busy_share(seconds)
    load = load_average()
    busy = f"{share:.0%} busy in the {seconds:.0f} s before the run" if share is not None else \
        "how busy unknown"
    average = f" (load average {load:.1f})" if load is not None else ""
    return f"{os.cpu_count()} cores, {busy}{average}; a fixed workload took {workload_ms():.0f} ms"


def after_run() -> str:
    """'the fixed workload took 140 ms after the run; load average 3.1, mostly the run's own'."""
    load = load_average()
    average = f"; load average {load:.1f}, mostly the run's own" if load is not None else ""
    return f"the fixed workload took {workload_ms():.0f} ms after the run{average}"

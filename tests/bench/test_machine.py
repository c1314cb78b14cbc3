"""The benchmark says how busy and how fast the machine was: a reader judges its figures by it."""

from __future__ import annotations

import pytest

from bench import machine

# /proc/stat's first line: user nice system idle iowait irq softirq steal guest guest_nice
QUIET = "cpu  100 0 50 9800 40 0 10 0 0 0\ncpu0 1 2 3\n"


def test_idle_time_and_waiting_for_disk_are_not_busy_and_a_hosts_steal_is() -> None:
    assert machine.cpu_times(QUIET) == (160, 10000)
    stolen = "cpu  100 0 50 9800 40 0 10 500 0 0\n"
    assert machine.cpu_times(stolen) == (660, 10500)


def test_the_share_is_measured_over_the_interval_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    readings = iter(["cpu  100 0 0 900 0 0 0 0 0 0\n", "cpu  150 0 0 1850 0 0 0 0 0 0\n"])

    class Stat:
        def read_text(self, encoding: str) -> str:
            return next(readings)

    monkeypatch.setattr(machine, "PROC_STAT", Stat())
    monkeypatch.setattr(machine.time, "sleep", lambda seconds: None)
    assert machine.busy_share(2.0) == 50 / 1000


def test_the_line_printed_names_cores_share_load_and_speed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(machine, "busy_share", lambda seconds: 0.013)
    monkeypatch.setattr(machine, "load_average", lambda: 0.42)
    monkeypatch.setattr(machine, "workload_ms", lambda: 95.4)
    line = machine.before_run()
    assert line.endswith("cores, 1% busy in the 2 s before the run (load average 0.4); "
                         "a fixed workload took 95 ms")
    monkeypatch.setattr(machine, "busy_share", lambda seconds: None)
    assert "how busy unknown" in machine.before_run()

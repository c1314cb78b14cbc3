"""Roll-ups: how many records in a plan, topic or meeting are complete, open or never seen again.

Every roll-up also says what it counts (rows of printed plans, printed lists, lists this site
built from a report's text, follow-ups), because a plan's own rating and our reading of a
report's words are not the same kind of evidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sitegen.records import PROVENANCE_LABELS, Record
from sitegen.statuses import NO_STATUS, STATUS_LABELS

OPEN_STATUSES = set(STATUS_LABELS) - {"complete"}  # every status a paper gives, but done


@dataclass
class RollUp:
    key: str
    records: list[Record] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.records)

    @property
    def complete(self) -> int:
        return sum(r.status == "complete" for r in self.records)

    @property
    def still_open(self) -> int:
        return sum(r.status in OPEN_STATUSES for r in self.records)

    @property
    def no_status(self) -> int:
        return sum(r.status == NO_STATUS for r in self.records)

    @property
    def not_seen(self) -> int:
        return sum(r.follow_through == "not-seen" for r in self.records)

    @property
    def rated(self) -> int:
        """Records whose current status is the paper's own rating (not our reading of words)."""
        return sum(1 for r in self.records if r.current and r.current.entry.basis == "rated")

    def by_status(self) -> Counter[str]:
        return Counter(r.status for r in self.records)

    def counts_text(self) -> str:
        """What this roll-up counts, by kind of list: '97 rows of printed plans, 4 follow-ups'."""
        kinds = Counter(r.parent.provenance for r in self.records)
        names = {"printed-plan": ("row of a printed plan", "rows of printed plans"),
                 "printed-list": ("item of a printed list", "items of printed lists"),
                 "built-from-text": ("row built by this site from a report's text",
                                     "rows built by this site from reports' text"),
                 "minutes": ("follow-up", "follow-ups")}
        return "; ".join(f"{n} {names[k][0] if n == 1 else names[k][1]}"
                         for k, n in sorted(kinds.items(), key=lambda kv: list(names).index(kv[0])))


def roll_up(records: Iterable[Record], keys: Callable[[Record], Iterable[str]]) -> dict[str, RollUp]:
    """Group records by one or more keys each (a record with two topics counts under both)."""
    groups: dict[str, RollUp] = {}
    for record in records:
        for key in keys(record):
            groups.setdefault(key, RollUp(key)).records.append(record)
    return groups


def provenance_label(provenance: str) -> str:
    return PROVENANCE_LABELS[provenance]

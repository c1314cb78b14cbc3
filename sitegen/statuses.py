"""The one vocabulary of statuses, what each means, and how the papers' own ratings map onto it.

Every page, the CSV, the feeds and the tracker's filters take their labels from here. The papers
rate progress in several ways (RAG colours, a 1 to 5 scale, words such as "COMPLETED"); each maps
to one value below, and the site always shows the paper's own words beside it.
"""

from __future__ import annotations

from typing import get_args

from sitegen.schema import Status

STATUS_LABELS: dict[str, str] = {
    "complete": "Complete",
    "on-track": "On track",
    "in-progress": "In progress",
    "at-risk": "Delayed or at risk",
    "off-track": "Off track",
    "not-started": "Not started",
    "scheduled": "Scheduled",
    "deferred": "Deferred",
    "open": "Open",
}

STATUS_MEANINGS: dict[str, str] = {
    "complete": "A paper says it has been done. The evidence it gives is shown.",
    "on-track": "A paper rates it on track: green, 3 on the 1 to 5 scale, or 'on target' at a meeting.",
    "in-progress": "A paper describes work under way without rating it (for example 'Ongoing').",
    "at-risk": "A paper rates it amber, or 2 on the 1 to 5 scale (started, with some delay).",
    "off-track": "A paper rates it red, or 1 on the 1 to 5 scale (not started, or significantly delayed).",
    "not-started": "A paper says the work is still to start.",
    "scheduled": "An event a paper lists for a later date. Events are never counted as overdue.",
    "deferred": "The committee put the item off to a later meeting.",
    "open": "Asked for or promised at a meeting; no later paper we hold says it was done.",
}

# Derived, never written in data: a record no paper has given a status.
NO_STATUS = "no-status"
NO_STATUS_LABEL = "No status given"
NO_STATUS_MEANING = "No paper gives it a status (a recommendation, priority or learning point)."

# How each paper's own rating maps to the vocabulary: (the paper's rating, where it is used, ours).
RATING_MAP: list[tuple[str, str, str]] = [
    ("1: not yet started, or significantly delayed", "Development Plan 2018-19", "off-track"),
    ("2: started, with some delay", "Development Plan 2018-19", "at-risk"),
    ("3: on track to finish by the agreed date", "Development Plan 2018-19", "on-track"),
    ("4: completed, improvement sustained, kept in the plan", "Development Plan 2018-19", "complete"),
    ("5: completed and can be removed", "Development Plan 2018-19 (no row uses it)", "complete"),
    ("COMPLETED", "SEND Peer Review action plan", "complete"),
    ("GREEN", "SEND Peer Review action plan; fostering plan (shaded cell)", "on-track"),
    ("AMBER", "SEND Peer Review action plan; fostering plan (shaded cell)", "at-risk"),
    ("Completed (in the timescale column)", "fostering plan", "complete"),
    ("Ongoing, Progressing, reviewed monthly", "fostering plan", "in-progress"),
    ("Words in a report or the minutes", "lists built from reports, follow-ups",
     "complete, in-progress, not-started or deferred, never a RAG judgement"),
]

# The order statuses are listed in roll-ups and filters.
STATUS_ORDER = [*STATUS_LABELS, NO_STATUS]

assert set(STATUS_LABELS) == set(get_args(Status)) == set(STATUS_MEANINGS), \
    "every Status in the schema needs a label and a meaning here"


def status_label(status: str) -> str:
    return NO_STATUS_LABEL if status == NO_STATUS else STATUS_LABELS[status]

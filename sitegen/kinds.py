"""The kinds of content file: where each lives, which model defines it, and its JSON Schema.

One table, used by `python -m sitegen schemas` (writing the schemas editors read), by the rule that
each file names its schema, and by `python -m sitegen new`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from fnmatch import fnmatch

from pydantic import BaseModel

from sitegen.schema import (
    ActionPlan,
    Document,
    FollowUps,
    GlossaryTerm,
    Indicator,
    Meeting,
    Minutes,
    Progress,
    Report,
)

SCHEMA_FOLDER = "schemas"  # under content/


@dataclass(frozen=True)
class Kind:
    name: str
    pattern: str  # relative to content/
    model: type[BaseModel]
    many: bool  # the file is a list of entries
    key: str = ""  # one entry per file: the field the file is named after, and the entry keyed by
    attr: str = ""  # one entry per file: where `Content` keeps the entries

    @property
    def schema_file(self) -> str:
        return f"{SCHEMA_FOLDER}/{self.name}.schema.json"

    def schema_comment(self, relative: str) -> str:
        """The first line of a file of this kind: editors (via the YAML language server) then
        complete fields and flag mistakes as you type."""
        target = posixpath.relpath(self.schema_file, posixpath.dirname(relative) or ".")
        return f"# yaml-language-server: $schema={target}"


KINDS = [
    Kind("documents", "documents.yaml", Document, many=True),
    Kind("meeting", "meetings/*.yaml", Meeting, many=False, key="date", attr="meetings"),
    Kind("minutes", "minutes/*.yaml", Minutes, many=False, key="meeting", attr="minutes"),
    Kind("report", "reports/*.yaml", Report, many=False, key="id", attr="reports"),
    Kind("action-plan", "action-plans/*.yaml", ActionPlan, many=False, key="id", attr="action_plans"),
    Kind("follow-ups", "follow-ups/*.yaml", FollowUps, many=False, key="meeting", attr="follow_ups"),
    Kind("progress", "progress/*.yaml", Progress, many=False, key="doc", attr="progress"),
    Kind("indicators", "indicators/catalogue.yaml", Indicator, many=True),
    Kind("glossary", "glossary.yaml", GlossaryTerm, many=True),
]


def kind_of(relative: str) -> Kind | None:
    return next((kind for kind in KINDS if fnmatch(relative, kind.pattern)), None)

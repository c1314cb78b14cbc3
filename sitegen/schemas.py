"""JSON Schemas for the content files, generated from the pydantic models in `sitegen/schema.py`.

The models stay the one source of truth: `python -m sitegen schemas` writes
`content/schemas/*.schema.json` from them (a test fails if a committed schema is stale), and gives
every content file the comment line that points editors at its schema.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from sitegen.kinds import KINDS, Kind, kind_of

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(kind: Kind) -> dict[str, Any]:
    shape: Any = list[kind.model] if kind.many else kind.model  # type: ignore[name-defined]
    schema = TypeAdapter(shape).json_schema()
    title = f"Thurrock scrutiny content: {kind.pattern}"
    described = (kind.model.__doc__ or "").strip().split("\n\n")[0]
    return {"$schema": DIALECT, **schema, "title": title,
            "description": f"{described} Generated from sitegen/schema.py by `python -m sitegen "
                           "schemas`: do not edit.".strip()}


def schema_text(kind: Kind) -> str:
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(content_dir: Path) -> list[str]:
    """(Re)write every schema; return those that changed."""
    changed = []
    for kind in KINDS:
        path = content_dir / kind.schema_file
        text = schema_text(kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(kind.schema_file)
    return changed


def missing_schema_comment(content_dir: Path, path: Path) -> str | None:
    """The comment line ``path`` should start with, if it does not."""
    relative = path.relative_to(content_dir).as_posix()
    kind = kind_of(relative)
    if kind is None:
        return None
    wanted = kind.schema_comment(relative)
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    return None if first.strip() == wanted else wanted


def link_files(content_dir: Path) -> list[str]:
    """Give every content file its schema comment as its first line; return the files changed."""
    changed = []
    for path in sorted(content_dir.rglob("*.yaml")):
        wanted = missing_schema_comment(content_dir, path)
        if wanted is None:
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("# yaml-language-server:"):
            text = text.split("\n", 1)[1] if "\n" in text else ""
        path.write_text(f"{wanted}\n{text}", encoding="utf-8")
        changed.append(path.relative_to(content_dir).as_posix())
    return changed

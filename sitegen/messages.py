"""Pydantic's validation errors, said the way a maintainer can act on them.

Each message names where the value is (``agenda item 3 > title``, positions counted from 1), what
is wrong, and what to write instead ("write YYYY-MM-DD, for example 2023-11-14").
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

PLACEHOLDER = "TODO"  # what `python -m sitegen new` leaves for the maintainer to fill in

_PATTERNS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "write lower-case letters and digits joined by single hyphens, "
                                 "for example 2023-11-14-fostering-update",
    r"^\d+( - \d+)?$": 'write a page or a range of pages as the pack prints them, for example "12" '
                       'or "12 - 15"',
}
_DATE_ERRORS = {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact",
                "date_type", "date_past", "date_future"}


def where(loc: Sequence[str | int]) -> str:
    """('agenda', 2, 'title') -> 'agenda item 3 > title' (positions count from 1)."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]} item {part + 1}" if parts else f"entry {part + 1}"]
        else:
            parts.append(part)
    return " > ".join(parts) or "(the whole file)"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip().startswith(PLACEHOLDER)


def explain(error: Any, model: type[BaseModel] | None = None) -> str:
    """What is wrong with one value, and what to write instead."""
    kind, value, context = error["type"], error.get("input"), error.get("ctx") or {}
    if is_placeholder(value):
        return f"still to write ({value})"
    if kind == "missing":
        return "missing: this field is required"
    if kind == "extra_forbidden":
        allowed = fields_at(model, error["loc"][:-1]) if model else []
        name = str(error["loc"][-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}"
        return f"unknown field (check the spelling: {hint})" if allowed else "unknown field"
    if kind in _DATE_ERRORS:
        reason = " (there is no such day)" if "range" in error["msg"] or "day" in error["msg"] else ""
        return f"{value!r} is not a date{reason}: write YYYY-MM-DD, for example 2023-11-14"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{value!r} is not a whole number: write digits only, for example 21"
    if kind in ("float_parsing", "float_type"):
        return f"{value!r} is not a number: write digits only, for example 1234.5 (no commas or units)"
    if kind in ("bool_parsing", "bool_type"):
        return f"{value!r} is not true or false: write true or false"
    if kind == "string_type":
        shown = "a list or a group of fields" if isinstance(value, dict | list) else repr(value)
        return f"expected text, got {shown}: put the value in quotes"
    if kind == "string_pattern_mismatch":
        return f"{value!r} does not fit: {_PATTERNS.get(context.get('pattern', ''), error['msg'])}"
    if kind == "string_too_short":
        return "empty: write the text, or leave the field out if it is optional"
    if kind == "literal_error":
        return f"{value!r} is not allowed: write one of {context.get('expected', '')}"
    if kind == "too_short":
        return (f"needs at least {context.get('min_length')} item(s), has "
                f"{context.get('actual_length')}")
    if kind == "too_long":
        return f"has {context.get('actual_length')} items; at most {context.get('max_length')} allowed"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return f"{value!r}: {error['msg'].lower()}"
    if kind in ("list_type", "model_type", "dict_type", "model_attributes_type"):
        expected = "a list (lines starting with '- ')" if kind == "list_type" else "a group of fields"
        return f"expected {expected}, got {value!r}"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return str(error["msg"])


def fields_at(model: type[BaseModel] | None, loc: Sequence[str | int]) -> list[str]:
    """The field names the schema allows at ``loc`` (for 'did you mean')."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    """The model inside `list[X]`, `X | None` or `Annotated[X, ...]`, if there is one."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (list, tuple, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None

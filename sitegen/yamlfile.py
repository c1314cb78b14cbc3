"""Read a content file's YAML so that every mistake in it can be named by file and line.

Three differences from ``yaml.safe_load``:
- dates stay text, for the schema to read: an impossible date (2024-02-30) is then a one-line
  message instead of a crash in the YAML parser;
- a key written twice in one mapping is refused (YAML would silently keep the last one);
- the parsed nodes are kept, so a message about ``agenda item 3 > title`` can give its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

TIMESTAMP = "tag:yaml.org,2002:timestamp"


_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when there: 5x faster


class _Loader(_BASE):
    """Safe loading, dates as text, duplicate keys noted."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []  # key, line, line of the first

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if isinstance(key, str | int | float | bool) and key in seen:
                self.duplicates.append((str(key), line, seen[key]))
            seen.setdefault(key, line)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlFile:
    """One parsed file: its data, and where each value was written."""

    origin: str  # the path as messages show it, e.g. content/reports/x.yaml
    data: Any
    root: Node | None = None
    problems: list[str] = field(default_factory=list)

    def line_of(self, loc: Sequence[str | int]) -> int:
        """The line (from 1) of the value at ``loc``, or of the nearest enclosing value."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else 1
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line


def _child(node: Node | None, part: str | int) -> Node | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == str(part):
                return value if not isinstance(value, ScalarNode) or value.value != "" else key
        return None
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        child: Node = node.value[part]
        return child
    return None


_parsed: dict[tuple[str, str], tuple[tuple[int, int], YamlFile]] = {}


def read_yaml(path: Path, origin: str) -> YamlFile:
    """Parse ``path``; problems (syntax, duplicate keys, encoding) are in ``.problems``, one line each.

    A file unchanged since it was last parsed (same size and modification time) is not parsed
    again: `make serve` re-reads the content after every edit, usually of one file.
    """
    stat = path.stat()
    key, version = (str(path), origin), (stat.st_mtime_ns, stat.st_size)
    if key in _parsed and _parsed[key][0] == version:
        return _parsed[key][1]
    parsed = _parse(path, origin)
    _parsed[key] = (version, parsed)
    return parsed


def _parse(path: Path, origin: str) -> YamlFile:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return YamlFile(origin, None, problems=[
            f"{origin}: not UTF-8 text (byte {exc.start + 1}): save the file as UTF-8"])
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{origin}:{mark.line + 1}" if mark else origin
        column = f" (column {mark.column + 1})" if mark else ""
        reason = " ".join(str(exc.problem or exc.context or "unreadable").split())
        return YamlFile(origin, None, problems=[
            f"{where}: not valid YAML: {reason}{column}; check the indentation, and put text "
            "with a colon or a quote mark in quotes"])
    except yaml.YAMLError as exc:
        return YamlFile(origin, None, problems=[f"{origin}: not valid YAML: {' '.join(str(exc).split())}"])
    finally:
        loader.dispose()
    problems = [f"{origin}:{line}: '{key}' is written twice in the same place (first on line {first}): "
                "keep one, or YAML would silently use the last" for key, line, first in loader.duplicates]
    return YamlFile(origin, data, root, problems)

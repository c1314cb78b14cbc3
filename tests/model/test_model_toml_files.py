"""The browser reads the model's TOML files from parsed copies in its wheel: a copy gives exactly
what parsing the TOML gives, and a copy that was not made from the TOML beside it is never used."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from model import toml_files
from model.parameters import ASSUMPTIONS, PUBLISHED


@pytest.mark.parametrize("source", [ASSUMPTIONS, PUBLISHED], ids=lambda p: p.name)
def test_a_parsed_copy_reads_exactly_as_the_toml(tmp_path: Path, source: Path) -> None:
    toml = tmp_path / source.name
    shutil.copyfile(source, toml)
    toml_files.copy_path(toml).write_bytes(toml_files.parsed_copy(toml))
    assert toml_files.load(toml) == tomllib.loads(source.read_text(encoding="utf-8"))


def test_a_copy_made_from_other_bytes_is_ignored(tmp_path: Path) -> None:
    toml = tmp_path / "assumptions.toml"
    toml.write_text('[meta]\nbase_month = 8\n', encoding="utf-8")
    toml_files.copy_path(toml).write_bytes(toml_files.parsed_copy(toml))
    assert toml_files.load(toml) == {"meta": {"base_month": 8}}
    toml.write_text('[meta]\nbase_month = 9\n', encoding="utf-8")  # edited after the copy
    assert toml_files.load(toml) == {"meta": {"base_month": 9}}


def test_the_source_tree_has_no_copies() -> None:
    """The TOML files are the one source: copies exist only inside the browser's wheel."""
    assert not toml_files.copy_path(ASSUMPTIONS).exists()
    assert not toml_files.copy_path(PUBLISHED).exists()

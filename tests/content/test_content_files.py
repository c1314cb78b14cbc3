"""A maintainer who adds or edits a content file is told exactly what is wrong with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from sitegen.content import CONTENT_DIR, ContentError, load_content


def test_every_content_file_is_valid() -> None:
    load_content()  # raises ContentError listing every problem


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def _problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return caught.value.problems


def test_a_missing_field_names_the_file_and_the_field(content_copy: Path) -> None:
    path = content_copy / "indicators" / "catalogue.yaml"
    entries = yaml.safe_load(path.read_text())
    del entries[0]["unit"]
    path.write_text(yaml.safe_dump(entries))
    problems = _problems(content_copy)
    assert any("catalogue.yaml: entry 1: unit: Field required" in p for p in problems), problems


def test_a_misspelt_field_is_refused_not_ignored(content_copy: Path) -> None:
    path = content_copy / "documents.yaml"
    entries = yaml.safe_load(path.read_text())
    entries[0]["titel"] = "typo"
    path.write_text(yaml.safe_dump(entries))
    problems = _problems(content_copy)
    assert any("documents.yaml: entry 1: titel: unknown field" in p for p in problems), problems


def test_a_citation_without_page_or_section_is_refused(content_copy: Path) -> None:
    glossary = content_copy / "glossary.yaml"
    count = len(yaml.safe_load(glossary.read_text()))
    with glossary.open("a") as handle:
        handle.write("- term: XYZ\n  expansion: Something\n  source: {doc: pack-2017-12-12}\n")
    problems = _problems(content_copy)
    assert any(f"glossary.yaml: entry {count + 1}: source" in p and "page" in p for p in problems), \
        problems


def test_a_citation_of_an_unknown_document_is_refused(content_copy: Path) -> None:
    with (content_copy / "glossary.yaml").open("a") as handle:
        handle.write("- term: XYZ\n  expansion: Something\n  source: {doc: pack-1999-01-01, page: 3}\n")
    problems = _problems(content_copy)
    assert any("cites document 'pack-1999-01-01'" in p for p in problems), problems


def test_an_indicator_value_that_is_not_a_number_names_the_csv_line(content_copy: Path) -> None:
    (content_copy / "indicators" / "points" / "zz-test.csv").write_text(
        "indicator,area,period,period_end,value,kind,doc,page,section,note\n"
        "lac-number,Thurrock,2016/17,2017-03-31,about 300,actual,pack-2017-12-12,20,,\n"
    )
    problems = _problems(content_copy)
    assert any("zz-test.csv: line 2: value" in p for p in problems), problems


def test_a_broken_yaml_file_is_reported_with_its_name(content_copy: Path) -> None:
    (content_copy / "reports" / "zz-test.yaml").write_text("id: [unclosed\n")
    problems = _problems(content_copy)
    assert any("zz-test.yaml: not valid YAML" in p for p in problems), problems

"""A generated page's title is its first heading, as a reader reads it, so the browser tab, search
results and bookmarks say what the page is (the navigation keeps its short labels)."""

from __future__ import annotations

import yaml

from sitegen.build import build_site
from sitegen.titles import first_heading, with_title


def test_the_first_heading_becomes_the_title_in_the_front_matter() -> None:
    heading = "# Committee meeting, 13 September 2022\n\nText"
    assert with_title(heading) == "---\ntitle: Committee meeting, 13 September 2022\n---\n\n" + heading


def test_existing_front_matter_is_kept_and_a_title_it_gives_wins() -> None:
    wide = with_title("---\nhide:\n  - toc\n---\n\n# Every action\n")
    assert wide.startswith("---\ntitle: Every action\nhide:\n- toc\n---\n")
    given = "---\ntitle: Short\n---\n# A longer heading\n"
    assert with_title(given) == given


def test_the_title_is_plain_text_without_markup_escapes_or_attributes() -> None:
    assert first_heading("# Fees &amp; charges *2018* {#fees}\n") == "Fees & charges 2018"
    assert first_heading("No heading here\n## Only a second level\n") is None


def test_every_generated_page_has_a_title_and_no_two_share_one() -> None:
    pages = build_site().pages
    titles = {uri: first_heading(markdown) for uri, markdown in pages.items()}
    assert all(titles.values()), [uri for uri, title in titles.items() if not title]
    assert all(markdown.startswith("---\ntitle: ") for markdown in pages.values())
    named = [yaml.safe_load(markdown.split("---\n")[1])["title"] for markdown in pages.values()]
    assert len(named) == len(set(named)), sorted(t for t in named if named.count(t) > 1)
    assert "Work Programme 2017/18, 12 December 2017" in named

"""Pages generated from content: every item has its page, text from data cannot inject markup."""

from __future__ import annotations

import html
import re
from pathlib import Path

from sitegen.content import load_content
from sitegen.markdown import cell, text
from sitegen.pages import glossary
from sitegen.pages.indicators import format_value


def _page(site_dir: Path, uri: str) -> Path:
    return site_dir / uri.removesuffix(".md").removesuffix("index") / "index.html"


def test_every_meeting_report_plan_and_indicator_has_a_page(site_dir: Path) -> None:
    content = load_content()
    expected = ([f"meetings/{key}.md" for key in content.meetings]
                + [f"reports/{key}.md" for key in content.reports]
                + [f"action-plans/{key}.md" for key in content.action_plans]
                + [f"follow-ups/{key}.md" for key in content.follow_ups]
                + [f"sources/{key}.md" for key in content.documents]
                + [f"indicators/{p.indicator}.md" for p in content.points]
                + ["tracker/index.md", "sources/index.md"])
    missing = sorted({uri for uri in expected if not _page(site_dir, uri).exists()})
    assert missing == []


def _article_text(page_html: str) -> str:
    """The visible text of a Material page's article ('' for pages that are not MkDocs pages)."""
    if '<article class="md-content__inner' not in page_html:
        return ""
    article = page_html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", article))


def test_acronyms_are_expanded_on_hover_wherever_they_appear(site_dir: Path) -> None:
    expansions = glossary.abbreviations(load_content())
    checked = 0
    for term in ("LAC", "UASC", "MASH", "CPP", "NEET", "SEND"):
        wrapped = f'<abbr title="{html.escape(expansions[term])}">{term}</abbr>'
        for path in site_dir.rglob("index.html"):
            page_html = path.read_text()
            if re.search(rf"\b{term}\b", _article_text(page_html)):
                assert wrapped in page_html, f"{term} is not expanded on {path.relative_to(site_dir)}"
                checked += 1
    assert checked > 20


def test_text_from_a_data_file_cannot_inject_markup() -> None:
    assert text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert cell("a | b\nc") == "a &#124; b c"


def test_figures_are_written_the_gov_uk_way() -> None:
    assert format_value(1234, "count") == "1,234"
    assert format_value(66.7, "percent") == "66.7%"
    assert format_value(6, "gbp-million") == "£6 million"
    assert format_value(74.70, "rate-per-10000") == "74.7"


def test_the_reproduction_page_shows_every_published_cell_and_the_back_test(site_dir: Path) -> None:
    from model.reproduction import comparisons

    from model.reproduction import summary

    page = _article_text(_page(site_dir, "model/reproduction.md").read_text())
    cells = comparisons()
    s = summary()
    assert f"The report publishes {s['cells']} figures" in page
    for kind in ("Calibrated", "The report's own arithmetic", "Consistency", "Method check",
                 "Forecast check"):
        assert kind in page
    for c in cells:
        assert c["printed"] in page
        if c["verdict"] == "differs":
            assert c["row"] in page
    assert "2.55 x £50,400" in page and "£52,000" in page  # both exact explanations
    assert "Back-test: the 2017 projections against what happened" in page
    assert "285" in page  # July 2022, Fostering Recruitment Update
    assert "Counts inside the band" in page

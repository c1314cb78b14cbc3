"""The built site is checked as a browser sees it, whichever builder made it: a missing page, a link
to nowhere or to a missing anchor fails the build with one line naming the page."""

from __future__ import annotations

from pathlib import Path

from sitegen.checksite import check_site, expected_outputs
from sitegen.compare import compare_sites, page_marker
from sitegen.generated import GeneratedTree

PAGE = "<html><head></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def _site(root: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=name, body=body))
    return root


def test_the_built_site_passes(site_dir: Path) -> None:
    assert check_site(site_dir, expected_outputs(GeneratedTree.for_docs().pages)) == []


def test_a_link_to_no_page_and_a_missing_anchor_are_named(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", {
        "index.html": '<a href="a/">fine</a> <a href="a/#there">fine</a> <a href="b/">gone</a>'
                      ' <a href="a/#nowhere">no anchor</a> <a href="https://www.gov.uk/">external</a>'
                      ' <a href="#top">own anchor</a><span id="top"></span>',
        "a/index.html": '<h2 id="there">There</h2><a href="../">home</a><img src="../missing.png">',
    })
    problems = check_site(site)
    assert problems == [
        "site/a/index.html: link to '../missing.png' leads to no file (missing.png)",
        "site/index.html: link to 'b/' leads to no file (b/index.html)",
        "site/index.html: link to 'a/#nowhere': a/index.html has no anchor #nowhere",
    ]


def test_an_expected_page_the_builder_left_out_is_named(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for name in ("index.md", "meetings/index.md", "meetings/2017-12-12.md", "data/x.csv"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("x")
    assert expected_outputs(docs) == ["data/x.csv", "index.html", "meetings/2017-12-12/index.html",
                                      "meetings/index.html"]
    site = _site(tmp_path / "site", {"index.html": "", "meetings/index.html": ""})
    (site / "data").mkdir()
    (site / "data" / "x.csv").write_text("x")
    assert check_site(site, expected_outputs(docs)) == [
        "site/meetings/2017-12-12/index.html: missing (the build should have written it)"]


def test_absolute_links_must_stay_under_the_sites_path(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", {
        "index.html": '<link rel="canonical" href="https://x.github.io/repo/">'
                      '<a href="/repo/a/">fine</a> <a href="/a/">outside</a>',
        "a/index.html": "",
    })
    assert check_site(site) == [
        "site/index.html: link to '/a/' leads to no file (<outside the site's path /repo/>/a/)"]


def test_two_builds_are_compared_by_what_a_reader_sees(tmp_path: Path) -> None:
    body = '<h2 id="one">One</h2><p><abbr title="Looked-after children">LAC</abbr></p><table><tr></tr></table>'
    first = _site(tmp_path / "first", {"index.html": body, "a/index.html": ""})
    second = _site(tmp_path / "second", {"index.html": body.replace("LAC</abbr>", "</abbr>LAC")
                                         .replace('id="one"', 'id="one-1"'), "b/index.html": ""})
    count, problems = compare_sites(first, second)
    assert count == 1
    assert problems == [
        "a/index.html: only in first/",
        "b/index.html: only in second/",
        "index.html: anchors differ (only in the first: ['one'], only in the second: ['one-1'])",
    ]
    assert page_marker(PAGE.format(title="T ¶", body=body)).acronyms == 1

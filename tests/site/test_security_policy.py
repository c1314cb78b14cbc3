"""Every built page tells the browser to load nothing from elsewhere (Content-Security-Policy)."""

from __future__ import annotations

import re
from pathlib import Path

from sitegen.csp import apply, inline_scripts, policy, script_hash, with_policy

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _policies(site_dir: Path) -> dict[str, str]:
    found = {}
    for path in sorted(site_dir.rglob("*.html")):
        match = POLICY.search(path.read_text(encoding="utf-8"))
        found[path.relative_to(site_dir).as_posix()] = match.group(1) if match else ""
    return found


def test_every_page_carries_the_same_policy_before_anything_loads(site_dir: Path) -> None:
    policies = _policies(site_dir)
    assert "" not in policies.values(), [page for page, p in policies.items() if not p]
    assert len(set(policies.values())) == 1, "instant navigation keeps the first page's policy"
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert home.index("Content-Security-Policy") < min(home.index("<script"), home.index("<link"))


def test_the_policy_allows_only_the_sites_own_origin(site_dir: Path) -> None:
    value = next(iter(_policies(site_dir).values()))
    directives = dict(d.strip().split(" ", 1) for d in value.split(";"))
    assert directives["default-src"] == "'self'"
    for name, sources in directives.items():
        for source in sources.split():
            assert source in {"'self'", "'none'", "'wasm-unsafe-eval'", "'unsafe-inline'", "data:",
                              "blob:"} or source.startswith("'sha256-"), f"{name} allows {source}"
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in value
    assert directives["object-src"] == "'none'"


def test_every_inline_script_of_every_page_is_allowed_by_its_hash(site_dir: Path) -> None:
    value = next(iter(_policies(site_dir).values()))
    for path in site_dir.rglob("*.html"):
        for source in inline_scripts(path.read_text(encoding="utf-8")):
            assert script_hash(source) in value, f"an inline script of {path} is not allowed"


def test_data_blocks_and_scripts_from_files_need_no_hash() -> None:
    page = ('<script src="a.js"></script><script type="application/json">{"a": 1}</script>'
            '<script type="module">import "./b.mjs";</script><SCRIPT>go()</SCRIPT>')
    assert inline_scripts(page) == ['import "./b.mjs";', "go()"]


def test_a_new_inline_script_on_any_page_is_allowed_on_every_page(tmp_path: Path) -> None:
    for name, body in (("index.html", "first()"), ("a/index.html", "second()")):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f'<html><head><meta charset="utf-8"></head><body>'
                                     f"<script>{body}</script></body></html>")
    done = apply(tmp_path)
    assert done.pages == done.changed == 2 and done.hashes == 2
    for name in ("index.html", "a/index.html"):
        text = (tmp_path / name).read_text()
        assert script_hash("first()") in text and script_hash("second()") in text
    assert apply(tmp_path).changed == 0, "applying twice changes nothing"


def test_the_policy_goes_right_after_the_character_set() -> None:
    page = '<html><head><meta charset="utf-8"><title>x</title></head></html>'
    once = with_policy(page, policy(set()))
    assert once.startswith('<html><head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"')
    assert with_policy(once, policy(set())) == once

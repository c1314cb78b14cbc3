"""The site's acronyms, expanded on hover in the explorer too.

Every other page gets them from Python-Markdown's abbr extension, which does not look inside raw
HTML: the explorer's HTML is wrapped here at build time (``wrap_html``), and the page's script
wraps what it writes later (view.mjs ``setText``) with the same terms, which the page's data
carries (only those the explorer's words use). The glossary (content/) is the one source.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

SKIP = {"abbr", "title", "option", "textarea", "script", "style"}
_TAG = re.compile(r"(<[^>]*>)")


def pattern(terms: Iterable[str]) -> str:
    """One regular expression for every term, longest first (both Python and JavaScript read it)."""
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    return r"\b(" + "|".join(re.escape(t) for t in ordered) + r")\b" if ordered else r"(?!)"


def used(abbreviations: Mapping[str, str], texts: Iterable[str]) -> dict[str, str]:
    """The terms that appear in ``texts``, with what they stand for."""
    corpus = "\n".join(texts)
    found = set(re.findall(pattern(abbreviations), corpus)) if abbreviations else set()
    return {term: abbreviations[term] for term in sorted(found)}


def wrap_html(fragment: str, abbreviations: Mapping[str, str]) -> str:
    """``fragment`` with each term in its text (never in a tag, an attribute or an <abbr>)
    wrapped as <abbr title="...">TERM</abbr>."""
    if not abbreviations:
        return fragment
    regex = re.compile(pattern(abbreviations))
    out: list[str] = []
    skipping: list[str] = []
    for part in _TAG.split(fragment):
        if part.startswith("<"):
            match = re.match(r"<(/?)([a-zA-Z0-9]+)", part)
            if match:
                closing, name = match.group(1) == "/", match.group(2).lower()
                if name in SKIP and not part.endswith("/>"):
                    if closing and skipping and skipping[-1] == name:
                        skipping.pop()
                    elif not closing:
                        skipping.append(name)
            out.append(part)
        elif skipping:
            out.append(part)
        else:
            out.append(regex.sub(lambda m: f'<abbr title="{html.escape(abbreviations[m.group(1)])}">'
                                           f"{m.group(1)}</abbr>", part))
    return "".join(out)

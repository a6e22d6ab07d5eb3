"""HTML -> article text and metadata through trafilatura; small HTML fragments (feed summaries) by lxml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from armswatch.errors import InputError
from armswatch.ingest.cleanup import is_chrome
from armswatch.ingest.dates import normalize_date

# Fewer words than this, after dropping chrome, is not an article (a headline alone has more).
MIN_ARTICLE_WORDS = 4

_HTML_DOCUMENT = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(r"<(?:head|article|p|div|h[1-6]|span|a|section|main)\b[^>]*>", re.IGNORECASE)
_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote|tr|section|article)\s*>")


@dataclass
class HtmlArticle:
    text: str
    title: str | None
    byline: str | None
    outlet: str | None
    published: str | None
    url: str | None


def looks_like_html(text: str) -> bool:
    """Whether pasted or fetched text is HTML markup rather than prose."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if _HTML_DOCUMENT.search(head):
        return True
    # A fragment counts only when it opens with a tag: prose may mention "<p>" in passing.
    return head.startswith("<") and bool(_HTML_TAG.search(head))


def extract_html(markup: str | bytes, source: str, *, url: str | None = None) -> HtmlArticle:
    """The main text and metadata of an article page; InputError when there is no main text."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(source, f"malformed HTML ({type(exc).__name__}: {exc})") from None
    extracted: dict[str, Any] = {}
    if result is not None:
        extracted = result if isinstance(result, dict) else result.as_dict()
    paragraphs = [
        line.strip()
        for line in (extracted.get("text") or "").splitlines()
        if line.strip() and not is_chrome(line)
    ]
    # A menu or a lone link is what trafilatura returns when a page has no article in it.
    if sum(len(line.split()) for line in paragraphs) < MIN_ARTICLE_WORDS:
        raise InputError(
            source, "no article text found in the HTML (malformed page or no main content)"
        )
    text = "\n\n".join(paragraphs)
    return HtmlArticle(
        text=text,
        title=(extracted.get("title") or None),
        byline=(extracted.get("author") or None),
        outlet=(extracted.get("sitename") or None),
        published=normalize_date(extracted.get("date")),
        url=extracted.get("url") or url,
    )


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed entry's summary), paragraphs kept apart."""
    import lxml.html
    from lxml.etree import ParserError

    if "<" not in fragment:
        return fragment.strip()
    marked = _BLOCK_END.sub("\n\n", fragment)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    text = root.text_content()
    paragraphs = [
        re.sub(r"[ \t\r\f\v]+", " ", block).strip() for block in re.split(r"\n\s*\n", text)
    ]
    return "\n\n".join(p for p in paragraphs if p)

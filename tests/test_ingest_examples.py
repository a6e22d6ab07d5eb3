"""The bundled examples: every one reads cleanly, has a date, and the README lists each of them."""

from __future__ import annotations

from pathlib import Path

from armswatch.ingest import iter_inputs
from armswatch.models import Document, Failure

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_every_example_reads_without_failure_and_has_title_and_date() -> None:
    items = list(iter_inputs([str(EXAMPLES)]))
    assert not [item for item in items if isinstance(item, Failure)]
    documents = [item for item in items if isinstance(item, Document)]
    assert len(documents) >= 10
    for document in documents:
        assert document.title and document.text.startswith(document.title), document.doc_ref
        assert document.published, document.doc_ref


def test_examples_cover_text_html_and_headline_only_records() -> None:
    documents = [item for item in iter_inputs([str(EXAMPLES)]) if isinstance(item, Document)]
    refs = [document.doc_ref or "" for document in documents]
    assert any(ref.endswith(".txt") for ref in refs)
    assert any(ref.endswith(".html") for ref in refs)
    headline_only = [d for d in documents if d.text == d.title]
    assert len(headline_only) >= 3


def test_readme_lists_every_example_file() -> None:
    readme = (EXAMPLES / "README.md").read_text()
    for path in EXAMPLES.iterdir():
        if path.name != "README.md" and not path.name.startswith("."):
            assert f"`{path.name}`" in readme, path.name


def test_scraped_example_loses_its_chrome() -> None:
    (document,) = list(iter_inputs([str(EXAMPLES / "10_scraped_page_poland_k9.txt")]))
    assert isinstance(document, Document)
    for chrome in (
        "Skip to main content",
        "Now Reading",
        "min read",
        "Advertisement",
        "Warsaw-based",
        "©",
    ):
        assert chrome not in document.text
    assert document.byline == "Marta Nowak"

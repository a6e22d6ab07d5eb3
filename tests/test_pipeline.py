"""pipeline.ingest: every input read, extracted and stored by one writer, in input order."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from armswatch.ingest import minhash_signature, signature_to_bytes
from armswatch.models import Claim, Document, Failure
from armswatch.pipeline import ingest, iter_extracted
from test_scale import ARTICLES, delivery_claims


class RecordingStore:
    """The three Store methods the pipeline writes through, recording what it was given."""

    def __init__(self, known_texts: tuple[str, ...] = ()) -> None:
        self.known_texts = known_texts
        self.documents: list[tuple[Document, list[Claim]]] = []
        self.signatures: dict[str, bytes | None] = {}
        self.failures: list[Failure] = []
        self.refreshes = 0
        self.transactions: list[int] = []

    def add_batch(
        self,
        batch: list[tuple[Document, list[Claim]]],
        *,
        signatures: dict[str, bytes] | None = None,
    ) -> list[str]:
        self.transactions.append(len(batch))
        new = []
        for document, claims in batch:
            if any(text in document.text for text in self.known_texts):
                continue  # already stored: the store says it is not new
            self.documents.append((document, claims))
            self.signatures[document.doc_id] = (signatures or {}).get(document.doc_id)
            new.append(document.doc_id)
        return new

    def add_failure(self, failure: Failure) -> None:
        self.failures.append(failure)

    def refresh_transfers(self) -> None:
        self.refreshes += 1


@pytest.fixture
def article_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number, text in enumerate(ARTICLES):
        (folder / f"{number:02d}-report.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "99-scan.txt").write_bytes(b"\x00\x01\x02 binary scan \xff\xfe")
    return folder


def stored_claims(store: RecordingStore) -> list[tuple[str, str, str]]:
    return [
        (claim.supplier.name, claim.recipient.name, claim.status)
        for _, claims in store.documents
        for claim in claims
        if claim.supplier and claim.recipient
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_stores_each_document_with_its_claims_and_each_failure(
    article_dir: Path, workers: int
) -> None:
    store = RecordingStore()
    report = ingest(
        [str(article_dir)], store, workers=workers, progress=False, extractor=delivery_claims
    )
    assert stored_claims(store) == [
        ("Norway", "Ukraine", "delivered"),
        ("Poland", "Ukraine", "delivered"),
        ("Egypt", "Ghana", "delivered"),
        ("Germany", "Lithuania", "delivered"),
    ]
    assert report.documents == len(store.documents) == len(ARTICLES) - 1
    assert report.new_documents == report.documents
    assert report.claims == 4
    reasons = {Path(f.input).name: (f.stage, f.reason) for f in store.failures}
    assert reasons["06-report.txt"] == (
        "extract",
        "extraction failed: ValueError: unexpected byte sequence",
    )
    assert reasons["99-scan.txt"][0] == "read"
    assert report.failures == store.failures
    assert store.refreshes == 1
    # The workers sign each document for the store's near-duplicate check, as the store would.
    for document, _ in store.documents:
        expected = signature_to_bytes(minhash_signature(document.text))
        assert store.signatures[document.doc_id] == expected


def test_documents_already_stored_do_not_count_as_new(article_dir: Path) -> None:
    store = RecordingStore(known_texts=("Norway delivered",))
    report = ingest([str(article_dir)], store, progress=False, extractor=delivery_claims)
    assert report.new_documents == report.documents - 1
    assert report.claims == 3


def test_iter_extracted_keeps_input_order_across_workers(article_dir: Path) -> None:
    paths = sorted(str(p) for p in article_dir.glob("0*.txt"))
    for workers in (1, 2):
        results = list(
            iter_extracted(paths, workers=workers, progress=False, extractor=delivery_claims)
        )
        names = [
            Path(r.input if isinstance(r, Failure) else r[0].doc_ref or "").name for r in results
        ]
        assert names == [Path(p).name for p in paths]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_is_drawn_on_a_terminal_only(
    article_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    ingest([str(article_dir)], RecordingStore(), extractor=delivery_claims)
    assert f"{len(ARTICLES) + 1} docs" in terminal.getvalue()

    quiet = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    ingest([str(article_dir)], RecordingStore(), progress=False, extractor=delivery_claims)
    assert quiet.getvalue() == ""

    piped = io.StringIO()  # not a terminal: a log file or a pipe
    monkeypatch.setattr(sys, "stderr", piped)
    ingest([str(article_dir)], RecordingStore(), extractor=delivery_claims)
    assert piped.getvalue() == ""


def test_unknown_engine_is_refused_before_reading(article_dir: Path) -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        ingest([str(article_dir)], RecordingStore(), engine="spark", progress=False)


@pytest.mark.slow
def test_real_extractor_runs_in_the_process_pool(tmp_path: Path) -> None:
    article = tmp_path / "drones.txt"
    article.write_text(
        "Iran has delivered 50 Shahed-136 drones to Russia, officials said on Monday.\n\n"
        "The central bank kept interest rates on hold, citing slowing inflation.\n",
        encoding="utf-8",
    )
    store = RecordingStore()
    report = ingest([str(article), str(article)], store, workers=2, progress=False)
    assert report.failures == []
    for _, claims in store.documents:
        pairs = {(c.supplier and c.supplier.code, c.recipient and c.recipient.code) for c in claims}
        assert ("IRN", "RUS") in pairs


def test_documents_are_written_in_batches_in_input_order(article_dir: Path) -> None:
    store = RecordingStore()
    report = ingest(
        [str(article_dir)], store, progress=False, extractor=delivery_claims, batch_documents=3
    )
    assert report.documents == len(ARTICLES) - 1
    assert store.transactions == [3] * (report.documents // 3) + (
        [report.documents % 3] if report.documents % 3 else []
    )
    names = [Path(document.doc_ref or "").name for document, _ in store.documents]
    assert names == sorted(names)


def test_a_batch_waits_no_longer_than_its_time_limit(article_dir: Path) -> None:
    store = RecordingStore()
    # With no time to wait, every document is written as soon as it comes.
    ingest(
        [str(article_dir)],
        store,
        progress=False,
        extractor=delivery_claims,
        batch_documents=100,
        batch_seconds=0.0,
    )
    assert store.transactions == [1] * len(store.documents)


def test_ingest_into_a_real_store_counts_new_documents_and_claims_once(
    article_dir: Path, tmp_path: Path
) -> None:
    from armswatch.store import Store

    with Store(str(tmp_path / "register.db")) as store:
        first = ingest([str(article_dir)], store, progress=False, extractor=delivery_claims)
        again = ingest([str(article_dir)], store, progress=False, extractor=delivery_claims)
        counts = store.counts()
        pairs = {(t.supplier.name, t.recipient.name) for t in store.transfers()}
    assert (first.new_documents, first.claims) == (len(ARTICLES) - 1, 4)
    assert (again.new_documents, again.claims) == (0, 0)
    assert counts["documents"] == len(ARTICLES) - 1
    assert counts["claims"] == 4
    assert counts["failures"] == 4  # two unreadable or failing inputs, recorded on each run
    assert ("Poland", "Ukraine") in pairs

"""Crashes and concurrency: kill -9 mid-ingest loses nothing half-written; readers work meanwhile."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from armswatch.store import Store, resolve_url
from armswatch.store.schema import metadata

WRITER = Path(__file__).parent / "fixtures" / "register" / "writer.py"
INGEST_WRITER = Path(__file__).parent / "fixtures" / "register" / "ingest_writer.py"
DOCUMENTS = 150


def _writer(url: str, count: int = DOCUMENTS) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), url, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(process: subprocess.Popen[str], stored: int) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("stored") and int(line.split()[1]) >= stored:
            return
    raise AssertionError(f"writer ended early: {process.stderr.read() if process.stderr else ''}")


def _orphans(url: str) -> dict[str, int]:
    engine = create_engine(resolve_url(url))
    with engine.connect() as connection:
        counts = {
            "documents without claims": connection.scalar(
                text(
                    "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                    "(SELECT 1 FROM claims c WHERE c.doc_id = d.doc_id)"
                )
            ),
            "claims without documents": connection.scalar(
                text(
                    "SELECT count(*) FROM claims c WHERE NOT EXISTS "
                    "(SELECT 1 FROM documents d WHERE d.doc_id = c.doc_id)"
                )
            ),
            # Items are stored inside their claim's row (claims.detail), so they cannot be lost
            # apart from it; a claim without them would have no categories.
            "claims without items": connection.scalar(
                text(
                    "SELECT count(*) FROM claims WHERE categories = '' OR detail NOT LIKE '%items%'"
                )
            ),
        }
    engine.dispose()
    return counts


def _postgres_url() -> str:
    url = os.environ.get("ARMSWATCH_TEST_PG")
    if not url:
        pytest.skip("ARMSWATCH_TEST_PG is not set")
    engine = create_engine(resolve_url(url))
    with engine.begin() as connection:
        metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "register.db")
    return _postgres_url()


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_nothing_half_written_and_a_rerun_finishes(database):
    Store(database).close()
    writer = _writer(database)
    _wait_for(writer, 30)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    with Store(database) as store:
        partial = store.counts()
    assert 30 <= partial["documents"] < DOCUMENTS
    assert partial["claims"] == 5 * partial["documents"]
    assert _orphans(database) == {
        "documents without claims": 0,
        "claims without documents": 0,
        "claims without items": 0,
    }

    rerun = _writer(database)
    output, errors = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, errors
    with Store(database) as store:
        assert store.counts()["documents"] == DOCUMENTS
        assert store.counts()["claims"] == 5 * DOCUMENTS
        assert store.count_transfers() > 0
        assert store.refresh_transfers() == 0  # nothing left pending


@pytest.mark.slow
def test_kill_9_mid_batched_ingest_loses_whole_batches_only_and_a_rerun_finishes(
    database, tmp_path
):
    folder = tmp_path / "reports"
    folder.mkdir()
    reports = 1500  # enough that the kill comes before the end
    for number in range(reports):
        (folder / f"{number:04d}.txt").write_text(
            f"Report {number}: officials counted {number * 7919 % 1000} crates at depot "
            f"{number * 31} and said a further shipment number {number} was on its way.\n",
            encoding="utf-8",
        )
    Store(database).close()

    def run() -> subprocess.Popen[str]:
        command = [sys.executable, str(INGEST_WRITER), database, str(folder), "20"]
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    writer = run()
    _wait_for(writer, 60)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    with Store(database) as store:
        partial = store.counts()
    assert 60 <= partial["documents"] < reports
    assert partial["claims"] == 3 * partial["documents"]
    assert _orphans(database) == {
        "documents without claims": 0,
        "claims without documents": 0,
        "claims without items": 0,
    }

    rerun = run()
    _, errors = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, errors
    with Store(database) as store:
        assert store.counts()["documents"] == reports
        assert store.counts()["claims"] == 3 * reports
        assert store.count_transfers() > 0
        assert store.refresh_transfers() == 0  # nothing left pending


@pytest.mark.slow
def test_a_reader_works_while_a_writer_writes(database):
    Store(database).close()
    writer = _writer(database, count=2000)
    _wait_for(writer, 20)
    reads, seen = 0, []
    try:
        with Store(database) as reader:
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline and writer.poll() is None:
                seen.append(reader.counts()["documents"])
                reader.claims(supplier="PRK", limit=20)
                reader.transfers(limit=20)
                reads += 1
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    assert reads >= 10
    assert seen == sorted(seen)  # the reader sees the store grow, never a torn state
    assert seen[-1] > seen[0]

"""The store: idempotent, atomic, near-duplicate aware, incrementally fused, queryable, versioned.

Every test runs against SQLite; those marked `postgres` run again against the PostgreSQL server
named by ARMSWATCH_TEST_PG (CI starts one), and are skipped without it.
"""

from __future__ import annotations

import os
import sqlite3

import pytest
from sqlalchemy import create_engine, inspect, text

from armswatch.errors import StoreError
from armswatch.models import Failure, Origin, Quantity
from armswatch.store import Store, resolve_url, upgrade_database
from armswatch.store.schema import metadata
from fixtures.register.builders import claim, document

SHELLS = (
    "Russia is buying millions of artillery shells and rockets from North Korea, a State "
    "Department spokesman told reporters on Tuesday, describing a deal struck in recent weeks. "
    "The spokesman said the purchases showed that sanctions were hurting the Russian military. "
)
DRONES = (
    "Russia received its first shipment of Iranian drones last week, a White House spokesman "
    "said, adding that some of the aircraft had already failed in use over Ukraine. "
)


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
def store(request, tmp_path):
    url = str(tmp_path / "register.db") if request.param == "sqlite" else _postgres_url()
    with Store(url) as opened:
        yield opened


def test_url_resolution():
    assert resolve_url("data/x.db").startswith("sqlite:////")
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_url("sqlite:///x.db") == "sqlite:///x.db"


def test_default_database_comes_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ARMSWATCH_DB", str(tmp_path / "from-env.db"))
    with Store() as opened:
        assert opened.counts()["documents"] == 0
    assert (tmp_path / "from-env.db").exists()


def test_adding_the_same_document_twice_changes_nothing(store):
    article = document(SHELLS)
    claims = [claim(article), claim(article, status="delivered", certainty="unconfirmed")]

    assert store.add(article, claims) is True
    assert store.add(article, claims) is False

    assert store.counts() == {"documents": 1, "claims": 2, "transfers": 0, "failures": 0}


def test_a_document_and_its_claims_go_in_together_or_not_at_all(store):
    article = document(SHELLS)
    good = claim(article)
    broken = claim(article)
    broken.claim_id = good.claim_id  # a duplicate primary key makes the insert fail midway

    with pytest.raises(StoreError):
        store.add(article, [good, broken])

    assert store.counts()["documents"] == 0
    assert store.counts()["claims"] == 0
    assert store.add(article, [good]) is True


def test_near_duplicate_is_stored_linked_and_counted_once(store):
    original = document(SHELLS * 3, outlet="Wire Service", published="2022-09-06")
    syndicated = document(SHELLS * 3 + "Copyright Reprint Daily.", outlet="Reprint Daily")
    unrelated = document(DRONES * 3)
    store.add(original, [claim(original, origin=None)])
    store.add(syndicated, [claim(syndicated, origin=None)])
    store.add(unrelated, [claim(unrelated, supplier="IRN", category="uav", status="delivered")])
    store.refresh_transfers()

    stored = {d.doc_id: d for d in store.documents()}
    assert stored[syndicated.doc_id].duplicate_of == original.doc_id
    assert stored[unrelated.doc_id].duplicate_of is None
    [shells] = store.transfers(category="ammunition")
    assert shells.documents == 1
    assert shells.independent_origins == {"count": 1, "names": ["Wire Service"]}


def test_near_duplicate_detection_survives_reopening(tmp_path):
    path = str(tmp_path / "register.db")
    original = document(SHELLS * 3)
    with Store(path) as first:
        first.add(original, [claim(original)])
    copy = document(SHELLS * 3 + " Updated at 14:05.")
    with Store(path) as second:
        second.add(copy, [claim(copy)])
        assert second.document(copy.doc_id).duplicate_of == original.doc_id


def test_a_batch_links_near_duplicates_and_stores_the_same_buckets_as_single_adds(tmp_path):
    from armswatch.ingest.dedup import minhash_signature, signature_to_bytes
    from armswatch.store.core import _buckets

    original = document(SHELLS * 3)
    copy = document(SHELLS * 3 + " Updated at 14:05.")
    unrelated = document(DRONES * 3)
    batch = [
        (original, [claim(original)]),
        (unrelated, [claim(unrelated, supplier="IRN", category="uav", label="drones")]),
        (copy, [claim(copy)]),
    ]
    buckets = {}
    for name, adds in (("batch", [batch]), ("single", [[entry] for entry in batch])):
        path = str(tmp_path / f"{name}.db")
        with Store(path) as store:
            for entries in adds:
                store.add_many(entries)
            linked = {d.doc_id: d.duplicate_of for d in store.documents()}
        assert linked == {
            original.doc_id: None,
            unrelated.doc_id: None,
            copy.doc_id: original.doc_id,
        }
        with sqlite3.connect(path) as connection:
            buckets[name] = sorted(connection.execute("SELECT bucket, doc_id FROM document_bands"))
    assert buckets["batch"] == buckets["single"]
    # the buckets a store has always computed one signature at a time (and migration 0002 copies)
    expected = {
        (bucket, entry.doc_id)
        for entry, _ in batch
        for bucket in _buckets(signature_to_bytes(minhash_signature(entry.text)))
    }
    assert set(buckets["batch"]) == expected


def test_refresh_is_incremental_and_only_touches_new_keys(store):
    shells_report = document(SHELLS)
    drones_report = document(DRONES)
    store.add(shells_report, [claim(shells_report)])
    store.add(
        drones_report,
        [claim(drones_report, supplier="IRN", category="uav", label="drones", status="delivered")],
    )
    assert store.refresh_transfers() == 2
    assert store.refresh_transfers() == 0

    later = document("North Korean shells have been fired by Russian units, officials said.")
    store.add(later, [claim(later, status="in_use", reported_date="2022-11-02")])
    assert store.refresh_transfers() == 1

    [shells] = store.transfers(supplier="PRK")
    assert shells.stage == "in_use"
    assert shells.last_reported == "2022-11-02"
    assert len(store.transfers()) == 2


def test_transfer_queries_filter_as_documented(store):
    shells_report = document(SHELLS, published="2022-09-06")
    drones_report = document(DRONES, published="2022-08-30")
    second_origin = Origin(name="Ukrainian military", country="UKR", kind="military")
    store.add(shells_report, [claim(shells_report, quantity=Quantity(min=1000000, approx=True))])
    store.add(
        drones_report,
        [
            claim(
                drones_report,
                supplier="IRN",
                category="uav",
                label="drones",
                designation="Shahed-136",
                status="delivered",
                reported_date="2022-08-30",
            ),
            claim(
                drones_report,
                supplier="IRN",
                category="uav",
                label="drones",
                designation="Shahed-136",
                status="in_use",
                reported_date="2022-08-30",
                origin=second_origin,
            ),
        ],
    )
    store.refresh_transfers()

    def pairs(**filters):
        return sorted(f"{t.supplier.code}>{t.recipient.code}" for t in store.transfers(**filters))

    assert pairs() == ["IRN>RUS", "PRK>RUS"]
    assert pairs(supplier="north korea") == ["PRK>RUS"]
    assert pairs(supplier="IRN", recipient="Russia") == ["IRN>RUS"]
    assert pairs(category="uav") == ["IRN>RUS"]
    assert pairs(stage="negotiating") == ["PRK>RUS"]
    assert pairs(min_origins=2) == ["IRN>RUS"]
    assert pairs(since="2022-09-01") == ["PRK>RUS"]
    assert pairs(until="2022-08-31") == ["IRN>RUS"]
    assert pairs(text="shahed") == ["IRN>RUS"]
    assert pairs(limit=1) == ["PRK>RUS"]  # most recently reported first
    transfer_id = store.transfers(category="uav")[0].transfer_id
    assert store.transfer(transfer_id).category == "uav"
    assert store.transfer(transfer_id[:6]).transfer_id == transfer_id
    assert store.transfer("nope") is None


def test_claims_documents_and_failures_are_listed(store):
    article = document(SHELLS, title="Russia buys shells", url="https://example.org/a")
    store.add(
        article, [claim(article), claim(article, status="delivered", certainty="unconfirmed")]
    )
    store.add_failure(Failure(input="broken.html", reason="not HTML: binary content"))

    assert [c.status for c in store.claims(certainty="unconfirmed")] == ["delivered"]
    assert len(store.claims(category="ammunition", supplier="PRK")) == 2
    assert store.claims(category="uav") == []
    [stored] = store.documents()
    assert (stored.title, stored.url, stored.text) == (article.title, article.url, article.text)
    assert store.failures() == [Failure(input="broken.html", reason="not HTML: binary content")]


def test_sqlite_database_is_in_wal_mode(tmp_path):
    path = tmp_path / "register.db"
    Store(str(path)).close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_sqlite_bulk_adds_skip_foreign_key_checks_that_cannot_fail_and_others_keep_them(tmp_path):
    """add_batch's transaction does not check foreign keys (its claims and bands name documents
    it inserts first); what it stores satisfies them all, and every other transaction on the same
    pooled connection checks them again."""
    path = tmp_path / "register.db"
    original = document(SHELLS * 3)
    copy = document(SHELLS * 3 + " Updated at 14:05.")
    unrelated = document(DRONES * 3)
    with Store(str(path)) as opened:
        opened.add_many([(original, [claim(original)]), (unrelated, [claim(unrelated)])])
        opened.add(copy, [claim(copy)])
        opened.refresh_transfers()
        with opened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(Exception, match="FOREIGN KEY"), opened.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO document_bands (bucket, doc_id) VALUES (1, 'no such document')"
            )
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("SELECT count(*) FROM document_bands").fetchone()[0] == 48


def test_database_older_than_the_code_asks_for_db_upgrade(tmp_path):
    from alembic import command

    from armswatch.store import migrate

    path = str(tmp_path / "old.db")
    # A database an earlier armswatch wrote: schema revision 0001.
    engine = create_engine(resolve_url(path))
    with engine.begin() as connection:
        command.upgrade(migrate._config(connection), "0001")
    engine.dispose()

    with pytest.raises(StoreError, match=r"older than this armswatch.*run `armswatch db upgrade`"):
        Store(path)


def test_database_newer_than_the_code_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store(str(path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer than this armswatch"):
        Store(str(path))


def test_upgrade_command_creates_a_new_database(tmp_path):
    path = tmp_path / "fresh.db"
    before, after = upgrade_database(str(path))
    assert (before, after) == (None, "0002")
    engine = create_engine(f"sqlite:///{path}")
    assert {"documents", "claims", "transfers", "failures", "feed_state"} <= set(
        inspect(engine).get_table_names()
    )
    engine.dispose()
    assert upgrade_database(str(path)) == ("0002", "0002")


def test_a_file_that_is_not_an_armswatch_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(StoreError, match="not an armswatch database"):
        Store(str(path))


def test_feed_state_round_trips(store):
    assert store.feed_state("https://example.org/feed.xml") is None
    store.set_feed_state("https://example.org/feed.xml", etag='"abc"', state={"seen": 3})
    state = store.feed_state("https://example.org/feed.xml")
    assert (state["etag"], state["state"]) == ('"abc"', {"seen": 3})


def test_stored_claims_come_back_exactly_as_given(store):
    from armswatch.models import Item, Money, Party, Speaker
    from armswatch.store.core import claim_data

    article = document(SHELLS)
    full = claim(
        article,
        quantity=Quantity(min=1000000, max=None, approx=True, text="millions"),
        designation="122mm",
        speaker=Speaker(
            speaker="Vedant Patel",
            title="deputy spokesperson",
            org="U.S. State Department",
            country="USA",
            kind="government",
        ),
        extra_items=[Item(category="missiles", label="rockets")],
    )
    full.via = [Party(name="Belarus", code="BLR")]
    full.cites = [Speaker(org="U.S. intelligence", country="USA", kind="intelligence")]
    full.value = Money(amount=1.5e9, currency="USD", text="$1.5 billion")
    full.event_date.text = "in recent weeks"

    assert claim_data(full) == full.to_dict()
    store.add(article, [full])
    [stored] = store.claims()
    assert stored == full

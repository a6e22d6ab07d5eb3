"""Schema 0002 (compact claims, integer LSH buckets) upgrades a 0001 database without losing data.

The 0001 database is written here as armswatch 0001 wrote it: each claim's full JSON in
`claims.data`, its items in `claim_items`, LSH buckets as "band:sha1" text.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from armswatch.errors import StoreError
from armswatch.fuse import fuse_claims
from armswatch.ingest.dedup import minhash_signature, signature_to_bytes
from armswatch.models import Claim, Document, Item, Money, Party, Quantity, Speaker
from armswatch.store import Store, migrate, resolve_url, upgrade_database
from armswatch.store.core import _create_engine
from armswatch.store.schema import metadata
from fixtures.register.builders import claim, document

SHELLS = (
    "North Korea has agreed to sell Russia millions of artillery shells and rockets, two "
    "officials in Washington said on Monday, in a deal they described as a sign of how badly the "
    "war has drained Moscow's own stocks of ammunition over the summer. "
)
DRONES = (
    "Iran delivered a first batch of attack drones to Russia late last month, according to a "
    "Ukrainian intelligence assessment seen by reporters, which Tehran's foreign ministry denied. "
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "register.db")
        return
    url = os.environ.get("ARMSWATCH_TEST_PG")
    if not url:
        pytest.skip("ARMSWATCH_TEST_PG is not set")
    _drop_everything(url)
    yield url
    # A 0001 store left behind keeps claim_items, which other tests' cleanup does not know.
    _drop_everything(url)


def _drop_everything(url: str) -> None:
    engine = create_engine(resolve_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS claim_items"))
        metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


def _old_buckets(signature: bytes) -> list[str]:
    width = len(signature) // 16
    return [
        f"{band}:{hashlib.sha1(signature[band * width : (band + 1) * width]).hexdigest()}"
        for band in range(16)
    ]


def _write_0001(path: str, reports: list[tuple[Document, list[Claim]]]) -> None:
    """A database at revision 0001 holding these documents and claims, keys pending fusion."""
    engine = _create_engine(resolve_url(path))
    with engine.begin() as connection:
        command.upgrade(migrate._config(connection), "0001")
        for doc, claims in reports:
            signature = signature_to_bytes(minhash_signature(doc.text))
            connection.execute(
                text(
                    "INSERT INTO documents (doc_id, url, outlet, published, text, signature, "
                    "added_at) VALUES (:doc_id, :url, :outlet, :published, :text, :signature, "
                    ":added_at)"
                ),
                {
                    "doc_id": doc.doc_id,
                    "url": doc.url,
                    "outlet": doc.outlet,
                    "published": doc.published,
                    "text": doc.text,
                    "signature": signature,
                    "added_at": datetime.now(UTC).isoformat(" "),
                },
            )
            for bucket in _old_buckets(signature):
                connection.execute(
                    text("INSERT INTO document_bands (bucket, doc_id) VALUES (:bucket, :doc_id)"),
                    {"bucket": bucket, "doc_id": doc.doc_id},
                )
            for found in claims:
                data = found.to_dict()
                connection.execute(
                    text(
                        "INSERT INTO claims (claim_id, doc_id, supplier_key, supplier_name, "
                        "recipient_key, recipient_name, status, certainty, deal, reported_date, "
                        "event_start, event_end, origin_key, origin_name, attribution, "
                        "evidence_text, confidence, data) VALUES (:claim_id, :doc_id, :sk, :sn, "
                        ":rk, :rn, :status, :certainty, :deal, :reported, :start, :end, :ok, "
                        ":on, :attribution, :evidence, :confidence, :data)"
                    ),
                    {
                        "claim_id": found.claim_id,
                        "doc_id": found.doc_id,
                        "sk": found.supplier.key if found.supplier else "",
                        "sn": found.supplier.name if found.supplier else None,
                        "rk": found.recipient.key if found.recipient else "",
                        "rn": found.recipient.name if found.recipient else None,
                        "status": found.status,
                        "certainty": found.certainty,
                        "deal": found.deal,
                        "reported": found.reported_date,
                        "start": found.event_date.start,
                        "end": found.event_date.end,
                        "ok": found.origin.key if found.origin else None,
                        "on": found.origin.name if found.origin else None,
                        "attribution": json.dumps(data["attribution"]),
                        "evidence": found.evidence.text,
                        "confidence": found.confidence,
                        "data": json.dumps(data),
                    },
                )
                for position, item in enumerate(found.items):
                    connection.execute(
                        text(
                            "INSERT INTO claim_items (claim_id, position, supplier_key, "
                            "recipient_key, category, label) VALUES (:c, :p, :s, :r, :cat, :l)"
                        ),
                        {
                            "c": found.claim_id,
                            "p": position,
                            "s": found.supplier.key if found.supplier else "",
                            "r": found.recipient.key if found.recipient else "",
                            "cat": item.category,
                            "l": item.label,
                        },
                    )
                    connection.execute(
                        text(
                            "INSERT INTO pending_keys VALUES (:s, :r, :cat) ON CONFLICT DO NOTHING"
                        ),
                        {
                            "s": found.supplier.key if found.supplier else "",
                            "r": found.recipient.key if found.recipient else "",
                            "cat": item.category,
                        },
                    )
    engine.dispose()


def _reports() -> list[tuple[Document, list[Claim]]]:
    shells = document(SHELLS * 2, outlet="Capital Courier", published="2023-09-12")
    drones = document(DRONES * 2, outlet=None, url="https://www.example.net/drones", published=None)
    full = claim(
        shells,
        quantity=Quantity(min=1000000, max=None, approx=True, text="millions"),
        designation="152mm",
        speaker=Speaker(org="U.S. officials", country="USA", kind="government"),
        extra_items=[Item(category="missiles", label="rockets")],
        status="agreed",
        event_start="2023-09",
    )
    full.via = [Party(name="Belarus", code="BLR")]
    full.cites = [Speaker(speaker="an official", org="National Security Council", country="USA")]
    full.value = Money(amount=2.5e8, currency="USD", text="$250 million")
    full.event_date.text = "over the summer"
    bare = claim(shells, supplier=None, origin=None, status="sought", certainty="speculative")
    delivered = claim(
        drones,
        supplier="IRN",
        category="uav",
        label="attack drones",
        status="delivered",
        origin=None,
        reported_date=None,
    )
    denied = claim(
        drones, supplier="IRN", category="uav", status="delivered", certainty="denied", origin=None
    )
    return [(shells, [full, bare]), (drones, [delivered, denied])]


def test_upgrade_keeps_every_claim_and_fuses_as_before(url):
    path = url
    reports = _reports()
    _write_0001(path, reports)

    assert upgrade_database(path) == ("0001", "0002")

    original = {c.claim_id: c for _, claims in reports for c in claims}
    with Store(path) as store:
        assert store.counts()["claims"] == 4
        assert {c.claim_id: c for c in store.claims()} == original
        assert {c.claim_id for c in store.claims(category="missiles")} == {
            next(c.claim_id for c in original.values() if c.via)
        }
        store.refresh_transfers()
        expected = fuse_claims(original.values(), {d.doc_id: d for d, _ in reports})
        assert sorted(t.transfer_id for t in expected) == sorted(
            t.transfer_id for t in store.transfers()
        )
        for transfer in expected:
            assert store.transfer(transfer.transfer_id) == transfer


def test_upgraded_bands_still_find_near_duplicates(url):
    path = url
    reports = _reports()
    _write_0001(path, reports)
    upgrade_database(path)
    shells = reports[0][0]

    copy = document(shells.text + "Reprinted with permission.", outlet="Reprint Daily")
    with Store(path) as store:
        assert store.add(copy, [claim(copy)]) is True
        assert store.document(copy.doc_id).duplicate_of == shells.doc_id


def test_a_0001_database_is_refused_until_upgraded(url):
    _write_0001(url, _reports())
    with pytest.raises(StoreError, match=r"\(0001\) is older than this armswatch \(0002\)"):
        Store(url)

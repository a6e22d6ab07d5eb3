"""The bulk path fuses claims it has just written from memory: the transfers must be exactly those
a refresh from the stored claims gives, and another writer's claims must not be missed."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

from armswatch.models import Origin, Quantity
from armswatch.store import Store, resolve_url
from armswatch.store.schema import metadata
from fixtures.register.builders import claim, document

WIRE = (
    "Pyongyang has shipped artillery shells and rockets to Russian forces, according to officials "
    "in Washington who described rail cars crossing the border at Tumangang over several nights. "
)
DRONES = (
    "Tehran delivered attack drones to Moscow in August, a Western intelligence official said, "
    "while Iranian ministers insisted no aircraft had been sent for use in Ukraine. "
)
RADAR = (
    "Berlin agreed to supply a second air-defence radar to Kyiv, the German defence ministry said. "
)
OLD_DEAL = (
    "The Soviet Union sold armoured vehicles to India in 1987, according to archive records. "
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
def url(request, tmp_path) -> str:
    return str(tmp_path / "register.db") if request.param == "sqlite" else _postgres_url()


def _reports() -> list[tuple]:
    """Documents with claims that exercise every fusion rule: syndicated copies, claims without an
    origin or an outlet, a category-less claim, denials, hedges, separate deals, quantities."""
    wire = document(WIRE * 3, outlet="Wire Service", published="2022-09-06")
    copy = document(WIRE * 3 + "Reprinted with permission.", outlet="Reprint Daily")
    drones = document(DRONES * 2, outlet=None, url="https://www.example-news.net/drones")
    radar = document(RADAR * 2, outlet=None, url=None, published="2023-01-10")
    old = document(OLD_DEAL * 2, outlet="Archive Monthly", published="1988-02-01")
    ministry = Origin(name="Iranian government", country="IRN", kind="government")
    return [
        (
            wire,
            [
                claim(wire, status="delivered", quantity=Quantity(min=1000, approx=True)),
                claim(wire, category="missiles", label="rockets", origin=None),
                claim(wire, status="agreed", certainty="unconfirmed", origin=None),
            ],
        ),
        (copy, [claim(copy, status="delivered", origin=None)]),
        (
            drones,
            [
                claim(drones, supplier="IRN", category="uav", label="drones", status="delivered"),
                claim(
                    drones,
                    supplier="IRN",
                    category="uav",
                    label="drones",
                    status="delivered",
                    certainty="denied",
                    origin=ministry,
                ),
                claim(drones, supplier="IRN", category="unspecified", label="weapons", origin=None),
            ],
        ),
        (
            radar,
            [
                claim(
                    radar,
                    supplier="DEU",
                    recipient="UKR",
                    category="air_defence",
                    label="radar",
                    status="agreed",
                    origin=None,
                    reported_date=None,
                    quantity=Quantity(min=1, max=1),
                )
            ],
        ),
        (
            old,
            [
                claim(
                    old,
                    supplier="SUN",
                    recipient="IND",
                    category="armoured_vehicles",
                    label="vehicles",
                    status="delivered",
                    reported_date="1988-02-01",
                    event_start="1987",
                ),
                claim(
                    old,
                    supplier="SUN",
                    recipient="IND",
                    category="armoured_vehicles",
                    label="vehicles",
                    status="offered",
                    certainty="speculative",
                    reported_date="2022-05-01",
                ),
            ],
        ),
    ]


def _transfers(store: Store) -> dict[str, dict]:
    return {transfer.transfer_id: transfer.to_dict() for transfer in store.iter_transfers()}


def _refused_from_scratch(url: str) -> dict[str, dict]:
    """Every key re-fused by a fresh process, which holds nothing in memory: all read back."""
    with Store(url) as fresh:
        with fresh.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO pending_keys (supplier_key, recipient_key, category) "
                    # A refresh re-fuses whole supplier-recipient pairs: any category names one.
                    "SELECT DISTINCT supplier_key, recipient_key, trim(categories) FROM claims"
                )
            )
        assert fresh.refresh_transfers() > 0
        return _transfers(fresh)


def test_bulk_fusion_from_memory_equals_a_refresh_from_the_stored_claims(url):
    reports = _reports()
    with Store(url) as store:
        assert store.add_many(reports[:2]) == 2
        assert store.add_many(reports[2:]) == 3
        store.refresh_transfers()
        fused = _transfers(store)

    assert len(fused) >= 6
    assert _refused_from_scratch(url) == fused


def test_claims_added_to_pairs_already_stored_are_fused_with_the_old_ones(url):
    reports = _reports()
    with Store(url) as first:
        first.add_many(reports[:1])
        first.refresh_transfers()
    with Store(url) as second:
        # The PRK-RUS pair is in the store already: its new claims join those read back.
        second.add_many(reports[1:])
        second.refresh_transfers()
        fused = _transfers(second)
    assert _refused_from_scratch(url) == fused
    [shells] = [t for t in fused.values() if t["category"] == "ammunition"]
    assert shells["documents"] == 1  # the copy still counts as its original


def test_another_writers_claims_for_the_same_pair_are_not_missed(url):
    wire, wire_claims = _reports()[0]
    later = document("Officials said more North Korean shells reached Russian depots in October.")
    with Store(url) as writer, Store(url) as other:
        writer.add_many([(wire, wire_claims)])  # a new pair: this process holds its claims
        other.add(later, [claim(later, status="in_use", reported_date="2022-10-20")])
        writer.refresh_transfers()
        [shells] = writer.transfers(category="ammunition")
    assert shells.stage == "in_use"
    assert shells.last_reported == "2022-10-20"
    assert _refused_from_scratch(url) == _transfers_of(url)


def test_a_chain_of_copies_fuses_the_same_from_memory_and_read_back(url):
    # A caller may link a copy to a copy (the store's own check always names the original); the
    # copies' claims come first in the store, so a read meets each copy as another's original too.
    original = document(RADAR * 2, outlet="Wire Service", published="2022-09-06")
    copy = document(DRONES * 2, outlet=None, url=None)
    copy.duplicate_of = original.doc_id
    copy_of_copy = document(OLD_DEAL * 2, outlet=None, url=None)
    copy_of_copy.duplicate_of = copy.doc_id
    reports = [(doc, [claim(doc, origin=None)]) for doc in (copy_of_copy, copy, original)]
    with Store(url) as store:
        store.add_many(reports)
        store.refresh_transfers()
        fused = _transfers(store)
    [shells] = fused.values()
    assert shells["documents"] == 1
    assert shells["independent_origins"] == {"count": 1, "names": ["Wire Service"]}
    assert _refused_from_scratch(url) == fused


def _transfers_of(url: str) -> dict[str, dict]:
    with Store(url) as store:
        return _transfers(store)


def test_add_batch_names_the_documents_that_were_new(url):
    reports = _reports()
    with Store(url) as store:
        assert store.add_batch(reports[:2]) == [reports[0][0].doc_id, reports[1][0].doc_id]
        assert store.add_batch(reports[:3]) == [reports[2][0].doc_id]


def test_past_its_bound_the_cache_is_dropped_and_the_claims_read_back(url, monkeypatch):
    from armswatch.store import core

    monkeypatch.setattr(core, "CACHED_CLAIMS", 4)
    reports = _reports()
    with Store(url) as store:
        store.add_many(reports[:2])
        assert store._cache.size == 4  # within the bound: kept
        store.add_many(reports[2:])
        assert store._cache.size == 0  # past it: every pair will be read back
        store.refresh_transfers()
        fused = _transfers(store)
    assert _refused_from_scratch(url) == fused

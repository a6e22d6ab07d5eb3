"""Byte-identity check for store changes: build a store from fixed synthetic input with whatever
armswatch is on PYTHONPATH, then write a hash of each table's rows (rowids included) to a JSON
file, so that two code versions can be compared:

    PYTHONPATH=OLD/src python benchmarks/store_identity.py varied old.json
    PYTHONPATH=NEW/src python benchmarks/store_identity.py varied new.json
    cmp old.json new.json

`varied`: 760 documents over a few pairs, with copies linked by the store and by the caller,
another writer's claims, per-document adds and four refreshes. `bench`: store_bench.py's bulk run
(100,000 claims) then 20,000 claims into the pairs it holds (read back).
"""

import hashlib
import json
import os
import random
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from armswatch.models import (
    CATEGORIES,
    LIFECYCLE,
    Claim,
    DateSpan,
    Document,
    Evidence,
    Item,
    Origin,
    Party,
    Quantity,
)
from armswatch.store import Store

STATUSES = list(LIFECYCLE) + ["suspended", "cancelled"]
CERT = ["confirmed", "reported", "reported", "unconfirmed", "speculative", "denied"]
DATES = [
    None,
    "1987",
    "1988-02",
    "1990-01-01",
    "2019-06-01",
    "2020",
    "2021-12-31",
    "2022-05-01",
    "2023-02-30",
    "someday",
    "2014-03-01",
    "2025-07-07",
]
ORIGINS = [
    Origin(name="U.S. government", country="USA", kind="government"),
    Origin(name="U.S. Government", country="USA", kind="government"),
    Origin(name="Reuters", kind="media"),
    Origin(name="Kyiv", country="UKR", kind="military"),
    None,
    None,
]
WORDS = [f"w{n}" for n in range(3000)]


def party(rng, side):
    """A supplier or recipient: states under two names, groups, or none."""
    r = rng.random()
    if r < 0.05:
        return None
    if side == "s":
        return rng.choice(
            [
                Party(name="Russia", code="RUS"),
                Party(name="Moscow", code="RUS"),
                Party(name="Iran", code="IRN"),
                Party(name="Wagner Group", code=None, kind="group"),
                Party(name="North Korea", code="PRK"),
            ]
        )
    return rng.choice(
        [
            Party(name="Russia", code="RUS"),
            Party(name="Belarus", code="BLR"),
            Party(name="Sudan", code="SDN"),
            Party(name="Hamas", code=None, kind="group"),
        ]
    )


def varied(rng, start, n, docs_so_far):
    """n documents with 0 to 7 claims each, every field varied (see the module's docstring)."""
    batch = []
    for k in range(start, start + n):
        if docs_so_far and rng.random() < 0.15:
            base = rng.choice(docs_so_far)  # a near-copy the store links itself
            text = base.text + f" Reprinted {k}."
        else:
            text = f"Report {k}: " + " ".join(rng.choice(WORDS) for _ in range(120))
        doc = Document.from_text(
            text,
            outlet=rng.choice([None, "Wire", "Daily", "wire"]),
            url=rng.choice([None, "https://www.example.net/a", "https://news.test/x"]),
            published=rng.choice(DATES),
        )
        if docs_so_far and rng.random() < 0.05:
            doc.duplicate_of = rng.choice(docs_so_far).doc_id  # the caller's own link (chains)
        claims = []
        for j in range(rng.randrange(0, 8)):
            items = [
                Item(
                    category=rng.choice(CATEGORIES[:4] + ("unspecified",)),
                    label=rng.choice([None, "shells", "drones"]),
                    designation=rng.choice([None, "Shahed-136", "T-72"]),
                    quantity=rng.choice(
                        [
                            None,
                            Quantity(
                                min=rng.choice([None, 1, 5, 100]),
                                max=rng.choice([None, 5, 10, 200]),
                                approx=rng.random() < 0.3,
                                text=rng.choice([None, "millions", "5"]),
                            ),
                        ]
                    ),
                )
                for _ in range(rng.choice([0, 1, 1, 2]))
            ]
            claims.append(
                Claim(
                    claim_id=f"{doc.doc_id}-{j}",
                    doc_id=doc.doc_id,
                    supplier=party(rng, "s"),
                    recipient=party(rng, "r"),
                    items=items,
                    status=rng.choice(STATUSES),
                    certainty=rng.choice(CERT),
                    evidence=Evidence(start=0, end=20, text=text[:20]),
                    deal=rng.choice(["sale", "aid", "unspecified", "barter"]),
                    event_date=DateSpan(
                        start=rng.choice(DATES),
                        end=rng.choice(DATES) if rng.random() < 0.2 else None,
                    ),
                    reported_date=rng.choice(DATES),
                    origin=rng.choice(ORIGINS),
                    confidence=rng.choice([0.3, 0.7, 0.8, 1.0]),
                )
            )
        batch.append((doc, claims))
        docs_so_far.append(doc)
    return batch


def run(kind, path):
    """Build the store of `kind` at path."""
    rng = random.Random(11)
    docs = []
    with Store(path) as store:
        if kind == "bench":
            import store_bench as sb

            for begin in range(0, 10000, 500):
                b = sb.synthetic_batch(begin, 500, 10, 500, 1, 6)
                store.add_many(b, signatures=sb.signatures_of(b))
            store.refresh_transfers()
            for begin in range(30_000_000, 30_002_000, 200):  # into pairs already stored: read back
                b = sb.synthetic_batch(begin, 200, 10, 500, 4)
                store.add_batch(b, signatures=sb.signatures_of(b))
            store.refresh_transfers()
            return
        for _round in range(4):
            for _ in range(3):
                store.add_many(varied(rng, len(docs), 60, docs))
            # another process's writes between (claims the cache does not hold)
            with Store(path) as other:
                other.add_many(varied(rng, len(docs), 5, docs))
            for doc, claims in varied(rng, len(docs), 5, docs):
                store.add(doc, claims)
            store.refresh_transfers()


def dump(path):
    """(rows, hash of the rows in a fixed order) of each table fusion writes, and of what the
    writer stores: claims, documents (all but the time they were added), bands, parties, origins."""
    c = sqlite3.connect(path)
    out = {}
    for table, order in [
        ("transfers", "rowid"),
        ("transfer_details", "rowid"),
        ("transfer_search", "rowid"),
        ("transfer_search_data", "id"),
        ("transfer_search_idx", "segid, term"),
        ("claims", "claim_id"),
        ("pending_keys", "1, 2, 3"),
        ("documents", "doc_id"),
        ("document_bands", "bucket, doc_id"),
        ("parties", "party_key"),
        ("origins", "origin_key"),
    ]:
        cols = "*"
        if table in ("transfers", "transfer_details", "transfer_search", "claims"):
            cols = "rowid, *"
        if table == "documents":
            # every column but added_at (the time of the run), with rowids
            cols = (
                "rowid, doc_id, doc_ref, url, title, byline, outlet, published, language, "
                "duplicate_of, text, signature"
            )
        rows = c.execute(f"SELECT {cols} FROM {table} ORDER BY {order}").fetchall()
        out[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16])
    return out


def main() -> None:
    kind, out_path = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as workdir:
        path = os.path.join(workdir, "store.db")
        run(kind, path)
        result = dump(path)
    Path(out_path).write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(kind, result)


if __name__ == "__main__":
    main()

"""Differential check for fusion changes: fuse random claim sets with the armswatch on PYTHONPATH
and with another checkout's armswatch.fuse, and compare the transfers (JSON) and labels:

    PYTHONPATH=src .venv/bin/python benchmarks/fusion_identity.py /path/to/old/src 5000 [SEED]

Each set has shuffled claims with undated and unparseable dates, parties under two names, claims
naming no category or several, exits and statuses outside the lifecycle, certainties outside the
vocabulary, odd confidences (0, above 1, below 0), open-ended and mixed quantities, repeated claim
ids, and documents with and without outlets, URLs and near-duplicate links (chains too); each is
fused with and without deal splitting. Exits with the first difference.
"""

import hashlib
import importlib.util
import random
import sys

import orjson

import armswatch.fuse  # noqa: F401  (the module, not the function armswatch exports)
from armswatch.models import CATEGORIES, LIFECYCLE, Document, Origin, Party, Quantity

NEW = sys.modules["armswatch.fuse"]
STATUSES = [*LIFECYCLE, "suspended", "cancelled", "rumoured"]
CERTAINTIES = ["confirmed", "reported", "reported", "unconfirmed", "speculative", "denied", "odd"]
DATES = [None, "", "1987", "1988-02", "1990-01-01", "1992-06-01", "2019-06-01", "2020",
         "2021-12-31", "2022-05-01", "2023-02-30", "someday", "2014-03-01", "2025-07-07",
         "2031-01-01", "2001-05-05", "2010-10-10"]  # fmt: skip
PARTIES = [None, Party("Russia", "RUS"), Party("Moscow", "RUS"), Party("Iran", "IRN"),
           Party("Wagner Group", None, "group"), Party("wagner group", None, "group")]  # fmt: skip
ORIGINS = [None, None, Origin("U.S. government", "USA", "government"),
           Origin("U.S. Government", "USA", "government"), Origin("Reuters", None, "media"),
           Origin("Kyiv", "UKR", "military"), Origin("reuters", None, "media")]  # fmt: skip


def load_old(src: str):
    spec = importlib.util.spec_from_file_location("old_fuse", f"{src}/armswatch/fuse.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_fuse"] = module
    spec.loader.exec_module(module)
    return module


def quantity(rng):
    if rng.random() < 0.4:
        return None
    return Quantity(
        min=rng.choice([None, 0, 1, 5, 100, 1.0]),
        max=rng.choice([None, 5, 10, 200, 1]),
        approx=rng.random() < 0.3,
        text=rng.choice([None, "", "millions", "5", "a few"]),
    )


def claim_set(rng):
    ids = [f"d{k}" for k in range(rng.randrange(1, 12))]
    documents = {}
    for doc_id in ids:
        if rng.random() < 0.9:
            documents[doc_id] = Document(
                doc_id=doc_id,
                text="",
                outlet=rng.choice([None, "", "Wire", "Daily", "wire"]),
                url=rng.choice([None, "https://www.example.net/a", "https://news.test/x", "x"]),
                published=rng.choice(DATES),
                duplicate_of=rng.choice(ids) if rng.random() < 0.2 else None,
            )
    facts = []
    for j in range(rng.choice([1, 2, 3, 5, 8, 20, 40, 80])):
        items = tuple(
            (
                rng.choice([*CATEGORIES[:4], "unspecified"]),
                rng.choice([None, "", "shells", "drones"]),
                rng.choice([None, "", "Shahed-136", "T-72", "M-1"]),
                quantity(rng),
            )
            for _ in range(rng.choice([0, 1, 1, 1, 2, 3]))
        )
        facts.append(
            dict(
                claim_id=rng.choice([f"c{j:03d}", f"c{rng.randrange(50):03d}"]),
                doc_id=rng.choice(ids),
                supplier=rng.choice(PARTIES),
                recipient=rng.choice(PARTIES[:4]),
                items=items,
                status=rng.choice(STATUSES),
                certainty=rng.choice(CERTAINTIES),
                deal=rng.choice(["sale", "aid", "unspecified", "barter", "lease"]),
                event_start=rng.choice(DATES),
                event_end=rng.choice(DATES) if rng.random() < 0.2 else None,
                reported_date=rng.choice(DATES),
                origin=rng.choice(ORIGINS),
                confidence=rng.choice([0.0, 0.3, 0.7, 0.8, 1.0, 1.3, -0.2, 0.55]),
            )
        )
    rng.shuffle(facts)
    return facts, documents


def fused(module, facts, documents, split):
    claims = [module.ClaimFacts(**fact) for fact in facts]
    found = module.fuse_facts(claims, documents, split_deals=split)
    return orjson.dumps([[transfer, sorted(labels)] for transfer, labels in found])


def main() -> None:
    old = load_old(sys.argv[1])
    count = int(sys.argv[2])
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    digest = hashlib.sha256()
    transfers = 0
    for seed in range(first, first + count):
        facts, documents = claim_set(random.Random(seed))
        for split in (True, False):
            before = fused(old, facts, documents, split)
            after = fused(NEW, facts, documents, split)
            if before != after:
                print(f"seed {seed}, split_deals={split}: transfers differ")
                print(before.decode()[:2000])
                print(after.decode()[:2000])
                sys.exit(1)
            transfers += before.count(b'"transfer_id"')
            digest.update(before)
    print(f"identical: {count} claim sets, {transfers} transfers, {digest.hexdigest()[:12]}")


if __name__ == "__main__":
    main()

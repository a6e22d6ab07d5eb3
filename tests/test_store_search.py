"""`transfers --text`: the trigram index answers exactly what a substring match of the search text
would, stays in step when fusion replaces transfers, and is built for stores that predate it."""

from __future__ import annotations

import sqlite3

import pytest

from armswatch.store import Store, core
from fixtures.register.builders import claim, document

PATRIOT = (
    "Germany has delivered a second Patriot air defence battery to Ukraine, the defence ministry "
    "in Berlin said on Friday, days after the launchers were seen on a train near the border. "
)
GEPARD = (
    "Berlin will send more Gepard anti-aircraft guns and ammunition for them to Kyiv, the "
    "government spokesman said, after talks with the manufacturer on restarting production. "
)


def _fill(store: Store) -> None:
    patriot = document(PATRIOT, published="2023-01-13")
    gepard = document(GEPARD, published="2023-02-02")
    store.add(
        patriot,
        [
            claim(
                patriot,
                supplier="DEU",
                recipient="UKR",
                category="air_defence",
                label="air defence battery",
                designation="Patriot",
                status="delivered",
                reported_date="2023-01-13",
            )
        ],
    )
    store.add(
        gepard,
        [
            claim(
                gepard,
                supplier="DEU",
                recipient="UKR",
                category="artillery",
                label="anti-aircraft guns",
                designation="Gepard",
                status="agreed",
                reported_date="2023-02-02",
            )
        ],
    )
    store.refresh_transfers()


def _categories(store: Store, words: str) -> list[str]:
    return sorted(t.category for t in store.transfers(text=words))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("patriot", ["air_defence"]),
        ("PATRIOT", ["air_defence"]),  # case does not matter
        ("atrio", ["air_defence"]),  # inside a word, as a substring match finds it
        ("anti-aircraft", ["artillery"]),
        ("germany", ["air_defence", "artillery"]),
        ("ge", ["air_defence", "artillery"]),  # too short for trigrams: answered by a scan
        ('patriot"', []),  # quotes are text, not query syntax
        ("gepard patriot", []),
    ],
)
def test_text_search_matches_substrings_of_the_search_text(tmp_path, words, expected):
    with Store(str(tmp_path / "register.db")) as store:
        assert store.text_index
        _fill(store)
        assert _categories(store, words) == expected


def test_text_search_follows_refusion(tmp_path):
    with Store(str(tmp_path / "register.db")) as store:
        _fill(store)
        later = document(
            "Ukraine's air force said the Patriot battery had shot down a missile over Kyiv.",
            published="2023-05-16",
        )
        # A new designation for the same transfer: fusion replaces the row, the index follows.
        store.add(
            later,
            [
                claim(
                    later,
                    supplier="DEU",
                    recipient="UKR",
                    category="air_defence",
                    label="air defence battery",
                    designation="MIM-104",
                    status="in_use",
                    reported_date="2023-05-16",
                )
            ],
        )
        store.refresh_transfers()
        assert _categories(store, "mim-104") == ["air_defence"]
        assert _categories(store, "patriot") == ["air_defence"]
        assert store.count_transfers() == 2
        connection = sqlite3.connect(tmp_path / "register.db")
        indexed = connection.execute("SELECT count(*) FROM transfer_search").fetchone()[0]
        assert indexed == 2


def test_many_candidates_give_the_same_answer_as_few(tmp_path, monkeypatch):
    with Store(str(tmp_path / "register.db")) as store:
        _fill(store)
        by_index = _categories(store, "germany")
        monkeypatch.setattr(core, "TEXT_INDEX_CANDIDATES", 1)
        assert _categories(store, "germany") == by_index == ["air_defence", "artillery"]


def test_a_store_without_the_index_gains_it_on_opening(tmp_path):
    path = tmp_path / "register.db"
    with Store(str(path)) as store:
        _fill(store)
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE transfer_search")
    connection.commit()
    connection.close()
    with Store(str(path)) as store:
        assert _categories(store, "gepard") == ["artillery"]
        assert _categories(store, "patriot") == ["air_defence"]


def test_an_index_with_positions_from_an_earlier_armswatch_is_rebuilt(tmp_path):
    path = tmp_path / "register.db"
    with Store(str(path)) as store:
        _fill(store)
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE transfer_search")
    connection.execute(
        "CREATE VIRTUAL TABLE transfer_search USING fts5("
        "transfer_id UNINDEXED, search_text, tokenize='trigram case_sensitive 1')"
    )
    connection.commit()
    connection.close()
    with Store(str(path)) as store:
        # The empty old-style index would find nothing: a rebuilt one finds both transfers.
        assert _categories(store, "germany") == ["air_defence", "artillery"]
        assert _categories(store, "gepard") == ["artillery"]
    connection = sqlite3.connect(path)
    definition = connection.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'transfer_search'"
    ).fetchone()[0]
    connection.close()
    assert "detail=none" in definition

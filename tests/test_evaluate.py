"""Scoring against gold: hand-checkable cases with a fake extractor and a simple fuser."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import armswatch.evaluate as evaluation
from armswatch.errors import EvaluationError
from armswatch.evaluate import evaluate, load_gold, quantities_overlap
from armswatch.models import (
    ASSERTED,
    Claim,
    Document,
    Evidence,
    Item,
    Party,
    Quantity,
    TimelineEntry,
    Transfer,
    status_rank,
)

STATES = {
    "USA": "United States",
    "TWN": "Taiwan",
    "RUS": "Russia",
    "PRK": "North Korea",
    "IRN": "Iran",
    "TUR": "Turkey",
    "DEU": "Germany",
    "UKR": "Ukraine",
}


def party(key: str | None) -> Party | None:
    if key is None:
        return None
    if key in STATES:
        return Party(name=STATES[key], code=key, kind="state")
    return Party(name=key, kind="group")


def claim(
    document: Document,
    supplier: str | None,
    recipient: str | None,
    category: str,
    status: str,
    certainty: str,
    sentence: str,
    quantity: tuple[int | None, int | None] | None = None,
) -> Claim:
    start = document.text.find(sentence)
    assert start >= 0, f"fixture sentence not in document: {sentence}"
    count = None if quantity is None else Quantity(min=quantity[0], max=quantity[1])
    return Claim(
        claim_id=f"{document.doc_ref}-{start}-{supplier}-{recipient}-{category}",
        doc_id=document.doc_id,
        doc_ref=document.doc_ref,
        supplier=party(supplier),
        recipient=party(recipient),
        items=[Item(category=category, label=category, quantity=count)],
        status=status,
        certainty=certainty,
        evidence=Evidence(start=start, end=start + len(sentence), text=sentence),
    )


def group_claims(claims: list[Claim]) -> list[Transfer]:
    """A small stand-in for fuse_claims: one transfer per (supplier, recipient, category)."""
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for item_claim in claims:
        key = (
            item_claim.supplier.key if item_claim.supplier else "",
            item_claim.recipient.key if item_claim.recipient else "",
            item_claim.items[0].category,
        )
        groups[key].append(item_claim)
    transfers = []
    for number, members in enumerate(groups.values()):
        asserted = [c.status for c in members if c.certainty in ASSERTED]
        stage = max(asserted, key=status_rank) if asserted else None
        unconfirmed = sorted(
            {c.status for c in members if c.certainty not in ASSERTED}, key=status_rank
        )
        quantities = [c.items[0].quantity for c in members if c.items[0].quantity]
        transfers.append(
            Transfer(
                transfer_id=str(number),
                supplier=members[0].supplier,
                recipient=members[0].recipient,
                category=members[0].items[0].category,
                stage=stage,
                unconfirmed_stages=unconfirmed,
                timeline=[
                    TimelineEntry(c.status, c.certainty, None, [c.claim_id]) for c in members
                ],
                quantity=quantities[0] if quantities else None,
                claim_ids=[c.claim_id for c in members],
            )
        )
    return transfers


ClaimSpec = tuple[Any, ...]


def fake_extractor(specs: dict[str, list[ClaimSpec]]):
    """An extractor that returns, for each gold id, the claims listed for it."""

    def extract(document: Document) -> list[Claim]:
        assert document.doc_ref is not None
        return [claim(document, *spec) for spec in specs.get(document.doc_ref, [])]

    return extract


def gold_line(
    doc_id: str,
    text: str,
    transfers: list[dict[str, Any]],
    form: str = "newswire",
    era: str = "2020s",
    title: str | None = None,
) -> str:
    return json.dumps(
        {
            "id": doc_id,
            "title": title,
            "text": text,
            "published": "2023-03-01",
            "form": form,
            "era": era,
            "transfers": transfers,
        }
    )


def write_gold(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


TAIWAN = (
    "The State Department approved the possible sale of 100 Patriot interceptors to Taiwan on "
    "Tuesday. Washington also cleared the sale of 40 Paladin howitzers to Taipei."
)
SHELLS = (
    "North Korea has shipped millions of artillery shells to Russia, US officials said. "
    "Iran delivered Shahed drones to Moscow last week. "
    "Turkey sold armoured vehicles to Ukraine, a Turkish minister said."
)


def gold_transfer(
    supplier: str,
    recipient: str,
    category: str,
    stage: str,
    certainty: str,
    quantity: tuple[int | None, int | None] | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "supplier": supplier,
        "recipient": recipient,
        "category": category,
        "stage": stage,
        "certainty": certainty,
    }
    if quantity is not None:
        data["quantity"] = {"min": quantity[0], "max": quantity[1]}
    return data


def test_two_gold_three_predicted_one_match_scores_precision_a_third_recall_a_half(
    tmp_path: Path,
) -> None:
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line(
                "shells",
                SHELLS,
                [
                    gold_transfer("PRK", "RUS", "ammunition", "delivered", "reported"),
                    gold_transfer("IRN", "RUS", "uav", "delivered", "reported"),
                ],
            )
        ],
    )
    extractor = fake_extractor(
        {
            "shells": [
                ("PRK", "RUS", "ammunition", "delivered", "reported", SHELLS.split(". ")[0]),
                # wrong category: an extra and, with the gold uav transfer unmatched, a miss
                ("IRN", "RUS", "aircraft", "delivered", "reported", "Iran delivered Shahed drones"),
                ("TUR", "UKR", "armoured_vehicles", "delivered", "confirmed", "Turkey sold"),
            ]
        }
    )
    result = evaluate(gold, extractor=extractor, fuser=group_claims)
    scores = result.overall.transfer
    assert (scores.tp, scores.fp, scores.fn) == (1, 2, 1)
    assert scores.precision == pytest.approx(1 / 3)
    assert scores.recall == pytest.approx(1 / 2)
    assert scores.f1 == pytest.approx(0.4)
    # Pairs: gold {PRK-RUS, IRN-RUS}, predicted {PRK-RUS, IRN-RUS, TUR-UKR}.
    assert result.overall.pair.precision == pytest.approx(2 / 3)
    assert result.overall.pair.recall == pytest.approx(1.0)


def test_scores_are_micro_averaged_over_documents(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line(
                "taiwan",
                TAIWAN,
                [
                    gold_transfer("USA", "TWN", "air_defence", "agreed", "confirmed", (100, 100)),
                    gold_transfer("USA", "TWN", "artillery", "agreed", "confirmed", (40, 40)),
                ],
            ),
            gold_line(
                "shells",
                SHELLS,
                [gold_transfer("PRK", "RUS", "ammunition", "delivered", "reported")],
            ),
        ],
    )
    extractor = fake_extractor(
        {
            "taiwan": [
                ("USA", "TWN", "air_defence", "agreed", "confirmed", "The State Department"),
                ("USA", "TWN", "artillery", "agreed", "confirmed", "Washington also cleared"),
            ]
        }
    )
    result = evaluate(gold, extractor=extractor, fuser=group_claims)
    # Micro: 2 tp, 0 fp, 1 fn overall, not the mean of per-document F1 (1.0 and 0.0).
    assert result.overall.transfer.recall == pytest.approx(2 / 3)
    assert result.overall.transfer.precision == pytest.approx(1.0)
    assert result.overall.transfer.f1 == pytest.approx(0.8)


def test_stage_and_certainty_use_the_furthest_hedged_stage_when_nothing_is_asserted(
    tmp_path: Path,
) -> None:
    text = (
        "Iran may send more drones to Russia, a Western diplomat said. "
        "Tehran denied having delivered any drones to Moscow. "
        "Germany has delivered Leopard 2 tanks to Ukraine, Berlin said."
    )
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line(
                "denial",
                text,
                [
                    gold_transfer("IRN", "RUS", "uav", "delivered", "denied"),
                    gold_transfer("DEU", "UKR", "armoured_vehicles", "delivered", "confirmed"),
                ],
            )
        ],
    )
    extractor = fake_extractor(
        {
            "denial": [
                ("IRN", "RUS", "uav", "offered", "speculative", "Iran may send"),
                ("IRN", "RUS", "uav", "delivered", "denied", "Tehran denied"),
                # right stage, wrong certainty
                ("DEU", "UKR", "armoured_vehicles", "delivered", "reported", "Germany has"),
            ]
        }
    )
    result = evaluate(gold, extractor=extractor, fuser=group_claims)
    assert result.overall.transfer.f1 == pytest.approx(1.0)
    assert (result.overall.stage.correct, result.overall.stage.total) == (2, 2)
    assert (result.overall.certainty.correct, result.overall.certainty.total) == (1, 2)


def test_quantity_accuracy_counts_overlapping_ranges_on_matched_transfers_with_a_gold_count(
    tmp_path: Path,
) -> None:
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line(
                "taiwan",
                TAIWAN,
                [
                    gold_transfer("USA", "TWN", "air_defence", "agreed", "confirmed", (100, 100)),
                    gold_transfer("USA", "TWN", "artillery", "agreed", "confirmed", (40, 40)),
                ],
            ),
            gold_line(
                "shells",
                SHELLS,
                [
                    gold_transfer(
                        "PRK", "RUS", "ammunition", "delivered", "reported", (1_000_000, None)
                    ),
                    gold_transfer("IRN", "RUS", "uav", "delivered", "reported"),
                ],
            ),
        ],
    )
    extractor = fake_extractor(
        {
            "taiwan": [
                ("USA", "TWN", "air_defence", "agreed", "confirmed", "The State", (100, 100)),
                ("USA", "TWN", "artillery", "agreed", "confirmed", "Washington", (100, 100)),
            ],
            "shells": [
                (
                    "PRK",
                    "RUS",
                    "ammunition",
                    "delivered",
                    "reported",
                    "North Korea",
                    (2_000_000, None),
                ),
                ("IRN", "RUS", "uav", "delivered", "reported", "Iran delivered", (5, 5)),
            ],
        }
    )
    result = evaluate(gold, extractor=extractor, fuser=group_claims)
    # Three matched transfers carry a gold count; the 40 howitzers were read as 100.
    assert (result.overall.quantity.correct, result.overall.quantity.total) == (2, 3)


def test_quantities_overlap_treats_missing_bounds_as_open() -> None:
    assert quantities_overlap((24, 99), (36, 36))
    assert quantities_overlap((1_000_000, None), (2_000_000, 2_000_000))
    assert not quantities_overlap((100, 100), (40, 40))
    assert not quantities_overlap((100, 100), None)
    assert quantities_overlap((None, 50), (10, None))


def test_false_positive_rate_is_the_share_of_negatives_with_any_prediction(
    tmp_path: Path,
) -> None:
    arsenal = "Arsenal beat Chelsea 2-1 on Sunday. The striker was the club's secret weapon."
    tanks = "The airline ordered 20 aircraft from Airbus. Fuel tanks on the jets will be enlarged."
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line("arsenal", arsenal, [], form="feature"),
            gold_line("airline", tanks, [], form="headline"),
            gold_line(
                "shells",
                SHELLS,
                [gold_transfer("PRK", "RUS", "ammunition", "delivered", "reported")],
            ),
        ],
    )
    extractor = fake_extractor(
        {
            "airline": [(None, None, "aircraft", "agreed", "reported", "The airline ordered")],
            "shells": [("PRK", "RUS", "ammunition", "delivered", "reported", "North Korea")],
        }
    )
    result = evaluate(gold, extractor=extractor, fuser=group_claims)
    assert result.overall.negatives == 2
    assert result.overall.false_positive_rate == pytest.approx(0.5)
    assert result.by_form["feature"].false_positive_rate == 0.0
    assert result.by_form["headline"].false_positive_rate == 1.0
    assert result.by_form["newswire"].transfer.f1 == pytest.approx(1.0)
    # The airline's extra is a transfer-level false positive too.
    assert result.overall.transfer.fp == 1


def test_unknown_party_matches_gold_unk_and_group_names_ignore_case(tmp_path: Path) -> None:
    text = (
        "Hezbollah has received anti-ship missiles, an Israeli official said. "
        "The shipment came by sea."
    )
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line(
                "hezbollah",
                text,
                [gold_transfer("UNK", "Hezbollah", "missiles", "delivered", "reported")],
            )
        ],
    )
    extractor = fake_extractor(
        {"hezbollah": [(None, "hezbollah", "missiles", "delivered", "reported", "Hezbollah has")]}
    )
    result = evaluate(gold, extractor=extractor, fuser=group_claims)
    assert result.overall.transfer.tp == 1


def test_breakdown_by_era_keeps_each_era_apart(tmp_path: Path) -> None:
    old = "The Soviet Union delivered MiG-23 fighters to Syria, Western diplomats said."
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line(
                "migs",
                old,
                [gold_transfer("SUN", "SYR", "aircraft", "delivered", "reported")],
                era="1980s",
            ),
            gold_line(
                "shells",
                SHELLS,
                [gold_transfer("PRK", "RUS", "ammunition", "delivered", "reported")],
            ),
        ],
    )
    extractor = fake_extractor(
        {"shells": [("PRK", "RUS", "ammunition", "delivered", "reported", "North Korea")]}
    )
    result = evaluate(gold, extractor=extractor, fuser=group_claims)
    assert list(result.by_era) == ["1980s", "2020s"]
    assert result.by_era["1980s"].transfer.recall == 0.0
    assert result.by_era["2020s"].transfer.recall == 1.0


def test_details_list_misses_and_extras_with_evidence(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line(
                "shells",
                SHELLS,
                [gold_transfer("IRN", "RUS", "uav", "delivered", "reported")],
            )
        ],
    )
    extractor = fake_extractor(
        {"shells": [("TUR", "UKR", "armoured_vehicles", "delivered", "confirmed", "Turkey sold")]}
    )
    details = evaluate(gold, extractor=extractor, fuser=group_claims).format_details()
    assert "MISS     IRN -> RUS uav [delivered/reported]" in details
    assert "EXTRA    TUR -> UKR armoured_vehicles" in details
    assert "> Turkey sold" in details


def test_a_failing_document_is_scored_empty_and_reported(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line(
                "shells",
                SHELLS,
                [gold_transfer("PRK", "RUS", "ammunition", "delivered", "reported")],
            )
        ],
    )

    def broken(document: Document) -> list[Claim]:
        raise ValueError("parser crashed")

    result = evaluate(gold, extractor=broken, fuser=group_claims)
    assert result.overall.transfer.fn == 1
    assert [r.failure for r in result.failures] == ["ValueError: parser crashed"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not valid JSON"),
        (
            gold_line(
                "x", "Some text.", [gold_transfer("USA", "TWN", "tanks", "agreed", "reported")]
            ),
            '"category"',
        ),
        (
            gold_line(
                "x", "Some text.", [gold_transfer("USA", "TWN", "ships", "sold", "reported")]
            ),
            '"stage"',
        ),
        (gold_line("x", "Some text.", [], form="blog"), '"form"'),
        (
            json.dumps({"id": "x", "text": "Some text.", "form": "newswire", "era": "2020s"}),
            '"transfers"',
        ),
        (
            gold_line(
                "x",
                "Some text.",
                [gold_transfer("USA", "TWN", "ships", "agreed", "reported", (9, 2))],
            ),
            "above",
        ),
    ],
)
def test_malformed_gold_names_the_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    good = gold_line("ok", SHELLS, [])
    path = write_gold(tmp_path / "bad.jsonl", [good, line])
    with pytest.raises(EvaluationError) as raised:
        load_gold(path)
    message = str(raised.value)
    assert message.startswith(f"{path}:2: ")
    assert reason in message


def test_duplicate_ids_across_files_are_rejected(tmp_path: Path) -> None:
    first = write_gold(tmp_path / "a.jsonl", [gold_line("same", SHELLS, [])])
    second = write_gold(tmp_path / "b.jsonl", [gold_line("same", TAIWAN, [])])
    with pytest.raises(EvaluationError, match=r"b\.jsonl:1: id \"same\" already used"):
        load_gold([first, second])


def test_cli_prints_the_table_and_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from armswatch.cli import main

    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line(
                "shells",
                SHELLS,
                [gold_transfer("PRK", "RUS", "ammunition", "delivered", "reported")],
            )
        ],
    )
    extractor = fake_extractor(
        {"shells": [("PRK", "RUS", "ammunition", "delivered", "reported", "North Korea")]}
    )
    monkeypatch.setattr(evaluation, "_default_extractor", lambda: extractor)
    monkeypatch.setattr(evaluation, "_default_fuser", lambda: group_claims)
    runner = CliRunner()
    table = runner.invoke(main, ["evaluate", str(gold)])
    assert table.exit_code == 0, table.output
    assert "all" in table.output and "1.000" in table.output
    as_json = runner.invoke(main, ["evaluate", str(gold), "--json"])
    assert json.loads(as_json.output)["overall"]["transfer"]["f1"] == 1.0


def test_cli_reports_malformed_gold_in_one_line(tmp_path: Path) -> None:
    from armswatch.cli import main

    path = write_gold(tmp_path / "bad.jsonl", ['{"id": "x"'])
    result = CliRunner().invoke(main, ["evaluate", str(path)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {path}:1: not valid JSON (Expecting ',' delimiter)"


def test_default_path_groups_claims_with_fuse_claims(tmp_path: Path) -> None:
    text = (
        "Iran may send more drones to Russia, a Western diplomat said. "
        "Tehran denied having delivered any drones to Moscow."
    )
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [gold_line("denial", text, [gold_transfer("IRN", "RUS", "uav", "delivered", "denied")])],
    )
    extractor = fake_extractor(
        {
            "denial": [
                ("IRN", "RUS", "uav", "offered", "speculative", "Iran may send"),
                ("IRN", "RUS", "uav", "delivered", "denied", "Tehran denied"),
            ]
        }
    )
    result = evaluate(gold, extractor=extractor)
    assert result.overall.transfer.f1 == pytest.approx(1.0)
    assert result.overall.stage.value == 1.0
    assert result.overall.certainty.value == 1.0


def test_generic_arms_beside_a_named_category_is_not_an_extra(tmp_path: Path) -> None:
    text = (
        "US OKs $1.1bn arms sale to Taiwan\n\n"
        "The State Department approved the sale of 60 Harpoon missiles to Taiwan."
    )
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line(
                "taiwan", text, [gold_transfer("USA", "TWN", "missiles", "agreed", "confirmed")]
            )
        ],
    )
    extractor = fake_extractor(
        {
            "taiwan": [
                ("USA", "TWN", "unspecified", "agreed", "reported", "US OKs"),
                ("USA", "TWN", "missiles", "agreed", "confirmed", "The State Department"),
                # a generic transfer for another pair is still an extra
                ("USA", "TUR", "unspecified", "agreed", "reported", "US OKs"),
            ]
        }
    )
    result = evaluate(gold, extractor=extractor, fuser=group_claims)
    assert (result.overall.transfer.tp, result.overall.transfer.fp) == (1, 1)
    assert [extra.recipient for extra in result.documents[0].extras] == ["TUR"]


def test_group_names_are_compared_through_the_lexicon_aliases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    groups = tmp_path / "groups.tsv"
    groups.write_text("name\taliases\nWagner Group\tWagner|PMC Wagner\n", encoding="utf-8")
    monkeypatch.setattr(evaluation, "GROUPS_FILE", groups)
    evaluation.group_names.cache_clear()
    text = (
        "North Korea has delivered infantry rockets to Russia's Wagner Group, the White House said."
    )
    gold = write_gold(
        tmp_path / "gold.jsonl",
        [
            gold_line(
                "wagner",
                text,
                [gold_transfer("PRK", "Wagner", "ammunition", "delivered", "reported")],
            )
        ],
    )
    extractor = fake_extractor(
        {
            "wagner": [
                ("PRK", "the Wagner Group", "ammunition", "delivered", "reported", "North Korea")
            ]
        }
    )
    try:
        result = evaluate(gold, extractor=extractor, fuser=group_claims)
    finally:
        evaluation.group_names.cache_clear()
    assert result.overall.transfer.tp == 1


def test_a_missing_gold_file_is_one_clear_line(tmp_path: Path) -> None:
    from armswatch.cli import main

    missing = tmp_path / "missing.jsonl"
    result = CliRunner().invoke(main, ["evaluate", str(missing)])
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"Error: {missing}: cannot read gold file (No such file or directory)"
    )

"""Exports: each interchange format carries the register's facts in that format's own layout."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from armswatch.export import GDELT_COLUMNS, export, sipri_row
from armswatch.fuse import fuse_claims
from armswatch.models import Origin, Quantity
from armswatch.sipri import parse_register
from armswatch.store import Store
from fixtures.register.builders import claim, document

STATE_DEPARTMENT = document(
    "Moscow is buying huge stocks of rockets and artillery rounds from Pyongyang, a State "
    "Department spokesman said on Tuesday.",
    url="https://example.org/state-department",
)
WHITE_HOUSE = document(
    "There were no indications that the purchase had been completed, the White House said.",
    url="https://example.org/white-house",
)
DRONES = document(
    "Russia received its first shipment of Shahed-136 drones from Iran last week, officials said.",
    url="https://example.org/drones",
    published="2022-08-30",
)
KYIV = Origin(name="Ukrainian military", country="UKR", kind="military")


@pytest.fixture
def store(tmp_path):
    with Store(str(tmp_path / "register.db")) as opened:
        opened.add(
            STATE_DEPARTMENT,
            [
                claim(
                    STATE_DEPARTMENT,
                    status="negotiating",
                    sentence="Moscow is buying huge stocks of rockets and artillery rounds",
                    quantity=Quantity(min=1000000, approx=True, text="millions"),
                ),
                claim(STATE_DEPARTMENT, status="sought"),
            ],
        )
        opened.add(WHITE_HOUSE, [claim(WHITE_HOUSE, status="delivered", certainty="unconfirmed")])
        opened.add(
            DRONES,
            [
                claim(
                    DRONES,
                    supplier="IRN",
                    category="uav",
                    label="drones",
                    designation="Shahed-136",
                    status="delivered",
                    reported_date="2022-08-30",
                    origin=KYIV,
                )
            ],
        )
        opened.refresh_transfers()
        yield opened


def _export(store: Store, fmt: str, **filters) -> str:
    out = io.StringIO()
    export(store, fmt, out, **filters)
    return out.getvalue()


def test_json_export_is_an_array_of_transfers(store):
    data = json.loads(_export(store, "json"))
    assert sorted((t["supplier"]["code"], t["category"], t["stage"]) for t in data) == [
        ("IRN", "uav", "delivered"),
        ("PRK", "ammunition", "negotiating"),
    ]


def test_csv_export_has_one_flat_row_per_transfer(store):
    rows = list(csv.DictReader(io.StringIO(_export(store, "csv", supplier="PRK"))))
    assert len(rows) == 1
    assert rows[0]["unconfirmed_stages"] == "delivered"
    assert rows[0]["quantity_min"] == "1000000"
    assert rows[0]["origin_names"] == "U.S. government"


def test_sipri_export_reads_back_as_a_sipri_register_with_uncertainty_marked(store):
    text = _export(store, "sipri")
    assert text.splitlines()[0].startswith("Transfers reported in the news")  # metadata on top
    deals = {deal["supplier_key"]: deal for deal in parse_register(text)}

    drones = deals["IRN"]["data"]
    assert drones["Recipient"] == "Russia"
    assert drones["Weapon designation"] == "Shahed-136"
    assert drones["Year(s) of delivery"] == "2022"
    assert drones["Year of order"] == "2022"
    assert drones["Year of order uncertain"] == ""

    shells = deals["PRK"]["data"]
    assert shells["Weapon description"] == "ammunition"
    # Only an unconfirmed delivery implies an order: the year is given, flagged uncertain.
    assert (shells["Year of order"], shells["Year of order uncertain"]) == ("2022", "?")
    assert (shells["Number ordered"], shells["Number ordered uncertain"]) == ("(1000000)", "?")
    assert shells["Number delivered"] == "(1000000)"  # estimated ("millions")
    assert shells["Number delivered uncertain"] == "?"  # delivery only unconfirmed
    assert shells["Year(s) of delivery"] == "(2022)"
    assert "unconfirmed: delivered" in shells["Comments"]


def test_sipri_row_marks_an_exact_confirmed_order_plainly():
    tanks = document("Germany delivered 18 Leopard 2 tanks to Ukraine.", published="2023-03-27")
    [transfer] = fuse_claims(
        [
            claim(
                tanks,
                supplier="DEU",
                recipient="UKR",
                category="armoured_vehicles",
                designation="Leopard 2",
                status="agreed",
                certainty="confirmed",
                reported_date="2023-01-25",
                quantity=Quantity(min=18, max=18),
            ),
            claim(
                tanks,
                supplier="DEU",
                recipient="UKR",
                category="armoured_vehicles",
                designation="Leopard 2",
                status="delivered",
                certainty="confirmed",
                reported_date="2023-03-27",
                quantity=Quantity(min=18, max=18),
            ),
        ]
    )
    row = sipri_row(transfer)
    assert row[:11] == [
        "Ukraine",
        "Germany",
        "2023",
        "",
        "18",
        "",
        "Leopard 2",
        "armoured vehicles",
        "18",
        "",
        "2023",
    ]


def test_cameo_export_uses_gdelt_columns_and_codes_from_stage(store):
    lines = _export(store, "cameo").splitlines()
    header = lines[0].split("\t")
    assert header == list(GDELT_COLUMNS)
    assert len(header) == 61
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    codes = {(r["Actor1Code"], r["Actor2Code"], r["EventCode"]) for r in rows}
    # Russia appeals to North Korea (sought), North Korea cooperates (negotiating) and provides
    # aid (delivered, even if unconfirmed), Iran provides drones.
    assert codes == {
        ("RUS", "PRK", "0232"),
        ("PRK", "RUS", "062"),
        ("PRK", "RUS", "072"),
        ("IRN", "RUS", "072"),
    }
    drones = next(r for r in rows if r["Actor1Code"] == "IRN")
    assert (drones["EventRootCode"], drones["QuadClass"], drones["SQLDATE"]) == (
        "07",
        "2",
        "20220830",
    )
    assert drones["SOURCEURL"] == "https://example.org/drones"


def test_cameo_codes_for_denials_and_stopped_deals():
    from armswatch.export import cameo_code

    report = document("Kyiv asked for jets; the deal was later called off.")
    asked_then_stopped = fuse_claims(
        [
            claim(report, supplier="USA", recipient="UKR", category="aircraft", status="sought"),
            claim(report, supplier="USA", recipient="UKR", category="aircraft", status="cancelled"),
        ]
    )[0]
    assert cameo_code("cancelled", "reported", asked_then_stopped) == "1222"
    assert cameo_code("delivered", "denied", asked_then_stopped) == "016"
    agreed_then_suspended = fuse_claims(
        [
            claim(report, supplier="USA", recipient="UKR", category="aircraft", status="agreed"),
            claim(report, supplier="USA", recipient="UKR", category="aircraft", status="suspended"),
        ]
    )[0]
    assert cameo_code("suspended", "reported", agreed_then_suspended) == "1622"


def test_plover_export_gives_military_aid_events_with_their_sentences(store):
    events = [json.loads(line) for line in _export(store, "plover").splitlines()]
    assert {e["event_type"] for e in events} == {"AID"}
    assert all(e["context"] == ["military"] for e in events)
    negotiating = next(e for e in events if e["armswatch"]["status"] == "negotiating")
    assert negotiating["actor"] == "North Korea"
    assert negotiating["recipient"] == "Russia"
    assert negotiating["date"] == "2022-09-06"
    assert (
        negotiating["event_text"] == "Moscow is buying huge stocks of rockets and artillery rounds"
    )
    assert negotiating["source_url"] == "https://example.org/state-department"


def test_graphml_export_has_supplier_to_recipient_edges(store):
    root = ET.fromstring(_export(store, "graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    edges = root.findall(".//g:edge", ns)
    pairs = {(e.get("source"), e.get("target")) for e in edges}
    assert pairs == {("PRK", "RUS"), ("IRN", "RUS")}
    drones = next(e for e in edges if e.get("source") == "IRN")
    values = {d.get("key"): d.text for d in drones.findall("g:data", ns)}
    assert values["stage"] == "delivered"
    assert values["designations"] == "Shahed-136"
    assert {n.get("id") for n in root.findall(".//g:node", ns)} == {"PRK", "RUS", "IRN"}

"""The SIPRI link: a trade-register CSV as SIPRI exports it, linked to the register's transfers."""

from __future__ import annotations

from pathlib import Path

import pytest

from armswatch.errors import InputError
from armswatch.models import Quantity
from armswatch.sipri import category_of, read_register
from armswatch.store import Store
from fixtures.register.builders import claim, document

REGISTER = Path(__file__).parent / "fixtures" / "register" / "sipri_trade_register.csv"


def test_register_is_read_past_its_metadata_lines_with_uncertainty_flags():
    deals = {(d["supplier_key"], d["designation"]): d for d in read_register(REGISTER)}
    assert len(deals) == 6
    shahed = deals[("IRN", "Shahed-136")]
    assert shahed["recipient_key"] == "RUS"
    assert shahed["category"] == "uav"
    assert (shahed["order_year"], shahed["order_year_uncertain"]) == (2022, True)
    assert shahed["data"]["number_ordered"] == 1000
    assert shahed["data"]["number_ordered_uncertain"] is True  # printed as (1000)
    s400 = deals[("RUS", "S-400")]
    assert (s400["recipient_key"], s400["category"]) == ("IND", "air_defence")
    assert s400["delivery_years"] == "2021;2022;2023"
    assert s400["order_year_uncertain"] is False


def test_weapon_descriptions_map_to_categories():
    assert category_of("SAM system") == "air_defence"
    assert category_of("Self-propelled MRL") == "artillery"
    assert category_of("FGA aircraft") == "aircraft"
    assert category_of("Tank") == "armoured_vehicles"
    assert category_of("Frigate") == "ships"


def test_a_file_without_the_register_header_is_refused_with_its_name(tmp_path):
    other = tmp_path / "prices.csv"
    other.write_text("item,price\nshell,100\n", encoding="utf-8")
    with pytest.raises(InputError, match="prices.csv: not a SIPRI trade register"):
        read_register(other)


def _register_store(path: str) -> Store:
    store = Store(path)
    shells = document("Russia is buying artillery shells from North Korea, officials said.")
    drones = document("Iran delivered Shahed-136 drones to Russia.", published="2022-10-01")
    tanks = document("Germany sent Leopard 2 tanks to Ukraine.", published="2023-03-27")
    old_tanks = document("West Germany sold tanks to India in 1985.", published="1985-06-01")
    store.add(shells, [claim(shells)])
    store.add(
        drones,
        [
            claim(
                drones,
                supplier="IRN",
                category="uav",
                label="drones",
                designation="Shahed-136",
                status="delivered",
                reported_date="2022-10-01",
            )
        ],
    )
    store.add(
        tanks,
        [
            claim(
                tanks,
                supplier="DEU",
                recipient="UKR",
                category="armoured_vehicles",
                label="tanks",
                designation="Leopard 2",
                status="delivered",
                reported_date="2023-03-27",
                quantity=Quantity(min=18, max=18),
            )
        ],
    )
    store.add(
        old_tanks,
        [
            claim(
                old_tanks,
                supplier="DEU",
                recipient="UKR",
                category="armoured_vehicles",
                label="tanks",
                status="delivered",
                reported_date="1985-06-01",
            )
        ],
    )
    store.refresh_transfers()
    return store


def test_import_links_known_deals_and_new_lists_what_sipri_lacks(tmp_path):
    with _register_store(str(tmp_path / "register.db")) as store:
        assert len(store.transfers(new_only=True)) == 4  # nothing imported yet: all new

        deals, linked = store.import_sipri(read_register(REGISTER))

        assert (deals, linked) == (6, 2)
        new = {
            (t.supplier.code, t.category, t.first_reported) for t in store.transfers(new_only=True)
        }
        # Ammunition is outside SIPRI's register; a 1985 sale is not the 2023 deal.
        assert new == {
            ("PRK", "ammunition", "2022-09-06"),
            ("DEU", "armoured_vehicles", "1985-06-01"),
        }
        drones = store.transfers(supplier="IRN")[0]
        assert [d["Weapon designation"] for d in store.sipri_deals_for(drones.transfer_id)] == [
            "Shahed-136"
        ]


def test_links_follow_transfers_refreshed_after_new_claims(tmp_path):
    with _register_store(str(tmp_path / "register.db")) as store:
        store.import_sipri(read_register(REGISTER))
        later = document("More Shahed-136 drones reached Russia.", published="2022-11-15")
        store.add(
            later,
            [
                claim(
                    later,
                    supplier="IRN",
                    category="uav",
                    label="drones",
                    designation="Shahed-136",
                    status="in_use",
                    reported_date="2022-11-15",
                )
            ],
        )
        store.refresh_transfers()
        assert store.transfers(supplier="IRN", new_only=True) == []
        assert store.transfers(supplier="IRN")[0].stage == "in_use"

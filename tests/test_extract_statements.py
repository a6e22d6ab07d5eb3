"""Governments' own statements: denials by calling reports false, purchases told in relative
clauses, shipments "carrying" weapons to a state. Texts written for the project."""

from __future__ import annotations

import armswatch
from extraction_rows import Row, claim_rows


def _rows(text: str, published: str = "1984-11-09") -> set[Row]:
    return claim_rows(text, published)


def test_reports_called_a_fabrication_are_denied() -> None:
    text = (
        "The ministry is authorized to state that allegations that a Soviet freighter has "
        "delivered MiG-23 fighter planes to the Libyan port of Tobruk are a crude fabrication."
    )
    assert ("SUN", "LBY", "aircraft", "delivered", "denied") in _rows(text)


def test_a_ship_carrying_jets_to_a_state_is_in_transit() -> None:
    text = "Western diplomats said a Bulgarian ship carrying combat jet aircraft to Angola had left Varna."
    assert ("BGR", "AGO", "aircraft", "in_transit", "reported") in _rows(text)


def test_a_purchase_in_a_relative_clause_keeps_its_own_certainty() -> None:
    text = (
        "The government announced that the Tor missile system that Greece has contracted to buy "
        "from Russia will not be deployed on the islands."
    )
    rows = _rows(text, published="1999-01-20")
    assert ("RUS", "GRC", "air_defence", "agreed") in {row[:4] for row in rows}
    assert not {row for row in rows if row[4] == "denied"}  # the negation is the system's


def test_an_authorisation_to_speak_approves_nothing() -> None:
    text = (
        "The agency is authorized to state that reports that Cuba delivered rifles to rebels "
        "in Honduras are false."
    )
    assert not {row for row in _rows(text) if row[3] == "agreed"}


def test_a_package_lists_new_kinds_of_weapons() -> None:
    text = (
        "WASHINGTON - The Senate cleared the sale of eight C-130 transport aircraft to Morocco "
        "on Tuesday. The package also includes 400 Hellfire missiles for the aircraft."
    )
    rows = {row[:4] for row in _rows(text, published="2016-05-03")}
    assert ("USA", "MAR", "missiles", "agreed") in rows


def test_for_x_to_buy_names_the_buyer() -> None:
    text = (
        "The State Department also approved a commercial licence for Georgia to buy 400 sniper "
        "rifles from an American manufacturer, officials said."
    )
    rows = {row[:4] for row in _rows(text, published="2018-01-10")}
    assert ("USA", "GEO", "small_arms", "agreed") in rows


def test_a_weapon_named_on_a_simulator_is_no_item() -> None:
    text = "The training package includes a Hawk flight simulator, a company spokesman said."
    assert _rows(text, published="1987-05-01") == set()


def test_a_warning_not_to_allow_use_is_no_denial() -> None:
    text = (
        "The United States said it will not allow Iran to use Chinese-made Silkworm missiles "
        "against tankers in the Gulf."
    )
    assert not {row for row in _rows(text, published="1987-06-01") if row[4] == "denied"}


def test_every_item_of_a_formal_notification_joins_the_sale() -> None:
    text = (
        "WASHINGTON - The State Department has made a determination approving possible Foreign "
        "Military Sales to the Government of Poland of up to 96 AH-64E Apache helicopters, for "
        "an estimated cost of $12 billion, and of up to 4,000 tank cartridges, for an estimated "
        "cost of $90 million."
    )
    rows = {row[:4] for row in _rows(text, published="2023-08-21")}
    assert ("USA", "POL", "aircraft", "agreed") in rows
    assert ("USA", "POL", "ammunition", "agreed") in rows


def test_the_kingdom_is_the_last_kingdom_named() -> None:
    text = (
        "Germany has stopped arms sales to Saudi Arabia. Canada, by contrast, says it will "
        "honour its contract to supply light armoured vehicles to the kingdom."
    )
    rows = {row[:4] for row in _rows(text, published="2018-11-20")}
    assert ("CAN", "SAU", "armoured_vehicles", "agreed") in rows


def test_a_hyphenated_verb_is_read_whole() -> None:
    text = (
        "PARIS - France air-dropped rifles and anti-tank missiles to Libyan rebels, the army said."
    )
    rows = {row[:4] for row in _rows(text, published="2011-06-29")}
    assert ("FRA", "Libyan rebels", "missiles", "delivered") in rows
    claims = armswatch.extract(text, published="2011-06-29")
    assert all("air-dropped" in claim.evidence.text for claim in claims)  # offsets unchanged


def test_whoever_supplies_is_no_party() -> None:
    text = (
        "Britain sold Typhoon jets to Saudi Arabia last year. Aid groups say that whoever "
        "supplies the weapons, civilians pay the price."
    )
    rows = _rows(text, published="2018-11-20")
    assert not {row for row in rows if row[2] == "unspecified"}


def test_unnamed_officials_speak_for_the_dateline_state() -> None:
    text = (
        "JERUSALEM, Jan 6 - Israeli commandos have seized a freighter carrying Iranian weapons "
        "bound for Hezbollah, the army said."
    )
    rows = _rows(text, published="2002-01-06")
    assert ("IRN", "Hezbollah", "unspecified", "in_transit", "reported") in rows


def test_western_diplomats_confirm_nothing() -> None:
    text = (
        "Nicaragua's government has taken delivery of six more Soviet-made Mi-24 helicopter "
        "gunships, Western diplomats in Managua said."
    )
    rows = _rows(text, published="1985-04-02")
    assert ("SUN", "NIC", "aircraft", "delivered", "reported") in rows


def test_headline_missiles_are_the_story_s_air_defence_systems() -> None:
    text = (
        "Soviets install missiles in Libya, U.S. says\n\n"
        "WASHINGTON - The Soviet Union has installed SA-5 anti-aircraft batteries at two sites in "
        "Libya, U.S. officials said on Sunday."
    )
    rows = {row[:3] for row in _rows(text, published="1985-01-13")}
    assert rows == {("SUN", "LBY", "air_defence")}


def test_a_contract_for_weapons_from_a_state() -> None:
    text = (
        "Pakistan's search for submarines\n\nKARACHI - The navy has signed a contract for "
        "three Agosta 90B submarines from France, officials said. Pakistan's navy needs them."
    )
    rows = {row[:4] for row in _rows(text, published="1994-09-21")}
    assert ("FRA", "PAK", "ships", "agreed") in rows


def test_delivered_according_to_a_relative_clause_of_speech() -> None:
    text = (
        "More controversial are the M-11 missiles that American intelligence agencies say China "
        "has delivered in crates to a Pakistani air base."
    )
    rows = {row[:4] for row in _rows(text, published="1995-07-02")}
    assert ("CHN", "PAK", "missiles", "delivered") in rows


def test_the_aircraft_of_a_story_about_fighters_are_weapons() -> None:
    text = (
        "NEW DELHI - The first squadron of MiG-29 fighters joined the air force today. India "
        "received the aircraft from the Soviet Union in November, the ministry said."
    )
    rows = {row[:3] for row in _rows(text, published="1987-12-10")}
    assert ("SUN", "IND", "aircraft") in rows


def test_planes_of_an_airline_are_no_weapons() -> None:
    text = (
        "Lockheed showed F-16 fighters at the air show. Boeing said it had agreed to sell ten "
        "planes to an Indian budget airline."
    )
    assert not {row for row in _rows(text, published="2005-02-10") if row[2] == "aircraft"}


def test_a_story_without_a_named_weapon_has_no_weapon_aircraft() -> None:
    text = "Turkey bought twenty aircraft from Airbus for its national airline, officials said."
    assert _rows(text, published="2015-02-10") == set()


def test_a_return_is_a_delivery_the_other_way() -> None:
    rows = {row[:4] for row in _rows("Algeria sends back Russian MiG-29s", published="2008-02-18")}
    assert ("RUS", "DZA", "aircraft", "delivered") in rows


def test_a_ship_carrying_helicopters_to_a_state() -> None:
    text = (
        "LONDON - A Russian-operated cargo ship carrying attack helicopters to Syria turned back "
        "on Monday, British officials said."
    )
    rows = {row[:4] for row in _rows(text, published="2012-06-19")}
    assert ("RUS", "SYR", "aircraft", "in_transit") in rows


def test_arms_deliveries_between_a_pair_name_the_supplier_of_a_named_weapon() -> None:
    text = (
        "BONN - Germany stopped all arms deliveries to Turkey on Thursday. Officials said the "
        "armoured personnel carriers had been handed over to Ankara last year."
    )
    rows = {row[:3] for row in _rows(text, published="1992-03-27")}
    assert ("DEU", "TUR", "armoured_vehicles") in rows


def test_a_named_weapon_s_maker_outranks_the_pair_s_uncategorised_flow() -> None:
    text = (
        "Washington banned arms sales to Caracas in 2006. Venezuela's army, meanwhile, has taken "
        "delivery of 100,000 Kalashnikov AK-103 assault rifles."
    )
    rows = {row[:3] for row in _rows(text, published="2008-05-01")}
    assert ("RUS", "VEN", "small_arms") in rows
    assert ("USA", "VEN", "small_arms") not in rows


def test_a_company_that_signs_sells() -> None:
    text = "Hanwha Aerospace signs K9 howitzer contract with Romania"
    rows = {row[:3] for row in _rows(text, published="2024-07-10")}
    assert rows == {("KOR", "ROU", "artillery")}


def test_accused_companies_are_the_suppliers() -> None:
    text = (
        "WASHINGTON - Defense Secretary Donald Rumsfeld accused Russian companies of supplying "
        "Iraq with Kornet anti-tank missiles."
    )
    rows = {row[:3] for row in _rows(text, published="2003-03-28")}
    assert ("RUS", "IRQ", "missiles") in rows
    assert not {row for row in rows if row[0] == "USA"}


def test_the_department_is_the_body_named_before() -> None:
    text = (
        "U.S. clears F-16 sale to Turkey\n\nWASHINGTON - The State Department said on Friday it "
        "had approved the sale of 40 F-16 jets to Turkey. The department also approved a sale "
        "of 40 F-35 stealth fighters to Greece, Turkey's neighbour."
    )
    rows = {row[:3] for row in _rows(text, published="2024-01-27")}
    assert ("USA", "GRC", "aircraft") in rows
    assert ("TUR", "GRC", "aircraft") not in rows


def test_an_object_pronoun_is_not_its_own_subject() -> None:
    text = (
        "Macedonia's small army has relied heavily on its neighbours since independence. "
        "Bulgaria gave it 94 T-55 tanks and 108 howitzers in 1999."
    )
    rows = {row[:3] for row in _rows(text, published="2001-06-12")}
    assert ("BGR", "MKD", "armoured_vehicles") in rows


def test_a_buyer_considering_a_purchase_seeks_it() -> None:
    text = "The Belgian army has been considering buying French Mistral missiles, officials said."
    rows = {row[:4] for row in _rows(text, published="1987-02-01")}
    assert ("FRA", "BEL", "air_defence", "sought") in rows


def test_a_ship_s_name_does_not_make_missiles_ships() -> None:
    text = (
        "Egypt signed a deal on Monday to buy 24 Rafale fighter jets, a FREMM multi-mission "
        "frigate and air-to-air missiles from France."
    )
    categories = {row[2] for row in _rows(text, published="2015-02-16")}
    assert {"aircraft", "ships", "missiles"} <= categories


def test_the_government_of_national_accord_is_libya() -> None:
    text = (
        "Turkey has shipped Bayraktar TB2 drones to the Government of National Accord in Tripoli."
    )
    rows = {row[:3] for row in _rows(text, published="2019-07-01")}
    assert ("TUR", "LBY", "uav") in rows


def test_weapons_flown_in_from_a_state_are_imported() -> None:
    text = (
        "South Sudan keeps buying\n\nJUBA - South Sudan's government says it cannot pay its "
        "soldiers. China has said it suspended arms sales to South Sudan. The government also "
        "flew in four Mi-24 helicopter gunships from Ukraine in 2014, investigators found."
    )
    rows = {row[:4] for row in _rows(text, published="2015-08-20")}
    assert ("UKR", "SSD", "aircraft", "delivered") in rows


def test_a_consignment_from_a_company_is_its_state_s() -> None:
    text = (
        "A ship unloaded a consignment of HJ-73 anti-tank missiles from Norinco, the Chinese "
        "arms maker, for South Sudan's army."
    )
    rows = {row[:3] for row in _rows(text, published="2014-07-01")}
    assert ("CHN", "SSD", "missiles") in rows


def test_a_shipyard_or_maker_of_the_1980s_hands_over_for_its_state() -> None:
    frigates = "Yarrow Shipbuilders handed over the second of two frigates to the Malaysian navy."
    assert ("GBR", "MYS", "ships", "delivered") in {
        row[:4] for row in _rows(frigates, published="1999-06-04")
    }
    bombs = "Industrias Cardoen sold cluster bombs to Iraq, U.S. officials said."
    assert ("CHL", "IRQ", "ammunition", "delivered") in {
        row[:4] for row in _rows(bombs, published="1991-03-01")
    }


def test_routed_weapons_are_delivered() -> None:
    text = "Bofors routed RBS-70 anti-aircraft missiles to Bahrain through Singapore, a paper said."
    rows = {row[:4] for row in _rows(text, published="1987-08-21")}
    assert ("SWE", "BHR", "air_defence", "delivered") in rows


def test_a_state_that_signs_confirms_on_the_record() -> None:
    text = "CAIRO - Egypt signed a deal on Monday to buy 24 Rafale fighter jets from France."
    rows = _rows(text, published="2015-02-16")
    assert ("FRA", "EGY", "aircraft", "agreed", "confirmed") in rows


def test_a_newspaper_citing_sources_confirms_nothing() -> None:
    text = (
        "MOSCOW - Algeria has returned 15 MiG-29 fighters that Russia delivered last year, the "
        "newspaper Kommersant reported on Monday, citing sources in the defence industry."
    )
    rows = _rows(text, published="2008-02-18")
    assert not {row for row in rows if row[4] == "confirmed"}


def test_a_third_state_s_statement_does_not_confirm() -> None:
    text = (
        "Ministry of Foreign Affairs: Navy intercepts ship carrying Iranian weapons for Hezbollah\n\n"
        "The weapons were shipped from Iran and were bound for Hezbollah by way of Syria."
    )
    rows = _rows(text, published="2009-11-04")
    assert rows and not {row for row in rows if row[4] == "confirmed"}


def test_a_surname_inside_a_place_name_is_no_leader() -> None:
    text = "Iran's first Russian submarine reaches Bandar Abbas"
    rows = {row[:3] for row in _rows(text, published="1992-11-09")}
    assert rows == {("RUS", "IRN", "ships")}


def test_the_ship_that_carries_a_submarine_is_no_item() -> None:
    text = (
        "Vietnam's navy has received the second of six Kilo-class submarines ordered from Russia. "
        "The boat reached Cam Ranh Bay on Tuesday aboard a Dutch heavy-lift vessel."
    )
    rows = {row[:3] for row in _rows(text, published="2014-03-05")}
    assert ("RUS", "VNM", "ships") in rows
    assert not {row for row in rows if row[0] == "NLD"}


def test_a_selection_is_an_agreed_purchase() -> None:
    text = "STOCKHOLM - Sweden has selected the German Leopard 2 as its new main battle tank."
    rows = {row[:4] for row in _rows(text, published="1994-06-30")}
    assert ("DEU", "SWE", "armoured_vehicles", "agreed") in rows


def test_weapons_bought_for_another_go_to_it() -> None:
    text = (
        "RIYADH - Saudi Arabia has suspended a $3 billion programme to buy French weapons for "
        "the Lebanese army, the state news agency reported."
    )
    rows = {row[:3] for row in _rows(text, published="2016-02-19")}
    assert ("FRA", "LBN", "unspecified") in rows
    assert not {row for row in rows if row[1] == "SAU"}


def test_kept_supplied_names_both_sides() -> None:
    text = (
        "PESHAWAR - Pakistan has kept the Taliban supplied with fuel and ammunition, diplomats say."
    )
    rows = {row[:3] for row in _rows(text, published="1998-09-01")}
    assert ("PAK", "Taliban", "ammunition") in rows


def test_a_relative_clause_parsed_as_a_complement_still_tells_the_transfer() -> None:
    text = (
        "The road is lined with burned tanks, most of them T-54s and T-55s that the Soviet Union "
        "shipped to Lieutenant Colonel Mengistu Haile Mariam's government."
    )
    rows = {row[:3] for row in _rows(text, published="1989-03-01")}
    assert ("SUN", "ETH", "armoured_vehicles") in rows


def test_a_ministrys_statement_speaks_for_its_state_and_its_forces() -> None:
    title = "Latvian Ministry of Defence: statement on the delivery of Spike missiles"
    text = (
        "The Armed Forces have received the first Spike anti-tank missiles bought from Israel "
        "under the contract signed last year."
    )
    rows = claim_rows(text, "2019-05-02", title=title)
    assert ("ISR", "LVA", "missiles", "delivered", "confirmed") in rows


def test_a_government_body_only_given_to_does_not_confirm() -> None:
    # the army receives; it performs no act on the record, so the report stays a report
    text = "China gave the Philippine army about 3,000 rifles in June, a diplomat said."
    assert ("CHN", "PHL", "small_arms", "delivered", "reported") in _rows(text, "2017-07-01")
    # a ministry that orders acts on the record in its own name
    text = "The Hellenic Ministry of National Defence has ordered four frigates from France."
    assert ("FRA", "GRC", "ships", "agreed", "confirmed") in _rows(text, "2021-07-01")


def test_a_signatory_the_goods_go_to_receives_them() -> None:
    text = (
        "Krauss-Maffei Wegmann and the Hellenic Ministry of National Defence today signed a "
        "contract for the supply of 170 Leopard 2 tanks to the Hellenic Army."
    )
    rows = _rows(text, "2003-03-01")
    assert ("DEU", "GRC", "armoured_vehicles", "agreed", "confirmed") in rows
    assert not any(row[0] == "GRC" for row in rows)


def test_the_other_side_of_a_signing_acts_too() -> None:
    text = (
        "Korea Aerospace Industries today signed a contract with the Ministry of Defence of "
        "Malaysia to supply 18 FA-50 light combat aircraft to the Royal Malaysian Air Force."
    )
    assert ("KOR", "MYS", "aircraft", "agreed", "confirmed") in _rows(text, "2023-02-24")


def test_an_office_before_a_name_is_a_title_and_a_governments_voice() -> None:
    claims = armswatch.extract(
        "Croatia has decided to buy 12 used Rafale fighters from France, Prime Minister "
        "Andrej Plenkovic said on Friday.",
        published="2021-05-28",
    )
    speaker = claims[0].attribution[0]
    assert (speaker.speaker, speaker.title, speaker.kind) == (
        "Andrej Plenkovic",
        "Prime Minister",
        "government",
    )
    # an office whose state the report leaves unsaid is a party's: the buyer confirms
    assert {claim.certainty for claim in claims} == {"confirmed"}


def test_a_named_person_with_no_office_does_not_confirm() -> None:
    text = (
        "Croatia has decided to buy 12 used Rafale fighters from France, Andrej Plenkovic "
        "told reporters on Friday."
    )
    assert {row[4] for row in _rows(text, "2021-05-28")} == {"reported"}


def test_the_goods_of_sales_named_before_them() -> None:
    text = (
        "WASHINGTON - The State Department has approved two possible Foreign Military Sales to "
        "Taiwan. The first is for 66 F-16 Block 70 aircraft, for an estimated cost of $8 "
        "billion. The second is for 400 Harpoon missiles."
    )
    rows = _rows(text, "2019-08-20")
    assert ("USA", "TWN", "aircraft", "agreed", "confirmed") in rows
    assert ("USA", "TWN", "missiles", "agreed", "confirmed") in rows


def test_a_package_named_before_its_contents() -> None:
    text = (
        "The State Department has approved a possible sale to Morocco. The package includes "
        "25 F-16 Block 72 aircraft."
    )
    assert ("USA", "MAR", "aircraft", "agreed", "confirmed") in _rows(text, "2019-03-25")


def test_a_transfer_with_no_goods_of_its_own_lends_its_parties_to_nothing_else() -> None:
    # "thanks to Russian imports" names no goods and no buyer: the air defences taken out are
    # no elaboration of it
    text = (
        "The Syrian air defences are getting more sophisticated thanks to Russian imports. To "
        "enforce a no-fly zone you have to take out all of the air defence systems, she said."
    )
    assert not any(row[0] == "RUS" and row[1] == "USA" for row in _rows(text, "2016-10-10"))


def test_who_wins_an_order_sells() -> None:
    text = "GKN Defence has won a contract from Kuwait for 254 Desert Warrior armoured vehicles."
    assert ("GBR", "KWT", "armoured_vehicles", "agreed", "confirmed") in _rows(text, "1995-03-01")
    text = "Saab has secured an order from Thailand for six Gripen fighters."
    assert {row[:2] for row in _rows(text, "2008-02-11")} == {("SWE", "THA")}


def test_who_signs_a_deal_with_a_seller_buys() -> None:
    text = "Vietnam signed a deal with Russia for six Kilo submarines."
    assert {row[:2] for row in _rows(text, "2009-12-15")} == {("RUS", "VNM")}


def test_an_order_is_placed_with_its_seller() -> None:
    text = "Qatar placed an order for 24 Rafale fighters with Dassault."
    assert {row[:2] for row in _rows(text, "2015-05-04")} == {("FRA", "QAT")}
    text = "Egypt has placed an order with France for 30 more Rafale jets."
    assert {row[:2] for row in _rows(text, "2021-05-04")} == {("FRA", "EGY")}
    # night-vision kits are no seller, and airliners no weapons
    assert not _rows("The army placed an order for 200 trucks with night vision kits.")
    assert not _rows("Qatar placed an order with Airbus for 20 A350 airliners.", "2015-05-04")


def test_a_seat_of_power_that_clears_a_sale_acts_on_the_record() -> None:
    for text in (
        "Pentagon clears sale of 36 F-15s to Qatar",
        "Washington clears sale of 36 F-15s to Qatar",
    ):
        assert ("USA", "QAT", "aircraft", "agreed", "confirmed") in _rows(text, "2016-11-17")
    # a seat of power only sold to performs no act
    text = "Boeing sold the Pentagon 36 F-15 fighters, an industry analyst said."
    assert not any(row[4] == "confirmed" for row in _rows(text, "2016-11-17"))


NOTICE = (
    "WASHINGTON - The State Department has made a determination approving a possible Foreign "
    "Military Sale to the Government of Romania of F-16 aircraft for an estimated cost of $2 "
    "billion.\n\n"
    "The Government of Romania has requested to buy twelve (12) F-16 Block 70 aircraft; "
    "fourteen (14) F110-GE-129 engines; eighteen (18) AIM-120C8 Advanced Medium Range "
    "Air-to-Air Missiles (AMRAAM); thirty (30) AIM-9X Sidewinder Block II missiles; and "
    "twenty (20) GBU-39 Small Diameter Bombs."
)


def test_a_request_told_after_its_approval_is_agreed() -> None:
    rows = {row[:4] for row in _rows(NOTICE, published="2024-05-02")}
    assert ("USA", "ROU", "engines", "agreed") in rows
    assert ("USA", "ROU", "missiles", "agreed") in rows
    assert not any(row[3] == "sought" for row in rows)


def test_a_list_the_parser_cut_into_fragments_keeps_every_item() -> None:
    claims = armswatch.extract(NOTICE, published="2024-05-02")
    labels = {item.designation for claim in claims for item in claim.items}
    assert {"AIM-9 Sidewinder", "AIM-120 AMRAAM"} <= labels
    assert "ammunition" in {item.category for claim in claims for item in claim.items}


def test_a_request_before_an_approval_of_other_goods_stays_a_request() -> None:
    text = (
        "Taipei has asked Washington for eight submarines, officials said. Separately, the "
        "State Department approved the sale of 66 F-16 fighters to Taiwan."
    )
    rows = {row[:4] for row in _rows(text, published="2019-08-20")}
    assert ("USA", "TWN", "ships", "sought") in rows


def test_a_company_s_own_release_confirms_its_deliveries() -> None:
    text = (
        "LINKOPING, 4 May 2009 - Saab AB today received an order from Thailand for two Erieye "
        "systems.\n\nErieye radars have been delivered to the air forces of Brazil and Greece."
    )
    claims = armswatch.extract(text, title="Saab receives Erieye order", published="2009-05-04")
    rows = {
        (c.supplier and c.supplier.key, c.recipient and c.recipient.key, c.certainty)
        for c in claims
    }
    assert ("SWE", "BRA", "confirmed") in rows


def test_a_company_named_in_a_wire_story_s_opening_does_not_speak_for_it() -> None:
    text = (
        "STOCKHOLM - Erieye radars have been delivered to the air forces of Brazil and Greece, "
        "according to defence analysts who follow Saab AB."
    )
    claims = armswatch.extract(text, title="Radars for Brazil", published="2009-05-04")
    assert all(claim.certainty != "confirmed" for claim in claims)


def test_an_object_set_off_by_an_aside_is_the_transfer_s() -> None:
    text = (
        "WASHINGTON - The Defense Security Cooperation Agency informed Congress today that the "
        "Government of Morocco may buy, through the Foreign Military Sales programme, 200 M1A1 "
        "Abrams tanks."
    )
    rows = {row[:4] for row in _rows(text, published="2015-03-18")}
    assert ("USA", "MAR", "armoured_vehicles", "agreed") in rows


def test_reports_called_not_true_are_denied() -> None:
    text = (
        "Reports that Seoul will supply artillery shells to Kyiv are not true, the ministry said."
    )
    rows = _rows(text, published="2022-11-11")
    assert ("KOR", "UKR", "ammunition", "offered", "denied") in rows


def test_reports_called_true_are_not_denied() -> None:
    text = "Reports that Seoul supplied artillery shells to Warsaw are true, the ministry said."
    assert not any(row[4] == "denied" for row in _rows(text, published="2022-11-11"))


def test_a_destination_hung_on_the_last_of_the_carried_goods() -> None:
    text = (
        "A Chinese ship has been unable to unload its cargo in Durban. Reports say it carries "
        "two million rounds of ammunition, mortar bombs and rocket-propelled grenades for "
        "Zimbabwe."
    )
    rows = {row[:4] for row in _rows(text, published="2008-04-22")}
    assert ("CHN", "ZWE", "ammunition", "in_transit") in rows


def test_a_statements_we_is_the_office_at_its_head() -> None:
    text = (
        "The Secretary of State for Defence (Mr Ben Wallace): With permission, Mr Speaker, I "
        "will make a statement.\n\n"
        "Russia has attacked Ukraine's cities again this week. Russia fired missiles at Kyiv, "
        "and Russia's drones struck Odesa.\n\n"
        "Today I can tell the House that we are giving Ukraine Storm Shadow missiles."
    )
    claims = armswatch.extract(
        text, title="Oral statement to Parliament: support for Ukraine", published="2023-05-11"
    )
    rows = {(c.supplier.code, c.recipient.code, c.status, c.certainty) for c in claims}
    assert ("GBR", "UKR", "delivered", "confirmed") in rows
    assert not any(row[0] == "RUS" and row[1] == "UKR" for row in rows)


def test_a_governments_statement_of_a_sale_is_its_sale() -> None:
    text = (
        "The Minister of National Defence informs that a contract for the sale of 25 Mirage 5 "
        "aircraft to the Chilean Air Force was signed in Brussels today."
    )
    claims = armswatch.extract(
        text,
        title="Ministry of National Defence of Belgium: sale of Mirage 5 aircraft to Chile",
        published="1994-06-01",
    )
    assert {(c.supplier.code, c.recipient.code) for c in claims} == {("BEL", "CHL")}


def test_a_buyers_statement_is_not_its_own_sale() -> None:
    text = (
        "Today the Minister of Defence of the Czech Republic and representatives of the Swedish "
        "government signed the agreement on the lease of 14 JAS-39 Gripen aircraft. Under the "
        "agreement the aircraft will be leased for ten years."
    )
    claims = armswatch.extract(
        text,
        title="Ministry of Defence of the Czech Republic: lease of Gripen aircraft signed",
        published="2004-06-14",
    )
    assert not any(c.supplier.code == "CZE" for c in claims)


def test_a_statements_we_delivered_goes_to_the_state_its_title_names() -> None:
    text = (
        "Mr Ben Wallace, Defence Secretary: Mr Speaker, I wish to update the House on our help "
        "to Ukraine's armed forces. This country has led the effort to help Ukraine defend "
        "itself.\n\n"
        "Since the Russian invasion we have delivered M270 multiple launch rocket systems and tens of thousands of rounds "
        "of artillery ammunition."
    )
    claims = armswatch.extract(
        text,
        title="Oral statement to Parliament: further military support for Ukraine",
        published="2023-01-16",
    )
    rows = {(c.supplier.code, c.recipient.code, c.status) for c in claims}
    assert ("GBR", "UKR", "delivered") in rows


def test_a_military_sale_notice_makes_plain_aircraft_weapons() -> None:
    text = (
        "WASHINGTON - The State Department has made a determination approving a possible Foreign "
        "Military Sale to the Government of Kenya of Air Tractor AT-802L aircraft and related "
        "equipment.\n\n"
        "The Government of Kenya has requested to buy twelve (12) Air Tractor AT-802L aircraft."
    )
    claims = armswatch.extract(text, published="2017-01-17")
    assert {(c.supplier.code, c.recipient.code, c.status) for c in claims} == {
        ("USA", "KEN", "agreed")
    }


def test_a_first_name_that_is_a_capital_names_no_state() -> None:
    claims = armswatch.extract(
        "QUITO, April 16 - Ecuador has bought two frigates retired by the Chilean navy, Defence "
        "Minister Wellington Sandoval said on Wednesday.",
        published="2008-04-16",
    )
    assert [c.certainty for c in claims] == ["confirmed"]
    assert all(speaker.country != "NZL" for c in claims for speaker in c.attribution)


def test_a_services_officials_and_the_countrys_council_speak_for_a_government() -> None:
    for text in (
        "BANGKOK, March 3 - Thailand's air force has signed a contract to buy 36 L-39 jet "
        "trainers from the Czech Republic, air force officials said on Wednesday.",
        "BUCHAREST, June 20 - Romania will give Ukraine one of its Patriot air defence systems, the "
        "country's Supreme Council of National Defence said on Thursday.",
    ):
        claims = armswatch.extract(text, published="2004-03-03")
        assert [c.certainty for c in claims] == ["confirmed"], text


def test_diplomats_in_a_capital_are_not_its_government() -> None:
    claims = armswatch.extract(
        "Diplomats in Kabul say new MiG-23 fighters have reached the Afghan army from the "
        "Soviet Union.",
        published="1986-10-01",
    )
    assert [c.certainty for c in claims] == ["reported"]


def test_a_maker_and_a_foreign_ministry_signing_a_contract_sell_and_buy() -> None:
    claims = armswatch.extract(
        "Nexter and the Belgian Ministry of Defence today concluded a contract for the delivery "
        "of 382 Griffon armoured vehicles.",
        published="2018-11-09",
    )
    assert [(c.supplier.code, c.recipient.code) for c in claims] == [("FRA", "BEL")]

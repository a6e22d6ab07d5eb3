"""Document-level passes: sides and weapons that one sentence leaves out and another gives.
Texts written for the project."""

from __future__ import annotations

import armswatch
from extraction_rows import claim_rows


def _pairs(text: str, published: str = "1988-03-02") -> set[tuple[str | None, str | None, str]]:
    return {row[:3] for row in claim_rows(text, published)}


def test_two_half_told_sentences_about_one_weapon_make_one_transfer() -> None:
    text = (
        "QUETTA, Pakistan - The first of the Redeye missiles reached the mujahideen last spring, "
        "resistance commanders say. Western diplomats say Washington has since supplied several "
        "hundred Redeyes through Pakistani army channels."
    )
    assert ("USA", "Mujahideen", "air_defence") in _pairs(text)


def test_halves_about_different_weapons_are_not_joined() -> None:
    text = (
        "QUETTA, Pakistan - Mortar rounds reached the mujahideen by mule train last week, "
        "commanders say. Diplomats say Washington has supplied several hundred Stingers."
    )
    pairs = _pairs(text)
    assert ("USA", "Mujahideen", "air_defence") not in pairs
    assert not any(pair[0] == "USA" and pair[1] == "Mujahideen" for pair in pairs)


def test_the_weapons_of_a_later_sentence_are_the_ones_named_before() -> None:
    text = (
        "NAIROBI - Gunmen have seized a cargo ship carrying 40 T-55 tanks, anti-aircraft guns and "
        "ammunition in the Gulf of Aden, maritime officials said. The Kenyan defence ministry said "
        "the weapons had been ordered by Kenya's army from Ukraine and were bound for Mombasa."
    )
    pairs = _pairs(text, "2008-10-01")
    assert ("UKR", "KEN", "armoured_vehicles") in pairs
    assert ("UKR", "KEN", "ammunition") in pairs
    assert ("UKR", "KEN", "unspecified") not in pairs


def test_weapons_without_an_article_stay_unspecified() -> None:
    text = (
        "A cargo ship carrying 40 T-55 tanks docked in Aden on Monday, port officials said. "
        "Separately, Kenya has bought weapons from Ukraine, its defence ministry said."
    )
    pairs = _pairs(text, "2008-10-01")
    assert ("UKR", "KEN", "unspecified") in pairs
    assert ("UKR", "KEN", "armoured_vehicles") not in pairs


def test_several_hundred_is_a_vague_range_not_one_hundred() -> None:
    claims = armswatch.extract(
        "Germany has delivered several hundred Panzerfaust anti-tank weapons to Ukraine, the "
        "defence ministry in Berlin said.",
        published="2022-03-10",
    )
    quantities = [item.quantity for claim in claims for item in claim.items if item.quantity]
    assert quantities, claims
    assert (quantities[0].min, quantities[0].max, quantities[0].approx) == (200, 999, True)


def test_agentless_use_after_a_colon_takes_the_main_clause_subject_as_user() -> None:
    text = (
        "Moscow has come to depend on Tehran for its long-range strikes: Iranian-made Shahed "
        "drones are launched at Ukrainian power stations almost nightly."
    )
    rows = claim_rows(text, "2023-01-12")
    assert ("IRN", "RUS", "uav", "in_use", "reported") in rows
    assert not any(row[1] == "UKR" for row in rows)


def test_agentless_use_reported_by_a_speaker_does_not_make_the_speaker_the_user() -> None:
    text = (
        "A Pentagon spokesman said there were no signs that the North Korean shells were being "
        "fired in Ukraine yet."
    )
    rows = claim_rows(text, "2023-01-12")
    assert not any(row[1] == "USA" for row in rows)


def test_their_refers_to_the_group_that_was_the_last_subject() -> None:
    text = (
        "COLOMBO - The rebels of the Liberation Tigers of Tamil Eelam built up supply lines of "
        "their own. Their air wing flew Czech-built Zlin trainers on night raids against the "
        "capital in 2007, the military said."
    )
    pairs = _pairs(text, "2009-05-20")
    assert ("CZE", "Liberation Tigers of Tamil Eelam", "aircraft") in pairs


def test_the_builder_of_weapons_a_buyer_ordered_supplies_them() -> None:
    text = (
        "Italy's Fincantieri yard is still building the four frigates ordered by the Indonesian "
        "navy in 2021, the company said."
    )
    assert ("ITA", "IDN", "ships") in _pairs(text, "2023-05-02")


def test_a_builder_working_for_its_own_navy_is_no_transfer() -> None:
    text = "Italy's Fincantieri yard is building two frigates ordered by the Italian navy."
    assert not _pairs(text, "2023-05-02")


def test_a_plain_word_listed_with_weapons_is_a_weapon_too() -> None:
    text = (
        "At the summit in Sochi, Russian officials pledged armoured vehicles and helicopters to "
        "Burkina Faso's military government."
    )
    pairs = _pairs(text, "2023-07-30")
    assert ("RUS", "BFA", "armoured_vehicles") in pairs
    assert ("RUS", "BFA", "aircraft") in pairs


def test_a_plain_word_alone_is_not_licensed_by_a_list_elsewhere() -> None:
    text = (
        "Russia pledged armoured vehicles to Burkina Faso in July. Separately, a private operator "
        "sold helicopters to Burkina Faso for its medical evacuation service."
    )
    pairs = _pairs(text, "2023-07-30")
    assert ("RUS", "BFA", "armoured_vehicles") in pairs
    assert not any(pair[2] == "aircraft" for pair in pairs)


def test_a_transfer_told_without_parties_belongs_to_the_documents_one_pair() -> None:
    text = (
        "BEIRUT - France has begun delivering the weapons it promised the Lebanese army, the "
        "French embassy said. A first consignment of Milan anti-tank missiles was handed over "
        "at Beirut airport on Monday."
    )
    assert ("FRA", "LBN", "missiles") in _pairs(text, "2015-04-20")


def test_a_partyless_transfer_is_left_alone_when_the_document_has_two_pairs() -> None:
    text = (
        "France has sold Rafale jets to Egypt, and Russia has sold Su-35 jets to Algeria, "
        "officials said. A first consignment of Milan anti-tank missiles was handed over "
        "on Monday."
    )
    assert not any(pair[2] == "missiles" for pair in _pairs(text, "2015-04-20"))


def test_a_numbered_paragraph_without_parties_is_read_with_the_rest() -> None:
    text = (
        "The Ministry of Defence reports on equipment bought from the People's Republic of China.\n\n"
        "1. The Royal Thai Army has received the first Type 69 tanks purchased from China.\n\n"
        "2. The 130mm field guns ordered in December will be delivered next year under the "
        "contract, which remains in force."
    )
    assert ("CHN", "THA", "artillery") in _pairs(text, "1988-03-08")


def test_kept_on_hold_is_a_suspension_of_the_named_supply() -> None:
    text = (
        "NEW DELHI - India has decided to keep on hold the supply of INSAS rifles to Nepal "
        "pending a review, a foreign ministry spokesman said."
    )
    rows = claim_rows(text, "2005-02-22")
    assert ("IND", "NPL", "small_arms", "suspended") in {row[:4] for row in rows}


def test_declining_to_name_the_buyer_is_no_denial() -> None:
    text = (
        "LONDON - British Aerospace has sold 20 Hawk jets to Indonesia, the company said, but it "
        "declined to say how many more the air force was buying."
    )
    rows = claim_rows(text, "1993-06-10")
    assert not any(row[4] == "denied" for row in rows)


def test_a_group_outranks_the_demonym_of_its_commander() -> None:
    text = (
        "The United Arab Emirates supplied armoured vehicles to the forces of eastern Libyan "
        "commander Khalifa Haftar, U.N. experts said."
    )
    assert ("ARE", "Libyan National Army", "armoured_vehicles") in _pairs(text, "2017-06-10")


def test_an_alias_with_an_article_opens_a_sentence() -> None:
    text = (
        "DUBAI - The Emirates have bought several thousand mine-resistant vehicles from the "
        "United States since 2012, according to a congressional report."
    )
    assert ("USA", "ARE", "armoured_vehicles") in _pairs(text, "2018-05-02")


def test_a_telegraphic_headline_keeps_its_subject() -> None:
    assert ("HUN", "HRV", "small_arms") in _pairs(
        "Hungary admits selling 10,000 Kalashnikovs to Croatia", "1991-01-26"
    )


def test_exported_from_a_states_stocks_names_the_supplier() -> None:
    text = (
        "KIEV - Twenty Kh-55 cruise missiles were illegally exported from Ukrainian stocks to "
        "Iran in 2001, the prosecutor-general told parliament."
    )
    assert ("UKR", "IRN", "missiles") in _pairs(text, "2005-03-18")


def test_inducted_weapons_were_received() -> None:
    rows = claim_rows(
        "NEW DELHI - The Indian Air Force inducted the first five Rafale jets from France at "
        "Ambala on Thursday, the defence ministry said.",
        "2020-09-10",
    )
    assert ("FRA", "IND", "aircraft", "delivered") in {row[:4] for row in rows}


def test_building_warships_for_another_state_supplies_them() -> None:
    past = claim_rows(
        "ISTANBUL - Turkey has built two corvettes for Pakistan, officials said.", "2023-09-20"
    )
    assert ("TUR", "PAK", "ships", "delivered") in {row[:4] for row in past}
    under_way = claim_rows(
        "BEIJING - China is building eight submarines for Pakistan, officials said.", "2023-09-20"
    )
    assert ("CHN", "PAK", "ships", "agreed") in {row[:4] for row in under_way}


def test_building_for_ones_own_navy_or_for_export_is_no_transfer() -> None:
    assert not _pairs("Russia is building two frigates for the Russian navy.", "2023-09-20")
    assert not _pairs("The Italian yard built four corvettes for export.", "2023-09-20")


def test_whoever_fights_with_weapons_bought_from_a_state_bought_them() -> None:
    text = (
        "BAKU - Azerbaijan won the war with drones and guided missiles bought from Israel, "
        "analysts say."
    )
    pairs = _pairs(text, "2021-01-15")
    assert ("ISR", "AZE", "uav") in pairs


def test_the_country_sold_to_is_the_other_state_named_in_the_sentence() -> None:
    text = (
        "PARIS - The French minister and his Armenian counterpart signed a contract for 36 "
        "CAESAR howitzers, the first heavy weapons France has agreed to sell the country."
    )
    rows = claim_rows(text, "2024-06-18")
    assert ("FRA", "ARM", "artillery", "agreed") in {row[:4] for row in rows}


def test_a_denial_keeps_the_pronoun_off_the_denier() -> None:
    text = (
        "YEREVAN - Armenia has bought howitzers from India. Iran, Armenia's southern neighbour, "
        "has denied supplying it with weapons."
    )
    rows = claim_rows(text, "2024-06-18")
    assert ("IRN", "ARM", "unspecified", "delivered", "denied") in rows
    assert not any(row[0] == row[1] for row in rows)


def test_the_state_asked_for_weapons_is_the_would_be_supplier() -> None:
    rows = claim_rows(
        "BEIRUT - Lebanon has asked Moscow for tanks, the defence minister said.", "2008-12-17"
    )
    assert ("RUS", "LBN", "armoured_vehicles", "sought") in {row[:4] for row in rows}
    asked_to_act = claim_rows(
        "RIYADH - King Fahd may ask Britain to restore relations with Syria, officials said, "
        "after talks on ammunition supplies.",
        "1987-06-02",
    )
    assert not any(row[:2] == ("GBR", "SAU") for row in asked_to_act)


def test_withheld_aid_is_suspended() -> None:
    rows = claim_rows(
        "WASHINGTON - The United States decided on Tuesday to withhold F-16 deliveries to Egypt, "
        "officials said.",
        "2017-08-22",
    )
    assert ("USA", "EGY", "aircraft", "suspended") in {row[:4] for row in rows}


def test_a_dozen_hung_on_the_item_counts_twelve() -> None:
    counts = {}
    for text in (
        "China delivered a dozen F-7 fighters to Sudan last year, diplomats said.",
        "China delivered two dozen T-85 tanks to Sudan last year, diplomats said.",
        "Sudan has taken delivery of several dozen T-85 tanks from China, diplomats said.",
    ):
        (claim,) = armswatch.extract(text, published="2012-05-01")
        (item,) = claim.items
        assert item.quantity is not None
        counts[text.split()[2]] = (item.quantity.min, item.quantity.max)
    assert counts == {"a": (12, 12), "two": (24, 24), "taken": (24, 119)}


def test_the_navy_is_the_service_named_with_its_state_before() -> None:
    # China is named most, but "the navy" and "the army" are Thailand's: its navy was named
    text = (
        "BANGKOK - China's shipyards have built the submarine, China's engineers have fitted it "
        "and China has trained its crew. The Thai navy says the boat will sail next year. The "
        "army, for its part, has taken delivery of 60 VT4 tanks from China since 2017."
    )
    assert ("CHN", "THA", "armoured_vehicles") in _pairs(text, "2024-03-01")


def test_a_relative_clause_on_an_unnamed_service_speaks_of_that_service() -> None:
    text = (
        "BANGKOK - The Royal Thai Air Force wants new fighters. The air force, which has flown "
        "Swedish Gripen fighters since 2011, wants to replace its oldest jets first."
    )
    assert ("SWE", "THA", "aircraft") in _pairs(text, "2024-03-01")


def test_a_person_in_a_relative_clause_is_not_the_service() -> None:
    text = (
        "KYIV - Ukraine's air force received its first F-16s from Denmark this summer. A pilot "
        "who flew MiG-29s for 15 years said the jet was a new world."
    )
    pairs = _pairs(text, "2024-08-01")
    assert ("DNK", "UKR", "aircraft") in pairs
    assert not any(pair[0] in {"RUS", "SUN"} for pair in pairs)


def test_a_quotation_goes_on_with_the_speaker_who_closed_the_one_before() -> None:
    (claim,) = armswatch.extract(
        '"The situation is serious," a Ukrainian commander said on Tuesday. "We have received '
        '20 howitzers from Germany, but we need more."',
        published="2023-01-10",
    )
    assert (claim.supplier.code, claim.recipient.code) == ("DEU", "UKR")
    assert claim.attribution and claim.attribution[0].country == "UKR"


def test_a_quotation_opened_after_said_keeps_its_speaker_in_later_sentences() -> None:
    (claim,) = armswatch.extract(
        "Germany's defence minister, Boris Pistorius, said on Tuesday: \"The situation is "
        'serious. We will send 20 more howitzers to Ukraine this month."',
        published="2023-01-10",
    )
    assert claim.supplier.code == "DEU"
    assert claim.certainty == "confirmed"
    assert [speaker.speaker for speaker in claim.attribution] == ["Boris Pistorius"]


def test_a_state_hung_on_the_front_of_the_goods_is_the_taker() -> None:
    text = "MOSCOW - A Russian general said Ukraine had sold Georgia Kolchuga radar stations."
    assert ("UKR", "GEO", "sensors") in _pairs(text, "2008-09-01")


def test_a_relative_clause_on_a_squadron_is_about_its_jets_and_keeps_its_own_tense() -> None:
    claims = armswatch.extract(
        "TEGUCIGALPA - The F-5s would replace a squadron of elderly Super Mystere jets that "
        "Honduras bought from Israel in the 1970s.",
        published="1987-03-02",
    )
    found = {(c.supplier.code, c.recipient.code, c.status, c.certainty) for c in claims}
    assert ("ISR", "HND", "delivered", "reported") in found


def test_the_allegation_that_a_state_supplied_arms_stays_under_its_rejection() -> None:
    claims = armswatch.extract(
        "ISLAMABAD - The Government of Pakistan rejects the allegation made by Iran that "
        "Pakistan has supplied arms and ammunition to the Taliban.",
        published="1998-09-01",
    )
    assert claims
    assert all(claim.certainty == "denied" for claim in claims)


def test_a_number_that_finishes_a_models_name_is_no_count() -> None:
    (claim,) = armswatch.extract(
        "SANTIAGO - The Chilean Air Force took delivery of Dassault Mirage 50 fighters from "
        "France, officials said.",
        published="1982-03-02",
    )
    assert all(item.quantity is None for item in claim.items)


def test_the_rebels_are_the_one_group_named_just_before_by_a_word_of_its_name() -> None:
    text = (
        "KINSHASA - Mr. Kabila's Alliance of Democratic Forces for the Liberation of Congo-Zaire "
        "says its weapons are captured from the army. Diplomats who travelled with the Alliance "
        "describe new Kalashnikovs. Western diplomats say Rwanda has supplied the rebels with "
        "rifles and mortars.\n\nUNITA, in Angola, has its own suppliers."
    )
    pairs = _pairs(text, "1997-03-20")
    assert (
        "RWA",
        "Alliance of Democratic Forces for the Liberation of Congo-Zaire",
        "small_arms",
    ) in pairs
    assert not any(pair[1] == "COD" for pair in pairs)


def test_the_rebels_are_never_completed_with_the_state_they_fight() -> None:
    text = (
        "KINSHASA - Zaire bought Mirage 5 jets from France in the 1970s. Diplomats say Rwanda "
        "and Uganda have supplied the rebels with rifles and mortars."
    )
    pairs = _pairs(text, "1997-03-20")
    assert ("FRA", "COD", "aircraft") in pairs
    assert not any(pair[0] in {"RWA", "UGA"} for pair in pairs)


def test_bought_in_a_state_names_the_seller() -> None:
    text = "KINSHASA - Zaire's army bought at least two Mi-24 gunships in Ukraine, diplomats say."
    assert ("UKR", "COD", "aircraft") in _pairs(text, "1997-03-20")


def test_a_government_denying_a_sale_with_no_seller_denies_its_own() -> None:
    claims = armswatch.extract(
        "KINSHASA - The Foreign Ministry in Kiev said this week that it knew of no sale of "
        "military equipment to Zaire.",
        published="1997-03-20",
    )
    assert [(c.supplier.code, c.recipient.code, c.certainty) for c in claims] == [
        ("UKR", "COD", "denied")
    ]


def test_belgrade_in_the_1990s_is_yugoslavia() -> None:
    text = "KINSHASA - The jets were bought from Belgrade for Zaire's air force, diplomats say."
    assert ("YUG", "COD", "aircraft") in _pairs(text, "1997-03-20")
    assert ("SRB", "COD", "aircraft") in _pairs(text, "2007-03-20")


def test_more_of_the_same_goods_from_another_seller_is_its_own_transfer() -> None:
    claims = armswatch.extract(
        "WARSAW - Poland bought its first twelve MiG-29s from the Soviet Union in 1989 and "
        "received ten more from the Czech Republic in 1995.",
        published="1996-01-10",
    )
    found = {
        (
            c.supplier.code,
            c.recipient.code,
            c.items[0].quantity.min if c.items[0].quantity else None,
        )
        for c in claims
    }
    assert ("SUN", "POL", 12) in found
    assert ("CZE", "POL", 10) in found


def test_where_the_goods_are_built_is_where_they_come_from() -> None:
    text = (
        "WELLINGTON - The Government has decided that New Zealand will buy two ANZAC frigates "
        "for the Royal New Zealand Navy, to be built in Australia."
    )
    assert ("AUS", "NZL", "ships") in _pairs(text, "1989-09-14")


def test_the_aircraft_a_state_bought_are_the_design_named_just_before() -> None:
    text = (
        "SANTIAGO - Chile becomes the first South American country to order the F-16 since "
        "Venezuela, which bought the aircraft in 1982."
    )
    assert ("USA", "VEN", "aircraft") in _pairs(text, "2002-01-30")


def test_the_one_a_buyer_signs_documents_with_sells_what_they_include() -> None:
    claims = armswatch.extract(
        "MOSCOW - On Thursday, King Salman's delegation signed a series of documents with Russian "
        "officials and companies that include agreements for the purchase of the S-400 "
        "long-range air defence system.",
        published="2017-10-06",
    )
    assert [(c.supplier.code, c.recipient.code, c.status) for c in claims] == [
        ("RUS", "SAU", "agreed")
    ]


def test_supplying_those_missiles_gave_them_to_whoever_fired_them() -> None:
    text = (
        "RIYADH - The kingdom is fighting a war in Yemen, where the Houthis have fired dozens of "
        "ballistic missiles at Saudi cities, and it accuses Iran of supplying those missiles."
    )
    pairs = _pairs(text, "2017-10-06")
    assert ("IRN", "Houthis", "missiles") in pairs
    assert ("IRN", "SAU", "missiles") not in pairs


def test_signing_for_weapons_buys_them() -> None:
    assert ("CZE", "IRQ", "aircraft") in _pairs(
        "Iraq signs for 12 Czech L-159 combat jets", "2014-04-03"
    )


def test_building_another_states_weapons_under_licence_is_a_licence_deal() -> None:
    claims = armswatch.extract(
        "ANKARA - Turkey will build 350 South Korean K9 howitzers under licence, officials said.",
        published="2001-07-20",
    )
    assert [(c.supplier.code, c.recipient.code, c.status, c.deal) for c in claims] == [
        ("KOR", "TUR", "agreed", "licence")
    ]


def test_an_institute_a_capital_names_is_no_state() -> None:
    text = (
        "YANGON - China has sold Myanmar's junta fighter jets and tanks since 1989, the "
        "Stockholm International Peace Research Institute has found."
    )
    assert not any("SWE" in pair[:2] for pair in _pairs(text, "2007-10-01"))


def test_a_makers_letters_before_a_model_number_are_no_company() -> None:
    claims = armswatch.extract(
        "STOCKHOLM - Sweden will give Ukraine two ASC 890 surveillance aircraft and all of its "
        "army's Pbv 302 armoured personnel carriers, the defence minister said.",
        published="2024-05-29",
    )
    assert {c.recipient.code for c in claims} == {"UKR"}
    assert all(
        item.quantity is None or item.quantity.min != 302 for c in claims for item in c.items
    )


def test_it_after_a_reported_sentence_is_the_subject_of_what_was_reported() -> None:
    text = (
        "KUWAIT - Since its liberation Kuwait has signed defence agreements with the United "
        "States, Britain, France and Russia, Western military attaches said. It has agreed to "
        "buy M1A2 Abrams tanks from the United States."
    )
    pairs = _pairs(text, "1994-08-10")
    assert ("USA", "KWT", "armoured_vehicles") in pairs
    assert ("USA", "RUS", "armoured_vehicles") not in pairs


def test_rearming_a_state_with_weapons_supplies_them() -> None:
    text = (
        "DAMASCUS - The Soviet Union has rearmed the Syrian forces in the Bekaa Valley with new "
        "T-72 tanks, according to Western intelligence estimates."
    )
    assert ("SUN", "SYR", "armoured_vehicles") in _pairs(text, "1983-03-04")


def test_the_two_governments_negotiating_a_sale_are_not_one_state() -> None:
    claims = armswatch.extract(
        "COLOMBO - Diplomats said the two governments were now negotiating the sale of Kfir "
        "fighter-bombers to the Sri Lankan forces.",
        published="2000-05-20",
    )
    assert [(c.supplier.code, c.recipient.code, c.status) for c in claims] == [
        ("ISR", "LKA", "negotiating")
    ]


def test_passing_weapons_on_to_a_party_gives_them_but_passing_technology_does_not() -> None:
    assert ("EST", "UKR", "missiles") in _pairs(
        "TALLINN - Estonia will pass Javelin missiles from its own stocks to Ukraine, officials "
        "said.",
        "2022-01-20",
    )
    assert (
        _pairs(
            "WASHINGTON - Officials investigated allegations that Israel had passed Patriot "
            "technology to China.",
            "1992-04-02",
        )
        == set()
    )


def test_helicopters_flown_in_for_a_states_forces_were_delivered_to_it() -> None:
    text = (
        "MAPUTO - Mozambique's army is fighting insurgents in the north. Journalists reported "
        "that Russia had also flown in military helicopters for the country's armed forces."
    )
    assert ("RUS", "MOZ", "aircraft") in _pairs(text, "2019-10-01")


def test_keeping_an_army_stocked_with_ammunition_supplies_it() -> None:
    text = (
        "BEIRUT - Russia has kept the Syrian army stocked with ammunition through the port of "
        "Tartus, according to Western officials."
    )
    assert ("RUS", "SYR", "ammunition") in _pairs(text, "2015-09-01")


def test_a_company_ending_its_contract_with_a_state_was_the_seller() -> None:
    claims = armswatch.extract(
        "KIEL - ThyssenKrupp Marine Systems said it was terminating its contract with Greece "
        "for four Type 214 submarines because Athens owed it money.",
        published="2009-09-01",
    )
    assert [(c.supplier.code, c.recipient.code, c.status) for c in claims] == [
        ("DEU", "GRC", "cancelled")
    ]


def test_not_proceeding_with_a_lease_cancels_it() -> None:
    claims = armswatch.extract(
        "WELLINGTON - New Zealand has decided not to proceed with the lease of 28 F-16 aircraft "
        "from the United States.",
        published="2000-03-20",
    )
    assert [(c.supplier.code, c.recipient.code, c.status) for c in claims] == [
        ("USA", "NZL", "cancelled")
    ]
    assert claims[0].certainty != "denied"


def test_aircraft_turned_over_to_a_navy_were_delivered() -> None:
    text = (
        "MANILA - Two TC-90 aircraft provided by the Government of Japan were formally turned "
        "over to the Philippine Navy today."
    )
    assert ("JPN", "PHL", "aircraft") in _pairs(text, "2017-03-27")


def test_goods_that_begin_reaching_a_buyer_are_delivered() -> None:
    text = (
        "ATHENS - Greece's first Mirage 2000 fighters began reaching the Hellenic Air Force "
        "in March, according to diplomats."
    )
    assert ("FRA", "GRC", "aircraft") in _pairs(text, "1988-06-01")


def test_orders_placed_with_a_seller_in_a_relative_clause() -> None:
    text = (
        "The orders for attack helicopters that Jordan placed with American companies last "
        "year are expected to go ahead."
    )
    assert ("USA", "JOR", "aircraft") in _pairs(text, "1985-01-10")


def test_a_deal_that_will_not_be_affected_stands() -> None:
    claims = armswatch.extract(
        "Officials said the contract for Exocet missiles that Argentina signed with France "
        "would not be affected by the dispute.",
        published="1981-11-02",
    )
    assert [(c.supplier.code, c.recipient.code, c.certainty) for c in claims] == [
        ("FRA", "ARG", "reported")
    ]


def test_goods_built_for_a_buyer_in_another_states_yards() -> None:
    text = "Three corvettes were built for the Malaysian navy in German yards."
    assert ("DEU", "MYS", "ships") in _pairs(text, "1999-01-10")


def test_weapons_of_a_named_air_force_in_action_are_in_its_use() -> None:
    claims = armswatch.extract(
        "French-built Jaguar jets of the Indian Air Force struck the positions on Tuesday.",
        published="1999-06-01",
    )
    assert [(c.supplier.code, c.recipient.code, c.status) for c in claims] == [
        ("FRA", "IND", "in_use")
    ]


def test_a_clause_on_goods_named_by_examples() -> None:
    text = (
        "Syria's army depends on Soviet equipment bought in the 1970s, including T-62 tanks "
        "and MiG-21 fighters."
    )
    pairs = _pairs(text, "1990-01-10")
    assert ("SUN", "SYR", "armoured_vehicles") in pairs
    assert ("SUN", "SYR", "aircraft") in pairs


def test_a_participle_set_off_after_the_object() -> None:
    text = "The Bulgarian Air Force has flown the MiG-23, bought from the Soviet Union, since 1976."
    assert _pairs(text, "1996-01-10") == {("SUN", "BGR", "aircraft")}


def test_aircraft_flown_by_or_flying_with_air_forces_were_delivered() -> None:
    assert ("BRA", "PER", "aircraft") in _pairs(
        "The Super Tucano is flown by the Peruvian Air Force.", "2012-01-10"
    )
    assert ("SWE", "THA", "aircraft") in _pairs(
        "The Gripen already flies with the air forces of Thailand and South Africa.", "2012-01-10"
    )


def test_a_partyless_transfer_takes_the_pair_told_before_it() -> None:
    text = (
        "Shorts: RAF picks the Tucano as its new trainer\n"
        "BELFAST - The Ministry of Defence has chosen the Shorts Tucano as the Royal Air "
        "Force's new basic trainer, the company said.\n\n"
        "Officials said 130 aircraft would be ordered this year.\n\n"
        "The Tucano already flies with the air forces of Brazil and Egypt."
    )
    rows = {
        (c.supplier.code, c.recipient.code, c.items[0].quantity and c.items[0].quantity.min)
        for c in armswatch.extract(text, published="1985-03-21")
    }
    assert ("BRA", "GBR", 130) in rows
    assert ("BRA", "EGY", None) in rows


def test_re_equipped_with_weapons_shipped_from_a_supplier() -> None:
    text = "Syria's armoured brigades have been re-equipped with T-62 tanks shipped from the Soviet Union."
    assert ("SUN", "SYR", "armoured_vehicles") in _pairs(text, "1984-01-10")


def test_a_share_of_listed_goods_bought_from_a_supplier() -> None:
    text = (
        "The spoils now stand outside the palace: T-62 tanks, armoured personnel carriers and "
        "artillery pieces, most of them bought by Iraq from the Soviet Union."
    )
    pairs = _pairs(text, "1991-03-10")
    assert {("SUN", "IRQ", "armoured_vehicles"), ("SUN", "IRQ", "artillery")} <= pairs


def test_one_of_several_that_a_buyer_bought() -> None:
    text = "The drone was an Israeli-made Heron, one of several that Turkey has bought from IAI."
    assert ("ISR", "TUR", "uav") in _pairs(text, "2010-01-10")


def test_a_clause_after_a_list_covers_every_item() -> None:
    text = (
        "Investigators are looking into a planeload of Romanian-made rifles, mortars and "
        "ammunition flown to Liberia last month."
    )
    pairs = _pairs(text, "2001-01-10")
    assert {
        ("ROU", "LBR", "small_arms"),
        ("ROU", "LBR", "artillery"),
        ("ROU", "LBR", "ammunition"),
    } <= pairs


def test_goods_that_were_part_of_a_batch_sold_to_a_buyer() -> None:
    text = "The government said the Carl Gustaf launchers had been part of a batch sold to the Peruvian army in 1992."
    assert ("SWE", "PER", "small_arms") in _pairs(text, "2003-01-10")


def test_it_in_reported_words_is_the_state_they_are_about() -> None:
    claims = armswatch.extract(
        "Seoul's spy agency said North Korea has supplied Russia with 170mm guns, in addition "
        "to the millions of artillery shells it has shipped since last year.",
        published="2024-11-20",
    )
    assert {(c.supplier.code, c.recipient.code) for c in claims} == {("PRK", "RUS")}


def test_goods_of_two_origins_are_two_sellers_goods() -> None:
    claims = armswatch.extract(
        "Ethiopia's air force relies on American-built F-5 fighters and older Soviet-built jets.",
        published="1979-01-10",
    )
    rows = {(c.supplier.code, c.recipient.code, tuple(i.label for i in c.items)) for c in claims}
    assert rows == {("USA", "ETH", ("F-5",)), ("SUN", "ETH", ("jets",))}


def test_an_origin_on_a_designated_noun_phrase() -> None:
    text = "Kenya's air force bought American-built F-5 fighters."
    assert _pairs(text, "1980-01-10") == {("USA", "KEN", "aircraft")}


def test_goods_travelling_to_reach_a_party() -> None:
    text = "Arms have crossed the border from Uganda to reach the Sudan People's Liberation Army."
    claims = armswatch.extract(text, published="1996-01-10")
    assert [(c.supplier.code, c.recipient.name) for c in claims] == [
        ("UGA", "Sudan People's Liberation Army")
    ]


def test_a_navy_taking_over_ships_it_ordered() -> None:
    text = "The Chilean navy took over the first of four offshore patrol ships it has ordered from Germany."
    assert ("DEU", "CHL", "ships") in _pairs(text, "2008-01-10")
    assert (
        armswatch.extract("Rebels took over the tanks at the depot.", published="2008-01-10") == []
    )


def test_accepting_goods_receives_them_but_not_a_letter() -> None:
    text = "Two years ago Prague accepted 24 Russian MiG-29 fighters in return for cancelling debt."
    assert ("RUS", "CZE", "aircraft") in _pairs(text, "1996-01-10")
    letter = (
        "Washington declined to accept a formal letter of request from Taiwan for 66 F-16 fighters."
    )
    assert all(c.supplier is None or c.supplier.code != "TWN" for c in armswatch.extract(letter))


def test_either_side_is_no_party() -> None:
    text = "The UAE has repeatedly denied giving weapons to either side in the war."
    assert armswatch.extract(text, published="2024-01-10") == []


def test_for_fear_of_names_no_recipient() -> None:
    claims = armswatch.extract(
        "Indonesia has cancelled a contract to buy 11 Russian Su-35 fighters for fear of U.S. "
        "sanctions.",
        published="2021-12-10",
    )
    assert [(c.supplier.code, c.recipient.code, c.status) for c in claims] == [
        ("RUS", "IDN", "cancelled")
    ]


def test_a_general_noun_set_off_after_goods_describes_them() -> None:
    text = (
        "Inspectors found crates that had held Igla shoulder-fired missiles, a Russian weapon "
        "that Libya bought in the past decade."
    )
    assert ("RUS", "LBY", "air_defence") in _pairs(text, "2011-09-10")


def test_a_ship_named_with_a_navy_prefix_is_a_warship_of_that_navy() -> None:
    sold = "The former HMS Brazen and HMS Boxer were sold to the Government of Brazil in 1996."
    assert ("GBR", "BRA", "ships") in _pairs(sold, "1996-06-10")
    handed = "USS Gallery was handed over to the Egyptian Navy on Friday."
    assert ("USA", "EGY", "ships") in _pairs(handed, "1996-06-10")
    arrived = "INS Chakra, leased from Russia, arrived in Visakhapatnam."
    assert ("RUS", "IND", "ships") in _pairs(arrived, "2012-04-10")
    merchant = "The MV Lady R docked at Simon's Town."
    assert armswatch.extract(merchant, published="2023-01-10") == []


def test_leasing_from_a_state_takes_from_it() -> None:
    assert ("USA", "IND", "uav") in _pairs(
        "India has leased two MQ-9 drones from the United States.", "2020-11-10"
    )
    assert ("SWE", "HUN", "aircraft") in _pairs(
        "Sweden leased 14 Gripen fighters to Hungary.", "2001-11-10"
    )


def test_goods_bought_from_a_state_misread_as_a_verb_of_their_own() -> None:
    text = (
        "Ethiopia knows what imported hardware can do. Its air force turned the war against "
        "Tigrayan forces in 2021 with armed drones, among them Bayraktar TB2s bought from Turkey."
    )
    assert ("TUR", "ETH", "uav") in _pairs(text, "2024-03-01")


def test_it_opening_a_sentence_after_one_about_no_party() -> None:
    text = (
        "Greece offered used F-16s, and Israel won the tender. The collapse leaves the Croatian "
        "air force in an awkward position. It flies a dozen MiG-21s, some of them overhauled "
        "in Ukraine in 2014."
    )
    rows = {
        (c.supplier.code, c.recipient.code) for c in armswatch.extract(text, published="2024-03-01")
    }
    assert ("RUS", "HRV") in rows
    assert ("RUS", "ISR") not in rows


def test_carriers_that_land_with_weapons_deliver_them() -> None:
    claims = armswatch.extract(
        "Military transport aircraft from the Emirates and Jordan have landed in Beirut with "
        "ammunition.",
        published="2007-06-01",
    )
    rows = {(c.supplier.code, c.recipient.code, c.items[0].category) for c in claims}
    assert rows == {("ARE", "LBN", "ammunition"), ("JOR", "LBN", "ammunition")}
    assert armswatch.extract("Transport planes landed at the base.", published="2007-06-01") == []


def test_delivered_goods_a_clause_says_the_taker_has_used_are_in_use() -> None:
    claims = armswatch.extract(
        "Sweden has already delivered 12 Archer howitzers, which Ukrainian artillery crews "
        "have used against Russian forces in the south.",
        published="2023-09-01",
    )
    assert ("SWE", "UKR", "in_use") in {
        (c.supplier.code, c.recipient.code, c.status) for c in claims
    }

"""The extractor's mechanisms, one phenomenon per case, on sentences written for the project."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import armswatch
from armswatch.extract.frames import verb_status
from armswatch.extract.lexicons import Cue
from armswatch.extract.nlp import load_pipeline
from armswatch.models import Claim
from extraction_rows import rows_of


def _claims(text: str, published: str = "2023-03-15", title: str | None = None) -> list[Claim]:
    return armswatch.extract(text, title=title, published=published)


# (text, expected (supplier, recipient, category, status, certainty))
CASES = [
    pytest.param(
        "Germany delivered 18 howitzers to Ukraine last month, the defence ministry in Kyiv said.",
        ("DEU", "UKR", "artillery", "delivered", "confirmed"),
        id="give-active-past-to",
    ),
    pytest.param(
        "Armenia bought four fighter jets from Russia in 2020, according to a regional analyst.",
        ("RUS", "ARM", "aircraft", "delivered", "reported"),
        id="get-from",
    ),
    pytest.param(
        "Forty tanks were delivered to Morocco by the United States in the spring.",
        ("USA", "MAR", "armoured_vehicles", "delivered", "reported"),
        id="passive-agent",
    ),
    pytest.param(
        "Washington will send Taipei a new batch of anti-ship missiles, officials said on Monday.",
        ("USA", "TWN", "missiles", "offered", "reported"),
        id="future-give-dative",
    ),
    pytest.param(
        "Qatar wants to buy attack drones from Turkey, two people familiar with the talks said.",
        ("TUR", "QAT", "uav", "sought", "reported"),
        id="want-to-buy",
    ),
    pytest.param(
        "Tehran denied sending drones to Moscow, calling the accusation baseless.",
        ("IRN", "RUS", "uav", "delivered", "denied"),
        id="denial-by-party",
    ),
    pytest.param(
        "There are no indications that Belarus has received missiles from Iran, a Western diplomat said.",
        ("IRN", "BLR", "missiles", "delivered", "unconfirmed"),
        id="no-indications",
    ),
    pytest.param(
        "Egypt could acquire fighter jets from China within two years, analysts said.",
        ("CHN", "EGY", "aircraft", "agreed", "speculative"),
        id="modal-could",
    ),
    pytest.param(
        "If Berlin supplies tanks to Kyiv, Moscow has warned it will respond.",
        ("DEU", "UKR", "armoured_vehicles", "delivered", "speculative"),
        id="conditional-if",
    ),
    pytest.param(
        "Russian forces launched Iranian-made drones at power stations overnight.",
        ("IRN", "RUS", "uav", "in_use", "reported"),
        id="made-in-adjective-in-use",
    ),
    pytest.param(
        "The State Department approved the sale of 36 fighter jets to Indonesia on Thursday.",
        ("USA", "IDN", "aircraft", "agreed", "confirmed"),
        id="nominal-sale-approved-by-a-government-body",
    ),
    pytest.param(
        "Poland's purchase of attack helicopters from the United States was signed in Warsaw.",
        ("USA", "POL", "aircraft", "agreed", "reported"),
        id="possessive-purchase",
    ),
    pytest.param(
        "Germany halted deliveries of tanks to Turkey after the incursion.",
        ("DEU", "TUR", "armoured_vehicles", "suspended", "reported"),
        id="block-suspended",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_one_phenomenon(text: str, expected: tuple[str, str, str, str, str]) -> None:
    assert expected in rows_of(_claims(text))


def test_coordination_gives_one_claim_per_supplier() -> None:
    rows = rows_of(
        _claims(
            "France and Italy will supply air defence systems to Kyiv, the two governments announced."
        )
    )
    pairs = {(supplier, recipient) for supplier, recipient, *_ in rows}
    assert {("FRA", "UKR"), ("ITA", "UKR")} <= pairs


def test_intermediary_is_not_a_party() -> None:
    claims = _claims(
        "Israel shipped the missiles to Iran through a Swiss broker based in Portugal, investigators said."
    )
    assert claims
    for claim in claims:
        assert {claim.supplier and claim.supplier.key, claim.recipient and claim.recipient.key} <= {
            "ISR",
            "IRN",
            None,
        }


def test_vague_quantity_and_money_kept_apart() -> None:
    claims = _claims(
        "Kazakhstan ordered dozens of armoured vehicles from Turkey in a $200 million deal."
    )
    assert claims
    quantities = [item.quantity for claim in claims for item in claim.items if item.quantity]
    assert (
        quantities and quantities[0].min == 24 and quantities[0].max == 99 and quantities[0].approx
    )
    assert any(
        claim.value and claim.value.amount == 200_000_000 and claim.value.currency == "USD"
        for claim in claims
    )


def test_last_week_resolves_against_the_document_date() -> None:
    claims = _claims(
        "Serbia received air defence systems from China last week.", published="2022-04-13"
    )
    assert (
        claims
        and claims[0].event_date.start == "2022-04-04"
        and claims[0].event_date.end == "2022-04-10"
    )


def test_anaphor_takes_the_earlier_transfer() -> None:
    text = (
        "Pakistan is buying frigates from China, the navy said. "
        "The deal includes four frigates and their weapons."
    )
    rows = rows_of(_claims(text))
    assert any(
        supplier == "CHN" and recipient == "PAK" and category == "ships"
        for supplier, recipient, category, *_ in rows
    )
    assert all(supplier in {"CHN", None} for supplier, *_ in rows)


def test_quoted_speaker_after_the_quote() -> None:
    text = (
        "Ukraine's defence minister spoke to reporters in Kyiv.\n\n"
        "“We have received the first howitzers from Norway. More will come,” Oleksii Reznikov said."
    )
    claims = [c for c in _claims(text) if c.supplier and c.supplier.key == "NOR"]
    assert claims and claims[0].certainty == "confirmed"
    assert any(speaker.speaker == "Oleksii Reznikov" for speaker in claims[0].attribution)


def test_writer_voice_takes_the_attributed_origin() -> None:
    text = (
        "Sudan received drones from Iran.\n\n"
        "Sudanese army officers received the drones from Iran in January, according to U.S. officials."
    )
    origins = {claim.origin.name for claim in _claims(text) if claim.origin}
    assert origins == {"U.S. government"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The Pentagon ordered 50 fighter jets from Lockheed Martin on Friday.",
            id="domestic-procurement",
        ),
        pytest.param(
            "The airline bought twenty Airbus airliners from the European manufacturer.",
            id="civil-aircraft",
        ),
        pytest.param(
            "Arsenal bought a striker from Brighton for 40 million pounds.", id="football-club"
        ),
        pytest.param(
            "The farmer sold egg shells and a water tank to a neighbour.",
            id="egg-shells-water-tank",
        ),
        pytest.param(
            "Humour is his secret weapon, and he delivered it to the audience with ease.",
            id="figurative-weapon",
        ),
        pytest.param(
            "Ukrainian troops fired artillery shells at Russian positions near Bakhmut.",
            id="use-without-foreign-supplier",
        ),
        pytest.param(
            "The two presidents discussed nuclear arms control at the summit.", id="arms-control"
        ),
        pytest.param(
            "She opened her arms and received the award from the mayor.", id="arms-of-the-body"
        ),
    ],
)
def test_not_a_transfer(text: str) -> None:
    assert _claims(text) == []


def test_evidence_offsets_index_the_document_text() -> None:
    title = "Greece to buy frigates from France"
    text = "ATHENS, March 2 - Greece will buy three frigates from France, the government said."
    claims = _claims(text, title=title)
    from armswatch.ingest.documents import compose_text

    full = compose_text(text, title)
    assert claims
    for claim in claims:
        assert full[claim.evidence.start : claim.evidence.end] == claim.evidence.text
    assert any(claim.evidence.text == title for claim in claims)


MORE_CASES = [
    pytest.param(
        "Georgia has formally asked France to supply Mistral air defence missiles, its defence minister said.",
        ("FRA", "GEO", "air_defence", "sought"),
        id="asker-receives",
    ),
    pytest.param(
        "Vietnam signed a $1 billion deal with Russia for Kilo-class submarines on Monday.",
        ("RUS", "VNM", "ships", "agreed"),
        id="deal-with-partner",
    ),
    pytest.param(
        "The State Department has made a determination approving a possible Foreign Military Sale "
        "to the Government of Morocco of 24 attack helicopters.",
        ("USA", "MAR", "aircraft", "agreed"),
        id="formal-sale-approval",
    ),
    pytest.param(
        "Austria blocked Slovenian arms exports to Croatia in 1994.",
        ("SVN", "HRV", "unspecified", "suspended"),
        id="blocker-is-not-the-supplier",
    ),
    pytest.param(
        "Chile to buy 10 Leopard 2 tanks",
        ("DEU", "CHL", "armoured_vehicles", "agreed"),
        id="headline-maker-as-supplier",
    ),
    pytest.param(
        "Romania is to send a Patriot battery to Ukraine.",
        ("ROU", "UKR", "air_defence", "offered"),
        id="is-to-send",
    ),
    pytest.param(
        "Spanish to sell 12 used Harrier jets to Thailand",
        ("ESP", "THA", "aircraft", "agreed"),
        id="headline-demonym-to-sell",
    ),
    pytest.param(
        "Paris sells six Lafayette frigates to Taipei",
        ("FRA", "TWN", "ships", "agreed"),
        id="headline-present-sale-is-a-deal",
    ),
    pytest.param(
        "Manila keeps urging Washington to sell it F-16 fighters, officials said.",
        ("USA", "PHL", "aircraft", "sought"),
        id="urging-a-supplier-seeks",
    ),
    pytest.param(
        "Saab signed a contract with Brazil for 36 Gripen fighters. The first deliveries of the "
        "Gripens to Brazil are scheduled for 2019.",
        ("SWE", "BRA", "aircraft", "agreed"),
        id="scheduled-deliveries-are-agreed",
    ),
    pytest.param(
        "Under the contract, Hanwha will supply 48 K9 howitzers to Australia, the company said.",
        ("KOR", "AUS", "artillery", "agreed"),
        id="future-under-a-contract-is-agreed",
    ),
    pytest.param(
        "First Brazilian Super Tucano aircraft land in Nigeria",
        ("BRA", "NGA", "aircraft", "delivered"),
        id="weapons-landing-arrive",
    ),
    pytest.param(
        "Romania's first F-16 fighters arrived at Borcea on Wednesday, the air force said.",
        ("USA", "ROU", "aircraft", "delivered"),
        id="owner-of-arriving-weapons-made-abroad-receives",
    ),
    pytest.param(
        "The Ethiopian army was equipped with Soviet T-62 tanks and BM-21 rocket launchers.",
        ("SUN", "ETH", "armoured_vehicles", "delivered"),
        id="equipped-with-foreign-weapons-received-them",
    ),
    pytest.param(
        "Georgia was supplied with Israeli Hermes drones before the war, officials said.",
        ("ISR", "GEO", "uav", "delivered"),
        id="passive-supplied-with-names-the-recipient",
    ),
    pytest.param(
        "Sweden's Saab has been unable to deliver the radars that Bangkok wanted, because their "
        "processors contain American parts.",
        ("SWE", "THA", "sensors", "suspended"),
        id="unable-to-deliver-what-a-buyer-wanted",
    ),
    pytest.param(
        "Italy sold Peru the frigates that Lima had requested in 2004.",
        ("ITA", "PER", "ships", "delivered"),
        id="a-request-on-the-goods-is-their-past",
    ),
    pytest.param(
        "Since 2010, Chinese sales to Africa have been growing, with armed drones sold to Nigeria.",
        ("CHN", "NGA", "uav", "delivered"),
        id="seller-of-the-trade-above",
    ),
    pytest.param(
        "Algeria signed a deal with Russia for 14 fighter jets on Thursday.",
        ("RUS", "DZA", "aircraft", "agreed"),
        id="deal-with-hung-on-the-verb",
    ),
    pytest.param(
        "Thales radars have been delivered to the air forces of Chile, Peru and Colombia.",
        ("FRA", "COL", "sensors", "delivered"),
        id="coordinated-owners-under-of",
    ),
    pytest.param(
        "Saab has received an order from the Government of Thailand for four Gripen fighters.",
        ("SWE", "THA", "aircraft", "agreed"),
        id="a-seller-receives-an-order",
    ),
    pytest.param(
        "Lockheed Martin received a contract from the Pentagon for 32 F-35 jets for Romania.",
        ("USA", "ROU", "aircraft", "agreed"),
        id="an-order-from-the-sellers-own-government-for-a-buyer",
    ),
    pytest.param(
        "Chile's air force flies 20 refurbished F-16s delivered from the Netherlands in 2006.",
        ("NLD", "CHL", "aircraft", "delivered"),
        id="delivered-from-a-state",
    ),
    pytest.param(
        "India exercised an option for 26 more Rafale fighters from France on Friday.",
        ("FRA", "IND", "aircraft", "agreed"),
        id="exercised-an-option",
    ),
    pytest.param(
        "The 40 Leopard 2 tanks and 12 PzH 2000 howitzers that Krauss-Maffei Wegmann sold Qatar "
        "in 2013 were delivered by 2016.",
        ("DEU", "QAT", "artillery", "delivered"),
        id="a-clause-after-coordinated-goods",
    ),
    pytest.param(
        "Qatar has signed a contract for 62 Leopard 2 tanks and is weighing offers for more "
        "armoured vehicles from Turkey and France.",
        ("TUR", "QAT", "armoured_vehicles", "offered"),
        id="who-weighs-an-offer-is-offered-to",
    ),
    pytest.param(
        "The Indonesian defence minister returned from Paris with a contract for 42 Rafale jets.",
        ("FRA", "IDN", "aircraft", "agreed"),
        id="came-back-from-a-capital-with-a-deal",
    ),
    pytest.param(
        "Egypt signed a letter of intent to buy 300 VBCI armoured vehicles from France.",
        ("FRA", "EGY", "armoured_vehicles", "negotiating"),
        id="letter-of-intent",
    ),
]


@pytest.mark.parametrize(
    "text",
    [
        "The Ukrainian army is still equipped with Soviet-era T-64 tanks.",
        "Serbia's air force flies Yugoslav-built G-4 Super Galeb jets.",
        "The Czech army was equipped with Czechoslovak T-72 tanks.",
        "Croatia's army was armed with Yugoslav M-84 tanks.",
    ],
)
def test_a_dissolved_states_weapons_were_inherited(text: str) -> None:
    assert not rows_of(_claims(text, published="2014-05-01"))


def test_a_deal_told_as_the_subject_takes_its_buyer_from_the_story() -> None:
    text = (
        "Sudan's army is short of aircraft. The contract for twelve Yak-130 trainers was signed "
        "in 2016, officials said."
    )
    assert ("RUS", "SDN", "aircraft", "agreed") in {row[:4] for row in rows_of(_claims(text))}


def test_what_the_goods_can_carry_is_not_transferred() -> None:
    text = (
        "Officials in Khartoum said a contract for twelve Yak-130 jet trainers, which can also "
        "carry bombs, would go ahead."
    )
    assert {row[2] for row in rows_of(_claims(text))} <= {"aircraft"}


@pytest.mark.parametrize(
    "text",
    [
        "Yugoslav-era rifles were delivered to the Libyan rebels last month.",
        "Soviet-style rifles were delivered to the Libyan rebels last month.",
    ],
)
def test_a_period_or_pattern_is_not_the_maker(text: str) -> None:
    assert not any(row[0] in {"YUG", "SUN", "RUS", "SRB"} for row in rows_of(_claims(text)))


def test_forces_arriving_for_exercises_are_no_transfer() -> None:
    text = "Four Chinese J-10 fighters landed in Thailand on Monday for joint exercises."
    assert not rows_of(_claims(text))


def test_scheduled_deliveries_are_not_made() -> None:
    text = "The first deliveries of the Gripens to Brazil are scheduled for 2019."
    assert {row[3] for row in rows_of(_claims(text))} == {"agreed"}


def test_a_count_survives_two_frames_of_one_claim() -> None:
    text = "Under the agreement, Hanwha will supply 48 K9 howitzers to Australia, the company said."
    counts = [
        (item.quantity.min, item.quantity.max)
        for claim in _claims(text)
        for item in claim.items
        if item.quantity is not None
    ]
    assert (48, 48) in counts


@pytest.mark.parametrize(("text", "expected"), MORE_CASES)
def test_one_more_phenomenon(text: str, expected: tuple[str, str, str, str]) -> None:
    rows = {row[:4] for row in rows_of(_claims(text))}
    assert expected in rows


def test_weapons_made_by_the_buyer_are_domestic() -> None:
    assert _claims("The Russian air force received a new batch of Su-34 bombers on Tuesday.") == []


def test_a_story_keeps_one_side_implicit() -> None:
    text = (
        "How Kyiv keeps its skies closed\n\n"
        "Ukraine's air defence rests on weapons from abroad. The United States sent Ukraine two "
        "Patriot batteries last year. Germany has sent a second IRIS-T system. Ukraine's air force "
        "says it needs more."
    )
    rows = {row[:3] for row in rows_of(_claims(text, published="2024-05-01"))}
    assert ("DEU", "UKR", "air_defence") in rows


def test_named_takers_that_are_no_party_drop_the_claim() -> None:
    assert _claims("The company said it would sell 20 jets to four airlines next year.") == []


def test_possessor_of_a_decision_gives() -> None:
    rows = {
        row[:3]
        for row in rows_of(
            _claims("Canada's decision to send armoured vehicles to Latvia surprised allies.")
        )
    }
    assert ("CAN", "LVA", "armoured_vehicles") in rows


def test_an_engine_designation_on_the_word_engines_is_the_item() -> None:
    text = "Egypt has asked to buy twenty F-16 fighters and twenty-four F110 engines from the United States."
    categories = {row[2] for row in rows_of(_claims(text))}
    assert {"aircraft", "engines"} <= categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Russia has begun deliveries of S-400 missile systems to India, the embassy said.",
            ("RUS", "IND", "air_defence", "delivered"),
            id="begun-deliveries-to",
        ),
        pytest.param(
            "Russia will begin deliveries of Su-35 fighters to Iran next year.",
            ("RUS", "IRN", "aircraft", "agreed"),
            id="future-deliveries-are-agreed",
        ),
        pytest.param(
            "The Pentagon unveiled a $300 million package for Ukraine that includes Stinger "
            "missiles and 155mm shells.",
            ("USA", "UKR", "air_defence", "offered"),
            id="package-that-includes",
        ),
        pytest.param(
            "Pyongyang has shipped some 3,000 containers of munitions to Russia, Seoul said.",
            ("PRK", "RUS", "ammunition", "delivered"),
            id="destination-on-the-load",
        ),
        pytest.param(
            "Qatar is in talks with Turkey over the purchase of armed drones, officials said.",
            ("TUR", "QAT", "uav", "negotiating"),
            id="in-talks-over-a-purchase",
        ),
        pytest.param(
            "Manila expects the first BrahMos missiles from India to arrive next month.",
            ("IND", "PHL", "missiles", "agreed"),
            id="expected-arrival-is-agreed",
        ),
    ],
)
def test_reporting_of_the_2020s(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in {row[:4] for row in rows_of(_claims(text, published="2024-03-01"))}


def test_a_particle_is_no_bound_on_the_count() -> None:
    text = "Poland has handed over 14 Leopard tanks to Ukraine."
    counts = [
        (item.quantity.min, item.quantity.max)
        for claim in _claims(text)
        for item in claim.items
        if item.quantity is not None
    ]
    assert counts == [(14, 14)]


def test_ammunition_for_a_launcher_is_ammunition() -> None:
    text = "The United States sent HIMARS ammunition and Grad rockets to Ukraine."
    assert {row[2] for row in rows_of(_claims(text))} == {"ammunition"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "It is not clear whether Belarus has supplied the tanks to Russia.",
            ("BLR", "RUS", "armoured_vehicles", "delivered", "unconfirmed"),
            id="not-clear-whether-is-a-doubt",
        ),
        pytest.param(
            "Syria may have received Russian S-300 missiles, analysts said.",
            ("RUS", "SYR", "air_defence", "delivered", "speculative"),
            id="modal-perfect-hedges-a-delivery",
        ),
        pytest.param(
            "China is believed to have sold Silkworm missiles to Iran, diplomats said.",
            ("CHN", "IRN", "missiles", "delivered", "speculative"),
            id="believed-to-have-sold-is-a-hedge",
        ),
        pytest.param(
            "Turkey has refused to supply its S-400 systems to Ukraine, a spokesman said.",
            ("TUR", "UKR", "air_defence", "offered", "denied"),
            id="refusing-to-supply-turns-down-an-offer",
        ),
    ],
)
def test_status_and_certainty_of_hedged_reports(
    text: str, expected: tuple[str, str, str, str, str]
) -> None:
    assert expected in rows_of(_claims(text, published="2024-03-01"))


def test_a_states_rebels_are_a_group_named_by_its_demonym() -> None:
    text = "Libya's rebels have received anti-tank missiles from Qatar, a spokesman said."
    claims = _claims(text, published="2011-04-14")
    assert any(
        claim.recipient is not None
        and claim.recipient.kind == "group"
        and claim.recipient.name == "Libyan rebels"
        for claim in claims
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of Defence of Ukraine thanks the Government of Denmark for the transfer of "
        "Leopard 1 tanks.",
        "President Zelensky thanked Denmark for the delivery of Leopard 1 tanks.",
    ],
)
def test_the_one_thanked_for_a_transfer_gave_it(text: str) -> None:
    assert ("DNK", "UKR", "armoured_vehicles", "delivered") in {
        row[:4] for row in rows_of(_claims(text))
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Beijing condemned American arms sales to Taiwan on Monday.",
            ("USA", "TWN", "unspecified"),
            id="destination-hung-on-the-verb-over-the-sale",
        ),
        pytest.param(
            "The chancellor said Germany was ready to send Leopard tanks to Ukraine.",
            ("DEU", "UKR", "armoured_vehicles"),
            id="subject-of-the-copula-over-ready-to-send",
        ),
        pytest.param(
            "Greece proceeds with purchase of 20 Lockheed F-35 fighter jets",
            ("USA", "GRC", "aircraft"),
            id="proceeds-with-a-purchase",
        ),
    ],
)
def test_parties_the_parser_hangs_elsewhere(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in {row[:3] for row in rows_of(_claims(text))}


def test_a_pronoun_hung_on_the_verb_is_no_recipient() -> None:
    text = "Congress had barred military aid to them, the report said."
    assert not rows_of(_claims(text, published="1987-03-01"))


def test_a_relative_clause_on_a_party_is_its_own_transfer() -> None:
    text = (
        "Manila has sought closer ties with Moscow, which last year gave the Philippine army "
        "5,000 Kalashnikov rifles."
    )
    rows = {row[:4] for row in rows_of(_claims(text, published="2018-01-01"))}
    assert ("RUS", "PHL", "small_arms", "delivered") in rows
    assert not {row for row in rows if row[3] == "sought"}


def test_a_plan_approved_is_a_pledge() -> None:
    text = "Washington approved a plan to supply Javelin missiles to Georgia, officials said."
    assert {row[3] for row in rows_of(_claims(text, published="2017-11-20"))} == {"offered"}


def test_weapons_to_be_used_are_not_in_use() -> None:
    text = (
        "The Mi-35 helicopters bought from Russia will be used against militants, officials said."
    )
    assert not {row for row in rows_of(_claims(text)) if row[3] == "in_use"}


def test_the_alternative_passed_over_is_not_bought() -> None:
    rows = {row[:4] for row in rows_of(_claims("Singapore picks Boeing F-15 over Rafale"))}
    assert rows == {("USA", "SGP", "aircraft", "agreed")}


def test_another_weapons_seller_does_not_sell_this_one() -> None:
    text = (
        "Singapore will buy 12 Boeing F-15 fighters, the defence ministry said, ending a contest "
        "in which Dassault's Rafale had also reached the final round."
    )
    rows = {row[:3] for row in rows_of(_claims(text, published="2005-09-06"))}
    assert ("USA", "SGP", "aircraft") in rows
    assert ("FRA", "SGP", "aircraft") not in rows


def test_weapons_that_came_from_a_state_were_supplied_by_it() -> None:
    text = "Iraq's Scud missiles came from the Soviet Union, Western diplomats said."
    rows = {row[:4] for row in rows_of(_claims(text, published="1988-03-01"))}
    assert ("SUN", "IRQ", "missiles", "delivered") in rows


def test_people_who_came_from_a_capital_are_no_transfer() -> None:
    text = "The minister came from Moscow with an offer of tanks for the army."
    assert not rows_of(_claims(text))


def test_a_contract_for_designated_weapons_names_their_maker_or_the_partner() -> None:
    made = rows_of(
        _claims("Kenya has signed a contract for twelve Tucano trainers.", published="1988-01-01")
    )
    assert ("BRA", "KEN", "aircraft", "agreed") in {row[:4] for row in made}
    partner = rows_of(
        _claims(
            "Kenya has signed a contract for twelve Tucano trainers from Short Brothers.",
            published="1988-01-01",
        )
    )
    assert ("GBR", "KEN", "aircraft", "agreed") in {row[:4] for row in partner}


def test_an_agreement_with_a_partner_that_is_no_party_is_no_transfer() -> None:
    text = "Canadian Airlines said it signed an agreement with Flying Tiger Line for A320 jets."
    assert not rows_of(_claims(text, published="1987-06-01"))


def test_a_chain_of_designations_on_a_generic_noun_is_one_item() -> None:
    claims = _claims("The U.S. sold 108 M1A2T Abrams main battle tanks to Taiwan.")
    assert [item.category for claim in claims for item in claim.items] == ["armoured_vehicles"]


def test_a_count_hung_on_a_designation_counts_the_item() -> None:
    claims = _claims(
        "Venezuela has begun taking delivery of 100,000 Kalashnikov rifles from Russia."
    )
    quantities = [item.quantity for claim in claims for item in claim.items]
    assert [(q.min, q.max) for q in quantities if q is not None] == [(100000, 100000)]


@pytest.mark.parametrize(
    ("text", "designation"),
    [
        ("Algeria took delivery of 14 Su-30MKA fighters from Russia in 2019.", "Su-30"),
        ("Russia delivered T-90MS tanks to Iraq.", "T-90"),
        ("India received Su-30MKI jets from Russia.", "Su-30MKI"),  # a listed model wins
    ],
)
def test_a_models_variant_letters_name_the_model(text: str, designation: str) -> None:
    items = [item for claim in _claims(text) for item in claim.items]
    assert [item.designation for item in items] == [designation]


def test_variant_letters_need_a_model_ending_in_a_digit() -> None:
    from armswatch.extract.mentions import load_matchers

    weapons = load_matchers().weapons
    assert [m.end - m.start for m in weapons.find("the Su-30MKA")] == [len("Su-30MKA")]
    assert not weapons.find("Su-300")  # digits are another model, not a variant


def test_the_owner_named_on_a_fleet_of_weapons_received_them() -> None:
    rows = rows_of(_claims("Kenya's fleet of 30 F-5 fighters was acquired from Jordan."))
    assert ("JOR", "KEN", "aircraft", "delivered", "reported") in rows


def test_an_infinitive_parsed_as_an_adverbial_clause_keeps_its_governor() -> None:
    # the parse the model made of "Qatar had already agreed in 2014 to buy Patriot batteries"
    # in a feature: "to buy" an adverbial clause of "agreed", not its complement
    words = ["Qatar", "had", "already", "agreed", "in", "2014", "to", "buy", "Patriot", "batteries"]
    heads = [3, 3, 3, 3, 3, 4, 7, 3, 9, 7]
    deps = ["nsubj", "aux", "advmod", "ROOT", "prep", "pobj", "aux", "advcl", "compound", "dobj"]
    pos = ["PROPN", "AUX", "ADV", "VERB", "ADP", "NUM", "PART", "VERB", "PROPN", "NOUN"]
    tags = ["NNP", "VBD", "RB", "VBN", "IN", "CD", "TO", "VB", "NNP", "NNS"]
    lemmas = ["Qatar", "have", "already", "agree", "in", "2014", "to", "buy", "Patriot", "battery"]
    doc = Doc(
        load_pipeline().vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
    )
    cue = Cue(lemma="buy", pos="verb", cue_class="get", status="delivered", deal="sale")
    assert verb_status(cue, doc[7], doc[:]) == "agreed"


@pytest.mark.parametrize(
    "text",
    [
        "Elbit said it would supply Hermes 900 drones to a country in Latin America.",
        "Embraer has sold Super Tucano trainers to several South American air forces.",
    ],
)
def test_a_region_named_after_america_is_not_the_united_states(text: str) -> None:
    assert not any("USA" in row[:2] for row in rows_of(_claims(text)))


def test_a_seller_that_hoped_to_sell_offered_at_most() -> None:
    rows = {row[:4] for row in rows_of(_claims("Dassault hoped to sell Rafale jets to Finland."))}
    assert rows == {("FRA", "FIN", "aircraft", "offered")}


def test_a_market_is_no_buyer() -> None:
    text = (
        "HELSINKI - Finland has spent little on arms for years, and Finland's army is small. "
        "Finland now faces a choice.\n\n"
        "American companies, which had hoped to sell fighters and air defence systems in "
        "Central Europe, complain that they cannot compete."
    )
    assert not rows_of(_claims(text, title="Finland weighs its air defence"))


def test_the_maker_named_on_a_deal_s_goods_supplies_them() -> None:
    text = (
        "MANILA - Peru signed a contract on Tuesday for 32 more S-70i Black Hawk helicopters from "
        "PZL Mielec, the Polish subsidiary of Lockheed Martin. The air force received 16 of the "
        "Polish-built helicopters last year.\n\n"
        "Peru also signed a deal in November for 16 Russian-made Mi-17 heavy-lift helicopters, "
        "officials said."
    )
    rows = {row[:4] for row in rows_of(_claims(text, published="2022-02-15"))}
    assert ("RUS", "PER", "aircraft", "agreed") in rows


def test_an_option_held_is_no_order() -> None:
    assert not rows_of(_claims("Poland holds an option for 32 more F-35 jets."))


def test_a_gone_state_s_design_is_no_seller() -> None:
    text = (
        "The freighter is carrying 20 Soviet-designed T-72 tanks, the Ukrainian defence ministry "
        "said. Officials in Nairobi said the tanks were bound for the Kenyan army."
    )
    rows = rows_of(_claims(text, published="2008-09-29"))
    assert not any(row[0] == "SUN" for row in rows)


def test_a_design_told_in_its_own_time_still_names_the_seller() -> None:
    text = "Syria received 20 Soviet-designed T-72 tanks last month, Western officials said."
    rows = {row[:3] for row in rows_of(_claims(text, published="1985-09-29"))}
    assert ("SUN", "SYR", "armoured_vehicles") in rows


def test_an_offer_weighed_is_not_the_contract_signed_beside_it() -> None:
    text = (
        "Qatar has signed a contract for 62 Leopard 2 tanks and is weighing offers for more "
        "armoured vehicles from Turkey and France."
    )
    assert not any(row[0] == "QAT" for row in rows_of(_claims(text)))


def test_a_bare_name_two_designs_share_is_the_one_named_in_full() -> None:
    text = (
        "Indonesia signed contracts for 16 BAE Hawk 200 light fighters. Deliveries of the Hawk "
        "are planned to begin in 1996."
    )
    categories = {row[2] for row in rows_of(_claims(text, published="1993-06-01"))}
    assert categories == {"aircraft"}


def test_a_bare_name_alone_keeps_its_own_design() -> None:
    rows = rows_of(_claims("Iran received Hawk missiles from Israel in 1985.", "1986-06-01"))
    assert {row[2] for row in rows} == {"air_defence"}


@pytest.mark.parametrize(
    "text",
    [
        "Fincantieri handed over the frigate Al Zubarah to the Qatari navy at La Spezia on Monday.",
        "The submarine Kalvari was handed over to the Indian Navy by Naval Group.",
    ],
)
def test_a_type_word_before_a_vessels_name_is_the_weapon(text: str) -> None:
    rows = {row[2:4] for row in rows_of(_claims(text, published="2017-10-02"))}
    assert rows == {("ships", "delivered")}


@pytest.mark.parametrize(
    "text",
    [
        "Washington lets Israel sell Kfir jets to Ecuador",
        "The administration allowed Israel to sell 12 Kfir jets to Ecuador.",
    ],
)
def test_a_sale_another_state_permits_is_agreed(text: str) -> None:
    rows = {row[:4] for row in rows_of(_claims(text, published="1981-03-20"))}
    assert rows == {("ISR", "ECU", "aircraft", "agreed")}


def test_the_system_stands_for_the_design_the_sentence_before_describes() -> None:
    text = (
        "The Heron is a medium-altitude drone built by Israel Aerospace Industries. The system "
        "has been delivered to the Indian Air Force and is in service with the Turkish Air Force."
    )
    rows = {row[:4] for row in rows_of(_claims(text, published="2012-05-02"))}
    assert ("ISR", "IND", "uav", "delivered") in rows


def test_the_system_with_two_designs_before_is_left_alone() -> None:
    text = "The Heron and the Hermes 450 are Israeli drones. The system was delivered to Brazil."
    assert not rows_of(_claims(text, published="2012-05-02"))


def test_a_buyer_left_unnamed_is_not_one_named_before() -> None:
    text = (
        "Brazil and Chile already fly the Hermes 900. Elbit said on Monday that it had won a "
        "contract to supply Hermes 900 drones to a country in Latin America."
    )
    rows = {row[:4] for row in rows_of(_claims(text, published="2016-03-21"))}
    assert not any(row[3] == "agreed" for row in rows)


def test_a_firm_the_lexicon_does_not_know_sells_what_it_makes() -> None:
    text = (
        "The Boeing Company today delivered the first two F-15I fighters to the Israel Air Force."
    )
    rows = {row[:4] for row in rows_of(_claims(text, published="1998-01-19"))}
    assert rows == {("USA", "ISR", "aircraft", "delivered")}


def test_the_agent_of_a_transfer_noun_plays_its_verbs_subject() -> None:
    text = "The acquisition by China of Su-27 fighters from Russia alarmed Taipei."
    rows = {row[:3] for row in rows_of(_claims(text, published="1992-09-02"))}
    assert rows == {("RUS", "CHN", "aircraft")}


def test_he_is_the_person_who_speaks_not_the_last_state_named() -> None:
    text = (
        "Sale of F-16 aircraft to Taiwan\n\n"
        "The President today announced that he has decided to authorize the sale of 150 F-16 "
        "aircraft to Taiwan."
    )
    rows = {row[:4] for row in rows_of(_claims(text, published="1992-09-02"))}
    assert rows == {("USA", "TWN", "aircraft", "agreed")}


def test_new_goods_for_another_buyer_are_not_the_storys_sale() -> None:
    text = (
        "WASHINGTON - The United States will sell 150 F-16 fighters to Taiwan, the White House "
        "said. Washington has sold Taipei F-5 fighters before. Officials pointed to the "
        "acquisition by China of advanced fighter aircraft."
    )
    rows = rows_of(_claims(text, published="1992-09-02"))
    assert not any(row[1] == "CHN" for row in rows)


def test_goods_told_before_take_the_storys_seller() -> None:
    text = (
        "OUAGADOUGOU - Turkey has been the quickest to deliver. Mali and Burkina Faso have both "
        "received Bayraktar TB2 drones from Turkey, and Niger's military government says it has "
        "ordered the drones as well."
    )
    rows = {row[:3] for row in rows_of(_claims(text, published="2023-06-01"))}
    assert ("TUR", "NER", "uav") in rows


def test_a_demonym_on_capitalised_forces_names_the_state() -> None:
    text = "Germany will deliver 44 tanks to the Hungarian Defence Forces."
    rows = {row[:2] for row in rows_of(_claims(text, published="2018-12-19"))}
    assert rows == {("DEU", "HUN")}


def test_a_states_allies_are_not_the_state_named_before() -> None:
    text = (
        "The Mozambican forces carry Kalashnikov rifles delivered by the Soviet Union and its "
        "allies since independence."
    )
    rows = {row[:3] for row in rows_of(_claims(text, published="1986-10-01"))}
    assert rows == {("SUN", "MOZ", "small_arms")}


def test_goods_said_to_be_none_detail_no_transfer() -> None:
    text = (
        "Britain sold Mozambique six Islander aircraft last year. Britain has begun talks with "
        "Maputo on training officers, but British officials say no weapons are involved."
    )
    rows = {row[2] for row in rows_of(_claims(text, published="1986-10-01"))}
    assert "unspecified" not in rows


def test_goods_in_a_verbs_circumstances_are_not_what_it_moves() -> None:
    text = (
        "Britain will send Ukraine more missiles. We have taken this step as an answer to "
        "Russia's attacks on Ukraine's power stations with Iranian-made drones."
    )
    rows = rows_of(_claims(text, published="2023-05-11"))
    assert not any(row[2] == "uav" and row[1] != "RUS" for row in rows)


def test_money_named_after_a_state_is_no_party() -> None:
    text = (
        "The agency announced that on 6 February, on the occasion of the World Defense Show in "
        "Riyadh, LIG Nex1 signed a contract with the Ministry of Defense of the Kingdom of Saudi "
        "Arabia for the export "
        "of ten batteries of the Cheongung-II system, worth about 4.25 trillion won "
        "(3.2 billion US dollars)."
    )
    rows = {row[:2] for row in rows_of(_claims(text, published="2024-02-06"))}
    assert rows == {("KOR", "SAU")}


def test_a_plural_bare_name_is_the_design_named_in_full() -> None:
    text = (
        "Switzerland has signed a contract for 20 Hawk jet trainers. In Finland, the last of "
        "the 50 Hawks ordered in 1977 was handed over in 1985."
    )
    categories = {row[2] for row in rows_of(_claims(text, published="1987-10-22"))}
    assert categories == {"aircraft"}


def test_later_goods_of_a_list_hung_on_the_verb_above_are_the_transfers() -> None:
    text = (
        "The Government of Slovakia has requested to buy fourteen (14) F-16 Block 70/72 "
        "aircraft; sixteen (16) F110-GE-129D engines (fourteen installed and two spares); "
        "thirty (30) AIM-120C7 Advanced Medium-Range Air-to-Air Missiles; and one hundred (100) "
        "AIM-9X Sidewinder Block II tactical missiles."
    )
    categories = {row[2] for row in rows_of(_claims(text, published="2018-04-03"))}
    assert categories == {"aircraft", "engines", "missiles"}


def test_the_opposition_forces_are_a_group() -> None:
    text = (
        "Aircraft carrying arms from Iran have been landing at airfields held by the Northern "
        "Alliance. Observers have reported that the opposition forces have received Russian "
        "tanks and helicopters."
    )
    rows = {row[:2] for row in rows_of(_claims(text, published="1998-09-17"))}
    assert ("RUS", "Northern Alliance") in rows


def test_a_pronoun_stands_for_the_weapons_a_clause_of_be_names() -> None:
    text = (
        "They are BTR-80s, eight-wheeled Russian vehicles of the kind that Soviet troops once "
        "drove through Afghanistan, and Turkey bought them from Moscow."
    )
    rows = {row[:4] for row in rows_of(_claims(text, published="1995-05-01"))}
    assert rows == {("RUS", "TUR", "armoured_vehicles", "delivered")}


def test_goods_under_a_deal_signed_with_a_partner_come_from_it() -> None:
    text = (
        "Turkey bought 200 BTR-80 carriers and 19 Mi-17 helicopters from Russia in 1993. Russia "
        "delivered the helicopters last year, and Russia may sell Turkey more aircraft. The air "
        "force is taking F-16 fighters assembled near Ankara under the agreement signed with the "
        "United States in 1987."
    )
    rows = {row[:3] for row in rows_of(_claims(text, published="1995-05-01"))}
    assert ("USA", "TUR", "aircraft") in rows
    assert ("RUS", "TUR", "aircraft") in rows


def test_an_army_named_before_the_goods_received_them() -> None:
    text = (
        "India, by far the largest supplier, had for years given the Royal Nepalese Army rifles, "
        "vehicles and ammunition on generous terms."
    )
    rows = {row[:3] for row in rows_of(_claims(text, published="2005-12-01"))}
    assert rows == {("IND", "NPL", "small_arms"), ("IND", "NPL", "ammunition")}


def test_who_arms_itself_receives_from_no_named_seller() -> None:
    text = (
        "The United States supplied M-16 rifles to Nepal after 2001. Army officers say the "
        "Maoist guerrillas have armed themselves with rifles and pistols bought on the black "
        "market."
    )
    rows = {row[:2] for row in rows_of(_claims(text, published="2005-12-01"))}
    assert rows == {("USA", "NPL")}


def test_fighter_jets_are_no_armed_group() -> None:
    text = (
        "Police raided ranches of the Medellin cartel. The Kfirs will join the ageing Mirage 5 "
        "fighters that France sold Colombia in the early 1970s."
    )
    rows = {row[:2] for row in rows_of(_claims(text, published="1989-09-01"))}
    assert rows == {("FRA", "COL")}


def test_a_place_the_goods_are_not_for_is_no_buyer() -> None:
    text = "The United States sold helicopters not to the rebels but to the army of Colombia."
    rows = {row[:2] for row in rows_of(_claims(text, published="1989-09-01"))}
    assert not any(row[1] != "COL" for row in rows)


def test_goods_listed_each_with_its_source_pair_with_it() -> None:
    text = (
        "Over the last five years Sri Lanka has bought Kfir fighter-bombers and Super Dvora fast "
        "attack craft from Israel, Mi-24 helicopter gunships from Ukraine, and F-7 fighters, "
        "artillery and most of its ammunition from China."
    )
    rows = {row[:3] for row in rows_of(_claims(text, published="1998-06-01"))}
    assert rows == {
        ("ISR", "LKA", "aircraft"),
        ("ISR", "LKA", "ships"),
        ("UKR", "LKA", "aircraft"),
        ("CHN", "LKA", "aircraft"),
        ("CHN", "LKA", "artillery"),
        ("CHN", "LKA", "ammunition"),
    }


def test_goods_moved_by_one_act_share_its_sender() -> None:
    text = (
        "State Department officials confirmed that a consignment of about 1,200 M-16 rifles and "
        "2.8 million rounds of ammunition was delivered to the Somali army in June."
    )
    rows = {row[:3] for row in rows_of(_claims(text, published="1988-09-01"))}
    assert rows == {("USA", "SOM", "small_arms"), ("USA", "SOM", "ammunition")}


def test_a_beneficiary_hung_on_the_seller_receives() -> None:
    text = (
        "Between 2011 and 2014 the Pentagon bought 63 Mi-17 transport helicopters from the "
        "Russian state arms exporter Rosoboronexport for the Afghan air force."
    )
    rows = {row[:2] for row in rows_of(_claims(text, published="2015-06-01"))}
    assert rows == {("RUS", "AFG")}


def test_who_relies_on_supplied_weapons_received_them() -> None:
    text = "Iran's air force still relies on MiG-29s delivered by the Soviet Union in 1990."
    rows = {row[:3] for row in rows_of(_claims(text, published="2023-05-01"))}
    assert rows == {("SUN", "IRN", "aircraft")}


def test_a_warship_named_by_its_kind_makes_ship_a_weapon_word() -> None:
    text = (
        "Until the spring she was HMS Fife, a County-class guided-missile destroyer of the Royal "
        "Navy. Now she is the Blanco Encalada, and she is the fourth ship of her class that "
        "Britain has sold to the Chilean Navy in five years."
    )
    rows = {row[:3] for row in rows_of(_claims(text, published="1987-09-01"))}
    assert rows == {("GBR", "CHL", "ships")}


def test_ship_in_a_shipping_story_is_no_weapon() -> None:
    text = "Maersk sold two container ships to a Greek owner, the company said."
    assert not rows_of(_claims(text, published="2015-03-01"))

"""Plain-text scrape cleanup: page chrome goes, every article sentence stays, the headline leads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from armswatch.ingest import clean_scraped_text, iter_inputs
from armswatch.ingest.cleanup import NAVIGATION_LABELS, is_prose, parse_scraped_text
from armswatch.models import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_43f1b3c72fc22d31.txt"


def paragraphs(text: str) -> list[str]:
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_briefing_page_keeps_headline_and_article_drops_chrome_teasers_and_bio() -> None:
    cleaned = clean_scraped_text((FIXTURES / "scraped_briefing_page.txt").read_text())
    assert lines(cleaned)[0] == "Belarus Takes Delivery of Iskander Systems"
    assert paragraphs(cleaned)[1:] == [
        "Belarus has taken delivery of Iskander-M missile systems from Russia, the Belarusian defence "
        "ministry said on Wednesday, completing a transfer announced by President Alexander Lukashenko "
        "last year.",
        "According to the ministry, the launchers arrived by rail at a base in the Mogilev region and "
        "crews trained in Russia will operate them.",
        "Western officials said the systems could be fitted to carry nuclear warheads, a claim Minsk did "
        "not address.",
    ]
    for chrome in (
        "Currently Reading",
        "Read Previous",
        "Read Next",
        "minute read",
        "Verdi",
        "Weiss",
    ):
        assert chrome not in cleaned


def test_briefing_page_metadata_comes_from_the_teaser_that_repeats_the_headline() -> None:
    scraped = parse_scraped_text((FIXTURES / "scraped_briefing_page.txt").read_text())
    assert scraped.title == "Belarus Takes Delivery of Iskander Systems"
    assert scraped.byline == "Anton Weiss"


def test_news_site_page_drops_menus_share_cookie_related_photo_tags_and_footer() -> None:
    scraped = parse_scraped_text((FIXTURES / "scraped_news_site.txt").read_text())
    assert scraped.title == "Australia to buy Tomahawk missiles from the United States"
    assert scraped.byline == "Grace Whitfield and Tom Archer"
    assert scraped.published == "2023-03-17"
    assert lines(scraped.text) == [
        "Australia to buy Tomahawk missiles from the United States",
        "Australia will buy more than 200 Tomahawk cruise missiles from the United States, the U.S. "
        "State Department said on Friday, approving a sale worth up to $895 million.",
        "The Defense Security Cooperation Agency said the package covers 200 Block IV and 20 Block V "
        "missiles along with support and training.",
        "Australian Defence Minister Richard Marles said the missiles would be fitted to the navy's "
        "Hobart-class destroyers and later to its submarines.",
        "Shares in Raytheon, which builds the missile, rose slightly in New York trading.",
    ]


def test_clean_article_comes_through_unchanged() -> None:
    original = (FIXTURES / "clean_article.txt").read_text()
    assert paragraphs(clean_scraped_text(original)) == paragraphs(original)


def test_duplicated_title_line_is_dropped() -> None:
    page = (
        "Egypt receives first Rafale jets\n\nEgypt receives first Rafale jets\n\n"
        "Egypt has received its first three Rafale fighters from France, the presidency said on Monday.\n"
    )
    cleaned = clean_scraped_text(page)
    assert cleaned.count("Egypt receives first Rafale jets") == 1
    assert lines(cleaned)[0] == "Egypt receives first Rafale jets"


def test_mid_body_chrome_goes_but_sentences_mentioning_the_same_words_stay() -> None:
    page = "\n\n".join(
        [
            "Greece orders Belharra frigates from France",
            "Greece has signed a contract to buy three Belharra frigates from Naval Group, officials said.",
            "Advertisement",
            "Share this article",
            "Follow-on ships could be ordered later, the navy chief said in an interview.",
            "Related articles",
            "Turkey protests frigate deal",
            "Cyprus hails new pact",
            "Subscribers to the navy's newsletter were told the first ship would be delivered in 2025.",
            "The ministry said it would share further details with parliament next week.",
        ]
    )
    kept = paragraphs(clean_scraped_text(page))
    assert "Advertisement" not in kept
    assert "Share this article" not in kept
    assert "Turkey protests frigate deal" not in kept and "Cyprus hails new pact" not in kept
    for sentence in (
        "Follow-on ships could be ordered later, the navy chief said in an interview.",
        "Subscribers to the navy's newsletter were told the first ship would be delivered in 2025.",
        "The ministry said it would share further details with parliament next week.",
    ):
        assert sentence in kept


def test_bio_split_over_paragraphs_goes_and_a_final_question_stays() -> None:
    page = (
        "Ukraine asks for more Gepard ammunition\n\n"
        "Ukraine has asked Switzerland to allow the re-export of Gepard ammunition, officials said.\n\n"
        "Will Bern change its position before the summer?\n\n"
        "Sofia Brandt is a Zurich-based freelance journalist covering Swiss politics.\n\n"
        "She has reported from Kyiv and Warsaw and writes a weekly newsletter.\n"
    )
    cleaned = clean_scraped_text(page)
    assert "Will Bern change its position before the summer?" in cleaned
    assert "Sofia Brandt" not in cleaned and "weekly newsletter" not in cleaned


def test_headline_only_paste_is_kept() -> None:
    assert clean_scraped_text("Read Next\nIndia receives first S-400 squadron from Russia\n") == (
        "India receives first S-400 squadron from Russia"
    )


def test_reading_time_variants_are_chrome() -> None:
    page = (
        "Title of a story about tanks\n1 minute read\n12 min read\nReading time: 4 minutes\n\n"
        + (
            "Spain will send six Leopard 2A4 tanks to Ukraine, the defence minister said on Tuesday.\n"
        )
    )
    assert lines(clean_scraped_text(page)) == [
        "Title of a story about tanks",
        "Spain will send six Leopard 2A4 tanks to Ukraine, the defence minister said on Tuesday.",
    ]


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present in ../shared/seeds")
def test_seed_page_loses_its_chrome_and_bio_and_keeps_every_article_paragraph() -> None:
    raw = SEED.read_text(encoding="utf-8")
    cleaned = clean_scraped_text(raw)
    raw_paragraphs = paragraphs(raw)
    kept = paragraphs(cleaned)
    # The bio is the page's last paragraph; every earlier paragraph of prose is the article.
    bio = raw_paragraphs[-1]
    article = [p for p in raw_paragraphs[:-1] if is_prose(p)]
    assert article, "the seed should hold article paragraphs"
    assert all(paragraph in kept for paragraph in article)
    assert bio not in kept and bio.split(" is ")[0] not in cleaned
    # The headline leads, once, and is a line the page printed on its own.
    headline = lines(cleaned)[0]
    assert headline in lines(raw) and not is_prose(headline)
    assert lines(cleaned).count(headline) == 1
    for line in lines(cleaned):
        assert line.lower() not in NAVIGATION_LABELS
        assert not re.search(r"\d+\s+minutes?\s+read", line, re.IGNORECASE)
        assert not re.search(r"\bby [A-Z]\w+ [A-Z]\w+$", line)
    assert kept == [headline, *article]


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present in ../shared/seeds")
def test_seed_document_has_headline_as_title_and_first_line() -> None:
    (document,) = list(iter_inputs([str(SEED)]))
    assert isinstance(document, Document)
    assert document.title is not None
    assert document.text.startswith(document.title + "\n")


def test_teaser_under_currently_reading_names_the_article_when_no_headline_is_printed() -> None:
    page = (
        "Currently Reading\nJordan Buys Black Hawks by Layla Haddad\nRead Next\nRain Floods Amman by Omar Said\n\n"
        "Jordan has agreed to buy eight UH-60M Black Hawk helicopters from the United States, officials said.\n"
    )
    scraped = parse_scraped_text(page)
    assert (scraped.title, scraped.byline) == ("Jordan Buys Black Hawks", "Layla Haddad")
    assert "Rain Floods Amman" not in scraped.text and "Omar Said" not in scraped.text


def test_teaser_of_another_article_never_becomes_the_title() -> None:
    page = "Read Next\nFloods Hit the Coast by Jane Smith\n\nKenya has received two Mi-17 helicopters from Russia, the army said.\n"
    scraped = parse_scraped_text(page)
    assert scraped.title is None
    assert scraped.text == "Kenya has received two Mi-17 helicopters from Russia, the army said."


def test_headline_ending_in_a_two_word_name_is_still_the_headline() -> None:
    page = "World\nDrones Supplied by Saudi Arabia\n\nYemeni officials said the drones had arrived by sea in March.\n"
    scraped = parse_scraped_text(page)
    assert scraped.title == "Drones Supplied by Saudi Arabia"
    assert lines(scraped.text)[0] == "Drones Supplied by Saudi Arabia"
    assert "World" not in lines(scraped.text)


def test_standfirst_without_final_period_stays_below_the_headline() -> None:
    page = (
        "Germany sends more Patriot systems to Ukraine\n"
        "The third system will come from German army stocks, officials say\n"
        "By Anna Roth\n\n"
        "Germany will send a third Patriot system to Ukraine, the government said on Tuesday.\n"
    )
    scraped = parse_scraped_text(page)
    assert scraped.title == "Germany sends more Patriot systems to Ukraine"
    assert scraped.byline == "Anna Roth"
    assert lines(scraped.text) == [
        "Germany sends more Patriot systems to Ukraine",
        "The third system will come from German army stocks, officials say",
        "Germany will send a third Patriot system to Ukraine, the government said on Tuesday.",
    ]


@pytest.mark.parametrize(
    "header",
    [
        "World\nPolitics\nBusiness\n\n",
        "Read Next\nFarmers Block Roads in Madrid\nFlights Cancelled by Fog\n",
        "Menu\nSearch\nEurope › Spain\n",
    ],
)
def test_menus_and_teaser_lists_above_the_headline_go(header: str) -> None:
    body = "Spain has ordered 25 more Eurofighter jets from Airbus, the ministry said on Tuesday."
    cleaned = clean_scraped_text(
        header + "Spain buys Eurofighters for its air force\n\n" + body + "\n"
    )
    assert lines(cleaned) == ["Spain buys Eurofighters for its air force", body]


def test_article_sentences_that_start_like_chrome_are_kept() -> None:
    sentences = [
        "Copyright disputes over the engine design delayed the licence by a year, officials said.",
        "Accessibility of spare parts remains the main problem for the air force, the report found.",
        "Produced by Rheinmetall, the shells are assembled at a plant in Unterluess.",
        "Follow the money, one senator told the committee on Thursday.",
        "Email records seen by the newspaper show the contract was signed in March.",
    ]
    page = (
        "Hungary orders Lynx vehicles\n\n"
        + "\n\n".join(sentences)
        + "\n\nReporting by Eva Kiss; Editing by Tom Hale\n"
    )
    kept = paragraphs(clean_scraped_text(page))
    assert kept == ["Hungary orders Lynx vehicles", *sentences]


def test_bio_is_dropped_from_text_pasted_with_single_newlines() -> None:
    page = (
        "Serbia buys Rafale jets from France\n"
        "Serbia has signed a deal to buy 12 Rafale fighter jets from France, officials said on Thursday.\n"
        "He has long argued for the purchase, the president said of his defence minister.\n"
        "Milan Petrovic is a Belgrade-based correspondent for regional broadcasters.\n"
        "He has reported on the Balkans since 2010.\n"
        "Tags\nSerbia\nFrance\n"
    )
    assert lines(clean_scraped_text(page)) == [
        "Serbia buys Rafale jets from France",
        "Serbia has signed a deal to buy 12 Rafale fighter jets from France, officials said on Thursday.",
        "He has long argued for the purchase, the president said of his defence minister.",
    ]

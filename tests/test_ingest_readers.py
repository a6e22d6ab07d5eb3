"""Reading inputs into Documents: each kind of input, and each kind of bad input as a Failure."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from armswatch.errors import Error, InputError
from armswatch.ingest import iter_inputs, read_one
from armswatch.models import Document, Failure

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Slovakia hands MiG-29 fighters to Ukraine | Danube Post</title>
<meta property="og:site_name" content="Danube Post">
<meta name="author" content="Peter Hudec">
<meta property="article:published_time" content="2023-03-17T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>Slovakia hands MiG-29 fighters to Ukraine</h1>
<p>BRATISLAVA, March 17 - Slovakia will give Ukraine its 13 remaining MiG-29 fighter jets, Prime Minister
Eduard Heger said on Friday, becoming the second NATO member after Poland to pledge the Soviet-era aircraft.</p>
<p>The jets were retired from Slovak service last summer after the country ordered F-16 fighters from the
United States, and some of them are not airworthy, officials said.</p>
<p>"This is the right thing to do," Heger told reporters, adding that Slovakia would also send parts of its
Kub air defence system.</p>
</article>
<footer>Copyright 2023 Danube Post. Cookie settings. Newsletter sign-up.</footer>
</body></html>
"""

SCRAPED_TEXT = """Read Next
Lithuania Buys NASAMS Batteries by Ruta Kaminskaite

Latvia orders NSM coastal missiles from Norway
Published: 13 September 2023
By Janis Ozols

Latvia has signed a contract for the Naval Strike Missile coastal defence system, the defence ministry in Riga said on Wednesday.

Janis Ozols is a Riga-based reporter covering defence. He has written for Baltic newspapers.
"""

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Baltic Defence Digest</title><link>https://digest.example</link>
<description>News</description>
<item><title>Estonia receives HIMARS launchers</title><link>https://digest.example/a</link>
<pubDate>Tue, 09 Apr 2024 07:00:00 GMT</pubDate>
<description>&lt;p&gt;Estonia has received six HIMARS launchers from the United States, the ministry said.&lt;/p&gt;&lt;p&gt;Crews trained in Arkansas.&lt;/p&gt;</description></item>
<item><title>Finland signs David's Sling deal</title><guid>urn:digest:2</guid>
<pubDate>Thu, 09 Nov 2023 12:00:00 GMT</pubDate><description>Finland has agreed to buy the system from Israel.</description></item>
</channel></rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Pacific Ledger</title><id>urn:ledger</id>
<updated>2023-03-13T00:00:00Z</updated>
<entry><title>Australia to buy nuclear-powered submarines</title><id>urn:ledger:1</id>
<link href="https://ledger.example/aukus"/><updated>2023-03-13T21:00:00Z</updated>
<author><name>Mia Tan</name></author>
<content type="html">&lt;p&gt;Australia will buy at least three Virginia-class submarines from the United States.&lt;/p&gt;</content></entry>
</feed>
"""


def documents(items: list[Document | Failure]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def failures(items: list[Document | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


def read_all(*sources: str | Path, **options: object) -> list[Document | Failure]:
    return list(iter_inputs([str(s) for s in sources], **options))  # type: ignore[arg-type]


# -- input kinds ------------------------------------------------------------------------------


def test_text_file_is_cleaned_and_its_header_becomes_metadata(tmp_path: Path) -> None:
    path = tmp_path / "latvia.txt"
    path.write_text(SCRAPED_TEXT)
    document = read_one(str(path))
    assert document.doc_ref == str(path)
    assert document.title == "Latvia orders NSM coastal missiles from Norway"
    assert document.published == "2023-09-13"
    assert document.byline == "Janis Ozols"
    assert document.text.splitlines()[0] == document.title
    assert "Naval Strike Missile coastal defence system" in document.text
    for chrome in ("Read Next", "NASAMS", "Riga-based reporter", "Published:"):
        assert chrome not in document.text


def test_html_file_gives_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "slovakia.html"
    path.write_text(ARTICLE_HTML)
    document = read_one(str(path))
    assert document.title == "Slovakia hands MiG-29 fighters to Ukraine"
    assert document.text.startswith("Slovakia hands MiG-29 fighters to Ukraine\n")
    assert "13 remaining MiG-29 fighter jets" in document.text
    assert "Kub air defence system" in document.text
    assert "Weather" not in document.text and "Cookie settings" not in document.text
    assert document.byline == "Peter Hudec"
    assert document.outlet == "Danube Post"
    assert document.published == "2023-03-17"
    assert document.doc_ref == str(path)


def test_jsonl_records_keep_their_ids_titles_dates_and_outlets(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    records = [
        {
            "id": "w-1",
            "title": "Japan to buy Tomahawk missiles",
            "text": "",
            "published": "March 2, 2023",
            "source": "Pacific Ledger",
        },
        {
            "title": "Egypt receives Rafale jets",
            "text": "Egypt has received three Rafale jets from France.",
            "date": "2015-07-20T10:00:00Z",
            "url": "https://x.example/r",
        },
        {
            "id": 7,
            "title": "",
            "text": "Morocco is buying Patriot missiles, officials said.",
            "published": "Mon, 05 Jun 2023 10:00:00 GMT",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    first, second, third = read_all(path)
    assert (
        isinstance(first, Document) and isinstance(second, Document) and isinstance(third, Document)
    )
    assert (first.doc_ref, first.text, first.published, first.outlet) == (
        "w-1",
        "Japan to buy Tomahawk missiles",
        "2023-03-02",
        "Pacific Ledger",
    )
    assert second.doc_ref == f"{path}:2"
    assert (
        second.text
        == "Egypt receives Rafale jets\n\nEgypt has received three Rafale jets from France."
    )
    assert (second.published, second.url) == ("2015-07-20", "https://x.example/r")
    assert (third.doc_ref, third.published, third.title) == ("7", "2023-06-05", None)


def test_malformed_jsonl_line_is_a_failure_and_the_other_lines_go_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "a", "title": "India receives S-400 squadron"}\n'
        '{"id": "b", "title": broken\n'
        "[1, 2]\n"
        '{"id": "d", "title": "", "text": ""}\n'
        '{"id": "e", "title": "Qatar orders Eurofighters"}\n'
    )
    items = read_all(path)
    assert [d.doc_ref for d in documents(items)] == ["a", "e"]
    assert [(f.input, f.reason.split(" (")[0]) for f in failures(items)] == [
        (f"{path}:2", "line 2 is not valid JSON"),
        (f"{path}:3", "line 3 is not a JSON object"),
        (f"{path}:4", "line 4 has neither title nor text"),
    ]


def test_gzipped_jsonl_is_read_and_a_corrupt_one_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "g1", "title": "Chile buys Leopard spare parts"}) + "\n")
    assert [d.doc_ref for d in documents(read_all(path))] == ["g1"]
    corrupt = tmp_path / "corrupt.jsonl.gz"
    corrupt.write_bytes(gzip.compress(b'{"id": "x", "title": "A"}\n' * 50)[:40])
    (failure,) = failures(read_all(corrupt))
    assert failure.input == str(corrupt) and failure.reason.startswith("cannot read")


def test_directory_is_walked_recursively_in_order_skipping_hidden_and_unknown_files(
    tmp_path: Path,
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "two.txt").write_text(
        "Spain sends Hawk launchers\n\nSpain will send four Hawk launchers to Ukraine, the government said.\n"
    )
    (tmp_path / "a.html").write_text(ARTICLE_HTML)
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "title": "Greece buys F-35 jets"}\n')
    (tmp_path / ".hidden.txt").write_text(
        "Hidden notes that are not an article at all, kept out.\n"
    )
    (tmp_path / ".cache" / "x.txt").write_text(
        "Cached copy of an article that must be skipped entirely.\n"
    )
    (tmp_path / "README.md").write_text("# Not an article\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not text")
    items = read_all(tmp_path)
    assert not failures(items)
    assert [d.doc_ref for d in documents(items)] == [
        str(tmp_path / "a.html"),
        str(tmp_path / "b" / "two.txt"),
        "c1",
    ]


def test_empty_directory_is_a_failure(tmp_path: Path) -> None:
    (failure,) = read_all(tmp_path)
    assert isinstance(failure, Failure) and "no readable files" in failure.reason


def test_stdin_text_and_stdin_html() -> None:
    text = b"Now Reading\nNorway buys K9 howitzers\n\nNorway has ordered four more K9 howitzers from Hanwha, the defence ministry said.\n"
    (document,) = read_all("-", stdin=io.BytesIO(text))
    assert isinstance(document, Document)
    assert document.doc_ref == "<stdin>"
    assert document.title == "Norway buys K9 howitzers"
    assert "Now Reading" not in document.text
    (page,) = read_all("-", stdin=io.BytesIO(ARTICLE_HTML.encode()))
    assert isinstance(page, Document) and page.outlet == "Danube Post"
    assert "13 remaining MiG-29 fighter jets" in page.text


def test_rss_feed_file_gives_a_document_per_entry(tmp_path: Path) -> None:
    path = tmp_path / "digest.rss"
    path.write_text(RSS_FEED)
    first, second = read_all(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.doc_ref == first.url == "https://digest.example/a"
    assert first.title == "Estonia receives HIMARS launchers"
    assert first.text == (
        "Estonia receives HIMARS launchers\n\n"
        "Estonia has received six HIMARS launchers from the United States, the ministry said.\n\n"
        "Crews trained in Arkansas."
    )
    assert (first.published, first.outlet) == ("2024-04-09", "Baltic Defence Digest")
    assert (second.doc_ref, second.published) == ("urn:digest:2", "2023-11-09")


def test_atom_feed_file_takes_content_author_and_updated_date(tmp_path: Path) -> None:
    path = tmp_path / "ledger.atom"
    path.write_text(ATOM_FEED)
    (entry,) = read_all(path)
    assert isinstance(entry, Document)
    assert entry.text == (
        "Australia to buy nuclear-powered submarines\n\n"
        "Australia will buy at least three Virginia-class submarines from the United States."
    )
    assert (entry.byline, entry.published, entry.doc_ref) == (
        "Mia Tan",
        "2023-03-13",
        "https://ledger.example/aukus",
    )


def test_broken_feed_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><title>Half a feed</title><item><title>Cut")
    (failure,) = read_all(path)
    assert isinstance(failure, Failure) and failure.input == str(path)
    assert failure.reason.startswith(("broken feed", "feed has no entries"))


def test_warc_html_responses_become_documents(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, content_type, body in (
            ("https://danube.example/mig29", "text/html; charset=utf-8", ARTICLE_HTML.encode()),
            ("https://danube.example/logo.png", "image/png", b"\x89PNG...."),
            (
                "https://danube.example/empty",
                "text/html",
                b"<html><body><nav>Home</nav></body></html>",
            ),
        ):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )
    page, empty = read_all(path)
    assert isinstance(page, Document)
    assert page.doc_ref == page.url == "https://danube.example/mig29"
    assert "13 remaining MiG-29 fighter jets" in page.text
    assert isinstance(empty, Failure) and empty.input == "https://danube.example/empty"


def test_broken_warc_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_text("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: nonsense\r\n\r\n")
    items = read_all(path)
    assert items and all(isinstance(item, Failure) for item in items)
    assert items[0].input == str(path)


# -- bad inputs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t\n", "empty file"),
        ("nul.txt", b"Some text\x00\x00\x01 then binary", "binary file (contains NUL bytes)"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (a PDF document)"),
        (
            "garbled.txt",
            b"Contract signed \x81\x8d for 20 jets\x9d.\n",
            "cannot decode text: tried utf-8, utf-8-sig, cp1252",
        ),
        (
            "nav-only.html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "no article text found in the HTML",
        ),
        (
            "chrome-only.txt",
            b"Read Next\nAdvertisement\n5 min read\nShare this article\n",
            "no article text left after removing page chrome",
        ),
    ],
)
def test_bad_file_is_a_failure_naming_it_with_one_line(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (failure,) = read_all(path)
    assert isinstance(failure, Failure)
    assert failure.input == str(path)
    assert failure.reason.startswith(reason)
    assert "\n" not in failure.reason


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    (failure,) = read_all(tmp_path / "nowhere.txt")
    assert isinstance(failure, Failure) and failure.reason == "no such file or directory"


def test_huge_file_over_the_cap_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Arms sale reported by officials on Tuesday.\n" * 200)
    (failure,) = read_all(path, max_bytes=1000)
    assert isinstance(failure, Failure) and "over the" in failure.reason and "cap" in failure.reason
    assert isinstance(read_all(path)[0], Document)


def test_cp1252_text_decodes_when_clean_and_utf8_bom_is_dropped(tmp_path: Path) -> None:
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes(
        "The minister said \u201cthe howitzers are on their way\u201d to Kyiv on Friday.\n".encode(
            "cp1252"
        )
    )
    bom = tmp_path / "bom.txt"
    bom.write_bytes(
        b"\xef\xbb\xbfPortugal sends Leopard tanks\n\nPortugal has sent three Leopard 2A6 tanks to Ukraine, its ministry said.\n"
    )
    first, second = read_all(cp1252, bom)
    assert (
        isinstance(first, Document) and "\u201cthe howitzers are on their way\u201d" in first.text
    )
    assert isinstance(second, Document) and second.text.startswith("Portugal sends Leopard tanks")


def test_bad_inputs_do_not_stop_the_run_and_order_is_kept(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Croatia sells Mi-8 helicopters\n\nCroatia will hand its Mi-8 helicopters to Ukraine, officials said on Monday.\n"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01\x02")
    items = read_all(tmp_path / "missing.txt", empty, good, binary)
    assert [type(item).__name__ for item in items] == ["Failure", "Failure", "Document", "Failure"]


def test_read_one_raises_input_error_naming_the_source(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        read_one(str(tmp_path / "absent.html"))
    assert str(raised.value) == f"{tmp_path / 'absent.html'}: no such file or directory"
    assert isinstance(raised.value, Error)
    several = tmp_path / "two.jsonl"
    several.write_text('{"id": 1, "title": "One headline"}\n{"id": 2, "title": "Two headline"}\n')
    with pytest.raises(InputError, match="more than one document"):
        read_one(str(several))


def test_same_text_gives_the_same_doc_id_whatever_the_input(tmp_path: Path) -> None:
    text = "Chile buys frigates\n\nChile has agreed to buy two Type 23 frigates from Britain, the navy said.\n"
    path = tmp_path / "chile.txt"
    path.write_text(text)
    from_file = read_one(str(path))
    from_stdin = read_one("-", stdin=io.BytesIO(text.encode()))
    assert from_file.doc_id == from_stdin.doc_id
    assert from_file.doc_ref != from_stdin.doc_ref


def test_ingest_never_imports_spacy_and_loads_heavy_readers_only_when_used() -> None:
    import subprocess
    import sys

    sources = (Path(__file__).resolve().parents[1] / "src" / "armswatch" / "ingest").glob("*.py")
    for source in sources:
        text = source.read_text()
        assert "import spacy" not in text and "from spacy" not in text, source.name
    # Measured against `import armswatch` (whose own imports are not ingest's business).
    code = (
        "import sys, armswatch; before = set(sys.modules); import armswatch.ingest; "
        "print(sorted(m for m in set(sys.modules) - before if m.split('.')[0] in "
        "('spacy', 'datasketch', 'trafilatura', 'feedparser', 'warcio')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_rss_author_is_the_name_not_the_email(tmp_path: Path) -> None:
    path = tmp_path / "authors.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Digest</title>'
        "<item><title>Latvia buys IRIS-T</title><author>desk@digest.example (Anna Berzina)</author>"
        "<description>Latvia has signed a contract for IRIS-T SLM systems.</description></item>"
        "</channel></rss>"
    )
    (entry,) = read_all(path)
    assert isinstance(entry, Document) and entry.byline == "Anna Berzina"

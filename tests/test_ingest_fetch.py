"""Reading URLs: private and loopback hosts are refused by default; fetching works through a local
server only when private addresses are allowed explicitly; dead URLs and errors are Failures."""

from __future__ import annotations

import socket
import threading
import urllib.error
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from armswatch.errors import InputError
from armswatch.ingest import iter_inputs, read_one
from armswatch.ingest.fetch import (
    PrivateAddressError,
    build_opener,
    is_public_address,
    resolve_public,
)
from armswatch.models import Document, Failure

PAGE = b"""<html><head><title>Romania buys Patriot systems | Carpathian Courier</title>
<meta property="og:site_name" content="Carpathian Courier"></head>
<body><nav><a href="/">Home</a><a href="/news">News</a></nav><article><h1>Romania buys Patriot systems</h1>
<p>BUCHAREST, Nov 29 - Romania has signed a contract with the United States for seven Patriot air defence
systems, the defence ministry said on Wednesday, the largest purchase in its history.</p>
<p>The first battery arrived in 2020 and the rest are due by 2026, officials said.</p></article></body></html>"""

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Carpathian Courier</title>
<item><title>Bulgaria sends armoured vehicles to Ukraine</title><link>http://feed.example/1</link>
<description>Bulgaria will send about 100 armoured personnel carriers, officials said.</description></item>
</channel></rss>"""

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/article": (200, "text/html; charset=utf-8", PAGE),
    "/feed": (200, "application/rss+xml", FEED),
    "/plain": (
        200,
        "text/plain; charset=utf-8",
        b"Advertisement\nHungary buys Leopard tanks\n\nHungary has ordered 44 Leopard 2A7 tanks from Germany, officials said.\n",
    ),
    "/big": (
        200,
        "text/html",
        b"<html><body><p>" + b"Tanks were delivered on time. " * 400 + b"</p></body></html>",
    ),
}


class Handler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        Handler.requests.append(self.path)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_loopback_url_is_refused_by_default_without_any_request(server: str) -> None:
    (failure,) = list(iter_inputs([server + "/article"]))
    assert isinstance(failure, Failure)
    assert failure.input == server + "/article"
    assert failure.reason.startswith(
        "refused: host '127.0.0.1' resolves to non-public address 127.0.0.1"
    )
    assert Handler.requests == []


def test_hostname_resolving_to_a_private_address_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fake_getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.20.30.40", port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(
        InputError, match=r"'intranet\.example\.com' resolves to non-public address 10\.20\.30\.40"
    ):
        read_one("https://intranet.example.com/report.html")


def test_the_connection_itself_is_guarded_so_redirects_and_dns_changes_cannot_reach_private_hosts(
    server: str,
) -> None:
    # Bypass fetch()'s early check: the opener alone must still refuse to connect.
    with pytest.raises(urllib.error.URLError) as raised:
        build_opener(allow_private=False).open(server + "/article", timeout=5)
    assert isinstance(raised.value.reason, PrivateAddressError)
    assert Handler.requests == []
    with pytest.raises(PrivateAddressError):
        resolve_public("localhost", 80, allow_private=False)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("127.0.0.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),
        ("224.0.0.1", False),
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
    ],
)
def test_public_address_classification(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_html_page_is_fetched_when_private_addresses_are_allowed(server: str) -> None:
    document = read_one(server + "/article", allow_private=True)
    assert document.doc_ref == server + "/article"
    assert document.title == "Romania buys Patriot systems"
    assert "seven Patriot air defence systems" in document.text
    assert document.outlet == "Carpathian Courier"


def test_redirect_is_followed_and_the_final_url_kept(server: str) -> None:
    document = read_one(server + "/moved", allow_private=True)
    assert document.doc_ref == server + "/moved"
    assert document.url == server + "/article"


def test_feed_url_gives_its_entries(server: str) -> None:
    (entry,) = list(iter_inputs([server + "/feed"], allow_private=True))
    assert isinstance(entry, Document)
    assert entry.doc_ref == "http://feed.example/1"
    assert entry.text.startswith(
        "Bulgaria sends armoured vehicles to Ukraine\n\nBulgaria will send"
    )


def test_plain_text_url_is_cleaned_like_a_text_file(server: str) -> None:
    document = read_one(server + "/plain", allow_private=True)
    assert document.title == "Hungary buys Leopard tanks"
    assert "Advertisement" not in document.text


def test_http_error_dead_port_and_size_cap_are_failures(server: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    items = list(
        iter_inputs(
            [
                server + "/missing",
                f"http://127.0.0.1:{dead_port}/gone",
                server + "/big",
                server + "/article",
            ],
            allow_private=True,
            max_bytes=5000,
            timeout=5,
        )
    )
    missing, dead, big, article = items
    assert isinstance(missing, Failure) and missing.reason == "HTTP 404 Not Found"
    assert isinstance(dead, Failure) and dead.reason.startswith("cannot fetch:")
    assert isinstance(big, Failure) and big.reason == "response larger than the 5,000 byte cap"
    assert isinstance(article, Document)


def test_unresolvable_host_and_non_http_scheme_are_failures() -> None:
    (unresolvable,) = list(iter_inputs(["http://no-such-host.invalid/story"]))
    assert isinstance(unresolvable, Failure) and unresolvable.reason.startswith(
        "cannot resolve host"
    )
    (ftp,) = list(iter_inputs(["ftp://files.example/story.txt"]))
    assert (
        isinstance(ftp, Failure)
        and ftp.reason == "unsupported URL scheme 'ftp' (only http and https)"
    )

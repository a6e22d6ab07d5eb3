"""Fetching a URL for the user, safely: http(s) only, a timeout, a size cap, no proxies, and never an
address on a private, loopback, link-local or otherwise non-public network (checked on every
connection, redirects included, so a DNS answer cannot switch to a private address after the check)."""

from __future__ import annotations

import functools
import http.client
import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from armswatch import __version__
from armswatch.errors import InputError

USER_AGENT = f"armswatch/{__version__} (+https://github.com/armswatch)"


class PrivateAddressError(OSError):
    """A host resolved to an address armswatch must not fetch from."""


@dataclass
class Fetched:
    body: bytes
    content_type: str
    url: str


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def resolve_public(host: str, port: int, *, allow_private: bool) -> list[tuple[Any, ...]]:
    """getaddrinfo for `host`, refusing it when any of its addresses is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve host {host!r} ({exc.strerror})") from None
    if not allow_private:
        for info in infos:
            address = str(info[4][0])
            if not is_public_address(address):
                raise PrivateAddressError(
                    f"refused: host {host!r} resolves to non-public address {address} "
                    "(armswatch does not fetch private, loopback or link-local addresses)"
                )
    return infos


def _guarded_create_connection(
    address: tuple[str, int],
    timeout: Any = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
    source_address: Any = None,
    *,
    allow_private: bool = False,
) -> socket.socket:
    """socket.create_connection that only connects to addresses it has checked."""
    host, port = address
    last_error: OSError | None = None
    for family, kind, proto, _, sockaddr in resolve_public(host, port, allow_private=allow_private):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            last_error = exc
            sock.close()
    raise last_error or OSError(f"cannot connect to {host}")


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, allow_private: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(
            _guarded_create_connection, allow_private=allow_private
        )


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, allow_private: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(
            _guarded_create_connection, allow_private=allow_private
        )


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_GuardedHTTPConnection, allow_private=self.allow_private)
        return self.do_open(connection, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_GuardedHTTPSConnection, allow_private=self.allow_private)
        return self.do_open(connection, req, context=self._context)  # type: ignore[attr-defined]


def build_opener(*, allow_private: bool = False) -> urllib.request.OpenerDirector:
    """An opener with guarded connections and no proxy (a proxy would hide where we connect)."""
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        _GuardedHTTPHandler(allow_private),
        _GuardedHTTPSHandler(allow_private),
    )


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(
    url: str,
    *,
    timeout: float = 20.0,
    max_bytes: int = 50 * 1024 * 1024,
    allow_private: bool = False,
    opener: urllib.request.OpenerDirector | None = None,
) -> Fetched:
    """The body of an http(s) URL; InputError with one line of reason when it cannot be had."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InputError(url, "not an http(s) URL")
    # Refuse early with a clear reason; the guarded connection checks again on every connect.
    try:
        resolve_public(
            parts.hostname,
            parts.port or (443 if parts.scheme == "https" else 80),
            allow_private=allow_private,
        )
    except OSError as exc:
        raise InputError(url, str(exc)) from None
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    opener = opener or build_opener(allow_private=allow_private)
    try:
        with opener.open(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type", "") or ""
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise InputError(url, f"timed out after {timeout:g} s") from None
        raise InputError(url, f"cannot fetch: {reason}") from None
    except TimeoutError:
        raise InputError(url, f"timed out after {timeout:g} s") from None
    except (OSError, http.client.HTTPException) as exc:
        raise InputError(url, f"cannot fetch: {exc}") from None
    if len(body) > max_bytes:
        raise InputError(url, f"response larger than the {max_bytes:,} byte cap")
    return Fetched(body=body, content_type=content_type.lower(), url=final_url)

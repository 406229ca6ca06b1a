"""Fetching an http(s) URL under one total deadline that a slow server cannot stretch.

A socket timeout bounds each read, not the whole: a server that sends a byte every two seconds
never trips it. So the request runs in a daemon thread and the caller waits for it at most
`timeout` seconds in all (DNS, connect, TLS, headers, redirects, body); at the deadline, on
`FetchControl.cancel()` (the UI quitting) or on Ctrl-C the sockets are shut down, which ends a
blocked read at once, and the caller returns without waiting for the thread.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from reader.env_seconds import seconds_from_env
from reader.errors import SourceError, too_large

USER_AGENT = "reader-tui/0.1 (+https://pypi.org/project/reader-tui/)"
#: Seconds a whole fetch may take, unless READER_FETCH_TIMEOUT says otherwise.
DEFAULT_TIMEOUT = 30.0
TIMEOUT_ENV = "READER_FETCH_TIMEOUT"


class FetchCancelled(SourceError):
    """The fetch was stopped on purpose (FetchControl.cancel)."""


@dataclass(frozen=True, slots=True)
class Page:
    """What the server sent: the body and what its headers said about it."""

    data: bytes
    content_type: str
    declared: bool
    charset: str | None


def default_timeout() -> float:
    """READER_FETCH_TIMEOUT (seconds) or DEFAULT_TIMEOUT; SourceError when it is no number."""
    return seconds_from_env(TIMEOUT_ENV, DEFAULT_TIMEOUT, SourceError)


class FetchControl:
    """Stops a fetch from another thread; shuts down every socket the fetch opened."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._stopped = False
        self.cancelled = False
        self.deadline = float("inf")
        #: Set when the fetch ends or is cancelled: what the waiting caller waits for.
        self.wake = threading.Event()

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0 or self._stopped:
            raise TimeoutError
        return left

    def cancel(self) -> None:
        """Stop the fetch now (the caller gets FetchCancelled)."""
        self.cancelled = True
        self.stop()
        self.wake.set()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shutdown(sock)

    def register(self, sock: socket.socket) -> None:
        with self._lock:
            if not self._stopped:
                self._sockets.append(sock)
                return
        _shutdown(sock)


#: Fetches under way in this process, for `cancel_all`.
_running: set[FetchControl] = set()
_running_lock = threading.Lock()


def cancel_all() -> None:
    """Cancel every fetch under way: the app is quitting and must not wait for a slow server
    (its thread pool joins the worker threads at exit)."""
    with _running_lock:
        controls = list(_running)
    for control in controls:
        control.cancel()


def _shutdown(sock: socket.socket) -> None:
    """End any blocked read on the socket (the plain socket call, also under TLS)."""
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _opener(control: FetchControl) -> urllib.request.OpenerDirector:
    """urllib's opener with connections that time out by the deadline and can be stopped."""

    def connect(conn: http.client.HTTPConnection, base: Any) -> None:
        conn.timeout = control.remaining()
        base.connect(conn)
        control.register(conn.sock)

    class Connection(http.client.HTTPConnection):
        def connect(self) -> None:
            connect(self, http.client.HTTPConnection)

    class SecureConnection(http.client.HTTPSConnection):
        def connect(self) -> None:
            connect(self, http.client.HTTPSConnection)

    class Handler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Connection, req)

    class SecureHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(SecureConnection, req)

    class Redirect(urllib.request.HTTPRedirectHandler):
        # urllib follows a redirect to ftp://, on a connection neither timed by the deadline
        # nor stoppable: refused here as a redirect to anything else (_http_error names it).
        def redirect_request(
            self, req: urllib.request.Request, fp: Any, code: int, msg: str,
            headers: Any, newurl: str,
        ) -> urllib.request.Request | None:
            if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
                raise urllib.error.HTTPError(req.full_url, code, msg, headers, fp)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    # Built by hand, not build_opener(): that adds urllib's FTP and file handlers too, and
    # only web pages are fetched.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(), urllib.request.UnknownHandler(), Handler(),
        SecureHandler(), urllib.request.HTTPDefaultErrorHandler(), Redirect(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def check_url(url: str, label: str) -> None:
    """Refuse a URL no request can be made from, in one sentence (no traceback)."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 -- raises ValueError for a port out of range or not a number
    except ValueError as exc:
        reason = str(exc)
        reason = reason[:1].lower() + reason[1:]
        raise SourceError(f"{label} is not a valid URL ({reason}).") from None
    if not host:
        raise SourceError(f"{label} is not a valid URL: it names no host.")
    if ("[" in parts.netloc or "]" in parts.netloc) and not _bracketed_ipv6(parts.netloc):
        raise SourceError(f"{label} is not a valid URL (only an IPv6 address goes in brackets).")
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise SourceError(f"{label} is not a valid URL: it contains spaces or control characters.")


def _bracketed_ipv6(netloc: str) -> bool:
    import ipaddress
    import re

    match = re.fullmatch(r"(?:[^@]*@)?\[([^\[\]]+)\](?::\d*)?", netloc)
    if match is None:
        return False
    try:
        ipaddress.IPv6Address(match.group(1))
    except ValueError:
        return False
    return True


def fetch(
    url: str,
    *,
    label: str,
    max_bytes: int,
    timeout: float | None = None,
    control: FetchControl | None = None,
) -> Page:
    """GET the URL within `timeout` seconds in all; SourceError for anything that goes wrong."""
    check_url(url, label)
    if timeout is None:
        timeout = default_timeout()
    control = control if control is not None else FetchControl()
    control.deadline = time.monotonic() + timeout
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["page"] = _get(url, label, control, timeout, max_bytes)
        except BaseException as exc:  # handed to the waiting caller
            result["error"] = exc
        finally:
            control.wake.set()

    with _running_lock:
        _running.add(control)
    finished = False
    try:
        threading.Thread(target=work, name=f"fetch {label}", daemon=True).start()
        finished = control.wake.wait(timeout)
    finally:
        with _running_lock:
            _running.discard(control)
        if not finished or control.cancelled:  # deadline, cancel or Ctrl-C: stop reading now
            control.stop()
    # Decided here, once: what the thread does after the sockets are shut is not looked at.
    if control.cancelled:
        raise FetchCancelled(f"Fetching {label} was cancelled.")
    if not finished:
        raise SourceError(f"{label} did not answer within {timeout:g} seconds.")
    if "page" in result:
        return result["page"]
    error = result["error"]
    if isinstance(error, TimeoutError):
        raise SourceError(f"{label} did not answer within {timeout:g} seconds.")
    raise error


def _get(
    url: str, label: str, control: FetchControl, timeout: float, max_bytes: int
) -> Page:
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"}
    request = urllib.request.Request(url, headers=headers)
    try:
        with _opener(control).open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            declared = response.headers.get("Content-Type") is not None
            if declared and content_type not in TEXT_TYPES:
                raise SourceError(
                    f"{label} is not an HTML or text page (its content type is {content_type})."
                )
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise too_large(label, int(length), max_bytes)
            chunks: list[bytes] = []
            size = 0
            while size <= max_bytes:
                chunk = response.read1(min(65536, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            if size > max_bytes:
                raise too_large(label, None, max_bytes)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise _http_error(label, exc) from None
    except urllib.error.URLError as exc:
        raise _network_error(label, exc.reason, timeout) from None
    except TimeoutError:
        raise SourceError(f"{label} did not answer within {timeout:g} seconds.") from None
    except (ValueError, http.client.HTTPException) as exc:
        raise SourceError(f"{label} could not be fetched: {exc}.") from None
    except OSError as exc:
        raise _network_error(label, exc, timeout) from None
    return Page(b"".join(chunks), content_type, declared, charset)


TEXT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}


def _http_error(label: str, exc: urllib.error.HTTPError) -> SourceError:
    """An error status; a redirect that reaches here is a loop (urllib stops those)."""
    import http as http_status

    try:
        phrase = http_status.HTTPStatus(exc.code).phrase
    except ValueError:
        phrase = str(exc.reason or "")
    status = f"{exc.code} {phrase}".strip()
    if 300 <= exc.code < 400:
        where = exc.headers.get("Location") or exc.headers.get("URI")
        scheme = urllib.parse.urlsplit(urllib.parse.urljoin(exc.url or "", where or "")).scheme
        if where and scheme.lower() not in ("http", "https"):
            # Refused (a file:// or ftp:// Location: _opener's Redirect); it was called a loop.
            return SourceError(
                f"{label} redirects to {shown_url(where)}, which is not an http(s) address; "
                "only web pages are fetched."
            )
        if where:
            return SourceError(f"{label} redirects in a loop (or too many times).")
        return SourceError(f"{label} returned HTTP {status} without saying where to go.")
    return SourceError(f"{label} returned HTTP {status}.")


def shown_url(where: str) -> str:
    """A Location as it may appear in a one-line message (the server chose it)."""
    where = where if where.isprintable() else repr(where)
    return where if len(where) <= 200 else where[:199] + "…"


def _network_error(label: str, reason: object, timeout: float) -> SourceError:
    if isinstance(reason, TimeoutError):
        return SourceError(f"{label} did not answer within {timeout:g} seconds.")
    if isinstance(reason, ConnectionRefusedError):
        return SourceError(f"{label} refused the connection.")
    if isinstance(reason, socket.gaierror):
        return SourceError(f"{label}: the host name could not be resolved.")
    text = getattr(reason, "strerror", None) or str(reason)
    return SourceError(f"{label} could not be fetched: {text}.")

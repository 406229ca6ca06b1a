"""load_source of URLs from a real HTTP server on 127.0.0.1: pages, charsets, every refusal."""

from __future__ import annotations

import socket
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.sources import load_source
from tests.test_sources import ARTICLE, MARKDOWN, PAGE, check_page, refused


def test_url_html_page(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/news/budget").respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/news/budget")
    doc = load_source(url)
    check_page(doc)
    assert (doc.name, doc.source) == (url, url)


def test_url_declared_charset_is_used(httpserver: HTTPServer) -> None:
    body = PAGE.replace("Jane Porter", "Zoë Müller").replace("Porter said", "Müller said")
    httpserver.expect_request("/latin").respond_with_data(
        body.encode("iso-8859-1"), content_type="text/html; charset=iso-8859-1"
    )
    doc = load_source(httpserver.url_for("/latin"))
    assert "Zoë Müller" in doc.text


def test_url_plain_text(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a.txt").respond_with_data(ARTICLE, content_type="text/plain")
    doc = load_source(httpserver.url_for("/a.txt"))
    assert (doc.kind, doc.text) == ("text", ARTICLE)


def test_url_markdown_served_as_plain_text(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/raw/story.md").respond_with_data(
        MARKDOWN, content_type="text/plain; charset=utf-8"
    )
    doc = load_source(httpserver.url_for("/raw/story.md"))
    assert (doc.kind, doc.title) == ("markdown", "The Budget Row")


def test_url_404(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    url = httpserver.url_for("/gone")
    assert refused(url) == f"{url} returned HTTP 404 Not Found."


@pytest.mark.parametrize("where", ["file:///etc/passwd", "ftp://127.0.0.1:9/x"])
def test_url_redirect_to_another_scheme_is_named(httpserver: HTTPServer, where: str) -> None:
    """A redirect to file:// or ftp:// is refused, not followed (urllib followed ftp:// on a
    connection the deadline did not time, then said the page refused the connection); it was
    called a loop."""
    httpserver.expect_request("/moved").respond_with_data(
        "", status=302, headers={"Location": where}
    )
    url = httpserver.url_for("/moved")
    assert refused(url) == (
        f"{url} redirects to {where}, which is not an http(s) address; only web "
        "pages are fetched."
    )


def test_url_not_html(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/paper.pdf").respond_with_data(
        b"%PDF-1.7\n", content_type="application/pdf"
    )
    url = httpserver.url_for("/paper.pdf")
    assert refused(url) == (
        f"{url} is not an HTML or text page (its content type is application/pdf)."
    )


def test_url_too_large(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(PAGE, content_type="text/html")
    url = httpserver.url_for("/big")
    assert (
        refused(url, max_bytes=100) == f"{url} is too large ({len(PAGE) / 1e6:.1f} MB); "
        "the limit is 0.0001 MB."
    )


def test_url_too_large_without_length(httpserver: HTTPServer) -> None:
    def stream(request: Request) -> Response:
        return Response((PAGE[i : i + 50] for i in range(0, len(PAGE), 50)), mimetype="text/html")

    httpserver.expect_request("/chunked").respond_with_handler(stream)
    url = httpserver.url_for("/chunked")
    assert "is too large; the limit is" in refused(url, max_bytes=200)


def test_url_timeout(httpserver: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response(PAGE, mimetype="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    url = httpserver.url_for("/slow")
    started = time.monotonic()
    assert refused(url, timeout=0.3) == f"{url} did not answer within 0.3 seconds."
    assert time.monotonic() - started < 1.4


def test_url_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article"
    assert refused(url) == f"{url} refused the connection."


def test_url_page_without_article(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/empty").respond_with_data(
        "<html><body><script>var x = 1;</script></body></html>", content_type="text/html"
    )
    url = httpserver.url_for("/empty")
    assert refused(url) == f"{url}: no article text found in the page."



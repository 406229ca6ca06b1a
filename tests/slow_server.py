"""A real HTTP server on 127.0.0.1 that answers too slowly, for fetch deadlines and Ctrl-C.

pytest-httpserver answers at once; these need a server that sends one byte every so often
(in the headers or in the body), or that reads the request and never answers.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: Seconds between two bytes of a drip: well under any socket timeout, so only a total
#: deadline can stop the fetch.
DRIP_INTERVAL = 0.5


@contextmanager
def slow_server(mode: str) -> Iterator[tuple[str, threading.Event]]:
    """Yield (url, requested): `requested` is set once a request has arrived.

    mode "body": headers at once, then the body one byte per DRIP_INTERVAL, without end;
    "headers": the status line, then header bytes one per DRIP_INTERVAL, without end;
    "silent": the request is read and never answered.
    """
    stop = threading.Event()
    requested = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            requested.set()
            try:
                if mode == "silent":
                    stop.wait()
                    return
                if mode == "headers":
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                    drip = b"X-Slow: " + b"a" * 10_000
                else:
                    self.wfile.write(
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                        b"Content-Length: 1000000\r\n\r\nHeadline\n\n"
                    )
                    drip = b"word " * 200_000
                for i in range(len(drip)):
                    self.wfile.write(drip[i : i + 1])
                    self.wfile.flush()
                    if stop.wait(DRIP_INTERVAL):
                        return
            except OSError:
                return  # the client went away

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/article.txt", requested
    finally:
        stop.set()
        server.shutdown()
        server.server_close()

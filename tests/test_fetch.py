"""Fetching URLs: one total deadline, Ctrl-C and cancel stop at once, bad URLs and redirect
loops get one clear line. Real servers on 127.0.0.1, real `python -m reader` processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.errors import SourceError
from reader.sources import load_source
from tests.slow_server import slow_server

REPO = Path(__file__).parents[1]
#: Generous: a process that is not stopped by its deadline or by Ctrl-C runs far past this.
HANG = 60


def reader_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    env["PYTHONPATH"] = str(REPO)
    env.update(extra)
    return env


def run_reader(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(tmp_path / "a.db"), *args],
        capture_output=True, text=True, timeout=HANG, env=reader_env(**env),
        stdin=subprocess.DEVNULL,
    )


def one_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("reader: ")
    return lines[0]


@pytest.mark.parametrize("mode", ["body", "headers"])
def test_a_dripping_server_cannot_beat_the_total_deadline(tmp_path: Path, mode: str) -> None:
    """One byte every half second never trips a socket timeout; the total deadline stops it."""
    with slow_server(mode) as (url, requested):
        done = run_reader("analyze", url, tmp_path=tmp_path, READER_FETCH_TIMEOUT="2")
        assert requested.is_set()
    assert done.returncode == 2
    assert one_line(done.stderr) == f"reader: {url} did not answer within 2 seconds."


def test_first_ctrl_c_stops_a_fetch_with_130_and_no_traceback(tmp_path: Path) -> None:
    with slow_server("body") as (url, requested):
        proc = subprocess.Popen(
            [sys.executable, "-m", "reader", "--db", str(tmp_path / "a.db"), "analyze", url],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=reader_env(READER_FETCH_TIMEOUT="600"),
        )
        try:
            assert requested.wait(HANG), "the reader never made its request"
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=HANG)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert proc.returncode == 130
    assert out == ""
    assert one_line(err) == "reader: interrupted."


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://[::1]]/", "http://exa]mple.com/", "http://host:99999/x"]
)
def test_a_malformed_url_gets_one_line(tmp_path: Path, url: str) -> None:
    done = run_reader("analyze", url, tmp_path=tmp_path)
    assert done.returncode == 2
    assert one_line(done.stderr).startswith(f"reader: {url} is not a valid URL")


def test_a_redirect_loop_is_called_one(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/loop").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/loop")}
    )
    url = httpserver.url_for("/loop")
    done = run_reader("analyze", url, tmp_path=tmp_path)
    assert done.returncode == 2
    assert one_line(done.stderr) == f"reader: {url} redirects in a loop (or too many times)."


def test_cancel_stops_a_fetch_in_another_thread_at_once() -> None:
    """The UI fetches in a worker thread; quitting cancels it instead of waiting for it."""
    from reader.fetch import FetchCancelled, FetchControl

    errors: list[BaseException] = []
    control = FetchControl()

    def fetch(url: str) -> None:
        try:
            load_source(url, timeout=600, control=control)
        except BaseException as exc:
            errors.append(exc)

    with slow_server("silent") as (url, requested):
        thread = threading.Thread(target=fetch, args=(url,), daemon=True)
        thread.start()
        assert requested.wait(HANG)
        control.cancel()
        thread.join(HANG)
        assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], FetchCancelled)


def test_cancel_all_stops_every_fetch_under_way() -> None:
    from reader.fetch import FetchCancelled, cancel_all

    errors: list[BaseException] = []

    def fetch(url: str) -> None:
        try:
            load_source(url, timeout=600)
        except SourceError as exc:
            errors.append(exc)

    with slow_server("body") as (url, requested):
        thread = threading.Thread(target=fetch, args=(url,), daemon=True)
        thread.start()
        assert requested.wait(HANG)
        cancel_all()
        thread.join(HANG)
        assert not thread.is_alive()
    assert [type(e) for e in errors] == [FetchCancelled]

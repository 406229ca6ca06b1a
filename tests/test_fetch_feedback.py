"""A URL that is slow to answer, fetched from the command line: a line on the terminal says so
(a bare prompt for up to 30 s looks like a hang), and nothing of it is left once the fetch ends.
The real reader on a pseudo-terminal, against a real server on 127.0.0.1 that never answers."""

from __future__ import annotations

from tests.slow_server import slow_server
from tests.terminal import reader_env, run_on_terminal


def test_a_slow_fetch_says_what_it_is_doing_then_fails_in_one_line() -> None:
    with slow_server("silent") as (url, _requested):
        done = run_on_terminal(
            ["analyze", url], stderr_tty=True, env=reader_env(READER_FETCH_TIMEOUT="2")
        )
    assert done.returncode == 2
    assert f"reader: fetching {url}… (ctrl+c stops)" in done.screen
    assert "Traceback" not in done.screen


def test_a_quick_source_prints_no_such_line(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("“We will go,” she said.\n", encoding="utf-8")
    done = run_on_terminal(["analyze", str(article)], stderr_tty=True)
    assert done.returncode == 0
    assert "fetching" not in done.screen

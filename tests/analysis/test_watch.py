"""The analysis child's watch over its forked processes, on real processes.

Each scenario runs in a fresh interpreter (the watch counts every child of its process, as the
analysis child, whose only children are its parsers, needs), which prints what was reported.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from reader.analysis.watch import describe_exit

SCENARIO = """\
import multiprocessing, os, signal, sys, time
from reader.analysis.watch import ChildWatch

reports = []
kind = sys.argv[1]
watch = ChildWatch(reports.append, look_every=0.5, grace=1.0).start()


def sleep_long():
    time.sleep(60)


if kind == "killed":
    p = multiprocessing.Process(target=sleep_long)
    p.start()
    time.sleep(1.0)  # seen by the watch by now
    os.kill(p.pid, signal.SIGKILL)
elif kind == "unseen":
    time.sleep(0.2)  # the watch has looked and waits 0.5 s for the next look
    p = multiprocessing.Process(target=os._exit, args=(7,))
    p.start()  # it exits at once, before the watch ever sees it
elif kind == "clean-exit":
    p = multiprocessing.Process(target=os._exit, args=(0,))
    p.start()
elif kind == "clean-end":
    p = multiprocessing.Process(target=os._exit, args=(0,))
    p.start()
    p.join()  # as spaCy ends its parsers, and then the analysis ends
    watch.stop()
# Long enough for any report (the grace included), and for a second one to show.
deadline = time.monotonic() + (3.0 if kind == "clean-end" else 10.0)
while not reports and time.monotonic() < deadline:
    time.sleep(0.05)
time.sleep(0.5)
print(repr(reports))
"""


def run(kind: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", SCENARIO, kind],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    reports = ast.literal_eval(done.stdout.strip())
    assert isinstance(reports, list)
    return reports


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("killed", ["A parsing process was killed by SIGKILL."]),
        ("unseen", ["A parsing process exited with status 7."]),
        ("clean-exit", ["A parsing process exited (status 0) before the text was read."]),
        ("clean-end", []),
    ],
)
def test_the_watch_reports_each_early_end_once(kind: str, expected: list[str]) -> None:
    assert run(kind) == expected


def test_exit_codes_read_as_words() -> None:
    assert describe_exit(-9) == "was killed by SIGKILL"
    assert describe_exit(-11) == "was killed by SIGSEGV"
    assert describe_exit(3) == "exited with status 3"

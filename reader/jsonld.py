"""W3C Web Annotation JSON-LD: the notes as an AnnotationCollection another tool can read,
and that `reader notes --import` reads back (so a library moves between machines).

What the model has no term for is kept under the `reader:` prefix, declared in an extra
`@context` entry: the highlight colour, the orphan flag, the text's hash, who speaks, the
words a note was written about when its passage has changed since, and (on the collection)
the texts the annotations point into.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from pathlib import PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from reader.quoting import attribution

if TYPE_CHECKING:
    from reader.notes_record import ArticleNotes
    from reader.store.records import Annotation

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: The reader's own terms (an IRI prefix that resolves to nothing: names, not a service).
READER_NS = "urn:x-reader:ns#"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"reader": READER_NS}]
COLOR = "reader:highlightColor"
ORPHANED = "reader:orphaned"
SHA256 = "reader:sha256"
SPEAKER = "reader:speaker"
QUOTED = "reader:containsQuotesBy"
ARTICLES = "reader:articles"
TEXT = "reader:text"
SOURCES = "reader:sources"
#: When the article came into the library, and was last read (absent: never).
ADDED = "reader:added"
LAST_READ = "reader:lastRead"
WRITTEN_ABOUT = "reader:writtenAbout"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def source_iri(source: str, text_hash: str) -> str:
    """The target's source as an IRI: a URL as it is, a path as a file: URL, and the text's
    own identity (urn:sha256) for standard input, the bundled sample or an unknown place."""
    if re.match(r"^[a-zA-Z]:[\\/]", source):
        return PureWindowsPath(source).as_uri()
    if _SCHEME.match(source):
        return source
    if source.startswith("/"):
        return PurePosixPath(source).as_uri()
    return f"urn:sha256:{text_hash}" if text_hash else "urn:x-reader:unknown-source"


def annotation_jsonld(
    ann: Annotation,
    source: str,
    *,
    text_hash: str = "",
    context: bool = True,
    quotes: Sequence[Any] = (),
) -> dict[str, Any]:
    """One W3C Web Annotation: both selectors on the target (only the quote for an orphan,
    whose position is stale), the note as a TextualBody, the colour and speaker namespaced."""
    data: dict[str, Any] = {}
    if context:
        data["@context"] = CONTEXT
    data["id"] = f"urn:uuid:{ann.uuid}" if ann.uuid else f"urn:x-reader:annotation:{ann.id}"
    data["type"] = "Annotation"
    data["motivation"] = "commenting" if ann.note else "highlighting"
    data["created"] = ann.created
    data["modified"] = ann.updated
    if ann.note:
        data["body"] = {
            "type": "TextualBody",
            "value": ann.note,
            "format": "text/plain",
            "purpose": "commenting",
        }
    selectors: list[dict[str, Any]] = []
    if not ann.orphaned:
        selectors.append({"type": "TextPositionSelector", "start": ann.start, "end": ann.end})
    selectors.append(
        {"type": "TextQuoteSelector", "exact": ann.exact, "prefix": ann.prefix,
         "suffix": ann.suffix}
    )
    target: dict[str, Any] = {"source": source_iri(source, text_hash), "selector": selectors}
    digest = ann.text_hash or text_hash
    if digest:
        target[SHA256] = digest
    data["target"] = target
    data[COLOR] = ann.color
    if ann.changed:
        data[WRITTEN_ABOUT] = ann.written_exact
    if ann.orphaned:
        data[ORPHANED] = True
    else:
        who = attribution(ann.start, ann.end, ann.exact, quotes)
        if who.speaker:
            data[SPEAKER] = who.speaker
        elif who.quoted:
            data[QUOTED] = list(who.quoted)
    return data


def _stable_id(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, READER_NS + '/'.join(parts))}"


def article_entry(article: ArticleNotes) -> dict[str, Any]:
    """The text the annotations point into, so an import into another library can place them."""
    entry: dict[str, Any] = {
        "id": f"urn:sha256:{article.text_hash}",
        "type": "Text",
        "title": article.title,
        TEXT: article.text,
    }
    if article.sources:
        entry[SOURCES] = [{"source": s.source, "opened": s.opened} for s in article.sources]
    if article.added:
        entry[ADDED] = article.added
    if article.last_read:
        entry[LAST_READ] = article.last_read
    return entry


def collection_jsonld(label: str, articles: Sequence[ArticleNotes]) -> dict[str, Any]:
    """An AnnotationCollection whose one page holds every annotation. Its id is derived from
    the annotations it holds, so exporting the same notes twice gives the same document."""
    items = [
        annotation_jsonld(
            ann, a.source, text_hash=a.text_hash, context=False, quotes=a.quotes
        )
        for a in articles
        for ann in a.annotations
    ]
    collection_id = _stable_id("collection", label, *(str(i["id"]) for i in items))
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
    }
    if items:
        data["first"] = {
            "id": _stable_id("page", collection_id, "0"),
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        }
    texts = [article_entry(a) for a in articles if a.text and a.annotations]
    if texts:
        data[ARTICLES] = texts
    return data

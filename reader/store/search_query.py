"""What a person types into a search, as an FTS5 query.

Typed text is words, not FTS5 syntax to get right: every word goes to the index as a quoted
phrase, so "Israel's", "co-operation" and "U.S." are searched as the words the index holds
(its tokenizer splits them at the apostrophe, hyphen and dots, a straight apostrophe as a
typographic one), never a syntax error or a column name. The syntax the README promises is
kept: "a phrase", prefix*, AND/OR/NOT between words, (groups) and NEAR(a b[, N]). What would
be malformed is mended rather than refused, since the library searches as the person types:
an unclosed quote or group closes at the end, an operator with nothing on one side is left
out, and a word with no letter or digit in it (a lone "-") is not searched for. Brackets
around a single word are dropped, and groups nested deeper than MAX_DEPTH join the group
around them (FTS5's parser overflows its stack at about 32 levels).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.fold import spellings

OPERATORS = frozenset({"AND", "OR", "NOT"})
#: Groups nested deeper than this are flattened into the one around them.
MAX_DEPTH = 16
_NEAR_DISTANCE = re.compile(r"^(.*),\s*(\d+)\s*$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class _Token:
    #: "phrase" (quoted or a word), "op", "(", ")" or "near" (text: the inside of NEAR(...)).
    kind: str
    text: str
    prefix: bool = False


def _searchable(text: str) -> bool:
    """Whether the index's tokenizer (unicode61) finds a word in it: letters or digits."""
    return any(ch.isalnum() for ch in text)


def _closing(query: str, start: int) -> int:
    """Where the parenthesis open before `start` closes (len(query) when it never does)."""
    depth, i = 1, start
    while i < len(query):
        ch = query[i]
        if ch == '"':
            end = query.find('"', i + 1)
            i = len(query) if end < 0 else end + 1
            continue
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return i
        i += 1
    return len(query)


def _tokens(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(query):
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch == '"':
            end = query.find('"', i + 1)
            end = len(query) if end < 0 else end
            prefix = query.startswith("*", end + 1)
            tokens.append(_Token("phrase", query[i + 1 : end], prefix))
            i = end + 1 + prefix
        elif ch in "()":
            tokens.append(_Token(ch, ch))
            i += 1
        else:
            end = i
            while end < len(query) and not (query[end].isspace() or query[end] in '"()'):
                end += 1
            word = query[i:end]
            if word == "NEAR" and query.startswith("(", end):
                close = _closing(query, end + 1)
                tokens.append(_Token("near", query[end + 1 : close]))
                i = close + 1
                continue
            if word in OPERATORS:
                tokens.append(_Token("op", word))
            else:
                bare = word.rstrip("*")
                tokens.append(_Token("phrase", bare, prefix=bare != word))
            i = end
    return tokens


def _phrase(token: _Token) -> str:
    return '"' + token.text.replace('"', "") + '"' + ("*" if token.prefix else "")


def _spelt(token: _Token) -> str:
    """The phrase, or it OR its umlauts spelt out (reader.fold): "Müller" finds "Mueller" (and
    "Muller": the index drops accents). The other way round is the index's: "Mueller" and
    "Weiss" find "Müller" and "Weiß" in its rows' spelt-out copies (search_index)."""
    others = [_phrase(_Token("phrase", w, token.prefix)) for w in spellings(token.text)]
    return f"({' OR '.join([_phrase(token), *others])})" if others else _phrase(token)


def _near(inside: str) -> str:
    """NEAR(...) with its every word quoted and its distance kept; "" when no word is in it."""
    match = _NEAR_DISTANCE.match(inside)
    words, distance = (match.group(1), match.group(2)) if match else (inside, None)
    phrases = [
        _phrase(t) if t.kind == "phrase" else _phrase(_Token("phrase", t.text))
        for t in _tokens(words.replace("(", " ").replace(")", " "))
        if t.kind in ("phrase", "op") and _searchable(t.text)
    ]
    if not phrases:
        return ""
    return f"NEAR({' '.join(phrases)}{f', {distance}' if distance else ''})"


def _expression(tokens: list[_Token], at: int, depth: int) -> tuple[str, int, int]:
    """The FTS5 text of tokens[at:] up to the `)` closing this level (depth 0: the whole
    query), where it stopped, and how many operands it joins.

    Two operands side by side are joined by an explicit AND (FTS5 refuses `word (group)`)."""
    parts: list[str] = []
    operands = 0
    operand_last = False
    flattened = 0  # groups opened past MAX_DEPTH, whose words are this level's
    while at < len(tokens):
        token = tokens[at]
        at += 1
        if token.kind == ")":
            if flattened:
                flattened -= 1
            elif depth:
                break
            continue
        if token.kind == "op":
            if operand_last:
                parts.append(token.text)
                operand_last = False
            elif parts and parts[-1] in OPERATORS:
                parts[-1] = token.text  # "a AND NOT b": the later one ("a NOT b")
            continue
        if token.kind == "(" and depth >= MAX_DEPTH:
            flattened += 1
            continue
        if token.kind == "(":
            inner, at, count = _expression(tokens, at, depth + 1)
            text = inner if count == 1 else f"({inner})" if inner else ""
        elif token.kind == "near":
            text = _near(token.text)
        else:
            text = _spelt(token) if _searchable(token.text) else ""
        if not text:
            continue
        if operand_last:
            parts.append("AND")
        parts.append(text)
        operands += 1
        operand_last = True
    if parts and not operand_last:
        parts.pop()  # an operator with nothing after it
    return " ".join(parts), at, operands


def fts_query(typed: str) -> str:
    """The FTS5 query for what was typed; "" when it holds no word to search for."""
    return _expression(_tokens(typed), 0, depth=0)[0]


def operators_alone(query: str) -> bool:
    """Whether AND, OR or NOT stand with no word to join (`reader search AND`): told to
    "give words to search for", the person had given one, and learnt nothing."""
    tokens = _tokens(query)
    return any(t.kind == "op" for t in tokens) and not fts_query(query)

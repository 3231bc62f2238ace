"""A compiler for the simplest FHIRPath invariants, straight to Python closures.

Most constraints in the FHIR packages are existence logic: ``code.empty() or system.exists()``,
``(component.empty() and hasMember.empty()) implies (dataAbsentReason.exists() or
value.exists())``. Those always yield true or false, so plain Python booleans evaluate them
exactly, and many times faster than a general FHIRPath engine. Anything outside this small
grammar returns None from ``compile_simple`` and goes to fhirpathpy (a test compares both on
real data).

Grammar: ``expr := or_expr ('implies' or_expr)*``; ``or_expr := and_expr (('or'|'xor')
and_expr)*``; ``and_expr := unary ('and' unary)*``; ``unary := '(' expr ')' ['.not()'] |
path '.' ('exists()'|'empty()') ['.not()']``; ``path := name ('.' name)*``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

_TOKEN = re.compile(
    r"\s*(\(|\)|\.not\(\)|\.exists\(\)|\.empty\(\)|\.where\(|=|'[^'\\]*'|\.?[A-Za-z][A-Za-z0-9]*)"
)
_FUNCTIONS = frozenset({".not()", ".exists()", ".empty()"})
_KEYWORDS = frozenset({"and", "or", "xor", "implies"})
# FHIRPath names that are functions or keywords, not element names.
_RESERVED = frozenset({"and", "or", "xor", "implies", "not", "exists", "empty", "true", "false", "where", "all", "div", "mod", "in", "is", "as", "contains"})  # fmt: skip


def _tokens(expression: str) -> list[str] | None:
    tokens: list[str] = []
    position = 0
    text = expression.strip()
    while position < len(text):
        found = _TOKEN.match(text, position)
        if found is None:
            return None
        tokens.append(found.group(1))
        position = found.end()
    return tokens


# Type names that can follow a choice element's name in JSON (``valueQuantity``).
_CHOICE_SUFFIXES = frozenset(
    {
        "Base64Binary", "Boolean", "Canonical", "Code", "Date", "DateTime", "Decimal", "Id",
        "Instant", "Integer", "Markdown", "Oid", "PositiveInt", "String", "Time", "UnsignedInt",
        "Uri", "Url", "Uuid", "Address", "Age", "Annotation", "Attachment", "CodeableConcept",
        "Coding", "ContactPoint", "Count", "Distance", "Duration", "HumanName", "Identifier",
        "Money", "Period", "Quantity", "Range", "Ratio", "Reference", "SampledData", "Signature",
        "Timing", "ContactDetail", "Contributor", "DataRequirement", "Expression",
        "ParameterDefinition", "RelatedArtifact", "TriggerDefinition", "UsageContext", "Dosage",
        "Meta",
    }
)  # fmt: skip


def _children(nodes: list[Any], name: str) -> list[Any]:
    found: list[Any] = []
    for node in nodes:
        if not isinstance(node, dict):
            continue
        value = node.get(name)
        if value is None:
            # A choice element (``value`` -> ``valueQuantity``) or a primitive with only an
            # extension (``_text``) still exists.
            for key, item in node.items():
                if key.startswith(name) and key[len(name) :] in _CHOICE_SUFFIXES:
                    value = item
                    break
            else:
                extension = node.get("_" + name)
                if extension is not None:
                    value = extension
        if value is None:
            continue
        if isinstance(value, list):
            found.extend(v for v in value if v is not None)
        else:
            found.append(value)
    return found


Step = str | Check  # an element name, or a where() predicate


def _path_getter(steps: list[Step]) -> Callable[[Any], list[Any]]:
    def get(node: Any) -> list[Any]:
        current = [node]
        for step in steps:
            if isinstance(step, str):
                current = _children(current, step)
            else:
                current = [item for item in current if step(item)]
            if not current:
                return current
        return current

    return get


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.position = 0

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def expr(self) -> Check:
        left = self.or_expr()
        while self.peek() == "implies":
            self.take()
            right = self.or_expr()
            left = (lambda a, b: lambda n: (not a(n)) or b(n))(left, right)
        return left

    def or_expr(self) -> Check:
        left = self.and_expr()
        while self.peek() in ("or", "xor"):
            op = self.take()
            right = self.and_expr()
            if op == "or":
                left = (lambda a, b: lambda n: a(n) or b(n))(left, right)
            else:
                left = (lambda a, b: lambda n: a(n) != b(n))(left, right)
        return left

    def and_expr(self) -> Check:
        left = self.unary()
        while self.peek() == "and":
            self.take()
            right = self.unary()
            left = (lambda a, b: lambda n: a(n) and b(n))(left, right)
        return left

    def unary(self) -> Check:
        token = self.peek()
        if token is None:
            raise ValueError("unexpected end")
        if token == "(":
            self.take()
            inner = self.expr()
            if self.peek() != ")":
                raise ValueError("missing )")
            self.take()
            check = inner
        elif token in _KEYWORDS or token.startswith("."):
            raise ValueError(f"unexpected {token}")
        else:
            steps = self.path()
            function = self.peek()
            if function not in (".exists()", ".empty()"):
                raise ValueError("path without exists()/empty()")
            self.take()
            get = _path_getter(steps)
            check = (
                (lambda g: lambda n: bool(g(n)))(get)
                if function == ".exists()"
                else (lambda g: lambda n: not g(n))(get)
            )
        while self.peek() == ".not()":
            self.take()
            check = (lambda c: lambda n: not c(n))(check)
        return check

    def name(self, token: str) -> str:
        name = token.removeprefix(".")
        if not name or name in _RESERVED or not name[0].isalpha():
            raise ValueError(f"not an element name: {token}")
        return name

    def path(self) -> list[Step]:
        steps: list[Step] = [self.name(self.take())]
        while (following := self.peek()) is not None and following.startswith("."):
            if following in _FUNCTIONS:
                break
            self.take()
            if following == ".where(":
                predicate = self.predicate_or()
                if self.peek() != ")":
                    raise ValueError("missing ) after where")
                self.take()
                steps.append(predicate)
            else:
                steps.append(self.name(following))
        return steps

    # where() predicates: ``name = 'literal'`` joined by and/or, with parentheses
    def predicate_or(self) -> Check:
        left = self.predicate_and()
        while self.peek() == "or":
            self.take()
            right = self.predicate_and()
            left = (lambda a, b: lambda n: a(n) or b(n))(left, right)
        return left

    def predicate_and(self) -> Check:
        left = self.predicate_atom()
        while self.peek() == "and":
            self.take()
            right = self.predicate_atom()
            left = (lambda a, b: lambda n: a(n) and b(n))(left, right)
        return left

    def predicate_atom(self) -> Check:
        if self.peek() == "(":
            self.take()
            inner = self.predicate_or()
            if self.peek() != ")":
                raise ValueError("missing )")
            self.take()
            return inner
        name = self.name(self.take())
        if self.take() != "=":
            raise ValueError("only name = 'literal' comparisons")
        literal = self.take()
        if not (literal.startswith("'") and literal.endswith("'") and len(literal) >= 2):
            raise ValueError("only string literals")
        text = literal[1:-1]
        return lambda n: isinstance(n, dict) and n.get(name) == text


def compile_simple(expression: str) -> Check | None:
    """A Python closure equivalent to ``expression``, or None when it is outside the grammar."""
    tokens = _tokens(expression)
    if not tokens:
        return None
    parser = _Parser(tokens)
    try:
        check = parser.expr()
    except (ValueError, IndexError):
        return None
    if parser.position != len(tokens):
        return None
    return check


def _top_level_words(expression: str) -> list[tuple[int, str]]:
    """Positions of the words at parenthesis depth 0 outside string literals."""
    found: list[tuple[int, str]] = []
    depth = 0
    quoted = False
    word_start = -1
    for i, ch in enumerate(expression + " "):
        if quoted:
            if ch == "'":
                quoted = False
            continue
        if ch == "'":
            quoted = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch.isalpha() and word_start < 0:
            word_start = i
        elif not ch.isalpha() and word_start >= 0:
            if depth == 0 and (word_start == 0 or expression[word_start - 1] in " )"):
                found.append((word_start, expression[word_start:i]))
            word_start = -1
    return found


def compile_guard(expression: str) -> Check | None:
    """For ``simple or anything``: a closure that is True when the simple part already is,
    so the whole invariant holds without a general FHIRPath evaluation."""
    words = _top_level_words(expression)
    if any(word in ("implies", "xor") for _, word in words):
        return None
    cuts = [position for position, word in words if word == "or"]
    if not cuts:
        return None
    return compile_simple(expression[: cuts[0]])

"""FHIR XML parsed safely into a tree that keeps the line, column and bytes of every element.

Parsing goes through ``defusedxml`` with DTDs and entity declarations refused: FHIR XML never
needs them, and they are how XML bombs and external entity attacks work. The text must be UTF-8
and nest at most ``MAX_DEPTH`` levels. ``core/fhir_xml.py`` reads the tree into the JSON form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

MAX_DEPTH = 200


@dataclass
class _Node:
    tag: str
    attrib: dict[str, str]
    line: int
    column: int
    start: int
    end: int = -1
    children: list[_Node] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    content: list[str | _Node] = field(default_factory=list)  # text and children, in order

    @property
    def namespace(self) -> str:
        return self.tag[1:].split("}", 1)[0] if self.tag.startswith("{") else ""

    @property
    def name(self) -> str:
        return self.tag.rsplit("}", 1)[-1]

    def where(self) -> str:
        return f"line {self.line}, column {self.column}"


class _TreeBuilder:
    """An ElementTree parser target that keeps each element's position in the source."""

    def __init__(self, source: bytes) -> None:
        self.source = source
        self.expat: Any = None
        self.stack: list[_Node] = []
        self.root: _Node | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The XML is nested more than {MAX_DEPTH} levels deep, which no health document needs; the file is damaged or hostile.",
                ).format(MAX_DEPTH=MAX_DEPTH),
                where=f"line {self.expat.CurrentLineNumber}",
            )
        node = _Node(
            tag,
            dict(attrib),
            self.expat.CurrentLineNumber,
            self.expat.CurrentColumnNumber + 1,
            self.expat.CurrentByteIndex,
        )
        if self.stack:
            self.stack[-1].children.append(node)
            self.stack[-1].content.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def end(self, tag: str) -> None:
        node = self.stack.pop()
        index = self.expat.CurrentByteIndex
        if self.source.startswith(b"</", index):
            index = self.source.index(b">", index) + 1
        node.end = index  # a self-closing tag ends where expat reports its end event

    def data(self, text: str) -> None:
        if self.stack:
            self.stack[-1].text.append(text)
            self.stack[-1].content.append(text)

    def close(self) -> _Node | None:
        return self.root


def _parse(data: bytes, name: str) -> _Node:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    declared = re.match(rb"<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)", data)
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{name} is written in {encoding}; FHIR XML is always UTF-8."
            ).format(name=name, encoding=declared.group(1).decode())
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{name} is not UTF-8 text.").format(name=name),
            where=f"line {line}",
        ) from None
    builder = _TreeBuilder(data)
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":", 1)[0]
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{name} is not well-formed XML: {reason}.").format(
                name=name, reason=reason
            ),
            where=f"line {line}, column {column + 1}",
        ) from None
    except DefusedXmlException:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{name} declares a DTD or entities; FHIR XML never does, and they can be used to attack the reader, so the file was not opened.",
            ).format(name=name)
        ) from None
    if not isinstance(root, _Node):
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "{name} holds no XML element.").format(name=name)
        )
    return root

"""Narrative safety: FHIR's XHTML rules (txt-1, txt-2) plus the dangerous bits a viewer must not run.

A narrative is a ``<div>`` in the XHTML namespace holding only the basic HTML formatting
elements and attributes the FHIR specification lists (narrative.html), with some text or an
image in it. Scripts, event-handler attributes (``onclick``...), ``javascript:`` URLs, forms and
embedded objects are refused. Parsing goes through defusedxml so that entity tricks cannot hurt.
"""

from __future__ import annotations

import html.entities
import re
import threading
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeElementTree

XHTML_NS = "http://www.w3.org/1999/xhtml"
_NS_PREFIX = "{" + XHTML_NS + "}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

ALLOWED_ELEMENTS = frozenset(
    {
        "p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "b", "em", "i",
        "strong", "small", "big", "tt", "dfn", "q", "var", "abbr", "acronym", "cite",
        "blockquote", "hr", "address", "bdo", "kbd", "samp", "sub", "sup", "ul", "ol", "li",
        "dl", "dt", "dd", "pre", "table", "caption", "colgroup", "col", "thead", "tr", "tfoot",
        "tbody", "th", "td", "code", "img", "map", "area", "u", "s", "strike", "center", "font",
        "ins", "del",
    }
)  # fmt: skip

ALLOWED_ATTRIBUTES = frozenset(
    {
        "title", "style", "class", "id", "lang", "dir", "accesskey", "tabindex", "span",
        "width", "height", "align", "valign", "char", "charoff", "abbr", "axis", "headers",
        "scope", "rowspan", "colspan", "cellspacing", "cellpadding", "border", "summary",
        "frame", "rules", "href", "name", "src", "alt", "datetime", "cite", "start", "type",
        "compact", "value", "reversed", "bgcolor", "nowrap", "shape", "coords", "color", "face",
        "size", "hreflang", "rel", "rev", "longdesc", "usemap", "ismap", "hspace", "vspace",
        "clear", "noshade",
    }
)  # fmt: skip

# Elements that carry executable or embedded content: named in the message as unsafe.
UNSAFE_ELEMENTS = frozenset(
    {"script", "iframe", "object", "embed", "applet", "form", "input", "button", "frame",
     "frameset", "link", "meta", "style", "base", "textarea", "select", "svg", "math"}
)  # fmt: skip

_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "longdesc", "usemap"})


@dataclass(frozen=True)
class NarrativeProblem:
    key: str  # txt-1, txt-2 or xhtml
    severity: str
    message: str


def _local(tag: str) -> tuple[str | None, str]:
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return None, tag


def _unsafe_url(value: str) -> bool:
    compact = "".join(ch for ch in value if not ch.isspace() and ord(ch) >= 32).lower()
    return compact.startswith(("javascript:", "vbscript:", "data:text/html"))


_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})


def _numeric_entities(div: str) -> str:
    """HTML's named entities (``&nbsp;``, ``&eacute;``) as character references, so that the
    rest of the narrative can still be checked once their own error is reported."""

    def replace(found: re.Match[str]) -> str:
        name = found.group(1)
        if name in _XML_ENTITIES or name not in html.entities.name2codepoint:
            return found.group(0)
        return f"&#{html.entities.name2codepoint[name]};"

    return _NAMED_ENTITY.sub(replace, div) if "&" in div else div


def check_narrative(div: str) -> list[NarrativeProblem]:
    """All problems with a narrative ``div``; empty when it is well-formed, safe and allowed."""
    try:
        root = SafeElementTree.fromstring(_numeric_entities(div))
    except Exception as exc:  # defusedxml raises several types for bad or hostile input
        reason = str(exc).split("\n", 1)[0]
        return [
            NarrativeProblem("txt-1", "error", f"The narrative is not well-formed XHTML ({reason})")
        ]
    problems: list[NarrativeProblem] = []
    # The narrative is XML (R4 narrative.html, json.html#xhtml), and XML without a DTD knows
    # five named entities: &nbsp; or &reg; make it unreadable to an XML parser.
    html_named = sorted(
        {m.group(1) for m in _NAMED_ENTITY.finditer(div) if m.group(1) not in _XML_ENTITIES}
        if "&" in div
        else ()
    )
    if html_named:
        shown = ", ".join(f"&{n};" for n in html_named[:3]) + (
            " ..." if len(html_named) > 3 else ""
        )
        problems.append(
            NarrativeProblem(
                "txt-1",
                "error",
                f"The narrative uses HTML entities that XML does not define ({shown}); write "
                "the characters themselves or as numeric references (&#160;)",
            )
        )
    ns, name = _local(root.tag)
    if ns != XHTML_NS:
        problems.append(
            NarrativeProblem(
                "txt-1",
                "error",
                f"The narrative must be in the XHTML namespace ({XHTML_NS}); "
                f'add xmlns="{XHTML_NS}" to the div',
            )
        )
    if name != "div":
        problems.append(
            NarrativeProblem("txt-1", "error", f"The narrative must be a <div>, not <{name}>")
        )
    seen: set[str] = set()
    has_content = False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        el_ns, el_name = _local(element.tag)
        # ``not isspace()`` rather than ``strip()``: no copy of a long text just to test it.
        if (element.text and not element.text.isspace()) or (
            element.tail and not element.tail.isspace()
        ):
            has_content = True
        if el_name == "img":
            has_content = True
        if el_ns is not None and el_ns != XHTML_NS:
            _add_once(
                problems,
                seen,
                f"The narrative contains <{el_name}> from a foreign namespace ({el_ns})",
            )
            continue
        if el_name in UNSAFE_ELEMENTS:
            _add_once(
                problems,
                seen,
                f"The narrative contains a <{el_name}> element, which is not allowed "
                "(it could run code or load content when displayed)",
            )
        elif el_name not in ALLOWED_ELEMENTS:
            _add_once(
                problems,
                seen,
                f"The narrative contains a <{el_name}> element, which is not allowed in "
                "FHIR narrative",
            )
        problems.extend(_attribute_problems(element, el_name, seen))
    if not has_content:
        problems.append(NarrativeProblem("txt-2", "error", "The narrative has no text (txt-2)"))
    return problems


def _attribute_problems(element: Element, el_name: str, seen: set[str]) -> list[NarrativeProblem]:
    found: list[NarrativeProblem] = []
    for attr, value in element.attrib.items():
        attr_ns, attr_name = _local(attr)
        if attr == _XML_LANG:
            continue
        lowered = attr_name.lower()
        if lowered.startswith("on"):
            _add_once(
                found,
                seen,
                f"The narrative has an event handler attribute {attr_name!r} on "
                f"<{el_name}>, which could run code when displayed",
            )
        elif lowered in _URL_ATTRIBUTES and _unsafe_url(value):
            _add_once(
                found, seen, f"The narrative has a script URL in {attr_name!r} on <{el_name}>"
            )
        elif el_name == "a" and lowered == "href" and value.strip().lower().startswith("urn:"):
            # A URN names something, it cannot be followed: a reader's click goes nowhere
            # (the HL7 validator: "not a valid hyperlinkable scheme").
            _add_once(
                found,
                seen,
                f"The narrative links to {value.strip()[:60]!r}, a URN that a reader cannot "
                "open (link to a URL or to #id inside the resource)",
            )
        elif attr == _XML_SPACE and value == "preserve":
            # XHTML 1.0 declares xml:space with the fixed value "preserve" (on <pre>): legal,
            # and saying it changes nothing, so it is only worth a word.
            message = f"The attribute 'xml:space' on <{el_name}> has no effect (it is fixed"
            message += " to 'preserve'); it can be left out"
            if message not in seen:
                seen.add(message)
                found.append(NarrativeProblem("xhtml", "warning", message))
        elif attr_ns is not None or lowered not in ALLOWED_ATTRIBUTES:
            _add_once(
                found,
                seen,
                f"The narrative has the attribute {attr_name!r} on <{el_name}>, which "
                "is not allowed in FHIR narrative",
            )
    return found


def _add_once(target: list[NarrativeProblem], seen: set[str], message: str) -> None:
    """Add a txt-1 error, once per message however often the narrative repeats it."""
    if message not in seen:
        seen.add(message)
        target.append(NarrativeProblem("txt-1", "error", message))


class NarrativeChecker:
    """``check_narrative`` with a cache: documents repeat the same narratives many times."""

    def __init__(self, max_entries: int = 4096) -> None:
        self._cache: dict[str, tuple[NarrativeProblem, ...]] = {}
        self._max = max_entries
        self._lock = threading.Lock()

    def check(self, div: str) -> tuple[NarrativeProblem, ...]:
        found = self._cache.get(div)
        if found is not None:
            return found
        result = tuple(check_narrative(div))
        with self._lock:
            if len(self._cache) >= self._max:
                self._cache.clear()
            self._cache[div] = result
        return result

    def passes(self, div: str) -> bool:
        return not any(p.severity == "error" for p in self.check(div))

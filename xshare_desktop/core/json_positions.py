"""Where each element of a FHIR JSON document sits in its text: FHIRPath-style location -> (line, column).

Locations look like ``Bundle.entry[1].resource.birthDate``: the root is the resource type, every
array item carries its index, and a primitive's ``_name`` sibling (its id and extensions) maps to
the same location as the value (``birthDate.extension[0]``). Lines and columns count from 1;
columns count characters, not bytes, so that an editor highlighting the spot lands on it.

The scan runs only when a location is first looked up: most valid documents never need it. It
is a regular-expression tokenizer (written by hand because JSON parsers throw positions away)
that skips whitespace and commas and treats "key: scalar" as one token to keep the Python loop
short.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping

import orjson

# The "unrolled loop" form with possessive repeats: a string is matched in one run of plain
# characters per escape. The textbook ``(?:[^"\\]|\\.)*`` makes the regex engine keep a
# backtracking frame per character: about 170 bytes of memory per byte of a long string.
_STRING = rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"'
_SCALAR = rb"(?:" + _STRING + rb"|-?[0-9][0-9.eE+\-]*|true|false|null)"
_TOKEN = re.compile(
    rb"[\s,]*(?:"
    rb"(" + _STRING + rb")\s*:\s*(?:(" + _SCALAR + rb")|([\[{]))"  # 1 key, 2 scalar, 3 opener
    rb"|(" + _SCALAR + rb")"  # 4 array item scalar
    rb"|([\[{])"  # 5 array item / root opener
    rb"|([\]}])"  # 6 closer
    rb")"
)


class JsonPositions(Mapping[str, tuple[int, int]]):
    """A read-only mapping computed on first use; safe to share between threads."""

    def __init__(self, data: bytes) -> None:
        self._source = data
        self._data = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        self._offset_bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        self._offsets: dict[str, int] | None = None
        self._root = ""
        self._lines: list[int] = []
        self._ascii = True
        self._lock = threading.Lock()

    def __reduce__(self) -> tuple[type[JsonPositions], tuple[bytes]]:
        # A worker process sends its checks back to the parent: send the bytes (pickle shares
        # them with the document's own copy), not the lock or the offsets, which are rebuilt
        # on first use.
        return (JsonPositions, (self._source,))

    # -- scanning --------------------------------------------------------------------------
    def _scan(self) -> dict[str, int]:
        if self._offsets is not None:
            return self._offsets
        with self._lock:
            if self._offsets is None:
                self._offsets = self._tokenize()
        return self._offsets

    def _tokenize(self, keep: Collection[str] | None = None) -> dict[str, int]:
        """Offsets of every location, or with ``keep`` of those relative locations only (the
        scan is the same; only what is kept differs, so a few look-ups in a large document
        hold a few offsets, not one per element)."""
        data = self._data
        self._ascii = data.isascii()
        self._lines = [m.start() for m in re.finditer(b"\n", data)]
        offsets: dict[str, int] = {}
        # Each frame: [path, is_array, next_index]
        stack: list[list[object]] = []
        setdefault = offsets.setdefault
        for match in _TOKEN.finditer(data):
            kind = match.lastindex
            if kind is None:
                break
            if kind <= 3:
                raw_key = match.group(1)
                key = orjson.loads(raw_key) if b"\\" in raw_key else raw_key[1:-1].decode("utf-8")
                if not stack:
                    break
                parent = stack[-1]
                if key[:1] == "_" and len(key) > 1:
                    key = key[1:]
                path = f"{parent[0]}.{key}"
                if keep is None or path in keep:
                    setdefault(path, match.start(1))
                if match.group(3) is not None:
                    stack.append([path, match.group(3) == b"[", 0])
                elif key == "resourceType" and len(stack) == 1 and match.group(2):
                    self._root = orjson.loads(match.group(2)) if match.group(2)[:1] == b'"' else ""
                continue
            if kind == 6:
                if stack:
                    stack.pop()
                continue
            start = match.start(kind)
            if not stack:
                if kind == 5:
                    stack.append(["", match.group(5) == b"[", 0])
                    offsets[""] = start
                continue
            parent = stack[-1]
            if parent[1]:
                index = parent[2]
                parent[2] = index + 1  # type: ignore[operator]
                path = f"{parent[0]}[{index}]"
            else:
                continue  # a scalar where a key belongs: malformed; the parser reports it
            if keep is None or path in keep:
                setdefault(path, start)
            if kind == 5:
                stack.append([path, match.group(5) == b"[", 0])
        return offsets

    # -- positions -------------------------------------------------------------------------
    def _line_col(self, offset: int) -> tuple[int, int]:
        line_index = bisect.bisect_left(self._lines, offset)
        line_start = self._lines[line_index - 1] + 1 if line_index else 0
        if self._ascii:
            column = offset - line_start + 1
        else:
            column = len(self._data[line_start:offset].decode("utf-8", "replace")) + 1
        return line_index + 1, column

    def _relative(self, location: str) -> str | None:
        root = self._root
        if root and location.startswith(root):
            rest = location[len(root) :]
            if not rest or rest[0] in ".[":
                return rest
        return None

    def __getitem__(self, location: str) -> tuple[int, int]:
        offsets = self._scan()
        relative = self._relative(location)
        if relative is None or relative not in offsets:
            raise KeyError(location)
        return self._line_col(offsets[relative])

    def __contains__(self, location: object) -> bool:
        if not isinstance(location, str):
            return False
        offsets = self._scan()
        relative = self._relative(location)
        return relative is not None and relative in offsets

    def __iter__(self) -> Iterator[str]:
        offsets = self._scan()
        return (self._root + relative for relative in offsets)

    def __len__(self) -> int:
        return len(self._scan())

    def locate(self, locations: Iterable[str]) -> dict[str, tuple[int, int]]:
        """The positions of those ``locations`` that are in the text, as ``self.get`` gives
        them, in one scan that keeps only these (unless the full mapping is built already)."""
        wanted = set(locations)
        if self._offsets is not None:
            return {loc: self[loc] for loc in wanted if loc in self}
        relative: dict[str, list[str]] = {}
        for location in wanted:
            cut = min((i for i in (location.find("."), location.find("[")) if i >= 0), default=-1)
            rest = location[cut:] if cut >= 0 else ""
            relative.setdefault(rest, []).append(location)
        with self._lock:
            offsets = self._tokenize(keep=relative)
        places = self._line_cols(sorted(set(offsets.values())))
        found: dict[str, tuple[int, int]] = {}
        for rest, offset in offsets.items():
            for location in relative.get(rest, ()):
                if self._relative(location) == rest:
                    found[location] = places[offset]
        return found

    def _line_cols(self, offsets: list[int]) -> dict[int, tuple[int, int]]:
        """``_line_col`` of each of the sorted ``offsets``, counting the characters of a line
        from the previous offset on it: compact JSON is one long line, and counting from its
        start for every offset made many issues in a large document quadratic."""
        if self._ascii:
            return {offset: self._line_col(offset) for offset in offsets}
        places: dict[int, tuple[int, int]] = {}
        line = previous = column = -1
        for offset in offsets:
            line_index = bisect.bisect_left(self._lines, offset)
            if line_index + 1 != line:
                line = line_index + 1
                previous = self._lines[line_index - 1] + 1 if line_index else 0
                column = 1
            # Offsets are token starts, so each piece is whole UTF-8 characters.
            column += len(self._data[previous:offset].decode("utf-8", "replace"))
            previous = offset
            places[offset] = (line, column)
        return places

    def nearest(self, location: str) -> tuple[int, int] | None:
        """The position of ``location`` or, when it has none (a missing element), of the
        closest enclosing element that is in the text."""
        candidate = location
        while candidate:
            if candidate in self:
                return self[candidate]
            cut = max(candidate.rfind("."), candidate.rfind("["))
            if cut <= 0:
                break
            candidate = candidate[:cut]
        return self.get(candidate)


def json_positions(data: bytes) -> JsonPositions:
    return JsonPositions(data)


def first_repeated_member(data: bytes) -> tuple[str, str, int, int] | None:
    """The first object member whose name repeats in the same object, as
    ``(name, location, line, column)``, or None.

    FHIR JSON forbids repeated names (RFC 8259 leaves them open; parsers keep the last one, so a
    second ``"resourceType"`` silently turns a Bundle into something else). This is the slow,
    exact scan; `has_repeated_members` decides cheaply whether it is needed.
    """
    positions = JsonPositions(data)
    text = positions._data
    stack: list[tuple[str, set[str] | None, list[int]]] = []  # path, member names, next index
    for match in _TOKEN.finditer(text):
        kind = match.lastindex
        if kind is None:
            break
        if kind <= 3:
            if not stack or stack[-1][1] is None:
                continue  # malformed; the parser reports it
            path, names, _ = stack[-1]
            assert names is not None
            raw_key = match.group(1)
            key = orjson.loads(raw_key) if b"\\" in raw_key else raw_key[1:-1].decode("utf-8")
            if key in names:
                positions._lines = [m.start() for m in re.finditer(b"\n", text)]
                positions._ascii = text.isascii()
                line, column = positions._line_col(match.start(1))
                return key, path or "the top level", line, column
            names.add(key)
            if match.group(3) is not None:
                child = f"{path}.{key}" if path else key
                stack.append((child, set() if match.group(3) == b"{" else None, [0]))
            continue
        if kind == 6:
            if stack:
                stack.pop()
            continue
        if not stack:
            if kind == 5:
                stack.append(("", set() if match.group(5) == b"{" else None, [0]))
            continue
        path, names, counter = stack[-1]
        if names is None:  # an array item
            index = counter[0]
            counter[0] += 1
            if kind == 5:
                stack.append((f"{path}[{index}]", set() if match.group(5) == b"{" else None, [0]))
    return None


def has_repeated_members(data: bytes, parsed: object) -> bool:
    """Whether the text may hold an object with a repeated member name (then run the exact scan).

    Counting, not scanning: every member has one ':' outside strings, and a serialiser that
    keeps every parsed member writes the same colons again. The raw text has more colons than
    the re-serialised tree exactly when a parser dropped a member, unless some colons were
    written as ``\\u003a`` escapes, which are counted on the raw side. Any difference only costs
    the exact scan; a repeated member always makes one. About 5% of the parse's time.
    """
    raw = data.count(b":") + data.count(b"\\u003a") + data.count(b"\\u003A")
    return raw != orjson.dumps(parsed).count(b":")

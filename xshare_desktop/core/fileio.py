"""Reading input safely and writing output atomically.

Inputs are never modified. Outputs go to a temporary file in the target folder
and are renamed into place, so a crash never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import orjson

from xshare_desktop.core.errors import UserFacingError

MAX_INPUT_BYTES = 100 * 1024 * 1024  # 100 MB: far above any real health document
MAX_JSON_DEPTH = 200


def read_input_bytes(path: str | os.PathLike[str], *, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise UserFacingError(f"The file {p.name} does not exist.", where=str(p)) from None
    except OSError as exc:
        raise UserFacingError(
            f"The file {p.name} cannot be read: {exc.strerror}.", where=str(p)
        ) from None
    if p.is_dir():
        raise UserFacingError(f"{p.name} is a folder, not a file.", where=str(p))
    if size > max_bytes:
        raise UserFacingError(
            f"The file {p.name} is {size / 1_000_000:.0f} MB; health documents this app opens "
            f"are at most {max_bytes / 1_000_000:.0f} MB.",
            where=str(p),
        )
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise UserFacingError(
            f"The file {p.name} cannot be read: {exc.strerror}.", where=str(p)
        ) from None
    if len(data) > max_bytes:
        raise UserFacingError(f"The file {p.name} is too large to open.", where=str(p))
    return data


def _line_col(text: bytes, pos: int) -> tuple[int, int]:
    line = text.count(b"\n", 0, pos) + 1
    col = pos - (text.rfind(b"\n", 0, pos) + 1) + 1
    return line, col


def _check_depth(data: bytes, max_depth: int) -> None:
    """Refuse absurdly deep nesting before any recursive code sees it.

    A linear scan that skips string contents; cheap next to parsing.
    """
    depth = 0
    in_string = False
    escaped = False
    opening = (ord("{"), ord("["))
    closing = (ord("}"), ord("]"))
    quote = ord('"')
    backslash = ord("\\")
    # Fast path: count brackets only when there could be deep nesting at all.
    if data.count(b"[") + data.count(b"{") <= max_depth:
        return
    for index, byte in enumerate(data):
        if in_string:
            if escaped:
                escaped = False
            elif byte == backslash:
                escaped = True
            elif byte == quote:
                in_string = False
        elif byte == quote:
            in_string = True
        elif byte in opening:
            depth += 1
            if depth > max_depth:
                line, col = _line_col(data, index)
                raise UserFacingError(
                    f"The JSON is nested more than {max_depth} levels deep, which no health "
                    "document needs; the file is damaged or hostile.",
                    where=f"line {line}, column {col}",
                )
        elif byte in closing:
            depth -= 1


def parse_json_bytes(
    data: bytes, *, name: str = "the file", max_depth: int = MAX_JSON_DEPTH
) -> Any:
    """Parse UTF-8 JSON (with or without BOM) into Python objects, with plain-word errors."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise UserFacingError(f"{name} is empty.")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        raise UserFacingError(
            f"{name} is not UTF-8 text, so it cannot be a FHIR JSON document.",
            where=f"line {line}, column {col}",
        ) from None
    _check_depth(data, max_depth)
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        line, col = exc.lineno, exc.colno
        stripped = data.rstrip()
        if exc.pos >= len(stripped) - 1 or "unexpected end" in exc.msg.lower():
            reason = "it ends too early (the file looks truncated)"
        else:
            reason = exc.msg.rstrip(".").lower()
        raise UserFacingError(
            f"{name} is not valid JSON: {reason}.", where=f"line {line}, column {col}"
        ) from None


def load_json_file(path: str | os.PathLike[str]) -> Any:
    p = Path(path)
    return parse_json_bytes(read_input_bytes(p), name=p.name)


def atomic_write_bytes(
    path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True
) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and target.exists():
        raise UserFacingError(
            f"{target.name} already exists; choose another name or allow replacing it."
        )
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp_name, target)
        else:
            # link() fails if the target appeared meanwhile: never clobber.
            try:
                os.link(tmp_name, target)
            except FileExistsError:
                raise UserFacingError(f"{target.name} already exists.") from None
            finally:
                os.unlink(tmp_name)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return target


def atomic_write_text(path: str | os.PathLike[str], text: str, *, overwrite: bool = True) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def dumps_json(obj: Any, *, indent: bool = True) -> bytes:
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(obj, option=option | orjson.OPT_NON_STR_KEYS) + (b"\n" if indent else b"")

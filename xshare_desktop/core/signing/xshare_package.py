"""The "xShare package": one zip to hand over, optionally password-protected.

Layout (flat, no folders): the shared files; ``<file>.jws`` beside each file
when signed; ``manifest.json`` listing every other member with its SHA-256 and
size plus the package's own metadata; ``manifest.json.jws`` signing the
manifest when signed. A password-protected package is the whole zip inside a
PBES2 JWE (``cty`` ``application/zip``), conventionally named ``*.xshare.jwe``.

Reading treats every package as hostile: names, sizes, ratios and counts are
checked from the central directory before anything is decompressed, and
nothing is written anywhere while verifying.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import stat
import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from xshare_desktop import __version__
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, dumps_json, read_input_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.progress import Progress, ensure_progress
from xshare_desktop.core.signing.certificates import utc_now
from xshare_desktop.core.signing.content_types import guess_content_type
from xshare_desktop.core.signing.jws import SIGNATURE_SUFFIX, sign_bytes
from xshare_desktop.core.signing.keys import SigningIdentity
from xshare_desktop.core.signing.password import protect_bytes

MANIFEST_NAME = "manifest.json"
MANIFEST_SIGNATURE_NAME = MANIFEST_NAME + SIGNATURE_SUFFIX
PACKAGE_FORMAT = "xshare-package"
PACKAGE_FORMAT_VERSION = 1
ZIP_CONTENT_TYPE = "application/zip"

MAX_MEMBERS = 200
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_FROM_BYTES = 1024 * 1024
MAX_NAME_LENGTH = 200
# Generous for MAX_MEMBERS entries with names and the extra fields other zip tools add.
MAX_CENTRAL_DIRECTORY_BYTES = MAX_MEMBERS * 1024
_EOCD_SIZE = 22
_LOCAL_HEADER_SIZE = 30
_EXTERNAL_ATTR = (stat.S_IFREG | 0o644) << 16  # a plain file, rw-r--r--
# What this app and Python's zipfile write for a plain file; a changed bit leaves this set.
_PLAIN_FILE_ATTRS = frozenset({0, 0o600 << 16, (stat.S_IFREG | 0o600) << 16, _EXTERNAL_ATTR})
_LAYOUT_REFUSAL = QT_TRANSLATE_NOOP(
    "Core",
    "The package was refused: its zip structure was altered (hidden data, or file headers that "
    "disagree with its table of contents), so other programs might show something else.",
)
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


@dataclass
class PackageContents:
    """The members of a package, read into memory after every safety check."""

    members: dict[str, bytes]
    damaged: dict[str, str] = field(default_factory=dict)


def check_member_name(name: str) -> str:
    """Refuse any member name that could land outside the chosen folder or confuse a system."""
    problem = None
    if not name or len(name) > MAX_NAME_LENGTH:
        problem = "an empty or overlong name"
    elif "\x00" in name or any(ord(ch) < 32 for ch in name):
        problem = "control characters in a name"
    elif name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        problem = f"an absolute path ({name})"
    elif ".." in PurePosixPath(name.replace("\\", "/")).parts:
        problem = f"a path that climbs out of the folder ({name})"
    elif "/" in name or "\\" in name:
        problem = f"a file inside a folder ({name}); packages are flat"
    elif name in {".", ".."} or name.endswith((" ", ".")):
        problem = f"a name Windows cannot store ({name})"
    elif name.split(".")[0].lower() in _WINDOWS_RESERVED:
        problem = f"a reserved device name ({name})"
    if problem:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The package was refused: it contains {problem}.").format(
                problem=problem
            )
        )
    return name


def _zip_info(name: str, created: dt.datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=created.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = _EXTERNAL_ATTR
    return info


def build_manifest(
    members: dict[str, bytes], created: dt.datetime, signer: str | None
) -> dict[str, Any]:
    return {
        "format": PACKAGE_FORMAT,
        "formatVersion": PACKAGE_FORMAT_VERSION,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "app": {"name": "xshare-desktop", "version": __version__},
        "signer": signer,
        "files": [
            {
                "name": name,
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "contentType": guess_content_type(name, data),
            }
            for name, data in members.items()
        ],
    }


def build_package_bytes(
    files: dict[str, bytes],
    *,
    signer: SigningIdentity | None = None,
    created: dt.datetime | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The zip bytes for ``files`` (name -> content), signed when ``signer`` is given."""
    progress = ensure_progress(progress)
    moment = (created or utc_now()).replace(microsecond=0)
    if not files:
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "Choose at least one file to put in the package.")
        )
    members: dict[str, bytes] = {}
    lowered: set[str] = set()
    for name in files:
        check_member_name(name)
        if name in (MANIFEST_NAME, MANIFEST_SIGNATURE_NAME):
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "{name} is reserved for the package's own manifest."
                ).format(name=name)
            )
        if name.lower() in lowered:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "Two files are called {name}; a package needs distinct names."
                ).format(name=name)
            )
        lowered.add(name.lower())
    total = len(files)
    for index, (name, data) in enumerate(files.items()):
        progress.step(index, total, name)
        members[name] = data
        if signer is not None:
            signature_name = name + SIGNATURE_SUFFIX
            if signature_name.lower() in lowered:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "{signature_name} is among the files; signing would replace it. Leave it out or do not sign again.",
                    ).format(signature_name=signature_name)
                )
            members[signature_name] = sign_bytes(
                data, signer, guess_content_type(name, data), signing_time=moment
            ).encode("ascii")
    manifest = dumps_json(
        build_manifest(members, moment, signer.subject_name if signer is not None else None)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_zip_info(MANIFEST_NAME, moment), manifest)
        if signer is not None:
            token = sign_bytes(manifest, signer, "application/json", signing_time=moment)
            archive.writestr(_zip_info(MANIFEST_SIGNATURE_NAME, moment), token.encode("ascii"))
        for name, data in members.items():
            archive.writestr(_zip_info(name, moment), data)
    progress.step(total, total, "")
    return buffer.getvalue()


def write_package(
    files: Sequence[str | Path],
    out: str | Path,
    *,
    signer: SigningIdentity | None = None,
    password: str | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write an xShare package (atomically); wrapped in a password JWE when ``password`` is set."""
    contents: dict[str, bytes] = {}
    for item in files:
        path = Path(item)
        if path.name in contents:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "Two files are called {name}; a package needs distinct names."
                ).format(name=path.name)
            )
        contents[path.name] = read_input_bytes(path)
    target = Path(out)
    if any(target.resolve() == Path(item).resolve() for item in files):
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The package would replace {name}, one of the files going into it; choose another name.",
            ).format(name=target.name)
        )
    data = build_package_bytes(contents, signer=signer, progress=progress)
    if password is not None:
        data = protect_bytes(data, password, ZIP_CONTENT_TYPE)
    return atomic_write_bytes(target, data, overwrite=overwrite)


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06")


def _check_central_directory(data: bytes) -> None:
    """Refuse an oversized file list before ``zipfile`` builds an object for every entry.

    ``zipfile`` reads the whole central directory up front, whatever count it claims: a 70 MB
    file of tiny entries took 6 s and 650 MB of memory before ``MAX_MEMBERS`` could say no.
    """
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - _EOCD_SIZE - 0xFFFF))
    if end < 0 or len(data) < end + _EOCD_SIZE:
        return  # no end record: zipfile reports the damage
    entries, directory_bytes = struct.unpack_from("<HL", data, end + 10)
    if entries == 0xFFFF or directory_bytes == 0xFFFFFFFF:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The package was refused: it is a ZIP64 archive, far larger than an xShare package.",
            )
        )
    if entries > MAX_MEMBERS:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The package was refused: it holds {entries} files; an xShare package holds at most {MAX_MEMBERS}.",
            ).format(entries=entries, MAX_MEMBERS=MAX_MEMBERS)
        )
    if directory_bytes > MAX_CENTRAL_DIRECTORY_BYTES:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The package was refused: its list of files is far larger than an xShare package of at most {MAX_MEMBERS} files needs.",
            ).format(MAX_MEMBERS=MAX_MEMBERS)
        )


def _dos_date_time(info: zipfile.ZipInfo) -> tuple[int, int]:
    year, month, day, hour, minute, second = info.date_time
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


def _check_layout(data: bytes, infos: list[zipfile.ZipInfo]) -> None:
    """Members back to back from byte 0, each local header agreeing with the central directory.

    ``zipfile`` reads the central directory and skips most of each local header; other tools
    read local headers or tolerate gaps. Where the two could disagree, another program might
    show content that was never verified here, so such archives are refused. It also means a
    changed byte in the zip's own bookkeeping is noticed, not only one in a member.
    """
    position = 0
    for info in sorted(infos, key=lambda item: item.header_offset):
        header = data[position : position + _LOCAL_HEADER_SIZE]
        if info.header_offset != position or len(header) < _LOCAL_HEADER_SIZE:
            raise UserFacingError(_LAYOUT_REFUSAL)
        (signature, needed, flags, method, time, date, crc, packed, size, name_length,
         extra_length) = struct.unpack("<4s5H3L2H", header)  # fmt: skip
        start = position + _LOCAL_HEADER_SIZE
        name = data[start : start + name_length]
        if (
            signature != b"PK\x03\x04"
            or flags & 0x08  # sizes in a trailing data descriptor: never written by this app
            or (needed, flags, method) != (info.extract_version, info.flag_bits, info.compress_type)
            or (time, date) != _dos_date_time(info)
            or (crc, packed, size) != (info.CRC, info.compress_size, info.file_size)
            or name != info.orig_filename.encode("utf-8" if flags & 0x800 else "cp437")
            or extra_length
            or info.extra
            or info.comment
            # Fixed by this app's writer; any other value means the bookkeeping was changed.
            or (info.create_version, info.reserved, info.volume, info.internal_attr)
            != (20, 0, 0, 0)
            or info.create_system not in (0, 3)
            or info.external_attr not in _PLAIN_FILE_ATTRS
        ):
            raise UserFacingError(_LAYOUT_REFUSAL)
        position = start + name_length + extra_length + packed
    end = data.rfind(b"PK\x05\x06")
    (
        disk,
        directory_disk,
        disk_entries,
        entries,
        directory_bytes,
        directory_offset,
        comment_length,
    ) = struct.unpack_from("<4H2LH", data, end + 4)
    if (
        (disk, directory_disk) != (0, 0)
        or disk_entries != entries
        or entries != len(infos)
        or directory_offset != position
        or end != position + directory_bytes
        or comment_length
        or len(data) != end + _EOCD_SIZE
    ):
        raise UserFacingError(_LAYOUT_REFUSAL)
    # zipfile forgives length fields of the last directory record that run past the directory;
    # walk the records and require them to fill it exactly, in the order of the members.
    cursor = directory_offset
    for info in infos:
        name_length, extra_length, comment_length = struct.unpack_from("<3H", data, cursor + 28)
        name = data[cursor + 46 : cursor + 46 + name_length]
        if (
            data[cursor : cursor + 4] != b"PK\x01\x02"
            or extra_length
            or comment_length
            or name != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")
        ):
            raise UserFacingError(_LAYOUT_REFUSAL)
        cursor += 46 + name_length
    if cursor != end:
        raise UserFacingError(_LAYOUT_REFUSAL)


class _DamagedMember(Exception):
    """A member whose bytes do not decode to exactly what the directory says."""


def _member_bytes(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """A member's content, read straight from its place (``_check_layout`` vouched for it).

    Read here rather than through ``zipfile`` so that a deflate stream must end exactly where
    the member ends: a flipped "last block" bit or bytes after the end would otherwise go
    unnoticed. The size limit is enforced while inflating, so a lying header cannot inflate more.
    """
    start = info.header_offset + _LOCAL_HEADER_SIZE + len(info.orig_filename.encode("utf-8"))
    if info.flag_bits & 0x800 == 0:
        start = info.header_offset + _LOCAL_HEADER_SIZE + len(info.orig_filename.encode("cp437"))
    raw = data[start : start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        blob = raw
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            blob = inflater.decompress(raw, info.file_size + 1)
        except zlib.error as exc:
            raise _DamagedMember(f"its compressed data is damaged ({exc})") from None
        if not inflater.eof or inflater.unused_data or inflater.unconsumed_tail:
            raise _DamagedMember("its compressed data does not end where it should")
    else:
        raise _DamagedMember("it uses a compression method xShare packages never use")
    if len(blob) != info.file_size or zlib.crc32(blob) != info.CRC:
        raise _DamagedMember("its content does not match its checksum")
    return blob


def read_package(data: bytes) -> PackageContents:
    """Read every member into memory, refusing hostile archives with a plain message."""
    _check_central_directory(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        raise UserFacingError(
            QT_TRANSLATE_NOOP("Core", "The package is not a readable zip file; it is damaged.")
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The package was refused: it holds {count} files; an xShare package holds at most {MAX_MEMBERS}.",
                ).format(count=len(infos), MAX_MEMBERS=MAX_MEMBERS)
            )
        seen: set[str] = set()
        total = 0
        for info in infos:
            check_member_name(info.filename)
            if info.filename.lower() in seen:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core", "The package was refused: the name {filename} appears twice."
                    ).format(filename=info.filename)
                )
            seen.add(info.filename.lower())
            # Unix-made zips keep the file type in the high bits; links there become symlinks.
            file_type = stat.S_IFMT(info.external_attr >> 16) if info.create_system == 3 else 0
            if info.is_dir() or file_type not in (0, stat.S_IFREG):
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "The package was refused: {filename} is a link or folder, not a file.",
                    ).format(filename=info.filename)
                )
            if info.flag_bits & 0x1:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "The package uses zip encryption, which this app does not open; xShare packages are protected as a whole with a password instead.",
                    )
                )
            if info.file_size > MAX_MEMBER_BYTES:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core", "The package was refused: {filename} would unpack to {number} MB."
                    ).format(
                        filename=info.filename, number=format(info.file_size / 1_000_000, ".0f")
                    )
                )
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core", "The package was refused: it would unpack to too much data."
                    )
                )
            if (
                info.file_size > RATIO_CHECK_FROM_BYTES
                and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
            ):
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "The package was refused: {filename} is compressed suspiciously well (a zip bomb).",
                    ).format(filename=info.filename)
                )
            if info.filename == MANIFEST_NAME and info.file_size > MAX_MANIFEST_BYTES:
                raise UserFacingError(
                    QT_TRANSLATE_NOOP(
                        "Core", "The package was refused: its manifest is far too large."
                    )
                )
        # After the checks above, so hostile names, links and bombs get their own message.
        _check_layout(data, infos)
        contents = PackageContents(members={})
        for info in infos:
            try:
                blob = _member_bytes(data, info)
            except _DamagedMember as exc:
                contents.damaged[info.filename] = str(exc)
                continue
            contents.members[info.filename] = blob
    return contents


def extract_members(members: dict[str, bytes], destination: str | Path) -> list[Path]:
    """Save chosen members into ``destination`` without replacing anything there."""
    folder = Path(destination)
    if folder.exists() and not folder.is_dir():
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "{folder} is a file, not a folder; nothing was extracted."
            ).format(folder=folder)
        )
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    targets: list[tuple[Path, bytes]] = []
    for name, data in members.items():
        check_member_name(name)
        target = (root / name).resolve()
        if target.parent != root:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core", "{name} would be saved outside {folder}; refused."
                ).format(name=name, folder=folder)
            )
        if target.exists():
            # Checked for every file first, so a clash never leaves half a package behind.
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{name} already exists in {folder}; nothing was extracted. Choose an empty folder.",
                ).format(name=name, folder=folder)
            )
        targets.append((target, data))
    return [atomic_write_bytes(target, data, overwrite=False) for target, data in targets]

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
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from xshare_desktop import __version__
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, dumps_json, read_input_bytes
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
        raise UserFacingError(f"The package was refused: it contains {problem}.")
    return name


def _zip_info(name: str, created: dt.datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=created.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
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
        raise UserFacingError("Choose at least one file to put in the package.")
    members: dict[str, bytes] = {}
    lowered: set[str] = set()
    for name in files:
        check_member_name(name)
        if name in (MANIFEST_NAME, MANIFEST_SIGNATURE_NAME):
            raise UserFacingError(f"{name} is reserved for the package's own manifest.")
        if name.lower() in lowered:
            raise UserFacingError(f"Two files are called {name}; a package needs distinct names.")
        lowered.add(name.lower())
    total = len(files)
    for index, (name, data) in enumerate(files.items()):
        progress.step(index, total, name)
        members[name] = data
        if signer is not None:
            signature_name = name + SIGNATURE_SUFFIX
            if signature_name.lower() in lowered:
                raise UserFacingError(
                    f"{signature_name} is among the files; signing would replace it. Leave it out "
                    "or do not sign again."
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
                f"Two files are called {path.name}; a package needs distinct names."
            )
        contents[path.name] = read_input_bytes(path)
    data = build_package_bytes(contents, signer=signer, progress=progress)
    if password is not None:
        data = protect_bytes(data, password, ZIP_CONTENT_TYPE)
    return atomic_write_bytes(out, data, overwrite=overwrite)


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06")


def read_package(data: bytes) -> PackageContents:
    """Read every member into memory, refusing hostile archives with a plain message."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UserFacingError("The package is not a readable zip file; it is damaged.") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UserFacingError(
                f"The package was refused: it holds {len(infos)} files; an xShare package holds "
                f"at most {MAX_MEMBERS}."
            )
        seen: set[str] = set()
        total = 0
        for info in infos:
            check_member_name(info.filename)
            if info.filename.lower() in seen:
                raise UserFacingError(
                    f"The package was refused: the name {info.filename} appears twice."
                )
            seen.add(info.filename.lower())
            # Unix-made zips keep the file type in the high bits; links there become symlinks.
            file_type = stat.S_IFMT(info.external_attr >> 16) if info.create_system == 3 else 0
            if info.is_dir() or file_type not in (0, stat.S_IFREG):
                raise UserFacingError(
                    f"The package was refused: {info.filename} is a link or folder, not a file."
                )
            if info.flag_bits & 0x1:
                raise UserFacingError(
                    "The package uses zip encryption, which this app does not open; xShare "
                    "packages are protected as a whole with a password instead."
                )
            if info.file_size > MAX_MEMBER_BYTES:
                raise UserFacingError(
                    f"The package was refused: {info.filename} would unpack to "
                    f"{info.file_size / 1_000_000:.0f} MB."
                )
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise UserFacingError("The package was refused: it would unpack to too much data.")
            if (
                info.file_size > RATIO_CHECK_FROM_BYTES
                and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
            ):
                raise UserFacingError(
                    f"The package was refused: {info.filename} is compressed suspiciously well "
                    "(a zip bomb)."
                )
            if info.filename == MANIFEST_NAME and info.file_size > MAX_MANIFEST_BYTES:
                raise UserFacingError("The package was refused: its manifest is far too large.")
        contents = PackageContents(members={})
        for info in infos:
            try:
                with archive.open(info) as member:
                    # zipfile stops at the declared size, so a lying header cannot inflate more.
                    blob = member.read(info.file_size + 1)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
                contents.damaged[info.filename] = str(exc) or type(exc).__name__
                continue
            except Exception as exc:  # zlib.error and friends from damaged deflate streams
                contents.damaged[info.filename] = str(exc) or type(exc).__name__
                continue
            if len(blob) > info.file_size:
                raise UserFacingError(
                    f"The package was refused: {info.filename} is larger than declared."
                )
            contents.members[info.filename] = blob
    return contents


def extract_members(members: dict[str, bytes], destination: str | Path) -> list[Path]:
    """Save chosen members into ``destination`` without replacing anything there."""
    folder = Path(destination)
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    written = []
    for name, data in members.items():
        check_member_name(name)
        target = (root / name).resolve()
        if target.parent != root:
            raise UserFacingError(f"{name} would be saved outside {folder}; refused.")
        written.append(atomic_write_bytes(target, data, overwrite=False))
    return written

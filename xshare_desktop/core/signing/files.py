"""File-level operations the CLI, the GUI and the sharing flow call."""

from __future__ import annotations

from pathlib import Path

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes, read_input_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.signing.bundle_signature import sign_bundle
from xshare_desktop.core.signing.content_types import guess_content_type
from xshare_desktop.core.signing.jws import SIGNATURE_SUFFIX, sign_bytes
from xshare_desktop.core.signing.keys import SigningIdentity
from xshare_desktop.core.signing.password import PROTECTED_SUFFIX, protect_bytes, unprotect_bytes


def _refuse_same_file(target: Path, source: Path) -> None:
    """Outputs go to new files: even with ``overwrite`` the input is never replaced."""
    if target.resolve() == source.resolve():
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core",
                "The output would replace {name} itself; choose another name. The original is kept as it is.",
            ).format(name=source.name)
        )


def _write_new_file(target: Path, content: bytes, *, source: Path, overwrite: bool) -> Path:
    _refuse_same_file(target, source)
    return atomic_write_bytes(target, content, overwrite=overwrite)


def sign_file(
    path: str | Path,
    identity: SigningIdentity,
    *,
    out: str | Path | None = None,
    overwrite: bool = False,
) -> Path:
    """Write ``<path>.jws``: a detached signature over the file's exact bytes."""
    source = Path(path)
    data = read_input_bytes(source)
    token = sign_bytes(data, identity, guess_content_type(source.name, data))
    target = Path(out) if out is not None else source.with_name(source.name + SIGNATURE_SUFFIX)
    return _write_new_file(target, token.encode("ascii"), source=source, overwrite=overwrite)


def default_signed_bundle_path(source: Path) -> Path:
    stem = source.name[: -len(".json")] if source.name.endswith(".json") else source.name
    return source.with_name(f"{stem}.signed.json")


def sign_bundle_file(
    path: str | Path,
    identity: SigningIdentity,
    *,
    out: str | Path | None = None,
    overwrite: bool = False,
) -> Path:
    """Write a copy of the Bundle with ``Bundle.signature`` added; the input is left alone."""
    source = Path(path)
    signed = sign_bundle(read_input_bytes(source), identity, name=source.name)
    target = Path(out) if out is not None else default_signed_bundle_path(source)
    return _write_new_file(target, signed, source=source, overwrite=overwrite)


def protect_file(
    path: str | Path,
    password: str,
    *,
    out: str | Path | None = None,
    overwrite: bool = False,
) -> Path:
    source = Path(path)
    data = read_input_bytes(source)
    target = Path(out) if out is not None else source.with_name(source.name + PROTECTED_SUFFIX)
    _refuse_same_file(target, source)
    return atomic_write_bytes(
        target,
        protect_bytes(data, password, guess_content_type(source.name, data)),
        overwrite=overwrite,
    )


def unprotect_file(
    path: str | Path,
    password: str | None,
    *,
    out: str | Path | None = None,
    overwrite: bool = False,
) -> Path:
    """Decrypt to ``out``; a wrong password raises before anything is written."""
    source = Path(path)
    plaintext, _content_type = unprotect_bytes(read_input_bytes(source), password)
    if out is None:
        if not source.name.endswith(PROTECTED_SUFFIX):
            raise UserFacingError(
                QT_TRANSLATE_NOOP("Core", "Say where the opened file should go (--out).")
            )
        out = source.with_name(source.name[: -len(PROTECTED_SUFFIX)])
    return _write_new_file(Path(out), plaintext, source=source, overwrite=overwrite)

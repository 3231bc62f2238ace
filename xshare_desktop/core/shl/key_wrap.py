"""Link keys at rest: wrapped with a key that lives apart from the link store.

The link store holds each link's encrypted files. If it also held the links' keys in the clear,
whoever got a copy of the store (a backup, a synced folder, a shared database server) could
decrypt every document in it. So the store keeps each key wrapped (AES-256-GCM) under a
key-encryption key in the private keys folder, created on first use; a store copied without it
holds only ciphertext. The link host itself never needs the keys: it serves ciphertext.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from xshare_desktop.core import paths
from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.fileio import atomic_write_bytes
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP

KEK_FILE = "link-store.kek"
_VERSION = b"\x01"
_CONTEXT = b"xshare-desktop link key"
_LEGACY_KEY_BYTES = 32  # stores written before wrapping kept the raw 32-byte key


class LinkKeyUnavailable(UserFacingError):
    """The link's key cannot be unwrapped here (the store came from another account/computer)."""


class KeyWrapper:
    def __init__(self, kek_path: Path | None = None) -> None:
        self._path = kek_path
        self._kek: bytes | None = None
        self._lock = threading.Lock()

    @property
    def path(self) -> Path:
        return self._path if self._path is not None else paths.keys_dir() / KEK_FILE

    def _key(self) -> bytes:
        with self._lock:
            if self._kek is None:
                self._kek = self._load_or_create()
            return self._kek

    def _load_or_create(self) -> bytes:
        path = self.path
        try:
            kek = path.read_bytes()
        except FileNotFoundError:
            kek = AESGCM.generate_key(bit_length=256)
            try:
                atomic_write_bytes(path, kek, overwrite=False)
            except UserFacingError:
                kek = path.read_bytes()  # another process created it first: use theirs
        if len(kek) != 32:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The link key file {path} is damaged; links made before cannot be shown again.",
                ).format(path=path)
            )
        return kek

    def wrap(self, key: bytes) -> bytes:
        nonce = os.urandom(12)
        return _VERSION + nonce + AESGCM(self._key()).encrypt(nonce, key, _CONTEXT)

    def unwrap(self, stored: bytes) -> bytes:
        if len(stored) == _LEGACY_KEY_BYTES:
            return stored
        if not stored.startswith(_VERSION) or len(stored) < 1 + 12 + 16:
            raise LinkKeyUnavailable(
                QT_TRANSLATE_NOOP("Core", "A link's key in the link store is damaged.")
            )
        try:
            return AESGCM(self._key()).decrypt(stored[1:13], stored[13:], _CONTEXT)
        except InvalidTag:
            raise LinkKeyUnavailable(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "This link was made on another computer or by another account: its key is not here, so it cannot be shown or updated (it can still be revoked).",
                )
            ) from None

"""The work behind "Open a link": fetch and decrypt, validate, read the document, on the worker.

Plain functions for ``gui.worker.Worker``: they take data, return data and touch no widget.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.receiving import receive
from xshare_desktop.core.shl import client
from xshare_desktop.core.shl.payload import ShlPayload
from xshare_desktop.gui import errors


def fetch_link(
    payload: ShlPayload,
    recipient: str,
    passcode: str | None,
    deadline: float | None,
    *,
    progress: Any,
) -> receive.Received:
    # Only what the person waits for: fetch, decrypt, signatures and health cards (well under a
    # second on loopback). Checking against the profiles runs afterwards (validate_received),
    # because loading the FHIR packages alone takes seconds.
    retrieval = client.retrieve(
        payload, recipient=recipient, passcode=passcode, deadline=deadline, progress=progress
    )
    received = receive.unpack(retrieval)
    receive.check_signatures(received)
    return received


def validate_received(received: receive.Received, *, progress: Any) -> receive.Received:
    try:
        validator = receive.load_validator()
    except UserFacingError as exc:
        # Translated here, on the worker (QCoreApplication.translate is thread-safe): the note is
        # shown as it is by the open-link view.
        received.notes.append(
            QCoreApplication.translate("OpenLink", "The documents were not validated: %1").replace(
                "%1", errors.describe(exc)
            )
        )
        return received
    receive.validate_documents(received, validator, progress=progress)
    return received


def load_document_bytes(data: bytes, name: str, *, progress: Any) -> Any:
    from xshare_desktop.core.document import load_document

    return load_document(data, name=name, progress=progress)

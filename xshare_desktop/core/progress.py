"""Progress reporting and cancellation for long core operations.

Core functions that take time accept an optional ``Progress``. They call
``progress.step(done, total, text)`` now and then, which raises ``Cancelled``
once the front end has asked to stop. The Qt worker adapter turns the
callback into signals; the CLI uses ``Progress()`` (silent) or a printer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from xshare_desktop.core.errors import Cancelled

ProgressCallback = Callable[[int, int, str], None]


class Progress:
    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if cancellation was requested."""
        if self._cancel.is_set():
            raise Cancelled()

    def step(self, done: int, total: int, text: str = "") -> None:
        self.check()
        if self._callback is not None:
            self._callback(done, total, text)


def ensure_progress(progress: Progress | None) -> Progress:
    return progress if progress is not None else Progress()

"""The links page's handle on the app's one link host (``core.shl.app_host``), and starting it.

The host itself is shared with the share wizard; ``LinkHostController`` turns its changes
into a Qt signal, whoever made them. ``start_host_task`` is the worker function that binds and
probes it off the GUI thread; ``stop_link_host`` closes it on the one worker too (conventions:
nothing that opens or closes a socket runs on the GUI thread).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from xshare_desktop.core.shl import app_host
from xshare_desktop.gui.worker import Worker

log = logging.getLogger(__name__)


def _forward_host_changes(controller: weakref.ref[LinkHostController]) -> Callable[[], None]:
    """A listener for the app's link host that outlives neither the controller nor its C++ side."""

    def forward() -> None:
        target = controller()
        if target is None:
            return
        try:
            # Queued to the GUI thread when the wizard's worker started the host.
            target.state_changed.emit()
        except RuntimeError:  # the Qt object is already gone
            pass

    return forward


class LinkHostController(QObject):
    """The page's handle on the app's one link host (``core.shl.app_host``), which the wizard uses too.

    It starts, restarts (on this computer or the local network) and stops that host, and
    emits ``state_changed`` whenever anyone does, so the page always shows the truth.
    """

    state_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        listener = _forward_host_changes(weakref.ref(self))
        app_host.add_link_host_listener(listener)
        self.destroyed.connect(partial(app_host.remove_link_host_listener, listener))

    @property
    def running(self) -> bool:
        return app_host.link_host_state().running

    @property
    def base_url(self) -> str | None:
        return app_host.link_host_state().base_url

    @property
    def local_network(self) -> bool:
        return app_host.link_host_state().local_network

    def start(self, *, local_network: bool = False) -> str:
        """Start (or move) the host; returns the base URL links will carry."""
        return app_host.start_link_host(local_network=local_network)

    def stop(self) -> Worker:
        """Stop the host on the worker; ``state_changed`` follows when it has stopped."""
        return stop_link_host()


def start_host_task(local_network: bool, *, progress: Any) -> str:
    """Start (or move) the app's link host: binding the port and probing that it answers take
    a moment, so this runs on a worker; the page learns the new state from the host's listener."""
    return app_host.start_link_host(local_network=local_network)


def stop_host_task(*, progress: Any) -> bool:
    """Stop the app's link host: closing its sockets and joining the server's thread can take
    a moment while a phone is still fetching, so this runs on a worker."""
    return app_host.stop_link_host()


def stop_link_host() -> Worker:
    """Stop the app's one link host (the links page's Stop, the wizard's and the booth's Start
    over) on the worker. The page hears of the new state through the host's listener; an error
    is logged, as there is nothing the person could do about it."""
    worker = Worker(stop_host_task)
    worker.failed.connect(_log_stop_failure)
    return worker.start()


def _log_stop_failure(exc: object) -> None:
    log.error(
        "Could not stop the link host", exc_info=exc if isinstance(exc, BaseException) else None
    )

"""Booth mode "Start over": forget everything the last visitor did.

Resets the pages (each may stop its servers and forget selections in its
``reset()``), revokes the links shared from this machine, stops the link host, empties the
temporary folder, closes the document and any open dialog, returns to the
start page in Danish.
"""

from __future__ import annotations

import logging
import shutil
import time

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from xshare_desktop.core import paths
from xshare_desktop.gui.i18n import DEFAULT_LANGUAGE
from xshare_desktop.gui.main_window import MainWindow
from xshare_desktop.gui.views.link_host import stop_link_host

log = logging.getLogger(__name__)


def clear_temp_dir() -> int:
    """Delete everything inside ``paths.temp_dir()``; returns how many items went."""
    removed = 0
    for child in paths.temp_dir().iterdir():
        try:
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
            removed += 1
        except OSError as exc:
            log.warning("Could not remove %s during reset: %s", child, exc)
    return removed


def revoke_shared_links() -> int:
    """Revoke every still-active link, so nothing shared at the booth stays reachable."""
    if not paths.links_db().exists():
        return 0
    try:
        from xshare_desktop.core.shl.store import LinkStatus, LinkStore
    except ImportError:
        return 0
    store = LinkStore()
    now = time.time()
    revoked = 0
    for link in store.links():
        if link.status(now) == LinkStatus.ACTIVE and store.revoke(link.id, now):
            revoked += 1
    return revoked


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog | QMessageBox) and widget.isVisible():
            widget.reject()


def start_over(window: MainWindow) -> None:
    context = window.context
    window.loader.cancel()
    window.loader.cancel_check()
    close_dialogs()
    window.navigator.drop_pages(keep=("start",))
    context.set_document(None)
    try:
        revoke_shared_links()
    except Exception:
        log.exception("Could not revoke links during reset")
    # The app's one link host, whoever started it (the wizard, the links page): a page that
    # was never opened has no reset() to do it. On the worker, as it closes sockets.
    stop_link_host()
    clear_temp_dir()
    window.banner.dismiss()
    if context.booth and context.language.code != DEFAULT_LANGUAGE:
        context.language.set_language(DEFAULT_LANGUAGE)
    window.go("start")

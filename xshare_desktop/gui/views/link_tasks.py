"""The work behind the Shared links page, on the worker: create a link (starting the host
first when none runs), put new content behind one, save its QR code.

Plain functions for ``gui.worker.Worker``: they take data, return data and touch no widget.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xshare_desktop.core.shl import provider
from xshare_desktop.core.shl.content import share_files_from_paths
from xshare_desktop.gui.views.link_host import start_host_task
from xshare_desktop.render.qr_pdf import save_qr


def create_link_task(
    paths: list[str],
    options: provider.LinkOptions,
    base_url: str | None,
    local_network: bool,
    *,
    progress: Any,
) -> tuple[str, str]:
    if base_url is None:  # no host yet: start it here, off the GUI thread, then publish on it
        base_url = start_host_task(local_network, progress=progress)
    progress.step(0, 2, "")
    files = share_files_from_paths(list(paths))
    progress.step(1, 2, "")
    record, uri = provider.create_link(files, options, base_url)
    return record.id, uri


def update_link_task(link_id: str, paths: list[str], *, progress: Any) -> str:
    record = provider.update_link(link_id, share_files_from_paths(list(paths)))
    return record.id


def save_qr_task(uri: str, path: Path, lang: str, *, progress: Any) -> Path:
    return save_qr(uri, path, lang=lang)

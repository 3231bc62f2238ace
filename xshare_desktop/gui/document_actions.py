"""File menu work on the open document: the summary as a PDF (to print or export), a copy of it.

Plain functions for ``gui.worker.Worker``: they take data, return bytes and touch no widget.
The PDF is the same one the Yellow Button makes (``core.sharing.writer.prepare_share`` with
everything chosen, rendered by ``render.pdf``), so what is printed is what would be shared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xshare_desktop.core.fileio import atomic_write_bytes, dumps_json
from xshare_desktop.core.progress import Progress
from xshare_desktop.core.sharing.selection import Selection
from xshare_desktop.core.sharing.writer import ShareOptions, prepare_share


def summary_pdf(raw: dict[str, Any], *, progress: Progress) -> bytes:
    """The whole document as the PDF the share flow makes, in the document's own language."""
    from xshare_desktop.render.pdf import render_pdf

    prepared = prepare_share(dict(raw), Selection(), ShareOptions(formats=("pdf",)), progress)
    composition = prepared.document["entry"][0]["resource"]
    title = str(composition.get("title") or "Health document")
    return render_pdf(prepared.html, title, prepared.language)


def write_summary_pdf(raw: dict[str, Any], target: Path, *, progress: Progress) -> Path:
    return atomic_write_bytes(target, summary_pdf(raw, progress=progress), overwrite=True)


def write_copy(raw: dict[str, Any], target: Path, *, progress: Progress) -> Path:
    """The document as FHIR JSON, unchanged (the open file itself is never touched)."""
    progress.step(0, 1, "")
    return atomic_write_bytes(target, dumps_json(raw), overwrite=True)

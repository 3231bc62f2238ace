"""Screenshots of every step of the flow in the real main window, Danish and English.

``python -m xshare_desktop.gui.flow.screenshots OUTDIR`` writes
``flow-<step>-<lang>.png`` (download) and ``flow-<step>-link-<lang>.png`` (link)
at 1366x768. Run it under Xvfb for a real window system
(``xvfb-run -a env QT_QPA_PLATFORM=xcb python -m ...``). All data (the key, the
files, the link store) goes to a temporary folder, never to the user's own.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from xshare_desktop.gui.screenshots import settle, show_main_window

SAMPLE_NAME = "ips-karen-testesen.json"
PASSPHRASE = "Lægedage 2026"
MEDICATIONS = "10160-0"


def _wait(condition: object, timeout_ms: int = 60_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:  # type: ignore[operator]
        settle(50)
        waited += 50


def take(outdir: Path, languages: tuple[str, ...] = ("da", "en")) -> list[Path]:
    from xshare_desktop.core.shl import app_host
    from xshare_desktop.gui.flow import ShareFlow
    from xshare_desktop.gui.navigation import instantiate
    from xshare_desktop.gui.samples import samples_dir

    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    _app, window = show_main_window(["--lang", languages[0]])
    window.open_path(samples_dir() / SAMPLE_NAME)
    _wait(lambda: window.context.document is not None)
    settle(500)
    window.navigator.register("share-flow", lambda: instantiate(ShareFlow, window.context))
    downloads = Path(tempfile.mkdtemp(prefix="xshare-shots-")) / "Karen" / "Downloads"

    def shot(name: str) -> None:
        settle(200)
        path = outdir / f"{name}.png"
        window.grab().save(str(path))
        written.append(path)

    def run(flow: ShareFlow, lang: str, method: str) -> None:
        suffix = f"-link-{lang}" if method == "link" else f"-{lang}"
        flow.set_document(None)
        flow.set_document(window.context.document)
        section = flow.choose.section_item(MEDICATIONS)
        if section is not None:
            section.setCheckState(0, Qt.CheckState.Unchecked)
        if method == "download":
            shot(f"flow-1-what{suffix}")
        flow.go_next()
        if method == "link":
            flow.how.link_card.setChecked(True)
        shot(f"flow-2-how{suffix}")
        flow.go_next()
        options = flow.options
        options.sign.check.setChecked(True)
        if method == "download":
            options.folder_edit.setText(str(downloads))
            downloads.mkdir(parents=True, exist_ok=True)
            options.password.check.setChecked(True)
            options.password_edit.setText("Rødgrød med fløde")
            options.password_repeat.setText("Rødgrød med fløde")
        else:
            options.passcode.check.setChecked(True)
            options.passcode_edit.setText("4711")
            options.label_edit.setText("Til min læge" if lang == "da" else "For my GP")
        options.key_panel.passphrase.setText(PASSPHRASE)
        options.key_panel.repeat.setText(PASSPHRASE)
        shot(f"flow-3-options{suffix}")
        if options.key_panel.create_button.isVisible():
            options.key_panel.create_button.click()
            _wait(lambda: not flow.is_busy)
        flow.go_next()
        _wait(lambda: not flow.is_busy)
        shot(f"flow-4-preview{suffix}")
        flow.go_next()
        _wait(lambda: not flow.is_busy)
        shot(f"flow-5-done{suffix}")

    for lang in languages:
        window.set_language(lang)
        window.navigator.show_page("share-flow")
        flow = window.navigator.page("share-flow")
        assert isinstance(flow, ShareFlow)
        for method in ("download", "link"):
            run(flow, lang, method)
    app_host.stop_link_host()
    window.close()
    QCoreApplication.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="xshare-flow-screens-") as data:
        os.environ["XSHARE_DATA_DIR"] = data
        if QApplication.instance() is None:
            QApplication(sys.argv[:1])
        for path in take(args.outdir):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

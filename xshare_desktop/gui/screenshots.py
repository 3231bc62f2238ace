"""Reproducible screenshots of the real app: ``python -m xshare_desktop.gui.screenshots OUTDIR``.

Takes every page that exists (start, document, about, and each feature view
that is installed) in Danish and English at 1366x768, plus the booth start
page and the document in a dark palette. Run it under Xvfb for a real window
system (``xvfb-run -a env QT_QPA_PLATFORM=xcb python -m ...``); offscreen
works too. Data goes to a temporary folder, never to the user's own;
``--packages ../shared/fhir-packages`` installs those FHIR packages into a
temporary cache so the About page lists them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from xshare_desktop.gui.main_window import MainWindow

SAMPLE_NAME = "ips-bent-eksempelsen.json"
RECEIVED_SAMPLE = "ips-karen-testesen.json"
SIZE = (1366, 768)


def settle(ms: int = 150) -> None:
    """Let queued events, layouts and paints run for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def show_main_window(argv: list[str]) -> tuple[QApplication, MainWindow]:
    """The main window as the app builds it, at the screenshot size, shown and drawn."""
    from xshare_desktop.gui.app import build

    app, window, _args = build(argv)
    window.resize(*SIZE)
    window.show()
    settle(300)
    return app, window


def _wait_for_load(window: object) -> None:
    loop = QEventLoop()
    window.loader.finished.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()


def _walk_share_flow(window: object, shot: object) -> None:
    """Step through the Yellow Button flow up to its preview (never sharing anything)."""
    flow = window.navigator.page("share")  # type: ignore[attr-defined]
    next_button = getattr(flow, "next_button", None)
    if flow is None or next_button is None:
        return
    for _ in range(4):
        step = getattr(flow, "step", "")
        if step != "choose":
            shot(step)  # type: ignore[operator]
        if step == "preview" or not next_button.isVisible() or not next_button.isEnabled():
            break
        next_button.click()
        for _ in range(100):  # the preview is prepared in the background
            if not getattr(flow, "is_busy", False):
                break
            settle(100)
    cancel = getattr(flow, "cancel_button", None)
    if cancel is not None:
        cancel.click()


def _signed_package(sample: Path) -> Path:
    """A package signed by a demo-CA key and trusted here, as a GP would receive it."""
    from xshare_desktop.core.signing import TrustStore, create_identity, demo_ca, write_package

    folder = Path(tempfile.mkdtemp(prefix="xshare-received-"))
    identity = create_identity("Karen Testesen", "Lægedage 2026", email="karen@example.org")
    TrustStore().add_file(demo_ca.certificate_path())
    document = folder / "min-helbredsoversigt.json"
    document.write_bytes(sample.read_bytes())
    return write_package([document], folder / "min-helbredsoversigt.zip", signer=identity)


def _show_received(window: object, package: Path) -> None:
    view = window.navigator.page("received")  # type: ignore[attr-defined]
    if view is None or not hasattr(view, "open_path"):
        return
    loop = QEventLoop()
    worker = view.open_path(package)
    worker.done.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()


def _open_received(window: object) -> bool:
    """Open the verified document from the received page: it shows as received."""
    view = window.navigator.page("received")  # type: ignore[attr-defined]
    worker = view.open_document() if view is not None else None
    if worker is None:
        return False
    loop = QEventLoop()
    worker.done.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    return True


def _show_conformance_result(window: object, document: Path) -> bool:
    """Check one document, as a vendor would, and show its first finding."""
    view = window.navigator.page("conformance")  # type: ignore[attr-defined]
    if view is None or not hasattr(view, "start_check"):
        return False
    for _ in range(300):  # the installed profiles load in the background
        if view.profiles_ready:
            break
        settle(100)
    view.clear_documents()
    view.add_paths([document])
    worker = view.start_check()
    if worker is None:
        return False
    loop = QEventLoop()
    worker.done.connect(loop.quit)
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    items = view.issue_items()
    if items:
        view.issues.setCurrentItem(items[0])
    return True


def take(outdir: Path, languages: tuple[str, ...] = ("da", "en")) -> list[Path]:
    from xshare_desktop.gui.navigation import available_plugins
    from xshare_desktop.gui.samples import samples_dir
    from xshare_desktop.gui.style import apply_style, dark_palette

    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    app, window = show_main_window(["--lang", languages[0]])
    sample = samples_dir() / SAMPLE_NAME
    if not sample.exists():
        sample = sorted(samples_dir().glob("ips-*.json"))[0]

    received_package: Path | None = None

    def shot(name: str) -> None:
        settle()
        path = outdir / f"{name}.png"
        window.grab().save(str(path))
        written.append(path)

    for lang in languages:
        window.set_language(lang)
        window.context.set_document(None)
        window.go("start")
        shot(f"{lang}-start")
        window.open_path(sample)
        _wait_for_load(window)
        shot(f"{lang}-document")
        for spec in available_plugins():
            if window.navigator.can_show(spec.name):
                window.go(spec.name)
                shot(f"{lang}-{spec.name}")
                if spec.name == "share":
                    _walk_share_flow(window, lambda step, lang=lang: shot(f"{lang}-share-{step}"))
                    window.go("document")
                if spec.name == "conformance" and _show_conformance_result(window, sample):
                    shot(f"{lang}-conformance-result")
                if spec.name == "received":
                    if received_package is None:
                        received_package = _signed_package(samples_dir() / RECEIVED_SAMPLE)
                    _show_received(window, received_package)
                    shot(f"{lang}-received-signed")
                    if _open_received(window):
                        shot(f"{lang}-document-received")
                    window.open_path(sample)  # one's own document again, for the pages after
                    _wait_for_load(window)
        window.go("about")
        shot(f"{lang}-about")
        window.go("document")
        window.show_help()
        shot(f"{lang}-help")

    app.setPalette(dark_palette())
    window.set_language("en")
    window.go("document")
    shot("en-document-dark")
    app.setPalette(app.style().standardPalette())

    window.close()

    # Booth mode is chosen at start-up (large type, no menus): a fresh window, as the app makes it.
    apply_style(app, booth=True)
    _app, window = show_main_window(["--booth", "--lang", "da"])
    shot("da-booth-start")
    window.open_path(sample)
    _wait_for_load(window)
    shot("da-booth-document")
    window.go("share")
    flow: Any = window.navigator.page("share")
    if flow is not None and hasattr(flow, "go_next"):
        shot("da-booth-share-choose")
        flow.go_next()
        flow.go_next()
        shot("da-booth-share-options")
        flow.cancel()
    window.close()
    QCoreApplication.processEvents()
    return written


def seed_package_cache(cache: Path, tarballs: Path) -> None:
    """Install the FHIR packages from ``tarballs`` into ``cache`` the way a user would."""
    from xshare_desktop.core.fhir_packages import PackageCache

    packages = PackageCache(cache)
    for tgz in sorted(tarballs.glob("*.tgz")):
        packages.install_tgz(tgz, replace=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument(
        "--packages",
        type=Path,
        help="folder of FHIR package .tgz files to install into a temporary cache first",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # X shared memory under Xvfb has ended runs with SIGBUS here; plain X requests are enough.
    os.environ.setdefault("QT_X11_NO_MITSHM", "1")
    with tempfile.TemporaryDirectory(prefix="xshare-screens-") as data:
        os.environ["XSHARE_DATA_DIR"] = data
        if args.packages is not None:
            cache = Path(data) / "fhir-packages"
            seed_package_cache(cache, args.packages)
            os.environ["XSHARE_FHIR_CACHE"] = str(cache)
        if QApplication.instance() is None:
            QApplication(sys.argv[:1])
        for path in take(args.outdir):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

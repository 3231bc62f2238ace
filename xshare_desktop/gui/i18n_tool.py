"""Update and compile the GUI translations: ``python -m xshare_desktop.gui.i18n_tool update|release``.

``update`` runs ``pyside6-lupdate`` over every ``xshare_desktop/gui/**/*.py`` and every core
module that marks messages (``QT_TRANSLATE_NOOP`` from ``core/i18n.py``, contexts ``Core`` and
``Workbench``) and merges new strings into ``resources/i18n/xshare_{da,en}.ts`` (existing
translations are kept, vanished strings dropped). English is the source
language: ``update`` fills English singular strings with their source text and
leaves plural (``%n``) forms for a person to write. ``release`` compiles the
``.ts`` files into ``xshare_desktop/i18n/*.qm`` with ``pyside6-lrelease``.
``check`` lists strings still missing a translation. See docs/translations.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUI_DIR = ROOT / "xshare_desktop" / "gui"
CORE_DIR = ROOT / "xshare_desktop" / "core"
# The core's marker (core/i18n.py); a core module without it has nothing to translate.
CORE_MARKER = "QT_TRANSLATE_NOOP("
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = ROOT / "xshare_desktop" / "i18n"
LANGUAGES = ("da", "en")


def ts_path(code: str, ts_dir: Path = TS_DIR) -> Path:
    return ts_dir / f"xshare_{code}.ts"


def _tool(name: str) -> str:
    """The pyside6 tool next to this Python (the venv), else on PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6-Essentials in this environment")
    return found


def source_files() -> list[Path]:
    """Every GUI module, and the core modules that raise marked messages."""
    gui = [p for p in GUI_DIR.rglob("*.py") if "__pycache__" not in p.parts]
    core = [
        p
        for p in CORE_DIR.rglob("*.py")
        if "__pycache__" not in p.parts and CORE_MARKER in p.read_text(encoding="utf-8")
    ]
    return sorted(gui + core)


def run_lupdate(ts_file: Path, code: str) -> None:
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    # Relative paths and no line numbers keep the .ts files stable across edits.
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *files,
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            code,
            "-ts",
            str(ts_file),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
    )


def fill_english(ts_file: Path) -> int:
    """English is the source language: a singular string translates to itself."""
    tree: ET.ElementTree[ET.Element] = ET.parse(ts_file)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or message.get("numerus") == "yes":
            continue
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            translation.text = source
            translation.attrib.pop("type", None)
            filled += 1
    # Always rewritten, so the file keeps one layout whether or not strings were added
    # (lupdate's own layout differs, and the file flipped between the two on every run).
    _write_ts(tree, ts_file)
    return filled


def _write_ts(tree: ET.ElementTree[ET.Element], ts_file: Path) -> None:
    ET.indent(tree, space="    ")
    root = tree.getroot()
    assert root is not None
    body = ET.tostring(root, encoding="unicode")
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished, non-empty translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            if translation is None or translation.get("type") in (
                "unfinished",
                "vanished",
                "obsolete",
            ):
                missing.append((name, source))
                continue
            forms = translation.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
            if not all(t.strip() for t in texts):
                missing.append((name, source))
    return missing


def update() -> None:
    for code in LANGUAGES:
        target = ts_path(code)
        run_lupdate(target, code)
        if code == "en":
            fill_english(target)
        print(f"{target.relative_to(ROOT)}: {len(unfinished(target))} unfinished")


def release() -> None:
    for code in LANGUAGES:
        qm = QM_DIR / f"xshare_{code}.qm"
        # Qt maps .qm files into memory: rewriting one in place kills any running app or test
        # that has it loaded (SIGBUS). Write beside it and swap, so they keep the old file.
        fresh = qm.with_name(qm.name + ".new")
        run_lrelease(ts_path(code), fresh)
        os.replace(fresh, qm)
        print(f"{qm.relative_to(ROOT)} written")


def check() -> int:
    status = 0
    for code in LANGUAGES:
        for context, source in unfinished(ts_path(code)):
            print(f"{code}: [{context}] {source!r}")
            status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["update"]:
        update()
        return 0
    if args == ["release"]:
        release()
        return 0
    if args == ["check"]:
        return check()
    print("usage: python -m xshare_desktop.gui.i18n_tool update|release|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())

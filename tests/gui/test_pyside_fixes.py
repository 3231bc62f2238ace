"""PySide6 6.12.0 drops references to None and True on every call; the GUI package must survive it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

MANY_CALLS = textwrap.dedent(
    """
    import xshare_desktop.gui  # applies the guard where the bug exists
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Source(QObject):
        changed = Signal(int)

    app = QCoreApplication([])
    source = Source()
    source.changed.connect(lambda value: None)
    # Far more calls than None and True have references in a fresh interpreter.
    for i in range(12_000):
        source.changed.emit(i)  # returns True
        source.setObjectName("source")  # a void method: returns None
    print("survived")
    """
)


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_many_calls_do_not_abort_the_interpreter() -> None:
    result = _run(MANY_CALLS)
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout


def test_the_probe_tells_whether_the_guard_was_needed() -> None:
    from xshare_desktop.gui import pyside_fixes

    without_guard = _run(
        "import sys\n"
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(100): o.setObjectName('x')\n"
        "print(before - sys.getrefcount(None))\n"
    )
    buggy = int(without_guard.stdout.split()[0]) >= 50
    expected = buggy and sys.version_info < (3, 12)
    assert expected == pyside_fixes.APPLIED

"""A guard against reference-counting bugs in PySide6 6.12.0 on Python 3.11.

PySide6 6.12.0 returns ``None`` from every void method (``setText``,
``processEvents``...) and ``True`` from every ``Signal.emit()`` without
taking the reference it hands back, as if those objects were immortal; they
are only immortal from Python 3.12 on. Measured here: each call drops one
reference, and PySide6 6.11.3 does not. On Python 3.11 the interpreter then
aborts with "Fatal Python error: none_dealloc" (or "bool_dealloc") once a
few thousand calls have been made: at exit, or in the middle of a session.

Where the bug is present, this module gives ``None``, ``True`` and ``False``
a reference count no program can exhaust, which is exactly what Python 3.12
does for every interpreter. It probes for the bug first, so a fixed PySide6
or a newer Python leaves everything alone. The real fix is a PySide6 without
the bug (pin ``PySide6-Essentials<6.12`` or a fixed release).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_RESERVE = 1 << 40
_PROBE_CALLS = 16


class _Probe(QObject):
    ping = Signal()


def calls_lose_references() -> bool:
    """True if void PySide calls or ``emit()`` drop references to None or True."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")  # a void method: returns None
        probe.ping.emit()  # returns True
    none_lost = none_before - sys.getrefcount(None)
    true_lost = true_before - sys.getrefcount(True)
    probe.deleteLater()
    return none_lost >= _PROBE_CALLS // 2 or true_lost >= _PROBE_CALLS // 2


def apply() -> bool:
    """Apply the guard where needed; returns whether it was applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not calls_lose_references():
        return False
    for value in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(value)).value += _RESERVE
    return True


APPLIED = apply()

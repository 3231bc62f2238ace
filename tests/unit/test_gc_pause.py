"""The collector pause around large-document work restores the collector (issue 18)."""

from __future__ import annotations

import gc
import threading

from xshare_desktop.core.gc_pause import collector_paused


def test_the_collector_is_back_on_after_the_pause_even_after_an_error() -> None:
    """Issue 18: pausing cycle collection for a parse must not leave it off for the app."""
    assert gc.isenabled()
    try:
        with collector_paused():
            assert not gc.isenabled()
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()


def test_overlapping_pauses_end_when_the_last_one_does() -> None:
    """Issue 18: two workers loading at once; the first to finish must not restart it early."""
    inside = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=hold)
    worker.start()
    inside.wait(5)
    with collector_paused():
        pass
    assert not gc.isenabled()
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    """Issue 18: the pause restores what it found, it does not switch the collector on."""
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()

"""Run Python on another date: CI's second test run puts this folder on PYTHONPATH.

With ``XSHARE_TEST_DAYS_AHEAD=N`` set, every Python process of the run (pytest and each CLI it
starts as a subprocess, which inherit the variable) sees its wall clock N days ahead, ticking.
Only the wall clock moves (``time.time``, ``datetime.now``, ``date.today``...): monotonic clocks,
sleeps and socket time-outs stay real, so timed waits behave. The app reads dates only through
Python's wall clock, so the whole app lives on the other date consistently.
"""

from __future__ import annotations

import os

_days = os.environ.get("XSHARE_TEST_DAYS_AHEAD")
if _days:
    import datetime as _dt

    import time_machine as _time_machine

    _time_machine.travel(
        _dt.datetime.now(_dt.UTC) + _dt.timedelta(days=int(_days)), tick=True
    ).start()

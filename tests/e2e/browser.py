"""Headless Chromium from the system's packages, driven by Selenium, for the web viewer.

Selenium Manager never runs: the driver and the browser are given by path, so nothing is
downloaded. Each driver gets a fresh profile folder.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PHONE_SIZE = (390, 844)  # a common phone's CSS viewport


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    for needed in (CHROMIUM, CHROMEDRIVER):
        if not needed.exists():
            return f"{needed} is not installed (apt-get install chromium chromium-driver)"
    return None


@contextmanager
def chromium(
    *, language: str = "en", size: tuple[int, int] = PHONE_SIZE, extra: Sequence[str] = ()
) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for argument in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--lang={language}",
            f"--window-size={size[0]},{size[1]}",
            *extra,
        ):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"intl.accept_languages": language})
        # Nothing goes through a proxy: the link host is on this machine.
        options.add_argument("--no-proxy-server")
        # A driver path given here means Selenium Manager is never run (no download).
        service = Service(executable_path=str(CHROMEDRIVER))
        driver = webdriver.Chrome(service=service, options=options)
        try:
            # The viewport, not the window, is what a phone has.
            driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": True},
            )
            yield driver
        finally:
            driver.quit()

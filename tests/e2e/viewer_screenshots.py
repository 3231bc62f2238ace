"""Screenshots of the web viewer at phone size (390x844), Danish and English.

``python -m tests.e2e.viewer_screenshots OUTDIR`` writes ``viewer-passcode-<lang>.png`` (the
page a visitor's camera opens) and ``viewer-<lang>.png`` (the summary after the passcode),
taken with the same headless Chromium as the tests. The link, its host and its data live in
a temporary folder and on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ips-emil-proevesen.json"
PASSCODE = "4711"


def take(outdir: Path, languages: tuple[str, ...] = ("da", "en")) -> list[Path]:
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.e2e.browser import chromium
    from xshare_desktop.core.shl.content import share_files_from_paths
    from xshare_desktop.core.shl.host import HostConfig, serve
    from xshare_desktop.core.shl.provider import LinkOptions, create_link, host_viewer_url

    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    running = serve("127.0.0.1", 0, config=HostConfig(min_poll_interval=0))
    try:
        for lang in languages:
            label = "Emils oversigt til lægen" if lang == "da" else "Emil's summary for the GP"
            _record, uri = create_link(
                share_files_from_paths([SAMPLE]),
                LinkOptions(
                    passcode=PASSCODE, label=label, viewer=host_viewer_url(running.base_url)
                ),
                running.base_url,
            )
            with chromium(language=lang) as driver:
                wait = WebDriverWait(driver, 20)
                driver.get(uri)
                wait.until(lambda d: d.find_element("id", "passcode").is_displayed())
                driver.find_element("id", "passcode").send_keys(PASSCODE)
                path = outdir / f"viewer-passcode-{lang}.png"
                driver.save_screenshot(str(path))
                written.append(path)
                driver.find_element("id", "open-button").click()
                wait.until(lambda d: d.find_elements("id", "patient-name"))
                path = outdir / f"viewer-{lang}.png"
                driver.save_screenshot(str(path))
                written.append(path)
    finally:
        running.stop()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    # Links and keys made for the pictures never land in the person's own data folder.
    os.environ["XSHARE_DATA_DIR"] = tempfile.mkdtemp(prefix="xshare-viewer-shots-")
    for path in take(args.outdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

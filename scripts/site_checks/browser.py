"""Headless Debian Chromium driven by Selenium through Debian's chromedriver (same
version as chromium, so no driver download; Selenium Manager is kept offline)."""

from __future__ import annotations

import base64
import math
import os
from pathlib import Path

CHROMIUM = os.environ.get("CHECK_SITE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHECK_SITE_CHROMEDRIVER", "/usr/bin/chromedriver")
MAX_SHOT_HEIGHT = 16000


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid:
            out.append(int(entry))
    return out


class Browser:
    def __init__(self, work: Path):
        self.work = work
        self.driver = None
        self.width = 0

    def start(self) -> None:
        os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download anything
        os.environ["SE_AVOID_STATS"] = "true"
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for arg in [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--force-device-scale-factor=1", "--no-proxy-server",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-crash-reporter", "--disable-breakpad",
            "--disable-features=Translate,MediaRouter,OptimizationHints",
            "--window-size=1280,900", "--lang=en-US",
            f"--user-data-dir={self.work / 'chromium-profile'}",
        ]:
            opts.add_argument(arg)
        service = Service(CHROMEDRIVER, log_output=str(self.work / "chromedriver.log"))
        self.driver = webdriver.Chrome(options=opts, service=service)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(60)
        # Let the shell trap find them even if this process is killed hard.
        pids = [service.process.pid] + _children(service.process.pid)
        with open(self.work / "browser.pids", "w") as f:
            f.write("".join(f"{p}\n" for p in pids))

    def quit(self) -> None:
        if self.driver is not None:
            try:
                self.driver.quit()
            except Exception:
                pass
            self.driver = None

    def set_width(self, width: int, height: int = 900) -> None:
        self.width = width
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def load(self, url: str) -> None:
        self.driver.get(url)
        # A private page is decrypted by its own script after loading: wait for it to say how it went.
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "if (!document.getElementById('portico-sealed')) { done(true); return; }"
            "const start = Date.now();"
            "(function poll() {"
            "  const state = document.documentElement.getAttribute('data-portico');"
            "  if ((state && state !== 'opening') || Date.now() - start > 10000) done(true);"
            "  else setTimeout(poll, 30);"
            "})();")
        # Wait for web fonts so screenshots and layout measurements are final.
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "(document.fonts ? document.fonts.ready : Promise.resolve()).then(() => done(true), () => done(false));")

    def reset_viewport(self) -> None:
        """Drops the set_width emulation: back to the window's own size."""
        self.width = 0
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def print_pdf(self, width_cm: float, height_cm: float) -> bytes:
        """The loaded page printed to PDF on paper of that size (portrait, default
        margins, backgrounds printed), via WebDriver's print command."""
        from selenium.webdriver.common.print_page_options import PrintOptions

        opts = PrintOptions()
        opts.page_width = width_cm
        opts.page_height = height_cm
        opts.background = True
        return base64.b64decode(self.driver.print_page(opts))

    def full_page_png(self) -> bytes:
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        width = max(self.width, math.ceil(size["width"]))
        height = min(MAX_SHOT_HEIGHT, max(1, math.ceil(size["height"])))
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True, "fromSurface": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        return base64.b64decode(shot["data"])

    def script(self, js: str, *args):
        return self.driver.execute_script(js, *args)

    def async_script(self, js: str, *args):
        return self.driver.execute_async_script(js, *args)

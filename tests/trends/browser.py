"""Open a page in headless Chromium over the DevTools protocol: console errors, exceptions, failed
loads, element boxes, and a screenshot. A small synchronous client on ``websockets``."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--remote-debugging-port=0",
]


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_chromium() -> tuple[str | None, str]:
    """Chromium's path, installing Debian's ``chromium`` package when missing and running as root;
    else (None, why)."""
    found = find_chromium()
    if found:
        return found, ""
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return None, "chromium is not installed (apt-get install chromium) and this is not a root Debian shell"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=900, env=env)
        except (OSError, subprocess.TimeoutExpired) as e:
            return None, f"{' '.join(cmd)} failed: {e}"
        if r.returncode != 0:
            return None, f"{' '.join(cmd)} failed: {(r.stderr or r.stdout).strip()[-300:]}"
    found = find_chromium()
    return (found, "") if found else (None, "apt-get install chromium succeeded but no chromium binary found")


@dataclass
class PageReport:
    console_errors: list[str] = field(default_factory=list)
    value: Any = None  # result of the probe expression


class _Cdp:
    def __init__(self, url: str):
        from websockets.sync.client import connect

        self.ws = connect(url, max_size=None, open_timeout=20)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, timeout: float = 30, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            msg = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, method: str, timeout: float = 30) -> dict[str, Any]:
        for ev in self.events:
            if ev.get("method") == method:
                return ev
        deadline = time.monotonic() + timeout
        while True:
            msg = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            self.events.append(msg)
            if msg.get("method") == method:
                return msg

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                self.events.append(json.loads(self.ws.recv(timeout=left)))
            except TimeoutError:
                return

    def close(self) -> None:
        self.ws.close()


def _console_errors(events: list[dict[str, Any]]) -> list[str]:
    out = []
    for ev in events:
        m, p = ev.get("method"), ev.get("params", {})
        if m == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            out.append(f"exception: {d.get('exception', {}).get('description') or d.get('text')}")
        elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            out.append("console.error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            e = p["entry"]
            out.append(f"log: {e.get('text')} {e.get('url', '')}".strip())
    return out


def inspect_page(chromium: str, page: Path, *, probe: str, screenshot: Path | None, user_data: Path,
                 width: int = 1280, height: int = 2000, settle_s: float = 1.5) -> PageReport:
    """Load ``page``, let it settle, evaluate ``probe`` (JSON-able result), optionally screenshot."""
    proc = subprocess.Popen([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={user_data}",
                             f"--window-size={width},{height}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = user_data / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"chromium did not start (exit {proc.poll()})")
            time.sleep(0.1)
        port, browser_path = port_file.read_text().splitlines()[:2]
        browser = _Cdp(f"ws://127.0.0.1:{port}{browser_path}")
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        cdp = _Cdp(f"ws://127.0.0.1:{port}/devtools/page/{target}")
        for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
            cdp.call(domain)
        cdp.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        cdp.call("Page.navigate", url=page.resolve().as_uri())
        cdp.wait_for("Page.loadEventFired", timeout=60)
        cdp.drain(settle_s)
        value = cdp.call("Runtime.evaluate", expression=probe, returnByValue=True, awaitPromise=True)
        report = PageReport(value=value.get("result", {}).get("value"))
        if screenshot is not None:
            shot = cdp.call("Page.captureScreenshot", format="png", timeout=60)
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
        cdp.drain(0.2)
        report.console_errors = _console_errors(cdp.events)
        cdp.close()
        try:
            browser.call("Browser.close", timeout=5)
        except Exception:  # the browser may close the socket before answering
            pass
        browser.close()
        return report
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)

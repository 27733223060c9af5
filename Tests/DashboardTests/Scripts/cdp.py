"""Headless Chromium over the DevTools protocol (--remote-debugging-pipe: no extra packages), shared by the
dashboard's browser checks. Each check prints what it saw as JSON for its Swift test to judge."""
import base64
import fcntl
import json
import os
import subprocess
import tempfile
import time


class Browser:
    """One headless Chromium with a fresh profile; pages are DevTools sessions."""

    def __init__(self, chromium, shots):
        self.shots = shots
        self.profile = tempfile.mkdtemp(prefix="liveinsight-cdp-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        high_read = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
        high_write = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)

        def child_fds():
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--mute-audio", "--autoplay-policy=no-user-gesture-required", "--remote-debugging-pipe",
             "--user-data-dir=" + self.profile, "about:blank"],
            preexec_fn=child_fds, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in (to_browser_read, from_browser_write, high_read, high_write):
            os.close(fd)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise SystemExit("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise SystemExit(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, session, timeout=90):
        # Generous: under a full parallel test run on two cores, Chromium can take long to load a page.
        deadline = time.time() + timeout
        for index, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                del self.events[index]
                return event
        while time.time() < deadline:
            event = self.receive()
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)
        raise SystemExit(f"timed out waiting for {method}")

    def errors_of(self, session):
        found = []
        for event in self.events:
            if event.get("sessionId") != session:
                continue
            params = event.get("params", {})
            if event.get("method") == "Runtime.exceptionThrown":
                found.append(params["exceptionDetails"].get("text", "") + " " +
                             str(params["exceptionDetails"].get("exception", {}).get("description", "")))
            elif event.get("method") == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                args = params.get("args", [])
                found.append(" ".join(str(arg.get("value", arg.get("description", ""))) for arg in args))
            elif event.get("method") == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", "") + " " + params["entry"].get("url", ""))
        return found

    def open_page(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(domain + ".enable", session=session)
        metrics = {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False}
        self.send("Emulation.setDeviceMetricsOverride", metrics, session=session)
        self.navigate(session, url)
        return session

    def navigate(self, session, url):
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", session)

    def evaluate(self, session, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
                           session=session)
        if "exceptionDetails" in result:
            raise SystemExit(f"evaluate failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def run(self, session, script):
        """Runs `script`, a function body (it may `return` a value), in the page."""
        return self.evaluate(session, "(() => {" + script + "})()")

    def submit(self, session, script):
        """Runs `script`, which submits a form, waits for the page it leads to and returns that page's path, query
        and fragment."""
        self.run(session, script)
        self.wait_for("Page.loadEventFired", session)
        return self.run(session, "return location.pathname + location.search + location.hash;")

    def screenshot(self, session, name):
        size = self.send("Page.getLayoutMetrics", session=session)["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        shot = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip},
                         session=session)
        path = os.path.join(self.shots, name)
        with open(path, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
        return path

    def close(self):
        self.process.kill()
        self.process.wait()
        subprocess.run(["rm", "-rf", self.profile])

#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol (--remote-debugging-pipe: no extra packages) against a
running dashboard, and prints what it saw as JSON for the Swift test to judge.

Usage: cdp_check.py CHROMIUM BASE_URL BROADCAST_ID SEARCH_TERM SCREENSHOT_DIR"""
import base64
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time

chromium, base, broadcast, term, shots = sys.argv[1:6]
profile = tempfile.mkdtemp(prefix="liveinsight-cdp-")
to_browser_read, to_browser_write = os.pipe()
from_browser_read, from_browser_write = os.pipe()
high_read = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
high_write = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)


def child_fds():
    os.dup2(high_read, 3)
    os.dup2(high_write, 4)


browser = subprocess.Popen(
    [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
     "--mute-audio", "--autoplay-policy=no-user-gesture-required", "--remote-debugging-pipe",
     "--user-data-dir=" + profile, "about:blank"],
    preexec_fn=child_fds, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_browser_read); os.close(from_browser_write); os.close(high_read); os.close(high_write)
buffer = b""
next_id = 0
events = []


def receive():
    global buffer
    while b"\0" not in buffer:
        chunk = os.read(from_browser_read, 1 << 20)
        if not chunk:
            raise SystemExit("chromium closed the DevTools pipe")
        buffer += chunk
    message, buffer = buffer.split(b"\0", 1)
    return json.loads(message)


def send(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_browser_write, json.dumps(message).encode() + b"\0")
    while True:
        reply = receive()
        if reply.get("id") == next_id:
            if "error" in reply:
                raise SystemExit(f"{method}: {reply['error']}")
            return reply.get("result", {})
        events.append(reply)


def wait_for(method, session, timeout=90):
    # Generous: under a full parallel test run on two cores, Chromium can take long to load a page.
    deadline = time.time() + timeout
    for index, event in enumerate(events):
        if event.get("method") == method and event.get("sessionId") == session:
            del events[index]
            return event
    while time.time() < deadline:
        event = receive()
        if event.get("method") == method and event.get("sessionId") == session:
            return event
        events.append(event)
    raise SystemExit(f"timed out waiting for {method}")


def errors_of(session):
    found = []
    for event in events:
        if event.get("sessionId") != session:
            continue
        params = event.get("params", {})
        if event.get("method") == "Runtime.exceptionThrown":
            found.append(params["exceptionDetails"].get("text", "") + " " +
                         str(params["exceptionDetails"].get("exception", {}).get("description", "")))
        elif event.get("method") == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append(" ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])))
        elif event.get("method") == "Log.entryAdded" and params["entry"].get("level") == "error":
            found.append(params["entry"].get("text", "") + " " + params["entry"].get("url", ""))
    return found


def open_page(url):
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log"):
        send(domain + ".enable", session=session)
    send("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False},
         session=session)
    send("Page.navigate", {"url": url}, session=session)
    wait_for("Page.loadEventFired", session)
    return session


def evaluate(session, expression):
    result = send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
                  session=session)
    if "exceptionDetails" in result:
        raise SystemExit(f"evaluate failed: {result['exceptionDetails']}")
    return result["result"].get("value")


def screenshot(session, name):
    size = send("Page.getLayoutMetrics", session=session)["cssContentSize"]
    shot = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                           "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"],
                                                    "scale": 1}}, session=session)
    path = os.path.join(shots, name)
    with open(path, "wb") as file:
        file.write(base64.b64decode(shot["data"]))
    return path


VISIBLE_ROWS = "(id) => Array.from(document.querySelectorAll('#' + id + ' tbody tr')).filter(r => !r.hidden).length"
FIRST_CELLS = "(id, i) => Array.from(document.querySelectorAll('#' + id + ' tbody tr')).map(r => r.cells[i].textContent.trim())"
try:
    report = {}
    page = open_page(base + "/")
    report["list"] = evaluate(page, f"""(() => {{ const visible = {VISIBLE_ROWS}, cells = {FIRST_CELLS};
      const out = {{rows: visible('broadcasts'), links: Array.from(document.querySelectorAll('#broadcasts a')).map(a => [a.getAttribute('href'), a.target])}};
      document.querySelectorAll('#broadcasts th')[1].click(); out.ascending = cells('broadcasts', 1);
      document.querySelectorAll('#broadcasts th')[1].click(); out.descending = cells('broadcasts', 1);
      const search = document.getElementById('broadcast-search'); search.value = 'second';
      search.dispatchEvent(new Event('input')); out.searched = visible('broadcasts');
      search.value = ''; search.dispatchEvent(new Event('input'));
      const shown = () => Array.from(document.querySelectorAll('#broadcasts tbody tr')).filter(r => !r.hidden && getComputedStyle(r).display !== 'none').length;
      const from = document.getElementById('filter-from');
      from.value = '2026-11-21'; from.dispatchEvent(new Event('change')); out.shownFromNextDay = shown();
      from.value = '2026-11-20'; from.dispatchEvent(new Event('change')); out.shownFromSameDay = shown();
      from.value = ''; from.dispatchEvent(new Event('change'));
      out.injected = document.querySelectorAll('img').length; return out; }})()""")
    report["listShot"] = screenshot(page, "list.png")
    report["listErrors"] = errors_of(page)

    page = open_page(base + "/broadcasts/" + broadcast)
    report["dashboard"] = evaluate(page, f"""(() => {{ const visible = {VISIBLE_ROWS}, cells = {FIRST_CELLS};
      const out = {{charts: {{}}, injected: document.querySelectorAll('img').length}};
      document.querySelectorAll('svg.chart').forEach(svg => {{ out.charts[svg.id] =
        svg.querySelectorAll('path.slice, circle.slice, circle.dot, rect.bar, polyline.series, text.word').length; }});
      out.summary = Array.from(document.querySelectorAll('#summary td')).map(td => td.textContent.trim());
      out.findings = document.querySelectorAll('#findings li').length;
      out.mentRows = visible('ments');
      out.impacts = Array.from(document.querySelectorAll('#impacts tbody tr')).map(r => [r.cells[0].textContent.trim(), r.className]);
      out.afterEnd = document.querySelectorAll('#ments tbody tr.after-end').length;
      document.querySelector('#impacts tbody tr').cells[3].dispatchEvent(new MouseEvent('mouseover', {{bubbles: true}}));
      out.effectTip = document.getElementById('tip').textContent;
      const shownRows = id => Array.from(document.querySelectorAll('#' + id + ' tbody tr')).filter(r => r.getClientRects().length > 0).length;
      out.pageShown = [shownRows('ments')];
      document.querySelector('.pager[data-table="ments"] button[data-step="1"]').click(); out.pageShown.push(shownRows('ments'));
      out.pageInfo = document.querySelector('.pager[data-table="ments"] .page-info').textContent;
      const th = document.querySelectorAll('#ments th'); th[0].click(); th[0].click(); out.pageShown.push(shownRows('ments'));
      out.timesDescending = Array.from(document.querySelectorAll('#ments tbody tr')).map(r => +r.cells[0].dataset.sort);
      th[1].click(); out.keywordsAscending = cells('ments', 1);
      const search = document.getElementById('ment-search'); search.value = {json.dumps(term)};
      search.dispatchEvent(new Event('input')); out.searched = visible('ments'); out.searchedShown = shownRows('ments');
      out.searchedText = Array.from(document.querySelectorAll('#ments tbody tr')).filter(r => !r.hidden).map(r => r.textContent);
      search.value = ''; search.dispatchEvent(new Event('input'));
      const svg = document.getElementById('chart-sales'), box = svg.getBoundingClientRect();
      const at = (type, f) => svg.dispatchEvent(new MouseEvent(type, {{bubbles: true, clientX: box.left + box.width * f, clientY: box.top + box.height / 2}}));
      const before = svg.querySelector('circle.dot').getAttribute('cx');
      at('mousedown', 0.3); at('mousemove', 0.5); at('mouseup', 0.5);
      out.zoomed = [svg.dataset.z0 !== undefined, svg.querySelector('circle.dot').getAttribute('cx') !== before];
      document.querySelector('button[data-reset="chart-sales"]').click();
      out.reset = svg.querySelector('circle.dot').getAttribute('cx') === before;
      svg.querySelector('circle.dot').dispatchEvent(new MouseEvent('mouseover', {{bubbles: true}}));
      out.tooltip = document.getElementById('tip').style.display === 'block' && document.getElementById('tip').textContent;
      const select = document.getElementById('review-product'); select.value = select.options[1].value;
      select.dispatchEvent(new Event('change'));
      out.reviewShown = Array.from(document.querySelectorAll('.review-product')).filter(d => !d.hidden).map(d => d.dataset.product);
      select.value = select.options[0].value; select.dispatchEvent(new Event('change'));
      const shownIn = l => Array.from(document.querySelectorAll('body [lang="' + l + '"]')).filter(e => e.getClientRects().length > 0).length;
      out.languageBefore = [shownIn('ko'), shownIn('en')];
      document.getElementById('lang-toggle').click(); out.languageAfter = [shownIn('ko'), shownIn('en')];
      document.getElementById('lang-toggle').click();
      return out; }})()""")
    report["dashboardShot"] = screenshot(page, "dashboard.png")
    report["dashboardErrors"] = errors_of(page)

    page = open_page(base + "/broadcasts/" + broadcast + "/transcript")
    report["transcript"] = evaluate(page, """(async () => { const audio = document.getElementById('player');
      const out = {segments: document.querySelectorAll('.segment').length, marks: document.querySelectorAll('#transcript mark').length};
      for (let i = 0; i < 50 && audio.readyState < 1; i++) await new Promise(r => setTimeout(r, 100));
      out.duration = isFinite(audio.duration) ? audio.duration : 0; const word = document.querySelectorAll('#transcript mark')[0];
      word.click(); await new Promise(r => setTimeout(r, 300)); audio.pause();
      out.seekTarget = +word.dataset.seek; out.currentTime = audio.currentTime; return out; })()""")
    report["transcriptShot"] = screenshot(page, "transcript.png")
    report["transcriptErrors"] = errors_of(page)

    page = open_page(base + "/history")
    report["history"] = evaluate(page, f"""(() => {{ const visible = {VISIBLE_ROWS};
      const drawn = (id) => document.querySelectorAll('#' + id + ' circle, #' + id + ' rect').length;
      return {{compareColumns: document.querySelectorAll('#compare thead th').length - 1,
        trendDots: {{score: drawn('trend-score'), units: drawn('trend-units'), conversion: drawn('trend-conversion')}},
        heatmapCells: drawn('chart-weekday-hour'), keywordRows: visible('trend-keywords'),
        keywordColumns: document.querySelectorAll('#trend-keywords thead th').length - 1}}; }})()""")
    report["historyShot"] = screenshot(page, "history.png")
    report["historyErrors"] = errors_of(page)

    page = open_page(base + "/keywords")
    report["keywords"] = evaluate(page, f"""(() => {{ const visible = {VISIBLE_ROWS};
      const drawn = document.querySelectorAll('#chart-pooled line, #chart-pooled rect').length;
      return {{rows: visible('pooled'), intervals: drawn}}; }})()""")
    report["keywordsShot"] = screenshot(page, "keywords.png")
    report["keywordsErrors"] = errors_of(page)
    print(json.dumps(report, ensure_ascii=False))
finally:
    browser.kill()
    browser.wait()
    subprocess.run(["rm", "-rf", profile])

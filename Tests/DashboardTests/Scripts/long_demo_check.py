#!/usr/bin/env python3
"""Opens the long demo show's dashboard, the shows' comparison (/history) and the keyword leaderboard (/keywords)
in headless Chromium, and prints what they show as JSON for the Swift test to judge.

Usage: long_demo_check.py CHROMIUM BASE_URL LONG_SHOW_ID SCREENSHOT_DIR"""
import json
import sys

from cdp import Browser

chromium, base, show, shots = sys.argv[1:5]
ROWS = ("(id) => Array.from(document.querySelectorAll('#' + id + ' tbody tr'))"
        ".map(r => [r.cells[0].textContent.trim(), r.className])")
browser = Browser(chromium, shots)
try:
    report = {}
    page = browser.open_page(base + "/broadcasts/" + show)
    report["impacts"] = browser.evaluate(page, f"({ROWS})('impacts')")
    report["dashboardShot"] = browser.screenshot(page, "long-show.png")
    report["dashboardErrors"] = browser.errors_of(page)
    page = browser.open_page(base + "/history")
    report["history"] = browser.evaluate(page, """(() => ({
      shows: document.querySelectorAll('#compare thead th a').length,
      trendMarks: document.querySelectorAll('#trend-units circle').length,
      heatCells: Array.from(document.querySelectorAll('#chart-weekday-hour rect[data-tip]'))
        .filter(r => !r.dataset.tip.includes(': 0개')).length }))()""")
    report["historyShot"] = browser.screenshot(page, "history.png")
    report["historyErrors"] = browser.errors_of(page)
    page = browser.open_page(base + "/keywords")
    report["pooled"] = browser.evaluate(page, f"({ROWS})('pooled')")
    report["keywordsErrors"] = browser.errors_of(page)
    print(json.dumps(report, ensure_ascii=False))
finally:
    browser.close()

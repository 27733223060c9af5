#!/usr/bin/env python3
"""Drives headless Chromium through verdicts on mentions: signs in as the analyst kim, rejects the mention of
KEYWORD from the dashboard's mention table, gives it back from the list of rejected mentions, then plays a row of
the review queue. Prints what it saw as JSON.

Usage: verdict_check.py CHROMIUM BASE_URL BROADCAST_ID KEYWORD PASSWORD SCREENSHOT_DIR"""
import json
import sys

from cdp import Browser

chromium, base, broadcast, keyword, password, shots = sys.argv[1:7]
browser = Browser(chromium, shots)
run, submit = browser.run, browser.submit
KEYWORDS = "return Array.from(document.querySelectorAll('#ments tbody tr')).map(r => r.cells[1].textContent);"


try:
    report = {}
    page = browser.open_page(base + "/signin?next=/broadcasts/" + broadcast)
    submit(page, f"""document.getElementById('signin-name').value = 'kim';
      document.getElementById('signin-password').value = {json.dumps(password)};
      document.getElementById('signin').submit();""")
    report["before"] = run(page, KEYWORDS)
    report["afterReject"] = submit(page, f"""const row = Array.from(document.querySelectorAll('#ments tbody tr'))
      .find(r => r.cells[1].textContent === {json.dumps(keyword)});
      row.querySelector('button[value=rejected]').click();""")
    report["rejectedShown"] = run(page, KEYWORDS)
    report["rejectedList"] = run(page, "const l = document.getElementById('rejected-mentions');"
                                       "return l ? l.querySelector('li').textContent : null;")
    report["shot"] = browser.screenshot(page, "verdicts.png")
    submit(page, "document.querySelector('#rejected-mentions button[value=withdrawn]').click();")
    report["restored"] = run(page, KEYWORDS)
    report["errors"] = browser.errors_of(page)
    # The review queue's ▶ loads the row's show into the one player, then seeks.
    browser.navigate(page, base + "/review")
    report["queue"] = browser.evaluate(page, """(async () => {
      const play = document.querySelectorAll('#review-queue button.play')[1], audio = document.getElementById('player');
      play.click(); await new Promise(r => setTimeout(r, 300)); audio.pause();
      return {rows: document.querySelectorAll('#review-queue tbody tr').length, src: audio.getAttribute('src'),
              wanted: play.dataset.src, seek: +play.dataset.seek, currentTime: audio.currentTime}; })()""")
    report["queueErrors"] = browser.errors_of(page)
finally:
    browser.close()
print(json.dumps(report, ensure_ascii=False))

#!/usr/bin/env python3
"""Drives headless Chromium through the dashboard's team pages: sign-in (a wrong then a right password),
posting and answering an inquiry with a hostile title, the admin's approve queue, approving an edited
catchphrase and exporting the keyword list, acknowledging an alert. Prints what it saw as JSON.

Usage: team_check.py CHROMIUM BASE_URL PASSWORD HOSTILE_TEXT SCREENSHOT_DIR"""
import json
import sys

from cdp import Browser

chromium, base, password, hostile, shots = sys.argv[1:6]
browser = Browser(chromium, shots)
run, submit = browser.run, browser.submit


def fill(fields):
    return "".join(f"document.getElementById({json.dumps(k)}).value = {json.dumps(v)};" for k, v in fields.items())


def sign_in(page, name, secret):
    fields = fill({"signin-name": name, "signin-password": secret})
    return submit(page, fields + "document.getElementById('signin').submit();")


try:
    report = {}
    page = browser.open_page(base + "/board")
    report["redirected"] = run(page, "return location.pathname + location.search;")
    report["signinShot"] = browser.screenshot(page, "signin.png")
    sign_in(page, "kim", "not the password")
    report["wrongPassword"] = run(page, "const e = document.getElementById('signin-error');"
                                        "return e ? e.textContent : null;")
    report["afterSignIn"] = sign_in(page, "kim", password)
    report["cookieVisibleToScript"] = run(page, "return document.cookie;")

    inquiry = fill({"inquiry-title": hostile, "inquiry-body": "보습이 몇 시간 가나요? " + hostile, "inquiry-product": "P002"})
    report["afterPost"] = submit(page, inquiry + "document.getElementById('inquiry-submit').click();")
    report["titleShown"] = run(page, "return document.getElementById('inquiry-title-shown').textContent;")
    report["injected"] = run(page, "return document.querySelectorAll('main img').length;")
    submit(page, fill({"answer-body": "8시간 지속됩니다."}) + "document.getElementById('answer-submit').click();")
    report["answered"] = run(page, """return {answers: document.querySelectorAll('#answers li').length,
      status: document.getElementById('inquiry-status').className,
      approveButtons: document.querySelectorAll('button.approve').length};""")
    report["inquiryShot"] = browser.screenshot(page, "board-inquiry.png")
    report["afterSignOut"] = submit(page, "document.getElementById('signout').click();")

    sign_in(page, "admin", password)
    browser.navigate(page, base + "/board?status=answered")
    report["queue"] = run(page, "return document.querySelectorAll('#board tbody tr').length;")
    report["queueShot"] = browser.screenshot(page, "board-queue.png")
    submit(page, "document.querySelector('#board button.approve').click();")
    report["approved"] = run(page, "return document.getElementById('inquiry-status').className;")
    browser.navigate(page, base + "/board?q=" + "%EB%B3%B4%EC%8A%B5")   # 보습
    report["searched"] = run(page, "return Array.from(document.querySelectorAll('#board tbody tr a'))"
                                   ".map(a => a.textContent);")
    report["boardShot"] = browser.screenshot(page, "board.png")

    browser.navigate(page, base + "/catchphrases")
    report["suggested"] = run(page, "return document.querySelectorAll('#catchphrases-suggested tbody tr').length;")
    report["evidence"] = run(page, """const row = document.querySelector('#catchphrases-suggested tbody tr');
      return {quotes: row.querySelectorAll('ul.quotes li').length, text: row.cells[2].textContent};""")
    report["catchphrasesShot"] = browser.screenshot(page, "catchphrases.png")
    submit(page, """const row = document.querySelector('#catchphrases-suggested tbody tr');
      row.querySelector('input.line').value = '고소한 맛, 리뷰가 증명합니다'; row.querySelector('button.approve').click();""")
    report["approvedLines"] = run(page, "return Array.from(document.querySelectorAll('#catchphrases-approved span.line'))"
                                        ".map(s => s.textContent);")
    report["keywords"] = browser.evaluate(page, "fetch('/catchphrases/keywords.csv').then(r => r.text())")
    submit(page, "document.querySelector('#catchphrases-suggested button.reject').click();")
    report["rejected"] = run(page, "return document.querySelectorAll('#catchphrases-rejected tbody tr').length;")

    browser.navigate(page, base + "/alerts")
    report["alertQuote"] = run(page, "return document.querySelector('#alerts-active ul.quotes li').textContent;")
    report["alertsShot"] = browser.screenshot(page, "alerts.png")
    submit(page, "document.querySelector('#alerts-active button.acknowledged').click();")
    report["alertState"] = run(page, "return document.querySelector('#alerts-active td.state').textContent;")
    report["errors"] = browser.errors_of(page)
    print(json.dumps(report, ensure_ascii=False))
finally:
    browser.close()

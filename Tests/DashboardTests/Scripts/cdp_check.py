#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol (--remote-debugging-pipe: no extra packages) against a
running dashboard, and prints what it saw as JSON for the Swift test to judge.

Usage: cdp_check.py CHROMIUM BASE_URL BROADCAST_ID SEARCH_TERM SCREENSHOT_DIR"""
import json
import sys

from cdp import Browser

chromium, base, broadcast, term, shots = sys.argv[1:6]
browser = Browser(chromium, shots)
open_page, evaluate, screenshot, errors_of = browser.open_page, browser.evaluate, browser.screenshot, browser.errors_of


VISIBLE_ROWS = "(id) => Array.from(document.querySelectorAll('#' + id + ' tbody tr')).filter(r => !r.hidden).length"
MENT_TIMES = "() => Array.from(document.querySelectorAll('#ments tbody tr')).map(r => +r.cells[0].dataset.sort)"
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
      const MENT_TIMES = {MENT_TIMES};
      const out = {{charts: {{}}, injected: document.querySelectorAll('img').length}};
      document.querySelectorAll('svg.chart').forEach(svg => {{ out.charts[svg.id] =
        svg.querySelectorAll('path.slice, circle.slice, circle.dot, rect.bar, polyline.series, text.word').length; }});
      out.summary = Array.from(document.querySelectorAll('#summary td')).map(td => td.textContent.trim());
      out.findings = document.querySelectorAll('#findings li').length;
      out.mentRows = visible('ments'); out.mentTimes = MENT_TIMES();
      out.pageInfo = document.querySelector('#ments-pager .page-info').textContent;
      out.impacts = Array.from(document.querySelectorAll('#impacts tbody tr')).map(r => [r.cells[0].textContent.trim(), r.className]);
      out.afterEnd = document.querySelectorAll('#ments tbody tr.after-end').length;
      document.querySelector('#impacts tbody tr').cells[3].dispatchEvent(new MouseEvent('mouseover', {{bubbles: true}}));
      out.effectTip = document.getElementById('tip').textContent;
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
    # A mention's ▶ plays the recording from just before it.
    report["mentionPlay"] = evaluate(page, """(async () => { const audio = document.getElementById('player');
      for (let i = 0; i < 50 && audio.readyState < 1; i++) await new Promise(r => setTimeout(r, 100));
      const play = document.querySelectorAll('#ments tbody button.play')[3];
      play.click(); await new Promise(r => setTimeout(r, 300)); audio.pause();
      return {seekTarget: +play.dataset.seek, currentTime: audio.currentTime,
              mentionTime: +play.closest('td').dataset.sort}; })()""")

    # The mention table pages, sorts and searches on the server: follow its links and submit its form as a reader would.
    def follow(click):
        evaluate(page, "(() => { " + click + "; return true; })()")
        browser.wait_for("Page.loadEventFired", page)
        return evaluate(page, f"""(() => {{ const cells = {FIRST_CELLS};
          return {{times: ({MENT_TIMES})(), keywords: cells('ments', 1),
            rows: document.querySelectorAll('#ments tbody tr').length,
            afterEnd: document.querySelectorAll('#ments tbody tr.after-end').length,
            info: document.querySelector('#ments-pager .page-info').textContent, url: location.search}}; }})()""")
    pages = report["mentPages"] = {}
    pages["next"] = follow("document.querySelector('#ments-pager a[rel=next]').click()")
    pages["previous"] = follow("document.querySelector('#ments-pager a[rel=prev]').click()")
    pages["timeDescending"] = follow("document.querySelector('#ments th a').click()")
    pages["keywordAscending"] = follow("document.querySelectorAll('#ments th a')[1].click()")
    pages["searched"] = follow("document.getElementById('ment-search').value = " + json.dumps(term)
                               + "; document.getElementById('ment-search-form').requestSubmit()")
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
    browser.close()

#!/usr/bin/env python3
"""Reads an XLSX with openpyxl (an independent reader) and prints its sheets and cells as JSON:
{"sheets": [names], "cells": {sheet: [[values of row 1], [row 2], ...]}, "formats": {sheet: [[number formats of row 2]]},
"frozen": {sheet: top-left cell of the unfrozen area}, "widths": {sheet: {column letter: width}},
"charts": {chart part: [series formulas]}} (charts read from the zip: openpyxl does not load them).
Usage: xlsx_check.py FILE"""
import json
import re
import sys
import zipfile

try:
    import openpyxl
except ImportError:
    print("openpyxl is missing: `make test` installs it (apt-get install python3-openpyxl)", file=sys.stderr)
    sys.exit(2)

book = openpyxl.load_workbook(sys.argv[1])
with zipfile.ZipFile(sys.argv[1]) as archive:
    charts = {name: re.findall(r"<c:f>([^<]*)</c:f>", archive.read(name).decode("utf-8"))
              for name in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", name)}
print(json.dumps({
    "sheets": book.sheetnames,
    "cells": {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets},
    "formats": {sheet.title: [[cell.number_format for cell in row] for row in sheet.iter_rows(min_row=2, max_row=2)]
                for sheet in book.worksheets},
    "frozen": {sheet.title: sheet.freeze_panes for sheet in book.worksheets},
    "widths": {sheet.title: {key: dimension.width for key, dimension in sheet.column_dimensions.items()} for sheet in book.worksheets},
    "charts": charts,
}, ensure_ascii=False, default=str))

#!/usr/bin/env python3
"""Reads an XLSX with openpyxl (an independent reader) and prints its sheets and cells as JSON:
{"sheets": [names], "cells": {sheet: [[values of row 1], [row 2], ...]}}. Usage: xlsx_check.py FILE"""
import json
import sys

try:
    import openpyxl
except ImportError:
    print("openpyxl is missing: `make test` installs it (apt-get install python3-openpyxl)", file=sys.stderr)
    sys.exit(2)

book = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({
    "sheets": book.sheetnames,
    "cells": {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets},
}, ensure_ascii=False, default=str))

#!/usr/bin/env python3
"""Writes the workbook twins of samples/cases-fi.csv and the small workbooks the tests read.

usage: python3 samples/make_workbooks.py   (needs openpyxl)
  samples/cases-fi.xlsx          the Finnish list as kept in Excel: date cells shown d.m.yyyy,
                                 kyllä/ei as text: audits as the CSV does, line numbers too
  tests/data/date1904.xlsx       a workbook in the 1904 date system (old Excel for Mac): dates,
                                 an age typed as a number and a flag as a boolean
"""
import csv, datetime as dt, pathlib
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

here = pathlib.Path(__file__).parent

def finnish_date(text):
    d, m, y = (int(part) for part in text.split("."))
    return dt.date(y, m, d)

with open(here / "cases-fi.csv", newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f, delimiter=";"))
header, data = rows[0], rows[1:]
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Asiakkaat"
sheet.append(header)
dates = {i for i, name in enumerate(header) if "pvm" in name or "aika" in name.lower()
         and name != "Henkilötunnus" or name.startswith("Arviointi")}
for row in data:
    cells = []
    for i, value in enumerate(row):
        if i in dates and value:
            cells.append(finnish_date(value))
        else:
            cells.append(value if value else None)
    sheet.append(cells)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, dt.date):
            cell.number_format = "d.m.yyyy"
book.properties.creator = "maaraika samples"
book.properties.created = dt.datetime(2026, 11, 23)
book.properties.modified = dt.datetime(2026, 11, 23)
book.save(here / "cases-fi.xlsx")

book = openpyxl.Workbook()
book.epoch = CALENDAR_MAC_1904
sheet = book.active
sheet.title = "Mac"
sheet.append(["Asiatunnus", "Vireilletulopvm", "Ikä", "Kiireellinen", "Arviointi aloitettu"])
sheet.append(["M-1", dt.date(2026, 11, 2), 79, False, dt.date(2026, 11, 6)])
sheet.append(["M-2", dt.date(2026, 11, 16), 45.0, True, None])
sheet.append(["M-3", dt.date(2026, 11, 2), 79, False, dt.date(2026, 11, 17)])
for row in sheet.iter_rows(min_row=2):
    for cell in row:
        if isinstance(cell.value, dt.date):
            cell.number_format = "d.m.yyyy"
book.properties.created = dt.datetime(2026, 11, 23)
book.properties.modified = dt.datetime(2026, 11, 23)
book.save(here.parent / "tests" / "data" / "date1904.xlsx")

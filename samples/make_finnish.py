#!/usr/bin/env python3
"""Writes the Excel twins of samples/cases.csv: the same cases as Finnish and Swedish Excel save them.

usage: python3 samples/make_finnish.py
  cases-fi.csv       "CSV UTF-8": BOM, ';', Finnish headers, d.m.yyyy, kyllä/ei, CRLF
  cases-fi-1252.csv  plain "CSV" on Finnish Windows: the same in Windows-1252, no BOM
  cases-sv.csv       "CSV UTF-8" from a Swedish-speaking team: Swedish headers, ja/nej
"""
import csv, datetime as dt, pathlib

here = pathlib.Path(__file__).parent
finnish = {
    "case_id": "Asiatunnus", "unit": "Yksikkö", "pending_date": "Vireilletulopvm",
    "birth_date": "Syntymäaika", "hetu": "Henkilötunnus", "care_allowance": "Ylin hoitotuki",
    "disabled": "Vammainen", "child_special_support": "Erityistä tukea tarvitseva lapsi",
    "child_welfare": "Lastensuojelu", "urgent": "Kiireellinen",
    "started_date": "Arviointi aloitettu", "completed_date": "Arviointi valmis",
}
swedish = {
    "case_id": "Ärendenummer", "unit": "Enhet", "pending_date": "Anhängiggjord",
    "birth_date": "Födelsedatum", "hetu": "Personbeteckning", "care_allowance": "Högsta vårdbidrag",
    "disabled": "Funktionsnedsättning", "child_special_support": "Barn i behov av särskilt stöd",
    "child_welfare": "Barnskydd", "urgent": "Brådskande",
    "started_date": "Bedömningen inledd", "completed_date": "Bedömningen klar",
}
with open(here / "cases.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))

def value(column, text, yes="kyllä", no="ei"):
    if column.endswith("_date") and text:
        d = dt.date.fromisoformat(text)
        return f"{d.day}.{d.month}.{d.year}"
    if text in ("0", "1") and column not in ("case_id", "unit"):
        return yes if text == "1" else no
    return text

lines = [";".join(finnish[c] for c in rows[0].keys())]
lines += [";".join(value(c, r[c]) for c in r) for r in rows]
text = "\r\n".join(lines) + "\r\n"
(here / "cases-fi.csv").write_bytes("\ufeff".encode() + text.encode("utf-8"))
(here / "cases-fi-1252.csv").write_bytes(text.encode("cp1252"))

lines = [";".join(swedish[c] for c in rows[0].keys())]
lines += [";".join(value(c, r[c], "ja", "nej") for c in r) for r in rows]
text = "\r\n".join(lines) + "\r\n"
(here / "cases-sv.csv").write_bytes("\ufeff".encode() + text.encode("utf-8"))

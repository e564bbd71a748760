#!/usr/bin/env python3
"""Writes the independent golden file of Finnish holidays from the open `holidays` package.

usage: python3 generate_holidays_fi.py > holidays_fi_1955_2099.csv   (pip install holidays)
Each date once; names as the package gives them (several holidays on one day joined by "; ").
"""
import sys
import holidays

fi = holidays.country_holidays("FI", years=range(1955, 2100), language="fi")
en = holidays.country_holidays("FI", years=range(1955, 2100), language="en_US")
sv = holidays.country_holidays("FI", years=range(1955, 2100), language="sv_FI")
out = sys.stdout
out.write(f"# Finnish holidays 1955-2099 from the Python package holidays {holidays.__version__}\n")
out.write("date,name_fi,name_en,name_sv\n")
for day in sorted(fi):
    out.write(f"{day.isoformat()},{fi[day]},{en[day]},{sv[day]}\n")

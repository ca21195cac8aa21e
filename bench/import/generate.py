#!/usr/bin/env python3
"""Writes a seeded ledger import for the import benchmark: nations.csv and N offers.

usage: generate.py N OUT_DIR [SEED]
Offers follow the shape of real ones: a few item types carry most rows, quantities are
heavy-tailed, about 30% restrict their recipients, a few carry end-use conditions.
"""
import csv, os, random, sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2024)
os.makedirs(out, exist_ok=True)
donors = ["AL","BE","BG","CA","CZ","DE","DK","EE","ES","FI","FR","GB","GR","HR","HU","IS","IT","LT","LU","LV",
          "ME","MK","NL","NO","PL","PT","RO","SE","SI","SK","TR","US","JP","AU","KR"]
recipients = ["UA","MD","GE"]
with open(os.path.join(out, "nations.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code","name","role","currency"])
    for code in donors:
        w.writerow([code, code, "ally" if code not in ("JP","AU","KR") else "partner", "EUR"])
    for code in recipients:
        w.writerow([code, code, "recipient", "EUR"])
items = [f"item-{i:03d}" for i in range(200)]
weights = [1 / (i + 1) ** 1.1 for i in range(len(items))]
with open(os.path.join(out, "offers.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id","donor","item","quantity","available","transit_months","recipients","conditions"])
    for i in range(n):
        month = rng.randrange(36)
        scope = "*" if rng.random() >= 0.3 else ";".join(sorted(rng.sample(recipients, rng.randint(1, 2))))
        conditions = "no re-export; end-use monitoring" if rng.random() < 0.05 else ""
        w.writerow([f"O{i:07d}", rng.choice(donors), rng.choices(items, weights)[0],
                    max(1, min(1_000_000_000, int(rng.paretovariate(1.2) * 10))),
                    f"{2025 + month // 12}-{month % 12 + 1:02d}", rng.randint(0, 4), scope, conditions])

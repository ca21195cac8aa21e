#!/usr/bin/env python3
"""Writes a seeded, realistic planning scenario (the planning contract's folder format).

usage: generate.py N OUT_DIR [SEED] [--lp FILE] [--items K]
N requirements and N offers over 36 months and K item types (default N/1000, at least 10 and at
most 200: a small ledger has a small catalogue, and 200,000 rows have the issue's 200): a few item
types carry most rows (Zipf), quantities are heavy-tailed (Pareto), about 30% of offers restrict
their recipients.
With --lp, also writes the direct LP of the problem (one variable per eligible pair) for glpsol.
"""
import os, random, sys

def option(name):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else None

lp_file, item_count = option("--lp"), option("--items")
args = [a for a in sys.argv[1:] if not a.startswith("--") and a not in (lp_file, item_count)]
n, out = int(args[0]), args[1]
rng = random.Random(int(args[2]) if len(args) > 2 else 2024)
os.makedirs(out, exist_ok=True)

MONTHS = 36
items = [f"item-{i:03d}" for i in range(int(item_count) if item_count else max(10, min(200, n // 1000)))]
weights = [1 / (i + 1) ** 1.2 for i in range(len(items))]
recipients = ["UA", "MD", "GE", "AM", "BA", "XK", "RS", "LB", "JO", "TN", "SO", "YE"][:9]
recipient_weights = [60, 8, 8, 4, 4, 4, 4, 4, 4]
donors = ["US", "DE", "GB", "FR", "PL", "NL", "CA", "IT", "SE", "NO", "DK", "FI", "JP", "KR", "AU"]

def month(index):
    return f"{2025 + index // 12}-{index % 12 + 1:02d}"

def quantity():
    return max(1, min(1_000_000_000, int(rng.paretovariate(1.1) * 20)))

reqs, offers = [], []
with open(os.path.join(out, "requirements.csv"), "w") as f:
    f.write("id,recipient,item,quantity,priority,need_by,useful_months\n")
    item_rows = rng.choices(items, weights, k=n)
    rec_rows = rng.choices(recipients, recipient_weights, k=n)
    for i in range(n):
        r = (f"R{i:07d}", rec_rows[i], item_rows[i], quantity(), rng.choices([1, 2, 3, 4, 5], [15, 25, 30, 20, 10])[0],
             rng.randrange(MONTHS), rng.choice([0, 0, 1, 2, 3, 6, 12]))
        reqs.append(r)
        f.write(f"{r[0]},{r[1]},{r[2]},{r[3]},{r[4]},{month(r[5])},{r[6]}\n")
with open(os.path.join(out, "offers.csv"), "w") as f:
    f.write("id,donor,item,quantity,available,transit_months,recipients\n")
    item_rows = rng.choices(items, weights, k=n)
    for i in range(n):
        scope = "*"
        if rng.random() < 0.3:
            scope = ";".join(sorted(set(rng.choices(recipients, recipient_weights, k=rng.randint(1, 3)))))
        o = (f"O{i:07d}", rng.choice(donors), item_rows[i], quantity(), rng.randrange(MONTHS), rng.choice([0, 0, 1, 1, 2, 3, 6]), scope)
        offers.append(o)
        f.write(f"{o[0]},{o[1]},{o[2]},{o[3]},{month(o[4])},{o[5]},{o[6]}\n")

if lp_file:
    by_item = {}
    for j, r in enumerate(reqs):
        by_item.setdefault(r[2], []).append(j)
    variables, offer_rows, req_rows = [], {}, {}
    for i, o in enumerate(offers):
        allowed = None if o[6] == "*" else set(o[6].split(";"))
        arrive = o[4] + o[5]
        for j in by_item.get(o[2], []):
            r = reqs[j]
            if (allowed is None or r[1] in allowed) and arrive <= r[5] + r[6]:
                late = max(0, arrive - r[5])
                benefit = 10 ** (5 - r[4]) * (r[6] + 1 - late)
                k = len(variables)
                variables.append(benefit)
                offer_rows.setdefault(i, []).append(k)
                req_rows.setdefault(j, []).append(k)
    with open(lp_file, "w") as f:
        f.write("Maximize\n obj: " + " + ".join(f"{b} x{k}" for k, b in enumerate(variables)) + "\nSubject To\n")
        for i, ks in offer_rows.items():
            f.write(f" o{i}: " + " + ".join(f"x{k}" for k in ks) + f" <= {offers[i][3]}\n")
        for j, ks in req_rows.items():
            f.write(f" r{j}: " + " + ".join(f"x{k}" for k in ks) + f" <= {reqs[j][3]}\n")
        f.write("End\n")

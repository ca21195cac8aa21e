#!/usr/bin/env python3
"""Writes a seeded, realistic planning scenario (the planning contract's folder format).

usage: generate.py N OUT_DIR [SEED] [--lp FILE] [--items K]
                   [--funds F] [--options P] [--order-months M]
N requirements and N offers over 36 months and K item types (default N/1000, at least 10 and at
most 200: a small ledger has a small catalogue, and 200,000 rows have the issue's 200): a few item
types carry most rows (Zipf), quantities are heavy-tailed (Pareto), about 30% of offers restrict
their recipients.
With --lp, also writes the direct LP of the in-kind problem (one variable per eligible pair) for glpsol.
With --funds F, also writes funds.csv (spec/procurement.md): F funds of the donors, EUR 50m-1bn each
(log-uniform, whole millions), about 30% earmarked to a few item types and 25% to some recipients,
available in a month spread over the order window. With --options P, also writes procurement.csv:
P options over the item types the requirements use most, 1-3 per item type (more only when P exceeds
three per type): stocks sold through PURL (supplier US: lead 0-3 months) or industry (lead 3-24),
a unit price drawn per item type (log-normal around EUR 20,000, EUR 100 to 10m) and varied per option,
order months inside the first M months (--order-months, default 24), and a monthly capacity of 5-50%
of the item's demand per month of the window. Funds and options come from a random generator of their
own, so requirements.csv and offers.csv are those of the same SEED without them, byte for byte.
"""
import math, os, random, sys

options_given, args, argv = {}, [], sys.argv[1:]
while argv:
    if argv[0].startswith("--"):
        if len(argv) < 2:
            sys.exit(f"generate.py: {argv[0]} needs a value")
        options_given[argv[0]], argv = argv[1], argv[2:]
    else:
        args, argv = args + [argv[0]], argv[1:]
unknown = set(options_given) - {"--lp", "--items", "--funds", "--options", "--order-months"}
if unknown or len(args) not in (2, 3):
    sys.exit(__doc__.strip())

def option(name):
    return options_given.get(name)

lp_file, item_count = option("--lp"), option("--items")
n, out = int(args[0]), args[1]
seed = int(args[2]) if len(args) > 2 else 2024
rng = random.Random(seed)
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

# Funds and procurement options: drawn from their own generator, after everything above is written.
fund_count, option_count = option("--funds"), option("--options")
order_months = int(option("--order-months") or 24)
prng = random.Random(f"procurement-{seed}")

if option_count is not None:
    demand = {}
    for r in reqs:
        demand[r[2]] = demand.get(r[2], 0) + r[3]
    used = sorted(demand, key=lambda item: (-demand[item], item))  # the most needed item types first
    counts = {}
    while sum(counts.values()) < int(option_count):
        for item in used:
            if sum(counts.values()) >= int(option_count):
                break
            counts[item] = counts.get(item, 0) + min(prng.randint(1, 3), int(option_count) - sum(counts.values()))
    # A unit price per item type, then each option's within -20%..+50% of it.
    base_price = {item: min(10_000_000, max(100, int(prng.lognormvariate(math.log(20_000), 1.2)))) for item in items}
    industry = ["DE-industry", "FR-industry", "CZ-industry", "PL-industry", "KR-industry", "TR-industry",
                "GB-industry", "US-industry", "NO-industry", "SE-industry"]
    with open(os.path.join(out, "procurement.csv"), "w") as f:
        f.write("id,supplier,item,unit_price_eur,first_order,last_order,lead_months,monthly_capacity\n")
        k = 0
        for item in used:
            for _ in range(counts.get(item, 0)):
                stock = prng.random() < 0.3
                supplier = "US" if stock else prng.choice(industry)
                lead = prng.randint(0, 3) if stock else prng.randint(3, 24)
                price = base_price[item] * prng.uniform(0.8, 1.5)
                price = max(1, int(round(price, -1 if price >= 1000 else 0)))
                first = prng.randrange(max(1, order_months // 2))
                last = prng.randint(min(order_months - 1, first + order_months // 4), order_months - 1)
                capacity = max(1, min(1_000_000, int(demand[item] / order_months * prng.uniform(0.05, 0.5))))
                f.write(f"P{k:05d},{supplier},{item},{price},{month(first)},{month(last)},{lead},{capacity}\n")
                k += 1

if fund_count is not None:
    with open(os.path.join(out, "funds.csv"), "w") as f:
        f.write("id,donor,amount_eur,available,items,recipients\n")
        serial = {}
        for k in range(int(fund_count)):
            donor = prng.choice(donors)
            available = prng.randrange(order_months)
            serial[(donor, available // 12)] = serial.get((donor, available // 12), 0) + 1
            amount = int(math.exp(prng.uniform(math.log(50e6), math.log(1e9))) / 1e6) * 1_000_000
            earmark = "*"
            if prng.random() < 0.3:
                earmark = ";".join(sorted(set(prng.choices(items, weights, k=prng.randint(1, 5)))))
            scope = "*"
            if prng.random() < 0.25:
                scope = ";".join(sorted(set(prng.choices(recipients, recipient_weights, k=prng.randint(1, 3)))))
            fid = f"{donor}-PURL-{2025 + available // 12}-{serial[(donor, available // 12)]}"
            f.write(f"{fid},{donor},{amount},{month(available)},{earmark},{scope}\n")

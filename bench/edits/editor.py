#!/usr/bin/env python3
"""Changes offers one at a time through the API, as a desk editing rows would, and times each edit.

usage: editor.py BASE_URL TOKEN EDITS
Reads 20 offers (their ETags), then makes EDITS changes in turn, each a PUT with the If-Match the
previous answer gave, over one keep-alive connection. Prints "edits_per_second p50_ms p99_ms".
"""
import http.client, json, sys, time, urllib.parse

base, token, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port)
headers = {"Authorization": f"Bearer {token}"}


def call(method, path, body=None, extra=None):
    connection.request(method, path, body=body, headers={**headers, **(extra or {})})
    answer = connection.getresponse()
    data = answer.read()
    if answer.status >= 300:
        sys.exit(f"{method} {path}: {answer.status} {data[:300]!r}")
    return answer, data


_, page = call("GET", "/api/v1/offers?pageSize=20")
rows = json.loads(page)["items"]
etags = {}
for row in rows:
    answer, _ = call("GET", f"/api/v1/offers/{urllib.parse.quote(row['id'])}")
    etags[row["id"]] = answer.getheader("ETag")
latencies = []
start = time.perf_counter()
for i in range(edits):
    row = rows[i % len(rows)]
    row["quantity"] = row["quantity"] % 1000 + 1
    began = time.perf_counter()
    answer, _ = call("PUT", f"/api/v1/offers/{urllib.parse.quote(row['id'])}", json.dumps(row),
                     {"Content-Type": "application/json", "If-Match": etags[row["id"]]})
    latencies.append((time.perf_counter() - began) * 1000)
    etags[row["id"]] = answer.getheader("ETag")
elapsed = time.perf_counter() - start
latencies.sort()
print(f"{edits / elapsed:.1f} {latencies[len(latencies) // 2]:.1f} {latencies[int(len(latencies) * 0.99) - 1]:.1f}")
